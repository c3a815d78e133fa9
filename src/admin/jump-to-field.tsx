/**
 * WordPress dependencies
 */
import {
	createContext,
	useCallback,
	useContext,
	useEffect,
	useMemo,
	useState,
} from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { EntryList } from '../policy/types';

interface JumpTarget {
	path: string;
	/** Counts requests, so asking for the same field twice jumps twice. */
	sequence: number;
}

const JumpContext = createContext< {
	target: JumpTarget | null;
	jump: ( path: string ) => void;
} >( { target: null, jump: () => undefined } );

/**
 * The field with this path, or the nearest enclosing one that is on the page.
 *
 * @param path JSON path, e.g. `processors[40].country`.
 */
function findField( path: string ): HTMLElement | null {
	for ( let p = path; p; p = p.replace( /(\.[^.[\]]+|\[\d+\])$/, '' ) ) {
		const field = document.querySelector< HTMLElement >(
			`[data-field-path="${ CSS.escape( p ) }"]`
		);
		if ( field ) {
			return field;
		}
		if ( ! /(\.[^.[\]]+|\[\d+\])$/.test( p ) ) {
			break;
		}
	}
	return null;
}

/**
 * Lets the error summary move focus to any field, even one on another page of a list or inside
 * a closed entry: lists open the entry, then focus goes to the field's first control.
 *
 * @param props          Props.
 * @param props.children The settings page.
 */
export function JumpToFieldProvider( {
	children,
}: {
	children: React.ReactNode;
} ) {
	const [ target, setTarget ] = useState< JumpTarget | null >( null );
	const jump = useCallback(
		( path: string ) =>
			setTarget( ( t ) => ( {
				path,
				sequence: ( t?.sequence ?? 0 ) + 1,
			} ) ),
		[]
	);
	useEffect( () => {
		if ( ! target ) {
			return;
		}
		// Wait for the list to show the entry (a render or two), then focus.
		let frames = 0;
		let handle = 0;
		const focus = () => {
			const field = findField( target.path );
			const control = field?.querySelector< HTMLElement >(
				'input, select, textarea, button'
			);
			if (
				control &&
				( field?.dataset.fieldPath === target.path || frames > 5 )
			) {
				control.focus();
				control.scrollIntoView( { block: 'center' } );
			} else if ( frames++ < 20 ) {
				handle = window.requestAnimationFrame( focus );
			}
		};
		handle = window.requestAnimationFrame( focus );
		return () => window.cancelAnimationFrame( handle );
	}, [ target ] );
	// The same value until a jump: a new object on every render of the page would render every
	// part that can jump (a thousand findings) again on every key press.
	const value = useMemo( () => ( { target, jump } ), [ target, jump ] );
	return (
		<JumpContext.Provider value={ value }>
			{ children }
		</JumpContext.Provider>
	);
}

/** The function that jumps to a field by its JSON path. */
export const useJumpToField = () => useContext( JumpContext ).jump;

/**
 * Calls back with the entry index when a jump targets a field inside this list.
 *
 * @param list    `measures` or `processors`.
 * @param onIndex Shows and opens the entry.
 */
export function useJumpTarget(
	list: EntryList,
	onIndex: ( index: number ) => void
) {
	useJumpMatch( `^${ list }\\[(\\d+)\\]`, ( match ) => {
		if ( match[ 1 ] ) {
			onIndex( Number( match[ 1 ] ) );
		}
	} );
}

/**
 * Calls back with the match when a jump targets a field whose path matches a pattern.
 *
 * @param pattern A regular expression, as a string, over the target's JSON path.
 * @param onMatch Shows the part of the page that holds the field.
 */
export function useJumpMatch(
	pattern: string,
	onMatch: ( match: RegExpExecArray ) => void
) {
	const { target } = useContext( JumpContext );
	useEffect( () => {
		const match = target && new RegExp( pattern ).exec( target.path );
		if ( match ) {
			onMatch( match );
		}
		// Only a new jump should move the page, not a new callback.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ target, pattern ] );
}

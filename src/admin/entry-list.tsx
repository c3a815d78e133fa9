/**
 * WordPress dependencies
 */
import { Button, SearchControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { uniqueId } from '../policy/entries';
import { pathOf } from '../policy/paths';
import type { EntryList as ListName, EntryOf } from '../policy/types';
import { store } from '../store';
import { useJumpTarget } from './jump-to-field';
import { Pager } from './pager';

const PAGE_SIZE = 20;

interface Props< L extends ListName > {
	list: L;
	entries: Array< EntryOf< L > >;
	/** The entry's name for people, e.g. a processor's name. */
	labelOf: ( entry: EntryOf< L > ) => string;
	/** One line under the name: role and country, or the category. */
	summaryOf: ( entry: EntryOf< L > ) => string;
	/** Text the search looks in. */
	searchTextOf: ( entry: EntryOf< L > ) => string;
	renderEditor: ( entry: EntryOf< L >, index: number ) => JSX.Element;
	newEntry: ( taken: string[] ) => EntryOf< L >;
	addLabel: string;
	/** The pager's name among the page's landmarks. */
	pagesLabel: string;
}

/**
 * A list of measures or processors: search, pages of twenty (so a thousand processors stay
 * quick), and for each entry edit, move, duplicate and delete. Entries open one at a time.
 *
 * @param props Props.
 */
export function EntryList< L extends ListName >( props: Props< L > ) {
	const { list, entries, labelOf, summaryOf, searchTextOf } = props;
	const { addEntry, duplicateEntry, moveEntry, removeEntry } =
		useDispatch( store );
	const [ search, setSearch ] = useState( '' );
	const [ page, setPage ] = useState( 0 );
	// The open entry, by its stable key: it stays open when entries move around it.
	const [ open, setOpen ] = useState< number | null >( null );
	const { keys, nextKey } = useSelect(
		( select ) => ( {
			keys: select( store ).getEntryKeys( list ),
			nextKey: select( store ).getNextKey(),
		} ),
		[ list ]
	);
	const errorsByIndex = useSelect(
		( select ) => {
			const errors = select( store ).getErrors();
			const prefix = new RegExp( `^${ list }\\[(\\d+)\\]` );
			return new Set(
				Object.keys( errors )
					.map( ( path ) => prefix.exec( path )?.[ 1 ] )
					.filter( ( index ): index is string => index !== undefined )
					.map( Number )
			);
		},
		[ list ]
	);

	const matches = useMemo( () => {
		const needle = search.trim().toLocaleLowerCase();
		return entries
			.map( ( entry, index ) => ( { entry, index } ) )
			.filter(
				( { entry } ) =>
					! needle ||
					searchTextOf( entry ).toLocaleLowerCase().includes( needle )
			);
	}, [ entries, search, searchTextOf ] );
	const pages = Math.max( 1, Math.ceil( matches.length / PAGE_SIZE ) );
	const shown = matches.slice( page * PAGE_SIZE, ( page + 1 ) * PAGE_SIZE );
	useEffect( () => setPage( ( p ) => Math.min( p, pages - 1 ) ), [ pages ] );

	// The error summary asks for a field inside an entry: show its page, open it.
	useJumpTarget( list, ( index ) => {
		setSearch( '' );
		setPage( Math.floor( index / PAGE_SIZE ) );
		setOpen( keys[ index ] ?? null );
	} );

	const taken = entries.map( ( entry ) => entry.id );
	return (
		<div className="infosec-policy-entry-list">
			<SearchControl
				label={ __( 'Search', 'infosec-policy' ) }
				placeholder={ __( 'Search', 'infosec-policy' ) }
				value={ search }
				onChange={ ( value ) => {
					setSearch( value );
					setPage( 0 );
				} }
				__nextHasNoMarginBottom
			/>
			<p className="infosec-policy-entry-list__count" aria-live="polite">
				{ sprintf(
					/* translators: 1: entries shown by the search, 2: all entries. */
					__( '%1$d of %2$d', 'infosec-policy' ),
					matches.length,
					entries.length
				) }
			</p>
			<ul className="infosec-policy-entry-list__items">
				{ shown.map( ( { entry, index } ) => {
					const key = keys[ index ] ?? -1 - index;
					const isOpen = open === key;
					const label =
						labelOf( entry ) ||
						__( '(no name yet)', 'infosec-policy' );
					const editorId = `infosec-policy-${ list }-${ index }`;
					return (
						<li
							key={ key }
							className={ `infosec-policy-entry${ errorsByIndex.has( index ) ? ' has-error' : '' }` }
							data-field-path={ pathOf( list, index ) }
						>
							<div className="infosec-policy-entry__summary">
								<Button
									variant="link"
									aria-expanded={ isOpen }
									aria-controls={ editorId }
									onClick={ () =>
										setOpen( isOpen ? null : key )
									}
								>
									<strong>{ label }</strong>
								</Button>
								<span>{ summaryOf( entry ) }</span>
								{ errorsByIndex.has( index ) && (
									<span className="infosec-policy-entry__flag">
										{ __(
											'Needs attention',
											'infosec-policy'
										) }
									</span>
								) }
								<span className="infosec-policy-entry__actions">
									<Button
										size="small"
										disabled={ index === 0 }
										accessibleWhenDisabled
										label={ sprintf(
											/* translators: %s: entry name. */ __(
												'Move %s up',
												'infosec-policy'
											),
											label
										) }
										onClick={ () => {
											moveEntry( list, index, index - 1 );
										} }
									>
										{ __( 'Up', 'infosec-policy' ) }
									</Button>
									<Button
										size="small"
										disabled={
											index === entries.length - 1
										}
										accessibleWhenDisabled
										label={ sprintf(
											/* translators: %s: entry name. */ __(
												'Move %s down',
												'infosec-policy'
											),
											label
										) }
										onClick={ () => {
											moveEntry( list, index, index + 1 );
										} }
									>
										{ __( 'Down', 'infosec-policy' ) }
									</Button>
									<Button
										size="small"
										label={ sprintf(
											/* translators: %s: entry name. */ __(
												'Duplicate %s',
												'infosec-policy'
											),
											label
										) }
										onClick={ () =>
											duplicateEntry(
												list,
												index,
												uniqueId( entry.id, taken )
											)
										}
									>
										{ __( 'Duplicate', 'infosec-policy' ) }
									</Button>
									<Button
										size="small"
										isDestructive
										label={ sprintf(
											/* translators: %s: entry name. */ __(
												'Delete %s',
												'infosec-policy'
											),
											label
										) }
										onClick={ () => {
											removeEntry( list, index );
										} }
									>
										{ __( 'Delete', 'infosec-policy' ) }
									</Button>
								</span>
							</div>
							{ isOpen && (
								<div id={ editorId }>
									{ props.renderEditor( entry, index ) }
								</div>
							) }
						</li>
					);
				} ) }
			</ul>
			<Pager
				page={ page }
				pages={ pages }
				onChange={ setPage }
				label={ props.pagesLabel }
			/>
			<Button
				variant="secondary"
				onClick={ () => {
					const entry = props.newEntry( taken );
					addEntry( list, entry );
					setSearch( '' );
					setPage( Math.floor( entries.length / PAGE_SIZE ) );
					// The new entry's key is the one the store hands out next.
					setOpen( nextKey );
				} }
			>
				{ props.addLabel }
			</Button>
		</div>
	);
}

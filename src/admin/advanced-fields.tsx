/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';

/**
 * Fields few admins need, such as an entry's identifier (made from its name), folded away under
 * “Advanced”; open while one of them has an error, so the error summary can reach it.
 *
 * @param props          Props.
 * @param props.paths    The JSON paths of the fields inside.
 * @param props.children The fields.
 */
export function AdvancedFields( {
	paths,
	children,
}: {
	paths: string[];
	children: React.ReactNode;
} ) {
	const hasError = useSelect(
		( select ) =>
			paths.some(
				( path ) => select( store ).getFieldError( path ) !== undefined
			),
		[ paths ]
	);
	// Opened for an error, then left as the admin has it: fixing the error must not fold the
	// field away under the cursor.
	const [ open, setOpen ] = useState( false );
	useEffect( () => {
		if ( hasError ) {
			setOpen( true );
		}
	}, [ hasError ] );
	return (
		<details
			className="infosec-policy-advanced"
			open={ open }
			onToggle={ ( event ) => setOpen( event.currentTarget.open ) }
		>
			<summary>{ __( 'Advanced', 'infosec-policy' ) }</summary>
			{ children }
		</details>
	);
}

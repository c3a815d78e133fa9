/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';
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
	return (
		<details
			className="infosec-policy-advanced"
			open={ hasError || undefined }
		>
			<summary>{ __( 'Advanced', 'infosec-policy' ) }</summary>
			{ children }
		</details>
	);
}

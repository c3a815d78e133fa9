/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect, useRef } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';
import { useJumpToField } from './jump-to-field';

/**
 * Every problem the server found, each named by its entry and field (“Mailchimp: Host name for
 * the TLS check must be …”) with a button that moves focus to that field. When a save is refused,
 * focus moves to the summary, so the admin is not left at the Save button wondering.
 */
export function ErrorSummary() {
	const { errors, subjects, rejections } = useSelect(
		( select ) => ( {
			errors: select( store ).getErrors(),
			subjects: select( store ).getErrorSubjects(),
			rejections: select( store ).getRejections(),
		} ),
		[]
	);
	const jump = useJumpToField();
	const heading = useRef< HTMLHeadingElement >( null );
	const entries = Object.entries( errors );
	const count = entries.length;
	// Once per refused save: an edit that clears one error must not pull focus from the field.
	useEffect( () => {
		if ( rejections > 0 ) {
			heading.current?.focus();
		}
	}, [ rejections ] );
	if ( count === 0 ) {
		return null;
	}
	return (
		<Notice
			// A spoken text of its own: Notice would otherwise render the children to a
			// string inside its own render, running their hooks as if they were its own.
			spokenMessage={ __(
				'Fix these fields, then save again',
				'infosec-policy'
			) }
			status="error"
			isDismissible={ false }
			className="infosec-policy-error-summary"
		>
			<h2 ref={ heading } tabIndex={ -1 }>
				{ __( 'Fix these fields, then save again', 'infosec-policy' ) }
			</h2>
			<ul>
				{ entries.map( ( [ path, message ] ) => (
					<li key={ path }>
						{ path ? (
							<Button
								variant="link"
								onClick={ () => jump( path ) }
							>
								{ subjects[ path ] || path }
							</Button>
						) : null }{ ' ' }
						{ message }
					</li>
				) ) }
			</ul>
		</Notice>
	);
}

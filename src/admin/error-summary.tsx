/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';
import { useJumpToField } from './jump-to-field';

/**
 * Every problem the server found, each with a button that moves focus to its field.
 */
export function ErrorSummary() {
	const errors = useSelect( ( select ) => select( store ).getErrors(), [] );
	const jump = useJumpToField();
	const entries = Object.entries( errors );
	if ( entries.length === 0 ) {
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
			<h2>
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
								<code>{ path }</code>
							</Button>
						) : null }{ ' ' }
						{ message }
					</li>
				) ) }
			</ul>
		</Notice>
	);
}

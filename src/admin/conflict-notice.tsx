/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { store } from '../store';
import { download, today } from './download';

/**
 * After a 409: someone else saved. Nothing is lost silently: the admin reloads the stored policy
 * (after downloading their own edits, if they like) or keeps their edits and saves over it knowingly.
 *
 * @param props        Props.
 * @param props.reload Loads the stored policy, dropping the draft.
 */
export function ConflictNotice( { reload }: { reload: () => void } ) {
	const { conflictRevision, draft } = useSelect(
		( select ) => ( {
			conflictRevision: select( store ).getConflictRevision(),
			draft: select( store ).getDraft(),
		} ),
		[]
	);
	const { keepMyEdits } = useDispatch( store );
	if ( conflictRevision === null ) {
		return null;
	}
	return (
		<Notice
			// A spoken text of its own: see ErrorSummary.
			spokenMessage={ __(
				'Someone else saved the policy meanwhile',
				'infosec-policy'
			) }
			status="warning"
			isDismissible={ false }
			className="infosec-policy-conflict"
		>
			<h2>
				{ __(
					'Someone else saved the policy meanwhile',
					'infosec-policy'
				) }
			</h2>
			<p>
				{ __(
					'Your changes were not saved, and theirs were not overwritten. Choose which version to keep.',
					'infosec-policy'
				) }
			</p>
			<div className="infosec-policy-conflict__actions">
				<Button
					variant="secondary"
					onClick={ () =>
						download(
							new Blob( [ JSON.stringify( draft, null, '\t' ) ], {
								type: 'application/json',
							} ),
							`infosec-policy-my-edits-${ today() }.json`
						)
					}
				>
					{ __( 'Download my edits', 'infosec-policy' ) }
				</Button>
				<Button variant="secondary" onClick={ reload }>
					{ __(
						'Load their version (discard my edits)',
						'infosec-policy'
					) }
				</Button>
				<Button variant="primary" onClick={ keepMyEdits }>
					{ __(
						'Keep my edits (then save to overwrite theirs)',
						'infosec-policy'
					) }
				</Button>
			</div>
		</Notice>
	);
}

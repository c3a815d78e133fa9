/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Subscriber } from '../subscriber-data';

/**
 * Asks the admin to confirm that a subscriber is to be removed.
 *
 * @param props            Props.
 * @param props.subscriber The subscriber.
 * @param props.busy       Whether the removal is under way.
 * @param props.onConfirm  Called when the admin confirms.
 * @param props.onCancel   Called when the admin changes their mind.
 */
export function RemoveSubscriberModal( {
	subscriber,
	busy,
	onConfirm,
	onCancel,
}: {
	subscriber: Subscriber;
	busy: boolean;
	onConfirm: () => void;
	onCancel: () => void;
} ) {
	return (
		<Modal
			title={ __( 'Remove this subscriber?', 'infosec-policy' ) }
			onRequestClose={ onCancel }
			size="medium"
		>
			<p>
				{ sprintf(
					/* translators: %s: an e-mail address. */
					__(
						'%s will get no more e-mails about changes to the policy, and the record of their consent is deleted. They can subscribe again with the form.',
						'infosec-policy'
					),
					subscriber.email
				) }
			</p>
			<div className="infosec-policy-subscribers__modal-actions">
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'infosec-policy' ) }
				</Button>
				<Button
					variant="primary"
					isDestructive
					onClick={ onConfirm }
					isBusy={ busy }
					disabled={ busy }
					accessibleWhenDisabled
				>
					{ __( 'Remove subscriber', 'infosec-policy' ) }
				</Button>
			</div>
		</Modal>
	);
}

/**
 * WordPress dependencies
 */
import { Button, Modal } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { NoticeEmail } from '../api';

/**
 * Whom a change will be e-mailed to, and the e-mail as it will be sent: its sender, subject and
 * text, in the language most of its recipients read.
 *
 * @param props            Props.
 * @param props.recipients How many subscribers will get it.
 * @param props.email      The e-mail.
 */
export function NoticePreview( {
	recipients,
	email,
}: {
	recipients: number;
	email: NoticeEmail;
} ) {
	return (
		<div className="infosec-policy-notice-preview">
			<p>
				<strong>
					{ sprintf(
						/* translators: %d: a number of subscribers. */
						_n(
							'This change will be e-mailed to %d subscriber.',
							'This change will be e-mailed to %d subscribers.',
							recipients,
							'infosec-policy'
						),
						recipients
					) }
				</strong>{ ' ' }
				{ email.languages > 1
					? __(
							'Each subscriber gets it in their own language. This is the e-mail as most of them will get it:',
							'infosec-policy'
						)
					: __(
							'This is the e-mail they will get:',
							'infosec-policy'
						) }
			</p>
			<dl className="infosec-policy-notice-preview__headers">
				{ email.from && (
					<div>
						<dt>{ __( 'From', 'infosec-policy' ) }</dt>
						<dd>{ email.from }</dd>
					</div>
				) }
				{ email.replyTo && (
					<div>
						<dt>{ __( 'Reply to', 'infosec-policy' ) }</dt>
						<dd>{ email.replyTo }</dd>
					</div>
				) }
				<div>
					<dt>{ __( 'Subject', 'infosec-policy' ) }</dt>
					<dd>{ email.subject }</dd>
				</div>
			</dl>
			<pre
				className="infosec-policy-notice-preview__text"
				lang={ email.locale.replace( '_', '-' ) }
				// Scrollable, so it must be reachable by keyboard (axe: scrollable-region-focusable).
				tabIndex={ 0 }
				aria-label={ __( 'The e-mail’s text', 'infosec-policy' ) }
			>
				{ email.text }
			</pre>
		</div>
	);
}

/**
 * Asks the admin to confirm a save that will e-mail subscribers, showing them the e-mail first.
 *
 * @param props            Props.
 * @param props.recipients How many subscribers will get it.
 * @param props.email      The e-mail.
 * @param props.onConfirm  Called to save and send.
 * @param props.onCancel   Called when the admin changes their mind: nothing is saved.
 */
export function NoticeConfirmModal( {
	recipients,
	email,
	onConfirm,
	onCancel,
}: {
	recipients: number;
	email: NoticeEmail;
	onConfirm: () => void;
	onCancel: () => void;
} ) {
	return (
		<Modal
			title={ __(
				'E-mail subscribers about this change?',
				'infosec-policy'
			) }
			onRequestClose={ onCancel }
			size="medium"
		>
			<NoticePreview recipients={ recipients } email={ email } />
			<p>
				{ __(
					'To save without e-mailing anyone, cancel and mark the change as internal under “Add a note about this change”. It then stays out of the published change log too.',
					'infosec-policy'
				) }
			</p>
			<div className="infosec-policy-import__actions infosec-policy-notice-preview__actions">
				<Button variant="tertiary" onClick={ onCancel }>
					{ __( 'Cancel', 'infosec-policy' ) }
				</Button>
				<Button variant="primary" onClick={ onConfirm }>
					{ sprintf(
						/* translators: %d: a number of subscribers. */
						_n(
							'Save and e-mail %d subscriber',
							'Save and e-mail %d subscribers',
							recipients,
							'infosec-policy'
						),
						recipients
					) }
				</Button>
			</div>
		</Modal>
	);
}

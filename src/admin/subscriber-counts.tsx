/**
 * WordPress dependencies
 */
import { _n, __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { SubscriberSummary } from '../subscriber-data';

/**
 * How many subscribers there are, and where their e-mails stand.
 *
 * @param props         Props.
 * @param props.summary The counts, as GET /subscribers/summary gives them.
 */
export function SubscriberCounts( {
	summary,
}: {
	summary: SubscriberSummary;
} ) {
	const { confirmed, pending } = summary.subscribers;
	const { waiting, sending, sent, failed, gaveUp } = summary.queue;
	// E-mails being sent are still on their way, as far as the admin is concerned. The summary's
	// `failed` are those to be tried again; those out of attempts are `gaveUp`.
	const unsent = waiting + sending;
	const retrying = failed;
	return (
		<div className="infosec-policy-subscribers__counts">
			<ul>
				<li>
					{ sprintf(
						/* translators: %d: a number of subscribers. */
						_n(
							'%d confirmed subscriber',
							'%d confirmed subscribers',
							confirmed,
							'infosec-policy'
						),
						confirmed
					) }
				</li>
				<li>
					{ sprintf(
						/* translators: %d: a number of e-mail addresses. */
						_n(
							'%d address waiting for confirmation',
							'%d addresses waiting for confirmation',
							pending,
							'infosec-policy'
						),
						pending
					) }
				</li>
			</ul>
			<h3>{ __( 'E-mail queue', 'infosec-policy' ) }</h3>
			<ul>
				<li>
					{ sprintf(
						/* translators: %d: a number of e-mails. */
						_n(
							'%d e-mail waiting to be sent',
							'%d e-mails waiting to be sent',
							unsent,
							'infosec-policy'
						),
						unsent
					) }
				</li>
				<li>
					{ sprintf(
						/* translators: %d: a number of e-mails. */
						_n(
							'%d e-mail sent',
							'%d e-mails sent',
							sent,
							'infosec-policy'
						),
						sent
					) }
				</li>
				<li className={ retrying > 0 ? 'is-warning' : undefined }>
					{ sprintf(
						/* translators: %d: a number of e-mails. */
						_n(
							'%d e-mail failed, to be tried again',
							'%d e-mails failed, to be tried again',
							retrying,
							'infosec-policy'
						),
						retrying
					) }
				</li>
				{ gaveUp > 0 && (
					<li className="is-error">
						{ sprintf(
							/* translators: %d: a number of e-mails. */
							_n(
								'%d e-mail out of attempts, not to be tried again',
								'%d e-mails out of attempts, not to be tried again',
								gaveUp,
								'infosec-policy'
							),
							gaveUp
						) }
					</li>
				) }
			</ul>
		</div>
	);
}

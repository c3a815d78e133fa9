/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { dateI18n, getSettings } from '@wordpress/date';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Subscriber } from '../subscriber-data';
import { adminLocale } from './country-controls';

/**
 * Where a subscriber's consent came from, in words: the subscribe form, the REST API, an import
 * (with the source the admin gave it), or what a script stored.
 *
 * @param source The stored source: `form`, `rest`, `import` or `import: <source>`.
 */
export function consentSourceText( source: string ): string {
	if ( source === 'form' ) {
		return __( 'Subscribe form', 'infosec-policy' );
	}
	if ( source === 'rest' ) {
		return __( 'REST API', 'infosec-policy' );
	}
	if ( source === 'import' ) {
		return __( 'Import, asked to confirm', 'infosec-policy' );
	}
	if ( source.startsWith( 'import: ' ) ) {
		return sprintf(
			/* translators: %s: where the admin says the consent was given. */
			__( 'Import: %s', 'infosec-policy' ),
			source.slice( 'import: '.length )
		);
	}
	return source || '—';
}

/**
 * A WordPress locale (nl_NL) by name in the admin's language ("Dutch (Netherlands)"), or as it
 * is when the browser has no name for it.
 *
 * @param locale The locale.
 */
export function languageName( locale: string ): string {
	try {
		return (
			// "standard": English (United States), as WordPress names it, not "American English".
			new Intl.DisplayNames( [ adminLocale() ], {
				type: 'language',
				languageDisplay: 'standard',
			} ).of( locale.replace( '_', '-' ) ) ?? locale
		);
	} catch {
		return locale;
	}
}

/**
 * One page of subscribers, newest first, each with a button that asks to remove it.
 *
 * @param props             Props.
 * @param props.subscribers The subscribers on the page.
 * @param props.onRemove    Called with the subscriber whose "Remove" was pressed.
 */
export function SubscriberTable( {
	subscribers,
	onRemove,
}: {
	subscribers: Subscriber[];
	onRemove: ( subscriber: Subscriber ) => void;
} ) {
	// The site's own date and time formats and time zone, with month names in the admin's language.
	const format = getSettings().formats.datetime;
	return (
		<table className="widefat striped infosec-policy-subscribers__table">
			<caption className="screen-reader-text">
				{ __( 'Subscribers, newest first', 'infosec-policy' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Address', 'infosec-policy' ) }</th>
					<th scope="col">{ __( 'Status', 'infosec-policy' ) }</th>
					<th scope="col">{ __( 'Language', 'infosec-policy' ) }</th>
					<th scope="col">{ __( 'Asked on', 'infosec-policy' ) }</th>
					<th scope="col">
						{ __( 'Consent source', 'infosec-policy' ) }
					</th>
					<th scope="col">
						<span className="screen-reader-text">
							{ __( 'Actions', 'infosec-policy' ) }
						</span>
					</th>
				</tr>
			</thead>
			<tbody>
				{ subscribers.map( ( subscriber ) => (
					<tr key={ subscriber.id }>
						<th scope="row">{ subscriber.email }</th>
						<td>
							{ subscriber.status === 'confirmed'
								? __( 'Confirmed', 'infosec-policy' )
								: __(
										'Waiting for confirmation',
										'infosec-policy'
									) }
						</td>
						<td>{ languageName( subscriber.locale ) }</td>
						<td>
							{ dateI18n(
								format,
								subscriber.requestedAt * 1000
							) }
						</td>
						<td>
							{ consentSourceText( subscriber.consentSource ) }
						</td>
						<td>
							<Button
								variant="secondary"
								isDestructive
								size="compact"
								label={ sprintf(
									/* translators: %s: an e-mail address. */
									__( 'Remove %s', 'infosec-policy' ),
									subscriber.email
								) }
								onClick={ () => onRemove( subscriber ) }
							>
								{ __( 'Remove', 'infosec-policy' ) }
							</Button>
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

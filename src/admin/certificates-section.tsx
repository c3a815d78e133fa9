/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { dateI18n, getSettings } from '@wordpress/date';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	checkTlsNow,
	fetchTlsReport,
	toApiError,
	type TlsReport,
} from '../api';

/**
 * A check's status in words (as the TLS badge says it).
 *
 * @param status A status of the TLS check.
 */
export function tlsStatusText( status: string ): string {
	const texts: Record< string, string > = {
		valid: __( 'Valid', 'infosec-policy' ),
		expiring: __( 'Expires soon', 'infosec-policy' ),
		expired: __( 'Expired', 'infosec-policy' ),
		untrusted: __( 'Not trusted', 'infosec-policy' ),
		mismatch: __( 'Does not match the host name', 'infosec-policy' ),
		unreachable: __( 'Host unreachable', 'infosec-policy' ),
		timeout: __( 'Check timed out', 'infosec-policy' ),
		blocked: __( 'Check not allowed', 'infosec-policy' ),
	};
	return texts[ status ] ?? __( 'Not checked yet', 'infosec-policy' );
}

/**
 * A time in the site's date format and time zone, with month names in the admin's language.
 * @param seconds
 */
const formatDate = ( seconds?: number ) =>
	seconds ? dateI18n( getSettings().formats.date, seconds * 1000 ) : '—';

/**
 * The certificates of the site and the processors' hosts, as last checked, with "Check now".
 */
export function CertificatesSection() {
	const [ report, setReport ] = useState< TlsReport[] | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ message, setMessage ] = useState< string | null >( null );

	useEffect( () => {
		fetchTlsReport()
			.then( setReport )
			.catch( ( error ) => setMessage( toApiError( error ).message ) );
	}, [] );

	const checkNow = async () => {
		setBusy( true );
		setMessage( null );
		try {
			setReport( await checkTlsNow() );
			setMessage(
				__( 'The certificates were checked.', 'infosec-policy' )
			);
		} catch ( error ) {
			setMessage( toApiError( error ).message );
		} finally {
			setBusy( false );
		}
	};

	return (
		<div className="infosec-policy-certificates">
			<p>
				{ __(
					'Checked twice a day in the background, with how the website answers http:// and https://; visitors’ page views never open a connection.',
					'infosec-policy'
				) }
			</p>
			{ message && (
				<Notice status="info" isDismissible={ false }>
					{ message }
				</Notice>
			) }
			{ report === null ? (
				<Spinner />
			) : (
				// A narrow screen scrolls the table, not the page; the keyboard can scroll it too.
				<div
					className="infosec-policy-certificates__scroll"
					role="region"
					aria-label={ __(
						'Certificates of the hosts in the policy',
						'infosec-policy'
					) }

					tabIndex={ 0 }
				>
					<table className="widefat striped">
						<caption className="screen-reader-text">
							{ __(
								'Certificates of the hosts in the policy',
								'infosec-policy'
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Host', 'infosec-policy' ) }
								</th>
								<th scope="col">
									{ __( 'Status', 'infosec-policy' ) }
								</th>
								<th scope="col">
									{ __( 'Issuer', 'infosec-policy' ) }
								</th>
								<th scope="col">
									{ __( 'Valid until', 'infosec-policy' ) }
								</th>
								<th scope="col">
									{ __( 'Last checked', 'infosec-policy' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ report.map( ( row ) => (
								<tr key={ row.host }>
									<th scope="row">{ row.host }</th>
									<td>
										{ tlsStatusText( row.status ) }
										{ row.stale && (
											<div>
												{ __(
													'(the latest check could not reach the host)',
													'infosec-policy'
												) }
											</div>
										) }
									</td>
									<td>
										{ [
											row.issuerOrganization,
											row.issuerCommonName,
										]
											.filter( Boolean )
											.join( ' · ' ) || '—' }
										{ row.issuerMismatch && (
											<div className="infosec-policy-certificates__mismatch">
												{ sprintf(
													/* translators: %s: the issuer the policy declares. */
													__(
														'The policy declares “%s”.',
														'infosec-policy'
													),
													row.declaredIssuer
												) }
											</div>
										) }
									</td>
									<td>{ formatDate( row.validTo ) }</td>
									<td>{ formatDate( row.checkedAt ) }</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
			{ report
				?.filter( ( row ) => row.httpsSentences?.length )
				.map( ( row ) => (
					<div
						key={ row.host }
						className="infosec-policy-certificates__https"
					>
						<h3>
							{ sprintf(
								/* translators: %s: the site's host name. */
								__( 'How %s answers', 'infosec-policy' ),
								row.host
							) }
						</h3>
						<ul>
							{ row.httpsSentences?.map( ( sentence ) => (
								<li key={ sentence }>{ sentence }</li>
							) ) }
						</ul>
					</div>
				) ) }
			<Button
				variant="secondary"
				onClick={ checkNow }
				isBusy={ busy }
				disabled={ busy }
				accessibleWhenDisabled
			>
				{ __( 'Check now', 'infosec-policy' ) }
			</Button>
		</div>
	);
}

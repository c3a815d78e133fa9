<?php
/**
 * Site Health tests for the certificates the policy names.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscription_Requests;
use InfosecPolicy\Tls\Tls_Results;
use InfosecPolicy\Tls\Tls_Status;

defined( 'ABSPATH' ) || exit;

/**
 * Three Site Health tests, read from stored data (no connection of their own): the site's own
 * certificate (critical when expired or failing, recommended when expiring), processor hosts whose
 * certificate fails, and what the compliance checks find in the statement.
 *
 * @phpstan-type Test array{ label: string, status: 'good'|'recommended'|'critical', badge: array{ label: string, color: string }, description: string, actions: string, test: string }
 */
final class Site_Health {

	/**
	 * Adds the tests. Runs on `site_status_tests`.
	 *
	 * @param array<string, mixed> $tests Core's tests.
	 * @return array<string, mixed>
	 */
	public static function register( array $tests ): array {
		$tests['direct']['infosec_policy_site_certificate']       = array(
			'label' => __( 'The site’s TLS certificate', 'infosec-policy' ),
			'test'  => array( self::class, 'site_certificate' ),
		);
		$tests['direct']['infosec_policy_processor_certificates'] = array(
			'label' => __( 'Processors’ TLS certificates', 'infosec-policy' ),
			'test'  => array( self::class, 'processor_certificates' ),
		);
		$tests['direct']['infosec_policy_compliance']             = array(
			'label' => __( 'Information security statement', 'infosec-policy' ),
			'test'  => array( self::class, 'compliance' ),
		);
		$tests['direct']['infosec_policy_confirmation_cap']       = array(
			'label' => __( 'Subscription confirmation e-mails', 'infosec-policy' ),
			'test'  => array( self::class, 'confirmation_cap' ),
		);
		return $tests;
	}

	/**
	 * Whether the hourly cap on confirmation e-mails held requests back in the last day.
	 *
	 * @return Test
	 */
	public static function confirmation_cap(): array {
		$cap = Subscription_Requests::hourly_cap();
		if ( ! Subscription_Requests::cap_reached_lately() ) {
			return self::result(
				'infosec_policy_confirmation_cap',
				'good',
				__( 'Subscription requests are within the hourly cap', 'infosec-policy' ),
				/* translators: %d: a number of e-mails. */
				sprintf( _n( 'The site sends at most %d confirmation e-mail an hour, and has not needed to hold any back in the last day.', 'The site sends at most %d confirmation e-mails an hour, and has not needed to hold any back in the last day.', $cap, 'infosec-policy' ), $cap )
			);
		}
		return self::result(
			'infosec_policy_confirmation_cap',
			'recommended',
			__( 'Subscription requests reached the hourly cap', 'infosec-policy' ),
			/* translators: %d: a number of e-mails. */
			sprintf( _n( 'In the last day more people asked to subscribe than the %d confirmation e-mail an hour the site sends, so some were not sent. If that was not an attack, they can ask again, or a developer can raise the cap with the filter infosec_policy_confirmations_per_hour.', 'In the last day more people asked to subscribe than the %d confirmation e-mails an hour the site sends, so some were not sent. If that was not an attack, they can ask again, or a developer can raise the cap with the filter infosec_policy_confirmations_per_hour.', $cap, 'infosec-policy' ), $cap )
		);
	}

	/**
	 * What the compliance checks find in the stored policy.
	 *
	 * @return Test
	 */
	public static function compliance(): array {
		$findings = Compliance_Checks::for_stored_policy();
		$errors   = array_filter( $findings, static fn( array $finding ): bool => 'error' === $finding['severity'] );
		if ( array() === $findings ) {
			return self::result( 'infosec_policy_compliance', 'good', __( 'The information security statement has no known problems', 'infosec-policy' ), __( 'The compliance checks found nothing wrong or out of date.', 'infosec-policy' ) );
		}
		return self::result(
			'infosec_policy_compliance',
			array() === $errors ? 'recommended' : 'critical',
			/* translators: %d: number of findings. */
			sprintf( _n( 'The information security statement has %d problem', 'The information security statement has %d problems', count( $findings ), 'infosec-policy' ), count( $findings ) ),
			implode( ' ', array_map( static fn( array $finding ): string => $finding['message'], array_slice( $findings, 0, 5 ) ) )
		);
	}

	/**
	 * The site's own certificate.
	 *
	 * @return Test
	 */
	public static function site_certificate(): array {
		$host   = Tls_Status::site_host( Policy_Store::policy() );
		$result = '' === $host ? null : Tls_Results::get( $host );
		$status = (string) ( $result['status'] ?? 'unchecked' );
		if ( in_array( $status, Tls_Status::FAILING, true ) ) {
			return self::result(
				'infosec_policy_site_certificate',
				'critical',
				/* translators: 1: host name, 2: the check's status in words. */
				sprintf( __( 'The certificate of %1$s fails: %2$s', 'infosec-policy' ), $host, Tls_Status::text( $status ) ),
				__( 'Visitors’ browsers warn about this site, and the statement’s TLS badge shows the failure. Renew or replace the certificate.', 'infosec-policy' )
			);
		}
		if ( 'expiring' === $status ) {
			return self::result(
				'infosec_policy_site_certificate',
				'recommended',
				sprintf(
					/* translators: 1: host name, 2: days left. */
					_n( 'The certificate of %1$s expires in %2$d day', 'The certificate of %1$s expires in %2$d days', (int) ( $result['daysLeft'] ?? 0 ), 'infosec-policy' ),
					$host,
					(int) ( $result['daysLeft'] ?? 0 )
				),
				__( 'Renew it before it expires; automated renewal may have stopped.', 'infosec-policy' )
			);
		}
		if ( 'valid' !== $status || true === ( $result['stale'] ?? false ) ) {
			return self::result(
				'infosec_policy_site_certificate',
				'recommended',
				/* translators: %s: host name. */
				sprintf( __( 'The certificate of %s could not be checked', 'infosec-policy' ), $host ),
				__( 'The last check did not reach the host, or none has run yet. Use “Check now” under Settings → Information security.', 'infosec-policy' )
			);
		}
		return self::result(
			'infosec_policy_site_certificate',
			'good',
			/* translators: %s: host name. */
			sprintf( __( 'The certificate of %s is valid', 'infosec-policy' ), $host ),
			__( 'The certificate this site serves is trusted, matches its name and is not close to expiry.', 'infosec-policy' )
		);
	}

	/**
	 * Processor hosts whose certificate fails, or that no check has reached: "fine" only when every
	 * host answered and none fails.
	 *
	 * @return Test
	 */
	public static function processor_certificates(): array {
		$failing   = array();
		$unchecked = array();
		$site      = Tls_Status::site_host( Policy_Store::policy() );
		foreach ( array_diff( Tls_Results::hosts(), array( $site ) ) as $host ) {
			$result = Tls_Results::get( $host );
			$status = (string) ( $result['status'] ?? 'unchecked' );
			if ( in_array( $status, Tls_Status::FAILING, true ) ) {
				$failing[] = $host;
			} elseif ( 'unchecked' === $status || in_array( $status, Tls_Status::NOT_REACHED, true ) ) {
				$unchecked[] = $host;
			}
		}
		if ( array() !== $failing ) {
			return self::result(
				'infosec_policy_processor_certificates',
				'recommended',
				/* translators: %s: list of host names. */
				sprintf( __( 'Processor hosts with a failing certificate: %s', 'infosec-policy' ), implode( wp_get_list_item_separator(), $failing ) ),
				__( 'Your statement shows these certificates. Ask the processors, or correct the host names under Settings → Information security.', 'infosec-policy' )
			);
		}
		if ( array() !== $unchecked ) {
			return self::result(
				'infosec_policy_processor_certificates',
				'recommended',
				/* translators: %s: list of host names. */
				sprintf( __( 'Processor certificates not checked: %s', 'infosec-policy' ), implode( wp_get_list_item_separator(), $unchecked ) ),
				__( 'No check has reached these hosts yet, so nothing is known of their certificates; the statement shows the issuers you declared. Use “Check now” under Settings → Information security, and see there why a host could not be reached.', 'infosec-policy' )
			);
		}
		return self::result(
			'infosec_policy_processor_certificates',
			'good',
			__( 'No processor host serves a failing certificate', 'infosec-policy' ),
			__( 'The latest checks found no expired, untrusted or mismatched certificate among your processors’ hosts.', 'infosec-policy' )
		);
	}

	/**
	 * A Site Health result.
	 *
	 * @param string                          $test        Test id.
	 * @param 'good'|'recommended'|'critical' $status      Its status.
	 * @param string                          $label       What was found.
	 * @param string                          $explanation Why it matters, or what to do.
	 * @return Test
	 */
	private static function result( string $test, string $status, string $label, string $explanation ): array {
		return array(
			'label'       => $label,
			'status'      => $status,
			'badge'       => array(
				'label' => __( 'Security', 'infosec-policy' ),
				'color' => 'critical' === $status ? 'red' : 'blue',
			),
			'description' => '<p>' . esc_html( $explanation ) . '</p>',
			'actions'     => sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url( admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) ),
				esc_html__( 'Information security settings', 'infosec-policy' )
			),
			'test'        => $test,
		);
	}
}

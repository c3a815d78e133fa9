<?php
/**
 * What a TLS check's status means, and which host is the site's.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

defined( 'ABSPATH' ) || exit;

/**
 * The one place that knows the statuses a certificate check can end in, their words, when a
 * certificate counts as expiring, and which host the site's own certificate is checked on. The
 * inspector, the stored results, the badge, the compliance checks and Site Health all ask here, so
 * they can never disagree.
 */
final class Tls_Status {

	/** Every status a host can have; `unchecked` when no check has run. */
	public const ALL = array( 'valid', 'expiring', 'expired', 'untrusted', 'mismatch', 'unreachable', 'timeout', 'blocked', 'unchecked' );

	/** Statuses of a certificate that visitors' browsers refuse. */
	public const FAILING = array( 'expired', 'untrusted', 'mismatch' );

	/**
	 * Statuses that mean the host did not answer, so the last answer is kept. (`blocked` is an
	 * answer: the guard refused the host, say because it now resolves to an internal address; the
	 * old result must not stay.)
	 */
	public const NO_ANSWER = array( 'unreachable', 'timeout' );

	/**
	 * Statuses of a check that learnt nothing of the certificate: why it did not is for the admin
	 * (the settings page, Site Health), never for visitors, who read the declared issuer instead.
	 */
	public const NOT_REACHED = array( 'unreachable', 'timeout', 'blocked' );

	public const DEFAULT_EXPIRING_DAYS = 21;

	/**
	 * Under how many days before its expiry a certificate counts as expiring.
	 */
	public static function expiring_days(): int {
		/**
		 * Filters how many days before expiry a certificate counts as expiring.
		 *
		 * @param int $days Default 21.
		 */
		return (int) apply_filters( 'infosec_policy_tls_expiring_days', self::DEFAULT_EXPIRING_DAYS );
	}

	/**
	 * Whole days from a time until a certificate's expiry (negative once it has expired).
	 *
	 * @param int $valid_to The certificate's expiry (Unix time).
	 * @param int $now      The time to judge by.
	 */
	public static function days_left( int $valid_to, int $now ): int {
		return (int) floor( ( $valid_to - $now ) / DAY_IN_SECONDS );
	}

	/**
	 * The status of a trusted certificate that matches its host, judged by its expiry alone.
	 *
	 * @param int $valid_to The certificate's expiry (Unix time).
	 * @param int $now      The time to judge by.
	 * @return 'valid'|'expiring'|'expired'
	 */
	public static function by_expiry( int $valid_to, int $now ): string {
		if ( $valid_to < $now ) {
			return 'expired';
		}
		return self::days_left( $valid_to, $now ) < self::expiring_days() ? 'expiring' : 'valid';
	}

	/**
	 * A status in words.
	 *
	 * @param string $status One of Tls_Status::ALL.
	 */
	public static function text( string $status ): string {
		return match ( $status ) {
			'valid'       => __( 'Valid', 'infosec-policy' ),
			'expiring'    => __( 'Expires soon', 'infosec-policy' ),
			'expired'     => __( 'Expired', 'infosec-policy' ),
			'untrusted'   => __( 'Not trusted', 'infosec-policy' ),
			'mismatch'    => __( 'Does not match the host name', 'infosec-policy' ),
			'unreachable' => __( 'Host unreachable', 'infosec-policy' ),
			'timeout'     => __( 'Check timed out', 'infosec-policy' ),
			'blocked'     => __( 'Check not allowed', 'infosec-policy' ),
			default       => __( 'Not checked yet', 'infosec-policy' ),
		};
	}

	/**
	 * Who issued a checked certificate, as people read it: the issuing organisation with the issuing
	 * certificate's name, "Let's Encrypt (R11)"; '' when the check read neither.
	 *
	 * @param array<string, mixed> $result A stored check.
	 */
	public static function issuer_text( array $result ): string {
		$organization = (string) ( $result['issuerOrganization'] ?? '' );
		$common_name  = (string) ( $result['issuerCommonName'] ?? '' );
		return trim( $organization . ( '' === $common_name ? '' : ' (' . $common_name . ')' ) );
	}

	/**
	 * The host the site's own certificate is checked on: the policy's `site.host`, or the home
	 * URL's host when the policy names none. Lower case; '' when there is neither.
	 *
	 * @param array<string, mixed> $policy A policy document.
	 */
	public static function site_host( array $policy ): string {
		$site = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
		$host = is_string( $site['host'] ?? null ) && '' !== $site['host'] ? $site['host'] : (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return strtolower( $host );
	}
}

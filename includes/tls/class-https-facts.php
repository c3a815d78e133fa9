<?php
/**
 * The stored HTTPS facts of the site's host, and how visitors read them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the latest Https_Inspector check of the site's host (Tls_Status::site_host()), refreshed
 * with the certificates: on WP-Cron's TLS refresh, by "Check now" and by
 * `wp infosec-policy tls check`, never on a page view. A check that cannot reach the host keeps the
 * last one that could, marked stale; facts about a host the policy no longer names are not shown.
 *
 * @phpstan-import-type Facts from Https_Inspector
 */
final class Https_Facts {

	public const OPTION = 'infosec_policy_https';

	/**
	 * The stored facts of the site's host, or null when it has not been checked (or the stored
	 * facts are of another host).
	 *
	 * @return array<string, mixed>|null
	 */
	public static function get(): ?array {
		$stored = get_option( self::OPTION, null );
		if ( ! is_array( $stored ) || ( $stored['host'] ?? '' ) !== Tls_Status::site_host( Policy_Store::policy() ) ) {
			return null;
		}
		return $stored;
	}

	/**
	 * The stored facts when the last check that answered reached the site's host; null before
	 * that, or when the check was not allowed (what the register and the findings publish).
	 *
	 * @return array<string, mixed>|null
	 */
	public static function checked(): ?array {
		$facts = self::get();
		return null !== $facts && 'checked' === ( $facts['status'] ?? '' ) ? $facts : null;
	}

	/**
	 * Checks the site's host and stores what it answered. Connects nowhere while the checks are
	 * turned off (Tls_Results::enabled()).
	 *
	 * @param Https_Inspector|null $inspector The inspector; a real one by default.
	 * @return array<string, mixed>|null The stored facts.
	 */
	public static function refresh( ?Https_Inspector $inspector = null ): ?array {
		$host = Tls_Status::site_host( Policy_Store::policy() );
		if ( ! Tls_Results::enabled() || '' === $host ) {
			return self::get();
		}
		$latest   = ( $inspector ?? new Https_Inspector() )->inspect( $host );
		$previous = self::get();
		if ( 'unreachable' === $latest['status'] && null !== $previous && 'checked' === ( $previous['status'] ?? '' ) ) {
			$facts = array_merge(
				$previous,
				array(
					'stale'       => true,
					'lastFailure' => array(
						'errors'    => $latest['errors'],
						'checkedAt' => $latest['checkedAt'],
					),
				)
			);
		} else {
			$facts = $latest + array( 'stale' => false );
		}
		update_option( self::OPTION, $facts, null );
		return $facts;
	}

	/**
	 * The facts as sentences a visitor reads; none when the host has not been checked, or the
	 * check was not allowed.
	 *
	 * @param array<string, mixed>|null $facts Stored facts.
	 * @return list<string>
	 */
	public static function sentences( ?array $facts ): array {
		if ( null === $facts || 'checked' !== ( $facts['status'] ?? '' ) ) {
			return array();
		}
		$sentences = array();
		$redirect  = match ( $facts['httpRedirect'] ?? '' ) {
			'https'  => __( 'Visitors who open this website with http:// are sent on to https://.', 'infosec-policy' ),
			'none'   => __( 'This website also answers plain http:// without sending visitors on to https://.', 'infosec-policy' ),
			'closed' => __( 'This website does not answer plain http:// at all, only https://.', 'infosec-policy' ),
			default  => '',
		};
		$sentences[] = $redirect;
		if ( 'sent' === ( $facts['hsts'] ?? '' ) ) {
			$duration    = self::duration( (int) ( $facts['hstsMaxAge'] ?? 0 ) );
			$sentences[] = true === ( $facts['hstsIncludeSubDomains'] ?? false )
				/* translators: %s: a duration, e.g. "1 year". */
				? sprintf( __( 'Browsers are told to use only https:// for this website and its subdomains, for %s (HSTS).', 'infosec-policy' ), $duration )
				/* translators: %s: a duration, e.g. "1 year". */
				: sprintf( __( 'Browsers are told to use only https:// for this website, for %s (HSTS).', 'infosec-policy' ), $duration );
		} elseif ( 'missing' === ( $facts['hsts'] ?? '' ) ) {
			$sentences[] = __( 'This website does not send HSTS, the header that tells browsers to use only https://.', 'infosec-policy' );
		}
		$sentences = array_merge( $sentences, self::version_sentences( is_array( $facts['tlsVersions'] ?? null ) ? $facts['tlsVersions'] : array() ) );
		$sentences = array_values( array_filter( $sentences ) );
		if ( array() !== $sentences ) {
			$checked     = wp_date( (string) get_option( 'date_format' ), (int) ( $facts['checkedAt'] ?? 0 ) );
			$sentences[] = true === ( $facts['stale'] ?? false )
				/* translators: %s: a date. */
				? sprintf( __( 'These connection facts were checked on %s; later checks could not reach the website.', 'infosec-policy' ), $checked )
				/* translators: %s: a date. */
				: sprintf( __( 'These connection facts were checked on %s.', 'infosec-policy' ), $checked );
		}
		return $sentences;
	}

	/**
	 * The versions as sentences: which current ones are spoken, and whether the outdated ones are
	 * refused.
	 *
	 * @param array<mixed> $versions Each version's answer.
	 * @return list<string>
	 */
	private static function version_sentences( array $versions ): array {
		// Only the versions the inspector probes, in its order, whatever else the option holds.
		$versions = array_intersect_key( array_merge( Https_Inspector::VERSIONS, $versions ), Https_Inspector::VERSIONS );
		$accepted = array_map( 'strval', array_keys( array_filter( $versions, static fn( $answer ): bool => 'accepted' === $answer ) ) );
		$current  = array_values( array_diff( $accepted, Https_Inspector::OUTDATED ) );
		$outdated = array_values( array_intersect( $accepted, Https_Inspector::OUTDATED ) );
		$refused  = array_values( array_intersect( Https_Inspector::OUTDATED, array_map( 'strval', array_keys( array_filter( $versions, static fn( $answer ): bool => 'refused' === $answer ) ) ) ) );
		$said     = array();
		if ( array() !== $current ) {
			/* translators: %s: TLS versions, e.g. "TLS 1.2 and TLS 1.3". */
			$said[] = sprintf( __( 'Connections to this website are encrypted with %s.', 'infosec-policy' ), self::versions_text( $current ) );
		}
		if ( array() !== $outdated ) {
			/* translators: %s: TLS versions, e.g. "TLS 1.0 and TLS 1.1". */
			$said[] = sprintf( _n( 'The outdated %s is still accepted.', 'The outdated %s are still accepted.', count( $outdated ), 'infosec-policy' ), self::versions_text( $outdated ) );
		}
		if ( array() !== $refused ) {
			/* translators: %s: TLS versions, e.g. "TLS 1.0 and TLS 1.1". */
			$said[] = sprintf( _n( 'The outdated %s is refused.', 'The outdated %s are refused.', count( $refused ), 'infosec-policy' ), self::versions_text( $refused ) );
		}
		return $said;
	}

	/**
	 * TLS versions as a list in words: "TLS 1.0 and TLS 1.1". (Not wp_sprintf_l(): its words come
	 * from WordPress's own catalogue, which older language packs lack.)
	 *
	 * @param list<string> $versions Versions, such as "1.0".
	 */
	public static function versions_text( array $versions ): string {
		$named = array_map( static fn( string $version ): string => 'TLS ' . $version, $versions );
		$last  = array_pop( $named );
		if ( array() === $named ) {
			return (string) $last;
		}
		/* translators: 1: the first items of a list, e.g. "TLS 1.0, TLS 1.1", 2: its last item. */
		return sprintf( _x( '%1$s and %2$s', 'the last two items of a list', 'infosec-policy' ), implode( wp_get_list_item_separator(), $named ), $last );
	}

	/**
	 * A max-age in words: whole years when it is at least one, else days, else seconds.
	 *
	 * @param int $seconds The max-age.
	 */
	public static function duration( int $seconds ): string {
		$days = intdiv( $seconds, DAY_IN_SECONDS );
		if ( $days >= 365 ) {
			$years = intdiv( $days, 365 );
			/* translators: %s: a number of years. */
			return sprintf( _n( '%s year', '%s years', $years, 'infosec-policy' ), number_format_i18n( $years ) );
		}
		if ( $days >= 1 ) {
			/* translators: %s: a number of days. */
			return sprintf( _n( '%s day', '%s days', $days, 'infosec-policy' ), number_format_i18n( $days ) );
		}
		/* translators: %s: a number of seconds. */
		return sprintf( _n( '%s second', '%s seconds', $seconds, 'infosec-policy' ), number_format_i18n( $seconds ) );
	}
}

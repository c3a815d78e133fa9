<?php
/**
 * The stored results of the TLS checks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the latest TLS check of each host the policy names (the site's and every processor's),
 * refreshed by WP-Cron (twice a day by default) and by the administrator's "Check now"; page views
 * only read them. A refresh that cannot reach a host keeps the last result that could, marked
 * stale, rather than erasing what is known.
 *
 * @phpstan-import-type Result from Tls_Inspector
 */
final class Tls_Results {

	public const OPTION    = 'infosec_policy_tls';
	public const CRON_HOOK = 'infosec_policy_tls_refresh';

	/**
	 * Every stored result, by host.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function all(): array {
		$stored = get_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * The stored result for a host, if any.
	 *
	 * @param string $host Host name.
	 * @return array<string, mixed>|null
	 */
	public static function get( string $host ): ?array {
		$result = self::all()[ strtolower( $host ) ] ?? null;
		return is_array( $result ) ? self::as_of_now( $result ) : null;
	}

	/**
	 * A stored result brought up to date: a certificate seen valid days ago may have started to
	 * expire, or expired, since (above all when later checks could not reach the host).
	 *
	 * @param array<string, mixed> $result A stored result.
	 * @return array<string, mixed>
	 */
	private static function as_of_now( array $result ): array {
		$valid_to = (int) ( $result['validTo'] ?? 0 );
		if ( $valid_to <= 0 || ! in_array( $result['status'] ?? '', array( 'valid', 'expiring' ), true ) ) {
			return $result;
		}
		$result['daysLeft'] = Tls_Status::days_left( $valid_to, time() );
		$result['status']   = Tls_Status::by_expiry( $valid_to, time() );
		return $result;
	}

	/**
	 * The hosts the policy names: the site's own (or the home URL's) and each processor's.
	 *
	 * @return list<string>
	 */
	public static function hosts(): array {
		$hosts = array( Tls_Status::site_host( Policy_Store::policy() ) );
		foreach ( Policy_Store::processors() as $processor ) {
			$hosts[] = $processor['host'];
		}
		return array_values( array_unique( array_filter( array_map( 'strtolower', $hosts ) ) ) );
	}

	/**
	 * Every host the policy names, with its stored result (or `unchecked`), what the policy declares
	 * as its issuer, and whether the two disagree.
	 *
	 * The site's own host also carries its HTTPS facts (Https_Facts), null when unchecked, and
	 * the sentences visitors read of them.
	 *
	 * @return list<array{ host: string, status?: string, declaredIssuer: string, issuerMismatch: bool, https?: array<string, mixed>|null, httpsSentences?: list<string> }&array<string, mixed>>
	 */
	public static function report(): array {
		$declared  = self::declared_issuers();
		$site_host = Tls_Status::site_host( Policy_Store::policy() );
		$report    = array();
		foreach ( self::hosts() as $host ) {
			$result = self::get( $host ) ?? array( 'status' => 'unchecked' );
			$issuer = $declared[ $host ] ?? '';
			$row    = array_merge(
				$result,
				array(
					'host'           => $host,
					'declaredIssuer' => $issuer,
					'issuerMismatch' => self::issuer_mismatch( $issuer, $result ),
				)
			);
			if ( $host === $site_host ) {
				$https                 = Https_Facts::get();
				$row['https']          = $https;
				$row['httpsSentences'] = Https_Facts::sentences( $https );
			}
			$report[] = $row;
		}
		return $report;
	}

	/**
	 * What the policy declares as the issuer of each host, by host.
	 *
	 * @return array<string, string>
	 */
	private static function declared_issuers(): array {
		$policy   = Policy_Store::policy();
		$declared = array();
		foreach ( Policy_Store::processors() as $processor ) {
			if ( '' !== $processor['host'] ) {
				$declared[ strtolower( $processor['host'] ) ] = $processor['tlsIssuerDeclared'];
			}
		}
		$site      = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
		$site_host = Tls_Status::site_host( $policy );
		if ( '' !== $site_host ) {
			$declared[ $site_host ] = is_string( $site['tlsIssuerDeclared'] ?? null ) ? $site['tlsIssuerDeclared'] : '';
		}
		return $declared;
	}

	/**
	 * Whether a declared issuer disagrees with the one a live check found. It agrees when it names
	 * the issuing organisation, the issuing certificate, or both; "Let's Encrypt Authority X3"
	 * against a live "Let's Encrypt" with the certificate "R11" disagrees.
	 *
	 * @param string               $declared What the policy declares.
	 * @param array<string, mixed> $result   A stored check.
	 */
	public static function issuer_mismatch( string $declared, array $result ): bool {
		$normalize    = static fn( string $text ): string => trim( (string) preg_replace( '/[^a-z0-9]+/', ' ', strtolower( str_replace( array( '’', "'" ), '', $text ) ) ) );
		$organization = $normalize( (string) ( $result['issuerOrganization'] ?? '' ) );
		$common_name  = $normalize( (string) ( $result['issuerCommonName'] ?? '' ) );
		$declared     = $normalize( $declared );
		if ( '' === $declared || ( '' === $organization && '' === $common_name ) ) {
			return false;
		}
		if ( in_array( $declared, array( $organization, $common_name, trim( "$organization $common_name" ) ), true ) ) {
			return false;
		}
		return ! ( '' !== $common_name && str_contains( $declared, $common_name ) );
	}

	/**
	 * Whether the plugin may connect to the hosts the policy names at all. Site owners who do not
	 * want any connection (readme.txt, External services) turn it off with a filter.
	 */
	public static function enabled(): bool {
		/**
		 * Filters whether the TLS checks run: false stops the scheduled check, "Check now" and
		 * `wp infosec-policy tls check`; page views never connect either way.
		 *
		 * @param bool $enabled Default true.
		 */
		return (bool) apply_filters( 'infosec_policy_tls_checks_enabled', true );
	}

	/**
	 * Checks hosts and stores the results; hosts the policy no longer names are forgotten. Connects
	 * nowhere, and changes nothing, while the checks are turned off.
	 *
	 * @param Tls_Inspector|null $inspector The inspector; a real one by default.
	 * @param list<string>|null  $hosts     Hosts to check; all the policy names by default.
	 * @return array<string, array<string, mixed>> Every stored result after the refresh.
	 */
	public static function refresh( ?Tls_Inspector $inspector = null, ?array $hosts = null ): array {
		if ( ! self::enabled() ) {
			return self::all();
		}
		$inspector = $inspector ?? new Tls_Inspector();
		$known     = self::hosts();
		$stored    = array_intersect_key( self::all(), array_flip( $known ) );
		foreach ( $hosts ?? $known as $host ) {
			$stored[ $host ] = self::merge( $stored[ $host ] ?? null, $inspector->inspect( $host ) );
			// Stored host by host: a refresh cut short by the time limit keeps what it learnt.
			update_option( self::OPTION, $stored, null );
		}
		return $stored;
	}

	/**
	 * The result to keep: the new one, or the last one that reached the host, marked stale.
	 *
	 * @param array<string, mixed>|null $previous The stored result.
	 * @param Result                    $latest   The new check.
	 * @return array<string, mixed>
	 */
	private static function merge( ?array $previous, array $latest ): array {
		$previous_answered = null !== $previous && ! in_array( $previous['status'] ?? '', Tls_Status::NO_ANSWER, true );
		if ( $previous_answered && in_array( $latest['status'], Tls_Status::NO_ANSWER, true ) ) {
			return array_merge(
				$previous,
				array(
					'stale'       => true,
					'lastFailure' => array(
						'status'    => $latest['status'],
						'error'     => $latest['error'],
						'checkedAt' => $latest['checkedAt'],
					),
				)
			);
		}
		return $latest + array( 'stale' => false );
	}

	/**
	 * Puts the refresh on WP-Cron's schedule (twice a day unless filtered), if it is not there; takes
	 * it off while the checks are turned off. Makes the stored results' options, empty, if they are
	 * missing: autoloaded, so that a page view before the first check reads them without a query
	 * (a missing option costs one on every request).
	 */
	public static function schedule(): void {
		add_option( self::OPTION, array(), '', true );
		add_option( Https_Facts::OPTION, array(), '', true );
		if ( ! self::enabled() ) {
			self::unschedule();
			return;
		}
		if ( false === wp_next_scheduled( self::CRON_HOOK ) ) {
			/**
			 * Filters how often WP-Cron refreshes the TLS checks: a schedule name such as `daily`.
			 *
			 * @param string $recurrence Default `twicedaily`.
			 */
			wp_schedule_event( time() + MINUTE_IN_SECONDS, (string) apply_filters( 'infosec_policy_tls_schedule', 'twicedaily' ), self::CRON_HOOK );
		}
	}

	/**
	 * Takes the refresh off the schedule (deactivation).
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::CRON_HOOK );
	}

	/**
	 * Every background check, as WP-Cron, "Check now" and `wp infosec-policy tls check` run it: the
	 * certificates of these hosts (all the policy names by default), then, when the site's own host
	 * is among them, its HTTPS facts (Https_Facts).
	 *
	 * @param list<string>|null $hosts Hosts to check; all the policy names by default.
	 */
	public static function check( ?array $hosts = null ): void {
		self::refresh( null, $hosts );
		if ( null === $hosts || in_array( Tls_Status::site_host( Policy_Store::policy() ), $hosts, true ) ) {
			Https_Facts::refresh();
		}
	}

	/**
	 * Runs the scheduled checks. Runs on the cron hook.
	 */
	public static function run_scheduled(): void {
		self::check();
	}
}

<?php
/**
 * The stored results of the TLS checks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

use InfosecPolicy\Blocks\Tls_Badge;
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
	 * Statuses that mean the host did not answer. (`blocked` is an answer: the guard refused the
	 * host, say because it now resolves to an internal address; the old result must not stay.)
	 */
	private const NO_ANSWER = array( 'unreachable', 'timeout' );

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
		$result['daysLeft'] = (int) floor( ( $valid_to - time() ) / DAY_IN_SECONDS );
		/** This filter is documented in includes/tls/class-tls-inspector.php */
		$expiring         = (int) apply_filters( 'infosec_policy_tls_expiring_days', Tls_Inspector::DEFAULT_EXPIRING_DAYS );
		$result['status'] = $valid_to < time() ? 'expired' : ( $result['daysLeft'] < $expiring ? 'expiring' : 'valid' );
		return $result;
	}

	/**
	 * The hosts the policy names: the site's own (or the home URL's) and each processor's.
	 *
	 * @return list<string>
	 */
	public static function hosts(): array {
		$site  = Policy_Store::policy()['site'] ?? array();
		$hosts = array( is_array( $site ) && is_string( $site['host'] ?? null ) && '' !== $site['host'] ? $site['host'] : (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
		foreach ( Policy_Store::processors() as $processor ) {
			$hosts[] = $processor['host'];
		}
		return array_values( array_unique( array_filter( array_map( 'strtolower', $hosts ) ) ) );
	}

	/**
	 * Every host the policy names, with its stored result (or `unchecked`), what the policy declares
	 * as its issuer, and whether the two disagree.
	 *
	 * @return list<array<string, mixed>>
	 */
	public static function report(): array {
		$declared = Tls_Badge::declared_issuers();
		$report   = array();
		foreach ( self::hosts() as $host ) {
			$result   = self::get( $host ) ?? array( 'status' => 'unchecked' );
			$issuer   = $declared[ $host ] ?? '';
			$report[] = array_merge(
				$result,
				array(
					'host'           => $host,
					'declaredIssuer' => $issuer,
					'issuerMismatch' => Tls_Badge::issuer_mismatch( $issuer, $result ),
				)
			);
		}
		return $report;
	}

	/**
	 * Checks hosts and stores the results; hosts the policy no longer names are forgotten.
	 *
	 * @param Tls_Inspector|null $inspector The inspector; a real one by default.
	 * @param list<string>|null  $hosts     Hosts to check; all the policy names by default.
	 * @return array<string, array<string, mixed>> Every stored result after the refresh.
	 */
	public static function refresh( ?Tls_Inspector $inspector = null, ?array $hosts = null ): array {
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
		$previous_answered = null !== $previous && ! in_array( $previous['status'] ?? '', self::NO_ANSWER, true );
		if ( $previous_answered && in_array( $latest['status'], self::NO_ANSWER, true ) ) {
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
	 * Puts the refresh on WP-Cron's schedule (twice a day unless filtered), if it is not there.
	 */
	public static function schedule(): void {
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
	 * Runs the scheduled refresh. Runs on the cron hook.
	 */
	public static function run_scheduled(): void {
		self::refresh();
	}
}

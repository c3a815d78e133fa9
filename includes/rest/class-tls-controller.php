<?php
/**
 * REST routes for the TLS checks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Tls\Tls_Results;

defined( 'ABSPATH' ) || exit;

/**
 * REST API, namespace `infosec-policy/v1`, administrators only (`manage_options`):
 *
 *   GET  /tls        200 { results: [ { host, status, …, declaredIssuer, issuerMismatch } ] }
 *   POST /tls/check  checks every host now, and the site's HTTPS facts: 200 { results } | 429 infosec_policy_rate_limited
 *                    | 409 infosec_policy_tls_disabled when the checks are turned off
 *
 * "Check now" is rate-limited (once a minute by default) since each call opens connections.
 */
final class Tls_Controller {

	public const LOCK = 'infosec_policy_tls_check_lock';

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/tls',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'get_results' ),
				'permission_callback' => array( Policy_Controller::class, 'can_manage' ),
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/tls/check',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'check_now' ),
				'permission_callback' => array( Policy_Controller::class, 'can_manage' ),
			)
		);
	}

	/**
	 * GET /tls.
	 */
	public static function get_results(): \WP_REST_Response {
		return new \WP_REST_Response( array( 'results' => Tls_Results::report() ) );
	}

	/**
	 * POST /tls/check.
	 */
	public static function check_now(): \WP_REST_Response|\WP_Error {
		if ( ! Tls_Results::enabled() ) {
			return new \WP_Error(
				'infosec_policy_tls_disabled',
				__( 'The certificate checks are turned off on this site (filter infosec_policy_tls_checks_enabled).', 'infosec-policy' ),
				array( 'status' => 409 )
			);
		}
		/**
		 * Filters how many seconds must pass between two "Check now" requests.
		 *
		 * @param int $seconds Default 60.
		 */
		$interval = max( 1, (int) apply_filters( 'infosec_policy_tls_check_interval', MINUTE_IN_SECONDS ) );
		if ( ! self::take_lock( $interval ) ) {
			$retry = max( 1, (int) get_option( self::LOCK, 0 ) + $interval - time() );
			return Rate_Limited::answer(
				new \WP_Error(
					'infosec_policy_rate_limited',
					/* translators: %d: seconds to wait. */
					sprintf( _n( 'The certificates were checked a moment ago. Try again in %d second.', 'The certificates were checked a moment ago. Try again in %d seconds.', $retry, 'infosec-policy' ), $retry ),
					array(
						'status'     => 429,
						'retryAfter' => $retry,
					)
				)
			);
		}
		Tls_Results::check();
		return new \WP_REST_Response( array( 'results' => Tls_Results::report() ) );
	}

	/**
	 * Takes the "Check now" lock if no check ran within the interval. Atomic: the option name is a
	 * unique key, so of two simultaneous requests only one adds it; an expired lock is taken over
	 * with a conditional update, which again only one request can win.
	 *
	 * @param int $interval Seconds between two checks.
	 */
	private static function take_lock( int $interval ): bool {
		global $wpdb;
		$now = time();
		if ( add_option( self::LOCK, (string) $now, '', false ) ) {
			return true;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- an atomic lock: only a conditional UPDATE of the row itself lets one of two requests win; the cache is dropped after it.
		$locked = (string) $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::LOCK ) );
		if ( (int) $locked + $interval > $now ) {
			return false;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- an atomic lock: only a conditional UPDATE of the row itself lets one of two requests win; the cache is dropped after it.
		$taken = $wpdb->update(
			$wpdb->options,
			array( 'option_value' => (string) $now ),
			array(
				'option_name'  => self::LOCK,
				'option_value' => $locked,
			)
		);
		wp_cache_delete( self::LOCK, 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		return 1 === $taken;
	}
}

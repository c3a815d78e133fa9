<?php
/**
 * Counting requests per client and per address.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * A fixed-window counter per key, kept in a transient that expires with its window. The key is
 * stored only as an HMAC with the site's salt, so the counter of a client address is not that
 * address, and it is gone once the window is over (the privacy promise keeps no IP address past
 * the rate limit). Two requests at the very same moment may both be counted as the first: the
 * limits are against floods, not exact quotas, and a lock per request would cost more than it
 * protects.
 */
final class Rate_Limit {

	/** What every counter's transient name starts with. */
	public const PREFIX = 'infosec_policy_rl_';

	/**
	 * Counts one use of a key; false when the key has had its limit within the window already.
	 *
	 * @param string $bucket What is limited (`client`, `confirmation`).
	 * @param string $key    Who or what for (a client address, an e-mail address).
	 * @param int    $limit  Uses allowed per window.
	 * @param int    $window The window, in seconds.
	 */
	public static function take( string $bucket, string $key, int $limit, int $window ): bool {
		$name    = self::name( $bucket, $key );
		$counter = get_transient( $name );
		$now     = time();
		$counter = is_array( $counter ) && (int) ( $counter['until'] ?? 0 ) > $now ? $counter : array(
			'count' => 0,
			'until' => $now + $window,
		);
		if ( (int) $counter['count'] >= $limit ) {
			return false;
		}
		$counter['count'] = (int) $counter['count'] + 1;
		set_transient( $name, $counter, max( 1, (int) $counter['until'] - $now ) );
		return true;
	}

	/**
	 * Seconds until a key may be used again (0 when it may now).
	 *
	 * @param string $bucket What is limited.
	 * @param string $key    Who or what for.
	 * @param int    $limit  Uses allowed per window.
	 */
	public static function retry_after( string $bucket, string $key, int $limit ): int {
		$counter = get_transient( self::name( $bucket, $key ) );
		if ( ! is_array( $counter ) || (int) ( $counter['count'] ?? 0 ) < $limit ) {
			return 0;
		}
		return max( 0, (int) ( $counter['until'] ?? 0 ) - time() );
	}

	/**
	 * Forgets a key's counter.
	 *
	 * @param string $bucket What is limited.
	 * @param string $key    Who or what for.
	 */
	public static function reset( string $bucket, string $key ): void {
		delete_transient( self::name( $bucket, $key ) );
	}

	/**
	 * The transient's name: a keyed hash, never the key itself.
	 *
	 * @param string $bucket What is limited.
	 * @param string $key    Who or what for.
	 */
	private static function name( string $bucket, string $key ): string {
		return self::PREFIX . substr( hash_hmac( 'sha256', $bucket . '|' . $key, wp_salt( 'nonce' ) ), 0, 32 );
	}

	/**
	 * Forgets every counter (uninstall). Counters in the options table are deleted by their prefix;
	 * a persistent object cache keeps transients where they cannot be listed, and there each one
	 * expires with its window, which is at most a day.
	 */
	public static function forget_all(): void {
		global $wpdb;
		foreach ( array( '_transient_', '_transient_timeout_' ) as $kind ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( $kind . self::PREFIX ) . '%' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API deletes options by prefix; this runs once, on uninstall.
		}
	}
}

<?php
/**
 * Subscribe requests, handled after the answer.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * A visitor's request to subscribe is written here, one insert whatever the address's state,
 * and handled later by the background sender (Notice_Sender::run()): so the answer, its headers
 * and its time are the same for a new, a pending and a confirmed address, and no e-mail is sent
 * while the visitor waits.
 *
 * Handling one: a confirmed address is sent nothing; a new one is added as pending; a pending one
 * is asked again only while it has had fewer than Subscribers::CONFIRMATIONS requests; and no
 * request is sent past the site's hourly cap (the filter `infosec_policy_confirmations_per_hour`),
 * which Site Health reports when it is reached.
 *
 * A worker takes a request by deleting its row, so two workers never handle the same one; a
 * worker that dies right after loses that one request (its visitor may ask again), which is the
 * safe side: at most one confirmation e-mail per request.
 */
final class Subscription_Requests {

	/**
	 * Confirmation e-mails the whole site sends per hour, unless filtered.
	 */
	public const SITE_HOURLY_CAP = 100;

	/**
	 * The option that holds when the cap last held a request back (a Unix time).
	 */
	public const CAP_REACHED_OPTION = 'infosec_policy_confirmation_cap_reached';

	/**
	 * Writes a request down, to be handled after the answer.
	 *
	 * @param string $email  The address, normalised.
	 * @param string $locale The language asked for, or '' for the site's.
	 * @param string $source Where it came from (`form`, `rest`).
	 */
	public static function add( string $email, string $locale, string $source ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table, which no WordPress API reads.
		$wpdb->insert(
			Subscriber_Tables::name( Subscriber_Tables::REQUESTS ),
			array(
				'email'        => $email,
				'locale'       => $locale,
				'source'       => $source,
				'requested_at' => gmdate( 'Y-m-d H:i:s' ),
			),
			array( '%s', '%s', '%s', '%s' )
		);
		Notice_Sender::schedule_soon();
	}

	/**
	 * Whether requests are waiting.
	 */
	public static function waiting(): bool {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::REQUESTS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		return null !== $wpdb->get_var( "SELECT id FROM {$table} LIMIT 1" );
	}

	/**
	 * Handles the waiting requests, oldest first, until none is left or time is up.
	 *
	 * @param float $deadline When to stop (microtime).
	 * @return int How many were handled.
	 */
	public static function handle_waiting( float $deadline ): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::REQUESTS );
		$done  = 0;
		do {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
			$rows = $wpdb->get_results( "SELECT * FROM {$table} ORDER BY id ASC LIMIT 50", ARRAY_A );
			foreach ( is_array( $rows ) ? $rows : array() as $row ) {
				if ( microtime( true ) >= $deadline ) {
					return $done;
				}
				// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- taking the row: only the worker whose delete removed it handles it.
				if ( 1 !== $wpdb->delete( $table, array( 'id' => (int) $row['id'] ), array( '%d' ) ) ) {
					continue;
				}
				self::handle( (string) $row['email'], (string) $row['locale'], (string) $row['source'] );
				++$done;
			}
		} while ( is_array( $rows ) && array() !== $rows && microtime( true ) < $deadline );
		return $done;
	}

	/**
	 * Whether the site's cap held a request back in the last day.
	 */
	public static function cap_reached_lately(): bool {
		return (int) get_option( self::CAP_REACHED_OPTION, 0 ) > time() - DAY_IN_SECONDS;
	}

	/**
	 * Confirmation e-mails the site may send per hour.
	 */
	public static function hourly_cap(): int {
		/**
		 * Filters how many confirmation e-mails the site sends per hour at most, so that no one can
		 * make it send many (a sender of many unasked e-mails loses its reputation with mail
		 * providers).
		 *
		 * @param int $cap Default 100.
		 */
		return max( 1, (int) apply_filters( 'infosec_policy_confirmations_per_hour', self::SITE_HOURLY_CAP ) );
	}

	/**
	 * Handles one request.
	 *
	 * @param string $email  The address.
	 * @param string $locale The language asked for, or ''.
	 * @param string $source Where it came from.
	 */
	private static function handle( string $email, string $locale, string $source ): void {
		$subscriber = Subscribers::find( $email );
		if ( null !== $subscriber && ( 'confirmed' === $subscriber['status'] || ! self::may_ask( $subscriber ) ) ) {
			return;
		}
		if ( ! Rate_Limit::take( 'site', 'confirmations', self::hourly_cap(), HOUR_IN_SECONDS ) ) {
			update_option( self::CAP_REACHED_OPTION, time(), false );
			return;
		}
		$subscriber ??= Subscribers::add( $email, '' === $locale ? get_locale() : $locale, 'pending', $source );
		if ( null === $subscriber || 'pending' !== $subscriber['status'] || ! Subscribers::count_confirmation( $subscriber['id'] ) ) {
			return;
		}
		Delivery_Queue::queue_confirmation( $subscriber['id'] );
	}

	/**
	 * Whether a pending address may be sent another request.
	 *
	 * @param array{ id: int, status: string } $subscriber The subscriber.
	 */
	private static function may_ask( array $subscriber ): bool {
		return 'pending' === $subscriber['status'] && Subscribers::confirmations( $subscriber['id'] ) < Subscribers::CONFIRMATIONS;
	}
}

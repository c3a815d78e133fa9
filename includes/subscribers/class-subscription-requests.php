<?php
/**
 * Subscribe requests, handled after the answer.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Objections\Objections;

defined( 'ABSPATH' ) || exit;

/**
 * A visitor's request to subscribe, or for a link to object to an announced processor, is written here, one insert whatever the address's state,
 * and handled later by the background sender (Notice_Sender::run()): so the answer, its headers
 * and its time are the same for a new, a pending and a confirmed address, and no e-mail is sent
 * while the visitor waits.
 *
 * Handling one: a confirmed address is sent nothing; a new one is added as pending; a pending one
 * is asked again only while it has had fewer than Subscribers::CONFIRMATIONS requests; one mailbox
 * (`+tag` removed) is sent at most Subscriptions::MAILBOX_LIMIT a day, whoever asked (counted here,
 * not in the answer, whose limit would tell one requester about another's); and the site sends no
 * more an hour than its cap (the filter `infosec_policy_confirmations_per_hour`): past it the
 * requests wait for the next hour, and Site Health says so.
 *
 * A worker takes a request by deleting its row, so two workers never handle the same one; a
 * worker that dies right after loses that one request (its visitor may ask again), which is the
 * safe side: at most one confirmation e-mail per request. A request still waiting after a day is
 * dropped, and the privacy eraser removes an address's waiting requests.
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
	 * @param string $email        The address, normalised.
	 * @param string $locale       The language asked for, or '' for the site's.
	 * @param string $source       Where it came from (`form`, `rest`, `object`).
	 * @param string $processor_id For a link to object to this processor, or '' to subscribe.
	 */
	public static function add( string $email, string $locale, string $source, string $processor_id = '' ): void {
		self::insert( $email, $locale, $source, $processor_id, gmdate( 'Y-m-d H:i:s' ) );
		Notice_Sender::schedule_soon();
		// Wake WP-Cron now rather than at the next page view, as wp_cron() would (the same call,
		// whatever the address): a loopback request that this one does not wait for.
		if ( ! ( defined( 'DISABLE_WP_CRON' ) && DISABLE_WP_CRON ) ) {
			spawn_cron();
		}
	}

	/**
	 * When the waiting requests can next be handled: now, or when the site's cap opens again;
	 * null when none is waiting.
	 */
	public static function next_at(): ?int {
		if ( ! self::waiting() ) {
			return null;
		}
		return time() + Rate_Limit::retry_after( 'site', 'confirmations', self::hourly_cap() );
	}

	/**
	 * Drops requests that have waited longer than a day, and returns how many. Runs hourly.
	 */
	public static function purge_stale(): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::REQUESTS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		return (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE requested_at < %s", gmdate( 'Y-m-d H:i:s', time() - DAY_IN_SECONDS ) ) );
	}

	/**
	 * Removes every waiting request for an address (the privacy eraser).
	 *
	 * @param string $email A normalised address.
	 * @return int How many there were.
	 */
	public static function forget( string $email ): int {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, which no WordPress API reads.
		return (int) $wpdb->delete( Subscriber_Tables::name( Subscriber_Tables::REQUESTS ), array( 'email' => $email ), array( '%s' ) );
	}

	/**
	 * Writes a request's row.
	 *
	 * @param string $email        The address.
	 * @param string $locale       The language asked for, or ''.
	 * @param string $source       Where it came from.
	 * @param string $processor_id The processor a link to object is asked for, or ''.
	 * @param string $requested_at When it was asked for, as the table writes times.
	 */
	private static function insert( string $email, string $locale, string $source, string $processor_id, string $requested_at ): void {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table, which no WordPress API reads.
		$wpdb->insert(
			Subscriber_Tables::name( Subscriber_Tables::REQUESTS ),
			array(
				'email'        => $email,
				'locale'       => $locale,
				'source'       => $source,
				'processor_id' => $processor_id,
				'requested_at' => $requested_at,
			),
			array( '%s', '%s', '%s', '%s', '%s' )
		);
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
				$processor_id = (string) ( $row['processor_id'] ?? '' );
				$handled      = '' === $processor_id
					? self::handle( (string) $row['email'], (string) $row['locale'], (string) $row['source'] )
					: self::handle_objection( (string) $row['email'], (string) $row['locale'], $processor_id );
				if ( ! $handled ) {
					// The site's cap is reached: this one waits for the next hour, and so do the rest.
					self::insert( (string) $row['email'], (string) $row['locale'], (string) $row['source'], $processor_id, (string) $row['requested_at'] );
					return $done;
				}
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
	 * @return bool False when the site's cap held it back, to be tried again.
	 */
	private static function handle( string $email, string $locale, string $source ): bool {
		$subscriber = Subscribers::find( $email );
		if ( null !== $subscriber && ( 'confirmed' === $subscriber['status'] || Subscribers::confirmations( $subscriber['id'] ) >= Subscribers::CONFIRMATIONS ) ) {
			return true;
		}
		$within = self::within_limits( Subscriptions::mailbox( $email ) );
		if ( true !== $within ) {
			return false === $within;
		}
		$subscriber ??= Subscribers::add( $email, '' === $locale ? get_locale() : $locale, 'pending', $source );
		if ( null === $subscriber || 'pending' !== $subscriber['status'] || ! Subscribers::count_confirmation( $subscriber['id'] ) ) {
			return true;
		}
		Rate_Limit::take( 'site', 'confirmations', self::hourly_cap(), HOUR_IN_SECONDS );
		Delivery_Queue::queue_confirmation( $subscriber['id'] );
		return true;
	}

	/**
	 * Handles one request for a link to object to a processor: an address is sent its link while
	 * the processor is announced, within the limits of a confirmation (the site's hourly cap, which
	 * counts both kinds, and Subscriptions::MAILBOX_LIMIT a day for the mailbox and this processor),
	 * whether or not it subscribed or objected before. Its objection row, `requested` until it objects, is what the
	 * link is signed for (Objections::request()).
	 *
	 * @param string $email        The address.
	 * @param string $locale       The language asked for, or ''.
	 * @param string $processor_id The processor.
	 * @return bool False when the site's cap held it back, to be tried again.
	 */
	private static function handle_objection( string $email, string $locale, string $processor_id ): bool {
		$processor = Objections::announced( $processor_id );
		if ( null === $processor ) {
			return true;
		}
		$within = self::within_limits( Subscriptions::mailbox( $email ) . '|' . $processor_id );
		if ( true !== $within ) {
			return false === $within;
		}
		$row = Objections::request( $processor, $email, '' === $locale ? get_locale() : $locale );
		if ( null === $row ) {
			return true;
		}
		Rate_Limit::take( 'site', 'confirmations', self::hourly_cap(), HOUR_IN_SECONDS );
		Delivery_Queue::queue_objection_link( $row['id'] );
		return true;
	}

	/**
	 * Whether an e-mail may be sent now: true; null when the site's hourly cap is reached (the
	 * request waits for the next hour); false when its mailbox has had its e-mails of this kind for
	 * the day (the request is dropped). Counts the e-mail when it may.
	 *
	 * @param string $key The mailbox (Subscriptions::mailbox()), and for a link to object its
	 *                    processor: a customer may ask for links to several announced processors.
	 */
	private static function within_limits( string $key ): ?bool {
		if ( 0 < Rate_Limit::retry_after( 'site', 'confirmations', self::hourly_cap() ) ) {
			update_option( self::CAP_REACHED_OPTION, time(), false );
			return null;
		}
		return Rate_Limit::take( 'mailbox', $key, Subscriptions::MAILBOX_LIMIT, DAY_IN_SECONDS );
	}
}

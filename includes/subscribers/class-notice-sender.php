<?php
/**
 * Sending the queued e-mails, in the background.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Objections\Objections;

defined( 'ABSPATH' ) || exit;

/**
 * Works through the queue on WP-Cron (`infosec_policy_send_notices`), in batches, through wp_mail(),
 * so that whatever SMTP plugin the site uses sends them. A run stops after a time budget and
 * schedules the next one while messages are due; a message that failed is tried again with
 * back-off (Delivery_Queue::backoff()). An hourly run (`infosec_policy_subscribers_maintenance`)
 * removes expired pending addresses and picks up anything a lost cron event left behind.
 *
 * @phpstan-import-type Delivery from Delivery_Queue
 * @phpstan-import-type Mail from Notice_Mail
 * @phpstan-import-type Entry from \InfosecPolicy\Changes\Change_Log
 */
final class Notice_Sender {

	public const HOOK             = 'infosec_policy_send_notices';
	public const MAINTENANCE_HOOK = 'infosec_policy_subscribers_maintenance';

	/**
	 * Entries read in this run, by id (null: gone).
	 *
	 * @var array<int, Entry|null>
	 */
	private static array $entries = array();

	/**
	 * Runs the sender soon (on the next WP-Cron run), unless it is scheduled already.
	 */
	public static function schedule_soon(): void {
		if ( false === wp_next_scheduled( self::HOOK ) ) {
			wp_schedule_single_event( time(), self::HOOK );
		}
	}

	/**
	 * Schedules the hourly maintenance run, once. Runs on `admin_init` and on activation.
	 */
	public static function schedule(): void {
		if ( false === wp_next_scheduled( self::MAINTENANCE_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'hourly', self::MAINTENANCE_HOOK );
		}
	}

	/**
	 * Removes the plugin's cron events (deactivation, uninstall).
	 */
	public static function unschedule(): void {
		wp_clear_scheduled_hook( self::HOOK );
		wp_clear_scheduled_hook( self::MAINTENANCE_HOOK );
	}

	/**
	 * The cron run: one time budget's worth of messages, then the next run when more are due.
	 */
	public static function run_scheduled(): void {
		/**
		 * Filters how many seconds one cron run may spend sending.
		 *
		 * @param int $seconds Default 20.
		 */
		self::run( (float) max( 1, (int) apply_filters( 'infosec_policy_notice_run_seconds', 20 ) ) );
		self::reschedule();
	}

	/**
	 * The hourly run: expired pending addresses go, and so do the rows of links to object asked for
	 * processors no longer announced; the sender runs if anything waits.
	 */
	public static function maintain(): void {
		Subscribers::purge_expired();
		Subscription_Requests::purge_stale();
		Objections::purge_requested();
		self::reschedule();
	}

	/**
	 * Schedules the next run for when the next message is due.
	 */
	public static function reschedule(): void {
		$next = Delivery_Queue::has_unexpanded() ? time() : Delivery_Queue::next_due_at();
		$asks = Subscription_Requests::next_at();
		$next = null === $asks ? $next : min( $asks, $next ?? $asks );
		if ( null === $next ) {
			return;
		}
		$scheduled = wp_next_scheduled( self::HOOK );
		if ( false === $scheduled || $scheduled > max( $next, time() ) ) {
			wp_clear_scheduled_hook( self::HOOK );
			wp_schedule_single_event( max( $next, time() ), self::HOOK );
		}
	}

	/**
	 * Sends what is due, batch by batch, until nothing is due or the time is up.
	 *
	 * @param float $seconds The time budget.
	 * @param int   $limit   How many messages at most.
	 * @return array{ sent: int, failed: int, skipped: int, peakMemory: int }
	 */
	public static function run( float $seconds, int $limit = PHP_INT_MAX ): array {
		$deadline = microtime( true ) + $seconds;
		$report   = array(
			'sent'    => 0,
			'failed'  => 0,
			'skipped' => 0,
		);
		/**
		 * Filters how many messages one batch reads from the queue.
		 *
		 * @param int $size Default 50.
		 */
		$size          = max( 1, (int) apply_filters( 'infosec_policy_notice_batch_size', 50 ) );
		$claim         = wp_generate_uuid4();
		$count         = 0;
		self::$entries = array();
		Subscription_Requests::handle_waiting( $deadline );
		while ( Delivery_Queue::has_unexpanded() && microtime( true ) < $deadline ) {
			if ( 0 === Delivery_Queue::expand() ) {
				break;
			}
		}
		do {
			$batch = Delivery_Queue::due( (int) min( $size, $limit - $count ) );
			foreach ( $batch as $delivery ) {
				if ( microtime( true ) >= $deadline || $count >= $limit ) {
					break 2;
				}
				if ( ! Delivery_Queue::claim( $delivery, $claim ) ) {
					continue;
				}
				++$count;
				++$report[ self::deliver( $delivery, $claim ) ];
			}
		} while ( array() !== $batch && $count < $limit && microtime( true ) < $deadline );
		self::$entries        = array();
		$report['peakMemory'] = memory_get_peak_usage();
		return $report;
	}

	/**
	 * Writes and sends one claimed delivery in its subscriber's language, and records the outcome.
	 *
	 * @param Delivery $delivery The delivery.
	 * @param string   $claim    The claim it is held under.
	 * @return 'sent'|'failed'|'skipped'
	 */
	private static function deliver( array $delivery, string $claim ): string {
		$mail = self::compose( $delivery );
		if ( null === $mail ) {
			Delivery_Queue::finish( $delivery['id'], $claim, 'skipped' );
			return 'skipped';
		}
		$error   = Mailer::send( $mail );
		$outcome = '' === $error ? 'sent' : 'failed';
		Delivery_Queue::finish( $delivery['id'], $claim, $outcome, $error, $delivery['attempts'] );
		return $outcome;
	}

	/**
	 * The message of a delivery, or null when it is no longer to be sent: its subscriber is not in
	 * the state it was queued for, or its entry is gone or internal now.
	 *
	 * @param Delivery $delivery The delivery.
	 * @return Mail|null
	 */
	private static function compose( array $delivery ): ?array {
		$subscriber = array(
			'id'            => $delivery['subscriberId'],
			'email'         => $delivery['email'],
			'locale'        => $delivery['locale'],
			'status'        => 'confirmed' === $delivery['subscriberStatus'] ? 'confirmed' : 'pending',
			'requestedAt'   => 0,
			'confirmedAt'   => null,
			'consentSource' => '',
		);
		if ( 'object' === $delivery['kind'] ) {
			$objection = Objections::get( $delivery['changeId'], true );
			$processor = null === $objection ? null : Objections::announced( $objection['processorId'] );
			return null === $objection || null === $processor ? null : self::in_locale( $delivery['locale'], static fn(): array => Notice_Mail::objection_link( $objection, $processor ) );
		}
		if ( 'confirm' === $delivery['kind'] ) {
			return 'pending' === $delivery['subscriberStatus'] ? self::in_locale( $delivery['locale'], static fn(): array => Notice_Mail::confirmation( $subscriber ) ) : null;
		}
		if ( 'confirmed' !== $delivery['subscriberStatus'] ) {
			return null;
		}
		if ( ! array_key_exists( $delivery['changeId'], self::$entries ) ) {
			self::$entries[ $delivery['changeId'] ] = Change_Log::get( $delivery['changeId'] );
		}
		$entry = self::$entries[ $delivery['changeId'] ];
		if ( null === $entry || $entry['internal'] || ! Notice_Mail::tells( $entry, $subscriber ) ) {
			return null;
		}
		return self::in_locale( $delivery['locale'], static fn(): array => Notice_Mail::notice( $entry, $subscriber ) );
	}

	/**
	 * Runs a function in a locale, when the site has it; '' is the site's. Compared with the locale
	 * in force, not the site's: in a request by an administrator (Send now, the preview before a
	 * save) that is the administrator's own, which a subscriber of the site's language must not get.
	 *
	 * @template T
	 * @param string        $locale   The locale.
	 * @param callable(): T $callback What to run.
	 * @return T
	 */
	public static function in_locale( string $locale, callable $callback ): mixed {
		$locale   = '' === $locale ? get_locale() : $locale;
		$switched = in_array( $locale, Subscribers::locales(), true ) && switch_to_locale( $locale );
		try {
			return $callback();
		} finally {
			if ( $switched ) {
				restore_previous_locale();
			}
		}
	}
}

<?php
/**
 * The messages waiting to be sent.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Changes\Change_Items;
use InfosecPolicy\Changes\Change_Log;

defined( 'ABSPATH' ) || exit;

/**
 * The queue of e-mails: notices of published changes, confirmation requests and links to object,
 * one row per message in the deliveries table.
 *
 * A save queues one notice per published entry (one insert, whatever the number of subscribers);
 * the sender expands it into one delivery per subscriber who was confirmed when it was queued. The
 * table's unique key (kind, entry, subscriber) means a message exists once, however many workers
 * expand the same notice. A worker sends a delivery only after it has claimed it with a
 * conditional update that only one worker can win, and marks it sent right after the SMTP server
 * took it. A claim that is never released (a worker that died) expires after Delivery_Queue::CLAIM_TTL
 * seconds, and the message is tried again.
 *
 * So delivery is at least once, by choice: a message is never lost to a worker or a database that
 * fails half-way. The only message that can go out twice is one the SMTP server accepted whose
 * "sent" mark was then not written (the worker died in that instant, or the database refused the
 * update); the copy carries the same Message-ID, by which mail clients show it once. At most once
 * would instead lose that message whenever the failure came before the server's acceptance.
 *
 * A link to object to an announced processor, asked for on the objection page by an address that
 * need not be subscribed, is a delivery too (kind `object`): its entry is the objection row the
 * link is signed for, its subscriber 0, and its address and language are the row's.
 *
 * @phpstan-type Delivery array{ id: int, kind: 'notice'|'confirm'|'object', changeId: int, subscriberId: int, status: string, attempts: int, nextAttemptAt: string, email: string, locale: string, subscriberStatus: string }
 */
final class Delivery_Queue {

	/**
	 * Seconds a worker holds a delivery it claimed.
	 */
	public const CLAIM_TTL = 600;

	/**
	 * Attempts after which a failed delivery waits for an administrator (`wp infosec-policy
	 * subscribers queue --retry`): a day and a half of back-off.
	 */
	public const MAX_ATTEMPTS = 10;

	/**
	 * Queues the notice of a published entry, once: a second call for the same entry (the entry
	 * made internal and public again) adds nothing.
	 *
	 * @param int $change_id The change-log entry.
	 */
	public static function queue_notice( int $change_id ): void {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::NOTICES );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); IGNORE makes a second queueing of one entry a no-op.
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (change_id, queued_at, expanded) VALUES (%d, %s, 0)", $change_id, gmdate( 'Y-m-d H:i:s' ) ) );
		Notice_Sender::schedule_soon();
	}

	/**
	 * Queues a confirmation request for a pending subscriber: a new one, or the one sent before
	 * again, now.
	 *
	 * @param int  $subscriber_id The subscriber.
	 * @param bool $wake          Whether to wake the sender now (an import wakes it once, at its end).
	 * @return int The delivery's id (0 if the database refused it).
	 */
	public static function queue_confirmation( int $subscriber_id, bool $wake = true ): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$now   = gmdate( 'Y-m-d H:i:s' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (kind, change_id, subscriber_id, status, attempts, next_attempt_at) VALUES ('confirm', 0, %d, 'waiting', 0, %s)", $subscriber_id, $now ) );
		// One asked for again: a finished request is sent once more; one in flight is left alone.
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = 'waiting', attempts = 0, next_attempt_at = %s, last_error = '' WHERE kind = 'confirm' AND subscriber_id = %d AND status IN ('sent', 'failed', 'skipped')", $now, $subscriber_id ) );
		$id = (int) $wpdb->get_var( $wpdb->prepare( "SELECT id FROM {$table} WHERE kind = 'confirm' AND change_id = 0 AND subscriber_id = %d", $subscriber_id ) );
		// phpcs:enable
		if ( $wake ) {
			Notice_Sender::schedule_soon();
		}
		return $id;
	}

	/**
	 * Queues the e-mail with the link to object that an address asked for: once per objection
	 * row, sent again when asked for again (the mailbox's daily limit counts each).
	 *
	 * @param int $objection_id The row the link is signed for.
	 */
	public static function queue_objection_link( int $objection_id ): void {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$now   = gmdate( 'Y-m-d H:i:s' );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (kind, change_id, subscriber_id, status, attempts, next_attempt_at) VALUES ('object', %d, 0, 'waiting', 0, %s)", $objection_id, $now ) );
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = 'waiting', attempts = 0, next_attempt_at = %s, last_error = '' WHERE kind = 'object' AND change_id = %d AND subscriber_id = 0 AND status IN ('sent', 'failed', 'skipped')", $now, $objection_id ) );
		// phpcs:enable
		Notice_Sender::schedule_soon();
	}

	/**
	 * Turns each queued notice into one delivery per subscriber confirmed when it was queued, in
	 * one statement per notice. A notice of an entry that is internal now, or has nothing
	 * published, is dropped.
	 *
	 * @return int How many notices were expanded.
	 */
	public static function expand(): int {
		global $wpdb;
		$notices     = Subscriber_Tables::name( Subscriber_Tables::NOTICES );
		$deliveries  = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$subscribers = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants (WPCS 2.3 rejects prepare()'s %i).
		$rows = $wpdb->get_results( "SELECT change_id, queued_at FROM {$notices} WHERE expanded = 0 ORDER BY change_id ASC LIMIT 100", ARRAY_A );
		$done = 0;
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$change_id = (int) $row['change_id'];
			$entry     = Change_Log::get( $change_id );
			if ( null !== $entry && ! $entry['internal'] && array() !== array_filter( $entry['items'], array( Change_Items::class, 'is_public' ) ) ) {
				$inserted = $wpdb->query(
					$wpdb->prepare(
						"INSERT IGNORE INTO {$deliveries} (kind, change_id, subscriber_id, status, attempts, next_attempt_at) SELECT 'notice', %d, id, 'waiting', 0, %s FROM {$subscribers} WHERE status = 'confirmed' AND confirmed_at <= %s",
						$change_id,
						gmdate( 'Y-m-d H:i:s' ),
						(string) $row['queued_at']
					)
				);
				if ( false === $inserted ) {
					continue;
				}
			}
			$wpdb->query( $wpdb->prepare( "UPDATE {$notices} SET expanded = 1 WHERE change_id = %d", $change_id ) );
			++$done;
		}
		// phpcs:enable
		return $done;
	}

	/**
	 * Deliveries due now: waiting, failed and due for another attempt, or claimed by a worker whose
	 * claim has expired. Grouped by entry and language, so that a batch composes each message once;
	 * what a visitor asked for (a confirmation, a link to object) before the notices, which may be
	 * thousands.
	 *
	 * @param int $limit How many at most.
	 * @return list<Delivery>
	 */
	public static function due( int $limit ): array {
		global $wpdb;
		$select = self::select();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants (WPCS 2.3 rejects prepare()'s %i); the queue is never cached, since several workers share it.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"{$select} d.status IN ('waiting', 'failed', 'sending') AND d.attempts < %d AND d.next_attempt_at <= %s ORDER BY CASE d.kind WHEN 'confirm' THEN 0 WHEN 'object' THEN 1 ELSE 2 END ASC, d.change_id ASC, locale ASC, d.id ASC LIMIT %d",
				self::MAX_ATTEMPTS,
				gmdate( 'Y-m-d H:i:s' ),
				$limit
			),
			ARRAY_A
		);
		// phpcs:enable
		return array_values( array_map( array( self::class, 'delivery' ), is_array( $rows ) ? $rows : array() ) );
	}

	/**
	 * One delivery as due() gives it, whatever its state, or null.
	 *
	 * @param int $id The delivery.
	 * @return Delivery|null
	 */
	public static function get( int $id ): ?array {
		global $wpdb;
		$select = self::select();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants (WPCS 2.3 rejects prepare()'s %i).
		$row = $wpdb->get_row( $wpdb->prepare( "{$select} d.id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? self::delivery( $row ) : null;
	}

	/**
	 * The start of a query for deliveries with their addresses and languages, up to a condition
	 * to add after its `AND`: a subscriber's for a notice or a confirmation, the objection row's
	 * for a link to object; one whose subscriber or row is gone is never read.
	 */
	private static function select(): string {
		$deliveries  = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$subscribers = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$objections  = Subscriber_Tables::name( Subscriber_Tables::OBJECTIONS );
		return "SELECT d.id, d.kind, d.change_id, d.subscriber_id, d.status, d.attempts, d.next_attempt_at, COALESCE(s.email, o.email) AS email, COALESCE(s.locale, o.locale) AS locale, COALESCE(s.status, '') AS subscriber_status FROM {$deliveries} d LEFT JOIN {$subscribers} s ON s.id = d.subscriber_id AND d.kind <> 'object' LEFT JOIN {$objections} o ON o.id = d.change_id AND d.kind = 'object' WHERE ( s.id IS NOT NULL OR o.id IS NOT NULL ) AND ";
	}

	/**
	 * Claims a delivery for this worker: a conditional update on the state it was read in, which
	 * only one of several workers can win. It finds the row by its primary key alone: the rows of
	 * one batch share their status and due time, so a claim that went through that index (MariaDB's
	 * choice on a small table) locked the whole batch, and two workers' claims deadlocked.
	 *
	 * @param Delivery $delivery The delivery, as read.
	 * @param string   $claim    This worker's claim.
	 * @return bool Whether this worker has it.
	 */
	public static function claim( array $delivery, string $claim ): bool {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		// SQLite locks the whole database for a write and has no index hints (the SQLite plugin's
		// older translator refuses one); MySQL and MariaDB get told.
		$by_key = defined( 'DB_ENGINE' ) && 'sqlite' === DB_ENGINE ? '' : 'FORCE INDEX (PRIMARY)';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- compare-and-swap on the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); the hint is one of two constant strings.
		$claimed = $wpdb->query(
			$wpdb->prepare(
				"UPDATE {$table} {$by_key} SET status = 'sending', claim = %s, next_attempt_at = %s WHERE id = %d AND status = %s AND next_attempt_at = %s AND attempts = %d",
				$claim,
				gmdate( 'Y-m-d H:i:s', time() + self::CLAIM_TTL ),
				$delivery['id'],
				$delivery['status'],
				$delivery['nextAttemptAt'],
				$delivery['attempts']
			)
		);
		// phpcs:enable
		return 1 === $claimed;
	}

	/**
	 * Records the outcome of a claimed delivery.
	 *
	 * @param int                       $id      The delivery.
	 * @param string                    $claim   The claim it was sent under.
	 * @param 'sent'|'failed'|'skipped' $outcome What happened.
	 * @param string                    $error   Why it failed, or ''.
	 * @param int                       $attempts Attempts before this one.
	 */
	public static function finish( int $id, string $claim, string $outcome, string $error = '', int $attempts = 0 ): void {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$now   = time();
		$next  = 'failed' === $outcome ? $now + self::backoff( $attempts + 1 ) : $now;
		$sent  = 'sent' === $outcome ? $wpdb->prepare( 'sent_at = %s,', gmdate( 'Y-m-d H:i:s', $now ) ) : '';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); $sent is prepared above; conditional on the claim, so a worker whose claim expired cannot overwrite another's outcome.
		$wpdb->query(
			$wpdb->prepare(
				"UPDATE {$table} SET status = %s, attempts = attempts + %d, next_attempt_at = %s, {$sent} claim = '', last_error = %s WHERE id = %d AND claim = %s",
				$outcome,
				'failed' === $outcome ? 1 : 0,
				gmdate( 'Y-m-d H:i:s', $next ),
				mb_substr( $error, 0, 250 ),
				$id,
				$claim
			)
		);
		// phpcs:enable
	}

	/**
	 * Seconds to wait before the next attempt after a number of failed ones: five minutes,
	 * doubled each time, at most six hours.
	 *
	 * @param int $failed Failed attempts so far, from 1.
	 */
	public static function backoff( int $failed ): int {
		return (int) min( 6 * HOUR_IN_SECONDS, 5 * MINUTE_IN_SECONDS * ( 2 ** max( 0, $failed - 1 ) ) );
	}

	/**
	 * Puts every delivery that ran out of attempts back in the queue.
	 *
	 * @return int How many.
	 */
	public static function retry_failed(): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$retried = (int) $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = 'waiting', attempts = 0, next_attempt_at = %s WHERE status = 'failed'", gmdate( 'Y-m-d H:i:s' ) ) );
		Notice_Sender::schedule_soon();
		return $retried;
	}

	/**
	 * When the next delivery is due (Unix time), or null when none waits.
	 */
	public static function next_due_at(): ?int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$next = $wpdb->get_var( $wpdb->prepare( "SELECT MIN(next_attempt_at) FROM {$table} WHERE status IN ('waiting', 'failed', 'sending') AND attempts < %d", self::MAX_ATTEMPTS ) );
		return is_string( $next ) && '' !== $next ? (int) strtotime( $next . ' UTC' ) : null;
	}

	/**
	 * Whether notices wait to be expanded.
	 */
	public static function has_unexpanded(): bool {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::NOTICES );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		return null !== $wpdb->get_var( "SELECT change_id FROM {$table} WHERE expanded = 0 LIMIT 1" );
	}

	/**
	 * The queue's state: messages waiting (to be sent), being sent (claimed by a worker now), sent,
	 * failed (to be tried again), out of attempts, and notices not yet expanded.
	 *
	 * @return array{ waiting: int, sending: int, sent: int, failed: int, gaveUp: int, notices: int }
	 */
	public static function counts(): array {
		global $wpdb;
		$deliveries = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$notices    = Subscriber_Tables::name( Subscriber_Tables::NOTICES );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants (WPCS 2.3 rejects prepare()'s %i).
		$rows   = $wpdb->get_results( $wpdb->prepare( "SELECT status, attempts >= %d AS gave_up, COUNT(*) AS n FROM {$deliveries} GROUP BY status, attempts >= %d", self::MAX_ATTEMPTS, self::MAX_ATTEMPTS ), ARRAY_A );
		$unsent = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$notices} WHERE expanded = 0" );
		// phpcs:enable
		$counts = array(
			'waiting' => 0,
			'sending' => 0,
			'sent'    => 0,
			'failed'  => 0,
			'gaveUp'  => 0,
			'notices' => $unsent,
		);
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$status = (string) ( $row['status'] ?? '' );
			$count  = (int) ( $row['n'] ?? 0 );
			if ( 'failed' === $status && 1 === (int) ( $row['gave_up'] ?? 0 ) ) {
				$counts['gaveUp'] += $count;
			} elseif ( isset( $counts[ $status ] ) && 'notices' !== $status && 'gaveUp' !== $status ) {
				$counts[ $status ] += $count;
			}
		}
		return $counts;
	}

	/**
	 * A row as a delivery.
	 *
	 * @param array<string, mixed> $row A row of due().
	 * @return Delivery
	 */
	private static function delivery( array $row ): array {
		return array(
			'id'               => (int) ( $row['id'] ?? 0 ),
			'kind'             => match ( $row['kind'] ?? '' ) {
				'confirm' => 'confirm',
			'object'  => 'object',
			default   => 'notice',
			},
			'changeId'         => (int) ( $row['change_id'] ?? 0 ),
			'subscriberId'     => (int) ( $row['subscriber_id'] ?? 0 ),
			'status'           => (string) ( $row['status'] ?? '' ),
			'attempts'         => (int) ( $row['attempts'] ?? 0 ),
			'nextAttemptAt'    => (string) ( $row['next_attempt_at'] ?? '' ),
			'email'            => (string) ( $row['email'] ?? '' ),
			'locale'           => (string) ( $row['locale'] ?? '' ),
			'subscriberStatus' => (string) ( $row['subscriber_status'] ?? '' ),
		);
	}
}

<?php
/**
 * The people who asked to be told of changes.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * The subscribers' table: add, confirm, list, remove. An address is `pending` until its owner
 * confirms it through the link mailed to it (double opt-in), or `confirmed` from the start when an
 * administrator imports it with a statement of where its consent was given. A pending address
 * expires after Subscribers::PENDING_DAYS days. An unsubscribed address is removed, not marked:
 * nothing is kept of someone who asked to be forgotten.
 *
 * @phpstan-type Subscriber array{ id: int, email: string, locale: string, status: 'pending'|'confirmed', requestedAt: int, confirmedAt: int|null, consentSource: string }
 */
final class Subscribers {

	/**
	 * Days a pending address waits for its confirmation before it is removed.
	 */
	public const PENDING_DAYS = 7;

	/**
	 * Confirmation requests one pending address is sent over its whole life; past them it is
	 * asked no more, and expires.
	 */
	public const CONFIRMATIONS = 3;

	/**
	 * The longest address the table keeps (an index on utf8mb4 holds 191 characters).
	 */
	public const EMAIL_MAX_LENGTH = 191;

	/**
	 * The longest statement of where a consent comes from.
	 */
	public const SOURCE_MAX_LENGTH = 200;

	/**
	 * An address as the table keeps it (trimmed, in lower case), or null when it is not an e-mail
	 * address that can be written to: WordPress's is_email() refuses line breaks and every other
	 * character that could start a header of its own.
	 *
	 * @param string $email An address as typed.
	 */
	public static function normalize( string $email ): ?string {
		$email = strtolower( trim( $email ) );
		return '' !== $email && strlen( $email ) <= self::EMAIL_MAX_LENGTH && false !== is_email( $email ) ? $email : null;
	}

	/**
	 * The locales a subscriber can ask for: the site's, English and every installed language.
	 *
	 * @return list<string>
	 */
	public static function locales(): array {
		return array_values( array_unique( array_merge( array( get_locale(), 'en_US' ), get_available_languages() ) ) );
	}

	/**
	 * One subscriber by id, or null.
	 *
	 * @param int $id The id.
	 * @return Subscriber|null
	 */
	public static function get( int $id ): ?array {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); no page view reads it.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? self::subscriber( $row ) : null;
	}

	/**
	 * One subscriber by address, or null.
	 *
	 * @param string $email A normalized address.
	 * @return Subscriber|null
	 */
	public static function find( string $email ): ?array {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); no page view reads it.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE email = %s", $email ), ARRAY_A );
		return is_array( $row ) ? self::subscriber( $row ) : null;
	}

	/**
	 * Adds an address, pending or confirmed, unless it is there already; the subscriber as it is
	 * then. Of two requests for the same new address at once, the table's unique key lets one add
	 * it; the other finds it.
	 *
	 * @param string                $email     A normalized address.
	 * @param string                $locale    The language its notices are written in.
	 * @param 'pending'|'confirmed' $status    How it starts.
	 * @param string                $source    Where its consent comes from.
	 * @param bool|null             $is_new    Set to whether this call added it.
	 * @param-out bool              $is_new
	 * @return Subscriber|null Null when the database refused it.
	 */
	public static function add( string $email, string $locale, string $status, string $source, ?bool &$is_new = null ): ?array {
		global $wpdb;
		$is_new  = false;
		$current = self::find( $email );
		if ( null !== $current ) {
			return $current;
		}
		$now        = gmdate( 'Y-m-d H:i:s' );
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table, which no WordPress API reads.
		$written = $wpdb->insert(
			Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS ),
			array(
				'email'          => $email,
				'locale'         => $locale,
				'status'         => $status,
				'requested_at'   => $now,
				'confirmed_at'   => 'confirmed' === $status ? $now : null,
				'consent_source' => mb_substr( $source, 0, self::SOURCE_MAX_LENGTH ),
			),
			array( '%s', '%s', '%s', '%s', '%s', '%s' )
		);
		$wpdb->suppress_errors( $suppressed );
		$is_new = false !== $written;
		return self::find( $email );
	}

	/**
	 * Marks a pending address confirmed, if it has not expired.
	 *
	 * @param int $id The subscriber's id.
	 * @return bool Whether it is confirmed now (also when it already was).
	 */
	public static function confirm( int $id ): bool {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- a conditional update of the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET status = 'confirmed', confirmed_at = %s WHERE id = %d AND status = 'pending' AND requested_at >= %s", gmdate( 'Y-m-d H:i:s' ), $id, self::pending_cutoff() ) );
		$subscriber = self::get( $id );
		return null !== $subscriber && 'confirmed' === $subscriber['status'];
	}


	/**
	 * How many confirmation requests an address has been sent.
	 *
	 * @param int $id The subscriber's id.
	 */
	public static function confirmations( int $id ): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		return (int) $wpdb->get_var( $wpdb->prepare( "SELECT confirmations FROM {$table} WHERE id = %d", $id ) );
	}

	/**
	 * Counts one more confirmation request for a pending address and renews its days, unless it
	 * has had as many as it may: one conditional update, so two workers cannot both take the last.
	 *
	 * @param int $id The subscriber's id.
	 * @return bool Whether a request may be sent.
	 */
	public static function count_confirmation( int $id ): bool {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- a conditional update of the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$updated = $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET confirmations = confirmations + 1, requested_at = %s WHERE id = %d AND status = 'pending' AND confirmations < %d", gmdate( 'Y-m-d H:i:s' ), $id, self::CONFIRMATIONS ) );
		return 1 === $updated;
	}

	/**
	 * Removes a subscriber and every message still waiting for it. The messages it was sent stay
	 * counted, without its address.
	 *
	 * @param int  $id       The subscriber's id.
	 * @param bool $sent_too Whether the record of the messages sent goes too (erasure).
	 * @return bool Whether there was such a subscriber.
	 */
	public static function remove( int $id, bool $sent_too = false ): bool {
		global $wpdb;
		$table      = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$deliveries = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants (WPCS 2.3 rejects prepare()'s %i).
		$removed = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE id = %d", $id ) );
		if ( $sent_too ) {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$deliveries} WHERE subscriber_id = %d", $id ) );
		} else {
			$wpdb->query( $wpdb->prepare( "DELETE FROM {$deliveries} WHERE subscriber_id = %d AND status <> 'sent'", $id ) );
		}
		// phpcs:enable
		return $removed > 0;
	}

	/**
	 * Removes every pending address older than Subscribers::PENDING_DAYS days.
	 *
	 * @return int How many.
	 */
	public static function purge_expired(): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$ids = $wpdb->get_col( $wpdb->prepare( "SELECT id FROM {$table} WHERE status = 'pending' AND requested_at < %s", self::pending_cutoff() ) );
		foreach ( $ids as $id ) {
			self::remove( (int) $id, true );
		}
		return count( $ids );
	}

	/**
	 * One page of subscribers, newest first.
	 *
	 * @param string $status   `confirmed`, `pending` or '' for both.
	 * @param int    $page     Page number, from 1.
	 * @param int    $per_page Subscribers per page.
	 * @return array{ subscribers: list<Subscriber>, total: int, pages: int }
	 */
	public static function page( string $status, int $page, int $per_page ): array {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$where = '' === $status ? '1 = 1' : $wpdb->prepare( 'status = %s', $status );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); $where is prepared above.
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE {$where}" );
		$pages = (int) ceil( $total / max( 1, $per_page ) );
		// A page past the last is empty, and is not asked for: its offset could overflow.
		$rows = $page > $pages ? array() : $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE {$where} ORDER BY id DESC LIMIT %d OFFSET %d", $per_page, ( $page - 1 ) * $per_page ), ARRAY_A );
		// phpcs:enable
		return array(
			'subscribers' => array_values( array_map( array( self::class, 'subscriber' ), is_array( $rows ) ? $rows : array() ) ),
			'total'       => $total,
			'pages'       => $pages,
		);
	}

	/**
	 * Every subscriber, oldest first, a thousand rows at a time: for the CSV export, which must not
	 * hold a large list in memory at once.
	 *
	 * @return \Generator<int, Subscriber>
	 */
	public static function each(): \Generator {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$after = 0;
		$read  = 0;
		do {
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE id > %d ORDER BY id ASC LIMIT 1000", $after ), ARRAY_A );
			$rows = is_array( $rows ) ? $rows : array();
			$read = count( $rows );
			foreach ( $rows as $row ) {
				$subscriber = self::subscriber( $row );
				$after      = $subscriber['id'];
				yield $subscriber;
			}
		} while ( 1000 === $read );
	}

	/**
	 * How many subscribers there are of each status.
	 *
	 * @return array{ confirmed: int, pending: int }
	 */
	public static function counts(): array {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$rows   = $wpdb->get_results( "SELECT status, COUNT(*) AS n FROM {$table} GROUP BY status", ARRAY_A );
		$counts = array(
			'confirmed' => 0,
			'pending'   => 0,
		);
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$status = (string) ( $row['status'] ?? '' );
			if ( isset( $counts[ $status ] ) ) {
				$counts[ $status ] = (int) ( $row['n'] ?? 0 );
			}
		}
		return $counts;
	}

	/**
	 * How many confirmed subscribers ask for each language, most first: the people a published
	 * change is mailed to now.
	 *
	 * @return array<string, int> Locale (as stored; '' for the site's) => count.
	 */
	public static function confirmed_by_locale(): array {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$rows   = $wpdb->get_results( "SELECT locale, COUNT(*) AS n FROM {$table} WHERE status = 'confirmed' GROUP BY locale ORDER BY n DESC, locale ASC", ARRAY_A );
		$counts = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$counts[ (string) ( $row['locale'] ?? '' ) ] = (int) ( $row['n'] ?? 0 );
		}
		return $counts;
	}

	/**
	 * The time before which a pending address has expired, as the table writes times.
	 */
	private static function pending_cutoff(): string {
		return gmdate( 'Y-m-d H:i:s', time() - self::PENDING_DAYS * DAY_IN_SECONDS );
	}

	/**
	 * A table row as a subscriber.
	 *
	 * @param array<string, mixed> $row A row.
	 * @return Subscriber
	 */
	private static function subscriber( array $row ): array {
		$confirmed = (string) ( $row['confirmed_at'] ?? '' );
		return array(
			'id'            => (int) ( $row['id'] ?? 0 ),
			'email'         => (string) ( $row['email'] ?? '' ),
			'locale'        => (string) ( $row['locale'] ?? '' ),
			'status'        => 'confirmed' === ( $row['status'] ?? '' ) ? 'confirmed' : 'pending',
			'requestedAt'   => (int) strtotime( ( (string) ( $row['requested_at'] ?? '' ) ) . ' UTC' ),
			'confirmedAt'   => '' === $confirmed || str_starts_with( $confirmed, '0000' ) ? null : (int) strtotime( $confirmed . ' UTC' ),
			'consentSource' => (string) ( $row['consent_source'] ?? '' ),
		);
	}
}

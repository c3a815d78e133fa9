<?php
/**
 * Customers' objections to announced processors.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Objections;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * The record of objections (GDPR Art. 28(2): a processor informs its customers of an intended new
 * sub-processor, "thereby giving the controller the opportunity to object"). One row per processor
 * and address: a customer who answers again from the same link changes the objection they made,
 * and it is open again. The admin answers each one: `answered`, or `withdrawn` when the customer
 * took it back, with a note.
 *
 * An objection keeps the processor's name as it was when the customer objected, so that it reads
 * right after the processor is renamed or its announcement withdrawn.
 *
 * A customer who is not subscribed asks for a link on the objection page (Objection_Request_Page);
 * the row made then is `requested`: it holds only the address the link was sent to, is no
 * objection, and so is in no list, count, export or finding, until the customer objects from the
 * link. It goes once its processor is no longer announced, or after Subscribers::PENDING_DAYS days
 * (purge_requested()).
 *
 * @phpstan-type Objection array{ id: int, processorId: string, processorName: string, email: string, organization: string, name: string, reason: string, status: 'open'|'answered'|'withdrawn'|'requested', note: string, locale: string, createdAt: int, updatedAt: int }
 * @phpstan-import-type Processor from Policy_Store
 */
final class Objections {

	/**
	 * An objection's statuses, in the order the admin meets them.
	 */
	public const STATUSES = array( 'open', 'answered', 'withdrawn' );

	/**
	 * The status of a row that holds an address that asked for a link and has not objected.
	 */
	public const REQUESTED = 'requested';

	/**
	 * How long the customer's texts may be, in characters.
	 */
	public const REASON_MAX_LENGTH = 2000;

	public const NAME_MAX_LENGTH = 200;

	/**
	 * How long the admin's answer note may be, in characters.
	 */
	public const NOTE_MAX_LENGTH = 2000;

	/**
	 * The table's full name.
	 */
	private static function table(): string {
		return Subscriber_Tables::name( Subscriber_Tables::OBJECTIONS );
	}

	/**
	 * What is wrong with a customer's form, by field: `organization` and `name` are optional, of at
	 * most NAME_MAX_LENGTH characters on one line; `reason` is required, of at most
	 * REASON_MAX_LENGTH characters. Control characters other than line breaks in the reason are
	 * refused, not removed: what is stored is what was typed.
	 *
	 * @param array{ organization: string, name: string, reason: string } $fields The fields, trimmed.
	 * @return array<string, string> Field => reason, empty when all is well.
	 */
	public static function problems( array $fields ): array {
		$problems = array();
		foreach ( array( 'organization', 'name' ) as $field ) {
			if ( mb_strlen( $fields[ $field ] ) > self::NAME_MAX_LENGTH ) {
				/* translators: %d: a number of characters. */
				$problems[ $field ] = sprintf( __( 'Use at most %d characters.', 'infosec-policy' ), self::NAME_MAX_LENGTH );
			} elseif ( 1 === preg_match( '/[\x00-\x1f\x7f]/u', $fields[ $field ] ) || 1 !== preg_match( '//u', $fields[ $field ] ) ) {
				$problems[ $field ] = __( 'Use one line of text.', 'infosec-policy' );
			}
		}
		if ( '' === $fields['reason'] ) {
			$problems['reason'] = __( 'Say why you object: the organisation needs your reason to weigh it.', 'infosec-policy' );
		} elseif ( mb_strlen( $fields['reason'] ) > self::REASON_MAX_LENGTH ) {
			/* translators: %d: a number of characters. */
			$problems['reason'] = sprintf( __( 'Use at most %d characters.', 'infosec-policy' ), self::REASON_MAX_LENGTH );
		} elseif ( 1 === preg_match( '/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/u', $fields['reason'] ) || 1 !== preg_match( '//u', $fields['reason'] ) ) {
			$problems['reason'] = __( 'Use plain text.', 'infosec-policy' );
		}
		return $problems;
	}

	/**
	 * Records an address's objection to a processor, or updates the one it made (and opens it
	 * again). Two answers at once from the same link leave one row: the second insert meets the
	 * unique key and updates instead.
	 *
	 * @param array{ id: string, name: string }                           $processor The processor.
	 * @param string                                                      $email     The customer's address, normalised.
	 * @param array{ organization: string, name: string, reason: string } $fields    Valid fields (problems() found none).
	 * @param string                                                      $locale    The language the customer wrote in.
	 * @return Objection|null Null when the database refused it.
	 */
	public static function record( array $processor, string $email, array $fields, string $locale ): ?array {
		global $wpdb;
		$now      = gmdate( 'Y-m-d H:i:s' );
		$changes  = array(
			'processor_name' => $processor['name'],
			'organization'   => $fields['organization'],
			'name'           => $fields['name'],
			'reason'         => $fields['reason'],
			'status'         => 'open',
			'locale'         => $locale,
			'updated_at'     => $now,
		);
		$existing = self::find( $processor['id'], $email );
		if ( null === $existing ) {
			$suppressed = $wpdb->suppress_errors( true );
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table, which no WordPress API reads.
			$inserted = $wpdb->insert(
				self::table(),
				$changes + array(
					'processor_id' => $processor['id'],
					'email'        => $email,
					'note'         => '',
					'created_at'   => $now,
				)
			);
			$wpdb->suppress_errors( $suppressed );
			if ( false !== $inserted ) {
				return self::get( (int) $wpdb->insert_id );
			}
			// Another request inserted it first: this one updates it.
			$existing = self::find( $processor['id'], $email );
			if ( null === $existing ) {
				return null;
			}
		}
		if ( self::REQUESTED === $existing['status'] ) {
			// The first objection from a link that was asked for: made now.
			$changes['created_at'] = $now;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, which no WordPress API reads.
		$updated = $wpdb->update( self::table(), $changes, array( 'id' => $existing['id'] ) );
		return false === $updated ? null : self::get( $existing['id'] );
	}

	/**
	 * The admin's answer: a status and a note.
	 *
	 * @param int    $id     The objection.
	 * @param string $status Its status, one of STATUSES.
	 * @param string $note   The note.
	 * @return Objection|null Null for a status that is none, or when the database refused it.
	 */
	public static function answer( int $id, string $status, string $note ): ?array {
		global $wpdb;
		if ( ! in_array( $status, self::STATUSES, true ) ) {
			return null;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, which no WordPress API reads.
		$updated = $wpdb->update(
			self::table(),
			array(
				'status'     => $status,
				'note'       => $note,
				'updated_at' => gmdate( 'Y-m-d H:i:s' ),
			),
			array( 'id' => $id )
		);
		return false === $updated ? null : self::get( $id );
	}

	/**
	 * One objection, or null; a `requested` row only when asked for (a link is signed for it).
	 *
	 * @param int  $id        Its id.
	 * @param bool $requested Whether a `requested` row counts.
	 * @return Objection|null
	 */
	public static function get( int $id, bool $requested = false ): ?array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
		$got = is_array( $row ) ? self::objection( $row ) : null;
		return null === $got || ( ! $requested && self::REQUESTED === $got['status'] ) ? null : $got;
	}

	/**
	 * The row a link to object is sent for: the address's objection to the processor, or a new
	 * `requested` row (INSERT IGNORE: two requests at once make one row).
	 *
	 * @param array{ id: string, name: string } $processor The processor.
	 * @param string                            $email     The address, normalised.
	 * @param string                            $locale    The language of the link's e-mail and page.
	 * @return Objection|null Null when the database refused it.
	 */
	public static function request( array $processor, string $email, string $locale ): ?array {
		global $wpdb;
		$table = self::table();
		$now   = gmdate( 'Y-m-d H:i:s' );
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); IGNORE leaves an address's objection as it is.
		$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$table} (processor_id, processor_name, email, organization, name, reason, status, note, locale, created_at, updated_at) VALUES (%s, %s, %s, '', '', '', %s, '', %s, %s, %s)", $processor['id'], $processor['name'], $email, self::REQUESTED, $locale, $now, $now ) );
		// Asked for again before it was used: its link lives from now, in the language asked in.
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET locale = %s, updated_at = %s WHERE processor_id = %s AND email = %s AND status = %s", $locale, $now, $processor['id'], $email, self::REQUESTED ) );
		return self::find( $processor['id'], $email );
	}

	/**
	 * The processor with this id while it is announced (its start date is still to come), or null.
	 *
	 * @param string $id The processor's id.
	 * @return Processor|null
	 */
	public static function announced( string $id ): ?array {
		$today = (string) wp_date( 'Y-m-d' );
		foreach ( Policy_Store::processors() as $processor ) {
			if ( $processor['id'] === $id ) {
				return Policy_Store::is_upcoming( $processor, $today ) ? $processor : null;
			}
		}
		return null;
	}

	/**
	 * Removes the `requested` rows whose links can no longer be used: their processor is no longer
	 * announced, or the link was sent more than Subscribers::PENDING_DAYS days ago (an address
	 * nobody has shown to be theirs is not kept longer than an unconfirmed subscriber's). Their
	 * unsent e-mails go with them. Runs hourly.
	 *
	 * @return int How many rows.
	 */
	public static function purge_requested(): int {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, processor_id, updated_at FROM {$table} WHERE status = %s", self::REQUESTED ), ARRAY_A );
		$old  = gmdate( 'Y-m-d H:i:s', time() - Subscribers::PENDING_DAYS * DAY_IN_SECONDS );
		$gone = array();
		$live = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$live[ (string) $row['processor_id'] ] ??= null !== self::announced( (string) $row['processor_id'] );
			if ( ! $live[ (string) $row['processor_id'] ] || (string) $row['updated_at'] < $old ) {
				$gone[] = (int) $row['id'];
			}
		}
		return self::delete( $gone );
	}

	/**
	 * Deletes objection rows and the e-mails with their links that are still to be sent.
	 *
	 * @param list<int> $ids The rows.
	 * @return int How many rows.
	 */
	private static function delete( array $ids ): int {
		global $wpdb;
		if ( array() === $ids ) {
			return 0;
		}
		$table      = self::table();
		$deliveries = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$list       = implode( ',', array_map( 'intval', $ids ) );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants; $list is integers joined by commas.
		$wpdb->query( "DELETE FROM {$deliveries} WHERE kind = 'object' AND change_id IN ({$list})" );
		$deleted = (int) $wpdb->query( "DELETE FROM {$table} WHERE id IN ({$list})" );
		// phpcs:enable
		return $deleted;
	}

	/**
	 * An address's objection to a processor, or null.
	 *
	 * @param string $processor_id The processor's id.
	 * @param string $email        The address, normalised.
	 * @return Objection|null
	 */
	public static function find( string $processor_id, string $email ): ?array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE processor_id = %s AND email = %s", $processor_id, $email ), ARRAY_A );
		return is_array( $row ) ? self::objection( $row ) : null;
	}

	/**
	 * A page of objections, newest first, for one processor or status or all.
	 *
	 * @param string $processor_id A processor's id, or '' for all.
	 * @param string $status       A status, or '' for all.
	 * @param int    $page         Page number, from 1.
	 * @param int    $per_page     Objections per page.
	 * @return array{ objections: list<Objection>, total: int, pages: int }
	 */
	public static function query( string $processor_id, string $status, int $page, int $per_page ): array {
		global $wpdb;
		$table = self::table();
		// An empty filter matches every row: one fixed statement, every value through prepare().
		$where = $wpdb->prepare( "( %s = '' OR processor_id = %s ) AND ( %s = '' OR status = %s ) AND status <> %s", $processor_id, $processor_id, $status, $status, self::REQUESTED );
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i); $where was prepared just above.
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE {$where}" );
		$pages = (int) ceil( $total / max( 1, $per_page ) );
		$rows  = $page > $pages ? array() : $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE {$where} ORDER BY id DESC LIMIT %d OFFSET %d", $per_page, ( $page - 1 ) * $per_page ), ARRAY_A );
		// phpcs:enable
		return array(
			'objections' => array_values( array_map( array( self::class, 'objection' ), is_array( $rows ) ? $rows : array() ) ),
			'total'      => $total,
			'pages'      => $pages,
		);
	}

	/**
	 * How many objections each processor has, by status.
	 *
	 * @return array<string, array{ open: int, answered: int, withdrawn: int }>
	 */
	public static function counts(): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant, never input.
		$rows   = $wpdb->get_results( "SELECT processor_id, status, COUNT(*) AS number FROM {$table} GROUP BY processor_id, status", ARRAY_A );
		$counts = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$status = (string) $row['status'];
			if ( in_array( $status, self::STATUSES, true ) ) {
				$counts[ (string) $row['processor_id'] ]          ??= array_fill_keys( self::STATUSES, 0 );
				$counts[ (string) $row['processor_id'] ][ $status ] = (int) $row['number'];
			}
		}
		return $counts;
	}

	/**
	 * Every objection an address made, oldest first, with the links it asked for and did not use
	 * (the privacy exporter).
	 *
	 * @param string $email The address, normalised.
	 * @return list<Objection>
	 */
	public static function of( string $email ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant (WPCS 2.3 rejects prepare()'s %i).
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE email = %s ORDER BY id ASC", $email ), ARRAY_A );
		return array_values( array_map( array( self::class, 'objection' ), is_array( $rows ) ? $rows : array() ) );
	}

	/**
	 * Removes every objection an address made (the privacy eraser).
	 *
	 * @param string $email The address, normalised.
	 * @return int How many there were.
	 */
	public static function forget( string $email ): int {
		return self::delete( array_column( self::of( $email ), 'id' ) );
	}

	/**
	 * A row as an objection.
	 *
	 * @param array<string, mixed> $row A row.
	 * @return Objection
	 */
	private static function objection( array $row ): array {
		$status = (string) ( $row['status'] ?? '' );
		return array(
			'id'            => (int) ( $row['id'] ?? 0 ),
			'processorId'   => (string) ( $row['processor_id'] ?? '' ),
			'processorName' => (string) ( $row['processor_name'] ?? '' ),
			'email'         => (string) ( $row['email'] ?? '' ),
			'organization'  => (string) ( $row['organization'] ?? '' ),
			'name'          => (string) ( $row['name'] ?? '' ),
			'reason'        => (string) ( $row['reason'] ?? '' ),
			'status'        => in_array( $status, self::STATUSES, true ) || self::REQUESTED === $status ? $status : 'open',
			'note'          => (string) ( $row['note'] ?? '' ),
			'locale'        => (string) ( $row['locale'] ?? '' ),
			'createdAt'     => (int) strtotime( ( (string) ( $row['created_at'] ?? '' ) ) . ' UTC' ),
			'updatedAt'     => (int) strtotime( ( (string) ( $row['updated_at'] ?? '' ) ) . ' UTC' ),
		);
	}
}

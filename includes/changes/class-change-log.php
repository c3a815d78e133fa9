<?php
/**
 * The change log: what every save changed, when and by whom.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

use InfosecPolicy\Subscribers\Delivery_Queue;

defined( 'ABSPATH' ) || exit;

/**
 * The log's entries: one row per save that changed something, in Change_Log_Table. Every write
 * that can change what is published rebuilds the published projection (Published_Log), so the
 * block and the feed never show an entry the admin has since made internal.
 *
 * @phpstan-import-type Item from Change_Items
 * @phpstan-type Entry array{ id: int, revision: int, createdAt: int, authorId: int, author: string, source: 'save'|'import', items: list<Item>, note: string, internal: bool }
 * @phpstan-type WordedEntry array{ id: int, revision: int, date: string, author: string, source: 'save'|'import', lines: list<string>, note: string, internal: bool }
 */
final class Change_Log {

	/**
	 * The longest public note.
	 */
	public const NOTE_MAX_LENGTH = 500;

	/**
	 * Why a text cannot be a public note, or null when it can: at most NOTE_MAX_LENGTH characters,
	 * without control characters other than line breaks. One rule and one wording for every way a
	 * note comes in (the REST API's fields, WP-CLI's options), each naming its own field.
	 *
	 * @param string $note The note.
	 * @param string $name What holds it, as the writer knows it: `changeNote`, `--note`.
	 */
	public static function note_problem( string $note, string $name ): ?string {
		if ( mb_strlen( $note ) > self::NOTE_MAX_LENGTH ) {
			/* translators: 1: name of a field of the request body or of a command's option, 2: a number of characters. */
			return sprintf( _n( '%1$s must be at most %2$d character long.', '%1$s must be at most %2$d characters long.', self::NOTE_MAX_LENGTH, 'infosec-policy' ), $name, self::NOTE_MAX_LENGTH );
		}
		/* translators: %s: name of a field of the request body or of a command's option. */
		return 1 === preg_match( '/^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$/uD', $note ) ? null : sprintf( __( '%s must be plain text without control characters.', 'infosec-policy' ), $name );
	}

	/**
	 * Records what a save changed, by the current user.
	 *
	 * @param list<Item>      $items    What changed (Change_Items::between()); not empty.
	 * @param int             $revision The revision the save made.
	 * @param 'save'|'import' $source   How the document came in.
	 * @param string          $note     A public note, or ''.
	 * @param bool            $internal Whether the change stays out of the published log.
	 * @return int The entry's id.
	 * @throws Change_Log_Unavailable When the database refuses the entry.
	 */
	public static function record( array $items, int $revision, string $source, string $note = '', bool $internal = false ): int {
		global $wpdb;
		$user = wp_get_current_user();
		// A failure is reported to the caller; printed, wpdb's error would break a JSON response.
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the plugin's own table, which no WordPress API reads; page views never query it (they read Published_Log's option).
		$written = $wpdb->insert(
			Change_Log_Table::name(),
			array(
				'revision'    => $revision,
				'created_at'  => gmdate( 'Y-m-d H:i:s' ),
				'author_id'   => $user->ID,
				'author_name' => $user->exists() ? $user->display_name : '',
				'source'      => $source,
				'items'       => (string) wp_json_encode( $items ),
				'note'        => $note,
				'internal'    => $internal ? 1 : 0,
			),
			array( '%d', '%s', '%d', '%s', '%s', '%s', '%s', '%d' )
		);
		$wpdb->suppress_errors( $suppressed );
		if ( false === $written ) {
			throw new Change_Log_Unavailable( 'The change log refused the entry: ' . esc_html( $wpdb->last_error ) );
		}
		$id = (int) $wpdb->insert_id;
		if ( ! $internal ) {
			Published_Log::refresh();
			Delivery_Queue::queue_notice( $id );
		}
		return $id;
	}

	/**
	 * One page of the whole log, newest first, internal entries included (for the admin). Newest is
	 * by revision: of two saves close together, the later one's entry may be written first.
	 *
	 * @param int $page     Page number, from 1.
	 * @param int $per_page Entries per page.
	 * @return array{ entries: list<Entry>, total: int, pages: int }
	 */
	public static function page( int $page, int $per_page ): array {
		global $wpdb;
		$table = Change_Log_Table::name();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant, never input (WPCS 2.3 rejects prepare()'s %i); no WordPress API reads it, and page views never query it (they read Published_Log's option).
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
		$pages = (int) ceil( $total / max( 1, $per_page ) );
		// A page past the last is empty, and is not asked for: its offset could overflow.
		$rows = $page > $pages ? array() : $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} ORDER BY revision DESC, id DESC LIMIT %d OFFSET %d", $per_page, ( $page - 1 ) * $per_page ), ARRAY_A );
		// phpcs:enable
		return array(
			'entries' => array_values( array_map( array( self::class, 'entry' ), is_array( $rows ) ? $rows : array() ) ),
			'total'   => $total,
			'pages'   => $pages,
		);
	}

	/**
	 * An entry as people and scripts read it (the REST API, WP-CLI): its date in ISO 8601 (UTC) and
	 * its changes in words, in the current language.
	 *
	 * @param Entry $entry An entry.
	 * @return WordedEntry
	 */
	public static function worded( array $entry ): array {
		return array(
			'id'       => $entry['id'],
			'revision' => $entry['revision'],
			'date'     => gmdate( 'c', $entry['createdAt'] ),
			'author'   => $entry['author'],
			'source'   => $entry['source'],
			'lines'    => Change_Sentences::sentences( $entry['items'] ),
			'note'     => $entry['note'],
			'internal' => $entry['internal'],
		);
	}

	/**
	 * The latest entries that are not internal, newest first; null when the table cannot be read.
	 *
	 * @param int $limit How many.
	 * @return list<Entry>|null
	 */
	public static function latest_public( int $limit ): ?array {
		global $wpdb;
		$table = Change_Log_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant, never input (WPCS 2.3 rejects prepare()'s %i); no WordPress API reads it, and page views never query it (they read Published_Log's option).
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE internal = 0 ORDER BY revision DESC, id DESC LIMIT %d", $limit ), ARRAY_A );
		if ( ! is_array( $rows ) || '' !== $wpdb->last_error ) {
			return null;
		}
		return array_values( array_map( array( self::class, 'entry' ), $rows ) );
	}

	/**
	 * When each announced processor was first told to the public, since it was last added: the
	 * date (Unix time) of the oldest public entry that added it with its start date or moved that
	 * date, after the entry that added it; for one that came with the statement's first
	 * publication and was never added since, that entry's date. A processor that was added in an
	 * internal entry and whose date no public entry moved since was told to no one, and is left
	 * out, as is one the log does not reach. Reads the log only when asked for processors (the
	 * findings, never a page view).
	 *
	 * Counted from the first announcement, not the latest: a customer told on 1 January of a
	 * start on 10 January had the days from 1 January, and an admin who moves the start later
	 * gives them more, which the finding must see.
	 *
	 * @param list<string> $ids The announced processors' ids.
	 * @return array<string, int>
	 */
	public static function announced_on( array $ids ): array {
		if ( array() === $ids ) {
			return array();
		}
		global $wpdb;
		$table = Change_Log_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant, never input (WPCS 2.3 rejects prepare()'s %i); no WordPress API reads it, and page views never query it (they read Published_Log's option).
		$rows    = $wpdb->get_results( "SELECT * FROM {$table} WHERE items LIKE '%effectiveFrom%' OR items LIKE '%\"added\"%' OR items LIKE '%\"published\"%' ORDER BY revision DESC, id DESC LIMIT 1000", ARRAY_A );
		$waiting = array_fill_keys( $ids, true );
		$dates   = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			$entry = self::entry( $row );
			foreach ( $entry['items'] as $item ) {
				$id = $item['id'] ?? '';
				if ( 'published' === $item['op'] ) {
					// Every processor not added since was in the first publication, which told it.
					$dates   = array_fill_keys( array_keys( $waiting ), $entry['createdAt'] ) + $dates;
					$waiting = array();
					continue;
				}
				if ( 'processor' !== $item['subject'] || ! isset( $waiting[ $id ] ) ) {
					continue;
				}
				$told = ! $entry['internal'] && (
					( 'added' === $item['op'] && isset( $item['details']['effectiveFrom'] ) )
					|| ( 'changed' === $item['op'] && 'effectiveFrom' === ( $item['field'] ?? '' ) )
				);
				if ( $told ) {
					// Older than any found so far: the log is read newest first.
					$dates[ $id ] = $entry['createdAt'];
				}
				if ( 'added' === $item['op'] ) {
					unset( $waiting[ $id ] );
				}
			}
			if ( array() === $waiting ) {
				break;
			}
		}
		return $dates;
	}

	/**
	 * One entry, or null.
	 *
	 * @param int $id The entry's id.
	 * @return Entry|null
	 */
	public static function get( int $id ): ?array {
		global $wpdb;
		$table = Change_Log_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, whose name is a constant, never input (WPCS 2.3 rejects prepare()'s %i); no WordPress API reads it, and page views never query it (they read Published_Log's option).
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? self::entry( $row ) : null;
	}

	/**
	 * Sets an entry's public note and whether it is internal, and then what is published; when the
	 * database refuses the change, what is published stays as it was.
	 *
	 * @param int    $id       The entry's id.
	 * @param string $note     The public note, or ''.
	 * @param bool   $internal Whether it stays out of the published log.
	 * @return bool Whether the database took the change.
	 */
	public static function annotate( int $id, string $note, bool $internal ): bool {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table, which no WordPress API reads; page views never query it (they read Published_Log's option).
		$written = $wpdb->update(
			Change_Log_Table::name(),
			array(
				'note'     => $note,
				'internal' => $internal ? 1 : 0,
			),
			array( 'id' => $id ),
			array( '%s', '%d' ),
			array( '%d' )
		);
		$wpdb->suppress_errors( $suppressed );
		if ( false === $written ) {
			return false;
		}
		Published_Log::refresh();
		if ( ! $internal ) {
			Delivery_Queue::queue_notice( $id );
		}
		return true;
	}

	/**
	 * A table row as an entry.
	 *
	 * @param array<string, mixed> $row A row.
	 * @return Entry
	 */
	private static function entry( array $row ): array {
		$items = json_decode( (string) ( $row['items'] ?? '' ), true );
		return array(
			'id'        => (int) ( $row['id'] ?? 0 ),
			'revision'  => (int) ( $row['revision'] ?? 0 ),
			'createdAt' => (int) strtotime( ( (string) ( $row['created_at'] ?? '' ) ) . ' UTC' ),
			'authorId'  => (int) ( $row['author_id'] ?? 0 ),
			'author'    => (string) ( $row['author_name'] ?? '' ),
			'source'    => 'import' === ( $row['source'] ?? '' ) ? 'import' : 'save',
			'items'     => is_array( $items ) ? array_values( array_filter( $items, array( Change_Items::class, 'is_item' ) ) ) : array(),
			'note'      => (string) ( $row['note'] ?? '' ),
			'internal'  => 1 === (int) ( $row['internal'] ?? 0 ),
		);
	}
}

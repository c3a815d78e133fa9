<?php
/**
 * The change log: what every save changed, when and by whom.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

defined( 'ABSPATH' ) || exit;

/**
 * One row per save that changed something, in a table of its own, so the log can grow without
 * limit and never weigh on a page view. The latest published entries are also kept in a small
 * option (Change_Log::PUBLISHED_OPTION), so the change-log block and the feed render without a query.
 *
 * @phpstan-import-type Item from Change_Items
 * @phpstan-type Entry array{ id: int, revision: int, createdAt: int, authorId: int, author: string, source: 'save'|'import', items: list<Item>, note: string, internal: bool }
 * @phpstan-type PublishedEntry array{ id: int, createdAt: int, items: list<Item>, more: int, note: string }
 */
final class Change_Log {

	public const TABLE            = 'infosec_policy_changes';
	public const PUBLISHED_OPTION = 'infosec_policy_changes_published';
	public const SCHEMA_OPTION    = 'infosec_policy_schema_version';
	public const SCHEMA_VERSION   = 1;

	/**
	 * How many published entries the block and the feed can show.
	 */
	public const PUBLISHED_LIMIT = 20;

	/**
	 * How many items of one published entry are kept for the block and the feed; a first import of
	 * a thousand processors is published as its first items and a count of the rest.
	 */
	public const PUBLISHED_ITEMS = 25;

	/**
	 * The longest public note.
	 */
	public const NOTE_MAX_LENGTH = 500;

	/**
	 * The table's full name.
	 */
	public static function table(): string {
		global $wpdb;
		return $wpdb->prefix . self::TABLE;
	}

	/**
	 * Creates or upgrades the table (dbDelta is idempotent).
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::table();
		$collate = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  revision bigint(20) unsigned NOT NULL DEFAULT 0,
  created_at datetime NOT NULL,
  author_id bigint(20) unsigned NOT NULL DEFAULT 0,
  author_name varchar(250) NOT NULL DEFAULT '',
  source varchar(20) NOT NULL DEFAULT 'save',
  items longtext NOT NULL,
  note text NOT NULL,
  internal tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  KEY published (internal,revision)
) {$collate};"
		);
	}

	/**
	 * Records what a save changed. A save that changed nothing records nothing.
	 *
	 * @param array<string, mixed> $before   The document before the save.
	 * @param array<string, mixed> $after    The document saved.
	 * @param int                  $revision The revision the save made.
	 * @param 'save'|'import'      $source   How the document came in.
	 * @param string               $note     A public note, or ''.
	 * @param bool                 $internal Whether the change stays out of the published log.
	 * @return int|null|false The entry's id; null when nothing changed; false when the database
	 *                        refused the entry (the save itself stands).
	 */
	public static function record( array $before, array $after, int $revision, string $source, string $note = '', bool $internal = false ): int|null|false {
		global $wpdb;
		$items = Change_Items::between( $before, $after );
		if ( array() === $items ) {
			return null;
		}
		$user = wp_get_current_user();
		// A failure is reported to the caller; printed, wpdb's error would break a JSON response.
		$suppressed = $wpdb->suppress_errors( true );
		$written    = $wpdb->insert(
			self::table(),
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
			return false;
		}
		$id = (int) $wpdb->insert_id;
		if ( ! $internal ) {
			self::refresh_published();
		}
		return $id;
	}

	/**
	 * One page of the whole log, newest first, internal entries included (for the admin). Newest is
	 * by revision: of two saves close together, the later one's entry may be written first.
	 *
	 * @param int $page     Page number, from 1.
	 * @param int $per_page Entries per page.
	 * @return array{ entries: list<Entry>, total: int }
	 */
	public static function page( int $page, int $per_page ): array {
		global $wpdb;
		$table = self::table();
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is the plugin's own constant, never input; prepare()'s %i would quote it, but WPCS 2.3 (the newest here) rejects %i.
		$rows  = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} ORDER BY revision DESC, id DESC LIMIT %d OFFSET %d", $per_page, ( $page - 1 ) * $per_page ), ARRAY_A );
		$total = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
		// phpcs:enable
		return array(
			'entries' => array_values( array_map( array( self::class, 'entry' ), is_array( $rows ) ? $rows : array() ) ),
			'total'   => $total,
		);
	}

	/**
	 * One entry, or null.
	 *
	 * @param int $id The entry's id.
	 * @return Entry|null
	 */
	public static function get( int $id ): ?array {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is the plugin's own constant, never input; prepare()'s %i would quote it, but WPCS 2.3 (the newest here) rejects %i.
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$table} WHERE id = %d", $id ), ARRAY_A );
		return is_array( $row ) ? self::entry( $row ) : null;
	}

	/**
	 * Sets an entry's public note and whether it is internal.
	 *
	 * @param int    $id       The entry's id.
	 * @param string $note     The public note, or ''.
	 * @param bool   $internal Whether it stays out of the published log.
	 * @return bool Whether the database took the change.
	 */
	public static function annotate( int $id, string $note, bool $internal ): bool {
		global $wpdb;
		$written = $wpdb->update(
			self::table(),
			array(
				'note'     => $note,
				'internal' => $internal ? 1 : 0,
			),
			array( 'id' => $id ),
			array( '%s', '%d' ),
			array( '%d' )
		);
		self::refresh_published();
		return false !== $written;
	}

	/**
	 * The latest published entries, newest first, without a query: from the published option.
	 *
	 * @param int $limit How many, at most Change_Log::PUBLISHED_LIMIT.
	 * @return list<PublishedEntry>
	 */
	public static function published( int $limit ): array {
		$published = get_option( self::PUBLISHED_OPTION, array() );
		$entries   = is_array( $published ) && is_array( $published['entries'] ?? null ) ? $published['entries'] : array();
		return array_slice( array_values( array_filter( $entries, array( self::class, 'is_published_entry' ) ) ), 0, max( 0, $limit ) );
	}

	/**
	 * When the published log last changed (Unix time), or 0 if never: for the feed's Last-Modified.
	 */
	public static function published_at(): int {
		$published = get_option( self::PUBLISHED_OPTION, array() );
		return is_array( $published ) ? (int) ( $published['builtAt'] ?? 0 ) : 0;
	}

	/**
	 * Rewrites the published option from the table: the latest entries that are not internal,
	 * each with at most Change_Log::PUBLISHED_ITEMS items. Rebuilding (rather than adding to it)
	 * keeps it right after any change of a note or of the internal flag.
	 */
	public static function refresh_published(): void {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is the plugin's own constant, never input; prepare()'s %i would quote it, but WPCS 2.3 (the newest here) rejects %i.
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} WHERE internal = 0 ORDER BY revision DESC, id DESC LIMIT %d", self::PUBLISHED_LIMIT ), ARRAY_A );
		if ( ! is_array( $rows ) || '' !== $wpdb->last_error ) {
			return; // Keep what is published rather than publish nothing.
		}
		$entries = array();
		foreach ( $rows as $row ) {
			// Who made a change stays in the admin's log; the published one speaks for the organisation,
			// and names only what the statement itself shows.
			$entry = self::entry( $row );
			$items = array_values( array_filter( $entry['items'], array( Change_Items::class, 'is_public' ) ) );
			if ( array() === $items && '' === $entry['note'] ) {
				continue;
			}
			$entries[] = array(
				'id'        => $entry['id'],
				'createdAt' => $entry['createdAt'],
				'items'     => array_slice( $items, 0, self::PUBLISHED_ITEMS ),
				'more'      => max( 0, count( $items ) - self::PUBLISHED_ITEMS ),
				'note'      => $entry['note'],
			);
		}
		// Autoloaded when small, as core decides for any option; the log itself never is.
		update_option(
			self::PUBLISHED_OPTION,
			array(
				'builtAt' => time(),
				'entries' => $entries,
			),
			null
		);
	}

	/**
	 * Removes the table and the published option (uninstall).
	 */
	public static function drop(): void {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange -- the table name is the plugin's own constant, never input (WPCS 2.3 rejects prepare()'s %i); uninstall removes the table.
		$wpdb->query( "DROP TABLE IF EXISTS {$table}" );
		delete_option( self::PUBLISHED_OPTION );
		delete_option( self::SCHEMA_OPTION );
	}

	/**
	 * Creates or upgrades the table when the stored schema version is not this code's. Runs on
	 * `init` (one autoloaded option read) and on activation.
	 */
	public static function maybe_install(): void {
		if ( (int) get_option( self::SCHEMA_OPTION, 0 ) === self::SCHEMA_VERSION ) {
			return;
		}
		global $wpdb;
		self::install();
		// Only a table that is there counts as installed; otherwise the next request tries again.
		if ( self::table() !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', self::table() ) ) ) {
			return;
		}
		update_option( self::SCHEMA_OPTION, self::SCHEMA_VERSION, true );
		// The feed's pretty address needs the rewrite rules to know it.
		flush_rewrite_rules( false );
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
			'items'     => is_array( $items ) ? array_values( array_filter( $items, array( self::class, 'is_item' ) ) ) : array(),
			'note'      => (string) ( $row['note'] ?? '' ),
			'internal'  => 1 === (int) ( $row['internal'] ?? 0 ),
		);
	}

	/**
	 * Whether a stored value has the shape of an item.
	 *
	 * @param mixed $value A decoded value.
	 * @phpstan-assert-if-true Item $value
	 */
	private static function is_item( mixed $value ): bool {
		return is_array( $value )
			&& in_array( $value['op'] ?? null, array( 'added', 'removed', 'changed', 'reordered' ), true )
			&& in_array( $value['subject'] ?? null, array( 'processor', 'measure', 'organization', 'site' ), true );
	}

	/**
	 * Whether a value of the published option has the shape this class writes there.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true PublishedEntry $value
	 */
	private static function is_published_entry( mixed $value ): bool {
		return is_array( $value ) && is_int( $value['id'] ?? null ) && is_int( $value['createdAt'] ?? null ) && is_int( $value['more'] ?? null )
			&& is_string( $value['note'] ?? null ) && is_array( $value['items'] ?? null ) && array_is_list( $value['items'] )
			&& array_filter( $value['items'], array( self::class, 'is_item' ) ) === $value['items'];
	}
}

<?php
/**
 * The change log's database table.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

defined( 'ABSPATH' ) || exit;

/**
 * Creates, upgrades and removes the table the change log keeps its entries in. A table of its own,
 * not options or posts, so the log can grow without limit and never weigh on a page view.
 */
final class Change_Log_Table {

	public const TABLE          = 'infosec_policy_changes';
	public const SCHEMA_OPTION  = 'infosec_policy_schema_version';
	public const SCHEMA_VERSION = 1;

	/**
	 * The table's full name.
	 */
	public static function name(): string {
		global $wpdb;
		return $wpdb->prefix . self::TABLE;
	}

	/**
	 * Creates or upgrades the table (dbDelta is idempotent).
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::name();
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
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table: installed, checked and dropped here, never cached.
		if ( self::name() !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', self::name() ) ) ) {
			return;
		}
		update_option( self::SCHEMA_OPTION, self::SCHEMA_VERSION, true );
		// The feed's pretty address needs the rewrite rules to know it.
		flush_rewrite_rules( false );
	}

	/**
	 * Removes the table and its schema version (uninstall).
	 */
	public static function drop(): void {
		global $wpdb;
		$table = self::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- uninstall drops the plugin's own table, whose name is a constant, never input (WPCS 2.3 rejects prepare()'s %i); no cache holds a table.
		$wpdb->query( "DROP TABLE IF EXISTS {$table}" );
		delete_option( self::SCHEMA_OPTION );
	}
}

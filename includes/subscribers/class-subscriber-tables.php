<?php
/**
 * The subscribers' database tables.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Creates, upgrades and removes the five tables of the e-mail notices and what customers answer:
 *
 * - `infosec_policy_subscribers`: one row per address, with what the privacy promise allows and
 *   nothing else (the address, its language, its status, when it was asked for and confirmed,
 *   where its consent comes from, and how many confirmation requests it was sent);
 * - `infosec_policy_requests`: one row per request not yet handled, to subscribe or (with a
 *   processor's id) for a link to object to that processor, written the same way whatever the
 *   address's state, so that the answer tells nothing (Subscription_Requests);
 * - `infosec_policy_notices`: one row per published change-log entry to tell subscribers about,
 *   written by the save, so that a save costs one insert however many subscribers there are;
 * - `infosec_policy_deliveries`: one row per message to send, unique per kind, entry and subscriber,
 *   which is what makes "never twice" a property of the database rather than of the code;
 * - `infosec_policy_objections`: one row per customer's objection to an announced processor (GDPR
 *   Art. 28(2)), unique per processor and address, so that a second answer from the same link
 *   updates the first; a row whose status is `requested` holds only an address that asked for a
 *   link and has not objected yet (Objections).
 */
final class Subscriber_Tables {

	public const SUBSCRIBERS    = 'infosec_policy_subscribers';
	public const NOTICES        = 'infosec_policy_notices';
	public const DELIVERIES     = 'infosec_policy_deliveries';
	public const REQUESTS       = 'infosec_policy_requests';
	public const OBJECTIONS     = 'infosec_policy_objections';
	public const SCHEMA_OPTION  = 'infosec_policy_subscribers_schema';
	public const SCHEMA_VERSION = 4;

	/**
	 * A table's full name.
	 *
	 * @param string $table One of the constants.
	 */
	public static function name( string $table ): string {
		global $wpdb;
		return $wpdb->prefix . $table;
	}

	/**
	 * Creates or upgrades the tables (dbDelta is idempotent).
	 */
	public static function install(): void {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$collate     = $wpdb->get_charset_collate();
		$subscribers = self::name( self::SUBSCRIBERS );
		$notices     = self::name( self::NOTICES );
		$deliveries  = self::name( self::DELIVERIES );
		$requests    = self::name( self::REQUESTS );
		$objections  = self::name( self::OBJECTIONS );
		dbDelta(
			"CREATE TABLE {$subscribers} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  email varchar(191) NOT NULL,
  locale varchar(20) NOT NULL DEFAULT '',
  status varchar(20) NOT NULL DEFAULT 'pending',
  requested_at datetime NOT NULL,
  confirmed_at datetime NULL,
  consent_source varchar(200) NOT NULL DEFAULT '',
  confirmations smallint(5) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (id),
  UNIQUE KEY email (email),
  KEY status (status,confirmed_at)
) {$collate};
CREATE TABLE {$notices} (
  change_id bigint(20) unsigned NOT NULL,
  queued_at datetime NOT NULL,
  expanded tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY  (change_id)
) {$collate};
CREATE TABLE {$deliveries} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  kind varchar(20) NOT NULL DEFAULT 'notice',
  change_id bigint(20) unsigned NOT NULL DEFAULT 0,
  subscriber_id bigint(20) unsigned NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'waiting',
  attempts smallint(5) unsigned NOT NULL DEFAULT 0,
  next_attempt_at datetime NOT NULL,
  claim varchar(40) NOT NULL DEFAULT '',
  sent_at datetime NULL,
  last_error varchar(255) NOT NULL DEFAULT '',
  PRIMARY KEY  (id),
  UNIQUE KEY message (kind,change_id,subscriber_id),
  KEY due (status,next_attempt_at),
  KEY subscriber (subscriber_id)
) {$collate};
CREATE TABLE {$requests} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  email varchar(191) NOT NULL,
  locale varchar(20) NOT NULL DEFAULT '',
  source varchar(20) NOT NULL DEFAULT '',
  processor_id varchar(64) NOT NULL DEFAULT '',
  requested_at datetime NOT NULL,
  PRIMARY KEY  (id)
) {$collate};
CREATE TABLE {$objections} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  processor_id varchar(64) NOT NULL,
  processor_name varchar(200) NOT NULL DEFAULT '',
  email varchar(191) NOT NULL,
  organization varchar(200) NOT NULL DEFAULT '',
  name varchar(200) NOT NULL DEFAULT '',
  reason text NOT NULL,
  status varchar(20) NOT NULL DEFAULT 'open',
  note text NOT NULL,
  locale varchar(20) NOT NULL DEFAULT '',
  created_at datetime NOT NULL,
  updated_at datetime NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY objector (processor_id,email),
  KEY email (email)
) {$collate};"
		);
	}

	/**
	 * Creates or upgrades the tables when the stored schema version is not this code's. Runs on
	 * `init` (one autoloaded option read) and on activation.
	 */
	public static function maybe_install(): void {
		if ( (int) get_option( self::SCHEMA_OPTION, 0 ) === self::SCHEMA_VERSION ) {
			return;
		}
		global $wpdb;
		self::install();
		$objections = self::name( self::OBJECTIONS );
		// Only tables that are there count as installed (the newest is made last); otherwise the
		// next request tries again.
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own table: installed, checked and dropped here, never cached.
		if ( $objections !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $objections ) ) ) {
			return;
		}
		// Nor does a column dbDelta could not add to a table that was there (version 1's and 3's).
		foreach ( array(
			self::SUBSCRIBERS => 'confirmations',
			self::REQUESTS    => 'processor_id',
		) as $table => $column ) {
			$name = self::name( $table );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the plugin's own tables, whose names are constants; checked once per upgrade.
			if ( null === $wpdb->get_var( $wpdb->prepare( "SHOW COLUMNS FROM {$name} LIKE %s", $column ) ) ) {
				return;
			}
		}
		update_option( self::SCHEMA_OPTION, self::SCHEMA_VERSION, true );
	}

	/**
	 * Removes the tables and their schema version (uninstall).
	 */
	public static function drop(): void {
		global $wpdb;
		foreach ( array( self::OBJECTIONS, self::REQUESTS, self::DELIVERIES, self::NOTICES, self::SUBSCRIBERS ) as $table ) {
			$name = self::name( $table );
			// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- uninstall drops the plugin's own tables, whose names are constants, never input (WPCS 2.3 rejects prepare()'s %i); no cache holds a table.
			$wpdb->query( "DROP TABLE IF EXISTS {$name}" );
		}
		delete_option( self::SCHEMA_OPTION );
	}
}

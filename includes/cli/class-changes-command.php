<?php
/**
 * WP-CLI: wp infosec-policy changes list.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Changes\Change_Log;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the change log: what every save and import changed, when and by whom.
 *
 * @phpstan-import-type Entry from Change_Log
 */
final class Changes_Command extends Command {

	/**
	 * Lists the change log, newest first, internal changes included.
	 *
	 * Each entry: its id, the revision the save made, when (ISO 8601, UTC), who, whether it came from a save or an import, whether it is internal (kept out of the published log), its public note, and each change in words. In a table or CSV the changes are joined by "; "; in JSON they are a list.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : How to print the entries.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 * ---
	 *
	 * [--page=<n>]
	 * : Which page, from 1.
	 * ---
	 * default: 1
	 * ---
	 *
	 * [--per-page=<n>]
	 * : Entries per page, 1 to 100.
	 * ---
	 * default: 20
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the page was printed; 1 for a bad option or a page past the last.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy changes list --per-page=5
	 *
	 *     $ wp infosec-policy changes list --format=json
	 *
	 * @subcommand list
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$format   = (string) Utils\get_flag_value( $assoc_args, 'format', 'table' );
		$page     = self::whole_number( $assoc_args, 'page', 1 ) ?? 1;
		$per_page = self::whole_number( $assoc_args, 'per-page', 1, 100 ) ?? 20;
		$log      = Change_Log::page( $page, $per_page );
		$pages    = $log['pages'];
		if ( $page > max( 1, $pages ) ) {
			/* translators: 1: a page number, 2: how many pages there are. */
			self::fail( sprintf( _n( 'There is no page %1$d: the change log has %2$d page.', 'There is no page %1$d: the change log has %2$d pages.', $pages, 'infosec-policy' ), $page, $pages ) );
		}
		if ( 'table' === $format && 0 === $log['total'] ) {
			\WP_CLI::success( __( 'The change log is empty.', 'infosec-policy' ) );
			return;
		}
		$rows = array_map( static fn( array $entry ): array => self::row( $entry, $format ), $log['entries'] );
		Utils\format_items( $format, $rows, array( 'id', 'revision', 'date', 'author', 'source', 'internal', 'note', 'lines' ) );
		if ( 'table' === $format ) {
			/* translators: 1: a page number, 2: how many pages there are, 3: how many entries there are. */
			\WP_CLI::line( sprintf( _n( 'Page %1$d of %2$d; %3$d entry in all.', 'Page %1$d of %2$d; %3$d entries in all.', $log['total'], 'infosec-policy' ), $page, $pages, $log['total'] ) );
		}
	}

	/**
	 * An entry as a row: for JSON with its changes as a list and `internal` as a boolean; for a
	 * table or CSV, flat.
	 *
	 * @param Entry  $entry  An entry.
	 * @param string $format The output format.
	 * @return array<string, mixed>
	 */
	private static function row( array $entry, string $format ): array {
		$row = Change_Log::worded( $entry );
		if ( 'json' === $format ) {
			return $row;
		}
		$row['internal'] = 'csv' === $format
			? ( $row['internal'] ? 'true' : 'false' )
			: ( $row['internal'] ? __( 'yes', 'infosec-policy' ) : __( 'no', 'infosec-policy' ) );
		$row['lines']    = implode( '; ', $row['lines'] );
		return $row;
	}
}

<?php
/**
 * WP-CLI: wp infosec-policy objections list|answer.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Objections\Objection_Privacy;
use InfosecPolicy\Objections\Objections;
use InfosecPolicy\Rest\Objections_Controller;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and answers customers' objections to announced processors (GDPR Art. 28(2)).
 *
 * @phpstan-import-type Objection from Objections
 */
final class Objections_Command extends Command {

	/**
	 * Lists objections, newest first.
	 *
	 * Each objection: its id, the processor (id and name), who objected (e-mail address, organisation, name), why, its status (open, answered, withdrawn), the answer's note, and when it was made and last changed (ISO 8601, UTC).
	 *
	 * ## OPTIONS
	 *
	 * [--processor=<id>]
	 * : Only the objections to this processor.
	 *
	 * [--status=<status>]
	 * : Only the objections with this status.
	 * ---
	 * options:
	 *   - open
	 *   - answered
	 *   - withdrawn
	 * ---
	 *
	 * [--format=<format>]
	 * : How to print them.
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
	 * : Objections per page, 1 to 100.
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
	 *     $ wp infosec-policy objections list --status=open
	 *     $ wp infosec-policy objections list --processor=brevo --format=csv
	 *
	 * @subcommand list
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$format    = (string) Utils\get_flag_value( $assoc_args, 'format', 'table' );
		$status    = (string) Utils\get_flag_value( $assoc_args, 'status', '' );
		$processor = (string) Utils\get_flag_value( $assoc_args, 'processor', '' );
		$page      = self::whole_number( $assoc_args, 'page', 1 ) ?? 1;
		$per_page  = self::whole_number( $assoc_args, 'per-page', 1, 100 ) ?? 20;
		if ( '' !== $status && ! in_array( $status, Objections::STATUSES, true ) ) {
			/* translators: %s: the allowed statuses. */
			self::fail( sprintf( __( '--status must be one of: %s.', 'infosec-policy' ), implode( ', ', Objections::STATUSES ) ) );
		}
		if ( 1 !== preg_match( '/^([a-z0-9]+(-[a-z0-9]+)*)?$/', $processor ) ) {
			self::fail( __( '--processor must be a processor\'s id: lower-case letters, digits and single hyphens.', 'infosec-policy' ) );
		}
		$found = Objections::query( $processor, $status, $page, $per_page );
		if ( $page > max( 1, $found['pages'] ) ) {
			/* translators: 1: a page number, 2: how many pages there are. */
			self::fail( sprintf( _n( 'There is no page %1$d: the list has %2$d page.', 'There is no page %1$d: the list has %2$d pages.', $found['pages'], 'infosec-policy' ), $page, $found['pages'] ) );
		}
		if ( 'table' === $format && 0 === $found['total'] ) {
			\WP_CLI::success( __( 'There are no objections.', 'infosec-policy' ) );
			return;
		}
		Utils\format_items( $format, array_map( array( Objections_Controller::class, 'data' ), $found['objections'] ), Objections_Controller::CSV_COLUMNS );
		if ( 'table' === $format ) {
			/* translators: 1: a page number, 2: how many pages there are, 3: how many objections there are. */
			\WP_CLI::line( sprintf( _n( 'Page %1$d of %2$d; %3$d objection in all.', 'Page %1$d of %2$d; %3$d objections in all.', $found['total'], 'infosec-policy' ), $page, $found['pages'], $found['total'] ) );
		}
	}

	/**
	 * Answers an objection: sets its status (answered unless told otherwise) and a note.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The objection's id, as `list` shows it.
	 *
	 * [--note=<text>]
	 * : The answer, for the record; the objection's note stays as it was without it.
	 *
	 * [--status=<status>]
	 * : Its status.
	 * ---
	 * default: answered
	 * options:
	 *   - open
	 *   - answered
	 *   - withdrawn
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the answer was stored; 1 for an unknown id, a bad option or a database that refused it.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy objections answer 12 --note="We will keep your data with the current provider."
	 *
	 * @param list<string>         $args       The id.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function answer( array $args, array $assoc_args ): void {
		$id = (string) ( $args[0] ?? '' );
		if ( 1 !== preg_match( '/^[1-9][0-9]{0,18}$/', $id ) ) {
			self::fail( __( 'The id must be a whole number from 1, as the list shows it.', 'infosec-policy' ) );
		}
		$status = (string) Utils\get_flag_value( $assoc_args, 'status', 'answered' );
		if ( ! in_array( $status, Objections::STATUSES, true ) ) {
			/* translators: %s: the allowed statuses. */
			self::fail( sprintf( __( '--status must be one of: %s.', 'infosec-policy' ), implode( ', ', Objections::STATUSES ) ) );
		}
		$note = Utils\get_flag_value( $assoc_args, 'note', null );
		if ( null !== $note ) {
			$problem = Objections_Controller::note_problem( $note );
			if ( null !== $problem ) {
				self::fail( '--note ' . $problem );
			}
		}
		$objection = Objections::get( (int) $id );
		if ( null === $objection ) {
			/* translators: %s: an id. */
			self::fail( sprintf( __( 'There is no objection %s.', 'infosec-policy' ), $id ) );
		}
		$updated = Objections::answer( $objection['id'], $status, null === $note ? $objection['note'] : (string) $note );
		if ( null === $updated ) {
			self::fail( __( 'The database did not accept the change. Nothing was saved.', 'infosec-policy' ) );
		}
		/* translators: 1: an id, 2: a processor's name, 3: its status in words ("Answered"). */
		\WP_CLI::success( sprintf( __( 'Objection %1$d to %2$s, status: %3$s.', 'infosec-policy' ), $updated['id'], $updated['processorName'], Objection_Privacy::status( $updated['status'] ) ) );
	}
}

<?php
/**
 * WP-CLI: wp infosec-policy export|import|validate|findings.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;
use InfosecPolicy\Policy\Save_Result;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

/**
 * Exports, imports and checks the information security policy.
 *
 * An import is saved as a save in Settings → Information security is: the whole document is validated, saved only if no one saved meanwhile, and recorded in the change log. A document with any bad field is refused whole, every bad field named, and nothing is written.
 *
 * ## EXIT STATUS
 *
 * 0 on success, including findings and failing certificates (they are findings about the policy, not failures of a command); 1 when a command could not do what it was asked, saying why on standard error.
 *
 * ## EXAMPLES
 *
 *     # Keep the policy in a file, change it, see what would change, import it.
 *     $ wp infosec-policy export --file=policy.json
 *     $ wp infosec-policy import policy.json --dry-run
 *     $ wp infosec-policy import policy.json --note="New newsletter service."
 */
final class Policy_Command extends Command {

	/**
	 * Prints the stored policy as JSON, or writes it to a file.
	 *
	 * The document alone, pretty-printed: what `import` reads back. Before the policy was first saved, it is the default policy a new site starts from.
	 *
	 * ## OPTIONS
	 *
	 * [--file=<path>]
	 * : Write the document to this file, replacing what it holds, instead of standard output.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy export > policy.json
	 *
	 *     $ wp infosec-policy export --file=policy.json
	 *     Success: Wrote revision 3 of the policy to policy.json.
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function export( array $args, array $assoc_args ): void {
		$stored = Policy_Store::get();
		$file   = $assoc_args['file'] ?? null;
		if ( null === $file ) {
			\WP_CLI::out( Policy_File::json( $stored['policy'] ) );
			return;
		}
		if ( ! is_string( $file ) || '' === $file ) {
			/* translators: %s: a command's option. */
			self::fail( sprintf( __( '%s needs the path of a file.', 'infosec-policy' ), '--file' ) );
		}
		Policy_File::write( $file, $stored['policy'] );
		/* translators: 1: the policy's revision number, 2: a file's path. */
		\WP_CLI::success( sprintf( __( 'Wrote revision %1$d of the policy to %2$s.', 'infosec-policy' ), $stored['revision'], $file ) );
	}

	/**
	 * Imports a policy from a JSON file, and records what changed in the change log.
	 *
	 * The whole document is validated first: if any field is bad, every bad field is named, one per line, nothing is written, and the exit status is 1. With --dry-run, prints what the import would change, in the change log's words, and writes nothing.
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The policy document (format version 1), as `export` writes it.
	 *
	 * [--dry-run]
	 * : Print what the import would change; save nothing.
	 *
	 * [--note=<text>]
	 * : A public note for the change log entry: plain text, at most 500 characters.
	 *
	 * [--internal]
	 * : Keep the change out of the published change log (the change log block and the feed).
	 *
	 * [--revision=<n>]
	 * : Save only if the stored policy is still at this revision (the one you exported); if someone saved since, nothing is written. Without it, the import replaces what is stored.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the policy was saved (also when the change log could not record the change: then a warning says so) or, with --dry-run, when it would be; 1 when nothing was saved: a missing or unreadable file, invalid JSON, an invalid document, a bad option, or another revision stored.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy import policy.json --dry-run
	 *     Importing policy.json would make 1 change (nothing was saved):
	 *     Added processor Brevo (Newsletter, France)
	 *
	 *     # Name yourself in the change log with WP-CLI's --user.
	 *     $ wp --user=admin infosec-policy import policy.json --note="Newsletter."
	 *     Success: Imported policy.json: revision 4, change log entry 7.
	 *     Added processor Brevo (Newsletter, France)
	 *
	 * @param array{ 0: string }   $args       The file.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function import( array $args, array $assoc_args ): void {
		$file     = $args[0];
		$note     = self::note( $assoc_args );
		$revision = self::whole_number( $assoc_args, 'revision', 0 );
		$internal = self::switch_on( $assoc_args, 'internal' );
		$policy   = Policy_File::read( $file );

		if ( self::switch_on( $assoc_args, 'dry-run' ) ) {
			self::preview( $file, Policy_Service::preview( $policy ), $revision );
			return;
		}
		$expected = $revision ?? Policy_Store::get()['revision'];
		$result   = Policy_Service::save( $policy, $expected, 'import', $note, $internal );
		if ( Save_Result::INVALID === $result->status ) {
			self::fail( Save_Report::invalid( $file, $result->errors, true ) );
		}
		if ( Save_Result::CONFLICT === $result->status ) {
			self::fail( Save_Report::conflict( $result->revision, $expected ) );
		}
		if ( ! $result->is_saved() ) {
			/* translators: %s: why the database refused the policy. */
			self::fail( sprintf( __( 'Nothing was saved: %s', 'infosec-policy' ), null === $result->error ? '' : $result->error->get_error_message() ) );
		}
		foreach ( $result->warnings as $warning ) {
			\WP_CLI::warning( $warning );
		}
		\WP_CLI::success( Save_Report::saved( $file, $result ) );
		self::print_lines( Save_Report::lines( $result ) );
	}

	/**
	 * Checks that a JSON file holds a valid policy, without reading or writing the stored one.
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The policy document (format version 1).
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the document is valid; 1 when it is not (every bad field is named, one per line), or when the file is missing, unreadable or not JSON.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy validate policy.json
	 *     Success: policy.json holds a valid policy.
	 *
	 * @param array{ 0: string }   $args       The file.
	 * @param array<string, mixed> $assoc_args None.
	 */
	public function validate( array $args, array $assoc_args ): void {
		$file   = $args[0];
		$errors = Policy_Validator::validate( Policy_File::read( $file ) );
		if ( array() !== $errors ) {
			self::fail( Save_Report::invalid( $file, $errors, false ) );
		}
		/* translators: %s: a file's path. */
		\WP_CLI::success( sprintf( __( '%s holds a valid policy.', 'infosec-policy' ), $file ) );
	}

	/**
	 * Lists what the compliance checks find in the stored policy.
	 *
	 * The findings of the settings page and Site Health: a Privacy Shield transfer basis, a missing processing agreement, an old review, a failing certificate (as the last TLS check saw it)… Findings are not errors of the command: it exits with 0 whatever it finds.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : How to print them.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - yaml
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy findings --format=json
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function findings( array $args, array $assoc_args ): void {
		$format   = (string) Utils\get_flag_value( $assoc_args, 'format', 'table' );
		$findings = Compliance_Checks::for_stored_policy();
		if ( 'table' === $format && array() === $findings ) {
			\WP_CLI::success( __( 'No findings: the compliance checks found nothing to correct.', 'infosec-policy' ) );
			return;
		}
		Utils\format_items( $format, $findings, array( 'rule', 'severity', 'subject', 'path', 'message' ) );
	}

	/**
	 * The --note option, checked as the REST API checks a change note.
	 *
	 * @param array<string, mixed> $assoc_args The options.
	 */
	private static function note( array $assoc_args ): string {
		// WP-CLI drops an option typed without its value (`--note` alone) before the command runs,
		// with a warning; the import must not then go ahead without the note it was meant to carry.
		$typed = \WP_CLI::get_runner()->assoc_args['note'] ?? null;
		$note  = $assoc_args['note'] ?? ( true === $typed ? $typed : '' );
		if ( ! is_string( $note ) ) {
			/* translators: 1: a command's option, e.g. --note. */
			self::fail( sprintf( __( '%1$s needs a text, as in %1$s="…".', 'infosec-policy' ), '--note' ) );
		}
		$problem = Change_Log::note_problem( $note, '--note' );
		if ( null !== $problem ) {
			self::fail( $problem );
		}
		return $note;
	}

	/**
	 * Prints what an import would change, or ends the command if the document is invalid.
	 *
	 * @param string      $file     The file.
	 * @param Save_Result $result   The preview.
	 * @param int|null    $revision The --revision option.
	 */
	private static function preview( string $file, Save_Result $result, ?int $revision ): void {
		if ( Save_Result::PREVIEWED !== $result->status ) {
			self::fail( Save_Report::invalid( $file, $result->errors, false ) );
		}
		if ( null !== $revision && $revision !== $result->revision ) {
			/* translators: 1: the stored revision number, 2: the revision number the command was given. */
			\WP_CLI::warning( sprintf( __( 'The stored policy is at revision %1$d, not %2$d: this import would be refused.', 'infosec-policy' ), $result->revision, $revision ) );
		}
		$lines = Save_Report::lines( $result );
		if ( array() === $lines ) {
			\WP_CLI::success( Save_Report::previewed( $file, $result ) );
			return;
		}
		\WP_CLI::line( Save_Report::previewed( $file, $result ) );
		self::print_lines( $lines );
	}

	/**
	 * Prints sentences, one a line, on standard output (unlike WP_CLI::log(), kept with --quiet:
	 * they are what the command was asked for).
	 *
	 * @param list<string> $lines Sentences.
	 */
	private static function print_lines( array $lines ): void {
		foreach ( $lines as $line ) {
			\WP_CLI::line( $line );
		}
	}
}

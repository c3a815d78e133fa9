<?php
/**
 * What a save, an import's preview or a validation says at the command line.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Policy_Validator;
use InfosecPolicy\Policy\Save_Result;

defined( 'ABSPATH' ) || exit;

/**
 * Words the outcome of Policy_Service for a person at a terminal: every bad field on a line of
 * its own, a refused revision with whoever saved the one that is stored, and what changed in the
 * change log's own sentences. Plain text; nothing here decides anything.
 *
 * @phpstan-import-type ValidationError from Policy_Validator
 */
final class Save_Report {

	/**
	 * Why a document is not a valid policy: a count, then every bad field, one per line.
	 *
	 * @param string                $file   The file that holds it.
	 * @param list<ValidationError> $errors Every bad field.
	 * @param bool                  $saving Whether an import was refused (rather than a check).
	 */
	public static function invalid( string $file, array $errors, bool $saving ): string {
		$count = count( $errors );
		$lines = array(
			$saving
				/* translators: 1: how many problems, 2: a file's path. */
				? sprintf( _n( 'Nothing was saved: %2$s is not a valid policy. %1$d problem:', 'Nothing was saved: %2$s is not a valid policy. %1$d problems:', $count, 'infosec-policy' ), $count, $file )
				/* translators: 1: how many problems, 2: a file's path. */
				: sprintf( _n( '%2$s is not a valid policy. %1$d problem:', '%2$s is not a valid policy. %1$d problems:', $count, 'infosec-policy' ), $count, $file ),
		);
		foreach ( $errors as $error ) {
			$lines[] = '' === $error['path']
				/* translators: %s: what is wrong with the whole document, e.g. "must be an object." */
				? sprintf( __( 'The document %s', 'infosec-policy' ), $error['message'] )
				/* translators: 1: a field's path in the document, e.g. processors[1].country, 2: what is wrong with it, e.g. "is required." */
				: sprintf( __( '%1$s %2$s', 'infosec-policy' ), $error['path'], $error['message'] );
		}
		return implode( "\n", $lines );
	}

	/**
	 * Why an import with --revision was refused: which revision is stored and, when the change log
	 * knows, who saved it and when.
	 *
	 * @param int $stored   The revision stored.
	 * @param int $expected The revision the import was given.
	 */
	public static function conflict( int $stored, int $expected ): string {
		/* translators: 1: the revision number the command was given, 2: the stored revision number. */
		$message = sprintf( __( 'Nothing was saved: the policy was saved again after revision %1$d; revision %2$d is stored. Export it, make your changes there, and import again.', 'infosec-policy' ), $expected, $stored );
		$newest  = Change_Log::page( 1, 1 )['entries'][0] ?? null;
		if ( null === $newest || $newest['revision'] !== $stored || '' === $newest['author'] ) {
			return $message;
		}
		/* translators: 1: the stored revision number, 2: a person's name, 3: a date and time (ISO 8601, UTC). */
		return $message . "\n" . sprintf( __( 'Revision %1$d was saved by %2$s at %3$s.', 'infosec-policy' ), $stored, $newest['author'], gmdate( 'c', $newest['createdAt'] ) );
	}

	/**
	 * The first line after a save that stood.
	 *
	 * @param string      $file   The file imported.
	 * @param Save_Result $result A saved result.
	 */
	public static function saved( string $file, Save_Result $result ): string {
		if ( null !== $result->change_id ) {
			/* translators: 1: a file's path, 2: the policy's new revision number, 3: the number of the change log entry. */
			return sprintf( __( 'Imported %1$s: revision %2$d, change log entry %3$d.', 'infosec-policy' ), $file, $result->revision, $result->change_id );
		}
		if ( array() === $result->items ) {
			/* translators: 1: a file's path, 2: the policy's new revision number. */
			return sprintf( __( 'Imported %1$s as revision %2$d. Nothing changed, so the change log has no new entry.', 'infosec-policy' ), $file, $result->revision );
		}
		/* translators: 1: a file's path, 2: the policy's new revision number. */
		return sprintf( __( 'Imported %1$s as revision %2$d, without a change log entry.', 'infosec-policy' ), $file, $result->revision );
	}

	/**
	 * The first line of a preview: how many changes an import would make.
	 *
	 * @param string      $file   The file.
	 * @param Save_Result $result A previewed result.
	 */
	public static function previewed( string $file, Save_Result $result ): string {
		$count = count( $result->items );
		if ( 0 === $count ) {
			/* translators: %s: a file's path. */
			return sprintf( __( 'Importing %s would change nothing. Nothing was saved.', 'infosec-policy' ), $file );
		}
		/* translators: 1: how many changes, 2: a file's path. */
		return sprintf( _n( 'Importing %2$s would make %1$d change (nothing was saved):', 'Importing %2$s would make %1$d changes (nothing was saved):', $count, 'infosec-policy' ), $count, $file );
	}

	/**
	 * What a save changed, or would, one sentence per change, as the change log words it.
	 *
	 * @param Save_Result $result A saved or previewed result.
	 * @return list<string>
	 */
	public static function lines( Save_Result $result ): array {
		return Change_Sentences::sentences( $result->items );
	}
}

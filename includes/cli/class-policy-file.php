<?php
/**
 * A policy document in a file named on the command line.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and writes the JSON files that `wp infosec-policy import`, `validate` and `export` are
 * given. Whatever goes wrong with the file itself (missing, unreadable, not JSON) ends the command
 * here, saying so on the terminal and naming the file; whether the document is a valid policy is
 * the validator's to say. No exception carries that text: it is for a terminal, never a page.
 *
 * Plain file functions, not WP_Filesystem: these are the operator's files, named by the operator
 * and read or written as the operator, never the site's own.
 */
final class Policy_File {

	/**
	 * As deep as a document may nest: the REST API's limit for the same documents.
	 */
	private const MAX_DEPTH = 512;

	/**
	 * The decoded document in a file: anything JSON can hold, for the validator to judge.
	 *
	 * @param string $path The file, as given on the command line.
	 * Ends the command when the file is missing, unreadable or not JSON.
	 *
	 * @return mixed
	 */
	public static function read( string $path ): mixed {
		// is_file() also keeps out URLs and PHP's other stream wrappers: only a file on this machine.
		if ( ! is_file( $path ) ) {
			/* translators: %s: a file's path. */
			Command::fail( sprintf( __( 'There is no file at %s.', 'infosec-policy' ), $path ) );
		}
		$json = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file the operator named, not a URL (is_file() above).
		if ( false === $json ) {
			/* translators: %s: a file's path. */
			Command::fail( sprintf( __( 'The file %s cannot be read.', 'infosec-policy' ), $path ) );
		}
		try {
			return json_decode( $json, true, self::MAX_DEPTH, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $invalid ) {
			/* translators: 1: a file's path, 2: what the JSON parser found wrong, e.g. "Syntax error". */
			Command::fail( sprintf( __( 'The file %1$s is not valid JSON: %2$s.', 'infosec-policy' ), $path, $invalid->getMessage() ) );
		}
	}

	/**
	 * A document as the file `export` writes: pretty-printed JSON ending in a line break, with
	 * slashes and non-ASCII characters as they are, so the file reads and diffs well.
	 *
	 * @param array<string, mixed> $policy A policy document.
	 */
	public static function json( array $policy ): string {
		return (string) wp_json_encode( $policy, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	}

	/**
	 * Writes a document to a file, replacing what it held; ends the command, naming the file, when
	 * it cannot be written.
	 *
	 * @param string               $path   The file, as given on the command line.
	 * @param array<string, mixed> $policy A policy document.
	 */
	public static function write( string $path, array $policy ): void {
		if ( false === @file_put_contents( $path, self::json( $policy ) ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents, WordPress.WP.AlternativeFunctions.file_system_read_file_put_contents, WordPress.PHP.NoSilencedErrors.Discouraged -- WPCS 3's code and 2.3's; the operator's file (see the class); PHP's warning is replaced by the message below.
			/* translators: %s: a file's path. */
			Command::fail( sprintf( __( 'The file %s cannot be written.', 'infosec-policy' ), $path ) );
		}
	}
}

<?php
/**
 * What the plugin's WP-CLI commands share.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

defined( 'ABSPATH' ) || exit;

/**
 * The base of the `wp infosec-policy` commands: how they fail and how they read a number. Loaded
 * only under WP-CLI (Plugin::boot() registers the commands there alone), so WP-CLI's classes are
 * always at hand; the plugin needs nothing else at run time.
 */
abstract class Command extends \WP_CLI_Command {

	/**
	 * Ends the command with exit status 1, saying why on standard error.
	 *
	 * WP_CLI::error() exits too, but is not declared to; halt() is, so PHPStan knows that nothing
	 * after a failure runs.
	 *
	 * @param string $message Why, for a person; may span lines (every bad field of a document).
	 */
	public static function fail( string $message ): never {
		\WP_CLI::error( $message, false );
		\WP_CLI::halt( 1 );
	}

	/**
	 * An option that must be a whole number within bounds, or null when it was not given; fails,
	 * naming the option, when it is anything else (`--page=two`, `--page` alone, `--page=0`).
	 *
	 * @param array<string, mixed> $assoc_args The command's options.
	 * @param string               $name       The option, without its dashes.
	 * @param int                  $minimum    The least value allowed.
	 * @param int|null             $maximum    The greatest value allowed, if any.
	 */
	protected static function whole_number( array $assoc_args, string $name, int $minimum, ?int $maximum = null ): ?int {
		if ( ! array_key_exists( $name, $assoc_args ) ) {
			return null;
		}
		// A default from the command's docblock arrives as a number, an option typed in as a string.
		$value = is_int( $assoc_args[ $name ] ) ? (string) $assoc_args[ $name ] : $assoc_args[ $name ];
		$valid = is_string( $value ) && 1 === preg_match( '/^[0-9]{1,18}$/D', $value )
			&& (int) $value >= $minimum && ( null === $maximum || (int) $value <= $maximum );
		if ( $valid ) {
			return (int) $value;
		}
		if ( null === $maximum ) {
			/* translators: 1: a command's option, e.g. --revision, 2: the least number allowed. */
			self::fail( sprintf( __( '%1$s must be a whole number, %2$d or more.', 'infosec-policy' ), '--' . $name, $minimum ) );
		}
		/* translators: 1: a command's option, e.g. --per-page, 2: the least number allowed, 3: the greatest. */
		self::fail( sprintf( __( '%1$s must be a whole number from %2$d to %3$d.', 'infosec-policy' ), '--' . $name, $minimum, $maximum ) );
	}

	/**
	 * A switch (`--dry-run`): true when given alone, false when absent (or `--no-dry-run`). Fails,
	 * naming it, when it comes with a value: WP-CLI passes `--dry-run=1` on as the text "1", and a
	 * dry run read as "not a dry run" would write what the admin only wanted to see.
	 *
	 * @param array<string, mixed> $assoc_args The command's options.
	 * @param string               $name       The switch, without its dashes.
	 */
	protected static function switch_on( array $assoc_args, string $name ): bool {
		$value = $assoc_args[ $name ] ?? false;
		if ( is_bool( $value ) ) {
			return $value;
		}
		/* translators: %s: a command's switch, e.g. --dry-run. */
		self::fail( sprintf( __( '%s takes no value: write it alone.', 'infosec-policy' ), '--' . $name ) );
	}
}

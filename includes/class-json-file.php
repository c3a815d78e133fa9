<?php
/**
 * Reads the plugin's own JSON files.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * The schema and the compliance facts are JSON files shipped with the plugin; this reads one.
 */
final class Json_File {

	/**
	 * A decoded JSON object from the plugin's folder, or an empty array if it cannot be read.
	 *
	 * @param string $relative Path inside the plugin, e.g. `schema/policy.schema.json`.
	 * @return array<string, mixed>
	 */
	public static function read( string $relative ): array {
		$json    = (string) file_get_contents( PLUGIN_DIR . '/' . $relative ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin's own, not a URL.
		$decoded = json_decode( $json, true, 64 );
		return is_array( $decoded ) ? $decoded : array();
	}
}

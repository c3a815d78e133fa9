<?php
/**
 * Registers the plugin's blocks from their built metadata.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use const InfosecPolicy\PLUGIN_DIR;

defined( 'ABSPATH' ) || exit;

/**
 * Registers every block under build/ from its block.json, so that metadata, scripts, styles
 * and the PHP renderer come from one file per block.
 */
final class Block_Registry {

	/**
	 * Registers the blocks. Runs on `init`.
	 */
	public static function register(): void {
		$metadata_files = glob( PLUGIN_DIR . '/build/*/block.json' );
		if ( ! $metadata_files ) {
			return;
		}
		foreach ( $metadata_files as $metadata_file ) {
			$block_type = register_block_type( dirname( $metadata_file ) );
			if ( ! $block_type ) {
				continue;
			}
			// WordPress looks for a block script's translations only under wp-content/languages;
			// the plugin ships its own in languages/ (infosec-policy-<locale>-<handle>.json).
			foreach ( $block_type->editor_script_handles as $handle ) {
				wp_set_script_translations( $handle, 'infosec-policy', PLUGIN_DIR . '/languages' );
			}
		}
	}
}

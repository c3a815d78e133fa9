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
			// The editor script's translations come with it: register_block_type() sets them from
			// block.json's textdomain, and WordPress finds the plugin's languages/ folder, which
			// Plugin::load_translations() told it, unless the site has its own catalogue.
			register_block_type( dirname( $metadata_file ) );
		}
	}

	/**
	 * Whether the current view is a single page or post that shows the plugin's blocks: where the
	 * head announces the feed and the register.
	 */
	public static function on_statement_page(): bool {
		$post = get_queried_object();
		return is_singular() && $post instanceof \WP_Post && str_contains( $post->post_content, '<!-- wp:infosec-policy/' );
	}
}

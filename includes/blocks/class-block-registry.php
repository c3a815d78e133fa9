<?php
/**
 * Registers the plugin's blocks from their built metadata.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Plugin;

use const InfosecPolicy\PLUGIN_DIR;

defined( 'ABSPATH' ) || exit;

/**
 * Registers every block under build/ from its block.json, so that metadata, scripts, styles
 * and the PHP renderer come from one file per block.
 */
final class Block_Registry {

	/**
	 * How the plugin's blocks begin in saved post content.
	 */
	public const MARKUP_PREFIX = '<!-- wp:infosec-policy/';

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
			if ( $block_type ) {
				Content_Shield::cover( $block_type->name );
			}
		}
	}

	/**
	 * Points the blocks' editor scripts at the plugin's translations, which register_block_type()
	 * looks for only under wp-content/languages. Runs on `enqueue_block_editor_assets`, so that page
	 * views never look for files.
	 */
	public static function set_script_translations(): void {
		$path = Plugin::script_translations_path();
		foreach ( \WP_Block_Type_Registry::get_instance()->get_all_registered() as $name => $block_type ) {
			if ( str_starts_with( $name, 'infosec-policy/' ) ) {
				foreach ( $block_type->editor_script_handles as $handle ) {
					wp_set_script_translations( $handle, 'infosec-policy', $path );
				}
			}
		}
	}

	/**
	 * Whether the current view is a single page or post that shows the plugin's blocks: where the
	 * head announces the feed and the register.
	 */
	public static function on_statement_page(): bool {
		$post = get_queried_object();
		return is_singular() && $post instanceof \WP_Post && str_contains( $post->post_content, self::MARKUP_PREFIX );
	}
}

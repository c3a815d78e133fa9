<?php
/**
 * The plugin's row on the Plugins screen.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use const InfosecPolicy\PLUGIN_FILE;

defined( 'ABSPATH' ) || exit;

/**
 * What the plugin's row on the Plugins screen offers: a Settings link, and, while published pages
 * hold the plugin's blocks, a warning that deactivating it empties them, naming those pages.
 */
final class Plugins_Screen {

	/** How many pages the warning names; the count covers them all. */
	private const PAGES_NAMED = 5;

	/**
	 * Hooks into the row. Runs on `admin_init`.
	 */
	public static function register(): void {
		$basename = plugin_basename( PLUGIN_FILE );
		add_filter( 'plugin_action_links_' . $basename, array( self::class, 'action_links' ) );
		add_action( 'after_plugin_row_meta', array( self::class, 'print_block_warning' ), 10, 1 );
	}

	/**
	 * Puts a Settings link first among the row's links.
	 *
	 * @param array<int|string, string> $links The row's links.
	 * @return array<int|string, string>
	 */
	public static function action_links( array $links ): array {
		if ( ! current_user_can( Admin_Page::CAPABILITY ) ) {
			return $links;
		}
		$settings = sprintf(
			'<a href="%s">%s</a>',
			esc_url( admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) ),
			/* translators: The Plugins screen's link to the settings page; the word WordPress uses there. */
			esc_html_x( 'Settings', 'core term', 'infosec-policy' )
		);
		return array( 'settings' => $settings ) + $links;
	}

	/**
	 * Under the row's description, while the plugin is active: how many published posts and pages
	 * show its blocks, with links, since deactivating leaves those blocks empty.
	 *
	 * @param string $plugin_file The row's plugin.
	 */
	public static function print_block_warning( string $plugin_file ): void {
		if ( plugin_basename( PLUGIN_FILE ) !== $plugin_file || ! current_user_can( 'edit_pages' ) ) {
			return;
		}
		$pages = self::pages_with_blocks();
		if ( array() === $pages['named'] ) {
			return;
		}
		$links = array_map(
			static fn( \WP_Post $post ): string => sprintf( '<a href="%s">%s</a>', esc_url( (string) get_permalink( $post ) ), esc_html( '' === $post->post_title ? __( '(no title)', 'infosec-policy' ) : $post->post_title ) ),
			$pages['named']
		);
		$text  = sprintf(
			/* translators: %d: how many published pages. */
			_n( 'Deactivating it leaves its blocks empty on %d published page:', 'Deactivating it leaves its blocks empty on %d published pages:', $pages['total'], 'infosec-policy' ),
			$pages['total']
		);
		printf(
			'<p class="infosec-policy-block-pages">%s %s</p>',
			esc_html( $text ),
			wp_kses( implode( wp_get_list_item_separator(), $links ), array( 'a' => array( 'href' => true ) ) )
		);
	}

	/**
	 * The published posts of the types visitors can view (pages, posts, and public custom types;
	 * not reusable blocks or templates) whose content holds one of the plugin's blocks: how many,
	 * and the first few, newest first.
	 *
	 * @return array{ total: int, named: list<\WP_Post> }
	 */
	public static function pages_with_blocks(): array {
		global $wpdb;
		$like  = '%' . $wpdb->esc_like( '<!-- wp:infosec-policy/' ) . '%';
		$types = array_values( array_filter( get_post_types( array( 'public' => true ) ), 'is_post_type_viewable' ) );
		if ( array() === $types ) {
			return array(
				'total' => 0,
				'named' => array(),
			);
		}
		$in = implode( ', ', array_fill( 0, count( $types ), '%s' ) );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare -- WP_Query cannot search post_content for block markup; this runs only on the Plugins screen. $in holds only %s placeholders, one per type, which prepare() fills.
		$ids   = $wpdb->get_col( $wpdb->prepare( "SELECT ID FROM {$wpdb->posts} WHERE post_status = 'publish' AND post_type IN ($in) AND post_content LIKE %s ORDER BY post_date DESC", array_merge( $types, array( $like ) ) ) );
		$named = array();
		foreach ( array_slice( $ids, 0, self::PAGES_NAMED ) as $id ) {
			$post = get_post( (int) $id );
			if ( $post instanceof \WP_Post ) {
				$named[] = $post;
			}
		}
		return array(
			'total' => count( $ids ),
			'named' => $named,
		);
	}
}

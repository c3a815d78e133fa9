<?php
/**
 * The plugin's row on the Plugins screen.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Plugins_Screen;
use InfosecPolicy\Blocks\Statement_Pattern;

/**
 * A Settings link on the row, and a warning naming the published pages that hold the blocks.
 */
final class PluginsScreenTest extends TestCase {

	/**
	 * What the row prints under its description.
	 */
	private function warning(): string {
		ob_start();
		Plugins_Screen::print_block_warning( plugin_basename( \InfosecPolicy\PLUGIN_FILE ) );
		return (string) ob_get_clean();
	}

	protected function setUp(): void {
		parent::setUp();
		// The test instance publishes a statement page; each test starts from none (rolled back).
		foreach ( Plugins_Screen::pages_with_blocks()['named'] as $post ) {
			wp_update_post(
				array(
					'ID'          => $post->ID,
					'post_status' => 'draft',
				)
			);
		}
		$this->assertSame( 0, Plugins_Screen::pages_with_blocks()['total'] );
	}

	/**
	 * Makes a page.
	 *
	 * @param array{ post_title?: string, post_status: string, post_content: string, post_type?: string } $fields Its fields.
	 */
	private function page( array $fields ): int {
		$id = wp_insert_post( $fields + array( 'post_type' => 'page' ), true );
		$this->assertIsInt( $id );
		return $id;
	}

	public function test_the_row_links_to_the_settings_page_first(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$links = Plugins_Screen::action_links( array( 'deactivate' => '<a href="#">Deactivate</a>' ) );
		$this->assertSame( array( 'settings', 'deactivate' ), array_keys( $links ) );
		$this->assertStringContainsString( 'options-general.php?page=infosec-policy', $links['settings'] );
		$this->assertStringContainsString( '>Settings<', $links['settings'] );
	}

	public function test_the_links_filter_is_hooked_for_this_plugin(): void {
		Plugins_Screen::register();
		$this->assertNotFalse( has_filter( 'plugin_action_links_' . plugin_basename( \InfosecPolicy\PLUGIN_FILE ), array( Plugins_Screen::class, 'action_links' ) ) );
	}

	public function test_warns_with_a_link_to_each_published_page_that_holds_the_blocks(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$published = $this->page(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Information security',
				'post_content' => Statement_Pattern::content(),
			)
		);
		$this->page(
			array(
				'post_status'  => 'draft',
				'post_content' => '<!-- wp:infosec-policy/tls-badge /-->',
			)
		);
		$this->page(
			array(
				'post_status'  => 'publish',
				'post_content' => '<!-- wp:paragraph --><p>Other</p><!-- /wp:paragraph -->',
			)
		);
		// A reusable block is no page a visitor opens.
		$this->page(
			array(
				'post_type'    => 'wp_block',
				'post_status'  => 'publish',
				'post_content' => '<!-- wp:infosec-policy/contact /-->',
			)
		);
		$xpath = $this->parse_html( $this->warning() );
		$this->assertStringContainsString( 'on 1 published page:', implode( ' ', $this->texts( $xpath, '//p' ) ) );
		$this->assertSame( array( (string) get_permalink( $published ) ), $this->texts( $xpath, '//p/a/@href' ) );
		$this->assertSame( array( 'Information security' ), $this->texts( $xpath, '//p/a' ) );
	}

	public function test_says_nothing_when_no_published_page_holds_the_blocks(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( '', $this->warning() );
	}

	public function test_escapes_a_page_title(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->page(
			array(
				'post_status'  => 'publish',
				'post_title'   => '<img src=x onerror=alert(1)>',
				'post_content' => '<!-- wp:infosec-policy/contact /-->',
			)
		);
		$xpath = $this->parse_html( $this->warning() );
		$this->assertSame( 0, $this->count_matches( $xpath, '//img|//@*[starts-with(name(),"on")]' ) );
	}
}

<?php
/**
 * The settings page's menu entry and who may open it.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Admin_Page;

/**
 * The settings page's menu entry and who may open it.
 */
final class AdminPageTest extends TestCase {

	/**
	 * Builds the admin menu for the current user and returns the slugs under Settings.
	 *
	 * @return list<string>
	 */
	private function settings_submenu_slugs(): array {
		global $submenu, $menu, $_wp_submenu_nopriv, $_registered_pages;
		$submenu            = array();
		$menu               = array();
		$_wp_submenu_nopriv = array();
		$_registered_pages  = array();
		remove_all_actions( 'admin_menu' );
		add_action( 'admin_menu', array( Admin_Page::class, 'register' ) );
		do_action( 'admin_menu', '' );
		return array_values( array_map( static fn( array $item ): string => (string) $item[2], $GLOBALS['submenu']['options-general.php'] ?? array() ) );
	}

	public function test_administrator_sees_information_security_under_settings(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertContains( 'infosec-policy', $this->settings_submenu_slugs() );
	}

	public function test_subscriber_does_not_see_the_entry(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		$this->assertNotContains( 'infosec-policy', $this->settings_submenu_slugs() );
	}

	public function test_editor_does_not_see_the_entry(): void {
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertNotContains( 'infosec-policy', $this->settings_submenu_slugs() );
	}

	public function test_page_renders_nothing_for_a_user_without_the_capability(): void {
		wp_set_current_user( $this->create_user( 'subscriber' ) );
		ob_start();
		Admin_Page::render();
		$this->assertSame( '', ob_get_clean() );
	}

	public function test_page_renders_its_heading_and_app_root_for_an_administrator(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->settings_submenu_slugs();
		// What core sets when it loads options-general.php?page=infosec-policy; the title itself then
		// comes from the menu entry this plugin registered.
		$GLOBALS['pagenow']     = 'options-general.php';
		$GLOBALS['plugin_page'] = 'infosec-policy';
		$GLOBALS['title']       = '';
		ob_start();
		Admin_Page::render();
		$xpath = $this->parse_html( (string) ob_get_clean() );
		$this->assertSame( 'Information security', trim( (string) $xpath->evaluate( 'string(//h1)' ) ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//*[@id="infosec-policy-admin"]' ) );
	}
}

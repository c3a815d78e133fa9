<?php
/**
 * The notice that leads a new site owner to the settings page.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Setup_Notice;
use InfosecPolicy\Policy\Policy_Store;

/**
 * Shown to administrators until the first save, on every screen but the settings page, until
 * dismissed.
 */
final class SetupNoticeTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		set_current_screen( 'dashboard' );
	}

	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	/**
	 * The notice as printed.
	 *
	 * @phpstan-impure
	 */
	private function notice(): string {
		ob_start();
		Setup_Notice::print_notice();
		return (string) ob_get_clean();
	}

	public function test_an_administrator_sees_a_link_to_the_settings_page_before_the_first_save(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$xpath = $this->parse_html( $this->notice() );
		$this->assertContains( admin_url( 'options-general.php?page=infosec-policy' ), $this->texts( $xpath, '//a/@href' ) );
	}

	public function test_the_first_save_ends_it(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertSame( '', $this->notice() );
	}

	public function test_not_on_the_settings_page_itself_nor_for_an_editor(): void {
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertSame( '', $this->notice() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		set_current_screen( 'settings_page_infosec-policy' );
		$this->assertSame( '', $this->notice() );
	}

	public function test_a_dismissed_notice_stays_away_for_that_administrator_only(): void {
		$first = $this->create_user( 'administrator' );
		wp_set_current_user( $first );
		$_REQUEST['_wpnonce'] = wp_create_nonce( Setup_Notice::DISMISS_ACTION );
		try {
			Setup_Notice::dismiss_for_current_user();
		} finally {
			unset( $_REQUEST['_wpnonce'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test's own nonce, put back.
		}
		$this->assertSame( '', $this->notice() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertNotSame( '', $this->notice() );
	}

	public function test_dismissing_without_the_nonce_changes_nothing(): void {
		$user = $this->create_user( 'administrator' );
		wp_set_current_user( $user );
		add_filter(
			'wp_die_handler',
			static fn(): callable => static function (): void {
			throw new \RuntimeException( 'died' );
			}
		);
		try {
			Setup_Notice::dismiss_for_current_user();
			$this->fail( 'dismissed without a nonce' );
		} catch ( \RuntimeException $e ) {
			$this->assertSame( 'died', $e->getMessage() );
		}
		$this->assertSame( '', get_user_meta( $user, Setup_Notice::DISMISSED_META, true ) );
	}
}

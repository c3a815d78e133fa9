<?php
/**
 * What one process writes, the next request of another shows: with WordPress's own cache, and in
 * the "mariadb+redis" run with a persistent object cache that every process shares.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;

/**
 * This process plays the web server: it renders a page, WP-CLI (another process) writes, and the
 * next request here must render what was written. A request here ends with what a request's end
 * forgets: the whole cache without a persistent one; with one, only what this request kept.
 */
final class CacheAcrossProcessesTest extends CommandTestCase {

	/**
	 * Commands that do what another plugin might.
	 */
	private const FIXTURE = '--require=' . __DIR__ . '/../fixtures/wp-cli-other-plugin.php';

	/**
	 * Ends the request: what the next one starts from.
	 */
	private static function next_request(): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_flush_runtime();
		} else {
			wp_cache_flush();
		}
	}

	/**
	 * The processor table as a visitor's page shows it.
	 */
	private static function page(): string {
		return (string) apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
	}

	public function test_the_run_with_a_drop_in_has_a_persistent_cache_that_processes_share(): void {
		if ( ! is_file( WP_CONTENT_DIR . '/object-cache.php' ) ) {
			$this->assertFalse( (bool) wp_using_ext_object_cache(), 'no drop-in: WordPress\'s own cache' );
			return;
		}
		$this->assertTrue( wp_using_ext_object_cache() );
		wp_cache_set( 'shared', 'set by the test', 'infosec-policy-test' );
		$read = $this->wp( self::FIXTURE, 'test-cache-get', 'shared', 'infosec-policy-test' );
		$this->assertSame( "set by the test\n", $read['stdout'], 'WP-CLI reads what this process cached' );
	}

	public function test_a_policy_imported_by_wp_cli_is_what_the_next_page_view_renders(): void {
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0 )->is_saved() );
		$this->assertStringContainsString( '<th scope="row">Mailchimp</th>', self::page() );
		self::next_request();

		$policy                          = $this->demo_policy();
		$policy['processors'][1]['name'] = 'Brevo';
		$file                            = $this->dir . '/policy.json';
		file_put_contents( $file, (string) wp_json_encode( $policy ) );
		$this->assertExitStatus( 0, $this->wp( 'infosec-policy', 'import', $file ) );

		self::next_request();
		$page = self::page();
		$this->assertStringContainsString( '<th scope="row">Brevo</th>', $page );
		$this->assertStringNotContainsString( '<th scope="row">Mailchimp</th>', $page );
		$this->assertSame( 2, Policy_Store::get()['revision'] );
	}

	public function test_wp_cli_reads_the_policy_this_process_saved_last(): void {
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0 )->is_saved() );
		$this->assertExitStatus( 0, $this->wp( 'infosec-policy', 'export' ) );

		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = 'Saved Here B.V.';
		$this->assertTrue( Policy_Service::save( $policy, 1 )->is_saved() );
		$export = json_decode( $this->wp( 'infosec-policy', 'export' )['stdout'], true );
		$this->assertSame( 'Saved Here B.V.', $export['organization']['name'] ?? null );
	}

	public function test_another_plugins_update_option_in_another_process_is_seen_by_the_next_request(): void {
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0 )->is_saved() );
		$this->assertStringContainsString( '<th scope="row">Mailchimp</th>', self::page() );
		self::next_request();

		$this->assertExitStatus( 0, $this->wp( self::FIXTURE, 'test-rename-processor', '1', 'Renamed Elsewhere' ) );

		self::next_request();
		$this->assertStringContainsString( '<th scope="row">Renamed Elsewhere</th>', self::page() );
	}
}

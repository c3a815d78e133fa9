<?php
/**
 * Deleting the plugin removes everything it stored.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Results;

/**
 * Uninstall drops the change log's table, and MySQL commits any open transaction before a DROP
 * TABLE, so this test cannot run inside the rolled-back transaction of the other tests. It writes for
 * real, and puts the empty table back afterwards, as the test instance had it.
 */
final class UninstallTest extends \PHPUnit\Framework\TestCase {

	protected function tearDown(): void {
		Policy_Store::delete();
		Change_Log_Table::install();
		update_option( Change_Log_Table::SCHEMA_OPTION, Change_Log_Table::SCHEMA_VERSION, true );
		Tls_Results::schedule();
		wp_cache_flush();
		parent::tearDown();
	}

	public function test_uninstall_removes_the_policy_the_change_log_its_published_copy_and_the_checks(): void {
		global $wpdb;
		$policy = infosec_policy_demo_policy();
		$saved  = Policy_Service::save( $policy, Policy_Store::get()['revision'], 'import' );
		$this->assertIsInt( $saved->change_id );
		$this->assertNotFalse( get_option( Published_Log::OPTION ) );
		update_option( \InfosecPolicy\Tls\Https_Facts::OPTION, array( 'host' => 'regioingenieur.nl' ) );
		update_option( Tls_Results::OPTION, array( 'regioingenieur.nl' => array( 'status' => 'valid' ) ) );

		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'infosec-policy/plugin.php' );
		}
		include \InfosecPolicy\PLUGIN_DIR . '/uninstall.php';
		wp_cache_flush();

		$this->assertNull( $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", Policy_Store::OPTION ) ) );
		$this->assertFalse( get_option( Published_Log::OPTION ) );
		$this->assertFalse( get_option( Change_Log_Table::SCHEMA_OPTION ) );
		$this->assertFalse( get_option( \InfosecPolicy\Tls\Https_Facts::OPTION ), 'the HTTPS facts go too' );
		$this->assertFalse( get_option( Tls_Results::OPTION ) );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Change_Log_Table::name() ) ) );
	}
}

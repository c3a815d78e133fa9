<?php
/**
 * Deleting the plugin removes everything it stored.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Results;

/**
 * Uninstall drops the change log's and the subscribers' tables, and MySQL commits any open transaction before a DROP
 * TABLE, so this test cannot run inside the rolled-back transaction of the other tests. It writes for
 * real, and puts the empty tables back afterwards, as the test instance had them.
 */
final class UninstallTest extends \PHPUnit\Framework\TestCase {

	protected function tearDown(): void {
		Policy_Store::delete();
		Change_Log_Table::install();
		update_option( Change_Log_Table::SCHEMA_OPTION, Change_Log_Table::SCHEMA_VERSION, true );
		Subscriber_Tables::install();
		update_option( Subscriber_Tables::SCHEMA_OPTION, Subscriber_Tables::SCHEMA_VERSION, true );
		Notice_Sender::unschedule();
		Tls_Results::schedule();
		wp_cache_flush();
		parent::tearDown();
	}

	public function test_uninstall_removes_the_policy_the_change_log_its_published_copy_the_checks_and_the_subscribers(): void {
		global $wpdb;
		$policy = infosec_policy_demo_policy();
		$saved  = Policy_Service::save( $policy, Policy_Store::get()['revision'], 'import' );
		$this->assertIsInt( $saved->change_id );
		$this->assertNotFalse( get_option( Published_Log::OPTION ) );
		update_option( \InfosecPolicy\Tls\Https_Facts::OPTION, array( 'host' => 'regioingenieur.nl' ) );
		update_option( Tls_Results::OPTION, array( 'regioingenieur.nl' => array( 'status' => 'valid' ) ) );
		$this->assertNotNull( Subscribers::add( 'reader@example.com', 'en_US', 'confirmed', 'test' ) );
		Notice_Sender::schedule();
		$this->assertNotFalse( wp_next_scheduled( Notice_Sender::HOOK ), 'the save queued its notice' );
		$this->assertTrue( Rate_Limit::take( 'client', '192.0.2.1', 3, HOUR_IN_SECONDS ) );
		$this->assertTrue( Rate_Limit::take( 'mailbox', 'reader@example.com', 3, DAY_IN_SECONDS ) );
		\InfosecPolicy\Subscribers\Subscription_Requests::add( 'asking@example.com', '', 'rest' );
		update_option( \InfosecPolicy\Subscribers\Subscription_Requests::CAP_REACHED_OPTION, time(), false );

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
		foreach ( array( Subscriber_Tables::SUBSCRIBERS, Subscriber_Tables::NOTICES, Subscriber_Tables::DELIVERIES, Subscriber_Tables::REQUESTS, Subscriber_Tables::OBJECTIONS ) as $table ) {
			$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Subscriber_Tables::name( $table ) ) ), "$table is dropped" );
		}
		$this->assertFalse( get_option( Subscriber_Tables::SCHEMA_OPTION ) );
		$this->assertFalse( get_option( \InfosecPolicy\Subscribers\Subscription_Requests::CAP_REACHED_OPTION ) );
		$this->assertFalse( wp_next_scheduled( Notice_Sender::HOOK ) );
		$this->assertFalse( wp_next_scheduled( Notice_Sender::MAINTENANCE_HOOK ) );
		if ( ! wp_using_ext_object_cache() ) {
			$left = $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", '%' . $wpdb->esc_like( Rate_Limit::PREFIX ) . '%' ) );
			$this->assertSame( array(), $left, 'the rate limits\' transients go too' );
		}
	}
}

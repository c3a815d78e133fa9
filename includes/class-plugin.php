<?php
/**
 * Wires the plugin's parts into WordPress.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's entry point: hooks only, no work at load time.
 */
final class Plugin {

	/**
	 * Registers every hook the plugin needs. Called once, from plugin.php.
	 */
	public static function boot(): void {
		add_action( 'init', array( Block_Registry::class, 'register' ) );
		add_action( 'init', array( Statement_Pattern::class, 'register' ) );
		add_action( 'admin_menu', array( Admin_Page::class, 'register' ) );
		add_action( 'rest_api_init', array( Rest_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Tls_Rest_Controller::class, 'register' ) );
		add_filter( 'site_status_tests', array( Site_Health::class, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( Editor_Data::class, 'enqueue' ) );
		add_action( Tls_Results::CRON_HOOK, array( Tls_Results::class, 'run_scheduled' ) );
		add_action( 'admin_init', array( Tls_Results::class, 'schedule' ) );
		register_activation_hook( PLUGIN_FILE, array( Tls_Results::class, 'schedule' ) );
		register_deactivation_hook( PLUGIN_FILE, array( Tls_Results::class, 'unschedule' ) );
	}
}

<?php
/**
 * Wires the plugin's parts into WordPress.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

use InfosecPolicy\Admin\Admin_Page;
use InfosecPolicy\Admin\Editor_Data;
use InfosecPolicy\Admin\Plugins_Screen;
use InfosecPolicy\Admin\Privacy_Policy_Content;
use InfosecPolicy\Admin\Setup_Notice;
use InfosecPolicy\Admin\Site_Health;
use InfosecPolicy\Blocks\Block_Registry;
use InfosecPolicy\Blocks\Content_Shield;
use InfosecPolicy\Blocks\Statement_Pattern;
use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Publish\Security_Txt;
use InfosecPolicy\Cli\Changes_Command;
use InfosecPolicy\Cli\Objections_Command;
use InfosecPolicy\Cli\Policy_Command;
use InfosecPolicy\Cli\Subscribers_Command;
use InfosecPolicy\Cli\Tls_Command;
use InfosecPolicy\Objections\Objection_Page;
use InfosecPolicy\Objections\Objection_Privacy;
use InfosecPolicy\Rest\Change_Log_Controller;
use InfosecPolicy\Rest\Objections_Controller;
use InfosecPolicy\Rest\Policy_Controller;
use InfosecPolicy\Rest\Register_Controller;
use InfosecPolicy\Rest\Request_Body;
use InfosecPolicy\Rest\Subscribers_Controller;
use InfosecPolicy\Rest\Tls_Controller;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Subscriber_Privacy;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscription_Pages;
use InfosecPolicy\Tls\Tls_Results;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin's entry point: hooks only, no work at load time.
 */
final class Plugin {

	/**
	 * Registers every hook the plugin needs. Called once, from plugin.php.
	 */
	public static function boot(): void {
		// First on `init`: the blocks' titles are translated as they register.
		add_action( 'init', array( self::class, 'load_translations' ), 0 );
		add_action( 'init', array( Block_Registry::class, 'register' ) );
		Content_Shield::register();
		add_action( 'init', array( Statement_Pattern::class, 'register' ) );
		add_action( 'init', array( Change_Feed::class, 'register' ) );
		// After the feed is registered: an upgrade flushes the rewrite rules, which must know it.
		add_action( 'init', array( Change_Log_Table::class, 'maybe_install' ), 20 );
		add_action( 'init', array( Subscriber_Tables::class, 'maybe_install' ), 20 );
		add_action( 'init', array( Subscription_Pages::class, 'handle_form' ), 30 );
		add_action( 'template_redirect', array( Subscription_Pages::class, 'maybe_serve' ), 0 );
		add_action( 'template_redirect', array( Objection_Page::class, 'maybe_serve' ), 0 );
		add_action( 'wp_head', array( Change_Feed::class, 'print_discovery_link' ) );
		add_action( 'parse_request', array( Security_Txt::class, 'maybe_serve' ), 0 );
		add_filter( 'feed_content_type', array( Change_Feed::class, 'content_type' ), 10, 2 );
		add_filter( 'pre_get_lastpostmodified', array( Change_Feed::class, 'last_modified' ), 10, 2 );
		add_action( 'admin_menu', array( Admin_Page::class, 'register' ) );
		add_action( 'admin_init', array( Plugins_Screen::class, 'register' ) );
		add_action( 'admin_init', array( Setup_Notice::class, 'register' ) );
		add_action( 'rest_api_init', array( Policy_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Tls_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Change_Log_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Register_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Subscribers_Controller::class, 'register' ) );
		add_action( 'rest_api_init', array( Objections_Controller::class, 'register' ) );
		add_filter( 'rest_pre_dispatch', array( Request_Body::class, 'keep_sent' ), PHP_INT_MIN, 3 );
		add_filter( 'rest_post_dispatch', array( Register_Controller::class, 'fields_on_data_only' ), 9, 3 );
		add_filter( 'rest_pre_serve_request', array( Register_Controller::class, 'serve_raw' ), 10, 3 );
		add_filter( 'rest_pre_serve_request', array( Subscribers_Controller::class, 'serve_csv' ), 10, 3 );
		add_filter( 'rest_pre_serve_request', array( Objections_Controller::class, 'serve_csv' ), 10, 3 );
		add_filter( 'wp_privacy_personal_data_exporters', array( Subscriber_Privacy::class, 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( Subscriber_Privacy::class, 'register_eraser' ) );
		add_filter( 'wp_privacy_personal_data_exporters', array( Objection_Privacy::class, 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( Objection_Privacy::class, 'register_eraser' ) );
		add_action( 'wp_head', array( Register_Controller::class, 'print_discovery_link' ) );
		add_filter( 'site_status_tests', array( Site_Health::class, 'register' ) );
		add_action( 'admin_init', array( Privacy_Policy_Content::class, 'register' ) );
		add_action( 'enqueue_block_editor_assets', array( Editor_Data::class, 'enqueue' ) );
		add_action( 'enqueue_block_editor_assets', array( Block_Registry::class, 'set_script_translations' ) );
		add_action( Tls_Results::CRON_HOOK, array( Tls_Results::class, 'run_scheduled' ) );
		add_action( 'admin_init', array( Tls_Results::class, 'schedule' ) );
		add_action( Notice_Sender::HOOK, array( Notice_Sender::class, 'run_scheduled' ) );
		add_action( Notice_Sender::MAINTENANCE_HOOK, array( Notice_Sender::class, 'maintain' ) );
		add_action( 'admin_init', array( Notice_Sender::class, 'schedule' ) );
		register_activation_hook( PLUGIN_FILE, array( self::class, 'activate' ) );
		register_deactivation_hook( PLUGIN_FILE, array( self::class, 'deactivate' ) );
		// WP-CLI's classes exist only under WP-CLI; the commands' files load only there.
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			\WP_CLI::add_command( 'infosec-policy', Policy_Command::class );
			\WP_CLI::add_command( 'infosec-policy tls', Tls_Command::class );
			\WP_CLI::add_command( 'infosec-policy changes', Changes_Command::class );
			\WP_CLI::add_command( 'infosec-policy subscribers', Subscribers_Command::class );
			\WP_CLI::add_command( 'infosec-policy objections', Objections_Command::class );
		}
	}

	/**
	 * Tells WordPress where the plugin's own translations are (languages/). WordPress loads them
	 * when a string is first translated, and prefers a site's own under wp-content/languages/plugins/.
	 */
	public static function load_translations(): void {
		load_plugin_textdomain( 'infosec-policy', false, dirname( plugin_basename( PLUGIN_FILE ) ) . '/languages' );
	}

	/**
	 * Where the scripts' translations are for the language being shown: '' when the site has its
	 * own catalogue of the plugin under wp-content/languages/plugins (WordPress then takes the
	 * scripts' part from there too, as it does for PHP), else the plugin's languages/. WordPress 6.8
	 * looks for script translations only where it is told or under wp-content/languages.
	 */
	public static function script_translations_path(): string {
		$base = WP_LANG_DIR . '/plugins/infosec-policy-' . determine_locale();
		return is_readable( $base . '.mo' ) || is_readable( $base . '.l10n.php' ) ? '' : PLUGIN_DIR . '/languages';
	}

	/**
	 * Activation: the tables, the feed's rewrite rule and the background schedules.
	 * The plugin is loaded after `init` here, so the feed is registered by hand first.
	 */
	public static function activate(): void {
		Change_Feed::register();
		Change_Log_Table::maybe_install();
		Subscriber_Tables::maybe_install();
		flush_rewrite_rules( false );
		Tls_Results::schedule();
		Notice_Sender::schedule();
	}

	/**
	 * Deactivation: no background work is left scheduled; everything stored stays.
	 */
	public static function deactivate(): void {
		Tls_Results::unschedule();
		Notice_Sender::unschedule();
	}
}

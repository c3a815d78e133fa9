<?php
/**
 * The settings page, Settings -> Information security, where the policy is kept.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Plugin;
use InfosecPolicy\Rest\Policy_Controller;
use const InfosecPolicy\PLUGIN_DIR;
use const InfosecPolicy\PLUGIN_FILE;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the settings page for administrators (`manage_options`) and renders its frame.
 */
final class Admin_Page {

	public const SLUG       = 'infosec-policy';
	public const CAPABILITY = 'manage_options';
	public const SCRIPT     = 'infosec-policy-admin';

	/**
	 * Adds the page under Settings. Runs on `admin_menu`.
	 */
	public static function register(): void {
		$hook_suffix = add_options_page(
			__( 'Information security', 'infosec-policy' ),
			__( 'Information security', 'infosec-policy' ),
			self::CAPABILITY,
			self::SLUG,
			array( self::class, 'render' )
		);
		if ( $hook_suffix ) {
			add_action( 'load-' . $hook_suffix, array( self::class, 'load' ) );
		}
	}

	/**
	 * Runs only when the page itself loads: queues the app, nowhere else in the admin.
	 */
	public static function load(): void {
		add_action( 'admin_enqueue_scripts', array( self::class, 'enqueue' ) );
	}

	/**
	 * Queues the policy editor with its translations, and preloads the policy so the first
	 * render needs no extra request.
	 */
	public static function enqueue(): void {
		$asset_file = PLUGIN_DIR . '/build/admin/index.asset.php';
		if ( ! is_readable( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script(
			self::SCRIPT,
			plugins_url( 'build/admin/index.js', PLUGIN_FILE ),
			$asset['dependencies'],
			$asset['version'],
			array( 'in_footer' => true )
		);
		wp_set_script_translations( self::SCRIPT, 'infosec-policy', Plugin::script_translations_path() );
		// The languages to write the texts in and translate them into, named in the admin's own.
		wp_add_inline_script(
			self::SCRIPT,
			'window.infosecPolicyLanguages = ' . wp_json_encode(
				array(
					'offered' => Page_Language::offered(),
					'names'   => Page_Language::names(),
				),
				JSON_HEX_TAG | JSON_HEX_AMP
			) . ';',
			'before'
		);
		wp_enqueue_style(
			self::SCRIPT,
			plugins_url( 'build/admin/style-index.css', PLUGIN_FILE ),
			array( 'wp-components' ),
			$asset['version']
		);
		$preload = array_reduce(
			array( '/' . Policy_Controller::NAMESPACE . '/policy' ),
			'rest_preload_api_request',
			array()
		);
		wp_add_inline_script(
			'wp-api-fetch',
			sprintf( 'wp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( %s ) );', wp_json_encode( $preload, JSON_HEX_TAG | JSON_HEX_AMP ) ),
			'after'
		);
	}

	/**
	 * Prints the page frame; the policy editor mounts into the root element.
	 */
	public static function render(): void {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		?>
		<div class="wrap">
			<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
			<p><?php esc_html_e( 'Keep your organisation\'s security measures, processors and site facts here. Policy blocks show them on any page.', 'infosec-policy' ); ?></p>
			<div id="infosec-policy-admin"></div>
		</div>
		<?php
	}
}

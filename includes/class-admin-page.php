<?php
/**
 * The settings page, Settings -> Information security, where the policy is kept.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the settings page for administrators (`manage_options`) and renders its frame.
 */
final class Admin_Page {

	public const SLUG       = 'infosec-policy';
	public const CAPABILITY = 'manage_options';

	/**
	 * Adds the page under Settings. Runs on `admin_menu`.
	 */
	public static function register(): void {
		add_options_page(
			__( 'Information security', 'infosec-policy' ),
			__( 'Information security', 'infosec-policy' ),
			self::CAPABILITY,
			self::SLUG,
			array( self::class, 'render' )
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

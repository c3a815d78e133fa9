<?php
/**
 * The notice that leads a new site owner to the settings page.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Until the policy is first saved, administrators see one notice on the other admin screens that
 * leads to the settings page. Dismissing it (a nonce-checked link, so it works without
 * JavaScript) hides it for that administrator for good; the first save hides it for everyone.
 */
final class Setup_Notice {

	public const DISMISSED_META = 'infosec_policy_setup_notice_dismissed';
	public const DISMISS_ACTION = 'infosec_policy_dismiss_setup';

	/**
	 * Hooks the notice and its dismissal. Runs on `admin_init`.
	 */
	public static function register(): void {
		add_action( 'admin_notices', array( self::class, 'print_notice' ) );
		add_action( 'admin_post_' . self::DISMISS_ACTION, array( self::class, 'dismiss' ) );
	}

	/**
	 * Whether the current user is to see the notice on the current screen.
	 */
	public static function is_due(): bool {
		if ( ! current_user_can( Admin_Page::CAPABILITY ) || 0 !== (int) Policy_Store::get()['revision'] ) {
			return false;
		}
		$screen = get_current_screen();
		if ( null !== $screen && 'settings_page_' . Admin_Page::SLUG === $screen->id ) {
			return false;
		}
		return ! get_user_meta( get_current_user_id(), self::DISMISSED_META, true );
	}

	/**
	 * Prints the notice. Runs on `admin_notices`.
	 */
	public static function print_notice(): void {
		if ( ! self::is_due() ) {
			return;
		}
		$dismiss = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::DISMISS_ACTION ), self::DISMISS_ACTION );
		?>
		<div class="notice notice-info infosec-policy-setup-notice">
			<p>
				<strong><?php esc_html_e( 'Infosec Policy is active.', 'infosec-policy' ); ?></strong>
				<?php esc_html_e( 'Enter your organisation, its security measures and its processors once; the statement’s blocks and pattern show them on any page.', 'infosec-policy' ); ?>
			</p>
			<p>
				<a class="button button-primary" href="<?php echo esc_url( admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) ); ?>"><?php esc_html_e( 'Set up the statement', 'infosec-policy' ); ?></a>
				<a class="button button-link" href="<?php echo esc_url( $dismiss ); ?>"><?php esc_html_e( 'Dismiss', 'infosec-policy' ); ?></a>
			</p>
		</div>
		<?php
	}

	/**
	 * Hides the notice for the current user, then goes back. Runs on `admin_post_{action}`.
	 */
	public static function dismiss(): void {
		self::dismiss_for_current_user();
		wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
		exit;
	}

	/**
	 * Records the dismissal of a request that carries the action's nonce; dies otherwise.
	 */
	public static function dismiss_for_current_user(): void {
		check_admin_referer( self::DISMISS_ACTION );
		if ( ! current_user_can( Admin_Page::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to do that.', 'infosec-policy' ), 403 );
		}
		update_user_meta( get_current_user_id(), self::DISMISSED_META, 1 );
	}
}

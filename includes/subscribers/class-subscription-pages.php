<?php
/**
 * The pages behind the form and the e-mails' links.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Answers, without JavaScript:
 *
 * - the subscribe block's form: a POST to the page it is on, answered with a redirect back to that
 *   page (303, so a reload sends nothing twice) that says how it went;
 * - the confirmation link: GET shows a page with a Confirm button, POST confirms. A GET never
 *   changes anything, so a mail scanner that follows links confirms nothing;
 * - the unsubscribe link (List-Unsubscribe): GET shows a page with a button; POST unsubscribes,
 *   and a POST whose body is `List-Unsubscribe=One-Click` (RFC 8058, sent by mailbox providers)
 *   does so with no further step.
 *
 * These need no nonce: the form only asks for a confirmation e-mail (double opt-in, rate
 * limited), and the links carry a token signed for their subscriber (Subscriber_Tokens), which is
 * what a nonce would prove, and which a page cache cannot make stale.
 *
 * @phpstan-import-type Subscriber from Subscribers
 */
final class Subscription_Pages {

	/**
	 * The form field that marks a POST as the subscribe form's.
	 */
	public const FORM_FIELD = 'infosec_policy_subscribe';

	/**
	 * The honeypot: a field people never see or fill in.
	 */
	public const TRAP_FIELD = 'infosec_policy_website';

	/**
	 * The query argument that carries the form's outcome back to the page.
	 */
	public const OUTCOME_ARG = 'infosec-policy-subscribe';

	/**
	 * Handles the subscribe form. Runs on `init`.
	 */
	public static function handle_form(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- no nonce by design (see the class): the form only asks for a double opt-in e-mail, and is rate limited.
		if ( ! isset( $_POST[ self::FORM_FIELD ] ) || ! self::is_post() ) {
			return;
		}
		$email  = isset( $_POST['infosec_policy_email'] ) ? sanitize_text_field( wp_unslash( $_POST['infosec_policy_email'] ) ) : '';
		$locale = isset( $_POST['infosec_policy_locale'] ) ? sanitize_text_field( wp_unslash( $_POST['infosec_policy_locale'] ) ) : null;
		$trap   = isset( $_POST[ self::TRAP_FIELD ] ) ? sanitize_text_field( wp_unslash( $_POST[ self::TRAP_FIELD ] ) ) : '';
		// phpcs:enable
		$fetch_site = isset( $_SERVER['HTTP_SEC_FETCH_SITE'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_SEC_FETCH_SITE'] ) ) : '';
		$origin     = isset( $_SERVER['HTTP_ORIGIN'] ) ? esc_url_raw( wp_unslash( $_SERVER['HTTP_ORIGIN'] ) ) : '';
		$outcome    = 'sent';
		if ( Subscriptions::from_another_site( $fetch_site, $origin ) ) {
			// Another site's page made the browser post the form: nothing happens, and its visitor
			// is told to use this site's own form.
			$outcome = 'elsewhere';
		} elseif ( '' === $trap ) {
			// The honeypot is empty: a person. A robot that fills it in is told what a person is
			// told, and nothing happens.
			$result  = Subscriptions::request( $email, in_array( $locale, Subscribers::locales(), true ) ? $locale : null, Subscriptions::client_address(), 'form' );
			$outcome = is_wp_error( $result ) ? ( 429 === ( $result->get_error_data()['status'] ?? 0 ) ? 'limited' : 'invalid' ) : 'sent';
		}
		$uri  = isset( $_SERVER['REQUEST_URI'] ) ? esc_url_raw( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '/';
		$back = add_query_arg( self::OUTCOME_ARG, $outcome, remove_query_arg( self::OUTCOME_ARG, $uri ) );
		wp_safe_redirect( $back . '#' . self::OUTCOME_ARG, 303 );
		exit;
	}

	/**
	 * The form's outcome on the page it redirected back to: `sent`, `invalid`, `limited`,
	 * `elsewhere` or ''.
	 */
	public static function outcome(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- read to choose one of four fixed messages; nothing is changed.
		$outcome = isset( $_GET[ self::OUTCOME_ARG ] ) ? sanitize_key( wp_unslash( $_GET[ self::OUTCOME_ARG ] ) ) : '';
		return in_array( $outcome, array( 'sent', 'invalid', 'limited', 'elsewhere' ), true ) ? $outcome : '';
	}

	/**
	 * Answers the links. Runs first on `template_redirect`: after the main query, so that a block
	 * theme's header and footer render as on any page, and before any template is chosen.
	 */
	public static function maybe_serve(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.NonceVerification.Missing -- the signed token is the proof (see the class).
		$purpose = isset( $_GET[ Subscriber_Tokens::ACTION_ARG ] ) ? sanitize_key( wp_unslash( $_GET[ Subscriber_Tokens::ACTION_ARG ] ) ) : '';
		if ( 'confirm' !== $purpose && 'unsubscribe' !== $purpose ) {
			return;
		}
		$id        = isset( $_GET['subscriber'] ) ? absint( wp_unslash( $_GET['subscriber'] ) ) : 0;
		$token     = isset( $_GET['token'] ) ? sanitize_key( wp_unslash( $_GET['token'] ) ) : '';
		$post      = self::is_post();
		$one_click = $post && isset( $_POST['List-Unsubscribe'] ) && 'One-Click' === sanitize_text_field( wp_unslash( $_POST['List-Unsubscribe'] ) );
		// phpcs:enable
		$subscriber = Subscribers::get( $id );
		$valid      = null !== $subscriber && Subscriber_Tokens::verify( $purpose, $subscriber, $token );
		nocache_headers();
		header( 'X-Robots-Tag: noindex, nofollow' );
		// The token is in the address: no link on these pages may pass it on.
		header( 'Referrer-Policy: no-referrer' );
		if ( 'unsubscribe' === $purpose ) {
			self::unsubscribe( $valid ? $subscriber : null, $post, $one_click );
		} else {
			self::confirm( $valid ? $subscriber : null, $post );
		}
		exit;
	}

	/**
	 * The confirmation link's page.
	 *
	 * @param Subscriber|null $subscriber The subscriber the token is valid for, or null.
	 * @param bool            $post       Whether the Confirm button was pressed.
	 */
	private static function confirm( ?array $subscriber, bool $post ): void {
		$org     = Policy_Store::organization_name();
		$expired = null !== $subscriber && 'pending' === $subscriber['status'] && $subscriber['requestedAt'] < time() - Subscribers::PENDING_DAYS * DAY_IN_SECONDS;
		if ( null === $subscriber || $expired ) {
			self::page( 404, __( 'This link does not work any more', 'infosec-policy' ), __( 'The confirmation link has expired or was already used for an address that has since unsubscribed. Subscribe again on the statement page to get a new one.', 'infosec-policy' ) );
			return;
		}
		if ( 'confirmed' === $subscriber['status'] || ( $post && Subscribers::confirm( $subscriber['id'] ) ) ) {
			/* translators: 1: an e-mail address, 2: the organisation's name. */
			self::page( 200, __( 'Subscription confirmed', 'infosec-policy' ), sprintf( __( '%1$s will receive an e-mail from %2$s each time its information security statement changes. Each e-mail has a link to stop them.', 'infosec-policy' ), $subscriber['email'], $org ) );
			return;
		}
		/* translators: 1: an e-mail address, 2: the organisation's name. */
		self::page( 200, __( 'Confirm your subscription', 'infosec-policy' ), sprintf( __( 'Press Confirm to receive an e-mail at %1$s each time %2$s changes its information security statement.', 'infosec-policy' ), $subscriber['email'], $org ), __( 'Confirm', 'infosec-policy' ) );
	}

	/**
	 * The unsubscribe link's page, or its one-click answer.
	 *
	 * @param Subscriber|null $subscriber The subscriber the token is valid for, or null.
	 * @param bool            $post       Whether it was a POST.
	 * @param bool            $one_click  Whether it was an RFC 8058 one-click POST.
	 */
	private static function unsubscribe( ?array $subscriber, bool $post, bool $one_click ): void {
		if ( $post && null !== $subscriber ) {
			Subscribers::remove( $subscriber['id'] );
		}
		if ( $one_click ) {
			status_header( null === $subscriber ? 404 : 200 );
			header( 'Content-Type: text/plain; charset=utf-8' );
			echo esc_html( null === $subscriber ? __( 'This link does not work any more.', 'infosec-policy' ) : __( 'You are unsubscribed.', 'infosec-policy' ) );
			return;
		}
		if ( null === $subscriber ) {
			self::page( 404, __( 'This link does not work any more', 'infosec-policy' ), __( 'The address this link was made for is not subscribed (any more): it will receive no e-mails.', 'infosec-policy' ) );
			return;
		}
		if ( $post ) {
			/* translators: %s: an e-mail address. */
			self::page( 200, __( 'You are unsubscribed', 'infosec-policy' ), sprintf( __( '%s will receive no more e-mails about the information security statement, and the address has been removed.', 'infosec-policy' ), $subscriber['email'] ) );
			return;
		}
		/* translators: 1: an e-mail address, 2: the organisation's name. */
		self::page( 200, __( 'Stop the e-mails?', 'infosec-policy' ), sprintf( __( 'Press the button to stop the e-mails to %1$s about changes to the information security statement of %2$s.', 'infosec-policy' ), $subscriber['email'], Policy_Store::organization_name() ), __( 'Stop the e-mails', 'infosec-policy' ) );
	}

	/**
	 * Whether the request is a POST.
	 */
	private static function is_post(): bool {
		return isset( $_SERVER['REQUEST_METHOD'] ) && 'POST' === strtoupper( sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) );
	}

	/**
	 * A small page: a heading, a sentence and, for a question, its button (a form that posts to the
	 * same address). In a block theme it stands between the theme's own header and footer, in its
	 * styles; otherwise it is a page of its own.
	 *
	 * @param int    $status  The HTTP status.
	 * @param string $title   The heading.
	 * @param string $message The sentence.
	 * @param string $button  The button's label, or '' for none.
	 */
	private static function page( int $status, string $title, string $message, string $button = '' ): void {
		$main = '<h1 class="wp-block-heading">' . esc_html( $title ) . '</h1><p>' . esc_html( $message ) . '</p>'
			. ( '' === $button ? '' : '<form method="post" class="wp-block-buttons"><div class="wp-block-button"><button type="submit" class="wp-block-button__link wp-element-button">' . esc_html( $button ) . '</button></div></form>' )
			. '<p><a href="' . esc_url( home_url( '/' ) ) . '">' . esc_html( get_bloginfo( 'name' ) ) . '</a></p>';
		self::frame( $status, $title, $main );
	}

	/**
	 * Sends a page of the plugin's own: in a block theme between the theme's header and footer, in
	 * its styles; otherwise a page of its own.
	 *
	 * @param int    $status The HTTP status.
	 * @param string $title  The page's heading, also its title.
	 * @param string $main   Its content, escaped where it was built.
	 * @param string $css    Styles the content needs beyond the theme's, or ''.
	 */
	public static function frame( int $status, string $title, string $main, string $css = '' ): void {
		status_header( $status );
		header( 'Content-Type: text/html; charset=utf-8' );
		if ( wp_is_block_theme() ) {
			if ( '' !== $css ) {
				wp_register_style( 'infosec-policy-page', false, array(), \InfosecPolicy\VERSION );
				wp_add_inline_style( 'infosec-policy-page', $css );
				wp_enqueue_style( 'infosec-policy-page' );
			}
			self::in_block_theme( $title, $main );
			return;
		}
		self::standalone( $title, $main, $css );
	}

	/**
	 * The page between a block theme's header and footer. The blocks are rendered before
	 * wp_head(), as core's own block templates are, so that the styles they need are printed in
	 * the head.
	 *
	 * @param string $title The page's heading, also its title.
	 * @param string $main  Its content, escaped.
	 */
	private static function in_block_theme( string $title, string $main ): void {
		add_filter( 'wp_robots', 'wp_robots_no_robots' );
		// The page's own title, for a theme that lets WordPress print it; the others (the default
		// block themes among them) get it printed below, since no block template is rendered here.
		add_filter(
			'document_title_parts',
			static fn(): array => array(
				'title' => $title,
				'site'  => get_bloginfo( 'name' ),
			)
		);
		$html = do_blocks(
			'<!-- wp:template-part {"slug":"header","tagName":"header"} /-->'
			. '<!-- wp:group {"tagName":"main","align":"full","style":{"spacing":{"padding":{"top":"var:preset|spacing|50","bottom":"var:preset|spacing|50"}}},"layout":{"type":"constrained"}} --><main class="wp-block-group alignfull">'
			. $main
			. '</main><!-- /wp:group -->'
			. '<!-- wp:template-part {"slug":"footer","tagName":"footer"} /-->'
		);
		?>
<!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="<?php bloginfo( 'charset' ); ?>">
<meta name="viewport" content="width=device-width, initial-scale=1">
		<?php if ( ! current_theme_supports( 'title-tag' ) ) : ?>
<title><?php echo esc_html( wp_get_document_title() ); ?></title>
		<?php endif; ?>
		<?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
		<?php wp_body_open(); ?>
<div class="wp-site-blocks">
		<?php echo $html; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the theme's template parts as do_blocks() renders them, around the page's content, which page() escaped as it built it. ?>
</div>
		<?php wp_footer(); ?>
</body>
</html>
		<?php
	}

	/**
	 * The page on its own, for a theme without block templates.
	 *
	 * @param string $title The page's heading, also its title.
	 * @param string $main  Its content, escaped.
	 * @param string $css   Styles the content needs, or ''.
	 */
	private static function standalone( string $title, string $main, string $css ): void {
		?>
<!DOCTYPE html>
<html lang="<?php echo esc_attr( str_replace( '_', '-', get_locale() ) ); ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title><?php echo esc_html( $title . ' – ' . get_bloginfo( 'name' ) ); ?></title>
<style>
body { font: 1.0625rem/1.5 system-ui, sans-serif; color: #1e1e1e; background: #fff; margin: 0; }
main { max-width: 36rem; margin: 0 auto; padding: 3rem 1.5rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
button { font: inherit; padding: .6em 1.4em; border: 2px solid #1e1e1e; border-radius: 4px; background: #1e1e1e; color: #fff; cursor: pointer; }
button:focus-visible { outline: 3px solid #0a4b78; outline-offset: 2px; }
a { color: #0a4b78; }
		<?php echo wp_strip_all_tags( $css ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the plugin's own fixed CSS, with no tag to end the style element. ?>
</style>
</head>
<body>
<main>
		<?php echo $main; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- page() escaped every value as it built this HTML. ?>
</main>
</body>
</html>
		<?php
	}
}

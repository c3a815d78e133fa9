<?php
/**
 * The page where a customer who is not subscribed asks for a link to object.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Objections;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscription_Pages;
use InfosecPolicy\Subscribers\Subscriptions;

defined( 'ABSPATH' ) || exit;

/**
 * The statement's "Object" link beside an announced processor opens this page (the objection
 * page's address without a token, Objection_Links::request_url()), without JavaScript:
 *
 * - GET shows the processor's facts, until when objections are taken, and a form for an e-mail
 *   address, with a honeypot;
 * - POST asks, through Subscriptions::request(), for the link to be sent to that address: the
 *   subscribe form's limits (the client's, and the client's for one mailbox), the same answer
 *   whatever the address (subscribed or not, objected before or not), nothing sent while the
 *   visitor waits, and the mailbox's daily limit and the site's hourly cap after the answer
 *   (Subscription_Requests). Only the owner of the address can then object, from the link: the
 *   double opt-in.
 *
 * No nonce, as for the subscribe form: the form only asks for an e-mail to the address given, and
 * is rate limited; another site's post is refused.
 *
 * @phpstan-import-type Processor from Policy_Store
 */
final class Objection_Request_Page {

	/**
	 * The query argument of the page that says the link is on its way.
	 */
	public const SENT_ARG = 'sent';

	/**
	 * The honeypot's own rule: out of sight, still in the page for robots.
	 */
	private const CSS = '.infosec-policy-objection__trap{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';

	/**
	 * Answers the page.
	 *
	 * @param string $processor_id The processor.
	 * @param bool   $post         Whether the form was sent.
	 */
	public static function answer( string $processor_id, bool $post ): void {
		$processor = '' === $processor_id ? null : Objection_Page::processor( $processor_id );
		if ( null === $processor ) {
			Objection_Page::simple( 404, __( 'No such announcement', 'infosec-policy' ), array( __( 'The organisation has not announced this processor (any more), so there is nothing to object to.', 'infosec-policy' ) ) );
			return;
		}
		if ( ! Policy_Store::is_upcoming( $processor, (string) wp_date( 'Y-m-d' ) ) ) {
			Objection_Page::closed( $processor );
			return;
		}
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- chooses which of two fixed pages to show; nothing is changed.
		if ( ! $post && isset( $_GET[ self::SENT_ARG ] ) ) {
			self::sent( $processor );
			return;
		}
		$problem = $post ? self::ask( $processor ) : '';
		/* translators: %s: a processor's name. */
		$title = sprintf( __( 'Object to %s', 'infosec-policy' ), $processor['name'] );
		Subscription_Pages::frame( '' === $problem ? 200 : 400, $title, self::form( $title, $processor, $problem ), Objection_Page::CSS . self::CSS );
	}

	/**
	 * Handles the form: redirects to the "on its way" page, or answers a refusal itself, and
	 * returns only what is wrong with the address.
	 *
	 * @param Processor $processor The processor.
	 * @return string Why the address cannot be taken.
	 */
	private static function ask( array $processor ): string {
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- no nonce by design (see the class).
		$email  = isset( $_POST['infosec_policy_email'] ) && is_string( $_POST['infosec_policy_email'] ) ? sanitize_text_field( wp_unslash( $_POST['infosec_policy_email'] ) ) : '';
		$locale = isset( $_POST['infosec_policy_locale'] ) && is_string( $_POST['infosec_policy_locale'] ) ? sanitize_text_field( wp_unslash( $_POST['infosec_policy_locale'] ) ) : '';
		$trap   = isset( $_POST[ Subscription_Pages::TRAP_FIELD ] ) && is_string( $_POST[ Subscription_Pages::TRAP_FIELD ] ) ? sanitize_text_field( wp_unslash( $_POST[ Subscription_Pages::TRAP_FIELD ] ) ) : '';
		// phpcs:enable
		if ( Objection_Page::from_another_site() ) {
			Objection_Page::simple( 403, __( 'Nothing was sent', 'infosec-policy' ), array( __( 'The request came from another website. To object, use the form on this page.', 'infosec-policy' ) ) );
			exit;
		}
		// A robot that fills in the honeypot is told what a person is told, and nothing happens.
		if ( '' === $trap ) {
			$result = Subscriptions::request( $email, in_array( $locale, Subscribers::locales(), true ) ? $locale : null, Subscriptions::client_address(), 'object', $processor['id'] );
			if ( is_wp_error( $result ) ) {
				$data = $result->get_error_data();
				if ( 429 !== ( is_array( $data ) ? ( $data['status'] ?? 0 ) : 0 ) ) {
					return __( 'Enter your e-mail address, such as name@example.com.', 'infosec-policy' );
				}
				header( 'Retry-After: ' . (int) ( $data['retryAfter'] ?? HOUR_IN_SECONDS ) );
				Objection_Page::simple( 429, __( 'Too many requests', 'infosec-policy' ), array( __( 'Links were asked for too often from here. Please try again later.', 'infosec-policy' ) ) );
				exit;
			}
		}
		wp_safe_redirect( add_query_arg( self::SENT_ARG, '1', Objection_Links::request_url( $processor['id'] ) ), 303 );
		exit;
	}

	/**
	 * The page after the form: the same for every address.
	 *
	 * @param Processor $processor The processor.
	 */
	private static function sent( array $processor ): void {
		Objection_Page::simple(
			200,
			__( 'Check your e-mail', 'infosec-policy' ),
			array(
				/* translators: %s: a processor's name. */
				sprintf( __( 'If the address you gave can receive e-mail, a link to object to %s is on its way to it. It can take a few minutes; look in your spam folder too.', 'infosec-policy' ), $processor['name'] ),
				/* translators: %s: a date. */
				sprintf( __( 'Open the link and give your reason before %s.', 'infosec-policy' ), Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) ) ),
			)
		);
	}

	/**
	 * The page with the processor's facts and the form, escaped as it is built.
	 *
	 * @param string    $title     The heading.
	 * @param Processor $processor The processor.
	 * @param string    $problem   What is wrong with the address given, or ''.
	 */
	private static function form( string $title, array $processor, string $problem ): string {
		$org  = Policy_Store::organization_name();
		$html = '<h1 class="wp-block-heading">' . esc_html( $title ) . '</h1>';
		if ( '' !== $problem ) {
			$html .= '<p role="alert"><strong>' . esc_html__( 'Nothing was sent yet: please correct the field marked below.', 'infosec-policy' ) . '</strong></p>';
		}
		/* translators: 1: the organisation's name, 2: a processor's name, 3: a date. */
		$html     .= '<p>' . esc_html( sprintf( __( '%1$s intends to have %2$s handle personal data from %3$s. If %1$s processes personal data for you, you can object until then.', 'infosec-policy' ), $org, $processor['name'], Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) ) ) ) . '</p>';
		$html     .= Objection_Page::facts_html( $processor );
		$html     .= '<form method="post" class="infosec-policy-objection__form" novalidate>';
		$html     .= '<p id="infosec-policy-objection-about">' . esc_html__( 'Give your e-mail address and you receive a link to the objection form: so only the owner of the address can object in its name. The address is used for nothing else.', 'infosec-policy' ) . '</p>';
		$described = 'infosec-policy-objection-about' . ( '' === $problem ? '' : ' infosec-policy-objection-email-error' );
		$html     .= '<p class="infosec-policy-objection__field"><label for="infosec-policy-objection-email">' . esc_html__( 'Your e-mail address', 'infosec-policy' ) . '</label>';
		if ( '' !== $problem ) {
			$html .= '<span class="infosec-policy-objection__error" id="infosec-policy-objection-email-error">' . esc_html( $problem ) . '</span>';
		}
		$html .= '<input type="email" id="infosec-policy-objection-email" name="infosec_policy_email" autocomplete="email" required maxlength="' . esc_attr( (string) Subscribers::EMAIL_MAX_LENGTH ) . '" aria-describedby="' . esc_attr( $described ) . '"' . ( '' === $problem ? '' : ' aria-invalid="true"' ) . '></p>';
		$html .= '<input type="hidden" name="infosec_policy_locale" value="' . esc_attr( get_locale() ) . '">';
		$html .= '<p class="infosec-policy-objection__trap" aria-hidden="true"><label for="infosec-policy-objection-website">' . esc_html__( 'Leave this field empty', 'infosec-policy' ) . '</label>'
			. '<input type="text" id="infosec-policy-objection-website" name="' . esc_attr( Subscription_Pages::TRAP_FIELD ) . '" tabindex="-1" autocomplete="off"></p>';
		$html .= '<div class="wp-block-buttons"><div class="wp-block-button"><button type="submit" class="wp-block-button__link wp-element-button">' . esc_html__( 'Send me the link', 'infosec-policy' ) . '</button></div></div>';
		return $html . '</form>';
	}
}

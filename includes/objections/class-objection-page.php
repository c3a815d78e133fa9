<?php
/**
 * The page behind an objection link.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Objections;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Policy\Transfer_Bases;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscription_Pages;
use InfosecPolicy\Subscribers\Subscriptions;

defined( 'ABSPATH' ) || exit;

/**
 * Answers an objection link (Objection_Links), without JavaScript:
 *
 * A link is a subscriber's, from a notice, or the one sent to an address that asked for it on the
 * statement page (Objection_Request_Page, which answers the same address without a token). The
 * page is in the language of the e-mail with the link.
 *
 * - GET shows the announced processor (what it does, which personal data, where the data is, on
 *   what basis it leaves the EEA), until when objections are taken, and a form: organisation and
 *   name (optional) and the reason (required). A GET never records anything, so a mail scanner
 *   that follows links objects to nothing.
 * - POST records the objection; a second POST from the same link updates it. Refused when another
 *   site's page made the browser post it, and limited per link.
 * - From the processor's start date, or once its announcement is withdrawn, the page says that
 *   objections are closed, and a POST records nothing.
 *
 * No nonce: the link's token is signed for its subscriber and processor, which is what a nonce
 * would prove, and which a page cache cannot make stale.
 *
 * @phpstan-import-type Processor from Policy_Store
 * @phpstan-import-type Subscriber from Subscribers
 * @phpstan-import-type Objection from Objections
 */
final class Objection_Page {

	/**
	 * Answers from one link per hour, at most.
	 */
	public const POSTS_PER_HOUR = 10;

	/**
	 * The page's own few rules: the form's fields, one under the other, in the theme's colours.
	 */
	public const CSS = '.infosec-policy-objection__facts dt{font-weight:600}.infosec-policy-objection__facts dd{margin:0 0 .75em}'
		. '.infosec-policy-objection__field{margin:0 0 1em}.infosec-policy-objection__field label{display:block;font-weight:600}'
		. '.infosec-policy-objection__field input,.infosec-policy-objection__field textarea{box-sizing:border-box;width:100%;max-width:100%;font:inherit;padding:.5em;border:1px solid currentcolor;border-radius:2px;background:transparent;color:inherit}'
		. '.infosec-policy-objection__error{display:block;font-weight:600}';

	/**
	 * Answers the link. Runs first on `template_redirect`, as the subscription's links do.
	 */
	public static function maybe_serve(): void {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.NonceVerification.Missing -- the signed token is the proof (see the class).
		if ( ! isset( $_GET[ Subscriber_Tokens::ACTION_ARG ] ) || Objection_Links::ACTION !== sanitize_key( wp_unslash( $_GET[ Subscriber_Tokens::ACTION_ARG ] ) ) ) {
			return;
		}
		$processor_id = isset( $_GET['processor'] ) ? sanitize_key( wp_unslash( $_GET['processor'] ) ) : '';
		$id           = isset( $_GET['subscriber'] ) ? absint( wp_unslash( $_GET['subscriber'] ) ) : 0;
		$row_id       = isset( $_GET['objection'] ) ? absint( wp_unslash( $_GET['objection'] ) ) : 0;
		$token        = isset( $_GET['token'] ) ? sanitize_key( wp_unslash( $_GET['token'] ) ) : '';
		$fields       = array(
			'organization' => trim( self::posted( 'infosec_policy_organization' ) ),
			'name'         => trim( self::posted( 'infosec_policy_name' ) ),
			'reason'       => trim( str_replace( "\r\n", "\n", self::posted( 'infosec_policy_reason' ) ) ),
		);
		// phpcs:enable
		nocache_headers();
		header( 'X-Robots-Tag: noindex, nofollow' );
		// The token is in the address: no link on this page may pass it on.
		header( 'Referrer-Policy: no-referrer' );
		if ( '' === $token && 0 === $id && 0 === $row_id ) {
			// The statement's "Object" link: a customer who has no link asks for one.
			Objection_Request_Page::answer( $processor_id, self::is_post() );
			exit;
		}
		$objector = '' === $processor_id ? null : self::objector( $processor_id, $id, $row_id, $token );
		$in_use   = null === $objector ? self::processor( $processor_id ) : null;
		if ( null !== $in_use && ! Policy_Store::is_upcoming( $in_use, (string) wp_date( 'Y-m-d' ) ) ) {
			// Objections to it are closed, whoever the link was for: a link asked for is gone by now.
			self::closed( $in_use );
			exit;
		}
		if ( null === $objector ) {
			self::simple(
				404,
				__( 'This link does not work any more', 'infosec-policy' ),
				array(
					0 === $row_id
						? __( 'The link is not complete, or the address it was sent to is no longer subscribed. Open the link from the e-mail again, or write to the organisation.', 'infosec-policy' )
						/* translators: %d: a number of days. */
						: sprintf( _n( 'The link is not complete, or it has expired: a link you asked for works for %d day. Ask for a new one beside the processor on the statement page.', 'The link is not complete, or it has expired: a link you asked for works for %d days. Ask for a new one beside the processor on the statement page.', Subscribers::PENDING_DAYS, 'infosec-policy' ), Subscribers::PENDING_DAYS ),
				)
			);
			exit;
		}
		// In the objector's language, as the e-mail with the link was.
		$post = self::is_post();
		Notice_Sender::in_locale( $objector['locale'], static fn() => self::answer( $processor_id, $objector, $post ? $fields : null ) );
		exit;
	}

	/**
	 * Whose link it is: a confirmed subscriber's (from a notice), or the address that asked for one
	 * on the statement page (signed for its objection row); null when the token is not theirs.
	 *
	 * @param string $processor_id The processor.
	 * @param int    $id           The subscriber, or 0.
	 * @param int    $row_id       The objection row, or 0.
	 * @param string $token        The token.
	 * @return array{ email: string, locale: string, key: string }|null
	 */
	private static function objector( string $processor_id, int $id, int $row_id, string $token ): ?array {
		if ( 0 !== $row_id ) {
			$row = Objections::get( $row_id, true );
			return null !== $row && $row['processorId'] === $processor_id && hash_equals( Objection_Links::requested_token( $row ), $token )
				? array(
					'email'  => $row['email'],
					'locale' => $row['locale'],
					'key'    => 'row:' . $row['id'],
				) : null;
		}
		$subscriber = Subscribers::get( $id );
		return null !== $subscriber && 'confirmed' === $subscriber['status'] && Objection_Links::verify( $processor_id, $subscriber, $token )
			? array(
				'email'  => $subscriber['email'],
				'locale' => $subscriber['locale'],
				'key'    => (string) $subscriber['id'],
			) : null;
	}

	/**
	 * The page for a valid link.
	 *
	 * @param string                                                           $processor_id The processor.
	 * @param array{ email: string, locale: string, key: string }              $objector     Whose link it is.
	 * @param array{ organization: string, name: string, reason: string }|null $fields       What was posted, or null for a GET.
	 */
	private static function answer( string $processor_id, array $objector, ?array $fields ): void {
		$processor = self::processor( $processor_id );
		$org       = Policy_Store::organization_name();
		$existing  = Objections::find( $processor_id, $objector['email'] );
		$existing  = null !== $existing && Objections::REQUESTED === $existing['status'] ? null : $existing;
		$today     = (string) wp_date( 'Y-m-d' );
		if ( null === $processor ) {
			self::simple(
				410,
				__( 'This announcement was withdrawn', 'infosec-policy' ),
				/* translators: %s: the organisation's name. */
				array( sprintf( __( '%s no longer intends to use this processor, so there is nothing to object to.', 'infosec-policy' ), $org ) )
			);
			return;
		}
		$from = (string) ( $processor['effectiveFrom'] ?? '' );
		if ( $from <= $today ) {
			self::closed( $processor );
			return;
		}
		$problems = array();
		if ( null !== $fields ) {
			if ( self::from_another_site() ) {
				self::simple( 403, __( 'Nothing was recorded', 'infosec-policy' ), array( __( 'The request came from another website. To object, use the form on this page.', 'infosec-policy' ) ) );
				return;
			}
			$problems = Objections::problems( $fields );
			if ( array() === $problems && ! Rate_Limit::take( 'objection', $objector['key'] . '|' . $processor_id, self::POSTS_PER_HOUR, HOUR_IN_SECONDS ) ) {
				self::simple( 429, __( 'Too many requests', 'infosec-policy' ), array( __( 'This link was used too often in the last hour. Please try again later.', 'infosec-policy' ) ) );
				return;
			}
			if ( array() === $problems ) {
				$recorded = Objections::record( $processor, $objector['email'], $fields, get_locale() );
				if ( null !== $recorded ) {
					self::simple(
						200,
						__( 'Your objection is recorded', 'infosec-policy' ),
						array(
							/* translators: 1: the organisation's name, 2: a processor's name, 3: an e-mail address. */
							sprintf( __( '%1$s has your objection to %2$s, from %3$s, and will answer it.', 'infosec-policy' ), $org, $processor['name'], $objector['email'] ),
							/* translators: %s: a date. */
							sprintf( __( 'Until %s you can change it from the same link.', 'infosec-policy' ), Change_Sentences::date( $from ) ),
						)
					);
					return;
				}
				self::simple( 503, __( 'Nothing was recorded', 'infosec-policy' ), array( __( 'The objection could not be stored. Please try again in a moment.', 'infosec-policy' ) ) );
				return;
			}
		}
		$shown = $fields ?? ( null === $existing ? array(
			'organization' => '',
			'name'         => '',
			'reason'       => '',
		) : array(
			'organization' => $existing['organization'],
			'name'         => $existing['name'],
			'reason'       => $existing['reason'],
		) );
		/* translators: %s: a processor's name. */
		$title = sprintf( __( 'Object to %s', 'infosec-policy' ), $processor['name'] );
		Subscription_Pages::frame( array() === $problems ? 200 : 400, $title, self::form( $title, $processor, $org, $existing, $shown, $problems ), self::CSS );
	}

	/**
	 * The 410 page once a processor has started: objections are closed.
	 *
	 * @param Processor $processor The processor.
	 */
	public static function closed( array $processor ): void {
		$from = (string) ( $processor['effectiveFrom'] ?? '' );
		self::simple(
			410,
			__( 'Objections are closed', 'infosec-policy' ),
			array(
				'' === $from
					/* translators: %s: a processor's name. */
					? sprintf( __( '%s is in use; objections were taken until it started.', 'infosec-policy' ), $processor['name'] )
					/* translators: 1: a processor's name, 2: a date. */
					: sprintf( __( '%1$s has been in use since %2$s; objections were taken until then.', 'infosec-policy' ), $processor['name'], Change_Sentences::date( $from ) ),
			)
		);
	}

	/**
	 * Whether another site's page made the browser post this form.
	 */
	public static function from_another_site(): bool {
		$fetch_site = isset( $_SERVER['HTTP_SEC_FETCH_SITE'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_SEC_FETCH_SITE'] ) ) : '';
		$origin     = isset( $_SERVER['HTTP_ORIGIN'] ) ? esc_url_raw( wp_unslash( $_SERVER['HTTP_ORIGIN'] ) ) : '';
		return Subscriptions::from_another_site( $fetch_site, $origin );
	}

	/**
	 * The page with the processor's facts and the form, escaped as it is built.
	 *
	 * @param string                                                      $title     The heading.
	 * @param Processor                                                   $processor The processor.
	 * @param string                                                      $org       The organisation's name.
	 * @param Objection|null                                              $existing  The objection made before from this link.
	 * @param array{ organization: string, name: string, reason: string } $shown     The fields' values.
	 * @param array<string, string>                                       $problems  What is wrong with them.
	 */
	private static function form( string $title, array $processor, string $org, ?array $existing, array $shown, array $problems ): string {
		$from = Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) );
		$html = '<h1 class="wp-block-heading">' . esc_html( $title ) . '</h1>';
		if ( array() !== $problems ) {
			$html .= '<p role="alert"><strong>' . esc_html__( 'Nothing was recorded yet: please correct the fields marked below.', 'infosec-policy' ) . '</strong></p>';
		}
		/* translators: 1: the organisation's name, 2: a processor's name, 3: a date. */
		$html .= '<p>' . esc_html( sprintf( __( '%1$s intends to have %2$s handle personal data from %3$s. Under its processing agreement with you, you can object until then.', 'infosec-policy' ), $org, $processor['name'], $from ) ) . '</p>';
		$html .= self::facts_html( $processor );
		if ( null !== $existing ) {
			/* translators: %s: a date. */
			$html .= '<p>' . esc_html( sprintf( __( 'You objected on %s. You can change your objection below.', 'infosec-policy' ), wp_date( (string) get_option( 'date_format' ), $existing['createdAt'] ) ) ) . '</p>';
		}
		$html .= '<form method="post" class="infosec-policy-objection__form" novalidate>';
		$html .= self::field( 'organization', __( 'Organisation (optional)', 'infosec-policy' ), $shown['organization'], $problems, 'organization' );
		$html .= self::field( 'name', __( 'Your name (optional)', 'infosec-policy' ), $shown['name'], $problems, 'name' );
		$html .= self::field( 'reason', __( 'Why do you object? (required)', 'infosec-policy' ), $shown['reason'], $problems, '' );
		$html .= '<div class="wp-block-buttons"><div class="wp-block-button"><button type="submit" class="wp-block-button__link wp-element-button">'
			. esc_html( null === $existing ? __( 'Send my objection', 'infosec-policy' ) : __( 'Change my objection', 'infosec-policy' ) ) . '</button></div></div>';
		$html .= '</form>';
		return $html;
	}

	/**
	 * One field of the form, with its error.
	 *
	 * @param string                $field        `organization`, `name` or `reason`.
	 * @param string                $label        Its label.
	 * @param string                $value        Its value.
	 * @param array<string, string> $problems     What is wrong with the fields.
	 * @param string                $autocomplete The autocomplete token, or '' for a text area.
	 */
	private static function field( string $field, string $label, string $value, array $problems, string $autocomplete ): string {
		$id      = 'infosec-policy-objection-' . $field;
		$problem = $problems[ $field ] ?? '';
		$error   = '' === $problem ? '' : ' aria-invalid="true" aria-describedby="' . esc_attr( $id . '-error' ) . '"';
		$html    = '<p class="infosec-policy-objection__field"><label for="' . esc_attr( $id ) . '">' . esc_html( $label ) . '</label>';
		if ( '' !== $problem ) {
			$html .= '<span class="infosec-policy-objection__error" id="' . esc_attr( $id . '-error' ) . '">' . esc_html( $problem ) . '</span>';
		}
		if ( '' === $autocomplete ) {
			$html .= '<textarea id="' . esc_attr( $id ) . '" name="infosec_policy_' . esc_attr( $field ) . '" rows="6" required maxlength="' . esc_attr( (string) Objections::REASON_MAX_LENGTH ) . '"' . $error . '>' . esc_textarea( $value ) . '</textarea>';
		} else {
			$html .= '<input type="text" id="' . esc_attr( $id ) . '" name="infosec_policy_' . esc_attr( $field ) . '" autocomplete="' . esc_attr( $autocomplete ) . '" maxlength="' . esc_attr( (string) Objections::NAME_MAX_LENGTH ) . '" value="' . esc_attr( $value ) . '"' . $error . '>';
		}
		return $html . '</p>';
	}

	/**
	 * What a customer weighs: the processor's legal entity and address, what it does, which
	 * personal data, where the data is and on what basis it leaves the EEA. Only what is filled in;
	 * the texts in the page's language where they are translated, else marked as the original's.
	 *
	 * @param Processor $processor The processor, as stored.
	 * @return array<string, array{ 0: string, 1: string }> Label => the value as plain text, and the
	 *                                                       language to mark it with or ''.
	 */
	public static function facts( array $processor ): array {
		$texts = Translated_Policy::page();
		$shown = $texts->processor( $processor );
		$where = array_values( array_unique( array_merge( array( $processor['country'] ), $processor['dataLocations'] ) ) );
		$facts = array(
			__( 'Service', 'infosec-policy' )       => array( $shown['role'], $texts->lang( 'processors', $processor, 'role' ) ),
			__( 'Legal entity', 'infosec-policy' )  => array( trim( $processor['legalEntity'] . ( '' === ( $processor['address'] ?? '' ) ? '' : ', ' . implode( ', ', array_filter( array_map( 'trim', explode( "\n", (string) $processor['address'] ) ) ) ) ), ', ' ), '' ),
			__( 'Purpose', 'infosec-policy' )       => array( (string) ( $shown['purpose'] ?? '' ), $texts->lang( 'processors', $processor, 'purpose' ) ),
			__( 'Personal data', 'infosec-policy' ) => array( implode( wp_get_list_item_separator(), $shown['dataCategories'] ?? array() ), $texts->lang( 'processors', $processor, 'dataCategories' ) ),
			__( 'Country and data location', 'infosec-policy' ) => array( Countries::names( array_values( array_filter( $where ) ) ), '' ),
			__( 'Legal basis for transfer', 'infosec-policy' ) => array( Transfer_Bases::label( $processor['transferBasis'] ), '' ),
		);
		return array_filter( $facts, static fn( array $value ): bool => '' !== $value[0] );
	}

	/**
	 * The facts as a description list, each value escaped and, when it is in the original
	 * language on a page in another, marked as such.
	 *
	 * @param Processor $processor The processor, as stored.
	 */
	public static function facts_html( array $processor ): string {
		$html = '<dl class="infosec-policy-objection__facts">';
		foreach ( self::facts( $processor ) as $label => $value ) {
			$html .= '<dt>' . esc_html( $label ) . '</dt><dd' . Translated_Policy::attribute( $value[1] ) . '>' . esc_html( $value[0] ) . '</dd>';
		}
		return $html . '</dl>';
	}

	/**
	 * The stored processor with this id, or null.
	 *
	 * @param string $id The id.
	 * @return Processor|null
	 */
	public static function processor( string $id ): ?array {
		foreach ( Policy_Store::processors() as $processor ) {
			if ( $processor['id'] === $id ) {
				return $processor;
			}
		}
		return null;
	}

	/**
	 * A page that only tells: a heading, paragraphs and a way back to the site.
	 *
	 * @param int          $status The HTTP status.
	 * @param string       $title  The heading.
	 * @param list<string> $texts  Plain texts.
	 */
	public static function simple( int $status, string $title, array $texts ): void {
		$html = '<h1 class="wp-block-heading">' . esc_html( $title ) . '</h1>';
		foreach ( $texts as $text ) {
			$html .= '<p>' . esc_html( $text ) . '</p>';
		}
		Subscription_Pages::frame( $status, $title, $html . '<p><a href="' . esc_url( home_url( '/' ) ) . '">' . esc_html( get_bloginfo( 'name' ) ) . '</a></p>' );
	}

	/**
	 * A field of the form as posted, or '' when it is missing or not text (an array sent as
	 * `name[]`). Not sanitized: Objections::problems() refuses what sanitizing would silently
	 * change, and every value is escaped where it is printed.
	 *
	 * @param string $name The field's name.
	 */
	private static function posted( string $name ): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- the signed token is the proof (see the class); validated by Objections::problems(), escaped where printed.
		$value = isset( $_POST[ $name ] ) ? wp_unslash( $_POST[ $name ] ) : '';
		return is_string( $value ) ? $value : '';
	}

	/**
	 * Whether the request is a POST.
	 */
	public static function is_post(): bool {
		return isset( $_SERVER['REQUEST_METHOD'] ) && 'POST' === strtoupper( sanitize_text_field( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) );
	}
}

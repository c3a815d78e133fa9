<?php
/**
 * What the subscribe block says.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Subscribers\Subscription_Pages;

defined( 'ABSPATH' ) || exit;

/**
 * The subscribe block's words and its anchor. The form's outcome comes back to the page as a
 * query argument that chooses one of three fixed messages, so nothing in the address is ever shown.
 */
final class Subscribe_Form {

	/**
	 * Whether a subscribe block was rendered already in this request.
	 *
	 * @var bool
	 */
	private static bool $anchored = false;

	/**
	 * The id the form's redirect scrolls to: given to the first subscribe block of a page, which
	 * also shows the outcome; '' for the others.
	 */
	public static function anchor(): string {
		if ( self::$anchored ) {
			return '';
		}
		self::$anchored = true;
		return Subscription_Pages::OUTCOME_ARG;
	}

	/**
	 * The message for an outcome, or ''.
	 *
	 * @param string $outcome `sent`, `invalid`, `limited`, `elsewhere` or ''.
	 */
	public static function message( string $outcome ): string {
		switch ( $outcome ) {
			case 'sent':
				return __( 'Thank you. If the address can receive e-mail, a message with a confirmation link is on its way. Nothing is sent until you confirm.', 'infosec-policy' );
			case 'invalid':
				return __( 'That is not an e-mail address. Please check it and try again.', 'infosec-policy' );
			case 'limited':
				return __( 'Too many requests. Please try again later.', 'infosec-policy' );
			case 'elsewhere':
				return __( 'Nothing was sent: the request came from another website. To subscribe, use the form below.', 'infosec-policy' );
			default:
				return '';
		}
	}
}

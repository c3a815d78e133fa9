<?php
/**
 * The links in the plugin's e-mails.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Signed links to confirm or end a subscription. A token is an HMAC of its purpose, the
 * subscriber's id and address, keyed with the site's secret salt: it needs no column of its own,
 * works for that subscriber and that purpose only, and dies with the row (an address that
 * subscribes again gets a new id, so old links are useless).
 *
 * @phpstan-import-type Subscriber from Subscribers
 */
final class Subscriber_Tokens {

	/**
	 * The query argument that names the page (`confirm`, `unsubscribe`).
	 */
	public const ACTION_ARG = 'infosec-policy';

	/**
	 * A subscriber's token for a purpose.
	 *
	 * @param 'confirm'|'unsubscribe' $purpose    What the link does.
	 * @param Subscriber              $subscriber The subscriber.
	 */
	public static function token( string $purpose, array $subscriber ): string {
		return hash_hmac( 'sha256', $purpose . '|' . $subscriber['id'] . '|' . $subscriber['email'], wp_salt( 'auth' ) );
	}

	/**
	 * Whether a token is the subscriber's for that purpose.
	 *
	 * @param 'confirm'|'unsubscribe' $purpose    What the link does.
	 * @param Subscriber              $subscriber The subscriber.
	 * @param string                  $token      The token from the link.
	 */
	public static function verify( string $purpose, array $subscriber, string $token ): bool {
		return hash_equals( self::token( $purpose, $subscriber ), $token );
	}

	/**
	 * The link: on the site's home page, where Subscription_Pages answers it.
	 *
	 * @param 'confirm'|'unsubscribe' $purpose    What the link does.
	 * @param Subscriber              $subscriber The subscriber.
	 */
	public static function url( string $purpose, array $subscriber ): string {
		return add_query_arg(
			array(
				self::ACTION_ARG => $purpose,
				'subscriber'     => $subscriber['id'],
				'token'          => self::token( $purpose, $subscriber ),
			),
			home_url( '/' )
		);
	}
}

<?php
/**
 * The signed links to object to an announced processor.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Objections;

use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Each notice that announces a processor carries, for its subscriber, a link to object to that
 * processor. Like the subscription's links (Subscriber_Tokens), its token is an HMAC of its
 * purpose, the processor, the subscriber's id and address, keyed with the site's secret salt: it
 * works for that subscriber and that processor only, needs no column of its own, and dies with the
 * subscription. The address never appears in the link.
 *
 * A customer who is not subscribed asks for a link on the page request_url() names, and is sent
 * one signed for the row kept for the address (requested_url()).
 *
 * @phpstan-import-type Subscriber from Subscribers
 * @phpstan-import-type Objection from Objections
 */
final class Objection_Links {

	/**
	 * The value of Subscriber_Tokens::ACTION_ARG that names the objection page.
	 */
	public const ACTION = 'object';

	/**
	 * The token of a subscriber's link for a processor.
	 *
	 * @param string     $processor_id The processor's id.
	 * @param Subscriber $subscriber   The subscriber.
	 */
	public static function token( string $processor_id, array $subscriber ): string {
		return hash_hmac( 'sha256', self::ACTION . '|' . $processor_id . '|' . $subscriber['id'] . '|' . $subscriber['email'], wp_salt( 'auth' ) );
	}

	/**
	 * Whether a token is the subscriber's for that processor.
	 *
	 * @param string     $processor_id The processor's id.
	 * @param Subscriber $subscriber   The subscriber.
	 * @param string     $token        The token from the link.
	 */
	public static function verify( string $processor_id, array $subscriber, string $token ): bool {
		return hash_equals( self::token( $processor_id, $subscriber ), $token );
	}

	/**
	 * The link, on the site's home page, where Objection_Page answers it.
	 *
	 * @param string     $processor_id The processor's id.
	 * @param Subscriber $subscriber   The subscriber.
	 */
	public static function url( string $processor_id, array $subscriber ): string {
		return add_query_arg(
			array(
				Subscriber_Tokens::ACTION_ARG => self::ACTION,
				'processor'                   => $processor_id,
				'subscriber'                  => $subscriber['id'],
				'token'                       => self::token( $processor_id, $subscriber ),
			),
			home_url( '/' )
		);
	}

	/**
	 * The token of the link sent to an address that asked for one on the objection page: an HMAC
	 * of the row it was sent for (Objections::request()), its processor and its address, so that it
	 * dies with the row (the privacy eraser, or the purge once the processor is no longer
	 * announced).
	 *
	 * @param Objection $objection The row.
	 */
	public static function requested_token( array $objection ): string {
		return hash_hmac( 'sha256', self::ACTION . '|row|' . $objection['id'] . '|' . $objection['processorId'] . '|' . $objection['email'], wp_salt( 'auth' ) );
	}

	/**
	 * The link sent to an address that asked for one.
	 *
	 * @param Objection $objection The row.
	 */
	public static function requested_url( array $objection ): string {
		return add_query_arg(
			array(
				Subscriber_Tokens::ACTION_ARG => self::ACTION,
				'processor'                   => $objection['processorId'],
				'objection'                   => $objection['id'],
				'token'                       => self::requested_token( $objection ),
			),
			home_url( '/' )
		);
	}

	/**
	 * The page where a customer who is not subscribed asks for a link: the statement's "Object"
	 * link beside an announced processor.
	 *
	 * @param string $processor_id The processor's id.
	 */
	public static function request_url( string $processor_id ): string {
		return add_query_arg(
			array(
				Subscriber_Tokens::ACTION_ARG => self::ACTION,
				'processor'                   => $processor_id,
			),
			home_url( '/' )
		);
	}
}

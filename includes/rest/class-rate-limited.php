<?php
/**
 * How the REST API says "too many requests".
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

defined( 'ABSPATH' ) || exit;

/**
 * A 429 says when to try again (RFC 6585, RFC 9110 section 10.2.3): every rate-limited route
 * answers its WP_Error through here, which adds `Retry-After` from the error's `retryAfter`.
 */
final class Rate_Limited {

	/**
	 * The answer to a refused request: a 429 with its Retry-After header, any other error as it is.
	 *
	 * @param \WP_Error $error The error; a 429 carries `retryAfter` (seconds) in its data.
	 */
	public static function answer( \WP_Error $error ): \WP_Error|\WP_REST_Response {
		$data = $error->get_error_data();
		if ( ! is_array( $data ) || 429 !== ( $data['status'] ?? 0 ) ) {
			return $error;
		}
		$response = rest_convert_error_to_response( $error );
		$response->header( 'Retry-After', (string) max( 1, (int) ( $data['retryAfter'] ?? 60 ) ) );
		return $response;
	}
}

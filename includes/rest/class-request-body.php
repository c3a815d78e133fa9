<?php
/**
 * Strict reading of a REST request's JSON body.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Changes\Change_Log;

defined( 'ABSPATH' ) || exit;

/**
 * Reads a JSON body as the plugin's routes want it: an object with only the fields the route knows,
 * each of the type it must have. Every problem is reported at once, each naming its field, in core's
 * `rest_invalid_param` shape.
 *
 * @phpstan-type Problem array{ path: string, code: string, message: string }
 */
final class Request_Body {

	/**
	 * The JSON bodies of the requests under way, as sent.
	 *
	 * @var \WeakMap<\WP_REST_Request<array<string, mixed>>, mixed>|null
	 */
	private static ?\WeakMap $sent = null;

	/**
	 * The body's fields, when it is a JSON object with the required fields, no others than the
	 * allowed ones, and each field of the type $types gives it.
	 *
	 * Kinds of field: `revision` (a whole number, 0 or more), `boolean`, `note` (a public note: text
	 * of at most Change_Log::NOTE_MAX_LENGTH characters, without control characters other than line
	 * breaks) and `any` (checked by the route).
	 *
	 * @param \WP_REST_Request<array<string, mixed>>           $request  The request.
	 * @param array<string, 'revision'|'boolean'|'note'|'any'> $types Every allowed field and its kind.
	 * @param list<string>                                     $required Fields the body must have.
	 * @return array<string, mixed>|\WP_Error
	 */
	public static function read( \WP_REST_Request $request, array $types, array $required ): array|\WP_Error {
		// What the client sent, not get_json_params(): see keep_sent().
		$body = self::decoded( $request );
		// An empty list decodes as an empty object does: what was sent tells them apart.
		if ( ! is_array( $body ) || ( array() !== $body ? array_is_list( $body ) : str_starts_with( ltrim( $request->get_body() ), '[' ) ) ) {
			return self::invalid( array( self::problem( 'rest_invalid_json', __( 'The request body must be a JSON object.', 'infosec-policy' ) ) ), array( 'body' ) );
		}
		$errors = array();
		$params = array();
		foreach ( array_diff( $required, array_keys( $body ) ) as $missing ) {
			/* translators: %s: name of a field of the request body. */
			$errors[] = self::problem( 'rest_missing_callback_param', sprintf( __( 'The request body needs the field %s.', 'infosec-policy' ), $missing ) );
			$params[] = $missing;
		}
		foreach ( $body as $field => $value ) {
			$kind    = $types[ $field ] ?? null;
			$message = null === $kind ? null : self::type_error( (string) $field, $kind, $value );
			if ( null === $kind ) {
				/* translators: %s: name of a field of the request body. */
				$errors[] = self::problem( 'rest_additional_properties_forbidden', sprintf( __( '%s is not a field of this request.', 'infosec-policy' ), $field ) );
				$params[] = (string) $field;
			} elseif ( null !== $message ) {
				$errors[] = self::problem( 'rest_invalid_type', $message );
				$params[] = (string) $field;
			}
		}
		return array() === $errors ? $body : self::invalid( $errors, $params );
	}

	/**
	 * On `rest_pre_dispatch`, first: the JSON body of a request to one of the plugin's routes, as
	 * core decodes it, kept before anything can change it. Core casts the arguments it sanitizes
	 * ("1" to 1), and any filter may set a parameter, which lands in the same place; a stored
	 * policy must hold exactly what the client sent. Core decodes the body once either way: this
	 * keeps a large document from being decoded a second time.
	 *
	 * @param mixed                                  $result  What the dispatch has so far.
	 * @param \WP_REST_Server                        $server  The server.
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 * @return mixed The result, unchanged.
	 */
	public static function keep_sent( mixed $result, \WP_REST_Server $server, \WP_REST_Request $request ): mixed {
		if ( $request->is_json_content_type() && str_starts_with( $request->get_route(), '/' . Policy_Controller::NAMESPACE . '/' ) ) {
			self::$sent ??= new \WeakMap();
			// The array, not a reference: a later change to the request's copy leaves this one be.
			self::$sent[ $request ] = $request->get_json_params();
		} elseif ( null !== self::$sent ) {
			// A request dispatched again, with a body of another kind.
			unset( self::$sent[ $request ] );
		}
		return $result;
	}

	/**
	 * The body, decoded: the copy keep_sent() made, or the raw body decoded (a request that is not
	 * sent as JSON, or that a caller served without the server's dispatch).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	private static function decoded( \WP_REST_Request $request ): mixed {
		if ( null !== self::$sent && isset( self::$sent[ $request ] ) ) {
			return self::$sent[ $request ];
		}
		return json_decode( $request->get_body(), true, 512 );
	}

	/**
	 * A problem as people read it: "Mailchimp: Host name for the TLS check must be …" where the
	 * error names its field's label and entry (Field_Labels), else its path and reason.
	 *
	 * @param array{ path: string, message: string, label?: string, entry?: string } $error A problem.
	 */
	public static function in_words( array $error ): string {
		$label = (string) ( $error['label'] ?? '' );
		$entry = (string) ( $error['entry'] ?? '' );
		if ( '' === $label ) {
			return trim( ( '' === $error['path'] ? '' : $error['path'] . ' ' ) . $error['message'] );
		}
		return ( '' === $entry ? '' : $entry . ': ' ) . $label . ' ' . $error['message'];
	}

	/**
	 * The 400 response: every bad field with its path and reason, in core's `rest_invalid_param` shape.
	 *
	 * @param list<Problem> $errors Validation errors.
	 * @param list<string>  $params The request's fields they concern, for core's `params` list: the
	 *                              policy's own errors concern `policy`.
	 */
	public static function invalid( array $errors, array $params = array( 'policy' ) ): \WP_Error {
		$summary = array_map( array( self::class, 'in_words' ), $errors );
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: 1: the request's fields, 2: the list of problems found. */
			sprintf( __( 'Invalid parameter(s): %1$s. %2$s', 'infosec-policy' ), implode( ', ', array_unique( $params ) ), implode( ' ', array_slice( $summary, 0, 5 ) ) ),
			array(
				'status' => 400,
				'params' => array_fill_keys( array_unique( $params ), implode( ' ', $summary ) ),
				'errors' => $errors,
			)
		);
	}

	/**
	 * Why a field's value is not of its kind, or null when it is. An explicit null is a wrong type,
	 * not an absent field.
	 *
	 * @param string                            $field The field.
	 * @param 'revision'|'boolean'|'note'|'any' $kind  Its kind.
	 * @param mixed                             $value Its value.
	 */
	private static function type_error( string $field, string $kind, mixed $value ): ?string {
		switch ( $kind ) {
			case 'revision':
				/* translators: %s: name of a field of the request body. */
				return is_int( $value ) && $value >= 0 ? null : sprintf( __( '%s must be a whole number, 0 or more.', 'infosec-policy' ), $field );
			case 'boolean':
				/* translators: %s: name of a field of the request body. */
				return is_bool( $value ) ? null : sprintf( __( '%s must be true or false.', 'infosec-policy' ), $field );
			case 'note':
				/* translators: %s: name of a field of the request body. */
				return is_string( $value ) ? Change_Log::note_problem( $value, $field ) : sprintf( __( '%s must be a text.', 'infosec-policy' ), $field );
			default:
				return null;
		}
	}

	/**
	 * A problem of the body as a whole or of one of its top-level fields.
	 *
	 * @param string $code    Error code.
	 * @param string $message Why.
	 * @return Problem
	 */
	private static function problem( string $code, string $message ): array {
		return array(
			'path'    => '',
			'code'    => $code,
			'message' => $message,
		);
	}
}

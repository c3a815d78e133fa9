<?php
/**
 * The plugin's REST API.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * REST API, namespace `infosec-policy/v1`. A contract: tests outside the project use it.
 *
 *   GET  /policy         200 { policy, revision }
 *   PUT  /policy         { policy, revision } -> 200 { policy, revision } | 409 infosec_policy_conflict | 400 rest_invalid_param
 *   GET  /policy/export  the document as a JSON file download
 *   POST /policy/import  { policy, revision?, dryRun? } -> 200 { changes, saved, policy, revision } | 409 | 400
 *   GET  /policy/findings  200 { findings: [ { rule, severity, path, subject, message, action } ] }
 *
 * Every route needs `manage_options`: 401 for anonymous requests, 403 for other users. A cookie
 * request without a nonce counts as anonymous, and one with a bad nonce gets 403 (core's cookie check).
 * A 400 lists every bad field in `data.errors` as `{ path, code, message }`, and nothing is written.
 */
final class Rest_Controller {

	public const NAMESPACE = 'infosec-policy/v1';

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		$revision = array(
			'description' => __( 'The revision the client last read.', 'infosec-policy' ),
			'type'        => 'integer',
			'minimum'     => 0,
		);
		$policy   = array(
			'description' => __( 'The policy document, format version 1.', 'infosec-policy' ),
			'type'        => 'object',
		);

		register_rest_route(
			self::NAMESPACE,
			'/policy',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'get_policy' ),
					'permission_callback' => array( self::class, 'can_manage' ),
				),
				array(
					'methods'             => 'PUT',
					'callback'            => array( self::class, 'put_policy' ),
					'permission_callback' => array( self::class, 'can_manage' ),
					'args'                => array(
						'policy'   => $policy + array( 'required' => true ),
						'revision' => $revision + array( 'required' => true ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/policy/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'export_policy' ),
				'permission_callback' => array( self::class, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/policy/findings',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => static fn(): \WP_REST_Response => new \WP_REST_Response( array( 'findings' => Compliance_Checks::for_stored_policy() ) ),
				'permission_callback' => array( self::class, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			'/policy/import',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'import_policy' ),
				'permission_callback' => array( self::class, 'can_manage' ),
				'args'                => array(
					'policy'   => $policy + array( 'required' => true ),
					'revision' => $revision,
					'dryRun'   => array(
						'description' => __( 'Report what would change without saving.', 'infosec-policy' ),
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
	}

	/**
	 * Permission check of every route: administrators only.
	 *
	 * @return true|\WP_Error
	 */
	public static function can_manage(): bool|\WP_Error {
		if ( current_user_can( Admin_Page::CAPABILITY ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to manage the information security policy.', 'infosec-policy' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}

	/**
	 * GET /policy.
	 */
	public static function get_policy(): \WP_REST_Response {
		return new \WP_REST_Response( Policy_Store::get() );
	}

	/**
	 * PUT /policy.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function put_policy( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = self::json_body( $request, array( 'policy', 'revision' ), array( 'policy', 'revision' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$saved = self::validate_and_save( $body['policy'], (int) $body['revision'] );
		return is_wp_error( $saved ) ? $saved : new \WP_REST_Response( $saved );
	}

	/**
	 * GET /policy/export: the document alone, as a file to download.
	 */
	public static function export_policy(): \WP_REST_Response {
		$response = new \WP_REST_Response( Policy_Store::policy() );
		$response->header( 'Content-Disposition', 'attachment; filename="infosec-policy-' . gmdate( 'Y-m-d' ) . '.json"' );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * POST /policy/import: validated like PUT, all or nothing; with `dryRun`, only the changes.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function import_policy( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = self::json_body( $request, array( 'policy', 'revision', 'dryRun' ), array( 'policy' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$incoming = $body['policy'];
		$errors   = Policy_Validator::validate( $incoming );
		if ( array() !== $errors || ! is_array( $incoming ) ) {
			return self::invalid( $errors );
		}
		$current = Policy_Store::get();
		$changes = Policy_Diff::between( $current['policy'], $incoming );
		if ( true === ( $body['dryRun'] ?? false ) ) {
			return new \WP_REST_Response(
				array(
					'saved'    => false,
					'changes'  => $changes,
					'revision' => $current['revision'],
				)
			);
		}
		$saved = self::validate_and_save( $incoming, (int) ( $body['revision'] ?? $current['revision'] ) );
		return is_wp_error( $saved ) ? $saved : new \WP_REST_Response(
			$saved + array(
				'saved'   => true,
				'changes' => $changes,
			)
		);
	}

	/**
	 * Validates a document and saves it at the expected revision.
	 *
	 * @param mixed $policy   The incoming document.
	 * @param int   $revision The revision the client read.
	 * @return array{ policy: array<string, mixed>, revision: int }|\WP_Error
	 */
	private static function validate_and_save( mixed $policy, int $revision ): array|\WP_Error {
		$errors = Policy_Validator::validate( $policy );
		if ( array() !== $errors || ! is_array( $policy ) ) {
			return self::invalid( $errors );
		}
		$new_revision = Policy_Store::save( $policy, $revision );
		if ( is_wp_error( $new_revision ) ) {
			return $new_revision;
		}
		return array(
			'policy'   => $policy,
			'revision' => $new_revision,
		);
	}

	/**
	 * The JSON body, when it is a JSON object with only the allowed keys and the types the route's
	 * arguments declare (core has checked those).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request  The request.
	 * @param list<string>                           $allowed  Keys the route accepts.
	 * @param list<string>                           $required Keys the body must have.
	 * @return array<string, mixed>|\WP_Error
	 */
	private static function json_body( \WP_REST_Request $request, array $allowed, array $required ): array|\WP_Error {
		// The raw body, not get_json_params(): core has already cast the declared arguments there
		// ("1" to 1), and a stored policy must hold exactly what the client sent.
		$body = json_decode( $request->get_body(), true, 512 );
		if ( ! is_array( $body ) || ( array() !== $body && array_is_list( $body ) ) ) {
			return self::invalid(
				array(
					array(
						'path'    => '',
						'code'    => 'rest_invalid_json',
						'message' => __( 'The request body must be a JSON object.', 'infosec-policy' ),
					),
				)
			);
		}
		$errors = array();
		foreach ( array_diff( $required, array_keys( $body ) ) as $missing ) {
			$errors[] = array(
				'path'    => '',
				'code'    => 'rest_missing_callback_param',
				/* translators: %s: name of a field of the request body. */
				'message' => sprintf( __( 'The request body needs the field %s.', 'infosec-policy' ), $missing ),
			);
		}
		foreach ( array_diff( array_keys( $body ), $allowed ) as $unknown ) {
			$errors[] = array(
				'path'    => '',
				'code'    => 'rest_additional_properties_forbidden',
				/* translators: %s: name of a field of the request body. */
				'message' => sprintf( __( '%s is not a field of this request.', 'infosec-policy' ), $unknown ),
			);
		}
		// array_key_exists, not isset: an explicit null is a wrong type, not an absent field.
		if ( array_key_exists( 'revision', $body ) && ( ! is_int( $body['revision'] ) || $body['revision'] < 0 ) ) {
			$errors[] = array(
				'path'    => '',
				'code'    => 'rest_invalid_type',
				'message' => __( 'revision must be a whole number, 0 or more.', 'infosec-policy' ),
			);
		}
		if ( array_key_exists( 'dryRun', $body ) && ! is_bool( $body['dryRun'] ) ) {
			$errors[] = array(
				'path'    => '',
				'code'    => 'rest_invalid_type',
				'message' => __( 'dryRun must be true or false.', 'infosec-policy' ),
			);
		}
		return array() === $errors ? $body : self::invalid( $errors );
	}

	/**
	 * The 400 response: every bad field with its path and reason, in core's `rest_invalid_param` shape.
	 *
	 * @param list<array{ path: string, code: string, message: string }> $errors Validation errors.
	 */
	private static function invalid( array $errors ): \WP_Error {
		$summary = array_map(
			static fn( array $error ): string => trim( ( '' === $error['path'] ? '' : $error['path'] . ' ' ) . $error['message'] ),
			$errors
		);
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: %s: the list of problems found. */
			sprintf( __( 'Invalid parameter(s): policy. %s', 'infosec-policy' ), implode( ' ', array_slice( $summary, 0, 5 ) ) ),
			array(
				'status' => 400,
				'params' => array( 'policy' => implode( ' ', $summary ) ),
				'errors' => $errors,
			)
		);
	}
}

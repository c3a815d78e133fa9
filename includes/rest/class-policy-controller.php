<?php
/**
 * The plugin's REST API.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Admin\Admin_Page;
use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Diff;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;

defined( 'ABSPATH' ) || exit;

/**
 * REST API, namespace `infosec-policy/v1`. A contract: tests outside the project use it.
 *
 *   GET  /policy         200 { policy, revision }
 *   PUT  /policy         { policy, revision, changeNote?, changeInternal? } -> 200 { policy, revision, changeId, warnings? } | 409 infosec_policy_conflict | 400 rest_invalid_param
 *   GET  /policy/export  the document as a JSON file download
 *   POST /policy/import  { policy, revision?, dryRun?, changeNote?, changeInternal? } -> 200 { changes, saved, policy, revision } | 409 | 400
 *   GET  /policy/findings  200 { findings: [ { rule, severity, path, subject, message, action } ] }
 *
 * A save or import that changes the policy adds an entry to the change log (Change_Log), with the
 * optional public note and internal flag. `changeId` is that entry's id, null when nothing changed;
 * `warnings` says so when the policy was saved but the log could not record it. Change_Log_Controller
 * serves the log.
 *
 * Every route needs `manage_options`: 401 for anonymous requests, 403 for other users. A cookie
 * request without a nonce counts as anonymous, and one with a bad nonce gets 403 (core's cookie check).
 * A 400 lists every bad field in `data.errors` as `{ path, code, message }`, and nothing is written.
 */
final class Policy_Controller {

	public const NAMESPACE = 'infosec-policy/v1';

	/**
	 * The fields of a save (PUT /policy) and of an import, and their kinds.
	 */
	private const SAVE_FIELDS = array(
		'policy'         => 'any',
		'revision'       => 'revision',
		'changeNote'     => 'note',
		'changeInternal' => 'boolean',
	);

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
		$body = Request_Body::read( $request, self::SAVE_FIELDS, array( 'policy', 'revision' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$saved = self::validate_and_save( $body, 'save' );
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
		$body = Request_Body::read( $request, self::SAVE_FIELDS + array( 'dryRun' => 'boolean' ), array( 'policy' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$incoming = $body['policy'];
		$errors   = Policy_Validator::validate( $incoming );
		if ( array() !== $errors || ! is_array( $incoming ) ) {
			return Request_Body::invalid( $errors );
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
		$saved = self::validate_and_save( $body + array( 'revision' => $current['revision'] ), 'import' );
		return is_wp_error( $saved ) ? $saved : new \WP_REST_Response(
			$saved + array(
				'saved'   => true,
				'changes' => $changes,
			)
		);
	}

	/**
	 * Validates a document, saves it at the expected revision and records what changed in the log.
	 *
	 * @param array<string, mixed> $body   The request body: policy, revision, and the change's note and flag.
	 * @param 'save'|'import'      $source How the document came in.
	 * @return array{ policy: array<string, mixed>, revision: int, changeId: int|null, warnings?: list<string> }|\WP_Error
	 */
	private static function validate_and_save( array $body, string $source ): array|\WP_Error {
		$policy = $body['policy'] ?? null;
		$errors = Policy_Validator::validate( $policy );
		if ( array() !== $errors || ! is_array( $policy ) ) {
			return Request_Body::invalid( $errors );
		}
		$replaced     = null;
		$new_revision = Policy_Store::save( $policy, (int) ( $body['revision'] ?? 0 ), $replaced );
		if ( is_wp_error( $new_revision ) ) {
			return $new_revision;
		}
		// Compared with what the save replaced, as stored; the first save replaces nothing published
		// (not the default policy, whose address is the site's admin e-mail).
		$entry  = Change_Log::record( $replaced ?? array(), $policy, $new_revision, $source, (string) ( $body['changeNote'] ?? '' ), true === ( $body['changeInternal'] ?? false ) );
		$result = array(
			'policy'   => $policy,
			'revision' => $new_revision,
			'changeId' => false === $entry ? null : $entry,
		);
		if ( false === $entry ) {
			$result['warnings'] = array( __( 'The policy was saved, but its change could not be recorded in the change log.', 'infosec-policy' ) );
		}
		return $result;
	}
}

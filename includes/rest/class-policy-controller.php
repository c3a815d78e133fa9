<?php
/**
 * The plugin's REST API.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Admin\Admin_Page;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Diff;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Save_Result;
use InfosecPolicy\Subscribers\Notice_Preview;

defined( 'ABSPATH' ) || exit;

/**
 * REST API, namespace `infosec-policy/v1`. A contract: tests outside the project use it.
 *
 *   GET  /policy         200 { policy, revision }
 *   PUT  /policy         { policy, revision, changeNote?, changeInternal? } -> 200 { policy, revision, changeId, warnings? } | 409 infosec_policy_conflict | 400 rest_invalid_param
 *   POST /policy/preview { policy, revision, changeNote?, changeInternal? } -> 200 { lines, revision, recipients, email } | 409 | 400
 *   GET  /policy/export  the document as a JSON file download
 *   POST /policy/import  { policy, revision?, dryRun?, changeNote?, changeInternal? } -> 200 { changes, lines, saved, policy, revision } (a dry run: and recipients, email) | 409 | 400
 *   GET  /policy/findings  200 { findings: [ { key, rule, severity, path, subject, concerns: { kind, id }, message, action } ] }
 *
 * Saves and imports go through Policy_Service, which validates, saves with compare-and-swap and
 * adds an entry to the change log (Change_Log) for what changed, with the optional public note and
 * internal flag. `changeId` is that entry's id, null when nothing changed;
 * `recipients` is how many subscribers the change would be e-mailed to, and `email` (null when to
 * none) that e-mail as most of them would read it (Notice_Preview), so the page can say both
 * before the admin saves;
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
			'/policy/preview',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'preview_policy' ),
				'permission_callback' => array( self::class, 'can_manage' ),
				'args'                => array(
					'policy'   => $policy + array( 'required' => true ),
					'revision' => $revision + array( 'required' => true ),
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
		$stored = Policy_Store::get();
		// A document saved before the field: its texts are in the language a save would give it.
		if ( is_array( $stored['policy']['organization'] ?? null ) && ! isset( $stored['policy']['organization']['language'] ) ) {
			$stored['policy']['organization']['language'] = Policy_Store::language( $stored['policy'] );
		}
		return new \WP_REST_Response( $stored );
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
		$result = Policy_Service::save( $body['policy'], (int) $body['revision'], 'save', (string) ( $body['changeNote'] ?? '' ), true === ( $body['changeInternal'] ?? false ) );
		return $result->is_saved() ? new \WP_REST_Response( self::saved( $result ) ) : self::refusal( $result );
	}

	/**
	 * POST /policy/preview: what PUT /policy would change and whom it would e-mail, validated as
	 * the save is and refused as it would be, writing nothing.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function preview_policy( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = Request_Body::read( $request, self::SAVE_FIELDS, array( 'policy', 'revision' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$result = Policy_Service::preview( $body['policy'], 'save', (int) $body['revision'] );
		if ( Save_Result::PREVIEWED !== $result->status ) {
			return self::refusal( $result );
		}
		return new \WP_REST_Response(
			array(
				'lines'    => self::lines( $result ),
				'revision' => $result->revision,
			) + Notice_Preview::for_change( $result->policy, $result->items, (string) ( $body['changeNote'] ?? '' ), true === ( $body['changeInternal'] ?? false ) )
		);
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
	 * `changes` is the structural comparison with the document the import replaces (none before the
	 * first save), for scripts; `lines` is the same in words, as the change log words it.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function import_policy( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = Request_Body::read( $request, self::SAVE_FIELDS + array( 'dryRun' => 'boolean' ), array( 'policy' ) );
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		if ( true === ( $body['dryRun'] ?? false ) ) {
			$result = Policy_Service::preview( $body['policy'] );
			if ( Save_Result::PREVIEWED !== $result->status ) {
				return self::refusal( $result );
			}
			return new \WP_REST_Response(
				array(
					'saved'    => false,
					'changes'  => Policy_Diff::between( $result->replaced, $result->policy ),
					'lines'    => self::lines( $result ),
					'revision' => $result->revision,
				) + Notice_Preview::for_change( $result->policy, $result->items, (string) ( $body['changeNote'] ?? '' ), true === ( $body['changeInternal'] ?? false ) )
			);
		}
		$revision = array_key_exists( 'revision', $body ) ? (int) $body['revision'] : Policy_Store::get()['revision'];
		$result   = Policy_Service::save( $body['policy'], $revision, 'import', (string) ( $body['changeNote'] ?? '' ), true === ( $body['changeInternal'] ?? false ) );
		if ( ! $result->is_saved() ) {
			return self::refusal( $result );
		}
		return new \WP_REST_Response(
			self::saved( $result ) + array(
				'saved'   => true,
				'changes' => Policy_Diff::between( $result->replaced, $result->policy ),
				'lines'   => self::lines( $result ),
			)
		);
	}

	/**
	 * The body of a successful save.
	 *
	 * @param Save_Result $result A saved result.
	 * @return array{ policy: array<string, mixed>, revision: int, changeId: int|null, warnings?: list<string> }
	 */
	private static function saved( Save_Result $result ): array {
		$body = array(
			'policy'   => $result->policy,
			'revision' => $result->revision,
			'changeId' => $result->change_id,
		);
		if ( array() !== $result->warnings ) {
			$body['warnings'] = $result->warnings;
		}
		return $body;
	}

	/**
	 * A save that did not happen, as REST answers it: 400 naming every bad field, 409 or 500.
	 *
	 * @param Save_Result $result An unsaved result.
	 */
	private static function refusal( Save_Result $result ): \WP_Error {
		return $result->error ?? Request_Body::invalid( $result->errors );
	}

	/**
	 * What a save changes, or would, in words, in the request's language.
	 *
	 * @param Save_Result $result A saved or previewed result.
	 * @return list<string>
	 */
	private static function lines( Save_Result $result ): array {
		return Change_Sentences::sentences( $result->items );
	}
}

<?php
/**
 * The change log's REST API.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Changes\Change_Log;

defined( 'ABSPATH' ) || exit;

/**
 * REST API of the change log, namespace `infosec-policy/v1`:
 *
 *   GET  /changes?page=&per_page=  200 { entries, total, pages }, newest first, internal ones included
 *   POST /changes/<id>  { note?, internal? } -> 200 the entry | 404 infosec_policy_no_change | 400 rest_invalid_param
 *
 * An entry: { id, revision, date (ISO 8601, UTC), author, source ("save"|"import"), lines (the
 * changes in words, in the request's language), note, internal }. Every route needs
 * `manage_options`, like the policy's.
 */
final class Change_Log_Controller {

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/changes',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'list_changes' ),
				'permission_callback' => array( Policy_Controller::class, 'can_manage' ),
				'args'                => array(
					'page'     => array(
						'description' => __( 'Page of the log, from 1.', 'infosec-policy' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'default'     => 1,
					),
					'per_page' => array(
						'description' => __( 'Entries per page.', 'infosec-policy' ),
						'type'        => 'integer',
						'minimum'     => 1,
						'maximum'     => 100,
						'default'     => 20,
					),
				),
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/changes/(?P<id>[1-9][0-9]{0,18})',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'annotate_change' ),
				'permission_callback' => array( Policy_Controller::class, 'can_manage' ),
				'args'                => array(
					'note'     => array(
						'description' => __( 'A short public note about the change.', 'infosec-policy' ),
						'type'        => 'string',
						'maxLength'   => Change_Log::NOTE_MAX_LENGTH,
					),
					'internal' => array(
						'description' => __( 'Whether the change stays out of the published change log.', 'infosec-policy' ),
						'type'        => 'boolean',
					),
				),
			)
		);
	}

	/**
	 * GET /changes.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function list_changes( \WP_REST_Request $request ): \WP_REST_Response {
		$per_page = (int) $request->get_param( 'per_page' );
		$page     = Change_Log::page( (int) $request->get_param( 'page' ), $per_page );
		$response = new \WP_REST_Response(
			array(
				'entries' => array_map( array( Change_Log::class, 'worded' ), $page['entries'] ),
				'total'   => $page['total'],
				'pages'   => $page['pages'],
			)
		);
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) $page['pages'] );
		return $response;
	}

	/**
	 * POST /changes/<id>: sets the public note, the internal flag, or both.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function annotate_change( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = Request_Body::read(
			$request,
			array(
				'note'     => 'note',
				'internal' => 'boolean',
			),
			array()
		);
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$entry = Change_Log::get( (int) $request->get_param( 'id' ) );
		if ( null === $entry ) {
			return new \WP_Error( 'infosec_policy_no_change', __( 'There is no such change in the log.', 'infosec-policy' ), array( 'status' => 404 ) );
		}
		$note     = array_key_exists( 'note', $body ) ? (string) $body['note'] : $entry['note'];
		$internal = array_key_exists( 'internal', $body ) ? true === $body['internal'] : $entry['internal'];
		if ( ! Change_Log::annotate( $entry['id'], $note, $internal ) ) {
			return new \WP_Error( 'infosec_policy_storage_failed', __( 'The database did not accept the change. Nothing was saved.', 'infosec-policy' ), array( 'status' => 500 ) );
		}
		$updated = Change_Log::get( $entry['id'] );
		return new \WP_REST_Response( Change_Log::worded( $updated ?? $entry ) );
	}
}

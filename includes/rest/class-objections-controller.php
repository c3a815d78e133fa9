<?php
/**
 * The objections' REST API.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Objections\Objections;
use InfosecPolicy\Publish\Spreadsheet_File;

defined( 'ABSPATH' ) || exit;

/**
 * REST API of customers' objections to announced processors, namespace `infosec-policy/v1`, for
 * administrators (`manage_options`) only: objections hold customers' names, addresses and reasons.
 *
 *   GET   /objections?processorId=&status=&page=&per_page=  200 { objections, total, pages, counts }
 *   GET   /objections/export?processorId=&status=&excel=    200 text/csv
 *   PATCH /objections/<id>  { status?, note? }  200 the objection | 404 infosec_policy_no_objection | 400
 *
 * An objection: { id, processorId, processorName, email, organization, name, reason, status
 * ("open"|"answered"|"withdrawn"), note, locale, createdAt, updatedAt (ISO 8601, UTC) }. `counts`
 * gives each processor's number of objections by status, for the settings page's badges.
 *
 * @phpstan-import-type Objection from Objections
 */
final class Objections_Controller {

	/**
	 * The columns of the CSV export, in order.
	 */
	public const CSV_COLUMNS = array( 'id', 'processorId', 'processorName', 'email', 'organization', 'name', 'reason', 'status', 'note', 'createdAt', 'updatedAt' );

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		$manage  = array( Policy_Controller::class, 'can_manage' );
		$filters = array(
			'processorId' => array(
				'description' => __( 'Only the objections to this processor (its id).', 'infosec-policy' ),
				'type'        => 'string',
				'maxLength'   => 64,
				'pattern'     => '^([a-z0-9]+(-[a-z0-9]+)*)?$',
				'default'     => '',
			),
			'status'      => array(
				'description' => __( 'Only the objections with this status.', 'infosec-policy' ),
				'type'        => 'string',
				'enum'        => array_merge( array( '' ), Objections::STATUSES ),
				'default'     => '',
			),
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/objections',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'list_objections' ),
				'permission_callback' => $manage,
				'args'                => $filters + array(
					'page'     => array(
						'type'    => 'integer',
						'minimum' => 1,
						'default' => 1,
					),
					'per_page' => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 100,
						'default' => 20,
					),
				),
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/objections/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'export' ),
				'permission_callback' => $manage,
				'args'                => $filters + array(
					Spreadsheet_File::EXCEL_ARG => array(
						'description' => __( 'Whether to write the file as Excel opens it in any region: UTF-16 with tabs.', 'infosec-policy' ),
						'type'        => 'boolean',
						'default'     => false,
					),
				),
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/objections/(?P<id>[1-9][0-9]{0,18})',
			array(
				'methods'             => 'PATCH',
				'callback'            => array( self::class, 'answer' ),
				'permission_callback' => $manage,
			)
		);
	}

	/**
	 * GET /objections.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function list_objections( \WP_REST_Request $request ): \WP_REST_Response {
		$page     = Objections::query( (string) $request->get_param( 'processorId' ), (string) $request->get_param( 'status' ), (int) $request->get_param( 'page' ), (int) $request->get_param( 'per_page' ) );
		$response = new \WP_REST_Response(
			array(
				'objections' => array_map( array( self::class, 'data' ), $page['objections'] ),
				'total'      => $page['total'],
				'pages'      => $page['pages'],
				'counts'     => (object) Objections::counts(),
			)
		);
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) $page['pages'] );
		return $response;
	}

	/**
	 * GET /objections/export: every objection that matches, as CSV, sent as it is by serve_csv().
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function export( \WP_REST_Request $request ): \WP_REST_Response {
		$rows = array( self::CSV_COLUMNS );
		$page = 1;
		do {
			$found = Objections::query( (string) $request->get_param( 'processorId' ), (string) $request->get_param( 'status' ), $page, 500 );
			foreach ( $found['objections'] as $objection ) {
				$data   = self::data( $objection );
				$rows[] = array_map( static fn( string $column ): string => (string) $data[ $column ], self::CSV_COLUMNS );
			}
			++$page;
		} while ( $page <= $found['pages'] );
		return Spreadsheet_File::download( $rows, $request, 'objections.csv' );
	}

	/**
	 * Sends the export's CSV as it is: the REST server would send it as a JSON string. Filters
	 * `rest_pre_serve_request`.
	 *
	 * @param bool                                   $served  Whether the request was served already.
	 * @param \WP_HTTP_Response                      $result  The response.
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function serve_csv( bool $served, \WP_HTTP_Response $result, \WP_REST_Request $request ): bool {
		return Spreadsheet_File::serve( '/' . Policy_Controller::NAMESPACE . '/objections/export', $served, $result, $request );
	}

	/**
	 * PATCH /objections/<id>: the admin's answer, a status, a note, or both.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function answer( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$body = Request_Body::read(
			$request,
			array(
				'status' => 'any',
				'note'   => 'any',
			),
			array()
		);
		if ( is_wp_error( $body ) ) {
			return $body;
		}
		$problems = array();
		if ( array_key_exists( 'status', $body ) && ! in_array( $body['status'], Objections::STATUSES, true ) ) {
			$problems['status'] = array(
				'path'    => 'status',
				'code'    => 'rest_not_in_enum',
				/* translators: %s: the allowed statuses. */
				'message' => sprintf( __( 'must be one of: %s.', 'infosec-policy' ), implode( ', ', Objections::STATUSES ) ),
			);
		}
		if ( array_key_exists( 'note', $body ) && null !== self::note_problem( $body['note'] ) ) {
			$problems['note'] = array(
				'path'    => 'note',
				'code'    => 'rest_invalid_param',
				'message' => (string) self::note_problem( $body['note'] ),
			);
		}
		if ( array() !== $problems ) {
			return Request_Body::invalid( array_values( $problems ), array_keys( $problems ) );
		}
		$objection = Objections::get( (int) $request->get_param( 'id' ) );
		if ( null === $objection ) {
			return new \WP_Error( 'infosec_policy_no_objection', __( 'There is no such objection.', 'infosec-policy' ), array( 'status' => 404 ) );
		}
		$status  = array_key_exists( 'status', $body ) ? (string) $body['status'] : $objection['status'];
		$note    = array_key_exists( 'note', $body ) ? (string) $body['note'] : $objection['note'];
		$updated = Objections::answer( $objection['id'], $status, $note );
		if ( null === $updated ) {
			return new \WP_Error( 'infosec_policy_storage_failed', __( 'The database did not accept the change. Nothing was saved.', 'infosec-policy' ), array( 'status' => 500 ) );
		}
		return new \WP_REST_Response( self::data( $updated ) );
	}

	/**
	 * Why a note cannot be stored, or null: text of at most Objections::NOTE_MAX_LENGTH characters,
	 * without control characters other than line breaks. The reason follows the field's name
	 * ("note must be text."), which the caller gives as its callers know it.
	 *
	 * @param mixed $note The note sent.
	 */
	public static function note_problem( mixed $note ): ?string {
		if ( ! is_string( $note ) ) {
			return __( 'must be text.', 'infosec-policy' );
		}
		if ( mb_strlen( $note ) > Objections::NOTE_MAX_LENGTH ) {
			/* translators: %d: a number of characters. */
			return sprintf( __( 'must be at most %d characters long.', 'infosec-policy' ), Objections::NOTE_MAX_LENGTH );
		}
		if ( 1 !== preg_match( '//u', $note ) || 1 === preg_match( '/[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]/', $note ) ) {
			return __( 'must be plain text: no control characters other than line breaks.', 'infosec-policy' );
		}
		return null;
	}

	/**
	 * An objection as the API gives it.
	 *
	 * @param Objection $objection The objection.
	 * @return array<string, int|string>
	 */
	public static function data( array $objection ): array {
		return array(
			'id'            => $objection['id'],
			'processorId'   => $objection['processorId'],
			'processorName' => $objection['processorName'],
			'email'         => $objection['email'],
			'organization'  => $objection['organization'],
			'name'          => $objection['name'],
			'reason'        => $objection['reason'],
			'status'        => $objection['status'],
			'note'          => $objection['note'],
			'locale'        => $objection['locale'],
			'createdAt'     => gmdate( 'c', $objection['createdAt'] ),
			'updatedAt'     => gmdate( 'c', $objection['updatedAt'] ),
		);
	}
}

<?php
/**
 * REST routes for the subscribers.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Publish\Spreadsheet_File;
use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscriptions;

defined( 'ABSPATH' ) || exit;

/**
 * REST API, namespace `infosec-policy/v1`:
 *
 *   POST   /subscribers          { email, locale? }  public: 202 { message } | 400 rest_invalid_param | 429
 *   GET    /subscribers          ?status=confirmed|pending&page=&per_page=  200 { subscribers, total, pages }
 *   GET    /subscribers/summary  200 { subscribers: { confirmed, pending }, queue: { waiting, sending, sent, failed, gaveUp, notices } }
 *   GET    /subscribers/export   200 text/csv: every subscriber
 *   POST   /subscribers/import   { addresses?: string[], csv?: string, consentSource?: string, locale? }  200 { added, confirmed, pending, unchanged }
 *   DELETE /subscribers/<id>     200 { deleted: true, id } | 404
 *
 * POST /subscribers is public on purpose: it is what the subscribe form and any script of the
 * site's own do for a visitor, who has no account. It can do no more than send one confirmation
 * request to the address given (double opt-in), says the same whatever the address's state, and is
 * rate limited per client and per address (Subscriptions). Every other route is for administrators.
 */
final class Subscribers_Controller {

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		$manage = array( Policy_Controller::class, 'can_manage' );
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/subscribers',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( self::class, 'subscribe' ),
					// Public: a visitor's request, double opt-in and rate limited (see the class).
					'permission_callback' => '__return_true',
				),
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, 'list_subscribers' ),
					'permission_callback' => $manage,
					'args'                => array(
						'status'   => array(
							'type'    => 'string',
							'enum'    => array( '', 'confirmed', 'pending' ),
							'default' => '',
						),
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
				),
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/subscribers/summary',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'summary' ),
				'permission_callback' => $manage,
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/subscribers/export',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( self::class, 'export' ),
				'permission_callback' => $manage,
				'args'                => array(
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
			'/subscribers/import',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( self::class, 'import' ),
				'permission_callback' => $manage,
			)
		);
		register_rest_route(
			Policy_Controller::NAMESPACE,
			'/subscribers/(?P<id>\d+)',
			array(
				'methods'             => \WP_REST_Server::DELETABLE,
				'callback'            => array( self::class, 'remove' ),
				'permission_callback' => $manage,
			)
		);
	}

	/**
	 * POST /subscribers.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function subscribe( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$params = self::body( $request );
		if ( is_wp_error( $params ) ) {
			return $params;
		}
		if ( Subscriptions::from_another_site( (string) $request->get_header( 'sec_fetch_site' ), (string) $request->get_header( 'origin' ) ) ) {
			return new \WP_Error(
				'infosec_policy_cross_site',
				__( 'Subscribe with the form on this site: a page of another site cannot do it for you.', 'infosec-policy' ),
				array( 'status' => 403 )
			);
		}
		$result = Subscriptions::request( $params['email'] ?? null, $params['locale'] ?? null, Subscriptions::client_address(), 'rest' );
		if ( is_wp_error( $result ) ) {
			return Rate_Limited::answer( $result );
		}
		return new \WP_REST_Response( array( 'message' => __( 'If the address can receive e-mail, a message with a confirmation link is on its way. Nothing is sent until it is confirmed.', 'infosec-policy' ) ), 202 );
	}

	/**
	 * GET /subscribers.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function list_subscribers( \WP_REST_Request $request ): \WP_REST_Response {
		$page     = Subscribers::page( (string) $request['status'], (int) $request['page'], (int) $request['per_page'] );
		$response = new \WP_REST_Response( $page );
		$response->header( 'X-WP-Total', (string) $page['total'] );
		$response->header( 'X-WP-TotalPages', (string) $page['pages'] );
		return $response;
	}

	/**
	 * GET /subscribers/summary.
	 */
	public static function summary(): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'subscribers' => Subscribers::counts(),
				'queue'       => Delivery_Queue::counts(),
			)
		);
	}

	/**
	 * GET /subscribers/export: the list as CSV, sent as it is by serve_csv(); with `?excel=1`, in
	 * the form Excel opens in any region (Spreadsheet_File).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function export( \WP_REST_Request $request ): \WP_REST_Response {
		$rows = array( array( 'email', 'status', 'locale', 'requested_at', 'confirmed_at', 'consent_source' ) );
		foreach ( Subscribers::each() as $subscriber ) {
			$rows[] = array(
				$subscriber['email'],
				$subscriber['status'],
				$subscriber['locale'],
				gmdate( 'c', $subscriber['requestedAt'] ),
				null === $subscriber['confirmedAt'] ? '' : gmdate( 'c', $subscriber['confirmedAt'] ),
				$subscriber['consentSource'],
			);
		}
		return Spreadsheet_File::download( $rows, $request, 'subscribers.csv' );
	}

	/**
	 * Sends the export's CSV as it is: the REST server would send it as a JSON string. Filters
	 * `rest_pre_serve_request`.
	 *
	 * @param bool              $served  Whether the answer was sent already.
	 * @param \WP_HTTP_Response $result  The answer.
	 * @param \WP_REST_Request  $request The request.
	 * @return bool
	 *
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public static function serve_csv( bool $served, \WP_HTTP_Response $result, \WP_REST_Request $request ): bool {
		return Spreadsheet_File::serve( '/' . Policy_Controller::NAMESPACE . '/subscribers/export', $served, $result, $request );
	}

	/**
	 * POST /subscribers/import: JSON { addresses } or { csv }, or a text/csv body with the other
	 * fields as query arguments.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function import( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$type = (string) ( $request->get_content_type()['value'] ?? '' );
		if ( 'text/csv' === $type || 'text/plain' === $type ) {
			$fields = array(
				'csv'           => $request->get_body(),
				'consentSource' => $request->get_query_params()['consentSource'] ?? '',
				'locale'        => $request->get_query_params()['locale'] ?? get_locale(),
			);
		} else {
			$fields = Request_Body::read(
				$request,
				array(
					'addresses'     => 'any',
					'csv'           => 'any',
					'consentSource' => 'any',
					'locale'        => 'any',
				),
				array()
			);
			if ( is_wp_error( $fields ) ) {
				return $fields;
			}
		}
		$addresses = $fields['addresses'] ?? null;
		$csv       = $fields['csv'] ?? null;
		$field     = null !== $csv ? 'csv' : 'addresses';
		if ( ( null === $addresses ) === ( null === $csv ) || ( null !== $addresses && ( ! is_array( $addresses ) || ! array_is_list( $addresses ) || array() !== array_filter( $addresses, static fn( $a ): bool => ! is_string( $a ) ) ) ) || ( null !== $csv && ! is_string( $csv ) ) ) {
			return Request_Body::invalid(
				array(
					array(
						'path'    => '',
						'code'    => 'rest_invalid_type',
						'message' => __( 'The request needs either addresses, a list of e-mail addresses, or csv, the text of a CSV file.', 'infosec-policy' ),
					),
				),
				array( $field )
			);
		}
		$consent = $fields['consentSource'] ?? '';
		$locale  = $fields['locale'] ?? get_locale();
		if ( ! is_string( $consent ) || ! is_string( $locale ) ) {
			return Request_Body::invalid(
				array(
					array(
						'path'    => '',
						'code'    => 'rest_invalid_type',
						'message' => __( 'consentSource and locale must be texts.', 'infosec-policy' ),
					),
				),
				array( is_string( $consent ) ? 'locale' : 'consentSource' )
			);
		}
		$emails = is_string( $csv ) ? Subscriptions::addresses_from_csv( $csv ) : array_values( array_map( 'strval', (array) $addresses ) );
		$report = Subscriptions::import( $emails, trim( $consent ), $locale, $field );
		return is_wp_error( $report ) ? $report : new \WP_REST_Response( $report );
	}

	/**
	 * DELETE /subscribers/<id>.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function remove( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$id = (int) $request['id'];
		if ( ! Subscribers::remove( $id ) ) {
			return new \WP_Error( 'infosec_policy_subscriber_not_found', __( 'There is no subscriber with this id.', 'infosec-policy' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response(
			array(
				'deleted' => true,
				'id'      => $id,
			)
		);
	}

	/**
	 * The fields of a subscribe request: a JSON object, or a form's fields.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 * @return array<string, mixed>|\WP_Error
	 */
	private static function body( \WP_REST_Request $request ): array|\WP_Error {
		if ( $request->is_json_content_type() ) {
			return Request_Body::read(
				$request,
				array(
					'email'  => 'any',
					'locale' => 'any',
				),
				array()
			);
		}
		return array_intersect_key( $request->get_body_params(), array_flip( array( 'email', 'locale' ) ) );
	}
}

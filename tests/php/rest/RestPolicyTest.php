<?php
/**
 * The REST API: infosec-policy/v1/policy, /policy/export and /policy/import.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The REST contract: permissions, saves, conflicts, invalid input, export and import.
 */
final class RestPolicyTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * Saves the demo policy as the starting point and returns its revision.
	 */
	private function save_demo(): int {
		$response = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $this->demo_policy(),
				'revision' => 0,
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return (int) $response->get_data()['revision'];
	}

	/**
	 * Every route with a request that an administrator may make.
	 *
	 * @return array<string, array{ string, string, mixed }>
	 */
	public static function routes(): array {
		return array(
			'GET /policy'          => array( 'GET', '/policy', null ),
			'PUT /policy'          => array(
				'PUT',
				'/policy',
				array(
					'policy'   => Policy_Store::default_policy(),
					'revision' => 0,
				),
			),
			'POST /policy/preview' => array(
				'POST',
				'/policy/preview',
				array(
					'policy'   => Policy_Store::default_policy(),
					'revision' => 0,
				),
			),
			'GET /policy/export'   => array( 'GET', '/policy/export', null ),
			'POST /policy/import'  => array(
				'POST',
				'/policy/import',
				array(
					'policy' => Policy_Store::default_policy(),
					'dryRun' => true,
				),
			),
		);
	}

	/**
	 * Anonymous visitors get 401 and write nothing.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route.
	 * @param mixed  $body   JSON body.
	 */
	#[DataProvider( 'routes' )]
	public function test_anonymous_requests_get_401( string $method, string $route, mixed $body ): void {
		wp_set_current_user( 0 );
		$response = $this->rest( $method, $route, $body );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'rest_forbidden', $response->get_data()['code'] );
		$this->assertNull( $this->stored_raw() );
	}

	/**
	 * Subscribers and editors get 403 and write nothing.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route.
	 * @param mixed  $body   JSON body.
	 */
	#[DataProvider( 'routes' )]
	public function test_users_without_manage_options_get_403( string $method, string $route, mixed $body ): void {
		foreach ( array( 'subscriber', 'editor', 'author' ) as $role ) {
			wp_set_current_user( $this->create_user( $role ) );
			$this->assertSame( 403, $this->rest( $method, $route, $body )->get_status(), $role );
		}
		$this->assertNull( $this->stored_raw() );
	}

	/**
	 * Administrators get 200.
	 *
	 * @param string $method HTTP method.
	 * @param string $route  Route.
	 * @param mixed  $body   JSON body.
	 */
	#[DataProvider( 'routes' )]
	public function test_administrators_get_200( string $method, string $route, mixed $body ): void {
		$this->assertSame( 200, $this->rest( $method, $route, $body )->get_status() );
	}

	public function test_get_returns_the_default_policy_at_revision_0_before_any_save(): void {
		$data = $this->rest( 'GET', '/policy' )->get_data();
		$this->assertSame( 0, $data['revision'] );
		$this->assertSame( Policy_Store::default_policy(), $data['policy'] );
	}

	public function test_put_saves_and_get_returns_the_saved_document(): void {
		$this->assertSame( 1, $this->save_demo() );
		$data = $this->rest( 'GET', '/policy' )->get_data();
		$this->assertSame( 1, $data['revision'] );
		$this->assertSame( $this->demo_policy(), $data['policy'] );
	}

	public function test_each_save_raises_the_revision_by_one(): void {
		$revision = $this->save_demo();
		$policy   = $this->demo_policy();
		foreach ( array( 2, 3 ) as $expected ) {
			$policy['organization']['name'] = "Name $expected";
			$response                       = $this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $policy,
					'revision' => $revision,
				)
			);
			$revision                       = (int) $response->get_data()['revision'];
			$this->assertSame( $expected, $revision );
		}
	}

	public function test_rejects_a_stale_revision_with_409_and_changes_nothing(): void {
		$revision                       = $this->save_demo();
		$before                         = $this->stored_raw();
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = 'Overwritten';
		$response                       = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $policy,
				'revision' => $revision - 1,
			)
		);
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'infosec_policy_conflict', $response->get_data()['code'] );
		$this->assertSame( $revision, $response->get_data()['data']['revision'] );
		$this->assertSame( $before, $this->stored_raw() );

		$preview = $this->rest(
			'POST',
			'/policy/preview',
			array(
				'policy'   => $policy,
				'revision' => $revision - 1,
			)
		);
		$this->assertSame( 409, $preview->get_status(), 'the preview before the save says so first' );
		$this->assertSame( $response->get_data(), $preview->get_data() );
	}

	public function test_rejects_an_invalid_document_with_400_naming_each_field_and_changes_nothing(): void {
		$revision                               = $this->save_demo();
		$before                                 = $this->stored_raw();
		$policy                                 = $this->demo_policy();
		$policy['processors'][1]['country']     = 'XX';
		$policy['processors'][2]['securityUrl'] = 'javascript:alert(1)';
		$response                               = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $policy,
				'revision' => $revision,
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$errors = $response->get_data()['data']['errors'];
		$this->assertSame( array( 'processors[1].country', 'processors[2].securityUrl' ), array_column( $errors, 'path' ) );
		$this->assertArrayHasKey( 'policy', $response->get_data()['data']['params'] );
		$this->assertSame( $before, $this->stored_raw() );

		$preview = $this->rest(
			'POST',
			'/policy/preview',
			array(
				'policy'   => $policy,
				'revision' => $revision,
			)
		);
		$this->assertSame( 400, $preview->get_status(), 'the preview before the save names the same fields' );
		$this->assertSame( $errors, $preview->get_data()['data']['errors'] );
	}

	public function test_a_save_stores_what_the_client_sent_whatever_other_code_sets_on_the_request(): void {
		// Another plugin's filter, as a multilingual plugin sets the language of every request.
		$meddle = static function ( mixed $response, array $handler, \WP_REST_Request $request ): mixed {
			$request->set_param( 'lang', 'nl' );
			$request->set_param( 'policy', array( 'formatVersion' => 'meddled' ) );
			return $response;
		};
		add_filter( 'rest_request_before_callbacks', $meddle, 10, 3 );
		try {
			$this->save_demo();
		} finally {
			remove_filter( 'rest_request_before_callbacks', $meddle, 10 );
		}
		$this->assertSame( $this->demo_policy(), Policy_Store::policy() );

		// Core casts the arguments it sanitizes ("1" to 1); the save refuses what the client sent.
		$response = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $this->demo_policy(),
				'revision' => '1',
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array( 'revision' ), array_keys( $response->get_data()['data']['params'] ) );
	}

	/**
	 * Request bodies whose envelope is wrong.
	 *
	 * @return array<string, array{ mixed }>
	 */
	public static function bad_envelopes(): array {
		$policy = Policy_Store::default_policy();
		return array(
			'revision missing'     => array( array( 'policy' => $policy ) ),
			'revision as a string' => array(
				array(
					'policy'   => $policy,
					'revision' => '0',
				),
			),
			'revision negative'    => array(
				array(
					'policy'   => $policy,
					'revision' => -1,
				),
			),
			'policy missing'       => array( array( 'revision' => 0 ) ),
			'policy as a string'   => array(
				array(
					'policy'   => 'x',
					'revision' => 0,
				),
			),
			'unknown field'        => array(
				array(
					'policy'   => $policy,
					'revision' => 0,
					'force'    => true,
				),
			),
			'body is a list'       => array( array( 1, 2, 3 ) ),
			'revision null'        => array(
				array(
					'policy'   => $policy,
					'revision' => null,
				),
			),
		);
	}

	/**
	 * A bad envelope gets 400 and writes nothing.
	 *
	 * @param mixed $body JSON body.
	 */
	#[DataProvider( 'bad_envelopes' )]
	public function test_rejects_a_bad_request_envelope_with_400( mixed $body ): void {
		$response = $this->rest( 'PUT', '/policy', $body );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertNull( $this->stored_raw() );
	}

	public function test_a_body_that_is_not_json_gets_400(): void {
		$request = new \WP_REST_Request( 'PUT', '/infosec-policy/v1/policy' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{"policy": {' );
		$this->assertSame( 400, rest_get_server()->dispatch( $request )->get_status() );
		$this->assertNull( $this->stored_raw() );
	}

	public function test_export_downloads_the_document_as_a_json_file(): void {
		$this->save_demo();
		$response = $this->rest( 'GET', '/policy/export' );
		$this->assertMatchesRegularExpression( '/^attachment; filename="infosec-policy-\d{4}-\d{2}-\d{2}\.json"$/', $response->get_headers()['Content-Disposition'] );
		$this->assertSame( $this->demo_policy(), $response->get_data() );
		$this->assertSame( 1, $response->get_data()['formatVersion'] );
	}

	public function test_import_dry_run_reports_the_changes_and_writes_nothing(): void {
		$revision = $this->save_demo();
		$before   = $this->stored_raw();
		$incoming = $this->demo_policy();
		array_splice( $incoming['processors'], 2, 1 );
		$incoming['processors'][1]['transferBasis'] = 'dpf';
		$incoming['processors'][]                   = array_merge(
			$incoming['processors'][1],
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			)
		);
		$incoming['measures']                       = array_reverse( $incoming['measures'] );

		$response = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $incoming,
				'revision' => $revision,
				'dryRun'   => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertFalse( $data['saved'] );
		$this->assertSame(
			array(
				array(
					'id'    => 'brevo',
					'label' => 'Brevo',
				),
			),
			$data['changes']['processors']['added']
		);
		$this->assertSame( array( 'google-analytics' ), array_column( $data['changes']['processors']['removed'], 'id' ) );
		$this->assertSame(
			array(
				array(
					'id'     => 'mailchimp',
					'label'  => 'Mailchimp',
					'fields' => array( 'transferBasis' ),
				),
			),
			$data['changes']['processors']['changed']
		);
		$this->assertTrue( $data['changes']['measures']['reordered'] );
		$this->assertSame( array(), $data['changes']['organization'] );
		$this->assertSame( $before, $this->stored_raw() );
	}

	public function test_the_dry_run_words_the_changes_as_the_change_log_will(): void {
		$revision                                   = $this->save_demo();
		$incoming                                   = $this->demo_policy();
		$incoming['processors'][1]['transferBasis'] = 'scc';
		$incoming['site']['firewallPorts']          = array( 443 );
		$incoming['processors'][]                   = array_merge(
			$incoming['processors'][1],
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			)
		);
		$body                                       = array(
			'policy'   => $incoming,
			'revision' => $revision,
		);

		$preview = $this->rest( 'POST', '/policy/import', $body + array( 'dryRun' => true ) )->get_data();
		$this->assertContains( 'Added processor Brevo (Nieuwsbrief, United States)', $preview['lines'] );
		$this->assertContains( 'Changed the open firewall ports of the website from 80, 443, 25 to 443', $preview['lines'] );
		$this->assertStringNotContainsString( 'firewallPorts', implode( ' ', $preview['lines'] ), 'no raw field names' );

		$imported = $this->rest( 'POST', '/policy/import', $body )->get_data();
		$this->assertSame( $preview['lines'], $imported['lines'] );
		$this->assertSame( $preview['lines'], $this->rest( 'GET', '/changes' )->get_data()['entries'][0]['lines'] );
	}

	public function test_import_saves_all_or_nothing(): void {
		$revision                          = $this->save_demo();
		$before                            = $this->stored_raw();
		$incoming                          = $this->demo_policy();
		$incoming['organization']['name']  = 'Imported';
		$incoming['processors'][2]['host'] = 'not a host';

		$rejected = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $incoming,
				'revision' => $revision,
			)
		);
		$this->assertSame( 400, $rejected->get_status() );
		$this->assertSame( $before, $this->stored_raw() );

		$incoming['processors'][2]['host'] = 'analytics.google.com';
		$accepted                          = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $incoming,
				'revision' => $revision,
			)
		);
		$this->assertSame( 200, $accepted->get_status() );
		$this->assertTrue( $accepted->get_data()['saved'] );
		$this->assertSame( $revision + 1, $accepted->get_data()['revision'] );
		$this->assertSame( array( 'name' ), $accepted->get_data()['changes']['organization'] );
		$this->assertSame( 'Imported', Policy_Store::policy()['organization']['name'] );
	}

	public function test_import_with_dry_run_null_is_rejected_not_saved(): void {
		$this->save_demo();
		$before                           = $this->stored_raw();
		$incoming                         = $this->demo_policy();
		$incoming['organization']['name'] = 'Not a dry run';
		foreach ( array( null, 'true', 1 ) as $dry_run ) {
			$response = $this->rest(
				'POST',
				'/policy/import',
				array(
					'policy' => $incoming,
					'dryRun' => $dry_run,
				)
			);
			$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $dry_run ) );
		}
		$this->assertSame( $before, $this->stored_raw() );
	}

	public function test_import_reports_no_change_for_the_same_document_with_keys_in_another_order(): void {
		$revision = $this->save_demo();
		$sort     = static function ( mixed $value ) use ( &$sort ): mixed {
			if ( ! is_array( $value ) ) {
				return $value;
			}
			$value = array_map( $sort, $value );
			if ( ! array_is_list( $value ) ) {
				krsort( $value );
			}
			return $value;
		};
		$response = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $sort( $this->demo_policy() ),
				'revision' => $revision,
				'dryRun'   => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertFalse( $response->get_data()['changes']['hasChanges'], (string) wp_json_encode( $response->get_data()['changes'] ) );
		$this->assertSame( array(), $response->get_data()['lines'] );
	}

	public function test_a_body_nested_deeper_than_json_allows_gets_400(): void {
		$request = new \WP_REST_Request( 'PUT', '/infosec-policy/v1/policy' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( '{"policy":' . str_repeat( '[', 600 ) . str_repeat( ']', 600 ) . ',"revision":0}' );
		$this->assertSame( 400, rest_get_server()->dispatch( $request )->get_status() );
		$this->assertNull( $this->stored_raw() );
	}

	public function test_import_with_a_stale_revision_gets_409(): void {
		$revision = $this->save_demo();
		$before   = $this->stored_raw();
		$response = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $this->demo_policy(),
				'revision' => $revision + 5,
			)
		);
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( $before, $this->stored_raw() );
	}

	public function test_the_stored_value_always_passes_the_schema(): void {
		$this->save_demo();
		$this->assertSame( array(), Policy_Validator::validate( Policy_Store::policy() ) );
		$stored = maybe_unserialize( (string) $this->stored_raw() );
		$this->assertIsArray( $stored );
		$this->assertSame( array(), Policy_Validator::validate( $stored['policy'] ) );
	}
}

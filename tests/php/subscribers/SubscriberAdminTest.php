<?php
/**
 * The administrators' side of the subscribers: REST import, list, export, removal; tokens,
 * expiry and WordPress's personal data tools.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscriptions;

/**
 * What an administrator does with the list, and what the list keeps.
 */
final class SubscriberAdminTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	public function test_an_import_of_json_addresses_with_a_consent_source_confirms_them_without_mail(): void {
		$response = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses'     => array( 'A@example.com', 'b@example.com', 'a@example.com' ),
				'consentSource' => 'Customer portal opt-in',
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame(
			array(
				'added'     => 2,
				'confirmed' => 2,
				'pending'   => 0,
				'unchanged' => 0,
			),
			$response->get_data()
		);
		$this->assertSame( 'import: Customer portal opt-in', Subscribers::find( 'a@example.com' )['consentSource'] ?? null );
		$this->assertSame( 0, Delivery_Queue::counts()['waiting'] );
	}

	public function test_an_import_of_a_csv_export_without_consent_queues_a_confirmation_for_each_new_address(): void {
		$this->assertNotNull( Subscribers::add( 'known@example.com', 'en_US', 'confirmed', 'form' ) );
		$csv = "\xEF\xBB\xBF\"Email Address\";\"First Name\"\r\n\"new1@example.com\";\"N\"\r\n\"known@example.com\";\"K\"\r\n\"new2@example.com\";\"M\"\r\n";

		$response = $this->rest( 'POST', '/subscribers/import', array( 'csv' => $csv ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 2, $response->get_data()['pending'] );
		$this->assertSame( 1, $response->get_data()['unchanged'] );
		$this->assertSame( 'confirmed', Subscribers::find( 'known@example.com' )['status'] ?? null, 'a known address stays as it is' );
		$this->assertSame( 2, Delivery_Queue::counts()['waiting'] );
	}

	public function test_an_import_with_one_bad_address_names_its_place_and_adds_none(): void {
		$response = $this->rest( 'POST', '/subscribers/import', array( 'addresses' => array( 'good@example.com', "bad@example.com\r\nBcc: x@example.org" ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array( 'addresses' ), array_keys( $response->get_data()['data']['params'] ) );
		$this->assertStringContainsString( 'addresses[1]', $response->get_data()['data']['params']['addresses'] );
		$this->assertNull( Subscribers::find( 'good@example.com' ) );
	}

	public function test_an_import_of_more_than_five_thousand_addresses_is_refused_whole_with_413(): void {
		$addresses = array_map( static fn( int $i ): string => "many$i@example.com", range( 1, Subscriptions::IMPORT_LIMIT + 1 ) );
		$response  = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses'     => $addresses,
				'consentSource' => 'test',
			)
		);

		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'infosec_policy_too_many_addresses', $response->get_data()['code'] );
		$this->assertSame( array( 'addresses' ), array_keys( $response->get_data()['data']['params'] ) );
		$this->assertStringContainsString( '5000', $response->get_data()['message'] );
		$this->assertSame( 0, array_sum( Subscribers::counts() ) );
	}

	public function test_an_import_the_database_fails_half_way_writes_no_row_and_queues_no_email(): void {
		global $wpdb;
		$table  = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$writes = 0;
		$fail   = static function ( string $query ) use ( $table, &$writes ): string {
			if ( str_starts_with( ltrim( $query ), "INSERT INTO `{$table}`" ) && 3 === ++$writes ) {
				return 'INSERT INTO infosec_policy_no_such_table (id) VALUES (1)';
			}
			return $query;
		};
		add_filter( 'query', $fail );
		$response = $this->rest( 'POST', '/subscribers/import', array( 'addresses' => array( 'a1@example.com', 'a2@example.com', 'a3@example.com', 'a4@example.com' ) ) );
		remove_filter( 'query', $fail );

		$this->assertSame( 3, $writes, 'the third insert failed' );
		$this->assertSame( 500, $response->get_status() );
		$this->assertSame( 0, array_sum( Subscribers::counts() ), 'the two rows written before it are gone' );
		$deliveries = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$this->assertSame( '0', $wpdb->get_var( "SELECT COUNT(*) FROM {$deliveries}" ), 'and so are their queued e-mails' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.
	}

	public function test_import_errors_are_filed_under_the_field_they_are_about(): void {
		$consent = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses'     => array( 'a@example.com' ),
				'consentSource' => "two\nlines",
			)
		);
		$locale  = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses' => array( 'a@example.com' ),
				'locale'    => 'xx_XX',
			)
		);

		$this->assertSame( 400, $consent->get_status() );
		$this->assertSame( array( 'consentSource' ), array_keys( $consent->get_data()['data']['params'] ) );
		$this->assertSame( 400, $locale->get_status() );
		$this->assertSame( array( 'locale' ), array_keys( $locale->get_data()['data']['params'] ) );
		$this->assertNull( Subscribers::find( 'a@example.com' ) );
	}

	public function test_an_import_needs_one_list_and_names_what_is_wrong(): void {
		$neither = $this->rest( 'POST', '/subscribers/import', array( 'consentSource' => 'x' ) );
		$both    = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses' => array(),
				'csv'       => '',
			)
		);
		$extra   = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses' => array( 'a@example.com' ),
				'everyone'  => true,
			)
		);
		$source  = $this->rest(
			'POST',
			'/subscribers/import',
			array(
				'addresses'     => array( 'a@example.com' ),
				'consentSource' => "two\nlines",
			)
		);

		foreach ( array( $neither, $both, $extra, $source ) as $response ) {
			$this->assertSame( 400, $response->get_status() );
			$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		}
		$this->assertArrayHasKey( 'everyone', $extra->get_data()['data']['params'] );
		$this->assertNull( Subscribers::find( 'a@example.com' ) );
	}

	public function test_a_page_past_the_last_is_empty_however_large_its_number(): void {
		$this->assertNotNull( Subscribers::add( 'only@example.com', 'en_US', 'confirmed', 'test' ) );
		foreach ( array( 2, PHP_INT_MAX ) as $number ) {
			$page = $this->get( '/subscribers', array( 'page' => (string) $number ) );
			$this->assertSame( 200, $page->get_status(), (string) $number );
			$this->assertSame( array(), $page->get_data()['subscribers'], "page $number is not page 1" );
			$this->assertSame( 1, $page->get_data()['total'] );
		}
	}

	public function test_the_list_pages_and_filters_and_delete_removes_one(): void {
		for ( $i = 1; $i <= 3; $i++ ) {
			$this->assertNotNull( Subscribers::add( "c$i@example.com", 'en_US', 'confirmed', 'test' ) );
		}
		$pending = Subscribers::add( 'p@example.com', 'nl_NL', 'pending', 'form' );
		$this->assertNotNull( $pending );

		$page      = $this->get(
			'/subscribers',
			array(
				'per_page' => 2,
				'page'     => 1,
			)
		);
		$confirmed = $this->get( '/subscribers', array( 'status' => 'confirmed' ) );
		$deleted   = $this->rest( 'DELETE', '/subscribers/' . $pending['id'] );
		$again     = $this->rest( 'DELETE', '/subscribers/' . $pending['id'] );

		$this->assertSame( 4, $page->get_data()['total'] );
		$this->assertSame( 2, $page->get_data()['pages'] );
		$this->assertSame( array( 'p@example.com', 'c3@example.com' ), array_column( $page->get_data()['subscribers'], 'email' ) );
		$this->assertSame( 3, $confirmed->get_data()['total'] );
		$this->assertSame( 200, $deleted->get_status() );
		$this->assertSame( 404, $again->get_status() );
		$this->assertSame(
			array(
				'confirmed' => 3,
				'pending'   => 0,
			),
			$this->rest( 'GET', '/subscribers/summary' )->get_data()['subscribers']
		);
	}

	public function test_the_export_is_csv_with_every_subscriber_and_defused_formulas(): void {
		$this->assertNotNull( Subscribers::add( 'a@example.com', 'en_US', 'confirmed', '=HYPERLINK("http://evil.example")' ) );
		$this->assertNotNull( Subscribers::add( 'b@example.com', 'nl_NL', 'pending', 'form' ) );

		$response = $this->rest( 'GET', '/subscribers/export' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$lines = explode( "\r\n", trim( (string) $response->get_data() ) );
		$this->assertCount( 3, $lines );
		$this->assertSame( '"email","status","locale","requested_at","confirmed_at","consent_source"', $lines[0] );
		$this->assertStringStartsWith( '"a@example.com","confirmed","en_US",', $lines[1] );
		$this->assertStringEndsWith( '"\'=HYPERLINK(""http://evil.example"")"', $lines[1] );
		$this->assertStringStartsWith( '"b@example.com","pending","nl_NL",', $lines[2] );
	}

	public function test_a_token_works_for_its_subscriber_and_purpose_only(): void {
		$one = Subscribers::add( 'one@example.com', 'en_US', 'pending', 'form' );
		$two = Subscribers::add( 'two@example.com', 'en_US', 'pending', 'form' );
		$this->assertNotNull( $one );
		$this->assertNotNull( $two );
		$token = Subscriber_Tokens::token( 'confirm', $one );

		$this->assertTrue( Subscriber_Tokens::verify( 'confirm', $one, $token ) );
		$this->assertFalse( Subscriber_Tokens::verify( 'confirm', $two, $token ) );
		$this->assertFalse( Subscriber_Tokens::verify( 'unsubscribe', $one, $token ) );
		$this->assertFalse( Subscriber_Tokens::verify( 'confirm', $one, '' ) );
		$this->assertTrue( Subscribers::remove( $one['id'] ) );
		$again = Subscribers::add( 'one@example.com', 'en_US', 'pending', 'form' );
		$this->assertNotNull( $again );
		$this->assertFalse( Subscriber_Tokens::verify( 'confirm', $again, $token ), 'the old link dies with the old row' );
	}

	public function test_a_pending_address_expires_after_seven_days_and_cannot_be_confirmed_then(): void {
		global $wpdb;
		$old = Subscribers::add( 'old@example.com', 'en_US', 'pending', 'form' );
		$new = Subscribers::add( 'new@example.com', 'en_US', 'pending', 'form' );
		$this->assertNotNull( $old );
		$this->assertNotNull( $new );
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET requested_at = %s WHERE id = %d", gmdate( 'Y-m-d H:i:s', time() - 8 * DAY_IN_SECONDS ), $old['id'] ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.

		$this->assertFalse( Subscribers::confirm( $old['id'] ) );
		$this->assertSame( 1, Subscribers::purge_expired() );

		$this->assertNull( Subscribers::get( $old['id'] ) );
		$this->assertNotNull( Subscribers::get( $new['id'] ) );
		$this->assertTrue( Subscribers::confirm( $new['id'] ) );
	}

	public function test_the_personal_data_exporter_and_eraser_include_the_subscription(): void {
		$this->assertNotNull( Subscribers::add( 'person@example.com', 'nl_NL', 'confirmed', 'form' ) );
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$erasers   = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertArrayHasKey( 'infosec-policy-subscribers', $exporters );
		$this->assertArrayHasKey( 'infosec-policy-subscribers', $erasers );

		$export = call_user_func( $exporters['infosec-policy-subscribers']['callback'], 'Person@Example.com', 1 );
		$none   = call_user_func( $exporters['infosec-policy-subscribers']['callback'], 'nobody@example.com', 1 );
		$erased = call_user_func( $erasers['infosec-policy-subscribers']['callback'], 'person@example.com', 1 );

		$values = array_column( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'person@example.com', $values['E-mail address'] );
		$this->assertSame( 'Confirmed', $values['Status'] );
		$this->assertSame( 'nl_NL', $values['Language'] );
		$this->assertSame( array(), $none['data'] );
		$this->assertTrue( $erased['items_removed'] );
		$this->assertNull( Subscribers::find( 'person@example.com' ) );
	}

	public function test_the_table_keeps_only_what_the_privacy_promise_allows(): void {
		global $wpdb;
		$_SERVER['REMOTE_ADDR'] = '127.0.0.77';
		wp_set_current_user( 0 );
		$this->rest( 'POST', '/subscribers', array( 'email' => 'private@example.com' ) );
		$requests = Subscriber_Tables::name( Subscriber_Tables::REQUESTS );
		$request  = $wpdb->get_row( "SELECT * FROM {$requests} WHERE email = 'private@example.com'", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.
		$this->assertSame( array( 'id', 'email', 'locale', 'source', 'processor_id', 'requested_at' ), array_keys( (array) $request ), 'the request waiting to be handled keeps no client address' );
		\InfosecPolicy\Subscribers\Notice_Sender::run( 30 );
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );

		$row = $wpdb->get_row( "SELECT * FROM {$table} WHERE email = 'private@example.com'", ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.

		$this->assertSame( array( 'id', 'email', 'locale', 'status', 'requested_at', 'confirmed_at', 'consent_source', 'confirmations' ), array_keys( (array) $row ) );
		$this->assertNull( $wpdb->get_row( "SELECT * FROM {$requests}" ), 'a handled request is gone' ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.
		$this->assertStringNotContainsString( '127.0.0.77', (string) wp_json_encode( $wpdb->get_results( "SELECT option_name, option_value FROM {$wpdb->options} WHERE option_name LIKE '%infosec_policy_rl_%'" ) ), 'the rate limit keeps a keyed hash, not the address' );
	}

	/**
	 * A GET with query arguments.
	 *
	 * @param string               $route The route.
	 * @param array<string, mixed> $query Its query arguments.
	 */
	private function get( string $route, array $query ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1' . $route );
		$request->set_query_params( $query );
		return rest_get_server()->dispatch( $request );
	}
}

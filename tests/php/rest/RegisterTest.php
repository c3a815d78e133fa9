<?php
/**
 * The public register: its contract, its caching, its CSV.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Register;
use InfosecPolicy\Rest\Register_Controller;
use InfosecPolicy\Subscribers\Notice_Mail;

/**
 * GET /register and its schema and CSV, for anyone, with what the statement shows and nothing else.
 */
final class RegisterTest extends TestCase {

	/**
	 * The demo policy with an announced processor, open ports it does not publish, and
	 * security.txt on.
	 *
	 * @return array<string, mixed>
	 */
	private function policy(): array {
		$policy                                   = $this->demo_policy();
		$policy['processors'][1]['effectiveFrom'] = '2099-01-01';
		$policy['site']['firewallPorts']          = array( 22, 443 );
		$policy['site']['publishFirewallPorts']   = false;
		$policy['site']['securityTxt']            = true;
		$policy['organization']['reviewedAt']     = '2026-11-01';
		return $policy;
	}

	/**
	 * GET on a register route, as a visitor (no one logged in).
	 *
	 * @param string                $route   The route under /register.
	 * @param array<string, string> $headers Request headers.
	 */
	private function get( string $route = '', array $headers = array() ): \WP_REST_Response {
		wp_set_current_user( 0 );
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/register' . $route );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		return rest_get_server()->dispatch( $request );
	}

	public function test_anyone_reads_what_the_statement_shows(): void {
		Policy_Store::save( $this->policy(), 0 );
		$response = $this->get();
		$this->assertSame( 200, $response->get_status() );
		$register = $response->get_data();
		$this->assertSame( 'RegioIngenieur', $register['organization']['name'] );
		$this->assertSame( array( 'ISO 9001:2015', 'ISO/IEC 27001:2013' ), array_column( $register['organization']['standards'], 'name' ) );
		$this->assertSame( array_column( $this->demo_policy()['measures'], 'id' ), array_column( $register['measures'], 'id' ) );
		// In use and announced alike, the announced one with the date it starts.
		$this->assertSame( array_column( $this->demo_policy()['processors'], 'id' ), array_column( $register['processors'], 'id' ) );
		$this->assertSame( '2099-01-01', $register['processors'][1]['effectiveFrom'] );
		$this->assertSame( '2026-11-01', $register['reviewedAt'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/', (string) $register['updatedAt'] );
		$this->assertSame( 'public, max-age=300', $response->get_headers()['Cache-Control'] );
	}

	public function test_never_an_internal_field_and_always_valid_against_its_schema(): void {
		Policy_Store::save( $this->policy(), 0 );
		$register = $this->get()->get_data();
		$this->assertArrayNotHasKey( 'firewallPorts', $register['site'] );
		$this->assertArrayNotHasKey( 'securityTxt', $register['site'] );
		$this->assertStringNotContainsString( 'firewallPorts', (string) wp_json_encode( $register ) );

		$schema = $this->get( '/schema' )->get_data();
		$this->assertSame( Register::schema(), $schema );
		$this->assertTrue( rest_validate_value_from_schema( $register, $schema, 'register' ) );
		// The schema allows no field it does not name: an internal one would fail it.
		$register['site']['securityTxt'] = true;
		$this->assertInstanceOf( \WP_Error::class, rest_validate_value_from_schema( $register, $schema, 'register' ) );
	}

	public function test_each_processor_has_its_identity_fields_and_whom_it_works_for(): void {
		$policy                                      = $this->policy();
		$policy['processors'][2]['parentId']         = 'mailchimp';
		$policy['processors'][2]['address']          = "1600 Amphitheatre Parkway\nMountain View";
		$policy['processors'][2]['dataCategories']   = array( 'IP addresses' );
		$policy['processors'][2]['subprocessorsUrl'] = 'https://business.safety.google/subprocessors/';
		Policy_Store::save( $policy, 0 );
		$register = $this->get()->get_data();
		$this->assertSame( 30, $register['organization']['noticePeriodDays'] );
		// A processor that leaves them out has them too, empty: a reader can rebuild the chain.
		$this->assertSame( array( '', '' ), array( $register['processors'][0]['parentId'], $register['processors'][0]['address'] ) );
		$this->assertSame( array(), $register['processors'][0]['dataCategories'] );
		$this->assertSame( 'mailchimp', $register['processors'][2]['parentId'] );
		$this->assertSame( array( 'IP addresses' ), $register['processors'][2]['dataCategories'] );
		$this->assertTrue( rest_validate_value_from_schema( $register, Register::schema(), 'register' ) );

		$rows = array_map( 'str_getcsv', explode( "\r\n", trim( (string) $this->get( '/processors.csv' )->get_data() ) ) );
		$this->assertSame( Register::CSV_COLUMNS, $rows[0] );
		$this->assertSame( 'mailchimp', $rows[3][ array_search( 'parentId', Register::CSV_COLUMNS, true ) ] );
		$this->assertSame( 'https://business.safety.google/subprocessors/', $rows[3][ array_search( 'subprocessorsUrl', Register::CSV_COLUMNS, true ) ] );
	}

	public function test_an_announced_processor_has_its_status_and_deadline_until_its_day(): void {
		Policy_Store::save( $this->policy(), 0 );
		$register = $this->get()->get_data();
		$this->assertSame( array( 'active', 'announced', 'active' ), array_slice( array_column( $register['processors'], 'status' ), 0, 3 ) );
		$this->assertSame( '2099-01-01', $register['processors'][1]['objectionDeadline'] );
		$this->assertArrayNotHasKey( 'objectionDeadline', $register['processors'][0] );
		$this->assertTrue( rest_validate_value_from_schema( $register, Register::schema(), 'register' ) );
		$csv = array_map( 'str_getcsv', explode( "\r\n", trim( (string) $this->get( '/processors.csv' )->get_data() ) ) );
		$this->assertSame( array( 'announced', '2099-01-01' ), array_slice( $csv[2], array_search( 'status', Register::CSV_COLUMNS, true ), 2 ) );

		// The day comes with no save: the status changes, and so do the ETag and Last-Modified, so
		// that a cache holding the announced register does not keep it.
		$stored              = get_option( Policy_Store::OPTION );
		$stored['updatedAt'] = time() - 30 * DAY_IN_SECONDS;
		$stored['policy']['processors'][1]['effectiveFrom'] = '2099-01-01';
		update_option( Policy_Store::OPTION, $stored );
		$before = $this->get();
		$stored['policy']['processors'][1]['effectiveFrom'] = (string) wp_date( 'Y-m-d', time() - DAY_IN_SECONDS );
		update_option( Policy_Store::OPTION, $stored );
		$after = $this->get(
			'',
			array(
				'If-None-Match'     => $before->get_headers()['ETag'],
				'If-Modified-Since' => $before->get_headers()['Last-Modified'],
			)
		);
		$this->assertSame( 200, $after->get_status() );
		$this->assertSame( 'active', $after->get_data()['processors'][1]['status'] );
		$this->assertArrayNotHasKey( 'objectionDeadline', $after->get_data()['processors'][1] );
		$this->assertSame( 200, $this->get( '', array( 'If-Modified-Since' => $before->get_headers()['Last-Modified'] ) )->get_status(), 'Last-Modified alone tells the change too' );
		$this->assertGreaterThan( strtotime( $before->get_headers()['Last-Modified'] ), strtotime( $after->get_headers()['Last-Modified'] ) );
	}

	public function test_the_open_ports_only_when_the_admin_publishes_them(): void {
		$policy                                 = $this->policy();
		$policy['site']['publishFirewallPorts'] = true;
		Policy_Store::save( $policy, 0 );
		$register = $this->get()->get_data();
		$this->assertSame( array( 22, 443 ), $register['site']['firewallPorts'] );
		$this->assertArrayNotHasKey( 'publishFirewallPorts', $register['site'] );
		$this->assertTrue( rest_validate_value_from_schema( $register, Register::schema(), 'register' ) );
	}

	public function test_a_repeated_request_gets_304_until_the_policy_changes(): void {
		Policy_Store::save( $this->policy(), 0 );
		$first = $this->get();
		$etag  = $first->get_headers()['ETag'];
		$this->assertMatchesRegularExpression( '/^"[0-9a-f]{32}"$/', $etag );

		$again = $this->get( '', array( 'If-None-Match' => $etag ) );
		$this->assertSame( 304, $again->get_status() );
		$this->assertNull( $again->get_data() );
		$since = $this->get( '', array( 'If-Modified-Since' => $first->get_headers()['Last-Modified'] ) );
		$this->assertSame( 304, $since->get_status() );

		$policy                         = $this->policy();
		$policy['organization']['name'] = 'RegioIngenieur B.V.';
		Policy_Store::save( $policy, 1 );
		$changed = $this->get( '', array( 'If-None-Match' => $etag ) );
		$this->assertSame( 200, $changed->get_status() );
		$this->assertNotSame( $etag, $changed->get_headers()['ETag'] );
		$this->assertSame( 'RegioIngenieur B.V.', $changed->get_data()['organization']['name'] );
	}

	public function test_conditional_requests_as_rfc_9110_reads_them(): void {
		Policy_Store::save( $this->policy(), 0 );
		$first    = $this->get();
		$etag     = $first->get_headers()['ETag'];
		$modified = (int) strtotime( $first->get_headers()['Last-Modified'] );

		$this->assertSame( 304, $this->get( '', array( 'If-None-Match' => 'W/' . $etag ) )->get_status(), 'weak comparison: W/ matches' );
		$this->assertSame( 304, $this->get( '', array( 'If-None-Match' => '"other", W/' . $etag ) )->get_status(), 'any tag of the list' );
		$this->assertSame( 200, $this->get( '', array( 'If-None-Match' => 'W/"other"' ) )->get_status() );
		$this->assertSame( 304, $this->get( '', array( 'If-Modified-Since' => gmdate( 'l, d-M-y H:i:s', $modified ) . ' GMT' ) )->get_status(), 'the obsolete RFC 850 form' );
		$this->assertSame( 304, $this->get( '', array( 'If-Modified-Since' => gmdate( 'D M j H:i:s Y', $modified ) ) )->get_status(), 'the obsolete asctime form' );

		foreach (
			array(
				'a day to come'     => gmdate( 'D, d M Y H:i:s', time() + DAY_IN_SECONDS ) . ' GMT',
				'no HTTP-date'      => 'tomorrow',
				'an impossible day' => 'Tue, 31 Feb 2026 10:00:00 GMT',
			) as $what => $since
		) {
			$answer = $this->get( '', array( 'If-Modified-Since' => $since ) );
			$this->assertSame( 200, $answer->get_status(), "If-Modified-Since with $what is ignored" );
			$this->assertSame( $first->get_data(), $answer->get_data() );
		}
	}

	public function test_nothing_private_is_published_before_the_first_save(): void {
		update_option( 'admin_email', 'owner.private@example.org' );
		Policy_Store::delete();
		$this->assertSame( 0, Policy_Store::get()['revision'] );

		$register = $this->get();
		$this->assertSame( 200, $register->get_status() );
		$this->assertSame( '', $register->get_data()['organization']['email'] );
		$csv = $this->get( '/processors.csv' )->get_data();
		$this->assertIsString( $csv );
		$contact = do_blocks( '<!-- wp:infosec-policy/contact /-->' );
		$mail    = Notice_Mail::confirmation(
			array(
				'id'            => 1,
				'email'         => 'visitor@example.com',
				'locale'        => 'en_US',
				'status'        => 'pending',
				'requestedAt'   => time(),
				'confirmedAt'   => null,
				'consentSource' => 'form',
			)
		);
		foreach ( array(
			'the register'          => (string) wp_json_encode( $register->get_data() ),
			'its CSV'               => $csv,
			'the contact block'     => $contact,
			'the e-mail\'s headers' => implode( "\n", $mail['headers'] ),
			'the e-mail'            => $mail['text'] . $mail['html'],
		) as $where => $text ) {
			$this->assertStringNotContainsString( 'owner.private', $text, "the site's admin e-mail in $where" );
		}
	}

	public function test_the_processors_as_csv_that_no_spreadsheet_runs(): void {
		$policy                               = $this->policy();
		$policy['processors'][0]['name']      = '=HYPERLINK("https://attacker.test","Click")';
		$policy['processors'][0]['role']      = 'Hosting, "managed"';
		$policy['processors'][0]['dpaSigned'] = true;
		Policy_Store::save( $policy, 0 );
		$response = $this->get( '/processors.csv' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$lines = explode( "\r\n", rtrim( (string) $response->get_data(), "\r\n" ) );
		$this->assertCount( 1 + count( $policy['processors'] ), $lines );
		$this->assertSame( '"' . implode( '","', Register::CSV_COLUMNS ) . '"', $lines[0] );
		$row = str_getcsv( $lines[1], ',', '"', '' );
		$this->assertSame( '\'=HYPERLINK("https://attacker.test","Click")', $row[2] );
		$this->assertSame( 'Hosting, "managed"', $row[1] );
		$this->assertSame( 'yes', $row[7] );
	}

	public function test_a_list_in_a_csv_cell_splits_back_into_its_items(): void {
		$policy                                    = $this->policy();
		$policy['processors'][0]['certifications'] = array( 'HDS; France', 'ISO/IEC 27001, 2022' );
		$policy['processors'][0]['dataLocations']  = array( 'FR', 'DE' );
		Policy_Store::save( $policy, 0 );
		$handle = fopen( 'php://memory', 'r+' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- memory, for PHP's own CSV reader.
		$this->assertIsResource( $handle );
		fwrite( $handle, (string) $this->get( '/processors.csv' )->get_data() ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- memory.
		rewind( $handle );
		$header = array_map( 'strval', (array) fgetcsv( $handle, null, ',', '"', '' ) );
		$row    = array_combine( $header, (array) fgetcsv( $handle, null, ',', '"', '' ) );
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- memory.
		$this->assertSame( array( 'HDS; France', 'ISO/IEC 27001, 2022' ), explode( "\n", (string) $row['certifications'] ) );
		$this->assertSame( array( 'FR', 'DE' ), explode( "\n", (string) $row['dataLocations'] ) );
	}

	public function test_it_reads_no_more_than_the_policy_option(): void {
		global $wpdb;
		Policy_Store::save( $this->policy(), 0 );
		wp_cache_flush();
		wp_load_alloptions();
		$this->get();
		$queries = $wpdb->num_queries;
		$this->get();
		$this->get( '/processors.csv' );
		$this->assertSame( $queries, $wpdb->num_queries );
	}

	public function test_the_statement_page_announces_it(): void {
		global $wp_query, $wp_the_query;
		$page  = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Information security',
				'post_content' => '<!-- wp:infosec-policy/processor-table /-->',
			),
			true
		);
		$saved = $wp_query;
		try {
			$wp_query     = new \WP_Query( array( 'page_id' => $page ) ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- a page view, as core sets it up.
			$wp_the_query = $wp_query; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- idem.
			ob_start();
			Register_Controller::print_discovery_link();
			$head = $this->parse_html( (string) ob_get_clean() );
		} finally {
			$wp_query     = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores it.
			$wp_the_query = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- idem.
		}
		$this->assertSame( array( rest_url( 'infosec-policy/v1/register' ) ), $this->texts( $head, '//link[@rel="alternate"][@type="application/json"]/@href' ) );
	}
}

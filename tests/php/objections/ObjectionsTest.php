<?php
/**
 * Objections to announced processors: the record, the admin's routes, the finding, the privacy tools.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Objections\Objection_Privacy;
use InfosecPolicy\Objections\Objections;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscriber_Tables;

/**
 * What the plugin keeps of an objection, who may read and answer it, and how.
 */
final class ObjectionsTest extends TestCase {

	/**
	 * A valid form.
	 *
	 * @var array{ organization: string, name: string, reason: string }
	 */
	private const FORM = array(
		'organization' => 'Gemeente Voorbeeld',
		'name'         => 'Jan Jansen',
		'reason'       => "Our data must stay in the EEA.\nSee clause 4.",
	);

	/**
	 * An objection to a processor from an address.
	 *
	 * @param string $processor The processor's id.
	 * @param string $email     The address.
	 * @return array<string, mixed>
	 */
	private function object( string $processor = 'brevo', string $email = 'jan@example.nl' ): array {
		$recorded = Objections::record(
			array(
				'id'   => $processor,
				'name' => ucfirst( $processor ),
			),
			$email,
			self::FORM,
			'nl_NL'
		);
		$this->assertNotNull( $recorded );
		return $recorded;
	}

	/**
	 * GET /objections with query parameters.
	 *
	 * @param array<string, mixed> $params The parameters.
	 */
	private function list( array $params ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/objections' );
		$request->set_query_params( $params );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * The number of rows in the objections table.
	 */
	private function rows(): int {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::OBJECTIONS );
		return (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- the test reads the plugin's own table.
	}

	public function test_a_second_answer_from_the_same_address_updates_the_first_and_opens_it_again(): void {
		$first = $this->object();
		$this->assertNotNull( Objections::answer( $first['id'], 'answered', 'We keep the data in Frankfurt.' ) );
		$again = Objections::record(
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			),
			'jan@example.nl',
			array( 'reason' => 'Still no.' ) + self::FORM,
			'en_US'
		);
		$this->assertNotNull( $again );
		$this->assertSame( $first['id'], $again['id'] );
		$this->assertSame( array( 'Still no.', 'open', 'We keep the data in Frankfurt.' ), array( $again['reason'], $again['status'], $again['note'] ) );
		$this->assertSame( 1, $this->rows() );
		$this->object( 'brevo', 'other@example.nl' );
		$this->object( 'mailchimp', 'jan@example.nl' );
		$this->assertSame( 3, $this->rows() );
	}

	public function test_the_form_needs_a_reason_and_refuses_what_it_would_have_to_change(): void {
		$this->assertSame( array(), Objections::problems( self::FORM ) );
		$this->assertSame( array( 'reason' ), array_keys( Objections::problems( array( 'reason' => '' ) + self::FORM ) ) );
		$this->assertSame( array( 'reason' ), array_keys( Objections::problems( array( 'reason' => str_repeat( 'é', 2001 ) ) + self::FORM ) ) );
		$this->assertSame( array(), Objections::problems( array( 'reason' => str_repeat( 'é', 2000 ) ) + self::FORM ) );
		$this->assertSame( array( 'reason' ), array_keys( Objections::problems( array( 'reason' => "a\x00b" ) + self::FORM ) ) );
		$this->assertSame( array( 'reason' ), array_keys( Objections::problems( array( 'reason' => "\xC3\x28" ) + self::FORM ) ) );
		$this->assertSame(
			array( 'organization', 'name' ),
			array_keys(
				Objections::problems(
					array(
						'organization' => "A\nB",
						'name'         => str_repeat( 'x', 201 ),
						'reason'       => 'ok',
					)
				)
			)
		);
	}

	public function test_only_administrators_read_and_answer_objections(): void {
		$objection = $this->object();
		foreach ( array( 0, $this->create_user( 'editor' ) ) as $user ) {
			wp_set_current_user( $user );
			$expected = 0 === $user ? 401 : 403;
			$this->assertSame( $expected, $this->rest( 'GET', '/objections' )->get_status() );
			$this->assertSame( $expected, $this->rest( 'GET', '/objections/export' )->get_status() );
			$this->assertSame( $expected, $this->rest( 'PATCH', '/objections/' . $objection['id'], array( 'status' => 'answered' ) )->get_status() );
		}
		$this->assertSame( 'open', Objections::get( $objection['id'] )['status'] ?? null, 'nothing was written' );
	}

	public function test_the_admin_lists_objections_by_processor_and_status_with_counts(): void {
		$this->object();
		$second = $this->object( 'brevo', 'other@example.nl' );
		$this->object( 'mailchimp' );
		Objections::answer( $second['id'], 'answered', '' );
		wp_set_current_user( $this->create_user( 'administrator' ) );

		$all = $this->rest( 'GET', '/objections' );
		$this->assertSame( 200, $all->get_status() );
		$this->assertSame( '3', $all->get_headers()['X-WP-Total'] );
		$data = $all->get_data();
		$this->assertSame( array( 'mailchimp', 'brevo', 'brevo' ), array_column( $data['objections'], 'processorId' ), 'newest first' );
		$this->assertSame( array( 'id', 'processorId', 'processorName', 'email', 'organization', 'name', 'reason', 'status', 'note', 'locale', 'createdAt', 'updatedAt' ), array_keys( $data['objections'][0] ) );
		$this->assertEquals(
			(object) array(
				'brevo'     => array(
					'open'      => 1,
					'answered'  => 1,
					'withdrawn' => 0,
				),
				'mailchimp' => array(
					'open'      => 1,
					'answered'  => 0,
					'withdrawn' => 0,
				),
			),
			$data['counts']
		);
		$open = $this->list(
			array(
				'processorId' => 'brevo',
				'status'      => 'open',
			)
		)->get_data();
		$this->assertSame( array( 'jan@example.nl' ), array_column( $open['objections'], 'email' ) );
		foreach ( array( array( 'status' => 'closed' ), array( 'processorId' => 'Brevo%' ), array( 'per_page' => 101 ) ) as $bad ) {
			$answer = $this->list( $bad );
			$this->assertSame( 400, $answer->get_status(), (string) wp_json_encode( $bad ) );
			$this->assertSame( array_keys( $bad ), array_keys( $answer->get_data()['data']['params'] ) );
		}
	}

	public function test_the_admin_answers_with_a_status_and_a_note_and_bad_input_writes_nothing(): void {
		$objection = $this->object();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$path = '/objections/' . $objection['id'];

		$answered = $this->rest(
			'PATCH',
			$path,
			array(
				'status' => 'answered',
				'note'   => "Called Jan.\nData stays in the EEA.",
			)
		);
		$this->assertSame( 200, $answered->get_status() );
		$this->assertSame( array( 'answered', "Called Jan.\nData stays in the EEA." ), array( $answered->get_data()['status'], $answered->get_data()['note'] ) );
		$this->assertSame( 'answered', $this->rest( 'PATCH', $path, array( 'note' => 'Only the note.' ) )->get_data()['status'], 'a field left out stays' );

		foreach (
			array(
				'status' => array( 'status' => 'closed' ),
				'note'   => array( 'note' => str_repeat( 'x', 2001 ) ),
				'reason' => array( 'reason' => 'the customer\'s, not the admin\'s' ),
			) as $field => $body
		) {
			$answer = $this->rest( 'PATCH', $path, $body + array( 'status' => 'withdrawn' ) );
			$this->assertSame( 400, $answer->get_status(), $field );
			$this->assertArrayHasKey( $field, $answer->get_data()['data']['params'], $field );
		}
		// Each reason names its field once.
		$this->assertSame(
			'Invalid parameter(s): status, note. status must be one of: open, answered, withdrawn. note must be text.',
			$this->rest(
				'PATCH',
				$path,
				array(
					'status' => 'done',
					'note'   => 5,
				)
			)->get_data()['message']
		);
		$this->assertSame( 400, $this->rest( 'PATCH', $path, array( 'note' => array( 'x' ) ) )->get_status() );
		$this->assertSame( 400, $this->rest( 'PATCH', $path, array( 'note' => "bell\x07" ) )->get_status() );
		$stored = Objections::get( $objection['id'] );
		$this->assertSame( array( 'answered', 'Only the note.', self::FORM['reason'] ), array( $stored['status'] ?? '', $stored['note'] ?? '', $stored['reason'] ?? '' ), 'no bad request wrote anything' );

		$missing = $this->rest( 'PATCH', '/objections/999999', array( 'status' => 'answered' ) );
		$this->assertSame( 404, $missing->get_status() );
		$this->assertSame( 'infosec_policy_no_objection', $missing->get_data()['code'] );
	}

	public function test_the_export_is_csv_that_no_spreadsheet_runs(): void {
		Objections::record(
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			),
			'jan@example.nl',
			array( 'organization' => '=HYPERLINK("https://evil.example/")' ) + self::FORM,
			'nl_NL'
		);
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'GET', '/objections/export' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertStringStartsWith( 'text/csv', $response->get_headers()['Content-Type'] );
		$csv = (string) $response->get_data();
		$this->assertStringStartsWith( '"id","processorId","processorName","email","organization","name","reason","status","note","createdAt","updatedAt"', $csv );
		$this->assertStringContainsString( "\"'=HYPERLINK", $csv );
		$this->assertStringContainsString( "\"Our data must stay in the EEA.\nSee clause 4.\"", $csv );
	}

	public function test_a_processor_in_use_with_open_objections_is_a_finding(): void {
		$this->store_announced();
		$objection = $this->object( 'mailchimp' );
		$this->object( 'brevo' );
		$findings = array_values( array_filter( Compliance_Checks::for_stored_policy(), static fn( array $finding ): bool => 'objections-open' === $finding['rule'] ) );
		// Brevo has not started: its objection is for the organisation to weigh, not late yet.
		$this->assertSame( array( 'processors[1].effectiveFrom' ), array_column( $findings, 'path' ) );
		$this->assertSame( 'Mailchimp is in use with 1 objection still open.', $findings[0]['message'] );
		Objections::answer( $objection['id'], 'answered', '' );
		$this->assertSame( array(), array_values( array_filter( Compliance_Checks::for_stored_policy(), static fn( array $finding ): bool => 'objections-open' === $finding['rule'] ) ) );
	}

	public function test_the_privacy_tools_export_and_erase_an_addresss_objections(): void {
		$objection = $this->object();
		Objections::answer( $objection['id'], 'answered', 'We chose another provider.' );
		$this->object( 'mailchimp', 'other@example.nl' );
		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$erasers   = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertArrayHasKey( 'infosec-policy-objections', $exporters );
		$this->assertArrayHasKey( 'infosec-policy-objections', $erasers );

		$export = call_user_func( $exporters['infosec-policy-objections']['callback'], 'Jan@Example.nl', 1 );
		$this->assertCount( 1, $export['data'] );
		$values = array_column( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'Brevo', $values['Processor'] );
		$this->assertSame( self::FORM['reason'], $values['Reason'] );
		$this->assertSame( 'Answered', $values['Status'] );
		$this->assertSame( 'We chose another provider.', $values['Answer'] );

		$erased = call_user_func( $erasers['infosec-policy-objections']['callback'], 'jan@example.nl', 1 );
		$this->assertTrue( $erased['items_removed'] );
		$this->assertSame( array(), Objection_Privacy::export( 'jan@example.nl' )['data'] );
		$this->assertSame( 1, $this->rows(), 'another address keeps its objection' );
	}
}

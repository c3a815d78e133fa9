<?php
/**
 * The change log's REST routes.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;

/**
 * GET /changes pages the whole log; POST /changes/<id> sets an entry's public note and internal flag.
 */
final class ChangeLogRestTest extends TestCase {

	/**
	 * Ids of the recorded entries, oldest first.
	 *
	 * @var list<int>
	 */
	private array $ids = array();

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$policy = $this->demo_policy();
		for ( $i = 1; $i <= 5; $i++ ) {
			$policy['organization']['name'] = "Organisation $i";
			$saved                          = Policy_Service::save( $policy, $i - 1 );
			$this->assertTrue( $saved->is_saved() );
			$this->assertNotNull( $saved->change_id );
			$this->ids[] = $saved->change_id;
		}
	}

	public function test_pages_the_log_newest_first_with_totals(): void {
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/changes' );
		$request->set_query_params(
			array(
				'page'     => 2,
				'per_page' => 2,
			)
		);
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( array( $this->ids[2], $this->ids[1] ), array_column( $data['entries'], 'id' ) );
		$this->assertSame( 5, $data['total'] );
		$this->assertSame( 3, $data['pages'] );
		$this->assertSame( '5', $response->get_headers()['X-WP-Total'] );
		$this->assertSame( '3', $response->get_headers()['X-WP-TotalPages'] );
	}

	public function test_a_page_past_the_last_is_empty_however_large_its_number(): void {
		foreach ( array( 4, 1000, PHP_INT_MAX ) as $number ) {
			$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/changes' );
			$request->set_query_params(
				array(
					'page'     => (string) $number,
					'per_page' => 2,
				)
			);
			$response = rest_get_server()->dispatch( $request );
			$this->assertSame( 200, $response->get_status(), (string) $number );
			$this->assertSame( array(), $response->get_data()['entries'], "page $number is not page 1" );
			$this->assertSame( 5, $response->get_data()['total'] );
			$this->assertSame( 3, $response->get_data()['pages'] );
		}
	}

	public function test_a_page_number_out_of_range_is_refused_with_its_name(): void {
		foreach ( array( '/changes?page=0', '/changes?per_page=101', '/changes?per_page=x' ) as $route ) {
			$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/changes' );
			parse_str( (string) wp_parse_url( $route, PHP_URL_QUERY ), $query );
			$request->set_query_params( $query );
			$response = rest_get_server()->dispatch( $request );
			$this->assertSame( 400, $response->get_status(), $route );
			$this->assertSame( array( (string) array_key_first( $query ) ), array_keys( $response->get_data()['data']['params'] ), $route );
		}
	}

	public function test_sets_the_note_and_the_internal_flag(): void {
		$response = $this->rest(
			'POST',
			'/changes/' . $this->ids[4],
			array(
				'note'     => 'We renamed ourselves.',
				'internal' => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'We renamed ourselves.', $response->get_data()['note'] );
		$this->assertTrue( $response->get_data()['internal'] );
		$this->assertNotContains( $this->ids[4], array_column( Published_Log::entries( 20 ), 'id' ) );

		$response = $this->rest( 'POST', '/changes/' . $this->ids[4], array( 'internal' => false ) );
		$this->assertSame( 'We renamed ourselves.', $response->get_data()['note'], 'a field left out keeps its value' );
		$this->assertSame( $this->ids[4], Published_Log::entries( 1 )[0]['id'] ?? null );
		$this->assertSame( 'We renamed ourselves.', Published_Log::entries( 1 )[0]['note'] ?? null );
	}

	/**
	 * Bodies POST /changes/<id> refuses, and the request field each error must name.
	 *
	 * @return array<string, array{ mixed, string }>
	 */
	public static function bad_bodies(): array {
		return array(
			'a note that is too long'         => array( array( 'note' => str_repeat( 'é', 501 ) ), 'note' ),
			'a note with a control character' => array( array( 'note' => "Hello\x07" ), 'note' ),
			'a note that is not a text'       => array( array( 'note' => array( 'x' ) ), 'note' ),
			'a flag that is not a boolean'    => array( array( 'internal' => 'true' ), 'internal' ),
			'an unknown field'                => array( array( 'author' => 'Mallory' ), 'author' ),
			'a list instead of an object'     => array( array( 1, 2 ), 'body' ),
			'an empty list'                   => array( array(), 'body' ),
		);
	}

	/**
	 * A bad body gets 400 naming the field, and changes nothing.
	 *
	 * @param mixed  $body  The body.
	 * @param string $field The request field the error must name.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'bad_bodies' )]
	public function test_a_bad_body_is_refused_naming_the_field( mixed $body, string $field ): void {
		$response = $this->rest( 'POST', '/changes/' . $this->ids[0], $body );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertSame( array( $field ), array_keys( $response->get_data()['data']['params'] ) );
		$entry = Change_Log::get( $this->ids[0] );
		$this->assertSame( '', $entry['note'] ?? null );
		$this->assertFalse( $entry['internal'] ?? null );
	}

	public function test_an_unknown_entry_is_404(): void {
		$this->assertSame( 404, $this->rest( 'POST', '/changes/999999', array( 'note' => 'x' ) )->get_status() );
	}

	public function test_only_administrators_may_read_or_annotate_the_log(): void {
		foreach ( array( 'subscriber', 'editor' ) as $role ) {
			wp_set_current_user( $this->create_user( $role ) );
			$this->assertSame( 403, $this->rest( 'GET', '/changes' )->get_status(), $role );
			$this->assertSame( 403, $this->rest( 'POST', '/changes/' . $this->ids[0], array( 'internal' => true ) )->get_status(), $role );
		}
		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->rest( 'GET', '/changes' )->get_status() );
		$this->assertSame( 401, $this->rest( 'POST', '/changes/' . $this->ids[0], array( 'internal' => true ) )->get_status() );
		$this->assertFalse( Change_Log::get( $this->ids[0] )['internal'] ?? null );
	}
}

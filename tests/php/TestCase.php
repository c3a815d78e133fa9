<?php
/**
 * Base class for tests that run inside WordPress.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;

/**
 * Runs each test in a database transaction that is rolled back afterwards, so tests never see each
 * other's data (what the WordPress core test suite does; its library is not on Packagist here).
 */
abstract class TestCase extends PHPUnitTestCase {

	protected function setUp(): void {
		parent::setUp();
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		// Code under test that opens a transaction of its own (an import) gets a savepoint inside
		// the test's: a second START TRANSACTION would commit the test's data for good.
		add_filter( 'query', array( self::class, 'nested_transaction' ) );
		wp_cache_flush();
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		global $wpdb;
		remove_filter( 'query', array( self::class, 'nested_transaction' ) );
		$wpdb->query( 'ROLLBACK' );
		wp_cache_flush();
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * A transaction statement of the code under test, as a savepoint within the test's own.
	 *
	 * @param string $query A query.
	 */
	public static function nested_transaction( string $query ): string {
		return match ( strtoupper( trim( $query ) ) ) {
			'START TRANSACTION' => 'SAVEPOINT infosec_policy_code',
			'COMMIT'            => 'RELEASE SAVEPOINT infosec_policy_code',
			'ROLLBACK'          => 'ROLLBACK TO SAVEPOINT infosec_policy_code',
			default             => $query,
		};
	}

	/**
	 * Creates a user with a role and returns its id.
	 *
	 * @param string $role A WordPress role.
	 */
	protected function create_user( string $role ): int {
		$user_id = wp_insert_user(
			array(
				'user_login' => $role . '-' . wp_generate_password( 8, false ),
				'user_pass'  => wp_generate_password(),
				'user_email' => $role . '-' . wp_generate_password( 8, false ) . '@example.com',
				'role'       => $role,
			)
		);
		$this->assertIsInt( $user_id );
		return $user_id;
	}

	/**
	 * The demo policy: the reference page (a Dutch firm's security statement) in the policy format.
	 *
	 * @return array<string, mixed>
	 */
	protected function demo_policy(): array {
		return infosec_policy_demo_policy();
	}

	/**
	 * Stores the demo policy with processors more, announced forty days ahead.
	 *
	 * @param array<string, string> $names The announced processors' names by id.
	 */
	protected function store_announced( array $names = array( 'brevo' => 'Brevo' ) ): void {
		$policy = $this->demo_policy();
		foreach ( $names as $id => $name ) {
			$policy['processors'][] = array_merge(
				$policy['processors'][0],
				array(
					'id'            => $id,
					'name'          => $name,
					'effectiveFrom' => (string) wp_date( 'Y-m-d', time() + 40 * DAY_IN_SECONDS ),
				)
			);
		}
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	/**
	 * Sends a request through the REST server, as a client would, with a JSON body.
	 *
	 * @param string     $method HTTP method.
	 * @param string     $route  Route under the plugin's namespace, e.g. `/policy`.
	 * @param mixed|null $body   JSON body; null for none.
	 */
	protected function rest( string $method, string $route, mixed $body = null ): \WP_REST_Response {
		$request = new \WP_REST_Request( $method, '/infosec-policy/v1' . $route );
		if ( null !== $body ) {
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
		}
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * Changes the stored policy and saves it through PUT /policy, as the settings page does, and
	 * asserts that the save succeeded.
	 *
	 * @param callable(array<string, mixed>): array<string, mixed> $change Changes the stored policy.
	 * @param array<string, mixed>                                 $extra  More fields of the request (changeNote, changeInternal).
	 */
	protected function save_through_rest( callable $change, array $extra = array() ): \WP_REST_Response {
		$stored   = \InfosecPolicy\Policy\Policy_Store::get();
		$response = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $change( $stored['policy'] ),
				'revision' => $stored['revision'],
			) + $extra
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		return $response;
	}

	/**
	 * The stored option exactly as it is in the database, bypassing every cache.
	 */
	protected function stored_raw(): ?string {
		global $wpdb;
		$raw = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", \InfosecPolicy\Policy\Policy_Store::OPTION ) );
		return null === $raw ? null : (string) $raw;
	}

	/**
	 * Parses rendered HTML into a DOM for assertions on real structure, not on substrings.
	 *
	 * @param string $html An HTML fragment.
	 */
	protected function parse_html( string $html ): \DOMXPath {
		$document = new \DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		return new \DOMXPath( $document );
	}

	/**
	 * How many nodes an XPath expression matches.
	 *
	 * @param \DOMXPath $xpath      Parsed HTML.
	 * @param string    $expression XPath expression.
	 */
	protected function count_matches( \DOMXPath $xpath, string $expression ): int {
		return (int) $xpath->evaluate( 'count(' . $expression . ')' );
	}

	/**
	 * The trimmed text of each node an XPath expression matches.
	 *
	 * @param \DOMXPath $xpath      Parsed HTML.
	 * @param string    $expression XPath expression.
	 * @return list<string>
	 */
	protected function texts( \DOMXPath $xpath, string $expression ): array {
		$nodes = $xpath->query( $expression );
		$this->assertNotFalse( $nodes, 'invalid XPath: ' . $expression );
		$texts = array();
		foreach ( $nodes as $node ) {
			$texts[] = trim( (string) $node->nodeValue );
		}
		return $texts;
	}
}

<?php
/**
 * POST /subscribers and the confirmation e-mail, through a real SMTP server.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * A visitor asks to be told of changes: the same 202 whatever the address's state, 400 naming
 * the field, 429 past the limits, and a confirmation e-mail that really arrives.
 */
final class SubscribeRestTest extends TestCase {

	/**
	 * The SMTP server the tests' mail goes to.
	 *
	 * @var SmtpTestServer
	 */
	private static SmtpTestServer $smtp;

	/**
	 * Undoes the routing of wp_mail() to the test server.
	 *
	 * @var callable(): void
	 */
	private $unroute;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$smtp = new SmtpTestServer();
	}

	public static function tearDownAfterClass(): void {
		self::$smtp->destroy();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		self::$smtp->clear();
		$this->unroute          = self::$smtp->route_wp_mail();
		$_SERVER['REMOTE_ADDR'] = '127.0.0.' . wp_rand( 2, 250 );
	}

	protected function tearDown(): void {
		( $this->unroute )();
		parent::tearDown();
	}

	public function test_a_new_address_gets_202_and_one_confirmation_email_with_a_signed_link(): void {
		$response = $this->rest( 'POST', '/subscribers', array( 'email' => 'Visitor@Example.com' ) );

		$this->assertSame( 202, $response->get_status() );
		$subscriber = Subscribers::find( 'visitor@example.com' );
		$this->assertNotNull( $subscriber );
		$this->assertSame( 'pending', $subscriber['status'] );
		$messages = self::$smtp->messages_to( 'visitor@example.com' );
		global $wpdb;
		$this->assertCount( 1, $messages, (string) wp_json_encode( $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}infosec_policy_deliveries" ) ) );
		$this->assertStringContainsString( Subscriber_Tokens::url( 'confirm', $subscriber ), $messages[0]['text'] );
		$this->assertStringContainsString( esc_url( Subscriber_Tokens::url( 'confirm', $subscriber ) ), $messages[0]['html'] );
	}

	public function test_new_pending_and_confirmed_addresses_get_the_same_answer(): void {
		$new = $this->rest( 'POST', '/subscribers', array( 'email' => 'one@example.com' ) );
		$this->assertNotNull( Subscribers::add( 'two@example.com', 'en_US', 'pending', 'test' ) );
		$pending = $this->rest( 'POST', '/subscribers', array( 'email' => 'two@example.com' ) );
		$this->assertNotNull( Subscribers::add( 'three@example.com', 'en_US', 'confirmed', 'test' ) );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.251';
		$confirmed              = $this->rest( 'POST', '/subscribers', array( 'email' => 'three@example.com' ) );

		foreach ( array( $new, $pending, $confirmed ) as $response ) {
			$this->assertSame( 202, $response->get_status() );
			$this->assertSame( $new->get_data(), $response->get_data() );
			$this->assertSame( $new->get_headers(), $response->get_headers() );
		}
		$this->assertCount( 0, self::$smtp->messages_to( 'three@example.com' ), 'a confirmed address is sent nothing' );
		$this->assertCount( 1, self::$smtp->messages_to( 'two@example.com' ), 'a pending address is asked again' );
	}

	#[DataProvider( 'not_addresses' )]
	public function test_what_is_not_an_address_gets_400_naming_email_and_writes_nothing( mixed $email ): void {
		$response = $this->rest( 'POST', '/subscribers', array( 'email' => $email ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $response->get_data()['code'] );
		$this->assertSame( array( 'email' ), array_keys( $response->get_data()['data']['params'] ) );
		$this->assertSame( 0, Subscribers::counts()['pending'] );
		$this->assertSame( array(), self::$smtp->messages() );
	}

	/**
	 * Values that are not e-mail addresses.
	 *
	 * @return array<string, array{ 0: mixed }>
	 */
	public static function not_addresses(): array {
		return array(
			'empty'          => array( '' ),
			'no domain'      => array( 'someone@' ),
			'a header'       => array( "someone@example.com\r\nBcc: victim@example.org" ),
			'two recipients' => array( 'a@example.com, b@example.com' ),
			'a number'       => array( 42 ),
			'a list'         => array( array( 'a@example.com' ) ),
			'null'           => array( null ),
			'too long'       => array( str_repeat( 'a', 190 ) . '@example.com' ),
		);
	}

	public function test_an_unknown_field_or_locale_is_named(): void {
		$extra  = $this->rest(
			'POST',
			'/subscribers',
			array(
				'email' => 'a@example.com',
				'name'  => 'A',
			)
		);
		$locale = $this->rest(
			'POST',
			'/subscribers',
			array(
				'email'  => 'a@example.com',
				'locale' => '../../etc',
			)
		);

		$this->assertSame( 400, $extra->get_status() );
		$this->assertArrayHasKey( 'name', $extra->get_data()['data']['params'] );
		$this->assertSame( 400, $locale->get_status() );
		$this->assertSame( array( 'locale' ), array_keys( $locale->get_data()['data']['params'] ) );
	}

	public function test_a_sixth_request_from_one_client_within_the_hour_gets_429(): void {
		for ( $i = 1; $i <= 5; $i++ ) {
			$this->assertSame( 202, $this->rest( 'POST', '/subscribers', array( 'email' => "person$i@example.com" ) )->get_status() );
		}
		$sixth = $this->rest( 'POST', '/subscribers', array( 'email' => 'person6@example.com' ) );

		$this->assertSame( 429, $sixth->get_status() );
		$this->assertGreaterThan( 0, (int) $sixth->get_headers()['Retry-After'] );
		$this->assertNull( Subscribers::find( 'person6@example.com' ) );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.252';
		$this->assertSame( 202, $this->rest( 'POST', '/subscribers', array( 'email' => 'person6@example.com' ) )->get_status(), 'another client is not limited' );
	}

	public function test_a_fourth_confirmation_email_to_one_address_within_a_day_gets_429(): void {
		for ( $i = 1; $i <= 3; $i++ ) {
			$_SERVER['REMOTE_ADDR'] = "127.0.1.$i";
			$this->assertSame( 202, $this->rest( 'POST', '/subscribers', array( 'email' => 'target@example.com' ) )->get_status() );
		}
		$_SERVER['REMOTE_ADDR'] = '127.0.1.4';
		$fourth                 = $this->rest( 'POST', '/subscribers', array( 'email' => 'target@example.com' ) );

		$this->assertSame( 429, $fourth->get_status() );
		$this->assertCount( 3, self::$smtp->messages_to( 'target@example.com' ) );
	}

	public function test_the_client_address_is_remote_addr_and_a_forwarded_header_changes_nothing(): void {
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '203.0.113.9';
		for ( $i = 1; $i <= 5; $i++ ) {
			$this->rest( 'POST', '/subscribers', array( 'email' => "p$i@example.com" ) );
			$_SERVER['HTTP_X_FORWARDED_FOR'] = '203.0.113.' . ( 10 + $i );
		}
		$limited = $this->rest( 'POST', '/subscribers', array( 'email' => 'p6@example.com' ) );
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );

		$this->assertSame( 429, $limited->get_status() );
	}

	public function test_the_listing_routes_are_for_administrators_only(): void {
		$this->assertSame( 401, $this->rest( 'GET', '/subscribers' )->get_status() );
		$this->assertSame( 401, $this->rest( 'DELETE', '/subscribers/1' )->get_status() );
		$this->assertSame( 401, $this->rest( 'POST', '/subscribers/import', array( 'addresses' => array( 'a@example.com' ) ) )->get_status() );
		$this->assertSame( 401, $this->rest( 'GET', '/subscribers/export' )->get_status() );
		wp_set_current_user( $this->create_user( 'editor' ) );
		$this->assertSame( 403, $this->rest( 'GET', '/subscribers' )->get_status() );
		$this->assertSame( 403, $this->rest( 'GET', '/subscribers/summary' )->get_status() );
	}
}

<?php
/**
 * POST /subscribers and the confirmation e-mail, through a real SMTP server.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Site_Health;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Privacy;
use InfosecPolicy\Subscribers\Subscription_Requests;
use InfosecPolicy\Subscribers\Subscriptions;
use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * A visitor asks to be told of changes: the same answers whatever the address's state, 400 naming
 * the field, 429 past the limits of the client and the mailbox, 403 when another site's page makes
 * a browser ask, and a confirmation e-mail, sent after the answer, that really arrives: at most three
 * in an address's life, and no more an hour than the site's cap.
 */
final class SubscribeRestTest extends MailTestCase {

	protected function setUp(): void {
		parent::setUp();
		$_SERVER['REMOTE_ADDR'] = '127.0.0.' . wp_rand( 2, 250 );
	}

	/**
	 * Runs the background sender, as WP-Cron does after the answer.
	 */
	private function work(): void {
		Notice_Sender::run( 30 );
	}

	/**
	 * A subscribe request from a client address.
	 *
	 * @param string                $email   The address asked for.
	 * @param string                $client  The client's address.
	 * @param array<string, string> $headers Request headers.
	 */
	private function subscribe( string $email, string $client, array $headers = array() ): \WP_REST_Response {
		$_SERVER['REMOTE_ADDR'] = $client;
		$request                = new \WP_REST_Request( 'POST', '/infosec-policy/v1/subscribers' );
		$request->set_header( 'Content-Type', 'application/json' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body( (string) wp_json_encode( array( 'email' => $email ) ) );
		return rest_get_server()->dispatch( $request );
	}

	public function test_a_new_address_gets_202_and_after_the_answer_one_confirmation_email_with_a_signed_link(): void {
		$response = $this->rest( 'POST', '/subscribers', array( 'email' => 'Visitor@Example.com' ) );

		$this->assertSame( 202, $response->get_status() );
		$this->assertSame( array(), self::$smtp->messages(), 'nothing is sent while the visitor waits' );
		$this->assertNotFalse( wp_next_scheduled( Notice_Sender::HOOK ), 'the queue is woken' );
		$this->work();
		$subscriber = Subscribers::find( 'visitor@example.com' );
		$this->assertNotNull( $subscriber );
		$this->assertSame( 'pending', $subscriber['status'] );
		$messages = self::$smtp->messages_to( 'visitor@example.com' );
		$this->assertCount( 1, $messages );
		$this->assertStringContainsString( Subscriber_Tokens::url( 'confirm', $subscriber ), $messages[0]['text'] );
		$this->assertStringContainsString( esc_url( Subscriber_Tokens::url( 'confirm', $subscriber ) ), $messages[0]['html'] );
	}

	public function test_new_pending_and_confirmed_addresses_get_the_same_answers_to_the_same_requests(): void {
		$this->assertNotNull( Subscribers::add( 'two@example.com', 'en_US', 'pending', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'three@example.com', 'en_US', 'confirmed', 'test' ) );
		$answers = array();
		$waits   = array();
		// The answer, with the seconds to wait set apart: the clock may tick between two addresses'
		// requests, so those are compared within a second, the rest exactly.
		$answer = static function ( \WP_REST_Response $response ) use ( &$waits ): array {
			$data = $response->get_data();
			if ( is_array( $data ) && isset( $data['data']['retryAfter'] ) ) {
				$waits[] = array( (int) $data['data']['retryAfter'], (int) $response->get_headers()['Retry-After'] );
				unset( $data['data']['retryAfter'] );
			}
			return array( $response->get_status(), $data, array_diff_key( $response->get_headers(), array( 'Retry-After' => true ) ) );
		};
		foreach ( array( 'one@example.com', 'two@example.com', 'three@example.com' ) as $n => $email ) {
			// Four requests from one client, then four from four others, as an attacker who avoids
			// the client limit sends them.
			for ( $i = 1; $i <= 4; $i++ ) {
				$answers[ $email ][] = $answer( $this->subscribe( $email, "127.0.$n.100" ) );
			}
			for ( $i = 1; $i <= 4; $i++ ) {
				$answers[ $email ][] = $answer( $this->subscribe( $email, "127.0.$n.$i" ) );
			}
		}
		$this->assertCount( 3, $waits, 'one 429 for each address' );
		foreach ( $waits as $wait ) {
			$this->assertSame( $wait[0], $wait[1], 'the body and Retry-After say the same' );
			$this->assertEqualsWithDelta( DAY_IN_SECONDS, $wait[0], 1, 'the wait is the day\'s window, whatever the address' );
		}
		$this->assertSame( array( 202, 202, 202, 429, 202, 202, 202, 202 ), array_column( $answers['one@example.com'], 0 ), 'every request counts against the client\'s limit for the address' );
		$this->assertSame( $answers['one@example.com'], $answers['two@example.com'], 'a pending address answers as a new one' );
		$this->assertSame( $answers['one@example.com'], $answers['three@example.com'], 'a confirmed address answers as a new one' );
		$this->assertSame( array(), self::$smtp->messages(), 'no e-mail is sent while a visitor waits' );

		$this->work();
		$this->assertCount( 0, self::$smtp->messages_to( 'three@example.com' ), 'a confirmed address is sent nothing' );
		$this->assertCount( 1, self::$smtp->messages_to( 'two@example.com' ), 'a pending address is asked again, once' );
		$this->assertCount( 1, self::$smtp->messages_to( 'one@example.com' ), 'a new address is asked once' );
	}

	public function test_tagged_addresses_of_one_mailbox_get_three_emails_a_day_together(): void {
		$statuses = array();
		for ( $i = 1; $i <= 8; $i++ ) {
			$statuses[] = $this->subscribe( "bomb+$i@example.com", "127.0.2.$i" )->get_status();
			$this->work();
		}

		$this->assertSame( array_fill( 0, 8, 202 ), $statuses, 'the answer tells no one of another\'s requests' );
		$sent = 0;
		for ( $i = 1; $i <= 8; $i++ ) {
			$sent += count( self::$smtp->messages_to( "bomb+$i@example.com" ) );
		}
		$this->assertSame( 3, $sent, 'one mailbox gets three confirmation e-mails a day at most' );
	}

	public function test_an_ipv4_client_written_as_ipv6_counts_as_its_ipv4_address(): void {
		$this->assertSame( '192.0.2.1', Subscriptions::client_key( '::ffff:192.0.2.1' ) );
		$this->assertNotSame( Subscriptions::client_key( '::ffff:192.0.2.1' ), Subscriptions::client_key( '::ffff:192.0.2.2' ) );
		$this->assertSame( '2001:db8:1:2::/64', Subscriptions::client_key( '2001:db8:1:2:aaaa::1' ) );
	}

	public function test_an_ipv6_client_counts_by_its_64(): void {
		for ( $i = 1; $i <= 5; $i++ ) {
			$this->assertSame( 202, $this->subscribe( "six$i@example.com", "2001:db8:1:2::$i" )->get_status() );
		}
		$this->assertSame( 429, $this->subscribe( 'six6@example.com', '2001:db8:1:2:ffff::6' )->get_status(), 'the same /64' );
		$this->assertSame( 202, $this->subscribe( 'six6@example.com', '2001:db8:1:3::1' )->get_status(), 'another /64' );
	}

	public function test_a_pending_address_is_sent_three_requests_in_its_life_and_then_expires(): void {
		for ( $day = 1; $day <= 5; $day++ ) {
			$this->assertSame( 202, $this->subscribe( 'again@example.com', "127.0.3.$day" )->get_status() );
			$this->work();
			// A new day: the daily limit starts again; the lifetime one does not.
			Rate_Limit::reset( 'mailbox', 'again@example.com' );
		}

		$this->assertCount( 3, self::$smtp->messages_to( 'again@example.com' ) );
		$subscriber = Subscribers::find( 'again@example.com' );
		$this->assertNotNull( $subscriber );
		$this->assertSame( Subscribers::CONFIRMATIONS, Subscribers::confirmations( $subscriber['id'] ) );
	}

	public function test_past_the_sites_hourly_cap_requests_wait_for_the_next_hour_and_site_health_says_so(): void {
		$cap = static fn(): int => 2;
		add_filter( 'infosec_policy_confirmations_per_hour', $cap );
		$this->assertSame( 'good', Site_Health::confirmation_cap()['status'] );
		for ( $i = 1; $i <= 4; $i++ ) {
			$this->assertSame( 202, $this->subscribe( "many$i@example.com", "127.0.4.$i" )->get_status() );
		}
		// As WP-Cron runs it: the event is taken off the schedule, then its hook runs.
		wp_clear_scheduled_hook( Notice_Sender::HOOK );
		Notice_Sender::run_scheduled();
		$health = Site_Health::confirmation_cap();

		$this->assertCount( 2, self::$smtp->messages() );
		$this->assertSame( 'recommended', $health['status'] );
		$this->assertStringContainsString( 'infosec_policy_confirmations_per_hour', $health['description'] );
		$this->assertTrue( Subscription_Requests::waiting(), 'the other two wait' );
		// The run that the sent e-mails scheduled finds the cap still reached: the next is in an hour.
		wp_clear_scheduled_hook( Notice_Sender::HOOK );
		Notice_Sender::run_scheduled();
		$this->assertCount( 2, self::$smtp->messages() );
		$this->assertGreaterThan( time() + 60, (int) wp_next_scheduled( Notice_Sender::HOOK ), 'for the next hour, not in a loop' );

		// The next hour.
		Rate_Limit::reset( 'site', 'confirmations' );
		$this->work();
		remove_filter( 'infosec_policy_confirmations_per_hour', $cap );
		$this->assertCount( 4, self::$smtp->messages() );
		$this->assertFalse( Subscription_Requests::waiting() );
	}

	public function test_the_privacy_eraser_removes_a_request_still_waiting(): void {
		$this->assertSame( 202, $this->subscribe( 'forget.me@example.com', '127.0.6.1' )->get_status() );
		$erased = Subscriber_Privacy::erase( 'forget.me@example.com' );
		$this->work();

		$this->assertTrue( $erased['items_removed'] );
		$this->assertNull( Subscribers::find( 'forget.me@example.com' ) );
		$this->assertSame( array(), self::$smtp->messages() );
	}

	public function test_a_request_that_another_site_makes_a_browser_send_is_refused(): void {
		foreach (
			array(
				'Sec-Fetch-Site'             => array( 'sec_fetch_site' => 'cross-site' ),
				'Origin'                     => array( 'origin' => 'https://elsewhere.example' ),
				'Sec-Fetch-Site over Origin' => array(
					'sec_fetch_site' => 'cross-site',
					'origin'         => home_url(),
				),
			) as $what => $headers
		) {
			$response = $this->subscribe( 'victim@example.com', '127.0.5.1', $headers );
			$this->assertSame( 403, $response->get_status(), $what );
			$this->assertSame( 'infosec_policy_cross_site', $response->get_data()['code'], $what );
		}
		$this->work();
		$this->assertSame( array(), self::$smtp->messages() );
		$this->assertNull( Subscribers::find( 'victim@example.com' ) );

		$own = (string) wp_parse_url( home_url(), PHP_URL_SCHEME ) . '://' . wp_parse_url( home_url(), PHP_URL_HOST );
		$this->assertSame( 202, $this->subscribe( 'own@example.com', '127.0.5.2', array( 'sec_fetch_site' => 'same-origin' ) )->get_status() );
		$this->assertSame( 202, $this->subscribe( 'own2@example.com', '127.0.5.3', array( 'origin' => $own ) )->get_status() );
		$this->assertSame( 202, $this->subscribe( 'own3@example.com', '127.0.5.4', array( 'origin' => 'null' ) )->get_status(), 'an older browser\'s own form on a no-referrer page' );
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

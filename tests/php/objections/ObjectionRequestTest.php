<?php
/**
 * A customer who is not subscribed asks for a link to object, through a real SMTP server.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Objections\Objection_Links;
use InfosecPolicy\Objections\Objection_Privacy;
use InfosecPolicy\Objections\Objections;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscription_Requests;
use InfosecPolicy\Subscribers\Subscriptions;

/**
 * The link is sent after the answer, to the address given and only while the processor is
 * announced; the answer is the same whoever the address is; the subscribe route's limits hold; the
 * row the link is signed for is no objection until the customer objects from it.
 */
final class ObjectionRequestTest extends MailTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->store_announced();
	}

	/**
	 * Asks for a link, as the objection page's form does.
	 *
	 * @param string $email     The address.
	 * @param string $client    The client's address.
	 * @param string $processor The processor.
	 * @return true|\WP_Error
	 */
	private function ask( string $email, string $client = '127.0.5.1', string $processor = 'brevo' ): bool|\WP_Error {
		return Subscriptions::request( $email, null, $client, 'object', $processor );
	}

	/**
	 * An objection to Brevo from an address, as its link's form records it.
	 *
	 * @param string $email  The address.
	 * @param string $reason The reason.
	 * @return array<string, mixed>
	 */
	private function object( string $email, string $reason = 'No.' ): array {
		$recorded = Objections::record(
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			),
			$email,
			array(
				'organization' => '',
				'name'         => '',
				'reason'       => $reason,
			),
			'en_US'
		);
		$this->assertNotNull( $recorded );
		return $recorded;
	}

	public function test_the_link_is_sent_after_the_answer_and_its_row_is_no_objection_until_used(): void {
		$this->assertTrue( $this->ask( 'Klant@Example.nl' ) );
		$this->assertSame( array(), self::$smtp->messages(), 'nothing is sent while the visitor waits' );
		Notice_Sender::run( 30 );

		$row = Objections::find( 'brevo', 'klant@example.nl' );
		$this->assertNotNull( $row );
		$this->assertSame( Objections::REQUESTED, $row['status'] );
		$messages = self::$smtp->messages_to( 'klant@example.nl' );
		$this->assertCount( 1, $messages );
		$this->assertStringContainsString( 'Brevo', $messages[0]['headers']['subject'][0] ?? '' );
		$this->assertStringContainsString( Objection_Links::requested_url( $row ), $messages[0]['text'] );
		$this->assertStringContainsString( esc_url( Objection_Links::requested_url( $row ) ), $messages[0]['html'] );
		$this->assertNull( Subscribers::find( 'klant@example.nl' ), 'asking for a link subscribes no one' );

		// Not an objection: in no list, count or finding, and the admin cannot answer it.
		$this->assertSame( 0, Objections::query( '', '', 1, 20 )['total'] );
		$this->assertSame( array(), Objections::counts() );
		$this->assertNull( Objections::get( $row['id'] ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertSame( 404, $this->rest( 'PATCH', '/objections/' . $row['id'], array( 'status' => 'answered' ) )->get_status() );

		// The customer objects from the link: the same row, now an objection.
		$recorded = $this->object( 'klant@example.nl', 'Not outside the Netherlands.' );
		$this->assertSame( array( $row['id'], 'open' ), array( $recorded['id'], $recorded['status'] ) );
		$this->assertSame( 1, Objections::query( 'brevo', 'open', 1, 20 )['total'] );
	}

	public function test_every_address_gets_the_same_answer_and_its_link_and_an_objection_stays_as_it_is(): void {
		$this->assertNotNull( Subscribers::add( 'subscribed@example.nl', 'nl_NL', 'confirmed', 'test' ) );
		$objected = $this->object( 'objected@example.nl' );
		$this->assertNotNull( Objections::answer( $objected['id'], 'answered', 'Noted.' ) );

		$answers = array();
		foreach ( array( 'new@example.nl', 'subscribed@example.nl', 'objected@example.nl' ) as $i => $email ) {
			$answers[] = $this->ask( $email, '127.0.6.' . ( $i + 1 ) );
		}
		$this->assertSame( array( true, true, true ), $answers );
		Notice_Sender::run( 30 );

		foreach ( array( 'new@example.nl', 'subscribed@example.nl', 'objected@example.nl' ) as $email ) {
			$this->assertCount( 1, self::$smtp->messages_to( $email ), $email );
		}
		$after = Objections::get( $objected['id'] );
		$this->assertNotNull( $after );
		$this->assertSame( array( 'answered', 'No.', 'Noted.' ), array( $after['status'], $after['reason'], $after['note'] ), 'asking again changes no objection' );
		$this->assertStringContainsString( Objection_Links::requested_url( $after ), self::$smtp->messages_to( 'objected@example.nl' )[0]['text'], 'its link is for the objection it made' );
	}

	public function test_the_subscribe_routes_limits_hold_for_each_processor_a_customer_may_object_to(): void {
		// A second processor announced: a customer may object to both.
		$this->store_announced(
			array(
				'brevo'    => 'Brevo',
				'sendgrid' => 'SendGrid',
			)
		);

		// One client asks for one mailbox's link to one processor at most three times a day.
		for ( $i = 1; $i <= 3; $i++ ) {
			$this->assertTrue( $this->ask( 'target@example.nl', '127.0.7.1' ) );
			Notice_Sender::run( 30 );
		}
		$limited = $this->ask( 'target@example.nl', '127.0.7.1' );
		$this->assertInstanceOf( \WP_Error::class, $limited );
		$this->assertSame( 429, $limited->get_error_data()['status'] ?? 0 );

		// Other clients and tagged addresses: the mailbox gets three links to Brevo a day, not more.
		$this->assertTrue( $this->ask( 'target+1@example.nl', '127.0.7.2' ) );
		Notice_Sender::run( 30 );
		$this->assertSame( 3, count( self::$smtp->messages_to( 'target@example.nl' ) ) + count( self::$smtp->messages_to( 'target+1@example.nl' ) ) );

		// Its link to the other processor, and a confirmation, each have a day's allowance of their own.
		$this->assertTrue( $this->ask( 'target@example.nl', '127.0.7.1', 'sendgrid' ) );
		$this->assertTrue( Subscriptions::request( 'target+2@example.nl', null, '127.0.7.3', 'form' ) );
		Notice_Sender::run( 30 );
		$this->assertCount( 4, self::$smtp->messages_to( 'target@example.nl' ) );
		// (Messages in one second come in no fixed order.)
		$subjects = array_map( static fn( array $m ): string => $m['headers']['subject'][0] ?? '', self::$smtp->messages_to( 'target@example.nl' ) );
		sort( $subjects );
		$this->assertSame( array( 'Your link to object to Brevo', 'Your link to object to Brevo', 'Your link to object to Brevo', 'Your link to object to SendGrid' ), $subjects );
		$this->assertCount( 1, self::$smtp->messages_to( 'target+2@example.nl' ) );

		// One client makes five requests an hour, of either kind.
		Rate_Limit::forget_all();
		for ( $i = 1; $i <= 4; $i++ ) {
			$this->assertTrue( $this->ask( "c$i@example.nl", '127.0.8.1' ) );
		}
		$this->assertTrue( Subscriptions::request( 'c5@example.nl', null, '127.0.8.1', 'form' ) );
		$this->assertInstanceOf( \WP_Error::class, $this->ask( 'c6@example.nl', '127.0.8.1' ) );

		// What is not an address is named, and nothing is written.
		$invalid = $this->ask( 'not an address', '127.0.9.1' );
		$this->assertInstanceOf( \WP_Error::class, $invalid );
		$this->assertSame( array( 'email' ), array_keys( $invalid->get_error_data()['params'] ?? array() ) );
	}

	public function test_no_link_is_sent_for_a_processor_that_is_not_announced_and_old_rows_go(): void {
		$this->assertTrue( $this->ask( 'early@example.nl' ) );
		$this->assertTrue( $this->ask( 'late@example.nl', '127.0.10.2', 'mailchimp' ) );
		Notice_Sender::run( 30 );
		$this->assertCount( 1, self::$smtp->messages_to( 'early@example.nl' ) );
		$this->assertCount( 0, self::$smtp->messages_to( 'late@example.nl' ), 'Mailchimp is in use: there is nothing to object to' );
		$this->assertNull( Objections::find( 'mailchimp', 'late@example.nl' ) );

		// Brevo starts: the unused link's row goes; an objection stays.
		$this->object( 'objected@example.nl' );
		$policy = Policy_Store::policy();
		foreach ( $policy['processors'] as $i => $processor ) {
			if ( 'brevo' === $processor['id'] ) {
				$policy['processors'][ $i ]['effectiveFrom'] = (string) wp_date( 'Y-m-d' );
			}
		}
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
		$this->assertSame( 1, Objections::purge_requested() );
		$this->assertNull( Objections::find( 'brevo', 'early@example.nl' ) );
		$this->assertNotNull( Objections::find( 'brevo', 'objected@example.nl' ) );

		// A link asked for in time but sent after the start is not sent.
		self::$smtp->clear();
		$this->assertTrue( $this->ask( 'after@example.nl', '127.0.10.3' ) );
		Notice_Sender::run( 30 );
		$this->assertSame( array(), self::$smtp->messages() );
	}

	public function test_a_link_nobody_used_goes_after_seven_days_with_its_email_still_to_send(): void {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::OBJECTIONS );
		$age   = static function ( string $email, int $days ) use ( $wpdb, $table ): void {
			$wpdb->update( $table, array( 'updated_at' => gmdate( 'Y-m-d H:i:s', time() - $days * DAY_IN_SECONDS ) ), array( 'email' => $email ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the test ages the plugin's own rows.
		};
		// Asked for, not sent yet (the requests are handled; the e-mails wait).
		$this->assertTrue( $this->ask( 'stale@example.nl', '127.0.11.1' ) );
		$this->assertTrue( $this->ask( 'fresh@example.nl', '127.0.11.2' ) );
		$this->assertTrue( $this->ask( 'erased@example.nl', '127.0.11.3' ) );
		Subscription_Requests::handle_waiting( microtime( true ) + 30 );
		$this->assertSame( 3, Delivery_Queue::counts()['waiting'] );
		$age( 'stale@example.nl', 8 );
		$age( 'fresh@example.nl', 8 );
		// Asked for again: its link lives from now.
		$this->assertTrue( $this->ask( 'fresh@example.nl', '127.0.11.4' ) );
		Subscription_Requests::handle_waiting( microtime( true ) + 30 );

		$this->assertSame( 1, Objections::purge_requested() );
		$this->assertNull( Objections::find( 'brevo', 'stale@example.nl' ) );
		$this->assertNotNull( Objections::find( 'brevo', 'fresh@example.nl' ) );
		$this->assertTrue( Objection_Privacy::erase( 'erased@example.nl' )['items_removed'] );
		// Their e-mails went with them: the queue holds only the fresh one's, and nothing stays due.
		$this->assertSame( 1, Delivery_Queue::counts()['waiting'] );
		Notice_Sender::run( 30 );
		$this->assertSame( array( 'fresh@example.nl' ), array_map( static fn( array $m ): string => trim( $m['headers']['x-rcptto'][0] ?? '' ), self::$smtp->messages() ) );
		$this->assertNull( Delivery_Queue::next_due_at() );
	}

	public function test_a_link_is_signed_for_its_row_its_processor_and_its_address(): void {
		$this->assertTrue( $this->ask( 'signed@example.nl' ) );
		Notice_Sender::run( 30 );
		$row = Objections::find( 'brevo', 'signed@example.nl' );
		$this->assertNotNull( $row );
		$token = Objection_Links::requested_token( $row );
		foreach ( array( array( 'id' => $row['id'] + 1 ), array( 'processorId' => 'mailchimp' ), array( 'email' => 'other@example.nl' ) ) as $other ) {
			$this->assertNotSame( $token, Objection_Links::requested_token( $other + $row ) );
		}
		$this->assertSame(
			Objection_Links::request_url( 'brevo' ),
			add_query_arg(
				array(
					'infosec-policy' => 'object',
					'processor'      => 'brevo',
				),
				home_url( '/' )
			)
		);
	}

	public function test_the_privacy_tools_export_and_erase_a_link_asked_for(): void {
		$this->assertTrue( $this->ask( 'private@example.nl' ) );
		Notice_Sender::run( 30 );
		$export = Objection_Privacy::export( 'private@example.nl' );
		$this->assertCount( 1, $export['data'] );
		$values = array_column( $export['data'][0]['data'], 'value', 'name' );
		$this->assertSame( 'A link to object was sent; no objection was made', $values['Status'] );
		$this->assertTrue( Objection_Privacy::erase( 'private@example.nl' )['items_removed'] );
		$this->assertNull( Objections::find( 'brevo', 'private@example.nl' ) );
	}
}

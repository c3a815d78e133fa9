<?php
/**
 * Notices of published changes, sent through a real SMTP server.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Objections\Objection_Links;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscriber_Tokens;
use InfosecPolicy\Subscribers\Subscribers;

/**
 * Each published change-log entry reaches each confirmed subscriber once: queued by the save,
 * sent by the background sender, never to pending addresses, never for internal changes, and
 * exactly once when the SMTP server goes away half-way and comes back.
 */
final class NoticeDeliveryTest extends MailTestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), Policy_Store::get()['revision'] )->is_saved() );
		$this->send_all();
		self::$smtp->clear();
	}

	public function test_a_published_change_reaches_each_confirmed_subscriber_once_and_no_pending_one(): void {
		$this->subscribers( 3, 'confirmed' );
		$this->subscribers( 2, 'pending', 'waiting' );

		$change = $this->rename( 'Renamed B.V.' );
		$this->assertSame( array(), self::$smtp->messages(), 'the save itself sends nothing' );
		$this->send_all();
		$this->send_all();

		foreach ( array( 'confirmed1', 'confirmed2', 'confirmed3' ) as $name ) {
			$messages = self::$smtp->messages_to( "$name@example.com" );
			$this->assertCount( 1, $messages, $name );
			$this->assertStringContainsString( 'Renamed B.V.', $messages[0]['text'] );
			$this->assertSame( '<infosec-policy-notice-' . $change . '-' . $this->subscriber( "$name@example.com" )['id'] . '@localhost>', $messages[0]['headers']['message-id'][0] );
		}
		$this->assertCount( 0, self::$smtp->messages_to( 'waiting1@example.com' ) );
		$this->assertCount( 3, self::$smtp->messages() );
	}

	public function test_a_changed_translation_is_told_only_to_the_subscribers_who_read_its_language(): void {
		$this->assertNotNull( Subscribers::add( 'dutch@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'english@example.com', 'en_US', 'confirmed', 'test' ) );
		$stored                 = Policy_Store::get();
		$policy                 = $stored['policy'];
		$policy['translations'] = array(
			'en' => array(
				'measures' => array(
					array(
						'id'    => 'werkproces',
						'title' => 'Work process',
					),
				),
			),
		);
		$this->assertTrue( Policy_Service::save( $policy, $stored['revision'] )->is_saved() );
		$this->send_all();
		$this->assertCount( 0, self::$smtp->messages_to( 'dutch@example.com' ), 'a Dutch reader is not told of an English translation' );
		$english = self::$smtp->messages_to( 'english@example.com' );
		$this->assertCount( 1, $english );
		$this->assertStringContainsString( 'Added a translation of this statement into English', $english[0]['text'] );

		self::$smtp->clear();
		$policy['translations']['en']['measures'][0]['title'] = 'How we work';
		$policy['organization']['name']                       = 'Taal B.V.';
		$this->assertTrue( Policy_Service::save( $policy, Policy_Store::get()['revision'] )->is_saved() );
		$this->send_all();
		$dutch   = self::$smtp->messages_to( 'dutch@example.com' );
		$english = self::$smtp->messages_to( 'english@example.com' );
		$this->assertCount( 1, $dutch );
		$this->assertStringContainsString( 'Taal B.V.', $dutch[0]['text'] );
		$this->assertStringNotContainsString( 'vertaling', $dutch[0]['text'] );
		$this->assertCount( 1, $english );
		$this->assertStringContainsString( 'Changed the translation of measure Werkproces into English', $english[0]['text'] );
	}

	public function test_the_preview_of_a_changed_translation_counts_only_its_readers(): void {
		$this->assertNotNull( Subscribers::add( 'dutch@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'dutch2@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'english@example.com', 'en_US', 'confirmed', 'test' ) );
		$stored                 = Policy_Store::get();
		$policy                 = $stored['policy'];
		$policy['translations'] = array(
			'en' => array(
				'measures' => array(
					array(
						'id'    => 'werkproces',
						'title' => 'Work process',
					),
				),
			),
		);
		$response               = $this->rest(
			'POST',
			'/policy/preview',
			array(
				'policy'   => $policy,
				'revision' => $stored['revision'],
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$preview = $response->get_data();
		$this->assertSame( 1, $preview['recipients'], 'the English reader only' );
		$this->assertSame( 'en_US', $preview['email']['locale'] );
		$this->assertStringContainsString( 'Added a translation of this statement into English', $preview['email']['text'] );
	}

	public function test_each_subscriber_reads_the_notice_in_their_own_language(): void {
		$this->assertContains( 'nl_NL', Subscribers::locales(), 'the test site has Dutch (or this test proves nothing)' );
		$this->assertNotNull( Subscribers::add( 'dutch@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'english@example.com', 'en_US', 'confirmed', 'test' ) );

		$this->rename( 'Taal B.V.' );
		$this->send_all();

		$dutch   = self::$smtp->messages_to( 'dutch@example.com' )[0];
		$english = self::$smtp->messages_to( 'english@example.com' )[0];
		$this->assertStringContainsString( 'heeft de verklaring over informatieveiligheid gewijzigd', $dutch['headers']['subject'][0] );
		$this->assertStringContainsString( 'Lees de verklaring:', $dutch['text'] );
		$this->assertStringContainsString( '<html lang="nl-NL">', $dutch['html'] );
		$this->assertStringContainsString( 'has changed its information security statement', $english['headers']['subject'][0] );
		$this->assertStringContainsString( 'Read the statement:', $english['text'] );
		$this->assertSame( 'en_US', get_locale(), 'the sender switches back' );
	}

	public function test_an_internal_change_is_sent_to_nobody(): void {
		$this->subscribers( 2, 'confirmed' );
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = 'Quietly renamed';
		$this->assertTrue( Policy_Service::save( $policy, $stored['revision'], 'save', '', true )->is_saved() );

		$this->send_all();

		$this->assertSame( array(), self::$smtp->messages() );
	}

	public function test_an_entry_published_later_is_sent_once_and_one_made_internal_before_sending_is_not(): void {
		$this->subscribers( 1, 'confirmed' );
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = 'Later published';
		$internal                       = Policy_Service::save( $policy, $stored['revision'], 'save', '', true )->change_id;
		$public                         = $this->rename( 'Made internal again' );
		$this->assertNotNull( $internal );

		$this->assertTrue( Change_Log::annotate( $internal, 'Now public', false ) );
		$this->assertTrue( Change_Log::annotate( $public, '', true ) );
		$this->send_all();
		$this->assertTrue( Change_Log::annotate( $internal, 'Now public', true ) );
		$this->assertTrue( Change_Log::annotate( $internal, 'Public once more', false ) );
		$this->send_all();

		$messages = self::$smtp->messages_to( 'confirmed1@example.com' );
		$this->assertCount( 1, $messages );
		$this->assertStringContainsString( 'Later published', $messages[0]['text'] );
		$this->assertStringContainsString( 'Now public', $messages[0]['text'] );
	}

	public function test_someone_who_confirmed_after_the_change_is_not_sent_it(): void {
		$change = $this->rename( 'Before you came' );
		$this->subscribers( 1, 'confirmed' );
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET confirmed_at = %s", gmdate( 'Y-m-d H:i:s', time() + 5 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.

		$this->send_all();

		$this->assertSame( array(), self::$smtp->messages(), "entry $change was queued before the subscriber confirmed" );
	}

	public function test_an_unsubscribed_address_is_sent_nothing_more(): void {
		$this->subscribers( 2, 'confirmed' );
		$this->rename( 'First change' );
		$this->send_all();
		$leaving = Subscribers::find( 'confirmed1@example.com' );
		$this->assertNotNull( $leaving );
		$this->assertTrue( Subscribers::remove( $leaving['id'] ) );

		$this->rename( 'Second change' );
		$this->send_all();

		$this->assertCount( 1, self::$smtp->messages_to( 'confirmed1@example.com' ) );
		$this->assertCount( 2, self::$smtp->messages_to( 'confirmed2@example.com' ) );
	}

	public function test_the_notice_has_both_parts_a_one_click_unsubscribe_and_a_reply_to_the_organisation(): void {
		$this->subscribers( 1, 'confirmed' );
		$subscriber = $this->subscriber( 'confirmed1@example.com' );
		$this->rename( 'Parts & Co <b>' );

		$this->send_all();

		$message = self::$smtp->messages_to( 'confirmed1@example.com' )[0];
		$this->assertStringStartsWith( 'multipart/alternative', $message['headers']['content-type'][0] );
		$this->assertSame( '<' . Subscriber_Tokens::url( 'unsubscribe', $subscriber ) . '>', $message['headers']['list-unsubscribe'][0] );
		$this->assertSame( 'List-Unsubscribe=One-Click', $message['headers']['list-unsubscribe-post'][0] );
		$this->assertSame( Policy_Store::policy()['organization']['email'], $message['headers']['reply-to'][0] );
		$this->assertSame( 'auto-generated', $message['headers']['auto-submitted'][0] );
		$from = iconv_mime_decode( $message['headers']['from'][0], 0, 'UTF-8' );
		$this->assertSame( 'Parts & Co b <statement@example.com>', str_replace( '"', '', (string) $from ), 'the organisation is the sender, at the address the SMTP plugin sets' );
		$this->assertStringContainsString( 'Parts & Co <b>', $message['text'] );
		$this->assertStringContainsString( 'Parts &amp; Co &lt;b&gt;', $message['html'] );
		$this->assertStringNotContainsString( '<b>', $message['html'] );
		$this->assertStringContainsString( Subscriber_Tokens::url( 'unsubscribe', $subscriber ), $message['text'] );
	}

	public function test_the_preview_before_a_save_is_the_notice_the_subscribers_then_get(): void {
		$this->assertContains( 'nl_NL', Subscribers::locales(), 'the test site has Dutch (or this test proves nothing)' );
		$this->assertNotNull( Subscribers::add( 'dutch1@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'dutch2@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$this->assertNotNull( Subscribers::add( 'english@example.com', 'en_US', 'confirmed', 'test' ) );
		$this->subscribers( 2, 'pending', 'waiting' );
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = 'Voorbeeld & Zn B.V.';
		$body                           = array(
			'policy'     => $policy,
			'revision'   => $stored['revision'],
			'changeNote' => "Nieuwe naam.\nZelfde mensen.",
		);

		$response = $this->rest( 'POST', '/policy/preview', $body );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$preview = $response->get_data();
		$this->assertSame( 3, $preview['recipients'], 'the confirmed subscribers, not the pending ones' );
		$this->assertSame( 'nl_NL', $preview['email']['locale'], 'the language most of them read' );
		$this->assertSame( 2, $preview['email']['languages'] );
		$this->assertSame( $stored['revision'], $preview['revision'] );
		$this->assertCount( 1, $preview['lines'] );
		$this->assertSame( 'en_US', determine_locale(), 'the preview switches back' );
		$this->assertSame( $stored, Policy_Store::get(), 'a preview writes nothing' );
		$this->send_all();
		$this->assertSame( array(), self::$smtp->messages(), 'a preview queues nothing' );

		$this->assertSame( 200, $this->rest( 'PUT', '/policy', $body )->get_status() );
		$this->send_all();

		$this->assertCount( 3, self::$smtp->messages() );
		$dutch   = self::$smtp->messages_to( 'dutch1@example.com' )[0];
		$way_out = static fn( string $text ): string => rtrim( (string) preg_replace( '/^http\S+subscriber=\d+\S*$/m', '(unsubscribe link)', $text ) );
		$this->assertSame( $preview['email']['subject'], iconv_mime_decode( $dutch['headers']['subject'][0], 0, 'UTF-8' ) );
		$this->assertSame( $way_out( $preview['email']['text'] ), $way_out( $dutch['text'] ), 'the same e-mail, but for the personal unsubscribe link' );
		$this->assertStringContainsString( 'Voorbeeld & Zn B.V.', $preview['email']['text'] );
		$this->assertStringContainsString( "Nieuwe naam.\nZelfde mensen.", $preview['email']['text'] );
		$this->assertSame( str_replace( '"', '', (string) iconv_mime_decode( $dutch['headers']['from'][0], 0, 'UTF-8' ) ), $preview['email']['from'], 'the sender after the SMTP plugin\'s filter' );
		$this->assertSame( $dutch['headers']['reply-to'][0], $preview['email']['replyTo'] );
	}

	public function test_a_preview_mails_nobody_for_an_internal_change_or_without_confirmed_subscribers(): void {
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = 'Nobody told';
		$body                           = array(
			'policy'   => $policy,
			'revision' => $stored['revision'],
		);
		$this->subscribers( 1, 'pending' );
		$this->assertSame( 0, $this->rest( 'POST', '/policy/preview', $body )->get_data()['recipients'], 'pending only' );

		$this->subscribers( 1, 'confirmed' );
		$this->assertSame( 1, $this->rest( 'POST', '/policy/preview', $body )->get_data()['recipients'] );
		$internal = $this->rest( 'POST', '/policy/preview', $body + array( 'changeInternal' => true ) )->get_data();
		$this->assertSame( 0, $internal['recipients'], 'an internal change' );
		$this->assertNull( $internal['email'] );
		$same = $this->rest( 'POST', '/policy/preview', array( 'policy' => $stored['policy'] ) + $body )->get_data();
		$this->assertSame( array(), $same['lines'] );
		$this->assertSame( 0, $same['recipients'], 'no change' );

		$dry_run = $this->rest( 'POST', '/policy/import', $body + array( 'dryRun' => true ) )->get_data();
		$this->assertSame( 1, $dry_run['recipients'], 'an import says it too' );
		$this->assertStringContainsString( 'Nobody told', $dry_run['email']['text'] );
	}

	public function test_an_announced_processor_gets_its_start_date_and_how_to_object(): void {
		$this->subscribers( 1, 'confirmed' );
		$stored                     = Policy_Store::get();
		$policy                     = $stored['policy'];
		$processor                  = $policy['processors'][0];
		$processor['id']            = 'new-crm';
		$processor['name']          = 'New CRM Ltd';
		$processor['effectiveFrom'] = gmdate( 'Y-m-d', time() + 30 * DAY_IN_SECONDS );
		$policy['processors'][]     = $processor;
		$this->assertTrue( Policy_Service::save( $policy, $stored['revision'] )->is_saved() );

		$this->send_all();

		$message = self::$smtp->messages_to( 'confirmed1@example.com' )[0];
		$this->assertStringContainsString( 'New CRM Ltd starts handling personal data on ' . wp_date( (string) get_option( 'date_format' ), time() + 30 * DAY_IN_SECONDS ) . '. To object to it, open this link before that day:', $message['text'] );
		// The subscriber's own signed link, for that processor only.
		$subscriber = Subscribers::find( 'confirmed1@example.com' );
		$this->assertNotNull( $subscriber );
		$link = Objection_Links::url( 'new-crm', $subscriber );
		$this->assertStringContainsString( "\n" . $link . "\n", $message['text'] );
		$this->assertStringContainsString( '<a href="' . esc_url( $link ) . '">Object to New CRM Ltd</a>', $message['html'] );
		$this->assertStringNotContainsString( $subscriber['email'], (string) wp_parse_url( $link, PHP_URL_QUERY ), 'the address is not in the link' );
		$this->assertTrue( Objection_Links::verify( 'new-crm', $subscriber, (string) ( wp_parse_args( (string) wp_parse_url( $link, PHP_URL_QUERY ) )['token'] ?? '' ) ) );
		$this->assertFalse( Objection_Links::verify( $policy['processors'][0]['id'], $subscriber, (string) ( wp_parse_args( (string) wp_parse_url( $link, PHP_URL_QUERY ) )['token'] ?? '' ) ), 'not for another processor' );
	}

	public function test_a_dutch_subscriber_gets_the_announcement_and_the_link_in_dutch(): void {
		$this->assertNotNull( Subscribers::add( 'nl@example.com', 'nl_NL', 'confirmed', 'test' ) );
		$stored                     = Policy_Store::get();
		$policy                     = $stored['policy'];
		$processor                  = $policy['processors'][0];
		$processor['id']            = 'brevo';
		$processor['name']          = 'Brevo';
		$processor['effectiveFrom'] = gmdate( 'Y-m-d', time() + 40 * DAY_IN_SECONDS );
		$policy['processors'][]     = $processor;
		$this->assertTrue( Policy_Service::save( $policy, $stored['revision'] )->is_saved() );

		$this->send_all();

		$messages = self::$smtp->messages_to( 'nl@example.com' );
		$this->assertCount( 1, $messages );
		$this->assertStringContainsString( 'Brevo begint op ', $messages[0]['text'] );
		$this->assertStringContainsString( '>Bezwaar tegen Brevo</a>', $messages[0]['html'] );
	}

	public function test_a_note_with_line_breaks_adds_no_header_and_no_recipient(): void {
		$this->subscribers( 1, 'confirmed' );
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = 'Injected';
		$note                           = "Hello\r\nBcc: victim@example.org\r\n\r\nX-Evil: 1\nCc: other@example.org";
		$this->assertTrue( Policy_Service::save( $policy, $stored['revision'], 'save', $note )->is_saved() );

		$this->send_all();

		$messages = self::$smtp->messages();
		$this->assertCount( 1, $messages );
		$this->assertSame( 'confirmed1@example.com', $messages[0]['headers']['x-rcptto'][0] );
		$this->assertArrayNotHasKey( 'bcc', $messages[0]['headers'] );
		$this->assertArrayNotHasKey( 'cc', $messages[0]['headers'] );
		$this->assertArrayNotHasKey( 'x-evil', $messages[0]['headers'] );
		$this->assertStringContainsString( 'Bcc: victim@example.org', $messages[0]['text'], 'the note is in the body, as text' );
	}

	public function test_a_processor_name_with_a_line_break_cannot_reach_a_header(): void {
		$stored                          = Policy_Store::get();
		$policy                          = $stored['policy'];
		$policy['processors'][0]['name'] = "Evil\r\nBcc: victim@example.org";
		$policy['organization']['name']  = "Org\r\nBcc: victim@example.org";

		$result = Policy_Service::save( $policy, $stored['revision'] );

		$this->assertFalse( $result->is_saved(), 'names are single lines: the save refuses them' );
		$this->send_all();
		$this->assertSame( array(), self::$smtp->messages() );
	}

	public function test_an_smtp_server_that_goes_away_half_way_loses_and_duplicates_nothing(): void {
		$this->subscribers( 10, 'confirmed' );
		$this->rename( 'Half way' );
		$sent    = 0;
		$smtp    = self::$smtp;
		$stopper = static function () use ( &$sent, $smtp ): void {
			if ( 4 === ++$sent ) {
				$smtp->stop();
			}
		};
		add_action( 'wp_mail_succeeded', $stopper );

		$first = Notice_Sender::run( 30.0 );
		remove_action( 'wp_mail_succeeded', $stopper );
		$this->assertSame( 4, $first['sent'] );
		$this->assertSame( 6, $first['failed'] );
		$this->assertSame( 6, Delivery_Queue::counts()['failed'] );
		self::$smtp->start();
		$this->assertSame( 0, Notice_Sender::run( 30.0 )['sent'], 'a failed message waits for its back-off' );
		$this->age_queue( Delivery_Queue::backoff( 1 ) );
		$second = Notice_Sender::run( 30.0 );

		$this->assertSame( 6, $second['sent'] );
		for ( $i = 1; $i <= 10; $i++ ) {
			$this->assertCount( 1, self::$smtp->messages_to( "confirmed$i@example.com" ), "confirmed$i" );
		}
		$this->assertSame( 10, Delivery_Queue::counts()['sent'] );
	}

	public function test_a_claim_left_by_a_worker_that_died_is_taken_over_after_it_expires(): void {
		$this->subscribers( 1, 'confirmed' );
		$this->rename( 'Dead worker' );
		Delivery_Queue::expand();
		$delivery = Delivery_Queue::due( 1 )[0];
		$this->assertTrue( Delivery_Queue::claim( $delivery, 'dead-worker' ) );

		$this->assertSame( 0, Notice_Sender::run( 30.0 )['sent'], 'a live claim is left alone' );
		$this->age_queue( Delivery_Queue::CLAIM_TTL );
		$this->assertSame( 1, Notice_Sender::run( 30.0 )['sent'] );
		Delivery_Queue::finish( $delivery['id'], 'dead-worker', 'failed', 'late' );

		$this->assertSame( 'sent', Delivery_Queue::get( $delivery['id'] )['status'] ?? null, 'the dead worker cannot overwrite the outcome' );
		$this->assertCount( 1, self::$smtp->messages() );
	}

	public function test_the_one_duplicate_is_a_message_the_database_did_not_mark_sent_and_it_keeps_its_message_id(): void {
		$this->subscribers( 1, 'confirmed' );
		$this->rename( 'Unmarked' );
		// The SMTP server takes the message; the database then does not record that it was sent
		// (a refused or lost update: the same as a worker that dies in that instant).
		$unmarked = static fn( string $query ): string => str_contains( $query, "SET status = 'sent'" ) ? 'SELECT 0' : $query;
		add_filter( 'query', $unmarked );
		$first    = Notice_Sender::run( 30.0 );
		remove_filter( 'query', $unmarked );
		$this->assertSame( 1, $first['sent'] );
		$this->assertSame( 0, Notice_Sender::run( 30.0 )['sent'], 'nothing is sent again while the claim holds' );

		$this->age_queue( Delivery_Queue::CLAIM_TTL );
		$this->assertSame( 1, Notice_Sender::run( 30.0 )['sent'], 'at least once: the claim expires and the message goes again' );
		$this->assertSame( 0, Notice_Sender::run( 30.0 )['sent'] );

		$messages = self::$smtp->messages_to( 'confirmed1@example.com' );
		$this->assertCount( 2, $messages );
		$this->assertSame( $messages[0]['headers']['message-id'], $messages[1]['headers']['message-id'], 'the copy has the same Message-ID, so a mail client can show it once' );
		$this->assertSame( 1, Delivery_Queue::counts()['sent'] );
	}

	public function test_a_save_queues_one_row_whatever_the_number_of_subscribers(): void {
		$this->subscribers( 50, 'confirmed' );
		global $wpdb;
		$deliveries = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$before     = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$deliveries}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.

		$this->rename( 'Cheap save' );

		$this->assertSame( $before, (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$deliveries}" ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.
		$this->assertSame( 1, Delivery_Queue::counts()['notices'] );
		$this->assertNotFalse( wp_next_scheduled( Notice_Sender::HOOK ) );
	}

	/**
	 * Adds subscribers named by status: confirmed1@example.com, …
	 *
	 * @param int                   $count  How many.
	 * @param 'confirmed'|'pending' $status Their status.
	 * @param string                $name   How their addresses begin.
	 */
	private function subscribers( int $count, string $status, string $name = '' ): void {
		$name = '' === $name ? $status : $name;
		for ( $i = 1; $i <= $count; $i++ ) {
			$this->assertNotNull( Subscribers::add( "$name$i@example.com", 'en_US', $status, 'test' ) );
		}
	}

	/**
	 * A subscriber that must be there.
	 *
	 * @param string $email Its address.
	 * @return array{ id: int, email: string, locale: string, status: 'pending'|'confirmed', requestedAt: int, confirmedAt: int|null, consentSource: string }
	 */
	private function subscriber( string $email ): array {
		$subscriber = Subscribers::find( $email );
		$this->assertNotNull( $subscriber, $email );
		return $subscriber;
	}

	/**
	 * Saves the policy with a new organisation name; the entry's id.
	 *
	 * @param string $name The name.
	 */
	private function rename( string $name ): int {
		$stored                         = Policy_Store::get();
		$policy                         = $stored['policy'];
		$policy['organization']['name'] = $name;
		$saved                          = Policy_Service::save( $policy, $stored['revision'] );
		$this->assertTrue( $saved->is_saved() );
		$this->assertNotNull( $saved->change_id );
		return $saved->change_id;
	}

	/**
	 * Runs the sender until nothing is due.
	 */
	private function send_all(): void {
		Notice_Sender::run( 60.0 );
	}

	/**
	 * Moves every waiting time of the queue into the past, as if that much time had passed.
	 *
	 * @param int $seconds How much.
	 */
	private function age_queue( int $seconds ): void {
		global $wpdb;
		$table = Subscriber_Tables::name( Subscriber_Tables::DELIVERIES );
		$wpdb->query( $wpdb->prepare( "UPDATE {$table} SET next_attempt_at = %s WHERE status <> 'sent'", gmdate( 'Y-m-d H:i:s', time() - 1 ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table name, no input.
		$this->assertGreaterThan( 0, $seconds );
	}
}

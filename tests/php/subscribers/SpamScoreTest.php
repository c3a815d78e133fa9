<?php
/**
 * The plugin's e-mails as spam filters read them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Mailer;
use InfosecPolicy\Subscribers\Notice_Mail;
use InfosecPolicy\Subscribers\Subscribers;

/**
 * Each automatic e-mail, as it leaves wp_mail() for a real SMTP server on loopback, scores 0 with
 * SpamAssassin's local rules (`spamassassin -L`: no network tests, which cannot run here and
 * judge the sending server, not the message).
 */
final class SpamScoreTest extends TestCase {

	/**
	 * The SMTP server the tests' mail goes to.
	 *
	 * @var SmtpTestServer
	 */
	private static SmtpTestServer $smtp;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$smtp = new SmtpTestServer();
	}

	public static function tearDownAfterClass(): void {
		self::$smtp->destroy();
		parent::tearDownAfterClass();
	}

	/**
	 * SpamAssassin's score for a message and the rules that gave it, with local rules only.
	 *
	 * @param string $raw The message as the SMTP server received it.
	 * @return array{ 0: float, 1: string }
	 */
	private function score( string $raw ): array {
		$process = proc_open( array( 'spamassassin', '-L', '-t' ), array( array( 'pipe', 'r' ), array( 'pipe', 'w' ), array( 'pipe', 'w' ) ), $pipes );
		$this->assertIsResource( $process, 'spamassassin runs (Debian package spamassassin)' );
		fwrite( $pipes[0], $raw ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- a pipe to a process.
		fclose( $pipes[0] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a pipe.
		$report = (string) stream_get_contents( $pipes[1] );
		fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a pipe.
		fclose( $pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- a pipe.
		proc_close( $process );
		$this->assertSame( 1, preg_match( '/Content analysis details:\s+\((-?[\d.]+) points/', $report, $match ), $report );
		return array( (float) ( $match[1] ?? 'NAN' ), $report );
	}

	/**
	 * Sends a message through wp_mail() to the test server and gives back what arrived.
	 *
	 * @param array{ to: string, subject: string, text: string, html: string, headers: list<string>, messageId: string } $mail The message.
	 */
	private function sent( array $mail ): string {
		self::$smtp->start();
		self::$smtp->clear();
		$unroute = self::$smtp->route_wp_mail();
		try {
			$this->assertSame( '', Mailer::send( $mail ) );
		} finally {
			$unroute();
		}
		$messages = self::$smtp->messages_to( $mail['to'] );
		$this->assertCount( 1, $messages );
		return $messages[0]['raw'];
	}

	public function test_the_confirmation_request_and_the_change_notice_score_zero(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), Policy_Store::get()['revision'] )->is_saved() );
		$policy                             = $this->demo_policy();
		$policy['processors'][1]['country'] = 'IE';
		$this->assertTrue( Policy_Service::save( $policy, Policy_Store::get()['revision'], 'save', 'Mailchimp now keeps our data in Ireland.' )->is_saved() );
		$subscriber = Subscribers::add( 'reader@example.org', 'en_US', 'confirmed', 'form' );
		$this->assertNotNull( $subscriber );
		$entry = Change_Log::page( 1, 1 )['entries'][0];

		foreach ( array(
			'confirmation' => Notice_Mail::confirmation( $subscriber ),
			'notice'       => Notice_Mail::notice( $entry, $subscriber ),
		) as $which => $mail ) {
			list( $points, $report ) = $this->score( $this->sent( $mail ) );
			$this->assertLessThanOrEqual( 0.0, $points, "the $which scores above 0:\n$report" );
		}
	}
}

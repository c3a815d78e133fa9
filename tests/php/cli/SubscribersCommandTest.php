<?php
/**
 * WP-CLI: wp infosec-policy subscribers, and two cron runs at once.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Tests\SmtpTestServer;

/**
 * The subscribers' commands, run by WP-CLI itself in processes of their own, and the sender run by
 * two WP-Cron processes at the same time against one SMTP server.
 */
final class SubscribersCommandTest extends CommandTestCase {

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

	protected function setUp(): void {
		parent::setUp();
		self::$smtp->clear();
		$this->env = array(
			'INFOSEC_TEST_SMTP_PORT'     => (string) self::$smtp->port,
			'INFOSEC_TEST_SMTP_DELAY_MS' => '0',
		);
	}

	public function test_import_of_an_audience_export_with_consent_stated_confirms_the_addresses_and_sends_nothing(): void {
		$csv = $this->dir . '/audience.csv';
		file_put_contents( $csv, "\"Email Address\",\"First Name\",\"Last Name\"\n\"Ann@Example.com\",\"Ann\",\"A\"\n\"bob@example.com\",\"Bob\",\"B\"\n\n\"ann@example.com\",\"Ann\",\"again\"\n" );

		$run = $this->smtp_wp( 'infosec-policy', 'subscribers', 'import', $csv, '--consented-elsewhere=Newsletter form, 2025' );

		$this->assertSame( 0, $run['status'], $run['stderr'] );
		$this->assertStringContainsString( 'Added 2 (2 confirmed, 0 sent a confirmation request); 0 already on the list.', $run['stdout'] );
		$list = json_decode( $this->smtp_wp( 'infosec-policy', 'subscribers', 'list', '--format=json' )['stdout'], true );
		$this->assertSame( array( 'bob@example.com', 'ann@example.com' ), array_column( $list, 'email' ) );
		$this->assertSame( array( 'confirmed', 'confirmed' ), array_column( $list, 'status' ) );
		$this->assertSame( 'import: Newsletter form, 2025', $list[0]['consent_source'] );
		$this->assertSame( array(), self::$smtp->messages() );
	}

	public function test_import_without_consent_queues_a_confirmation_request_for_each_new_address(): void {
		$file = $this->dir . '/list.txt';
		file_put_contents( $file, "one@example.com\ntwo@example.com\n" );

		$this->assertSame( 0, $this->smtp_wp( 'infosec-policy', 'subscribers', 'import', $file )['status'] );
		$this->assertSame( array(), self::$smtp->messages(), 'imported requests wait for the sender' );
		$send = $this->smtp_wp( 'infosec-policy', 'subscribers', 'send' );

		$this->assertSame( 0, $send['status'], $send['stderr'] );
		$this->assertStringContainsString( 'Sent 2, failed 0, skipped 0', $send['stdout'] );
		$this->assertCount( 1, self::$smtp->messages_to( 'one@example.com' ) );
		$this->assertStringContainsString( 'infosec-policy=confirm', self::$smtp->messages_to( 'two@example.com' )[0]['text'] );
	}

	public function test_an_import_with_one_bad_address_names_its_line_and_adds_nothing(): void {
		$file = $this->dir . '/list.csv';
		file_put_contents( $file, "email\ngood@example.com\nnot an address\n" );

		$run = $this->smtp_wp( 'infosec-policy', 'subscribers', 'import', $file, '--consented-elsewhere=CRM' );

		$this->assertSame( 1, $run['status'] );
		$this->assertStringContainsString( 'file[1] is not an e-mail address: not an address', $run['stderr'] );
		$this->assertSame( 'There are no subscribers.', trim( str_replace( 'Success: ', '', $this->smtp_wp( 'infosec-policy', 'subscribers', 'list' )['stdout'] ) ) );
	}

	public function test_remove_by_address_and_the_queue_state(): void {
		$file = $this->dir . '/list.csv';
		file_put_contents( $file, "a@example.com\nb@example.com\n" );
		$this->smtp_wp( 'infosec-policy', 'subscribers', 'import', $file, '--consented-elsewhere=CRM' );

		$removed = $this->smtp_wp( 'infosec-policy', 'subscribers', 'remove', 'a@example.com' );
		$missing = $this->smtp_wp( 'infosec-policy', 'subscribers', 'remove', 'nobody@example.com' );
		$queue   = json_decode( $this->smtp_wp( 'infosec-policy', 'subscribers', 'queue', '--format=json' )['stdout'], true );

		$this->assertSame( 0, $removed['status'], $removed['stderr'] );
		$this->assertSame( 1, $missing['status'] );
		$this->assertStringContainsString( 'nobody@example.com', $missing['stderr'] );
		$this->assertSame( 1, $queue['confirmed'] );
		$this->assertSame( 0, $queue['waiting'] );
	}

	public function test_two_cron_runs_at_once_send_each_notice_exactly_once(): void {
		for ( $i = 1; $i <= 30; $i++ ) {
			$this->assertNotNull( Subscribers::add( "reader$i@example.com", 'en_US', 'confirmed', 'test' ) );
		}
		wp_set_current_user( 1 );
		$policy = infosec_policy_demo_policy();
		$this->assertTrue( Policy_Service::save( $policy, 0 )->is_saved() );
		$policy['organization']['name'] = 'Overlap B.V.';
		$this->assertTrue( Policy_Service::save( $policy, Policy_Store::get()['revision'] )->is_saved() );
		$this->env['INFOSEC_TEST_SMTP_DELAY_MS'] = '40';

		$hook = '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-run-hook.php';
		$runs = $this->at_once(
			array( $hook, 'test-run-hook', Notice_Sender::HOOK ),
			array( $hook, 'test-run-hook', Notice_Sender::HOOK )
		);

		foreach ( $runs as $run ) {
			$this->assertSame( 0, $run['status'], $run['stderr'] );
		}
		for ( $i = 1; $i <= 30; $i++ ) {
			$this->assertCount( 2, self::$smtp->messages_to( "reader$i@example.com" ), "reader$i: the first publication and the rename, once each" );
		}
		$this->assertCount( 60, self::$smtp->messages() );
		$this->assertLessThan( 60, $runs[0]['sent'], 'both runs sent some (or this test proved nothing about overlap)' );
		$this->assertLessThan( 60, $runs[1]['sent'], 'both runs sent some (or this test proved nothing about overlap)' );
	}

	/**
	 * Runs WP-CLI with the SMTP fixture.
	 *
	 * @param string ...$args The command and its arguments.
	 * @return array{ status: int, stdout: string, stderr: string }
	 */
	private function smtp_wp( string ...$args ): array {
		return $this->wp( '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-smtp.php', ...$args );
	}

	/**
	 * Starts several WP-CLI runs at once, with the SMTP fixture, and waits for all; each with how
	 * many messages it sent (the fixture marks each message with its process's id).
	 *
	 * @param list<string> ...$commands The runs' arguments.
	 * @return list<array{ status: int, stdout: string, stderr: string, sent: int }>
	 */
	private function at_once( array ...$commands ): array {
		$processes = array();
		foreach ( $commands as $index => $args ) {
			list( $command, $env ) = $this->command( array_merge( array( '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-smtp.php' ), $args ) );
			$out                   = $this->dir . "/run-$index.out";
			$err                   = $this->dir . "/run-$index.err";
			$process               = proc_open( $command, array( array( 'file', '/dev/null', 'r' ), array( 'file', $out, 'w' ), array( 'file', $err, 'w' ) ), $pipes, $this->dir, $env );
			$this->assertIsResource( $process );
			$processes[] = array( $process, $out, $err );
		}
		$results = array();
		foreach ( $processes as list( $process, $out, $err ) ) {
			// proc_get_status() reaps an ended process, after which proc_close() cannot tell its exit
			// status: so the status is read from it alone.
			$status = proc_get_status( $process );
			while ( $status['running'] ) {
				usleep( 20000 );
				$status = proc_get_status( $process );
			}
			proc_close( $process );
			$results[] = array(
				'status' => $status['exitcode'],
				'stdout' => (string) file_get_contents( $out ),
				'stderr' => (string) file_get_contents( $err ),
				'sent'   => count( array_filter( self::$smtp->messages(), static fn( array $m ): bool => ( $m['headers']['x-infosec-test-pid'][0] ?? '' ) === (string) $status['pid'] ) ),
			);
		}
		return $results;
	}
}

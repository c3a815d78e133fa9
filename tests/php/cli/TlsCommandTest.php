<?php
/**
 * The tls check command, against real TLS servers on 127.0.0.1.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Tests\TlsTestServers;
use InfosecPolicy\Tls\Tls_Results;

/**
 * The check refreshes the stored results and prints them; a failing certificate is a finding,
 * not a failure of the command.
 */
final class TlsCommandTest extends CommandTestCase {

	/**
	 * The TLS servers of this class.
	 *
	 * @var TlsTestServers
	 */
	private static TlsTestServers $servers;

	/**
	 * The port of a server with a valid certificate for site.test, from the test CA.
	 *
	 * @var int
	 */
	private static int $valid_port = 0;

	/**
	 * The port of a server with a self-signed certificate for site.test.
	 *
	 * @var int
	 */
	private static int $self_signed_port = 0;

	/**
	 * The port of a plain-HTTP server that sends every request on to https://site.test/.
	 *
	 * @var int
	 */
	private static int $http_port = 0;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers          = new TlsTestServers();
		self::$valid_port       = self::$servers->serve( 'site.test' );
		self::$self_signed_port = self::$servers->serve( 'site.test', 365, true );
		self::$http_port        = self::$servers->serve_http( "HTTP/1.1 301 Moved Permanently\r\nLocation: https://site.test/" );
	}

	public static function tearDownAfterClass(): void {
		self::$servers->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		// The site on site.test, and one processor, Mailchimp, whose host this site may not reach
		// (WP_HTTP_BLOCK_EXTERNAL): the check refuses it before any lookup.
		$policy                 = $this->demo_policy();
		$policy['site']['host'] = 'site.test';
		$policy['processors']   = array_slice( $policy['processors'], 0, 2 );
		$this->assertTrue( Policy_Service::save( $policy, 0 )->is_saved() );
		$this->env = array(
			'INFOSEC_TEST_TLS_HOST'   => 'site.test',
			'INFOSEC_TEST_TLS_PORT'   => (string) self::$valid_port,
			'INFOSEC_TEST_TLS_CAFILE' => self::$servers->ca_file(),
			'INFOSEC_TEST_HTTP_PORT'  => (string) self::$http_port,
		);
	}

	/**
	 * Runs `wp infosec-policy tls check …` with the TLS check pointed at the test server.
	 *
	 * @param string ...$args More arguments.
	 * @return array{ status: int, stdout: string, stderr: string }
	 */
	private function check( string ...$args ): array {
		return $this->wp( '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-tls-loopback.php', 'infosec-policy', 'tls', 'check', ...$args );
	}

	/**
	 * The rows of the table the check printed (tab-separated, since its output is not a terminal),
	 * by host.
	 *
	 * @param string $stdout The output.
	 * @return array<string, array<string, string>>
	 */
	private static function rows( string $stdout ): array {
		$lines  = explode( "\n", rtrim( $stdout ) );
		$header = explode( "\t", (string) array_shift( $lines ) );
		$rows   = array();
		foreach ( $lines as $line ) {
			$row                  = array_combine( $header, explode( "\t", $line ) );
			$rows[ $row['host'] ] = $row;
		}
		return $rows;
	}

	public function test_checks_every_host_the_policy_names_and_stores_the_results(): void {
		$run = $this->check();
		$this->assertExitStatus( 0, $run );
		$rows = self::rows( $run['stdout'] );
		$this->assertSame( array( 'site.test', 'mailchimp.com' ), array_keys( $rows ) );
		$this->assertSame( 'Valid (valid)', $rows['site.test']['status'] );
		$this->assertSame( 'Infosec Policy Tests (Infosec Policy Test CA)', $rows['site.test']['issuer'] );
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', $rows['site.test']['valid until'] );
		$this->assertSame( 'Check not allowed (blocked)', $rows['mailchimp.com']['status'] );
		$this->assertStringContainsString( 'WP_HTTP_BLOCK_EXTERNAL', $rows['mailchimp.com']['reason'] );
		$this->assertSame( '', $run['stderr'] );

		wp_cache_flush();
		$stored = Tls_Results::all();
		$this->assertSame( array( 'valid', 'blocked' ), array( $stored['site.test']['status'] ?? null, $stored['mailchimp.com']['status'] ?? null ) );
	}

	public function test_a_certificate_that_fails_is_reported_and_the_command_still_exits_0(): void {
		$this->env['INFOSEC_TEST_TLS_PORT'] = (string) self::$self_signed_port;

		$run = $this->check( 'site.test' );
		$this->assertExitStatus( 0, $run );
		$rows = self::rows( $run['stdout'] );
		$this->assertSame( array( 'site.test' ), array_keys( $rows ) );
		$this->assertSame( 'Not trusted (untrusted)', $rows['site.test']['status'] );
		$this->assertStringContainsString( 'certificate verify failed', $rows['site.test']['reason'], 'the reason, once on one line' );
		$this->assertSame( "Warning: 1 host serves a certificate that browsers refuse; see wp infosec-policy findings.\n", $run['stderr'] );

		wp_cache_flush();
		$this->assertSame( array( 'site.test' ), array_keys( Tls_Results::all() ), 'only the named host is checked' );
		$this->assertSame( 'untrusted', Tls_Results::all()['site.test']['status'] ?? null );
	}

	public function test_a_host_the_policy_does_not_name_exits_1_naming_it_and_checks_nothing(): void {
		$run = $this->check( 'other.test' );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( "Error: other.test is not a host the policy names. It names: site.test, mailchimp.com.\n", $run['stderr'] );
		$this->assertSame( '', $run['stdout'] );
		$this->assertNull( $this->option_raw( Tls_Results::OPTION ) );
	}

	public function test_checks_turned_off_exit_1_and_connect_nowhere(): void {
		$run = $this->wp( '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-tls-loopback.php', '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-tls-checks-off.php', 'infosec-policy', 'tls', 'check' );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( 'The certificate checks are turned off on this site', $run['stderr'] );
		$this->assertNull( $this->option_raw( Tls_Results::OPTION ), 'nothing was checked, so nothing is stored' );
	}

	public function test_the_check_of_the_site_checks_its_https_facts_and_tls_https_prints_them(): void {
		$before = $this->wp( 'infosec-policy', 'tls', 'https' );
		$this->assertExitStatus( 1, $before );
		$this->assertSame( "Error: The website has not been checked yet; run wp infosec-policy tls check.\n", $before['stderr'] );

		$this->assertExitStatus( 0, $this->check( 'mailchimp.com' ) );
		// Checking a processor does not check the site.
		$this->assertExitStatus( 1, $this->wp( 'infosec-policy', 'tls', 'https' ) );

		$this->assertExitStatus( 0, $this->check() );
		$text = $this->wp( 'infosec-policy', 'tls', 'https' );
		$this->assertExitStatus( 0, $text );
		$lines = explode( "\n", rtrim( $text['stdout'] ) );
		// openssl s_server -www sends no HSTS, and speaks TLS 1.2 and 1.3 only.
		$this->assertSame(
			array(
				'Visitors who open this website with http:// are sent on to https://.',
				'This website does not send HSTS, the header that tells browsers to use only https://.',
				'Connections to this website are encrypted with TLS 1.2 and TLS 1.3.',
				'The outdated TLS 1.0 and TLS 1.1 are refused.',
			),
			array_slice( $lines, 0, 4 )
		);
		$this->assertStringStartsWith( 'These connection facts were checked on ', $lines[4] ?? '' );

		$json = $this->wp( 'infosec-policy', 'tls', 'https', '--format=json' );
		$this->assertExitStatus( 0, $json );
		$facts = json_decode( $json['stdout'], true );
		$this->assertSame( array( 'site.test', 'checked', 'https', 'missing' ), array( $facts['host'] ?? null, $facts['status'] ?? null, $facts['httpRedirect'] ?? null, $facts['hsts'] ?? null ) );
	}
}

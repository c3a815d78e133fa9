<?php
/**
 * The TLS inspector against real TLS servers on 127.0.0.1.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Tls\Tls_Inspector;

/**
 * Each server outcome maps to its status, within the time bound, without a PHP warning.
 */
final class TlsInspectorTest extends TestCase {

	/**
	 * The servers of this class's tests.
	 *
	 * @var TlsTestServers
	 */
	private static TlsTestServers $servers;

	/**
	 * Ports by case.
	 *
	 * @var array<string, int>
	 */
	private static array $ports = array();

	/**
	 * When the certificate that expires at once was made.
	 *
	 * @var int
	 */
	private static int $expired_at = 0;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers              = new TlsTestServers();
		self::$ports['valid']       = self::$servers->serve( 'localhost' );
		self::$ports['expiring']    = self::$servers->serve( 'localhost', 5 );
		self::$ports['expired']     = self::$servers->serve( 'localhost', 0 );
		self::$expired_at           = time();
		self::$ports['self-signed'] = self::$servers->serve( 'localhost', 365, true );
		self::$ports['wrong-name']  = self::$servers->serve( 'other.example' );
	}

	public static function tearDownAfterClass(): void {
		self::$servers->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'infosec_policy_tls_allow_loopback', '__return_true' );
		add_filter( 'infosec_policy_tls_cafile', static fn(): string => self::$servers->ca_file() );
	}

	protected function tearDown(): void {
		remove_all_filters( 'infosec_policy_tls_allow_loopback' );
		remove_all_filters( 'infosec_policy_tls_cafile' );
		remove_all_filters( 'infosec_policy_tls_port' );
		parent::tearDown();
	}

	/**
	 * Inspects localhost on a port, with a time bound.
	 *
	 * @param int   $port    Port.
	 * @param float $timeout Seconds.
	 * @return array<string, mixed>
	 */
	private function inspect( int $port, float $timeout = 5.0 ): array {
		add_filter( 'infosec_policy_tls_port', static fn(): int => $port );
		return ( new Tls_Inspector( null, $timeout ) )->inspect( 'localhost' );
	}

	public function test_a_trusted_certificate_for_the_name_is_valid_with_its_details(): void {
		$result = $this->inspect( self::$ports['valid'] );
		$this->assertSame( 'valid', $result['status'], (string) $result['error'] );
		$this->assertSame( 'Infosec Policy Tests', $result['issuerOrganization'] );
		$this->assertSame( 'Infosec Policy Test CA', $result['issuerCommonName'] );
		$this->assertSame( 'localhost', $result['subject'] );
		$this->assertSame( array( 'localhost' ), $result['altNames'] );
		$this->assertSame( '127.0.0.1', $result['address'] );
		$this->assertContains( $result['protocol'], array( 'TLSv1.2', 'TLSv1.3' ) );
		$this->assertNotSame( '', $result['cipher'] );
		$this->assertGreaterThanOrEqual( 363, $result['daysLeft'] );
	}

	public function test_a_certificate_with_five_days_left_is_expiring(): void {
		$result = $this->inspect( self::$ports['expiring'] );
		$this->assertSame( 'expiring', $result['status'] );
		$this->assertContains( $result['daysLeft'], array( 4, 5 ) );
	}

	public function test_the_expiring_threshold_is_configurable(): void {
		add_filter( 'infosec_policy_tls_expiring_days', static fn(): int => 3 );
		$result = $this->inspect( self::$ports['expiring'] );
		remove_all_filters( 'infosec_policy_tls_expiring_days' );
		$this->assertSame( 'valid', $result['status'] );
	}

	public function test_an_expired_certificate_is_expired_not_untrusted(): void {
		// The certificate ends the second it starts; make sure that second is over.
		while ( time() <= self::$expired_at + 1 ) {
			usleep( 100000 );
		}
		$result = $this->inspect( self::$ports['expired'] );
		$this->assertSame( 'expired', $result['status'] );
		$this->assertSame( 'Infosec Policy Test CA', $result['issuerCommonName'] );
	}

	public function test_a_self_signed_certificate_is_untrusted(): void {
		$this->assertSame( 'untrusted', $this->inspect( self::$ports['self-signed'] )['status'] );
	}

	public function test_a_certificate_for_another_name_is_a_mismatch(): void {
		$result = $this->inspect( self::$ports['wrong-name'] );
		$this->assertSame( 'mismatch', $result['status'] );
		$this->assertSame( array( 'other.example' ), $result['altNames'] );
	}

	public function test_a_server_that_accepts_and_never_answers_times_out_within_the_bound(): void {
		$port    = TlsTestServers::silent_port( $socket );
		$started = microtime( true );
		$result  = $this->inspect( $port, 1.0 );
		$elapsed = microtime( true ) - $started;
		fclose( $socket );
		$this->assertSame( 'timeout', $result['status'] );
		// A bound, not a benchmark: the handshake must end with the budget, not start it over.
		$this->assertLessThan( 1.6, $elapsed );
	}

	public function test_inspections_leave_php_default_stream_context_verifying(): void {
		$this->inspect( self::$ports['self-signed'] );
		$defaults = stream_context_get_options( stream_context_get_default() );
		$this->assertArrayNotHasKey( 'ssl', $defaults, 'the probe options leaked into the default context' );
	}

	public function test_a_server_that_does_not_speak_tls_is_unreachable_not_untrusted(): void {
		$plain = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $plain );
		$name = (string) stream_socket_get_name( $plain, false );
		$port = (int) substr( $name, strrpos( $name, ':' ) + 1 );
		$pid  = pcntl_fork();
		if ( 0 === $pid ) {
			// The child answers every connection with plain text and closes it.
			for ( $i = 0; $i < 4; $i++ ) {
				$client = @stream_socket_accept( $plain, 5 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the child's accept times out once the test is done; nothing to report.
				if ( $client ) {
					fwrite( $client, "HTTP/1.0 400 Bad Request\r\n\r\n" );
					fclose( $client );
				}
			}
			exit( 0 );
		}
		$result = $this->inspect( $port, 2.0 );
		posix_kill( $pid, SIGTERM );
		pcntl_waitpid( $pid, $status );
		fclose( $plain );
		$this->assertSame( 'unreachable', $result['status'] );
	}

	public function test_a_closed_port_is_unreachable(): void {
		$this->assertSame( 'unreachable', $this->inspect( TlsTestServers::free_port() )['status'] );
	}

	public function test_without_the_loopback_filter_localhost_is_blocked_before_any_connection(): void {
		remove_all_filters( 'infosec_policy_tls_allow_loopback' );
		$connected = array();
		$inspector = new Tls_Inspector(
			static function ( string $address ) use ( &$connected ): string {
				$connected[] = $address;
				return 'recorded, not connected';
			}
		);
		$this->assertSame( 'blocked', $inspector->inspect( 'localhost' )['status'] );
		$this->assertSame( array(), $connected );
	}
}

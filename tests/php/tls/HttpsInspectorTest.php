<?php
/**
 * The HTTPS inspector against real HTTP and HTTPS servers on 127.0.0.1.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Tls\Https_Inspector;

/**
 * Plain HTTP redirected or not, HSTS sent or not, TLS 1.0 and 1.1 accepted or not: each as a
 * browser would find it, from servers this test starts, through the same guard as the TLS check.
 */
final class HttpsInspectorTest extends TestCase {

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

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers = new TlsTestServers();
		self::$ports   = array(
			'redirects'    => self::$servers->serve_http( "HTTP/1.1 301 Moved Permanently\r\nLocation: https://localhost/" ),
			'serves'       => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nContent-Type: text/html" ),
			'to-http'      => self::$servers->serve_http( "HTTP/1.1 302 Found\r\nLocation: http://localhost/welcome" ),
			'hsts'         => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nstrict-transport-security: max-age=31536000; includeSubDomains; preload", 'localhost' ),
			'no-hsts'      => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nX-Frame-Options: DENY", 'localhost' ),
			// max-age=0 tells browsers to forget HSTS: as good as none.
			'legacy'       => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=0", 'localhost', array( '1.0', '1.1', '1.2' ) ),
			'only-legacy'  => self::$servers->serve_http( 'HTTP/1.1 200 OK', 'localhost', array( '1.0' ) ),
			'wrong-name'   => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=600", 'other.example' ),
			'nothing-here' => TlsTestServers::free_port(),
		);
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
		foreach ( array( 'infosec_policy_tls_allow_loopback', 'infosec_policy_tls_cafile', 'infosec_policy_tls_port', 'infosec_policy_http_port', 'infosec_policy_tls_resolver' ) as $hook ) {
			remove_all_filters( $hook );
		}
		parent::tearDown();
	}

	/**
	 * Inspects localhost with plain HTTP on one server and HTTPS on another.
	 *
	 * @param string $http    Case of the plain-HTTP server.
	 * @param string $https   Case of the HTTPS server.
	 * @param float  $timeout Seconds per probe.
	 * @return array<string, mixed>
	 */
	private function inspect( string $http, string $https, float $timeout = 5.0 ): array {
		add_filter( 'infosec_policy_http_port', static fn(): int => self::$ports[ $http ] );
		add_filter( 'infosec_policy_tls_port', static fn(): int => self::$ports[ $https ] );
		return ( new Https_Inspector( null, $timeout ) )->inspect( 'localhost' );
	}

	public function test_a_host_that_redirects_sends_hsts_and_refuses_old_tls(): void {
		$facts = $this->inspect( 'redirects', 'hsts' );
		$this->assertSame( 'checked', $facts['status'] );
		$this->assertSame( '127.0.0.1', $facts['address'] );
		$this->assertSame( 'https', $facts['httpRedirect'] );
		$this->assertSame( 301, $facts['httpStatus'] );
		$this->assertSame( 'https://localhost/', $facts['httpLocation'] );
		$this->assertSame( 'sent', $facts['hsts'] );
		$this->assertSame( 31536000, $facts['hstsMaxAge'] );
		$this->assertTrue( $facts['hstsIncludeSubDomains'] );
		$this->assertTrue( $facts['hstsPreload'] );
		$this->assertSame(
			array(
				'1.0' => 'refused',
				'1.1' => 'refused',
				'1.2' => 'accepted',
				'1.3' => 'accepted',
			),
			$facts['tlsVersions']
		);
		$this->assertSame( array(), $facts['errors'] );
	}

	public function test_a_host_that_serves_plain_http_and_sends_no_hsts(): void {
		$facts = $this->inspect( 'serves', 'no-hsts' );
		$this->assertSame( 'none', $facts['httpRedirect'] );
		$this->assertSame( 200, $facts['httpStatus'] );
		$this->assertSame( 'missing', $facts['hsts'] );
		$this->assertSame( 0, $facts['hstsMaxAge'] );
	}

	public function test_a_redirect_to_another_http_address_is_not_a_redirect_to_https(): void {
		$facts = $this->inspect( 'to-http', 'hsts' );
		$this->assertSame( 'none', $facts['httpRedirect'] );
		$this->assertSame( 302, $facts['httpStatus'] );
		$this->assertSame( 'http://localhost/welcome', $facts['httpLocation'] );
	}

	public function test_a_host_that_still_accepts_tls_1_0_and_1_1(): void {
		$facts = $this->inspect( 'nothing-here', 'legacy' );
		$this->assertSame( 'checked', $facts['status'] );
		$this->assertSame( 'closed', $facts['httpRedirect'], 'nothing on port 80: plain HTTP is not offered at all' );
		$this->assertSame( 'missing', $facts['hsts'], 'max-age=0 switches HSTS off' );
		$this->assertSame(
			array(
				'1.0' => 'accepted',
				'1.1' => 'accepted',
				'1.2' => 'accepted',
				'1.3' => 'refused',
			),
			$facts['tlsVersions']
		);
	}

	public function test_a_host_that_speaks_only_tls_1_0_has_no_hsts_a_browser_would_see(): void {
		$facts = $this->inspect( 'redirects', 'only-legacy' );
		$this->assertSame( 'accepted', $facts['tlsVersions']['1.0'] );
		$this->assertSame( 'refused', $facts['tlsVersions']['1.2'] );
		// Today's browsers refuse TLS 1.0, as the inspector's verified connection does.
		$this->assertSame( 'unknown', $facts['hsts'] );
		$this->assertNotSame( array(), $facts['errors'] );
	}

	public function test_hsts_over_a_certificate_browsers_refuse_counts_for_nothing(): void {
		$facts = $this->inspect( 'redirects', 'wrong-name' );
		$this->assertSame( 'unknown', $facts['hsts'] );
		$this->assertSame( 0, $facts['hstsMaxAge'] );
		$this->assertNotSame( array(), $facts['errors'] );
		$this->assertSame( 'accepted', $facts['tlsVersions']['1.2'], 'the versions do not depend on trust' );
	}

	public function test_a_host_that_answers_nothing_is_unreachable(): void {
		$facts = $this->inspect( 'nothing-here', 'nothing-here' );
		$this->assertSame( 'unreachable', $facts['status'] );
		$this->assertSame( 'closed', $facts['httpRedirect'] );
		$this->assertSame( 'unknown', $facts['hsts'] );
		$this->assertSame( array( 'unknown' ), array_values( array_unique( $facts['tlsVersions'] ) ) );
	}

	public function test_a_host_that_accepts_and_never_answers_ends_within_its_time(): void {
		$port = TlsTestServers::silent_port( $socket );
		add_filter( 'infosec_policy_http_port', static fn(): int => $port );
		add_filter( 'infosec_policy_tls_port', static fn(): int => $port );
		$facts = ( new Https_Inspector( null, 0.3 ) )->inspect( 'localhost' );
		fclose( $socket );
		$this->assertSame( 'unreachable', $facts['status'] );
		$this->assertSame( 'unknown', $facts['httpRedirect'] );
		$this->assertSame( 'unknown', $facts['hsts'] );
		$this->assertContains( 'The check ran out of time.', $facts['errors'] );
	}

	public function test_it_connects_only_to_the_address_the_guard_judged(): void {
		$asked = array();
		add_filter( 'infosec_policy_tls_resolver', static fn( $addresses, string $host ): array => 'site.test' === $host ? array( '127.0.0.1' ) : array( '10.0.0.8' ), 10, 2 );
		$recorder = static function ( string $address, int $port ) use ( &$asked ): string {
			$asked[] = "$address:$port";
			return 'recorded, not connected';
		};
		add_filter( 'infosec_policy_http_port', static fn(): int => 8080 );
		add_filter( 'infosec_policy_tls_port', static fn(): int => 8443 );

		$refused = ( new Https_Inspector( $recorder ) )->inspect( 'internal.test' );
		$this->assertSame( 'blocked', $refused['status'] );
		$this->assertSame( array(), $asked, 'a host that resolves to a private address is never connected to' );

		( new Https_Inspector( $recorder ) )->inspect( 'site.test' );
		$this->assertSame( array( '127.0.0.1:8080', '127.0.0.1:8443', '127.0.0.1:8443', '127.0.0.1:8443', '127.0.0.1:8443', '127.0.0.1:8443' ), $asked );

		remove_all_filters( 'infosec_policy_tls_allow_loopback' );
		$asked    = array();
		$loopback = ( new Https_Inspector( $recorder ) )->inspect( 'site.test' );
		$this->assertSame( 'blocked', $loopback['status'], 'loopback only with the development filter' );
		$this->assertSame( array(), $asked );
	}

	public function test_the_hsts_header_is_read_as_rfc_6797_says(): void {
		$this->assertSame(
			array(
				'maxAge'            => 600,
				'includeSubDomains' => true,
				'preload'           => false,
			),
			Https_Inspector::parse_hsts( 'MAX-AGE="600" ; INCLUDESUBDOMAINS' )
		);
		$this->assertNull( Https_Inspector::parse_hsts( '' ) );
		$this->assertNull( Https_Inspector::parse_hsts( 'max-age=0; includeSubDomains' ) );
		$this->assertNull( Https_Inspector::parse_hsts( 'includeSubDomains; preload' ), 'no max-age, no policy' );
		$this->assertNull( Https_Inspector::parse_hsts( 'max-age=-5' ) );
		$this->assertNull( Https_Inspector::parse_hsts( 'max-age=1e9' ) );
	}
}

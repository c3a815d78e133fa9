<?php
/**
 * The server-side request forgery guard of the TLS check.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Tls\Host_Guard;
use InfosecPolicy\Tls\Tls_Inspector;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Hosts that must never be connected to are refused before any socket opens: the inspector gets a
 * connector that only records the address it was asked for, so even a broken guard sends nothing.
 */
final class HostGuardTest extends TestCase {

	/**
	 * Addresses the connector was asked for.
	 *
	 * @var list<string>
	 */
	private array $asked = array();

	/**
	 * The inspector, with the recording connector.
	 *
	 * @var Tls_Inspector
	 */
	private Tls_Inspector $inspector;

	protected function setUp(): void {
		parent::setUp();
		$this->asked     = array();
		$asked           = &$this->asked;
		$this->inspector = new Tls_Inspector(
			static function ( string $address ) use ( &$asked ): string {
				$asked[] = $address;
				return 'recorded, not connected';
			}
		);
		// Names under .test resolve only through this table; nothing asks real DNS.
		add_filter(
			'infosec_policy_tls_resolver',
			static fn( $addresses, string $host ) => array(
				'internal.test' => array( '10.1.2.3' ),
				'metadata.test' => array( '169.254.169.254' ),
				'mixed.test'    => array( '93.184.216.34', '192.168.1.10' ),
				'mapped.test'   => array( '::ffff:127.0.0.1' ),
				'public.test'   => array( '93.184.216.34' ),
				'public6.test'  => array( '2606:2800:220:1:248:1893:25c8:1946' ),
				'localhost'     => array( '127.0.0.1' ),
			)[ $host ] ?? array(),
			10,
			2
		);
	}

	protected function tearDown(): void {
		remove_all_filters( 'infosec_policy_tls_resolver' );
		remove_all_filters( 'infosec_policy_tls_allow_loopback' );
		parent::tearDown();
	}

	/**
	 * Hosts the guard refuses.
	 *
	 * @return array<string, array{ string }>
	 */
	public static function refused_hosts(): array {
		return array(
			'IPv4 loopback'                      => array( '127.0.0.1' ),
			'localhost'                          => array( 'localhost' ),
			'private 10/8'                       => array( '10.0.0.1' ),
			'cloud metadata'                     => array( '169.254.169.254' ),
			'IPv6 loopback in brackets'          => array( '[::1]' ),
			'IPv4-mapped IPv6'                   => array( '::ffff:127.0.0.1' ),
			'carrier-grade NAT'                  => array( '100.64.0.1' ),
			'unspecified'                        => array( '0.0.0.0' ),
			'decimal IPv4'                       => array( '2130706433' ),
			'hexadecimal IPv4'                   => array( '0x7f000001' ),
			'host with a port'                   => array( 'public.test:443' ),
			'host with a path'                   => array( 'public.test/admin' ),
			'URL'                                => array( 'https://public.test' ),
			'user info'                          => array( 'user@public.test' ),
			'name resolving to a private range'  => array( 'internal.test' ),
			'name resolving to link-local'       => array( 'metadata.test' ),
			'name with one private address'      => array( 'mixed.test' ),
			'name resolving to a mapped address' => array( 'mapped.test' ),
		);
	}

	/**
	 * Each such host is refused without a connection attempt.
	 *
	 * @param string $host The host an admin typed.
	 */
	#[DataProvider( 'refused_hosts' )]
	public function test_refuses_without_opening_a_socket( string $host ): void {
		$result = $this->inspector->inspect( $host );
		$this->assertSame( 'blocked', $result['status'], $host );
		$this->assertSame( array(), $this->asked, $host );
		$this->assertNotSame( '', $result['error'] );
	}

	public function test_a_name_that_does_not_resolve_is_unreachable_without_a_connection(): void {
		$this->assertSame( 'unreachable', $this->inspector->inspect( 'nowhere.test' )['status'] );
		$this->assertSame( array(), $this->asked );
	}

	public function test_a_public_host_is_connected_to_at_the_address_that_was_checked(): void {
		$this->inspector->inspect( 'public.test' );
		$this->assertSame( array( '93.184.216.34' ), $this->asked );
	}

	public function test_an_ipv6_only_public_host_is_allowed(): void {
		$this->assertTrue( Host_Guard::check( 'public6.test' )['allowed'] );
	}

	public function test_a_host_outside_wp_accessible_hosts_is_blocked_when_external_requests_are(): void {
		$this->assertTrue( defined( 'WP_HTTP_BLOCK_EXTERNAL' ) && WP_HTTP_BLOCK_EXTERNAL, 'the test instances block external requests' );
		$verdict = Host_Guard::check( 'mailchimp.com' );
		$this->assertFalse( $verdict['allowed'] );
		$this->assertStringContainsString( 'WP_HTTP_BLOCK_EXTERNAL', $verdict['reason'] );
	}

	public function test_the_development_filter_allows_loopback_and_nothing_else(): void {
		add_filter( 'infosec_policy_tls_allow_loopback', '__return_true' );
		$this->assertTrue( Host_Guard::check( 'localhost' )['allowed'] );
		$this->assertFalse( Host_Guard::check( 'internal.test' )['allowed'] );
		$this->assertFalse( Host_Guard::check( '127.0.0.1' )['allowed'], 'an address is still not a host name' );
	}

	/**
	 * Addresses and whether they may be connected to.
	 *
	 * @return array<string, array{ string, bool }>
	 */
	public static function addresses(): array {
		return array(
			'public IPv4'        => array( '93.184.216.34', true ),
			'public IPv6'        => array( '2606:2800:220:1:248:1893:25c8:1946', true ),
			'172.16/12 start'    => array( '172.16.0.1', false ),
			'172.31 end'         => array( '172.31.255.255', false ),
			'172.32 is public'   => array( '172.32.0.1', true ),
			'192.168/16'         => array( '192.168.0.1', false ),
			'multicast'          => array( '224.0.0.1', false ),
			'reserved 240/4'     => array( '240.0.0.1', false ),
			'broadcast'          => array( '255.255.255.255', false ),
			'CGNAT end'          => array( '100.127.255.255', false ),
			'100.128 is public'  => array( '100.128.0.1', true ),
			'unique local v6'    => array( 'fd00::1', false ),
			'link-local v6'      => array( 'fe80::1', false ),
			'multicast v6'       => array( 'ff02::1', false ),
			'NAT64'              => array( '64:ff9b::7f00:1', false ),
			'IPv4-compatible'    => array( '::a00:1', false ),
			'IPv4-compatible lo' => array( '::7f00:1', false ),
			'SIIT'               => array( '::ffff:0:a00:1', false ),
			'documentation v6'   => array( '3fff::1', false ),
			'unallocated v6'     => array( '4000::1', false ),
			'mapped loopback'    => array( '::ffff:127.0.0.1', false ),
			'not an address'     => array( 'example', false ),
		);
	}

	/**
	 * Each address is judged by its range.
	 *
	 * @param string $address An address.
	 * @param bool   $allowed Whether it may be connected to.
	 */
	#[DataProvider( 'addresses' )]
	public function test_judges_addresses_by_range( string $address, bool $allowed ): void {
		$this->assertSame( $allowed, Host_Guard::is_public_address( $address ) );
	}
}

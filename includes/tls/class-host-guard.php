<?php
/**
 * Keeps the TLS check from becoming a way to probe internal networks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

defined( 'ABSPATH' ) || exit;

/**
 * Decides whether a host an admin typed may be checked, and at which address.
 *
 * Only a bare host name passes (no scheme, user info, port, path, and no IP address in any
 * notation). It is resolved once; if any address it resolves to is loopback, private, link-local
 * (cloud metadata included), carrier-grade NAT, reserved, multicast, or an IPv4-mapped or NAT64
 * IPv6 address, the host is refused, and the check connects to the address that was judged, so a
 * second lookup cannot point it elsewhere. WP_HTTP_BLOCK_EXTERNAL and WP_ACCESSIBLE_HOSTS apply.
 *
 * The filter `infosec_policy_tls_allow_loopback` (off by default) lets development and tests check
 * hosts on loopback; `infosec_policy_tls_resolver` replaces DNS for tests.
 *
 * @phpstan-type Verdict array{ allowed: bool, address: string, code: ''|'not_host_name'|'not_accessible'|'no_address'|'private_address', reason: string }
 */
final class Host_Guard {

	/**
	 * Ranges never checked, as CIDR. For IPv6 only those inside global unicast (2000::/3) are
	 * listed: is_public_address() refuses everything outside it (loopback, link-local, unique
	 * local, multicast, IPv4-mapped and NAT64 included) before it reads this list.
	 */
	private const BLOCKED_RANGES = array(
		'0.0.0.0/8',
		'10.0.0.0/8',
		'100.64.0.0/10',
		'127.0.0.0/8',
		'169.254.0.0/16',
		'172.16.0.0/12',
		'192.0.0.0/24',
		'192.0.2.0/24',
		'192.88.99.0/24',
		'192.168.0.0/16',
		'198.18.0.0/15',
		'198.51.100.0/24',
		'203.0.113.0/24',
		'224.0.0.0/4',
		'240.0.0.0/4',
		'3fff::/20',
		'2001::/23',
		'2001:db8::/32',
		'2002::/16',
	);

	private const LOOPBACK_RANGES = array( '127.0.0.0/8', '::1/128' );

	/**
	 * Judges a host.
	 *
	 * @param string $host A host name as the admin typed it.
	 * @return Verdict
	 */
	public static function check( string $host ): array {
		$host = strtolower( trim( $host ) );
		if ( ! self::is_host_name( $host ) ) {
			return self::refuse( 'not_host_name', __( 'Not a bare host name: no scheme, port, path or IP address.', 'infosec-policy' ) );
		}
		if ( ! self::is_accessible( $host ) ) {
			return self::refuse( 'not_accessible', __( 'Outgoing connections to this host are blocked on this site (WP_HTTP_BLOCK_EXTERNAL).', 'infosec-policy' ) );
		}
		$addresses = self::resolve( $host );
		if ( array() === $addresses ) {
			return self::refuse( 'no_address', __( 'The host name does not resolve.', 'infosec-policy' ) );
		}
		foreach ( $addresses as $address ) {
			if ( ! self::is_public_address( $address ) ) {
				return self::refuse(
					'private_address',
					/* translators: %s: an IP address. */
					sprintf( __( 'The host resolves to %s, an address that is not on the public internet.', 'infosec-policy' ), $address )
				);
			}
		}
		return array(
			'allowed' => true,
			'address' => $addresses[0],
			'code'    => '',
			'reason'  => '',
		);
	}

	/**
	 * Whether a string is a host name and not an address: labels of letters, digits and hyphens,
	 * at least two, the last starting with a letter ("localhost" passes only for loopback checks).
	 *
	 * @param string $host Lower-case host.
	 */
	public static function is_host_name( string $host ): bool {
		if ( 'localhost' === $host ) {
			return self::loopback_allowed();
		}
		return strlen( $host ) <= 253
			&& 1 === preg_match( '/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/D', $host );
	}

	/**
	 * Whether an IP address may be connected to.
	 *
	 * @param string $address An IPv4 or IPv6 address.
	 */
	public static function is_public_address( string $address ): bool {
		if ( false === filter_var( $address, FILTER_VALIDATE_IP ) ) {
			return false;
		}
		if ( self::loopback_allowed() && self::in_ranges( $address, self::LOOPBACK_RANGES ) ) {
			return true;
		}
		// IPv6 outside global unicast (2000::/3) is never a public server: that also covers
		// IPv4-compatible, SIIT and unallocated forms that a table of exceptions could miss.
		if ( str_contains( $address, ':' ) && ! self::in_ranges( $address, array( '2000::/3' ) ) ) {
			return false;
		}
		return ! self::in_ranges( $address, self::BLOCKED_RANGES );
	}

	/**
	 * Whether the development and test filter allows loopback addresses.
	 */
	private static function loopback_allowed(): bool {
		/**
		 * Filters whether the TLS check may connect to loopback (127.0.0.0/8, ::1), for development
		 * and tests. Never enable this on a production site.
		 *
		 * @param bool $allow Default false.
		 */
		return true === apply_filters( 'infosec_policy_tls_allow_loopback', false );
	}

	/**
	 * Whether WordPress's own outgoing-request policy lets this host be reached.
	 *
	 * @param string $host Lower-case host.
	 */
	private static function is_accessible( string $host ): bool {
		if ( ! defined( 'WP_HTTP_BLOCK_EXTERNAL' ) || ! WP_HTTP_BLOCK_EXTERNAL ) {
			return true;
		}
		// As core's WP_Http::block_request(): the site's own host and localhost stay reachable.
		if ( 'localhost' === $host || strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ) === $host ) {
			return true;
		}
		if ( ! defined( 'WP_ACCESSIBLE_HOSTS' ) ) {
			return false;
		}
		$patterns = preg_split( '|,\s*|', (string) WP_ACCESSIBLE_HOSTS );
		foreach ( false === $patterns ? array() : $patterns as $pattern ) {
			$regex = '/^' . str_replace( '\*', '.+', preg_quote( strtolower( $pattern ), '/' ) ) . '$/D';
			if ( 1 === preg_match( $regex, $host ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The host's addresses, IPv4 and IPv6, looked up once.
	 *
	 * @param string $host Lower-case host.
	 * @return list<string>
	 */
	private static function resolve( string $host ): array {
		/**
		 * Replaces DNS for the TLS check, for tests: return a list of addresses, or null to use DNS.
		 *
		 * @param list<string>|null $addresses Default null.
		 * @param string            $host      The host name.
		 */
		$addresses = apply_filters( 'infosec_policy_tls_resolver', null, $host );
		if ( ! is_array( $addresses ) ) {
			$addresses = array();
			$ipv4      = gethostbynamel( $host );
			if ( false !== $ipv4 ) {
				$addresses = $ipv4;
			}
			$records = @dns_get_record( $host, DNS_AAAA ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a failed lookup is an answer here, not a warning.
			foreach ( is_array( $records ) ? $records : array() as $record ) {
				if ( isset( $record['ipv6'] ) && is_string( $record['ipv6'] ) ) {
					$addresses[] = $record['ipv6'];
				}
			}
		}
		return array_values( array_unique( array_filter( array_map( 'strval', $addresses ) ) ) );
	}

	/**
	 * Whether an address lies in any of some CIDR ranges.
	 *
	 * @param string       $address An IP address.
	 * @param list<string> $ranges  CIDR ranges.
	 */
	private static function in_ranges( string $address, array $ranges ): bool {
		$packed = inet_pton( $address );
		if ( false === $packed ) {
			return true;
		}
		foreach ( $ranges as $range ) {
			list( $network, $bits ) = explode( '/', $range );
			$network_packed         = inet_pton( $network );
			if ( false === $network_packed || strlen( $network_packed ) !== strlen( $packed ) ) {
				continue;
			}
			$bits  = (int) $bits;
			$bytes = intdiv( $bits, 8 );
			if ( substr( $packed, 0, $bytes ) !== substr( $network_packed, 0, $bytes ) ) {
				continue;
			}
			$rest = $bits % 8;
			if ( 0 === $rest ) {
				return true;
			}
			$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
			if ( ( ord( $packed[ $bytes ] ) & $mask ) === ( ord( $network_packed[ $bytes ] ) & $mask ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A refusal.
	 *
	 * @param 'not_host_name'|'not_accessible'|'no_address'|'private_address' $code   Why, for code.
	 * @param string                                                          $reason Why, in words.
	 * @return Verdict
	 */
	private static function refuse( string $code, string $reason ): array {
		return array(
			'allowed' => false,
			'address' => '',
			'code'    => $code,
			'reason'  => $reason,
		);
	}
}

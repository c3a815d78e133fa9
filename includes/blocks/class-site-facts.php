<?php
/**
 * The site facts block's sentences.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Https_Facts;

defined( 'ABSPATH' ) || exit;

/**
 * The website's own facts, each in a sentence: from the policy, where its data is stored and,
 * when the admin publishes them (site.publishFirewallPorts), the ports its firewall opens with
 * their services; from the background checks, how its host answers http:// and https://
 * (Https_Facts). Plain text: the block escapes each sentence as it prints it.
 */
final class Site_Facts {

	/**
	 * Well-known services by port (IANA's service names), for a reader who knows "HTTPS", not 443.
	 */
	private const SERVICES = array(
		20   => 'FTP',
		21   => 'FTP',
		22   => 'SSH',
		25   => 'SMTP',
		53   => 'DNS',
		80   => 'HTTP',
		110  => 'POP3',
		143  => 'IMAP',
		443  => 'HTTPS',
		465  => 'SMTPS',
		587  => 'SMTP',
		993  => 'IMAPS',
		995  => 'POP3S',
		3306 => 'MySQL',
		5432 => 'PostgreSQL',
		8080 => 'HTTP',
		8443 => 'HTTPS',
	);

	/**
	 * The stored site facts as sentences.
	 *
	 * @return list<string>
	 */
	public static function sentences(): array {
		$site      = Policy_Store::policy()['site'] ?? array();
		$site      = is_array( $site ) ? $site : array();
		$sentences = array();
		$locations = array_values( array_filter( is_array( $site['dataLocations'] ?? null ) ? $site['dataLocations'] : array(), 'is_string' ) );
		if ( array() !== $locations ) {
			/* translators: %s: countries, e.g. "Netherlands, Germany". */
			$sentences[] = sprintf( __( 'Where this website stores its data: %s.', 'infosec-policy' ), Countries::names( $locations ) );
		}
		$ports = self::published_ports( $site );
		if ( array() !== $ports ) {
			$sentences[] = sprintf(
				/* translators: %s: ports with their services, e.g. "80 (HTTP), 443 (HTTPS)". */
				_n( 'The firewall lets through one port: %s.', 'The firewall lets through only these ports: %s.', count( $ports ), 'infosec-policy' ),
				implode( wp_get_list_item_separator(), array_map( array( self::class, 'port' ), $ports ) )
			);
		}
		return array_merge( $sentences, Https_Facts::sentences( Https_Facts::get() ) );
	}

	/**
	 * The open ports, when the admin publishes them; none otherwise.
	 *
	 * @param array<mixed> $site The policy's site facts.
	 * @return list<int>
	 */
	public static function published_ports( array $site ): array {
		if ( true !== ( $site['publishFirewallPorts'] ?? false ) ) {
			return array();
		}
		return array_values( array_filter( is_array( $site['firewallPorts'] ?? null ) ? $site['firewallPorts'] : array(), 'is_int' ) );
	}

	/**
	 * A port with its service, when it has a well-known one: "443 (HTTPS)".
	 *
	 * @param int $port A port.
	 */
	private static function port( int $port ): string {
		if ( ! isset( self::SERVICES[ $port ] ) ) {
			return (string) $port;
		}
		/* translators: 1: a port number, 2: its service, e.g. "HTTPS". */
		return sprintf( _x( '%1$d (%2$s)', 'a port and its service', 'infosec-policy' ), $port, self::SERVICES[ $port ] );
	}
}

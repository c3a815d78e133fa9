<?php
/**
 * What a TLS badge shows.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Results;

defined( 'ABSPATH' ) || exit;

/**
 * The facts behind a TLS badge: the site's own host or a processor's, and what is known of its
 * certificate: the stored live check when there is one (Tls_Results; never checked during a page
 * view), else the declared issuer with status `unchecked`.
 *
 * @phpstan-type Badge array{ status: string, host: string|null, issuer: string, label: string, live: bool, validTo: int, protocol: string, checkedAt: int, stale: bool }
 */
final class Tls_Badge {

	public const STATUSES = array( 'valid', 'expiring', 'expired', 'untrusted', 'mismatch', 'unreachable', 'timeout', 'blocked', 'unchecked' );

	/**
	 * The badge for the site (empty processor id) or for one processor.
	 *
	 * @param string $processor_id A processor's id, or '' for the site.
	 * @return Badge
	 */
	public static function for_subject( string $processor_id ): array {
		return self::with_live_result( self::declared( $processor_id ) );
	}

	/**
	 * The badge from the policy alone: host and declared issuer.
	 *
	 * @param string $processor_id A processor's id, or '' for the site.
	 * @return Badge
	 */
	private static function declared( string $processor_id ): array {
		$none = array(
			'live'      => false,
			'validTo'   => 0,
			'protocol'  => '',
			'checkedAt' => 0,
			'stale'     => false,
		);
		if ( '' === $processor_id ) {
			$site = Policy_Store::policy()['site'] ?? array();
			$site = is_array( $site ) ? $site : array();
			$host = is_string( $site['host'] ?? null ) && '' !== $site['host'] ? $site['host'] : (string) wp_parse_url( home_url(), PHP_URL_HOST );
			return array(
				'status' => 'unchecked',
				'host'   => '' === $host ? null : $host,
				'issuer' => is_string( $site['tlsIssuerDeclared'] ?? null ) ? $site['tlsIssuerDeclared'] : '',
				'label'  => __( 'This website’s certificate', 'infosec-policy' ),
			) + $none;
		}
		foreach ( Policy_Store::processors() as $processor ) {
			if ( $processor['id'] === $processor_id ) {
				return array(
					'status' => 'unchecked',
					'host'   => '' === $processor['host'] ? null : $processor['host'],
					'issuer' => $processor['tlsIssuerDeclared'],
					/* translators: %s: a processor's name. */
					'label'  => sprintf( __( 'Certificate of %s', 'infosec-policy' ), $processor['name'] ),
				) + $none;
			}
		}
		return array(
			'status' => 'unchecked',
			'host'   => null,
			'issuer' => '',
			'label'  => '',
		) + $none;
	}

	/**
	 * The badge with the stored live check of its host, when there is one.
	 *
	 * @param Badge $badge The declared badge.
	 * @return Badge
	 */
	private static function with_live_result( array $badge ): array {
		$result = null === $badge['host'] ? null : Tls_Results::get( $badge['host'] );
		if ( null === $result || ! in_array( $result['status'] ?? '', self::STATUSES, true ) ) {
			return $badge;
		}
		$issuer = trim( (string) ( $result['issuerOrganization'] ?? '' ) . ( '' !== (string) ( $result['issuerCommonName'] ?? '' ) ? ' (' . $result['issuerCommonName'] . ')' : '' ) );
		return array_merge(
			$badge,
			array(
				'status'    => (string) $result['status'],
				'issuer'    => '' === $issuer ? $badge['issuer'] : $issuer,
				'live'      => '' !== $issuer,
				'validTo'   => (int) ( $result['validTo'] ?? 0 ),
				'protocol'  => (string) ( $result['protocol'] ?? '' ),
				'checkedAt' => (int) ( $result['checkedAt'] ?? 0 ),
				'stale'     => true === ( $result['stale'] ?? false ),
			)
		);
	}

	/**
	 * What the policy declares as the issuer of each host, by host.
	 *
	 * @return array<string, string>
	 */
	public static function declared_issuers(): array {
		$declared = array();
		foreach ( Policy_Store::processors() as $processor ) {
			if ( '' !== $processor['host'] ) {
				$declared[ strtolower( $processor['host'] ) ] = $processor['tlsIssuerDeclared'];
			}
		}
		$site = self::declared( '' );
		if ( null !== $site['host'] ) {
			$declared[ strtolower( $site['host'] ) ] = $site['issuer'];
		}
		return $declared;
	}

	/**
	 * Whether a declared issuer disagrees with the one a live check found. It agrees when it names
	 * the issuing organisation, the issuing certificate, or both; "Let's Encrypt Authority X3"
	 * against a live "Let's Encrypt" with the certificate "R11" disagrees.
	 *
	 * @param string               $declared What the policy declares.
	 * @param array<string, mixed> $result   A stored check.
	 */
	public static function issuer_mismatch( string $declared, array $result ): bool {
		$normalize    = static fn( string $text ): string => trim( (string) preg_replace( '/[^a-z0-9]+/', ' ', strtolower( str_replace( array( '’', "'" ), '', $text ) ) ) );
		$organization = $normalize( (string) ( $result['issuerOrganization'] ?? '' ) );
		$common_name  = $normalize( (string) ( $result['issuerCommonName'] ?? '' ) );
		$declared     = $normalize( $declared );
		if ( '' === $declared || ( '' === $organization && '' === $common_name ) ) {
			return false;
		}
		if ( in_array( $declared, array( $organization, $common_name, trim( "$organization $common_name" ) ), true ) ) {
			return false;
		}
		return ! ( '' !== $common_name && str_contains( $declared, $common_name ) );
	}

	/**
	 * A status in words.
	 *
	 * @param string $status One of STATUSES.
	 */
	public static function status_text( string $status ): string {
		return match ( $status ) {
			'valid'       => __( 'Valid', 'infosec-policy' ),
			'expiring'    => __( 'Expires soon', 'infosec-policy' ),
			'expired'     => __( 'Expired', 'infosec-policy' ),
			'untrusted'   => __( 'Not trusted', 'infosec-policy' ),
			'mismatch'    => __( 'Does not match the host name', 'infosec-policy' ),
			'unreachable' => __( 'Host unreachable', 'infosec-policy' ),
			'timeout'     => __( 'Check timed out', 'infosec-policy' ),
			'blocked'     => __( 'Check not allowed', 'infosec-policy' ),
			default       => __( 'Not checked yet', 'infosec-policy' ),
		};
	}
}

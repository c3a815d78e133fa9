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
use InfosecPolicy\Tls\Tls_Status;

defined( 'ABSPATH' ) || exit;

/**
 * The facts behind a TLS badge: the site's own host or a processor's, and what is known of its
 * certificate: the stored live check when one reached the host (Tls_Results; never checked during a
 * page view), else the declared issuer with status `unchecked`. Visitors read facts only: a check
 * that could not reach the host, and why, is the admin's business (settings page, Site Health).
 *
 * @phpstan-type Badge array{ status: string, host: string|null, issuer: string, label: string, live: bool, validTo: int, protocol: string, checkedAt: int }
 */
final class Tls_Badge {

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
		);
		if ( '' === $processor_id ) {
			$policy = Policy_Store::policy();
			$site   = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
			$host   = Tls_Status::site_host( $policy );
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
	 * The badge with the stored live check of its host, when one reached it. A kept result whose
	 * later checks failed (stale) still shows the certificate and the day it was last seen.
	 *
	 * @param Badge $badge The declared badge.
	 * @return Badge
	 */
	private static function with_live_result( array $badge ): array {
		$result = null === $badge['host'] ? null : Tls_Results::get( $badge['host'] );
		$status = $result['status'] ?? '';
		if ( null === $result || ! in_array( $status, Tls_Status::ALL, true ) || in_array( $status, Tls_Status::NOT_REACHED, true ) ) {
			return $badge;
		}
		$issuer = Tls_Status::issuer_text( $result );
		return array_merge(
			$badge,
			array(
				'status'    => (string) $status,
				'issuer'    => '' === $issuer ? $badge['issuer'] : $issuer,
				'live'      => '' !== $issuer,
				'validTo'   => (int) ( $result['validTo'] ?? 0 ),
				'protocol'  => (string) ( $result['protocol'] ?? '' ),
				'checkedAt' => (int) ( $result['checkedAt'] ?? 0 ),
			)
		);
	}
}

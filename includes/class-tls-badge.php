<?php
/**
 * What a TLS badge shows.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * The facts behind a TLS badge: the site's own host or a processor's, and what is known of its
 * certificate. Until live checks exist, that is the declared issuer, with status `unchecked`.
 *
 * @phpstan-type Badge array{ status: string, host: string|null, issuer: string, label: string }
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
		if ( '' === $processor_id ) {
			$site = Policy_Store::policy()['site'] ?? array();
			$site = is_array( $site ) ? $site : array();
			$host = is_string( $site['host'] ?? null ) && '' !== $site['host'] ? $site['host'] : (string) wp_parse_url( home_url(), PHP_URL_HOST );
			return array(
				'status' => 'unchecked',
				'host'   => '' === $host ? null : $host,
				'issuer' => is_string( $site['tlsIssuerDeclared'] ?? null ) ? $site['tlsIssuerDeclared'] : '',
				'label'  => __( 'This website’s certificate', 'infosec-policy' ),
			);
		}
		foreach ( Policy_Store::processors() as $processor ) {
			if ( $processor['id'] === $processor_id ) {
				return array(
					'status' => 'unchecked',
					'host'   => '' === $processor['host'] ? null : $processor['host'],
					'issuer' => $processor['tlsIssuerDeclared'],
					/* translators: %s: a processor's name. */
					'label'  => sprintf( __( 'Certificate of %s', 'infosec-policy' ), $processor['name'] ),
				);
			}
		}
		return array(
			'status' => 'unchecked',
			'host'   => null,
			'issuer' => '',
			'label'  => '',
		);
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

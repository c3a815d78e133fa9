<?php
/**
 * The standards block's sentences.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Each standard of the organisation as one whole sentence a visitor reads: certified (until
 * when, or until when it was), followed without certification, or taken note of. Plain text:
 * the block escapes each sentence as it prints it.
 */
final class Standards {

	/**
	 * The stored policy's standards, in their order, as sentences.
	 *
	 * @param string|null $today The date to judge validity by (YYYY-MM-DD); the site's today if null.
	 * @return list<string>
	 */
	public static function sentences( ?string $today = null ): array {
		$today        = $today ?? current_time( 'Y-m-d' );
		$organization = Policy_Store::policy()['organization'] ?? array();
		$standards    = is_array( $organization ) && is_array( $organization['standards'] ?? null ) ? $organization['standards'] : array();
		$name         = Policy_Store::organization_name();
		$sentences    = array();
		foreach ( $standards as $standard ) {
			if ( is_array( $standard ) && is_string( $standard['name'] ?? null ) && '' !== $standard['name'] ) {
				$sentences[] = self::sentence( $name, $standard, $today );
			}
		}
		return $sentences;
	}

	/**
	 * Whether a certification's validity has ended by a date.
	 *
	 * @param array<mixed> $standard A standard of the policy.
	 * @param string       $today    YYYY-MM-DD.
	 */
	public static function expired( array $standard, string $today ): bool {
		$until = is_string( $standard['validUntil'] ?? null ) ? $standard['validUntil'] : '';
		return 'certified' === ( $standard['status'] ?? '' ) && '' !== $until && $until < $today;
	}

	/**
	 * One standard in words.
	 *
	 * @param string       $name     The organisation's name.
	 * @param array<mixed> $standard A standard of the policy.
	 * @param string       $today    YYYY-MM-DD.
	 */
	private static function sentence( string $name, array $standard, string $today ): string {
		$title = (string) $standard['name'];
		$until = is_string( $standard['validUntil'] ?? null ) ? $standard['validUntil'] : '';
		$date  = '' === $until ? '' : Change_Sentences::date( $until );
		return match ( $standard['status'] ?? '' ) {
			'certified'  => match ( true ) {
				'' === $until                          =>
					/* translators: 1: the organisation's name, 2: a standard, e.g. "ISO/IEC 27001:2022". */
					sprintf( __( '%1$s is certified to %2$s.', 'infosec-policy' ), $name, $title ),
				self::expired( $standard, $today ) =>
					/* translators: 1: the organisation's name, 2: a standard, 3: the date its certificate ended. */
					sprintf( __( '%1$s was certified to %2$s until %3$s.', 'infosec-policy' ), $name, $title, $date ),
				default                                =>
					/* translators: 1: the organisation's name, 2: a standard, 3: the date its certificate is valid until. */
					sprintf( __( '%1$s is certified to %2$s until %3$s.', 'infosec-policy' ), $name, $title, $date ),
			},
			'aligned'    =>
				/* translators: 1: the organisation's name, 2: a standard, e.g. "ISO 9001:2015". */
				sprintf( __( 'The work of %1$s follows %2$s, without certification.', 'infosec-policy' ), $name, $title ),
			default      =>
				/* translators: 1: the organisation's name, 2: a standard, e.g. "ISO/IEC 27001:2013". */
				sprintf( __( '%1$s has taken note of %2$s.', 'infosec-policy' ), $name, $title ),
		};
	}
}

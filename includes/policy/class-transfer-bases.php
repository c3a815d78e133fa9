<?php
/**
 * The legal bases for data leaving the EEA, in words.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * What each `transferBasis` value means, for visitors and editors.
 */
final class Transfer_Bases {

	/**
	 * The basis in plain words.
	 *
	 * @param string $basis A transferBasis value.
	 */
	public static function label( string $basis ): string {
		return match ( $basis ) {
			'eea'            => __( 'Inside the EEA', 'infosec-policy' ),
			'adequacy'       => __( 'EU adequacy decision', 'infosec-policy' ),
			'dpf'            => __( 'EU-US Data Privacy Framework', 'infosec-policy' ),
			'scc'            => __( 'Standard contractual clauses', 'infosec-policy' ),
			'bcr'            => __( 'Binding corporate rules', 'infosec-policy' ),
			'derogation'     => __( 'Derogation (GDPR Art. 49)', 'infosec-policy' ),
			'privacy-shield' => __( 'EU-US Privacy Shield (invalid since 16 July 2020)', 'infosec-policy' ),
			default          => $basis,
		};
	}
}

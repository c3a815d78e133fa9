<?php
/**
 * What the block editor needs to know about the policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * Gives the policy blocks' editor side a summary of the policy (for their settings, placeholders and
 * notices) as `window.infosecPolicyEditor`, printed into the editor page: no extra request, and only
 * what is published on the front end anyway, plus findings that need an editor's attention.
 */
final class Editor_Data {

	public const HANDLE = 'infosec-policy-editor-data';

	/**
	 * Queues the data in the block editor. Runs on `enqueue_block_editor_assets`.
	 */
	public static function enqueue(): void {
		wp_register_script( self::HANDLE, false, array(), VERSION, false );
		wp_enqueue_script( self::HANDLE );
		wp_add_inline_script( self::HANDLE, 'window.infosecPolicyEditor = ' . wp_json_encode( self::data(), JSON_HEX_TAG | JSON_HEX_AMP ) . ';' );
	}

	/**
	 * The summary.
	 *
	 * @return array<string, mixed>
	 */
	public static function data(): array {
		$processors = Policy_Store::processors();
		$findings   = array();
		foreach ( $processors as $processor ) {
			if ( 'privacy-shield' === $processor['transferBasis'] ) {
				$findings[] = array(
					'processorId' => $processor['id'],
					'message'     => sprintf(
						/* translators: %s: a processor's name. */
						__( '%s names the EU-US Privacy Shield as its transfer basis, which is invalid since 16 July 2020 (Schrems II). Choose a valid basis in the settings.', 'infosec-policy' ),
						$processor['name']
					),
				);
			}
		}
		foreach ( Tls_Results::report() as $entry ) {
			if ( true !== $entry['issuerMismatch'] ) {
				continue;
			}
			$subject = '';
			foreach ( $processors as $processor ) {
				if ( strtolower( $processor['host'] ) === $entry['host'] ) {
					$subject = $processor['id'];
				}
			}
			$findings[] = array(
				'processorId' => $subject,
				'message'     => sprintf(
					/* translators: 1: host name, 2: the declared issuer, 3: the issuer found. */
					__( 'The policy declares that %1$s uses a certificate from “%2$s”, but the live check found “%3$s”. Correct the declared issuer in the settings.', 'infosec-policy' ),
					$entry['host'],
					(string) $entry['declaredIssuer'],
					trim( (string) ( $entry['issuerOrganization'] ?? '' ) . ' ' . (string) ( $entry['issuerCommonName'] ?? '' ) )
				),
			);
		}
		return array(
			'settingsUrl'  => current_user_can( Admin_Page::CAPABILITY ) ? admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) : '',
			'measureCount' => count( Policy_Store::measures() ),
			'processors'   => array_map(
				static fn( array $processor ): array => array(
					'id'      => $processor['id'],
					'name'    => $processor['name'],
					'role'    => $processor['role'],
					'country' => $processor['country'],
					'host'    => $processor['host'],
				),
				$processors
			),
			'findings'     => $findings,
		);
	}
}

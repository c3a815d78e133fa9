<?php
/**
 * What the block editor needs to know about the policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Status;
use const InfosecPolicy\VERSION;

defined( 'ABSPATH' ) || exit;

/**
 * Gives the policy blocks' editor side a summary of the policy (for their settings, placeholders and
 * notices) as `window.infosecPolicyEditor`, printed into the editor page: no extra request, and only
 * what is published on the front end anyway, plus findings that need an editor's attention.
 *
 * @phpstan-import-type Processor from Policy_Store
 */
final class Editor_Data {

	public const HANDLE = 'infosec-policy-editor-data';

	/**
	 * What the findings a block shows are about: processors (the processor table) and hosts (the
	 * TLS badge).
	 */
	private const SHOWN_FINDINGS = array( 'processor', 'host' );

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
		return array(
			'settingsUrl'  => current_user_can( Admin_Page::CAPABILITY ) ? admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) : '',
			'measureCount' => count( Policy_Store::measures() ),
			'siteHost'     => Tls_Status::site_host( Policy_Store::policy() ),
			'processors'   => array_map(
				static fn( array $processor ): array => array(
					'id'      => $processor['id'],
					'name'    => $processor['name'],
					'role'    => $processor['role'],
					'country' => $processor['country'],
					'host'    => strtolower( $processor['host'] ),
				),
				$processors
			),
			// The same rules as the settings page and Site Health, each with what it concerns, so a
			// block shows only the findings about what it displays. Only those a block shows: anyone
			// who may edit posts opens the editor, the full list is for the settings page.
			'findings'     => array_map(
				static fn( array $finding ): array => array(
					'key'      => $finding['key'],
					'rule'     => $finding['rule'],
					'severity' => $finding['severity'],
					'kind'     => $finding['concerns']['kind'],
					'id'       => $finding['concerns']['id'],
					'message'  => $finding['message'],
				),
				array_values( array_filter( Compliance_Checks::for_stored_policy(), static fn( array $finding ): bool => in_array( $finding['concerns']['kind'], self::SHOWN_FINDINGS, true ) ) )
			),
			'upcoming'     => self::upcoming( $processors ),
		);
	}

	/**
	 * Announced processors, which the processor table shows as announced until they start.
	 *
	 * @param list<Processor> $processors The processors.
	 * @return list<array{ processorId: string, message: string }>
	 */
	private static function upcoming( array $processors ): array {
		$today    = (string) wp_date( 'Y-m-d' );
		$upcoming = array();
		foreach ( $processors as $processor ) {
			if ( Policy_Store::is_upcoming( $processor, $today ) ) {
				$upcoming[] = array(
					'processorId' => $processor['id'],
					'message'     => sprintf(
						/* translators: 1: a processor's name, 2: a date. */
						__( '%1$s is announced: this table shows it as announced, with objections taken, until it starts on %2$s.', 'infosec-policy' ),
						$processor['name'],
						Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) )
					),
				);
			}
		}
		return $upcoming;
	}
}

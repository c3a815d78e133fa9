<?php
/**
 * What the block editor needs to know about the policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Blocks\Processor_Table;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;
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
		// The same rules as the settings page and Site Health, tied to the processor they concern.
		$ids      = array();
		$findings = array();
		foreach ( $processors as $index => $processor ) {
			$ids[ "processors[$index]" ] = $processor['id'];
		}
		foreach ( Compliance_Checks::for_stored_policy() as $finding ) {
			$entry      = (string) preg_replace( '/^(processors\[\d+\]).*$/', '$1', $finding['path'] );
			$findings[] = array(
				'processorId' => $ids[ $entry ] ?? self::processor_for_host( $processors, $finding['subject'] ),
				'message'     => $finding['message'],
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
			'upcoming'     => self::upcoming( $processors ),
		);
	}

	/**
	 * Announced processors that the processor table does not show yet, with when it will.
	 *
	 * @param list<Processor> $processors The processors.
	 * @return list<array{ processorId: string, message: string }>
	 */
	private static function upcoming( array $processors ): array {
		$today    = (string) wp_date( 'Y-m-d' );
		$upcoming = array();
		foreach ( $processors as $processor ) {
			if ( Processor_Table::is_upcoming( $processor, $today ) ) {
				$upcoming[] = array(
					'processorId' => $processor['id'],
					'message'     => sprintf(
						/* translators: 1: a processor's name, 2: a date. */
						__( '%1$s is announced in the change log; this table shows it from %2$s.', 'infosec-policy' ),
						$processor['name'],
						Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) )
					),
				);
			}
		}
		return $upcoming;
	}

	/**
	 * The id of the processor served from a host, or '' (the site's own host, or none).
	 *
	 * @param list<array<string, mixed>> $processors The processors.
	 * @param string                     $host       A host name.
	 */
	private static function processor_for_host( array $processors, string $host ): string {
		foreach ( $processors as $processor ) {
			if ( '' !== $host && strtolower( (string) $processor['host'] ) === $host ) {
				return (string) $processor['id'];
			}
		}
		return '';
	}
}

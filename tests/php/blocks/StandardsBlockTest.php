<?php
/**
 * Server rendering of the standards block, and the finding for a certification that ended.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;

/**
 * Each standard as a whole sentence, by its status and its certificate's end date.
 */
final class StandardsBlockTest extends TestCase {

	/**
	 * Stores the demo policy with these standards.
	 *
	 * @param list<array<string, string>> $standards The organisation's standards.
	 */
	private function store_standards( array $standards ): void {
		$policy                              = $this->demo_policy();
		$policy['organization']['standards'] = $standards;
		Policy_Store::save( $policy, 0 );
	}

	/**
	 * The block's sentences as a visitor reads them.
	 *
	 * @return list<string>
	 */
	private function rendered(): array {
		return $this->texts( $this->parse_html( do_blocks( '<!-- wp:infosec-policy/standards /-->' ) ), '//li' );
	}

	public function test_the_demo_statement_says_what_it_follows_and_what_it_has_taken_note_of(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertSame(
			array(
				'The work of RegioIngenieur follows ISO 9001:2015, without certification.',
				'RegioIngenieur has taken note of ISO/IEC 27001:2013.',
			),
			$this->rendered()
		);
	}

	public function test_a_certification_says_until_when_and_once_ended_that_it_was(): void {
		update_option( 'date_format', 'j F Y' );
		$this->store_standards(
			array(
				array(
					'name'   => 'ISO/IEC 27001:2022',
					'status' => 'certified',
				),
				array(
					'name'       => 'NEN 7510',
					'status'     => 'certified',
					'validUntil' => '2099-03-01',
				),
				array(
					'name'       => 'ISO 9001:2015',
					'status'     => 'certified',
					'validUntil' => '2020-03-01',
				),
			)
		);
		$this->assertSame(
			array(
				'RegioIngenieur is certified to ISO/IEC 27001:2022.',
				'RegioIngenieur is certified to NEN 7510 until 1 March 2099.',
				'RegioIngenieur was certified to ISO 9001:2015 until 1 March 2020.',
			),
			$this->rendered()
		);
	}

	public function test_an_ended_certification_is_a_finding_at_its_field(): void {
		$policy                              = $this->demo_policy();
		$policy['organization']['standards'] = array(
			array(
				'name'       => 'ISO 9001:2015',
				'status'     => 'certified',
				'validUntil' => '2026-11-30',
			),
			array(
				'name'       => 'ISO/IEC 27001:2022',
				'status'     => 'certified',
				'validUntil' => '2026-12-01',
			),
		);

		$all      = Compliance_Checks::run( $policy, array(), (int) strtotime( '2026-12-01 12:00:00 UTC' ) );
		$findings = array_values( array_filter( $all, static fn( array $finding ): bool => 'standard-expired' === $finding['rule'] ) );
		$this->assertSame( array( 'organization.standards[0].validUntil' ), array_column( $findings, 'path' ) );
		$this->assertSame( 'ISO 9001:2015', $findings[0]['subject'] );
	}

	public function test_without_standards_it_says_so(): void {
		$this->store_standards( array() );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/standards /-->' ) );
		$this->assertSame( array( 'No standards have been published yet.' ), $this->texts( $xpath, '//p' ) );
	}

	public function test_escapes_the_names(): void {
		$policy                              = $this->demo_policy();
		$policy['organization']['name']      = '<b>Org</b>';
		$policy['organization']['standards'] = array(
			array(
				'name'   => '<img src=x onerror=alert(1)>',
				'status' => 'aligned',
			),
		);
		Policy_Store::save( $policy, 0 );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/standards /-->' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//img | //b' ) );
		$this->assertSame( array( 'The work of <b>Org</b> follows <img src=x onerror=alert(1)>, without certification.' ), $this->texts( $xpath, '//li' ) );
	}

	public function test_renders_without_a_database_query(): void {
		global $wpdb;
		Policy_Store::save( $this->demo_policy(), 0 );
		wp_cache_flush();
		wp_load_alloptions();
		$queries = $wpdb->num_queries;
		$this->rendered();
		$this->assertSame( $queries, $wpdb->num_queries );
	}
}

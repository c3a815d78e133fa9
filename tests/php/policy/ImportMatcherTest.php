<?php
/**
 * An import knows the entries a site owner typed in by hand, whatever ids they got.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Import_Matcher;
use InfosecPolicy\Policy\Policy_Store;

/**
 * The reference policy typed in by hand (ids `processor`, `processor-2`, `measure-3` …), then the
 * demo file imported over it: the same entries, so no "removed" and "added" lines.
 */
final class ImportMatcherTest extends TestCase {

	/**
	 * The demo policy as the settings page's first version made it: every id a code the owner
	 * did not choose, and the names typed a little differently.
	 *
	 * @return array<string, mixed>
	 */
	private function typed_by_hand(): array {
		$policy = $this->demo_policy();
		foreach ( $policy['processors'] as $index => $processor ) {
			$policy['processors'][ $index ]['id'] = 0 === $index ? 'processor' : 'processor-' . ( $index + 1 );
		}
		$policy['processors'][1]['name'] = '  MAILCHIMP ';
		// Google Analytics by another name, but the same company in the same role.
		$policy['processors'][2]['name'] = 'GA4';
		foreach ( $policy['measures'] as $index => $measure ) {
			$policy['measures'][ $index ]['id'] = 'measure-' . ( $index + 1 );
		}
		return $policy;
	}

	public function test_importing_the_demo_over_a_hand_typed_policy_removes_and_adds_nothing(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Policy_Store::save( $this->typed_by_hand(), 0 );
		$response = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $this->demo_policy(),
				'revision' => Policy_Store::get()['revision'],
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$lines = $response->get_data()['lines'];
		$this->assertSame( array(), preg_grep( '/^(Added|Removed) /', $lines ), implode( "\n", $lines ) );
		$this->assertContains( 'Changed the name of processor Mailchimp from “  MAILCHIMP ” to “Mailchimp”', $lines, implode( "\n", $lines ) );
		$this->assertSame( array( 'processor', 'processor-2', 'processor-3' ), array_column( Policy_Store::processors(), 'id' ), 'the stored ids stay, so blocks that name them still work' );
	}

	public function test_translations_and_sub_processors_follow_their_entry_to_the_id_it_adopts(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Policy_Store::save( $this->typed_by_hand(), 0 );
		$imported                              = $this->demo_policy();
		$imported['processors'][2]['parentId'] = 'mailchimp';
		$imported['translations']              = array(
			'en' => array(
				'measures'   => array(
					array(
						'id'    => 'rapportage',
						'title' => 'Reporting',
					),
				),
				'processors' => array(
					array(
						'id'   => 'mailchimp',
						'role' => 'Newsletter',
					),
				),
			),
		);
		$response                              = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'   => $imported,
				'revision' => Policy_Store::get()['revision'],
			)
		);
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$stored = Policy_Store::policy();
		$this->assertSame( 'measure-2', $stored['translations']['en']['measures'][0]['id'] );
		$this->assertSame( 'processor-2', $stored['translations']['en']['processors'][0]['id'] );
		$this->assertSame( 'processor-2', $stored['processors'][2]['parentId'] );
	}

	public function test_the_dry_run_matches_as_the_import_does(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		Policy_Store::save( $this->typed_by_hand(), 0 );
		$lines = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy' => $this->demo_policy(),
				'dryRun' => true,
			)
		)->get_data()['lines'];
		$this->assertSame( array(), preg_grep( '/^(Added|Removed) /', $lines ) );
	}

	public function test_an_entry_matched_by_its_id_is_never_taken_by_another(): void {
		$stored   = array(
			'processors' => array(
				array(
					'id'   => 'mailchimp',
					'name' => 'Mailchimp',
				),
			),
		);
		$imported = array(
			'processors' => array(
				array(
					'id'   => 'mailchimp',
					'name' => 'Mailchimp',
				),
				array(
					'id'   => 'mailchimp-eu',
					'name' => 'Mailchimp',
				),
			),
		);
		$this->assertSame( $imported, Import_Matcher::adopt_stored_ids( $stored, $imported ) );
	}

	public function test_different_entries_stay_different(): void {
		$stored   = array(
			'processors' => array(
				array(
					'id'          => 'processor',
					'name'        => 'Mailchimp',
					'legalEntity' => 'The Rocket Science Group LLC',
					'role'        => 'Nieuwsbrief',
				),
			),
			'measures'   => array(
				array(
					'id'       => 'measure',
					'category' => 'technical',
					'title'    => 'Firewall',
				),
			),
		);
		$imported = array(
			'processors' => array(
				array(
					'id'          => 'brevo',
					'name'        => 'Brevo',
					'legalEntity' => 'Sendinblue SAS',
					'role'        => 'Nieuwsbrief',
				),
			),
			'measures'   => array(
				array(
					'id'       => 'firewall',
					'category' => 'organizational',
					'title'    => 'Firewall',
				),
			),
		);
		$this->assertSame( $imported, Import_Matcher::adopt_stored_ids( $stored, $imported ) );
	}

	public function test_a_document_that_is_no_policy_is_left_for_the_validator(): void {
		foreach ( array( null, 'text', array( 'processors' => 'none' ), array( 'processors' => array( 'x', 3 ) ) ) as $imported ) {
			$this->assertSame( $imported, Import_Matcher::adopt_stored_ids( $this->demo_policy(), $imported ) );
		}
	}
}

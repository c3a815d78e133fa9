<?php
/**
 * What the change log records when the policy is saved or imported.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Store;

/**
 * Every save through the REST API records what changed, field by field, in words.
 */
final class ChangeLogTest extends TestCase {

	/**
	 * The administrator who saves.
	 *
	 * @var int
	 */
	private int $admin;

	protected function setUp(): void {
		parent::setUp();
		$this->admin = $this->create_user( 'administrator' );
		wp_update_user(
			array(
				'ID'           => $this->admin,
				'display_name' => 'Anna Admin',
			)
		);
		wp_set_current_user( $this->admin );
		Policy_Store::save( $this->demo_policy(), 0 );
	}

	/**
	 * The sentences of the newest log entry, as the admin's log shows them.
	 *
	 * @return list<string>
	 */
	private function latest_lines(): array {
		$data = $this->rest( 'GET', '/changes' )->get_data();
		return $data['entries'][0]['lines'] ?? array();
	}

	public function test_adding_a_processor_is_recorded_with_its_service_and_country(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'][] = array_merge(
					$policy['processors'][1],
					array(
						'id'      => 'brevo',
						'name'    => 'Brevo',
						'role'    => 'Newsletter',
						'country' => 'FR',
					)
				);
				return $policy;
			}
		);
		$this->assertSame( array( 'Added processor Brevo (Newsletter, France)' ), $this->latest_lines() );
	}

	public function test_the_first_save_is_one_line_and_publishes_none_of_the_defaults_it_replaces(): void {
		Policy_Store::delete();
		wp_cache_flush();
		$this->assertSame(
			200,
			$this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $this->demo_policy(),
					'revision' => 0,
				)
			)->get_status()
		);
		// One line: what the statement holds is for its blocks to show, not twenty "from (empty) to …".
		$this->assertSame( array( 'First publication of this statement' ), $this->latest_lines() );
	}

	public function test_removing_a_processor_is_recorded(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				array_splice( $policy['processors'], 1, 1 );
				return $policy;
			}
		);
		$this->assertSame( array( 'Removed processor Mailchimp' ), $this->latest_lines() );
	}

	public function test_an_announced_processor_removed_before_its_day_is_withdrawn(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'][1]['effectiveFrom'] = (string) wp_date( 'Y-m-d', time() + DAY_IN_SECONDS );
				$policy['processors'][2]['effectiveFrom'] = (string) wp_date( 'Y-m-d' );
				return $policy;
			}
		);
		$this->save_through_rest(
			static function ( array $policy ): array {
				array_splice( $policy['processors'], 1, 2 );
				return $policy;
			}
		);
		// Mailchimp never started; Google Analytics started today and stopped.
		$this->assertSame( array( 'Withdrew the announcement of processor Mailchimp', 'Removed processor Google Analytics' ), $this->latest_lines() );
	}

	public function test_moving_data_to_another_country_is_recorded_in_country_names(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'][2]['dataLocations'] = array( 'IE' );
				return $policy;
			}
		);
		$this->assertSame( array( 'Changed the data locations of processor Google Analytics from United States to Ireland' ), $this->latest_lines() );
	}

	/**
	 * One change of each kind of field, and the sentence it must give.
	 *
	 * @return array<string, array{ string, mixed, string }>
	 */
	public static function processor_fields(): array {
		return array(
			'a line of text'        => array( 'legalEntity', 'Intuit Inc.', 'Changed the legal entity of processor Mailchimp from “The Rocket Science Group LLC” to “Intuit Inc.”' ),
			'a country'             => array( 'country', 'IE', 'Changed the country of processor Mailchimp from United States to Ireland' ),
			'an enumeration'        => array( 'transferBasis', 'dpf', 'Changed the legal basis for transfer of processor Mailchimp from EU-US Privacy Shield (invalid since 16 July 2020) to EU-US Data Privacy Framework' ),
			'a yes or no'           => array( 'firewall', false, 'Changed the firewall of processor Mailchimp from yes to no' ),
			'an agreement'          => array( 'dpaSigned', false, 'Changed the processing agreement of processor Mailchimp from signed to not signed' ),
			'a date'                => array( 'dpaDate', '2026-11-02', 'Changed the processing agreement date of processor Mailchimp from (empty) to November 2, 2026' ),
			'a list of texts'       => array( 'certifications', array( 'ISO 27001', 'SOC 2' ), 'Changed the certifications of processor Mailchimp from (empty) to ISO 27001, SOC 2' ),
			'a long text'           => array( 'description', 'Sends our newsletter.', 'Changed the description of processor Mailchimp' ),
			'an address'            => array( 'securityUrl', 'https://mailchimp.com/legal/security/', 'Changed the security page of processor Mailchimp from “https://mailchimp.com/about/security/” to “https://mailchimp.com/legal/security/”' ),
			'an effective date'     => array( 'effectiveFrom', '2027-01-01', 'Changed the start date of processor Mailchimp from (empty) to January 1, 2027' ),
			'a postal address'      => array( 'address', "675 Ponce de Leon Ave NE\nAtlanta", 'Changed the postal address of processor Mailchimp from (empty) to “675 Ponce de Leon Ave NE, Atlanta”' ),
			'a contact point'       => array( 'contactPoint', 'privacy@mailchimp.com', 'Changed the contact for personal data of processor Mailchimp from (empty) to “privacy@mailchimp.com”' ),
			'a purpose'             => array( 'purpose', 'Sends our newsletter', 'Changed the purpose of processor Mailchimp' ),
			'data categories'       => array( 'dataCategories', array( 'names', 'e-mail addresses' ), 'Changed the categories of personal data of processor Mailchimp from (empty) to names, e-mail addresses' ),
			'a retention'           => array( 'retention', 'Until you unsubscribe', 'Changed the retention of processor Mailchimp from (empty) to “Until you unsubscribe”' ),
			'whom it works for'     => array( 'parentId', 'make-it-workpress', 'Changed whom processor Mailchimp works for from the organisation itself to “Make it WorkPress”' ),
			'a sub-processors list' => array( 'subprocessorsUrl', 'https://mailchimp.com/legal/subprocessors/', 'Changed the list of sub-processors of processor Mailchimp from (empty) to “https://mailchimp.com/legal/subprocessors/”' ),
		);
	}

	/**
	 * Writing out an optional field's default, where the stored policy left the field out, is no
	 * change: no line in the log, and no e-mail.
	 */
	public function test_an_optional_field_written_as_its_default_is_no_change(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				foreach ( array( 'address', 'contactPoint', 'purpose', 'retention', 'parentId', 'subprocessorsUrl', 'dpfListingUrl', 'effectiveFrom', 'dpaDate' ) as $field ) {
					$policy['processors'][1][ $field ] = '';
				}
				$policy['processors'][1]['dataCategories']  = array();
				$policy['organization']['noticePeriodDays'] = 30;
				$policy['organization']['name']             = 'RegioIngenieur B.V.';
				return $policy;
			}
		);
		$this->assertSame( array( 'Changed the name of the organisation from “RegioIngenieur” to “RegioIngenieur B.V.”' ), $this->latest_lines() );
	}

	public function test_a_changed_notice_period_is_recorded_in_days(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['organization']['noticePeriodDays'] = 14;
				return $policy;
			}
		);
		$this->assertSame( array( 'Changed the notice period for new processors from 30 days to 14 days' ), $this->latest_lines() );
	}

	/**
	 * Each kind of processor field is recorded with its old and new value in words.
	 *
	 * @param string $field    The field.
	 * @param mixed  $value    Its new value.
	 * @param string $sentence The log's sentence.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'processor_fields' )]
	public function test_a_changed_processor_field_is_recorded_in_words( string $field, mixed $value, string $sentence ): void {
		$this->save_through_rest(
			static function ( array $policy ) use ( $field, $value ): array {
				$policy['processors'][1][ $field ] = $value;
				return $policy;
			}
		);
		$this->assertSame( array( $sentence ), $this->latest_lines() );
	}

	public function test_changes_of_the_organisation_site_and_measures_are_recorded(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['organization']['standards']  = array(
					array(
						'name'   => 'ISO/IEC 27001:2022',
						'status' => 'certified',
					),
				);
				$policy['organization']['reviewedAt'] = '2026-11-28';
				$policy['site']['firewallPorts']      = array( 80, 443 );
				$policy['measures'][0]['category']    = 'technical';
				$policy['measures'][0]['description'] = 'Anders.';
				return $policy;
			}
		);
		$this->assertSame(
			array(
				'Changed the category of measure Werkproces from organisational to technical',
				'Changed the description of measure Werkproces',
				'Changed the standards of the organisation from ISO 9001:2015 (aligned), ISO/IEC 27001:2013 (considered) to ISO/IEC 27001:2022 (certified)',
				'Changed the review date of the policy from (empty) to November 28, 2026',
				'Changed the open firewall ports of the website from 80, 443, 25 to 80, 443',
			),
			$this->latest_lines()
		);
	}

	public function test_adding_and_removing_measures_name_their_category(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['measures'][] = array(
					'id'          => 'backups',
					'category'    => 'technical',
					'title'       => 'Backups',
					'description' => '',
				);
				array_shift( $policy['measures'] );
				return $policy;
			}
		);
		$this->assertSame( array( 'Added technical measure Backups', 'Removed measure Werkproces' ), $this->latest_lines() );
	}

	public function test_reordering_processors_is_recorded_once(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'] = array_reverse( $policy['processors'] );
				return $policy;
			}
		);
		$this->assertSame( array( 'Changed the order of the processors' ), $this->latest_lines() );
	}

	public function test_an_entry_has_its_date_author_revision_and_note(): void {
		$before   = time();
		$response = $this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'][1]['dpaDate'] = '2026-11-02';
				return $policy;
			},
			array( 'changeNote' => 'Signed with Intuit.' )
		);
		$entry    = $this->rest( 'GET', '/changes' )->get_data()['entries'][0];
		$this->assertSame( 'Anna Admin', $entry['author'] );
		$this->assertSame( 'save', $entry['source'] );
		$this->assertSame( $response->get_data()['revision'], $entry['revision'] );
		$this->assertSame( 'Signed with Intuit.', $entry['note'] );
		$this->assertFalse( $entry['internal'] );
		$this->assertGreaterThanOrEqual( $before, strtotime( $entry['date'] ) );
		$this->assertLessThanOrEqual( time(), strtotime( $entry['date'] ) );
	}

	public function test_import_records_its_changes_as_an_import(): void {
		$incoming                                   = Policy_Store::policy();
		$incoming['processors'][2]['transferBasis'] = 'dpf';
		$response                                   = $this->rest(
			'POST',
			'/policy/import',
			array(
				'policy'         => $incoming,
				'changeNote'     => 'Moved to the Data Privacy Framework.',
				'changeInternal' => true,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$entry = $this->rest( 'GET', '/changes' )->get_data()['entries'][0];
		$this->assertSame( 'import', $entry['source'] );
		$this->assertTrue( $entry['internal'] );
		$this->assertSame( 'Moved to the Data Privacy Framework.', $entry['note'] );
		$this->assertSame( array( 'Changed the legal basis for transfer of processor Google Analytics from EU-US Privacy Shield (invalid since 16 July 2020) to EU-US Data Privacy Framework' ), $entry['lines'] );
	}

	public function test_a_dry_run_import_records_nothing(): void {
		$incoming                          = Policy_Store::policy();
		$incoming['processors'][0]['name'] = 'Other host';
		$this->rest(
			'POST',
			'/policy/import',
			array(
				'policy' => $incoming,
				'dryRun' => true,
			)
		);
		$this->assertSame( 0, $this->rest( 'GET', '/changes' )->get_data()['total'] );
	}

	public function test_a_save_that_changes_nothing_records_nothing(): void {
		$this->save_through_rest( static fn( array $policy ): array => $policy );
		$this->assertSame( 0, $this->rest( 'GET', '/changes' )->get_data()['total'] );
	}

	public function test_a_rejected_or_conflicting_save_records_nothing(): void {
		$policy                          = Policy_Store::policy();
		$policy['processors'][0]['name'] = 'Changed';
		$this->assertSame(
			409,
			$this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $policy,
					'revision' => 0,
				)
			)->get_status()
		);
		$policy['processors'][0]['country'] = 'Netherlands';
		$this->assertSame(
			400,
			$this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $policy,
					'revision' => 1,
				)
			)->get_status()
		);
		$this->assertSame( 0, $this->rest( 'GET', '/changes' )->get_data()['total'] );
	}

	public function test_a_bad_note_or_flag_is_refused_and_nothing_is_saved(): void {
		$policy                          = Policy_Store::policy();
		$policy['processors'][0]['name'] = 'Changed';
		$response                        = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'         => $policy,
				'revision'       => 1,
				'changeNote'     => str_repeat( 'x', Change_Log::NOTE_MAX_LENGTH + 1 ),
				'changeInternal' => 'yes',
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$messages = implode( ' ', array_column( $response->get_data()['data']['errors'], 'message' ) );
		$this->assertStringContainsString( 'changeNote must be at most 500 characters long.', $messages );
		$this->assertStringContainsString( 'changeInternal must be true or false.', $messages );
		$this->assertSame( 1, Policy_Store::get()['revision'] );
		$this->assertSame( 0, $this->rest( 'GET', '/changes' )->get_data()['total'] );
	}

	public function test_the_log_grows_in_its_table_while_the_published_copy_stays_small(): void {
		global $wpdb;
		$saves = Published_Log::LIMIT + 2;
		for ( $i = 0; $i < $saves; $i++ ) {
			$this->save_through_rest(
				static function ( array $policy ) use ( $i ): array {
					$policy['processors'][0]['legalEntity'] = "Entity $i";
					return $policy;
				}
			);
		}
		$table = Change_Log_Table::name();
		// phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table.
		$this->assertSame( (string) $saves, $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ) );
		$this->assertSame( $saves, $this->rest( 'GET', '/changes' )->get_data()['total'] );
		$published = Published_Log::entries( 100 );
		$this->assertCount( Published_Log::LIMIT, $published );
		$this->assertSame( 'Changed the legal entity of processor Make it WorkPress from “Entity ' . ( $saves - 2 ) . '” to “Entity ' . ( $saves - 1 ) . '”', \InfosecPolicy\Changes\Change_Sentences::sentence( $published[0]['items'][0] ) );
	}

	public function test_clearing_a_field_that_was_empty_records_nothing(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['processors'][1]['dpaDate']       = '';
				$policy['processors'][1]['effectiveFrom'] = '';
				return $policy;
			}
		);
		$this->assertSame( 0, $this->rest( 'GET', '/changes' )->get_data()['total'] );
	}

	public function test_firewall_ports_stay_in_the_admin_log_and_out_of_the_published_one(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['site']['firewallPorts'] = array( 22, 80, 443 );
				return $policy;
			}
		);
		$this->assertSame( array( 'Changed the open firewall ports of the website from 80, 443, 25 to 22, 80, 443' ), $this->latest_lines() );
		$this->assertSame( array(), Published_Log::entries( 20 ), 'a change of nothing published is not published' );

		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['site']['firewallPorts']      = array( 443 );
				$policy['organization']['reviewedAt'] = '2026-11-28';
				return $policy;
			}
		);
		$published = Published_Log::entries( Published_Log::LIMIT );
		$this->assertCount( 1, $published );
		$this->assertSame( array( 'reviewedAt' ), array_column( $published[0]['items'], 'field' ) );
	}

	public function test_the_published_copy_keeps_the_newest_entries_and_the_first_items_of_a_big_one(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				for ( $i = 0; $i < 40; $i++ ) {
					$policy['processors'][] = array_merge(
						$policy['processors'][1],
						array(
							'id'   => "p-$i",
							'name' => "Processor $i",
						)
					);
				}
				return $policy;
			}
		);
		$published = Published_Log::entries( 20 );
		$this->assertCount( 1, $published );
		$this->assertCount( Published_Log::ITEMS, $published[0]['items'] );
		$this->assertSame( 40 - Published_Log::ITEMS, $published[0]['more'] );
		$this->assertCount( 40, $this->rest( 'GET', '/changes' )->get_data()['entries'][0]['lines'], 'the log itself keeps every change' );
	}

	public function test_a_note_the_database_refuses_leaves_the_published_log_as_it_was(): void {
		$this->save_through_rest(
			static function ( array $policy ): array {
				$policy['organization']['reviewedAt'] = '2026-11-28';
				return $policy;
			}
		);
		// Dated long ago, so that a rebuild in the same second still shows.
		$published            = (array) get_option( Published_Log::OPTION );
		$published['builtAt'] = 1;
		update_option( Published_Log::OPTION, $published );
		$id    = Published_Log::entries( 1 )[0]['id'] ?? 0;
		$table = Change_Log_Table::name();
		add_filter( 'query', static fn( string $query ): string => str_starts_with( $query, "UPDATE `{$table}`" ) ? '' : $query );
		$this->assertFalse( Change_Log::annotate( $id, 'Never stored', true ) );
		remove_all_filters( 'query' );
		$this->assertSame( $published, get_option( Published_Log::OPTION ), 'the published log was rebuilt after a failed update' );
	}
}

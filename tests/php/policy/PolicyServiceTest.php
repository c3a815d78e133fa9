<?php
/**
 * The one save path: validate once, compare-and-swap, record the change.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Save_Result;

/**
 * Every writer of the policy (REST, WP-CLI, set-up, tests) gets the same typed result from
 * Policy_Service, and nothing is written unless the whole sequence may go ahead.
 */
final class PolicyServiceTest extends TestCase {

	/**
	 * The number of entries in the change log.
	 */
	private function log_size(): int {
		return Change_Log::page( 1, 1 )['total'];
	}

	/**
	 * Makes every statement that contains a text fail, as a database that refuses it would. (wpdb
	 * answers false to a statement a `query` filter empties; a real SQL error would also abort the
	 * test's own transaction on SQLite.)
	 *
	 * @param string $needle Part of the statements to refuse.
	 */
	private function refuse_queries_containing( string $needle ): void {
		add_filter(
			'query',
			static fn( string $query ): string => str_contains( $query, $needle ) ? '' : $query
		);
	}

	protected function tearDown(): void {
		remove_all_filters( 'query' );
		parent::tearDown();
	}

	public function test_a_valid_save_is_stored_and_recorded(): void {
		$result = Policy_Service::save( $this->demo_policy(), 0, 'import', 'First publication.' );
		$this->assertSame( Save_Result::SAVED, $result->status );
		$this->assertSame( 1, $result->revision );
		$this->assertSame( 1, Policy_Store::get()['revision'] );
		$this->assertNotNull( $result->change_id );
		$entry = Change_Log::get( $result->change_id );
		$this->assertNotNull( $entry );
		$this->assertSame( array( 1, 'import', 'First publication.' ), array( $entry['revision'], $entry['source'], $entry['note'] ) );
		$this->assertSame( $result->items, $entry['items'] );
		$this->assertSame( array(), $result->warnings );
	}

	public function test_what_changed_is_what_the_change_log_words(): void {
		Policy_Service::save( $this->demo_policy(), 0 );
		$policy                             = Policy_Store::policy();
		$policy['processors'][1]['country'] = 'IE';
		$result                             = Policy_Service::save( $policy, 1 );
		$this->assertSame( array( 'Changed the country of processor Mailchimp from United States to Ireland' ), array_map( array( Change_Sentences::class, 'sentence' ), $result->items ) );
	}

	public function test_a_save_that_changes_nothing_is_stored_without_a_log_entry(): void {
		Policy_Service::save( $this->demo_policy(), 0 );
		$size   = $this->log_size();
		$result = Policy_Service::save( $this->demo_policy(), 1 );
		$this->assertTrue( $result->is_saved() );
		$this->assertSame( 2, $result->revision );
		$this->assertNull( $result->change_id );
		$this->assertSame( array(), $result->items );
		$this->assertSame( $size, $this->log_size() );
	}

	public function test_an_invalid_document_names_every_bad_field_and_writes_nothing(): void {
		$policy                             = $this->demo_policy();
		$policy['organization']['email']    = 'not an address';
		$policy['processors'][0]['country'] = 'Netherlands';
		$result                             = Policy_Service::save( $policy, 0 );
		$this->assertSame( Save_Result::INVALID, $result->status );
		$this->assertSame( array( 'organization.email', 'processors[0].country' ), array_column( $result->errors, 'path' ) );
		$this->assertNull( $this->stored_raw() );
		$this->assertSame( 0, $this->log_size() );
	}

	public function test_something_that_is_no_document_is_invalid(): void {
		foreach ( array( null, 'policy', 42, array( 1, 2 ) ) as $not_a_document ) {
			$result = Policy_Service::save( $not_a_document, 0 );
			$this->assertSame( Save_Result::INVALID, $result->status, (string) wp_json_encode( $not_a_document ) );
			$this->assertNotSame( array(), $result->errors );
		}
		$this->assertNull( $this->stored_raw() );
	}

	public function test_a_stale_revision_is_a_conflict_naming_the_current_one(): void {
		Policy_Service::save( $this->demo_policy(), 0 );
		$stored = $this->stored_raw();
		$size   = $this->log_size();
		$policy = $this->demo_policy();

		$policy['organization']['name'] = 'Lost update';
		$result                         = Policy_Service::save( $policy, 0 );
		$this->assertSame( Save_Result::CONFLICT, $result->status );
		$this->assertSame( 1, $result->revision );
		$this->assertNotNull( $result->error );
		$this->assertSame( 409, $result->error->get_error_data()['status'] ?? null );
		$this->assertSame( $stored, $this->stored_raw() );
		$this->assertSame( $size, $this->log_size() );
	}

	public function test_a_database_that_refuses_the_policy_fails_the_save_and_records_nothing(): void {
		global $wpdb;
		Policy_Service::save( $this->demo_policy(), 0 );
		$stored = $this->stored_raw();
		$size   = $this->log_size();
		$policy = $this->demo_policy();

		$policy['organization']['name'] = 'Never stored';
		$this->refuse_queries_containing( "UPDATE `{$wpdb->options}`" );
		$result = Policy_Service::save( $policy, 1 );
		remove_all_filters( 'query' );
		$this->assertSame( Save_Result::FAILED, $result->status );
		$this->assertSame( 'infosec_policy_storage_failed', $result->error?->get_error_code() );
		$this->assertSame( $stored, $this->stored_raw() );
		$this->assertSame( $size, $this->log_size() );
	}

	public function test_a_log_that_refuses_the_entry_leaves_the_save_standing_with_a_warning(): void {
		$this->refuse_queries_containing( 'INSERT INTO `' . Change_Log_Table::name() . '`' );
		$result = Policy_Service::save( $this->demo_policy(), 0 );
		remove_all_filters( 'query' );
		$this->assertTrue( $result->is_saved() );
		$this->assertSame( 1, Policy_Store::get()['revision'] );
		$this->assertNull( $result->change_id );
		$this->assertSame( array( 'The policy was saved, but its change could not be recorded in the change log.' ), $result->warnings );
		$this->assertSame( 0, $this->log_size() );
	}

	public function test_a_preview_validates_like_a_save_and_writes_nothing(): void {
		Policy_Service::save( $this->demo_policy(), 0 );
		$stored = $this->stored_raw();
		$size   = $this->log_size();
		$policy = $this->demo_policy();

		$policy['organization']['name'] = 'Previewed';
		$preview                        = Policy_Service::preview( $policy );
		$this->assertSame( Save_Result::PREVIEWED, $preview->status );
		$this->assertSame( 1, $preview->revision );
		$this->assertSame( array( 'Changed the name of the organisation from “RegioIngenieur” to “Previewed”' ), array_map( array( Change_Sentences::class, 'sentence' ), $preview->items ) );
		$this->assertSame( $stored, $this->stored_raw() );
		$this->assertSame( $size, $this->log_size() );

		$policy['organization']['email'] = 'nope';
		$this->assertSame( Save_Result::INVALID, Policy_Service::preview( $policy )->status );
	}
}

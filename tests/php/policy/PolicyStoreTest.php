<?php
/**
 * Storage of the policy in WordPress options.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * Revisions, compare-and-swap saves, autoloading and deactivation (uninstall: UninstallTest).
 */
final class PolicyStoreTest extends TestCase {

	/**
	 * The autoload column of the policy option.
	 */
	private function autoload_value(): string {
		global $wpdb;
		return (string) $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", Policy_Store::OPTION ) );
	}

	public function test_the_first_save_stores_revision_1(): void {
		$this->assertSame( 1, Policy_Store::save( $this->demo_policy(), 0 ) );
		$this->assertSame( 1, Policy_Store::get()['revision'] );
		$this->assertSame( $this->demo_policy(), Policy_Store::policy() );
	}

	public function test_a_save_from_an_old_revision_is_a_conflict(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$before = $this->stored_raw();
		$result = Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'infosec_policy_conflict', $result->get_error_code() );
		$this->assertSame( 1, $result->get_error_data()['revision'] );
		$this->assertSame( $before, $this->stored_raw() );
	}

	public function test_a_save_that_loses_a_race_after_its_check_is_a_conflict(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		global $wpdb;
		$rival = array(
			'revision' => 2,
			'policy'   => array_merge( $this->demo_policy(), array( 'measures' => array() ) ),
		);
		// Another request commits between this save's read of revision 1 and its UPDATE.
		$intercept = static function ( string $query ) use ( $wpdb, $rival, &$intercept ): string {
			if ( str_starts_with( ltrim( $query ), 'UPDATE' ) && str_contains( $query, Policy_Store::OPTION ) ) {
				remove_filter( 'query', $intercept );
				$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $rival ) ), array( 'option_name' => Policy_Store::OPTION ) );
			}
			return $query;
		};
		add_filter( 'query', $intercept );
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = 'Late writer';
		$result                         = Policy_Store::save( $policy, 1 );
		remove_filter( 'query', $intercept );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 2, $result->get_error_data()['revision'] );
		$this->assertSame( maybe_serialize( $rival ), $this->stored_raw() );
	}

	public function test_a_write_the_database_refuses_is_a_storage_error_not_a_conflict(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$before = $this->stored_raw();
		global $wpdb;
		$break  = static fn( string $query ): string => str_starts_with( ltrim( $query ), 'UPDATE' ) && str_contains( $query, Policy_Store::OPTION )
			? '' // wpdb::query() answers an emptied query with false, as it does a failed one.
			: $query;
		add_filter( 'query', $break );
		$result = Policy_Store::save( $this->demo_policy(), 1 );
		remove_filter( 'query', $break );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'infosec_policy_storage_failed', $result->get_error_code() );
		$this->assertSame( 500, $result->get_error_data()['status'] );
		$this->assertSame( $before, $this->stored_raw() );
	}

	public function test_text_the_column_cannot_hold_is_refused_rather_than_cut_out(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$before = $this->stored_raw();
		$policy = $this->demo_policy();

		// Not UTF-8 (a byte the validator would refuse; this caller skipped it): stored, the
		// database would drop it and the document's string lengths would no longer match.
		$policy['organization']['name'] = "Caf\xE9";
		$sent                           = array();
		$record                         = static function ( string $query ) use ( &$sent ): string {
			$sent[] = $query;
			return $query;
		};
		add_filter( 'query', $record );
		try {
			$result = Policy_Store::save( $policy, 1 );
		} finally {
			remove_filter( 'query', $record );
		}
		$this->assertSame( array(), preg_grep( '/^\s*UPDATE\b/i', $sent ), 'the store refuses it before the database sees it' );

		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( 'infosec_policy_storage_failed', $result->get_error_code() );
		$this->assertSame( $before, $this->stored_raw() );

		$policy['organization']['name'] = 'Café 🔒';
		$this->assertSame( 2, Policy_Store::save( $policy, 1 ), 'any valid UTF-8 is kept, four-byte characters too' );
		$this->assertSame( 'Café 🔒', Policy_Store::policy()['organization']['name'] );
	}

	public function test_an_ordinary_policy_is_autoloaded(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertContains( $this->autoload_value(), wp_autoload_values_to_autoload() );
	}

	public function test_a_policy_too_large_for_autoload_is_not_autoloaded_and_still_reads_back(): void {
		Policy_Store::save( infosec_policy_demo_policy( 1000 ), 0 );
		$this->assertNotContains( $this->autoload_value(), wp_autoload_values_to_autoload() );
		wp_cache_flush();
		$this->assertCount( 1000, Policy_Store::policy()['processors'] );
	}

	public function test_a_policy_that_shrinks_is_autoloaded_again(): void {
		Policy_Store::save( infosec_policy_demo_policy( 1000 ), 0 );
		Policy_Store::save( $this->demo_policy(), 1 );
		$this->assertContains( $this->autoload_value(), wp_autoload_values_to_autoload() );
	}

	public function test_reading_the_policy_on_a_page_view_costs_no_query_when_autoloaded(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		wp_cache_flush();
		wp_load_alloptions();
		global $wpdb;
		$queries = $wpdb->num_queries;
		Policy_Store::measures();
		Policy_Store::policy();
		$this->assertSame( $queries, $wpdb->num_queries );
	}

	/**
	 * The organisation's name as the stored policy reads now, through the kept read.
	 */
	private function name_read(): string {
		return Policy_Store::organization_name();
	}

	/**
	 * The demo policy under another organisation name.
	 *
	 * @param string $name The name.
	 * @return array<string, mixed>
	 */
	private function renamed( string $name ): array {
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = $name;
		return $policy;
	}

	public function test_the_kept_read_follows_every_write_at_once(): void {
		Policy_Store::save( $this->renamed( 'First' ), 0 );
		$this->assertSame( 'First', $this->name_read() );
		$this->assertSame( 'First', $this->name_read(), 'the premise: the second read is the kept one' );

		// The plugin's own save path (REST, import, WP-CLI and the settings page all end here).
		Policy_Store::save( $this->renamed( 'Saved' ), Policy_Store::get()['revision'] );
		$this->assertSame( 'Saved', $this->name_read() );

		// Another plugin's update_option(), with a processor less.
		$stored                                   = Policy_Store::get();
		$stored['policy']['organization']['name'] = 'Other plugin';
		array_pop( $stored['policy']['processors'] );
		update_option( Policy_Store::OPTION, $stored );
		$this->assertSame( 'Other plugin', $this->name_read() );
		$this->assertCount( count( $this->demo_policy()['processors'] ) - 1, Policy_Store::processors(), 'what was worked out from the old read goes with it' );

		// Another process, seen once the cache is flushed (as a persistent object cache shares it).
		global $wpdb;
		$stored['policy']['organization']['name'] = 'Other process';
		$wpdb->update( $wpdb->options, array( 'option_value' => maybe_serialize( $stored ) ), array( 'option_name' => Policy_Store::OPTION ) );
		wp_cache_flush();
		$this->assertSame( 'Other process', $this->name_read() );

		// Uninstall.
		Policy_Store::delete();
		$this->assertSame( 0, Policy_Store::get()['revision'] );
		$this->assertNotSame( 'Other process', $this->name_read() );
	}

	public function test_a_filter_on_the_option_is_asked_on_every_read(): void {
		Policy_Store::save( $this->renamed( 'Stored' ), 0 );
		$this->assertSame( 'Stored', $this->name_read() );
		$filter = function ( $value ) {
			$value['policy']['organization']['name'] = 'Filtered';
			return $value;
		};
		add_filter( 'option_' . Policy_Store::OPTION, $filter );
		$this->assertSame( 'Filtered', $this->name_read() );
		remove_filter( 'option_' . Policy_Store::OPTION, $filter );
		$this->assertSame( 'Stored', $this->name_read() );
	}

	public function test_a_page_rendered_after_a_save_returns_shows_the_save(): void {
		Policy_Store::save( $this->renamed( 'Before' ), 0 );
		$block = '<!-- wp:infosec-policy/processor-table /-->';
		$this->assertStringContainsString( 'for Before', do_blocks( $block ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->save_through_rest( static fn( array $policy ): array => array_replace_recursive( $policy, array( 'organization' => array( 'name' => 'After' ) ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertStringContainsString( 'for After', do_blocks( $block ) );
	}

	public function test_deactivation_keeps_the_stored_policy(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$before = $this->stored_raw();
		deactivate_plugins( 'infosec-policy/plugin.php' );
		$this->assertFalse( is_plugin_active( 'infosec-policy/plugin.php' ) );
		$this->assertSame( $before, $this->stored_raw() );
	}
}

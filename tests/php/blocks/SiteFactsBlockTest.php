<?php
/**
 * Server rendering of the website facts block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * Where the site stores its data, and the ports its firewall opens when the admin publishes them.
 */
final class SiteFactsBlockTest extends TestCase {

	/**
	 * Stores the demo policy with these site facts.
	 *
	 * @param array<string, mixed> $site Fields of the site to replace.
	 */
	private function store_site( array $site ): void {
		$policy         = $this->demo_policy();
		$policy['site'] = array_merge( $policy['site'], $site );
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	/**
	 * The block's paragraphs as a visitor reads them.
	 *
	 * @return list<string>
	 */
	private function rendered(): array {
		return $this->texts( $this->parse_html( do_blocks( '<!-- wp:infosec-policy/site-facts /-->' ) ), '//p' );
	}

	public function test_the_demo_says_where_its_data_is_and_which_ports_are_open(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertSame(
			array(
				'Where this website stores its data: Netherlands.',
				'The firewall lets through only these ports: 80 (HTTP), 443 (HTTPS), 25 (SMTP).',
			),
			$this->rendered()
		);
	}

	public function test_the_ports_stay_private_unless_published(): void {
		$this->store_site(
			array(
				'publishFirewallPorts' => false,
				'firewallPorts'        => array( 22, 443, 8123 ),
			)
		);
		$this->assertSame( array( 'Where this website stores its data: Netherlands.' ), $this->rendered() );
		$this->assertStringNotContainsString( '8123', do_blocks( '<!-- wp:infosec-policy/site-facts /-->' ) );

		$this->store_site(
			array(
				'publishFirewallPorts' => true,
				'firewallPorts'        => array( 443 ),
				'dataLocations'        => array( 'NL', 'DE' ),
			)
		);
		$this->assertSame( array( 'Where this website stores its data: Netherlands, Germany.', 'The firewall lets through one port: 443 (HTTPS).' ), $this->rendered() );
	}

	public function test_without_facts_it_says_so(): void {
		$this->store_site(
			array(
				'publishFirewallPorts' => true,
				'firewallPorts'        => array(),
				'dataLocations'        => array(),
			)
		);
		$this->assertSame( array( 'No facts about the website have been published yet.' ), $this->rendered() );
	}

	public function test_escapes_what_it_prints(): void {
		// Stored past validation, as another plugin's update_option() could.
		$this->store_site( array( 'dataLocations' => array( '<img src=x onerror=alert(1)>' ) ) );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/site-facts /-->' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//img' ) );
		$this->assertStringContainsString( '<img src=x onerror=alert(1)>', $this->texts( $xpath, '//p' )[0] );
	}

	public function test_a_dutch_reader_gets_dutch(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		switch_to_locale( 'nl_NL' );
		try {
			$this->assertSame( 'Waar deze website haar gegevens opslaat: Nederland.', $this->rendered()[0] );
		} finally {
			restore_current_locale();
		}
	}

	public function test_renders_without_a_database_query(): void {
		global $wpdb;
		Policy_Store::save( $this->demo_policy(), 0 );
		// Before the first background check too: the options it fills are made, autoloaded, on
		// activation and on admin_init (a missing option would cost a query on every view).
		delete_option( \InfosecPolicy\Tls\Https_Facts::OPTION );
		\InfosecPolicy\Tls\Tls_Results::schedule();
		wp_cache_flush();
		wp_load_alloptions();
		$queries = $wpdb->num_queries;
		$this->rendered();
		$this->assertSame( $queries, $wpdb->num_queries );
	}
}

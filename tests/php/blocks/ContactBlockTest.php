<?php
/**
 * Server rendering of the security contact block, and the statement pattern.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Blocks\Statement_Pattern;
use InfosecPolicy\Policy\Policy_Store;

/**
 * The contact line and the pattern that lays out a whole statement.
 */
final class ContactBlockTest extends TestCase {

	public function test_contact_links_the_organisations_address(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/contact /-->' ) );
		$this->assertSame( array( 'mailto:info@regioingenieur.nl' ), $this->texts( $xpath, '//a/@href' ) );
		$this->assertStringContainsString( 'Contact RegioIngenieur at info@regioingenieur.nl.', $this->texts( $xpath, '//p' )[0] );
	}

	public function test_contact_without_an_address_says_so(): void {
		$policy                          = $this->demo_policy();
		$policy['organization']['email'] = '';
		Policy_Store::save( $policy, 0 );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/contact /-->' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//a' ) );
		$this->assertSame( array( 'No contact address has been published yet.' ), $this->texts( $xpath, '//p' ) );
	}

	public function test_contact_escapes_the_organisation_name(): void {
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = '<script>alert(1)</script>';
		Policy_Store::save( $policy, 0 );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/contact /-->' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//script' ) );
		$this->assertStringContainsString( '<script>alert(1)</script>', $this->texts( $xpath, '//p' )[0] );
	}

	public function test_the_statement_pattern_is_registered_with_every_policy_block(): void {
		$pattern = \WP_Block_Patterns_Registry::get_instance()->get_registered( Statement_Pattern::NAME );
		$this->assertIsArray( $pattern );
		$names = array_column( parse_blocks( $pattern['content'] ), 'blockName' );
		foreach ( array( 'infosec-policy/standards', 'infosec-policy/site-facts', 'infosec-policy/measure-list', 'infosec-policy/tls-badge', 'infosec-policy/processor-table', 'infosec-policy/contact', 'infosec-policy/policy-dates' ) as $block ) {
			$this->assertContains( $block, $names );
		}
		$this->assertSame( array( 'organizational', 'technical' ), array_values( array_filter( array_map( static fn( array $b ) => $b['attrs']['category'] ?? null, parse_blocks( $pattern['content'] ) ) ) ) );
	}

	public function test_the_statement_pattern_is_offered_when_a_new_page_starts(): void {
		$pattern = \WP_Block_Patterns_Registry::get_instance()->get_registered( Statement_Pattern::NAME );
		$this->assertIsArray( $pattern );
		$this->assertSame( array( 'core/post-content' ), $pattern['blockTypes'] ?? null );
		$this->assertSame( array( 'page' ), $pattern['postTypes'] ?? null );
	}

	public function test_the_statement_renders_the_reference_page_from_the_policy(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->parse_html( do_blocks( Statement_Pattern::content() ) );
		$this->assertSame( array( 'Werkproces', 'Rapportage', 'Ontwikkeling', 'Internetconnecties', 'Dataopslag', 'Streng wachtwoordbeleid', 'Firewall' ), $this->texts( $xpath, '//li/h3' ) );
		$this->assertSame( 3, $this->count_matches( $xpath, '//table/tbody/tr' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//*[@data-status="unchecked"]' ) );
	}
}

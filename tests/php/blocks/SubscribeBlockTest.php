<?php
/**
 * Server rendering of the subscribe block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Blocks\Subscribe_Form;
use InfosecPolicy\Blocks\Statement_Pattern;
use InfosecPolicy\Policy\Policy_Store;

/**
 * A form that works without JavaScript: a labelled e-mail field, what the visitor will receive,
 * a honeypot, and the outcome of the last submission from the query.
 */
final class SubscribeBlockTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Policy_Store::save( $this->demo_policy(), 0 );
		// Each test is a page of its own: its first block is the one with the anchor.
		( new \ReflectionProperty( Subscribe_Form::class, 'anchored' ) )->setValue( null, false );
		unset( $_GET['infosec-policy-subscribe'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test sets and clears the query the block reads.
	}

	protected function tearDown(): void {
		unset( $_GET['infosec-policy-subscribe'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- the test sets and clears the query the block reads.
		parent::tearDown();
	}

	public function test_renders_a_post_form_with_a_labelled_email_field_the_promise_and_a_honeypot(): void {
		$xpath = $this->render();

		$this->assertSame( array( 'post' ), $this->texts( $xpath, '//form/@method' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//form/@action' ), 'it posts to the page it is on' );
		$email = $this->texts( $xpath, '//input[@type="email"]/@id' )[0];
		$this->assertSame( array( 'Your e-mail address' ), $this->texts( $xpath, "//label[@for='$email']" ) );
		$this->assertSame( array( 'infosec_policy_email' ), $this->texts( $xpath, '//input[@type="email"]/@name' ) );
		$this->assertStringContainsString( 'each e-mail has a link to stop them', $this->texts( $xpath, '//form/p' )[0] );
		$this->assertSame( array( 'Subscribe' ), $this->texts( $xpath, '//button[@type="submit"]' ) );
		$this->assertSame( array( '-1' ), $this->texts( $xpath, '//input[@name="infosec_policy_website"]/@tabindex' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//*[@aria-hidden="true"]//input[@name="infosec_policy_website"]' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//script' ), 'visitors get no JavaScript' );
	}

	public function test_shows_the_outcome_of_a_submission_once_and_nothing_for_an_unknown_one(): void {
		$_GET['infosec-policy-subscribe'] = 'invalid';
		$xpath                            = $this->render( 2 );

		$this->assertSame( 1, $this->count_matches( $xpath, '//*[@role="alert"]' ) );
		$this->assertSame( array( 'That is not an e-mail address. Please check it and try again.' ), $this->texts( $xpath, '//*[@role="alert"]' ) );
		$this->assertSame( array( 'true' ), $this->texts( $xpath, '//div[@id="infosec-policy-subscribe"]//input[@type="email"]/@aria-invalid' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//*[@id="infosec-policy-subscribe"]' ) );

		( new \ReflectionProperty( Subscribe_Form::class, 'anchored' ) )->setValue( null, false );
		$_GET['infosec-policy-subscribe'] = '<script>alert(1)</script>';
		$unknown                          = $this->render();
		$this->assertSame( 0, $this->count_matches( $unknown, '//*[@role="alert" or @role="status"]' ) );
		$this->assertSame( 0, $this->count_matches( $unknown, '//script' ) );
	}

	public function test_escapes_the_organisation_name(): void {
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = '<img src=x onerror=alert(1)>';
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );

		$xpath = $this->render();

		$this->assertSame( 0, $this->count_matches( $xpath, '//img' ) );
		$this->assertStringContainsString( '<img src=x onerror=alert(1)>', $this->texts( $xpath, '//form/p' )[0] );
	}

	public function test_renders_without_a_database_query(): void {
		global $wpdb;
		Policy_Store::get();
		$before = $wpdb->num_queries;

		$this->render();

		$this->assertSame( $before, $wpdb->num_queries );
	}

	public function test_the_statement_pattern_offers_the_form_below_the_change_log(): void {
		$names = array_values( array_filter( array_column( parse_blocks( Statement_Pattern::content() ), 'blockName' ) ) );

		$this->assertContains( 'infosec-policy/subscribe', $names );
		$this->assertGreaterThan( array_search( 'infosec-policy/change-log', $names, true ), array_search( 'infosec-policy/subscribe', $names, true ) );
	}

	/**
	 * The block's rendering, as a page with it some number of times would have it.
	 *
	 * @param int $times How many blocks.
	 */
	private function render( int $times = 1 ): \DOMXPath {
		return $this->parse_html( do_blocks( str_repeat( '<!-- wp:infosec-policy/subscribe /-->', $times ) ) );
	}
}

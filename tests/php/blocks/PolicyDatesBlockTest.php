<?php
/**
 * Server rendering of the policy dates block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * "Last updated" is the last save; "last reviewed" is the date the admin marked.
 */
final class PolicyDatesBlockTest extends TestCase {

	/**
	 * The rendered block.
	 */
	private function render(): \DOMXPath {
		return $this->parse_html( do_blocks( '<!-- wp:infosec-policy/policy-dates /-->' ) );
	}

	public function test_before_any_save_both_dates_say_not_yet(): void {
		$xpath = $this->render();
		$this->assertSame( 0, $this->count_matches( $xpath, '//time' ) );
		$this->assertSame( 2, substr_count( implode( ' ', $this->texts( $xpath, '//p' ) ), 'not yet' ) );
	}

	public function test_shows_the_last_save_and_the_review_date(): void {
		$policy                               = $this->demo_policy();
		$policy['organization']['reviewedAt'] = '2026-03-15';
		$before                               = time();
		Policy_Store::save( $policy, 0 );
		$xpath = $this->render();
		$this->assertContains( $this->texts( $xpath, '//p[contains(@class,"__updated")]/time/@datetime' )[0] ?? '', array( gmdate( 'Y-m-d', $before ), gmdate( 'Y-m-d' ) ) );
		$this->assertSame( array( '2026-03-15' ), $this->texts( $xpath, '//p[contains(@class,"__reviewed")]/time/@datetime' ) );
		$this->assertSame( array( mysql2date( (string) get_option( 'date_format' ), '2026-03-15' ) ), $this->texts( $xpath, '//p[contains(@class,"__reviewed")]/time' ) );
		$this->assertGreaterThanOrEqual( $before, Policy_Store::updated_at() );
	}

	public function test_each_date_is_a_paragraph_of_its_own(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->render();
		$this->assertSame( 2, $this->count_matches( $xpath, '//div[contains(@class,"wp-block-infosec-policy-policy-dates")]/p' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//p[contains(@class,"__updated")]' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//p[contains(@class,"__reviewed")]' ) );
	}

	public function test_without_a_review_date_it_says_not_yet(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->render();
		$this->assertSame( 0, $this->count_matches( $xpath, '//p[contains(@class,"__reviewed")]/time' ) );
		$this->assertStringContainsString( 'not yet', $this->texts( $xpath, '//p[contains(@class,"__reviewed")]' )[0] ?? '' );
	}
}

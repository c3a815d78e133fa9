<?php
/**
 * The suggested privacy policy text.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * WordPress's Policy Guide gets a text from the stored policy: the processors in use, where their
 * data lives and on what basis it leaves the EEA, in the site's language, every value escaped.
 */
final class PrivacyPolicyContentTest extends TestCase {

	/**
	 * The text core's guide holds for this plugin after admin_init, as in a real admin request.
	 */
	private function suggested(): string {
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		set_current_screen( 'dashboard' );
		// Core keeps the texts of one request in a static list; each test is a request of its own.
		( new \ReflectionProperty( \WP_Privacy_Policy_Content::class, 'policy_content' ) )->setValue( null, array() );
		try {
			do_action( 'admin_init' );
		} finally {
			unset( $GLOBALS['current_screen'] );
		}
		foreach ( \WP_Privacy_Policy_Content::get_suggested_policy_text() as $entry ) {
			if ( 'Infosec Policy' === $entry['plugin_name'] ) {
				return (string) $entry['policy_text'];
			}
		}
		$this->fail( 'The Policy Guide has no text from the plugin.' );
	}

	public function test_names_each_processor_with_its_data_locations_and_transfer_basis(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->parse_html( $this->suggested() );
		$items = $this->texts( $xpath, '//ul/li' );
		$this->assertCount( 3, $items );
		$this->assertSame( 'Nieuwsbrief: Mailchimp (The Rocket Science Group LLC); data stored in: United States; legal basis for transfer: EU-US Privacy Shield (invalid since 16 July 2020). A processing agreement (GDPR Art. 28) is signed.', $items[1] );
		$this->assertStringContainsString( 'Our own systems store personal data in: Netherlands.', implode( ' ', $this->texts( $xpath, '//p' ) ) );
	}

	public function test_says_what_a_processor_does_with_which_data_and_how_long(): void {
		$policy                                    = $this->demo_policy();
		$policy['processors'][1]['purpose']        = 'Sends our newsletter.';
		$policy['processors'][1]['dataCategories'] = array( 'names', 'e-mail addresses' );
		$policy['processors'][1]['retention']      = 'Until you unsubscribe';
		Policy_Store::save( $policy, 0 );
		$items = $this->texts( $this->parse_html( $this->suggested() ), '//ul/li' );
		$this->assertStringEndsWith( 'Purpose: Sends our newsletter. Personal data: names, e-mail addresses. Kept: Until you unsubscribe. A processing agreement (GDPR Art. 28) is signed.', $items[1] ?? '' );
		$this->assertStringNotContainsString( 'Purpose:', $items[0] ?? '' );
	}

	public function test_uses_the_translation_into_the_site_language_where_there_is_one(): void {
		$policy                 = $this->demo_policy();
		$policy['translations'] = array(
			'en' => array(
				'processors' => array(
					array(
						'id'      => 'mailchimp',
						'role'    => 'Newsletter',
						'purpose' => 'Sends our newsletter.',
					),
				),
			),
		);
		Policy_Store::save( $policy, 0 );
		$items = $this->texts( $this->parse_html( $this->suggested() ), '//ul/li' );
		$this->assertStringStartsWith( 'Newsletter: Mailchimp (The Rocket Science Group LLC);', $items[1] ?? '' );
		$this->assertStringContainsString( 'Purpose: Sends our newsletter.', $items[1] ?? '' );
		$this->assertStringStartsWith( 'Websitehosting: ', $items[0] ?? '', 'an untranslated text as typed' );
	}

	public function test_claims_a_processing_agreement_only_where_one_is_signed(): void {
		$policy                               = $this->demo_policy();
		$policy['processors'][1]['dpaSigned'] = false;
		unset( $policy['processors'][1]['dpaDate'] );
		Policy_Store::save( $policy, 0 );
		$items = $this->texts( $this->parse_html( $this->suggested() ), '//ul/li' );
		$this->assertStringNotContainsString( 'processing agreement', $items[1] ?? '' );
		$this->assertStringContainsString( 'processing agreement', $items[0] ?? '' );
	}

	public function test_a_policy_nobody_has_kept_yet_suggests_nothing(): void {
		$text = $this->suggested();
		$this->assertStringContainsString( 'Keep your processors under Settings → Information security', $text );
		$this->assertStringNotContainsString( 'Suggested text', $text );
		$this->assertStringNotContainsString( 'We do not engage processors', $text );
	}

	public function test_an_announced_processor_is_not_named_before_its_date(): void {
		$policy                                   = $this->demo_policy();
		$policy['processors'][1]['effectiveFrom'] = '2099-01-01';
		Policy_Store::save( $policy, 0 );
		$this->assertStringNotContainsString( 'Mailchimp', $this->suggested() );
	}

	public function test_escapes_what_the_admin_typed(): void {
		$policy                          = $this->demo_policy();
		$policy['processors'][0]['name'] = '<img src=x onerror=alert(1)>';
		$policy['processors'][0]['role'] = '<script>alert(1)</script>';
		Policy_Store::save( $policy, 0 );
		$xpath = $this->parse_html( $this->suggested() );
		$this->assertSame( 0, $this->count_matches( $xpath, '//img | //script' ) );
		$this->assertStringContainsString( '<script>alert(1)</script>: <img src=x onerror=alert(1)>', $this->texts( $xpath, '//ul/li' )[0] ?? '' );
	}

	public function test_is_written_in_the_site_language_for_an_admin_who_reads_english(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$admin = $this->create_user( 'administrator' );
		update_user_meta( $admin, 'locale', 'en_US' );
		wp_set_current_user( $admin );
		update_option( 'WPLANG', 'nl_NL' );
		$site_locale = $GLOBALS['locale'] ?? null;
		unset( $GLOBALS['locale'] ); // As at the start of a request: get_locale() reads WPLANG.
		try {
			$this->assertSame( 'en_US', get_user_locale(), 'the admin reads English' );
			$text = $this->suggested();
		} finally {
			$GLOBALS['locale'] = $site_locale; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores what the test changed.
		}
		$this->assertStringContainsString( 'Verenigde Staten', $text, 'country names in the site’s language' );
	}
}

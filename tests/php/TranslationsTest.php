<?php
/**
 * The plugin's own Dutch, as WordPress loads it from languages/.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Transfer_Bases;

/**
 * On a Dutch site (or for a Dutch reader: the locale switched as WordPress does for a user) the
 * plugin speaks Dutch: whole sentences, country names, dates with Dutch month names.
 */
final class TranslationsTest extends TestCase {

	protected function tearDown(): void {
		restore_current_locale();
		parent::tearDown();
	}

	/**
	 * WordPress knows the plugin's languages folder, and finds the compiled catalogue in it.
	 */
	public function test_the_dutch_catalogue_ships_with_the_plugin(): void {
		$this->assertFileExists( \InfosecPolicy\PLUGIN_DIR . '/languages/infosec-policy-nl_NL.mo', 'npm run build compiles languages/*.po' );
		$this->assertTrue( switch_to_locale( 'nl_NL' ), 'WordPress’s Dutch language pack is installed on the test site' );
		$this->assertSame( 'Informatieveiligheid', __( 'Information security', 'infosec-policy' ) );
		$this->assertTrue( is_textdomain_loaded( 'infosec-policy' ) );
	}

	/**
	 * A change log line reads as one Dutch sentence, with the countries in Dutch.
	 */
	public function test_a_change_reads_as_a_dutch_sentence(): void {
		switch_to_locale( 'nl_NL' );
		$item = array(
			'op'      => 'changed',
			'subject' => 'processor',
			'id'      => 'mailchimp',
			'name'    => 'Mailchimp',
			'field'   => 'country',
			'from'    => 'US',
			'to'      => 'IE',
		);
		$this->assertSame( 'Land van verwerker Mailchimp gewijzigd van Verenigde Staten in Ierland', Change_Sentences::sentence( $item ) );

		$basis = array(
			'field' => 'transferBasis',
			'from'  => 'privacy-shield',
			'to'    => 'dpf',
		) + $item;
		$this->assertStringContainsString( 'Rechtsgrond voor doorgifte van verwerker Mailchimp gewijzigd', Change_Sentences::sentence( $basis ) );
		$this->assertSame( 'EU-VS Data Privacy Framework', Transfer_Bases::label( 'dpf' ) );
	}

	/**
	 * Dates use the site's format with Dutch month names; English stays English.
	 */
	public function test_dates_have_dutch_month_names(): void {
		update_option( 'date_format', 'j F Y' );
		switch_to_locale( 'nl_NL' );
		$this->assertSame( '2 november 2026', Change_Sentences::date( '2026-11-02' ) );
		restore_current_locale();
		$this->assertSame( '2 November 2026', Change_Sentences::date( '2026-11-02' ) );
	}

	/**
	 * A finding about outdated wording says in Dutch what to write instead (the suggestions are
	 * the plugin's words, not data).
	 */
	public function test_findings_suggest_in_dutch(): void {
		switch_to_locale( 'nl_NL' );
		$findings = Compliance_Checks::run( $this->demo_policy(), array(), time() );
		$stale    = array_values( array_filter( $findings, static fn( array $finding ): bool => 'stale-wording' === $finding['rule'] ) );
		$this->assertNotSame( array(), $stale, 'the demo still names Let’s Encrypt Authority X3' );
		foreach ( $stale as $finding ) {
			$this->assertStringStartsWith( 'Schrijf in plaats daarvan: ', $finding['action'] );
			$this->assertStringNotContainsString( 'the issuer', $finding['action'] );
		}
	}

	/**
	 * Scripts take their translations from the plugin's languages/, unless the site has its own
	 * catalogue of the plugin, which then serves PHP and scripts alike.
	 */
	public function test_scripts_read_the_same_catalogue_as_the_php(): void {
		switch_to_locale( 'nl_NL' );
		$this->assertSame( \InfosecPolicy\PLUGIN_DIR . '/languages', \InfosecPolicy\Plugin::script_translations_path() );
		// A site's own catalogue, in a language no other test reads (German), so no cache of the
		// files WordPress has seen misleads another test.
		$own = WP_LANG_DIR . '/plugins/infosec-policy-de_DE.mo';
		wp_mkdir_p( dirname( $own ) );
		copy( \InfosecPolicy\PLUGIN_DIR . '/languages/infosec-policy-nl_NL.mo', $own );
		try {
			$this->assertTrue( switch_to_locale( 'de_DE' ) );
			$this->assertSame( '', \InfosecPolicy\Plugin::script_translations_path() );
		} finally {
			unlink( $own );
		}
	}

	/**
	 * A plural takes the Dutch form for the count.
	 */
	public function test_counts_take_the_dutch_plural(): void {
		switch_to_locale( 'nl_NL' );
		/* translators: %d: the largest number of items allowed. */
		$this->assertSame( 'mag hoogstens 1 item bevatten.', sprintf( _n( 'must have at most %d item.', 'must have at most %d items.', 1, 'infosec-policy' ), 1 ) );
	}
}

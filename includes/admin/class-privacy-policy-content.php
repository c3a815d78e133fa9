<?php
/**
 * Suggested text for the site's privacy policy, from the policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Admin;

use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Policy\Transfer_Bases;

defined( 'ABSPATH' ) || exit;

/**
 * Gives WordPress's privacy tools (Settings → Privacy → Policy Guide) a suggested text built from the
 * stored policy: which processors handle personal data, where the data lives and on what basis it
 * leaves the EEA. Written in the site's language, since it is meant for the site's visitors, not for
 * the admin reading the guide.
 *
 * @phpstan-import-type Processor from Policy_Store
 */
final class Privacy_Policy_Content {

	/**
	 * Adds the suggested text. Runs on `admin_init`, as core asks.
	 */
	public static function register(): void {
		// Only the Policy Guide reads it; background requests need not build it (nor switch locale).
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) || wp_doing_ajax() || wp_doing_cron() ) {
			return;
		}
		$switched = switch_to_locale( get_locale() );
		wp_add_privacy_policy_content( __( 'Infosec Policy', 'infosec-policy' ), self::html() );
		if ( $switched ) {
			restore_previous_locale();
		}
	}

	/**
	 * The suggested text as HTML, every value escaped here.
	 */
	public static function html(): string {
		$html = '<p class="privacy-policy-tutorial">' . esc_html__( 'This text is made from the policy kept under Settings → Information security, and changes when it does. Copy what applies into your privacy policy.', 'infosec-policy' ) . '</p>'
			. '<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'infosec-policy' ) . ' </strong>';
		// Nothing is suggested for a policy nobody has kept yet: no processors there means no
		// statement, not a statement that there are none.
		if ( 0 === Policy_Store::get()['revision'] ) {
			return '<p class="privacy-policy-tutorial">' . esc_html__( 'Keep your processors under Settings → Information security, and a suggested text for your privacy policy appears here.', 'infosec-policy' ) . '</p>';
		}
		$processors = Policy_Store::processors_in_use();
		if ( array() === $processors ) {
			return $html . '<p>' . esc_html__( 'We do not engage processors to handle personal data on our behalf.', 'infosec-policy' ) . '</p>';
		}
		$html .= '<p>' . esc_html__( 'These processors handle personal data on our behalf:', 'infosec-policy' ) . '</p><ul>';
		// The privacy policy is the site's: its texts in the site's language, where translated.
		$texts = Translated_Policy::for( Policy_Store::policy(), Policy_Store::site_language() );
		foreach ( $processors as $processor ) {
			$html .= '<li>' . esc_html( self::processor_sentence( $texts->processor( $processor ) ) ) . '</li>';
		}
		$html     .= '</ul>';
		$locations = self::site_data_locations();
		if ( '' !== $locations ) {
			/* translators: %s: list of countries. */
			$html .= '<p>' . esc_html( sprintf( __( 'Our own systems store personal data in: %s.', 'infosec-policy' ), $locations ) ) . '</p>';
		}
		return $html;
	}

	/**
	 * One processor in a sentence: what it does, who it is, where the data lives, and the basis of
	 * a transfer out of the EEA. Plain text.
	 *
	 * @param Processor $processor A processor.
	 */
	private static function processor_sentence( array $processor ): string {
		$locations = array() === $processor['dataLocations'] ? array( $processor['country'] ) : $processor['dataLocations'];
		$who       = '' === $processor['legalEntity'] ? $processor['name'] : $processor['name'] . ' (' . $processor['legalEntity'] . ')';
		$sentence  = '' === $processor['role']
			/* translators: 1: a processor's name and legal entity, 2: countries, 3: the legal basis of the transfer. */
			? sprintf( __( '%1$s; data stored in: %2$s; legal basis for transfer: %3$s.', 'infosec-policy' ), $who, Countries::names( $locations ), Transfer_Bases::label( $processor['transferBasis'] ) )
			/* translators: 1: what a processor does for us, 2: its name and legal entity, 3: countries, 4: the legal basis of the transfer. */
			: sprintf( __( '%1$s: %2$s; data stored in: %3$s; legal basis for transfer: %4$s.', 'infosec-policy' ), $processor['role'], $who, Countries::names( $locations ), Transfer_Bases::label( $processor['transferBasis'] ) );
		// Claimed only where the policy records it: a missing agreement is a finding, not a fact to hide.
		// The optional fields are read as they may be stored: a policy option edited by hand can hold anything.
		$purpose    = is_string( $processor['purpose'] ?? null ) ? rtrim( trim( $processor['purpose'] ), '.' ) : '';
		$categories = is_array( $processor['dataCategories'] ?? null ) ? array_filter( $processor['dataCategories'], 'is_string' ) : array();
		$retention  = is_string( $processor['retention'] ?? null ) ? rtrim( trim( $processor['retention'] ), '.' ) : '';
		$parts      = array( $sentence );
		if ( '' !== $purpose ) {
			/* translators: %s: what the processor does with the personal data. */
			$parts[] = sprintf( __( 'Purpose: %s.', 'infosec-policy' ), $purpose );
		}
		if ( array() !== $categories ) {
			/* translators: %s: categories of personal data, e.g. "e-mail addresses, names". */
			$parts[] = sprintf( __( 'Personal data: %s.', 'infosec-policy' ), implode( wp_get_list_item_separator(), $categories ) );
		}
		if ( '' !== $retention ) {
			/* translators: %s: how long the data is kept, e.g. "as long as the subscription lasts". */
			$parts[] = sprintf( __( 'Kept: %s.', 'infosec-policy' ), $retention );
		}
		if ( $processor['dpaSigned'] ) {
			$parts[] = __( 'A processing agreement (GDPR Art. 28) is signed.', 'infosec-policy' );
		}
		return implode( ' ', $parts );
	}

	/**
	 * Where the site's own data is stored, by name, or ''.
	 */
	private static function site_data_locations(): string {
		$site      = Policy_Store::policy()['site'] ?? array();
		$locations = is_array( $site ) && is_array( $site['dataLocations'] ?? null ) ? array_values( array_filter( $site['dataLocations'], 'is_string' ) ) : array();
		return Countries::names( $locations );
	}
}

<?php
/**
 * The language a visitor reads the statement in.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Languages as the statement uses them: BCP 47 primary subtags (nl, en), worked out from a
 * multilingual plugin's current language when Polylang or WPML is active, else from WordPress's
 * locale. Only their public functions and filters are used, so that neither is needed.
 */
final class Page_Language {

	/**
	 * The language of the page or e-mail being built: the locale switched to for an e-mail, else
	 * Polylang's or WPML's current language, else the locale WordPress translates this request
	 * into (the site's for a visitor; in the editor's preview, the user's).
	 */
	public static function current(): string {
		// An e-mail built in its subscriber's language (switch_to_locale()), which
		// determine_locale() does not see.
		if ( is_locale_switched() ) {
			return self::primary( get_locale() );
		}
		if ( function_exists( 'pll_current_language' ) ) {
			$locale = pll_current_language( 'locale' );
			if ( is_string( $locale ) && '' !== $locale ) {
				return self::primary( $locale );
			}
		}
		$wpml = apply_filters( 'wpml_current_language', null ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WPML's own filter, how WPML says to ask it.
		if ( is_string( $wpml ) && '' !== $wpml && 'all' !== $wpml ) {
			return self::primary( $wpml );
		}
		return self::primary( determine_locale() );
	}

	/**
	 * The languages the site offers its pages in: Polylang's or WPML's, else none but the
	 * site's own.
	 *
	 * @return list<string>
	 */
	public static function offered(): array {
		$locales = array();
		if ( function_exists( 'pll_languages_list' ) ) {
			$locales = (array) pll_languages_list( array( 'fields' => 'locale' ) );
		}
		$wpml = apply_filters( 'wpml_active_languages', null, array( 'skip_missing' => 0 ) ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- WPML's own filter, how WPML says to ask it.
		if ( is_array( $wpml ) ) {
			foreach ( $wpml as $language ) {
				$locales[] = is_array( $language ) ? (string) ( $language['default_locale'] ?? $language['code'] ?? '' ) : '';
			}
		}
		$locales[] = get_locale();
		return array_values( array_unique( array_map( array( self::class, 'primary' ), array_filter( $locales, 'is_string' ) ) ) );
	}

	/**
	 * The installed locale to write a language in: the site's when it is of that language, else
	 * the one of the country the language is named after (nl_NL, de_DE), else the first installed
	 * one that is; null when none is.
	 *
	 * @param string $language A primary subtag.
	 */
	public static function locale_for( string $language ): ?string {
		$found = array_values( array_filter( \InfosecPolicy\Subscribers\Subscribers::locales(), static fn( string $locale ): bool => self::primary( $locale ) === $language ) );
		foreach ( array( get_locale(), $language . '_' . strtoupper( $language ), 'en' === $language ? 'en_US' : '' ) as $preferred ) {
			if ( in_array( $preferred, $found, true ) ) {
				return $preferred;
			}
		}
		return $found[0] ?? null;
	}

	/**
	 * Runs a function with WordPress's words in a language, when a locale of it is installed.
	 *
	 * @template T
	 * @param string        $language A primary subtag.
	 * @param callable(): T $callback What to run.
	 * @return T
	 */
	public static function in_language( string $language, callable $callback ): mixed {
		$locale   = self::primary( get_locale() ) === $language ? null : self::locale_for( $language );
		$switched = null !== $locale && switch_to_locale( $locale );
		try {
			return $callback();
		} finally {
			if ( $switched ) {
				restore_previous_locale();
			}
		}
	}

	/**
	 * A locale's or language tag's primary subtag, in lower case: `nl_NL` and `nl-BE` are `nl`.
	 * English for anything that has none.
	 *
	 * @param string $locale A WordPress locale or a BCP 47 tag.
	 */
	public static function primary( string $locale ): string {
		$primary = strtolower( (string) strtok( $locale, '_-' ) );
		return 1 === preg_match( '/^[a-z]{2,3}$/D', $primary ) ? $primary : 'en';
	}

	/**
	 * A language's name, in the language the request is translated into, for an admin or a
	 * reader choosing one: "Dutch", "Nederlands".
	 *
	 * @param string $language A primary subtag.
	 */
	public static function name( string $language ): string {
		return self::names()[ $language ] ?? $language;
	}

	/**
	 * The languages the settings page offers to write in and translate into, by code, with their
	 * names in the language the request is translated into.
	 *
	 * @return array<string, string>
	 */
	public static function names(): array {
		return array(
			'nl' => __( 'Dutch', 'infosec-policy' ),
			'en' => __( 'English', 'infosec-policy' ),
			'de' => __( 'German', 'infosec-policy' ),
			'fr' => __( 'French', 'infosec-policy' ),
			'es' => __( 'Spanish', 'infosec-policy' ),
			'it' => __( 'Italian', 'infosec-policy' ),
			'pl' => __( 'Polish', 'infosec-policy' ),
			'da' => __( 'Danish', 'infosec-policy' ),
			'sv' => __( 'Swedish', 'infosec-policy' ),
			'fy' => __( 'Frisian', 'infosec-policy' ),
		);
	}
}

<?php
/**
 * Country names for visitors.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Names ISO 3166-1 alpha-2 codes in the page's language, from ICU's data (PHP's intl extension);
 * without intl, the code itself.
 */
final class Countries {

	/**
	 * Names already looked up, by locale and code: a table of a thousand processors names the same
	 * few countries again and again.
	 *
	 * @var array<string, array<string, string>>
	 */
	private static array $names = array();

	/**
	 * A country's name in the current locale, e.g. "Verenigde Staten" for US on a Dutch page.
	 *
	 * @param string $code ISO 3166-1 alpha-2 code.
	 */
	public static function name( string $code ): string {
		if ( '' === $code || ! class_exists( \Locale::class ) ) {
			return $code;
		}
		$locale = determine_locale();
		if ( ! isset( self::$names[ $locale ][ $code ] ) ) {
			$name                            = \Locale::getDisplayRegion( '-' . $code, $locale );
			self::$names[ $locale ][ $code ] = is_string( $name ) && '' !== $name && $name !== $code ? $name : $code;
		}
		return self::$names[ $locale ][ $code ];
	}

	/**
	 * Names of several countries, joined for reading: "Netherlands, Ireland".
	 *
	 * @param list<string> $codes ISO 3166-1 alpha-2 codes.
	 */
	public static function names( array $codes ): string {
		return implode( wp_get_list_item_separator(), array_map( array( self::class, 'name' ), $codes ) );
	}
}

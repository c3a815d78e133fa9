/**
 * Internal dependencies
 */
import { COUNTRY_CODES } from './schema';
import type { CountryCode } from './types';

/** Names already looked up, by language and code. */
const names = new Map< string, string >();

/**
 * A country's name in a language, from the browser's own data (Intl.DisplayNames); the code
 * itself where the browser has no name. Each name is looked up once: making an
 * Intl.DisplayNames for every call was most of a key press's work with a thousand processors,
 * whose summaries and search texts name their countries on every render.
 *
 * @param code   ISO 3166-1 alpha-2 code.
 * @param locale BCP 47 language tag, e.g. `nl-NL`.
 */
export function countryName( code: string, locale: string ): string {
	const key = `${ locale }|${ code }`;
	let name = names.get( key );
	if ( name === undefined ) {
		try {
			name =
				new Intl.DisplayNames( [ locale, 'en' ], {
					type: 'region',
				} ).of( code ) ?? code;
		} catch {
			name = code;
		}
		names.set( key, name );
	}
	return name;
}

export interface CountryOption {
	value: CountryCode;
	label: string;
}

/**
 * Every country as a select option, `Name (CODE)`, sorted by name in the language.
 *
 * @param locale BCP 47 language tag.
 */
export function countryOptions( locale: string ): CountryOption[] {
	const collator = new Intl.Collator( locale );
	return COUNTRY_CODES.map( ( code ) => ( {
		value: code,
		label: `${ countryName( code, locale ) } (${ code })`,
	} ) ).sort( ( a, b ) => collator.compare( a.label, b.label ) );
}

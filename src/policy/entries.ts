/**
 * Internal dependencies
 */
import type { CountryCode, Measure, Processor } from './types';

/**
 * A slug from a name: lower-case ASCII letters, digits and single hyphens, as ids must be.
 *
 * @param name Any text.
 */
export function slugify( name: string ): string {
	return name
		.normalize( 'NFKD' )
		.replace( /[\u0300-\u036f]/g, '' )
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /^-+|-+$/g, '' )
		.slice( 0, 56 );
}

/**
 * An id based on a name that no entry in the list uses yet.
 *
 * @param base  Preferred id, or a name to make one from.
 * @param taken Ids in use.
 */
export function uniqueId( base: string, taken: Iterable< string > ): string {
	const used = new Set( taken );
	const stem = slugify( base ) || 'entry';
	let id = stem;
	for ( let n = 2; used.has( id ); n++ ) {
		id = `${ stem }-${ n }`;
	}
	return id;
}

/**
 * A new, empty measure with a fresh id.
 *
 * @param taken Ids in use.
 */
export function newMeasure( taken: Iterable< string > ): Measure {
	return {
		id: uniqueId( 'measure', taken ),
		category: 'organizational',
		title: '',
		description: '',
	};
}

/**
 * A new, empty processor with a fresh id.
 *
 * @param taken   Ids in use.
 * @param country The country to start from, usually the organisation's own.
 */
export function newProcessor(
	taken: Iterable< string >,
	country: CountryCode
): Processor {
	return {
		id: uniqueId( 'processor', taken ),
		role: '',
		name: '',
		legalEntity: '',
		description: '',
		country,
		dataLocations: [],
		transferBasis: 'eea',
		dpaSigned: false,
		securityUrl: '',
		host: '',
		tlsIssuerDeclared: '',
		firewall: false,
		certifications: [],
	};
}

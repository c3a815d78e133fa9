/**
 * Internal dependencies
 */
import schema from '../../schema/policy.schema.json';
import type { CountryCode, TransferBasis } from './types';

/** Every ISO 3166-1 alpha-2 code the policy format accepts, from the schema. */
export const COUNTRY_CODES = schema.definitions.country.enum as CountryCode[];

/** The transfer bases, in the schema's order. */
export const TRANSFER_BASES = schema.definitions.transferBasis
	.enum as TransferBasis[];

/**
 * The schema's maxLength of a field of an object definition, for the inputs' own limits.
 *
 * @param definition Definition name, e.g. `processor`.
 * @param field      Field name, e.g. `name`.
 */
export function maxLengthOf(
	definition: 'organization' | 'measure' | 'processor' | 'site',
	field: string
): number | undefined {
	const properties: Record< string, unknown > =
		schema.definitions[ definition ].properties;
	const property = properties[ field ];
	return typeof property === 'object' &&
		property !== null &&
		'maxLength' in property &&
		typeof property.maxLength === 'number'
		? property.maxLength
		: undefined;
}

/**
 * Internal dependencies
 */
import { toApiError } from '../../src/api';
import { countryName, countryOptions } from '../../src/policy/countries';
import { slugify, uniqueId } from '../../src/policy/entries';
import { pathOf } from '../../src/policy/paths';
import { COUNTRY_CODES, TRANSFER_BASES } from '../../src/policy/schema';
import { parsePorts } from '../../src/admin/site-section';

describe( 'policy helpers', () => {
	it( 'writes JSON paths as the server does', () => {
		expect( pathOf( 'processors', 2, 'dataLocations', 0 ) ).toBe(
			'processors[2].dataLocations[0]'
		);
		expect( pathOf( 'organization', 'name' ) ).toBe( 'organization.name' );
	} );

	it( 'reads the country codes and transfer bases from the schema', () => {
		expect( COUNTRY_CODES ).toHaveLength( 249 );
		expect( COUNTRY_CODES ).toContain( 'NL' );
		expect( TRANSFER_BASES ).toContain( 'privacy-shield' );
	} );

	it( 'names countries in the admin’s language', () => {
		expect( countryName( 'DE', 'nl' ) ).toBe( 'Duitsland' );
		expect( countryName( 'DE', 'en' ) ).toBe( 'Germany' );
		const options = countryOptions( 'en' );
		expect( options ).toHaveLength( 249 );
		expect( options.find( ( o ) => o.value === 'US' )?.label ).toBe(
			'United States (US)'
		);
	} );

	it( 'makes ids that are slugs and unique in their list', () => {
		expect( slugify( 'Google Analytics (EU)' ) ).toBe(
			'google-analytics-eu'
		);
		expect( slugify( 'Café Ürlaub' ) ).toBe( 'cafe-urlaub' );
		expect( uniqueId( 'mailchimp', [ 'mailchimp', 'mailchimp-2' ] ) ).toBe(
			'mailchimp-3'
		);
		expect( uniqueId( '!!!', [] ) ).toBe( 'entry' );
	} );

	it( 'accepts only port numbers from 1 to 65535', () => {
		expect( parsePorts( [ '80', ' 443 ' ] ) ).toEqual( [ 80, 443 ] );
		expect( parsePorts( [ '80', 'http' ] ) ).toBeNull();
		expect( parsePorts( [ '0' ] ) ).toBeNull();
		expect( parsePorts( [ '65536' ] ) ).toBeNull();
		expect( parsePorts( [ '8.5' ] ) ).toBeNull();
	} );

	it( 'reads a 400 with field errors and a 409 with the current revision', () => {
		expect(
			toApiError( {
				code: 'rest_invalid_param',
				message: 'Invalid',
				data: {
					status: 400,
					errors: [
						{ path: 'site.host', code: 'x', message: 'bad' },
						{ junk: true },
					],
				},
			} )
		).toEqual( {
			code: 'rest_invalid_param',
			message: 'Invalid',
			status: 400,
			errors: [ { path: 'site.host', code: 'x', message: 'bad' } ],
			revision: undefined,
		} );
		expect(
			toApiError( {
				code: 'infosec_policy_conflict',
				message: 'm',
				data: { status: 409, revision: 9 },
			} ).revision
		).toBe( 9 );
		expect( toApiError( 'offline' ).code ).toBe( 'unknown_error' );
	} );
} );

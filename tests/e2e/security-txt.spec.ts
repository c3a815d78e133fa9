/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import {
	SETTINGS_PAGE,
	demoPolicy,
	savePolicy,
	storePolicy,
} from './policy-helpers';

const SECURITY_TXT = '/.well-known/security.txt';

test.describe( 'security.txt', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'is not there until the admin publishes it, then a reporter reads every field', async ( {
		admin,
		page,
		request,
		baseURL,
	} ) => {
		expect( ( await request.get( SECURITY_TXT ) ).status() ).toBe( 404 );

		await admin.visitAdminPage( SETTINGS_PAGE );
		await page
			.getByRole( 'region', { name: 'Site' } )
			.getByRole( 'checkbox', { name: 'Publish security.txt' } )
			.check();
		await savePolicy( page );

		const response = await request.get( SECURITY_TXT );
		expect( response.status() ).toBe( 200 );
		expect( response.headers()[ 'content-type' ] ).toBe(
			'text/plain; charset=utf-8'
		);
		const fields = Object.fromEntries(
			( await response.text() )
				.trimEnd()
				.split( '\n' )
				.map( ( line ) => line.split( /: (.*)/s ).slice( 0, 2 ) )
		);
		// The test site is served over http: RFC 9116 allows Canonical and Policy only as https
		// addresses, so they are left out (the PHP tests see them on https).
		expect( baseURL ).toMatch( /^http:/ );
		expect( Object.keys( fields ) ).toEqual( [
			'Contact',
			'Expires',
			'Preferred-Languages',
		] );
		expect( fields.Contact ).toBe( 'mailto:info@regioingenieur.nl' );
		expect( Date.parse( fields.Expires ) ).toBeGreaterThan( Date.now() );

		// A HEAD request gets the headers without the body.
		const head = await request.head( SECURITY_TXT );
		expect( head.status() ).toBe( 200 );
		expect( await head.text() ).toBe( '' );
	} );
} );

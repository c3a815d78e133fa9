/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { asVisitor, demoPolicy, storePolicy } from './policy-helpers';

test.describe( 'public register', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'the statement page announces it; a tool reads it as JSON and CSV, and gets 304 when nothing changed', async ( {
		browser,
	} ) => {
		const visitor = await asVisitor( browser );
		const href = await visitor
			.locator(
				'head link[rel="alternate"][type="application/json"][href*="infosec-policy/v1/register"]'
			)
			.getAttribute( 'href' );
		expect( href ).toMatch( /infosec-policy\/v1\/register$/ );

		const response = await visitor.request.get( href! );
		expect( response.status() ).toBe( 200 );
		expect( response.headers()[ 'cache-control' ] ).toBe(
			'public, max-age=300'
		);
		const register = await response.json();
		expect( register.organization.name ).toBe( 'RegioIngenieur' );
		expect(
			register.processors.map( ( p: { id: string } ) => p.id )
		).toEqual( demoPolicy().processors.map( ( p ) => p.id ) );
		// The demo publishes its open ports; the choice itself is the admin's, not the register's.
		expect( register.site.firewallPorts ).toEqual( [ 80, 443, 25 ] );
		expect( register.site.publishFirewallPorts ).toBeUndefined();
		expect( register.site.securityTxt ).toBeUndefined();

		const again = await visitor.request.get( href!, {
			headers: { 'If-None-Match': response.headers().etag! },
		} );
		expect( again.status() ).toBe( 304 );
		expect( await again.body() ).toHaveLength( 0 );

		const csv = await visitor.request.get( `${ href }/processors.csv` );
		expect( csv.headers()[ 'content-type' ] ).toBe(
			'text/csv; charset=utf-8'
		);
		const rows = ( await csv.text() ).trimEnd().split( '\r\n' );
		expect( rows[ 0 ] ).toMatch( /^"id","role","name",/ );
		expect( rows ).toHaveLength( 1 + demoPolicy().processors.length );
		await visitor.context().close();
	} );
} );

/**
 * External dependencies
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import {
	SETTINGS_PAGE,
	asVisitor,
	demoPolicy,
	storePolicy,
} from './policy-helpers';

/**
 * What PHP has logged on the site under test so far.
 */
function debugLog(): string {
	const file = `${ process.env.INFOSEC_SITE_DIR }/logs/debug.log`;
	return existsSync( file ) ? readFileSync( file, 'utf8' ) : '';
}

/**
 * Posts JSON to the site from a loopback address of the caller's choosing, so that each request
 * is a client of its own and the per-client limit does not answer first; resolves to the status.
 *
 * @param from    Source address in 127.0.0.0/8.
 * @param path    Path on the site.
 * @param body    The JSON body.
 * @param headers More headers.
 */
function postFrom(
	from: string,
	path: string,
	body: unknown,
	headers: Record< string, string >
): Promise< number > {
	const site = new URL( process.env.WP_BASE_URL! );
	return new Promise( ( resolve, reject ) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port: site.port,
				localAddress: from,
				method: 'POST',
				path,
				headers: {
					Host: site.host,
					'Content-Type': 'application/json',
					...headers,
				},
			},
			( response ) => {
				response.resume();
				response.on( 'end', () => resolve( response.statusCode! ) );
			}
		);
		request.on( 'error', reject );
		request.end( JSON.stringify( body ) );
	} );
}

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

	test( 'core’s own REST parameters, with and without a conditional header, never make a public route fail', async ( {
		admin,
		browser,
		page,
	} ) => {
		const visitor = await asVisitor( browser );
		const base = '/wp-json/infosec-policy/v1/register';
		const routes = [ base, `${ base }/schema`, `${ base }/processors.csv` ];
		const parameters = [
			'_fields=organization',
			'_fields=id',
			'_fields[]=organization&_fields[]=processors',
			'_envelope',
			'_envelope&_fields=organization',
			'_embed',
			'_embed=author',
			'context=edit',
			'_method=DELETE',
			'_jsonp=callback',
			'excel=1&_fields=id',
		];
		const logged = debugLog();
		for ( const route of routes ) {
			const first = await visitor.request.get( route );
			expect( first.status(), route ).toBe( 200 );
			const conditions: Array< Record< string, string > > = [
				{},
				{ 'If-None-Match': first.headers().etag! },
				{ 'If-None-Match': `W/${ first.headers().etag }` },
				{
					'If-Modified-Since':
						first.headers()[ 'last-modified' ] ?? '',
				},
			];
			for ( const parameter of parameters ) {
				const url = `${ route }?${ parameter }`;
				for ( const headers of conditions ) {
					const answer = await visitor.request.get( url, {
						headers,
					} );
					expect(
						answer.status(),
						`${ url } ${ JSON.stringify( headers ) }`
					).toBeLessThan( 500 );
				}
			}
		}
		await visitor.context().close();

		// The other public route: a visitor's subscribe request, valid and not.
		let client = 0;
		for ( const parameter of parameters ) {
			const conditions: Array< Record< string, string > > = [
				{},
				{ 'If-None-Match': '*' },
				{ 'If-Modified-Since': new Date().toUTCString() },
			];
			for ( const headers of conditions ) {
				client++;
				for ( const email of [
					`core-parameters-${ client }@example.com`,
					'not an address',
				] ) {
					const status = await postFrom(
						`127.0.0.${ 100 + client }`,
						`/wp-json/infosec-policy/v1/subscribers?${ parameter }`,
						{ email },
						headers
					);
					expect(
						status,
						`POST subscribers?${ parameter } ${ email } ${ JSON.stringify(
							headers
						) }`
					).toBeLessThan( 500 );
				}
			}
		}

		// The administrator's CSV export is an answer of the same kind.
		await admin.visitAdminPage( SETTINGS_PAGE );
		const nonce = await page.evaluate(
			() => window.wp.apiFetch.nonceMiddleware.nonce
		);
		for ( const parameter of [ '_fields=email', '_envelope', '_embed' ] ) {
			const answer = await page.request.get(
				`/wp-json/infosec-policy/v1/subscribers/export?${ parameter }`,
				{ headers: { 'X-WP-Nonce': nonce } }
			);
			expect( answer.status(), parameter ).toBe( 200 );
		}
		expect( debugLog(), 'PHP logged nothing' ).toBe( logged );
	} );
} );

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
	storePolicy,
	storedPolicy,
} from './policy-helpers';

const ROUTE = '/wp-json/infosec-policy/v1/policy';

test.describe( 'REST API against cross-site request forgery', () => {
	test( 'a logged-in cookie request without a nonce counts as anonymous: 401', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( 'index.php' );
		const response = await page.request.get( ROUTE );
		expect( response.status() ).toBe( 401 );
	} );

	test( 'a forged nonce gets 403 and writes nothing', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( 'index.php' );
		const before = await storedPolicy( requestUtils );
		const policy = demoPolicy();
		policy.organization.name = 'Forged';
		const response = await page.request.put( ROUTE, {
			headers: { 'X-WP-Nonce': 'abcdef1234' },
			data: { policy, revision: before.revision },
		} );
		expect( response.status() ).toBe( 403 );
		expect( ( await response.json() ).code ).toBe(
			'rest_cookie_invalid_nonce'
		);
		expect( await storedPolicy( requestUtils ) ).toEqual( before );
	} );

	test( 'a forged nonce cannot hide a change from the published log', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const policy = demoPolicy();
		policy.organization.name = 'Before forgery';
		await storePolicy( requestUtils, policy );
		const log = await requestUtils.rest< {
			entries: Array< { id: number; internal: boolean; note: string } >;
		} >( { path: '/infosec-policy/v1/changes' } );
		const newest = log.entries[ 0 ]!;
		expect( newest.internal ).toBe( false );

		await admin.visitAdminPage( 'index.php' );
		const response = await page.request.post(
			`/wp-json/infosec-policy/v1/changes/${ newest.id }`,
			{
				headers: { 'X-WP-Nonce': 'abcdef1234' },
				data: { internal: true, note: '<script>alert(1)</script>' },
			}
		);
		expect( response.status() ).toBe( 403 );
		const after = await requestUtils.rest< {
			entries: Array< { id: number; internal: boolean; note: string } >;
		} >( { path: '/infosec-policy/v1/changes' } );
		expect( after.entries[ 0 ] ).toMatchObject( {
			id: newest.id,
			internal: false,
			note: '',
		} );
	} );

	test( 'the settings page’s own nonce works', async ( { admin, page } ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const nonce = await page.evaluate(
			() => window.wp.apiFetch.nonceMiddleware.nonce
		);
		const response = await page.request.get( ROUTE, {
			headers: { 'X-WP-Nonce': nonce },
		} );
		expect( response.status() ).toBe( 200 );
	} );
} );

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

const SETTINGS_PAGE = 'options-general.php?page=infosec-policy';

test.describe( 'settings page', () => {
	test( 'an administrator finds it under Settings', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( 'index.php' );
		const entry = page
			.locator( '#menu-settings' )
			.getByRole( 'link', { name: 'Information security' } );
		await expect( entry ).toHaveAttribute( 'href', SETTINGS_PAGE );
		await page.goto( `/wp-admin/${ SETTINGS_PAGE }` );
		await expect(
			page.getByRole( 'heading', {
				level: 1,
				name: 'Information security',
			} )
		).toBeVisible();
	} );

	test( 'a subscriber has no entry and cannot open it', async ( {
		browser,
		requestUtils,
	} ) => {
		const username = `subscriber${ Date.now() }`;
		await requestUtils.createUser( {
			username,
			email: `${ username }@example.com`,
			password: 'password',
			roles: [ 'subscriber' ],
		} );
		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const page = await context.newPage();
		await page.goto( '/wp-login.php' );
		await page.getByLabel( 'Username or Email Address' ).fill( username );
		await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		await expect( page ).toHaveURL( /wp-admin\/profile\.php/ );
		await expect(
			page.getByRole( 'link', { name: 'Information security' } )
		).toHaveCount( 0 );

		const response = await page.goto( `/wp-admin/${ SETTINGS_PAGE }` );
		expect( response?.status() ).toBe( 403 );
		await expect( page.locator( 'body' ) ).toContainText(
			'Sorry, you are not allowed to access this page.'
		);
		await context.close();
	} );
} );

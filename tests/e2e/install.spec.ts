/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

/**
 * Internal dependencies
 */
import { savePolicy } from './policy-helpers';

/**
 * A site owner installs the plugin from its zip on a WordPress that has never seen it, builds the
 * statement page from the pattern, and later deletes the plugin. `npm test` starts that WordPress
 * (INFOSEC_INSTALL_URL, its folder INFOSEC_INSTALL_WP_DIR) and makes the zip
 * (INFOSEC_PLUGIN_ZIP) with `npm run plugin-zip`.
 */
const site = process.env.INFOSEC_INSTALL_URL ?? '';
const wordpressDir = process.env.INFOSEC_INSTALL_WP_DIR ?? '';
const zip = process.env.INFOSEC_PLUGIN_ZIP ?? '';

interface PluginData {
	options: string[];
	table: boolean;
	plugin: boolean;
}

/**
 * What the plugin has stored in the fresh site, read from its database.
 */
function pluginData(): PluginData {
	return JSON.parse(
		execFileSync( 'php', [
			`${ __dirname }/fixtures/plugin-data.php`,
			wordpressDir,
		] ).toString()
	) as PluginData;
}

/**
 * Logs in to the fresh site as its administrator.
 *
 * @param page A page of a browser context with no session.
 */
async function logIn( page: Page ) {
	await page.goto( `${ site }/wp-login.php` );
	await page.getByLabel( 'Username or Email Address' ).fill( 'admin' );
	await page.getByLabel( 'Password', { exact: true } ).fill( 'password' );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
	await expect( page ).toHaveURL( /wp-admin/ );
}

test.describe( 'installing as a site owner does', () => {
	// A session of its own: the admin of the test site is no one here.
	test.use( { storageState: { cookies: [], origins: [] } } );

	test.beforeAll( () => {
		expect(
			site && wordpressDir && zip,
			'run through npm test, which starts the fresh site and makes the zip'
		).toBeTruthy();
		expect( pluginData() ).toEqual( {
			options: [],
			table: false,
			plugin: false,
		} );
	} );

	test( 'upload the zip, activate, publish the statement, then delete the plugin and its data', async ( {
		browser,
		page,
	} ) => {
		test.setTimeout( 180_000 );
		await logIn( page );

		// Plugins → Add New → Upload Plugin.
		await page.goto( `${ site }/wp-admin/plugin-install.php` );
		await page
			.getByRole( 'button', { name: 'Upload Plugin' } )
			.or( page.getByRole( 'link', { name: 'Upload Plugin' } ) )
			.first()
			.click();
		await page.locator( 'input#pluginzip' ).setInputFiles( zip );
		await page.getByRole( 'button', { name: 'Install Now' } ).click();
		await expect(
			page.getByText( 'Plugin installed successfully.' )
		).toBeVisible( { timeout: 60_000 } );
		await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
		const row = page.locator( 'tr[data-slug="infosec-policy"]' );
		await expect( row ).toHaveClass( /\bactive\b/ );

		// The admin keeps the policy: the first save stores it, logs it and publishes that entry.
		await page.goto(
			`${ site }/wp-admin/options-general.php?page=infosec-policy`
		);
		await page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Example Engineering' );
		await savePolicy( page );
		expect( pluginData().options ).toEqual(
			expect.arrayContaining( [
				'infosec_policy',
				'infosec_policy_changes_published',
				'infosec_policy_schema_version',
			] )
		);

		// A new page from the pattern, published. The editor may greet a new user with its welcome
		// guide, and a new page with starter patterns, whenever it has loaded: close them then.
		for ( const name of [
			/Welcome to the (block|site) editor/i,
			'Choose a pattern',
		] ) {
			const dialog = page.getByRole( 'dialog', { name } );
			await page.addLocatorHandler( dialog, async () => {
				await dialog.getByRole( 'button', { name: 'Close' } ).click();
			} );
		}
		await page.goto( `${ site }/wp-admin/post-new.php?post_type=page` );
		const editor = page.frameLocator( 'iframe[name="editor-canvas"]' );
		await editor
			.getByRole( 'textbox', { name: 'Add title' } )
			.fill( 'Information security' );
		await page
			.getByRole( 'button', { name: /^(Block Inserter|Add block)$/ } )
			.first()
			.click();
		await page
			.getByRole( 'searchbox', { name: /Search/ } )
			.fill( 'Information security statement' );
		await page
			.getByRole( 'option', { name: 'Information security statement' } )
			.click();
		await expect(
			editor.locator( '[data-type="infosec-policy/processor-table"]' )
		).toBeVisible();
		await page
			.getByRole( 'region', { name: 'Editor top bar' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		await page
			.getByRole( 'region', { name: 'Editor publish' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		const published = page
			.getByRole( 'region', { name: 'Editor publish' } )
			.getByRole( 'link', { name: 'View Page' } )
			.first();
		await expect( published ).toHaveAttribute( 'href', /^http/ );
		const address = ( await published.getAttribute( 'href' ) ) ?? '';

		// A visitor sees the blocks.
		const visitor = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visit = await visitor.newPage();
		await visit.goto( address );
		for ( const block of [
			'measure-list',
			'processor-table',
			'tls-badge',
			'change-log',
			'contact',
			'policy-dates',
		] ) {
			await expect(
				visit.locator( `.wp-block-infosec-policy-${ block }` ).first()
			).toBeVisible();
		}
		await expect( visit.locator( 'main' ) ).toContainText(
			'Example Engineering'
		);
		await visitor.close();
		expect( pluginData().table ).toBe( true );

		// Deactivate, then delete through the Plugins screen.
		await page.goto( `${ site }/wp-admin/plugins.php` );
		await row
			.getByRole( 'link', { name: 'Deactivate Infosec Policy' } )
			.click();
		await expect( row ).toHaveClass( /\binactive\b/ );
		// Deleting goes through the Plugins screen's script: a click before the reloaded screen has
		// bound it follows the link to the confirmation page instead (which a loaded CI once did).
		await page.waitForLoadState( 'load' );
		page.once( 'dialog', ( dialog ) => dialog.accept() );
		await row
			.getByRole( 'link', { name: 'Delete Infosec Policy' } )
			.click();
		await expect(
			page.getByText( 'Infosec Policy was successfully deleted.' )
		).toBeVisible( { timeout: 30_000 } );
		expect( pluginData() ).toEqual( {
			options: [],
			table: false,
			plugin: false,
		} );
	} );
} );

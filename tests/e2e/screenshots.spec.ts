/**
 * External dependencies
 */
import { mkdirSync } from 'node:fs';

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
 * The screenshots readme.txt lists, taken of the demo statement as it is now, so they never show
 * a plugin that no longer exists. WordPress.org takes them from the plugin's SVN assets folder, not
 * from the zip: they are written to artifacts/wordpress-org/ for the release to copy.
 */
const folder = `${ __dirname }/../../artifacts/wordpress-org`;

test.describe( 'readme screenshots', () => {
	test.beforeAll( () => mkdirSync( folder, { recursive: true } ) );

	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( '1: the statement page built from the pattern', async ( {
		browser,
	} ) => {
		const visitor = await asVisitor( browser );
		await visitor.setViewportSize( { width: 1280, height: 900 } );
		await expect(
			visitor.locator( '.wp-block-infosec-policy-processor-table table' )
		).toBeVisible();
		await visitor.screenshot( {
			path: `${ folder }/screenshot-1.png`,
			fullPage: true,
		} );
		await visitor.context().close();
	} );

	test( '2: the settings page with its findings', async ( {
		admin,
		page,
	} ) => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await admin.visitAdminPage( SETTINGS_PAGE );
		await expect(
			page.getByRole( 'region', { name: 'Processors' } )
		).toBeVisible();
		await expect(
			page.getByText( /Privacy Shield/ ).first()
		).toBeVisible();
		await page.screenshot( { path: `${ folder }/screenshot-2.png` } );
	} );

	test( '3: an editor’s notice about an invalid transfer basis', async ( {
		admin,
		editor,
		page,
	} ) => {
		await page.setViewportSize( { width: 1280, height: 900 } );
		await admin.createNewPost( { postType: 'page', title: 'Processors' } );
		await editor.insertBlock( { name: 'infosec-policy/processor-table' } );
		const block = editor.canvas.locator(
			'[data-type="infosec-policy/processor-table"]'
		);
		await expect( block ).toContainText( 'EU-US Privacy Shield' );
		await expect( block.locator( 'table' ) ).toBeVisible();
		await page.screenshot( { path: `${ folder }/screenshot-3.png` } );
	} );
} );

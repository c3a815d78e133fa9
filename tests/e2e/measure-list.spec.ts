/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

test.describe( 'measure list block', () => {
	test( 'a visitor sees it on the published demo page', async ( {
		browser,
	} ) => {
		const visitor = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const page = await visitor.newPage();
		const response = await page.goto( '/information-security/' );
		expect( response?.status() ).toBe( 200 );
		const block = page.locator( '.wp-block-infosec-policy-measure-list' );
		await expect( block ).toBeVisible();
		await expect( block ).toContainText(
			'No security measures have been published yet.'
		);
		await visitor.close();
	} );

	test( 'an editor inserts it, publishes, and a visitor sees it', async ( {
		admin,
		editor,
		requestUtils,
		browser,
	} ) => {
		await admin.createNewPost( {
			postType: 'page',
			title: 'Security measures test',
		} );
		await editor.insertBlock( { name: 'infosec-policy/measure-list' } );

		// The editor shows the server's rendering, the same markup visitors get.
		const preview = editor.canvas.locator(
			'.wp-block-infosec-policy-measure-list__empty'
		);
		await expect( preview ).toHaveText(
			'No security measures have been published yet.'
		);

		const postId = await editor.publishPost();
		const { link } = await requestUtils.rest< { link: string } >( {
			path: `/wp/v2/pages/${ postId }`,
		} );

		const visitor = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitorPage = await visitor.newPage();
		await visitorPage.goto( link );
		await expect(
			visitorPage.locator( '.wp-block-infosec-policy-measure-list' )
		).toContainText( 'No security measures have been published yet.' );
		await visitor.close();
	} );

	test( 'the block reloads in the editor without validation errors', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { postType: 'page', title: 'Reload test' } );
		await editor.insertBlock( {
			name: 'infosec-policy/measure-list',
			attributes: { category: 'technical', headingLevel: 4 },
		} );
		const postId = await editor.publishPost();
		await admin.visitAdminPage(
			'post.php',
			`post=${ postId }&action=edit`
		);
		await expect(
			editor.canvas.locator(
				'[data-type="infosec-policy/measure-list"] .wp-block-infosec-policy-measure-list__empty'
			)
		).toBeVisible();
		const invalid = await page.evaluate(
			() =>
				window.wp.data
					.select( 'core/block-editor' )
					.getBlocks()
					.filter( ( block ) => ! block.isValid ).length
		);
		expect( invalid ).toBe( 0 );
		expect( await editor.getBlocks() ).toMatchObject( [
			{
				name: 'infosec-policy/measure-list',
				attributes: { category: 'technical', headingLevel: 4 },
			},
		] );
	} );
} );

/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';

/**
 * WordPress dependencies
 */
import { test, expect } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import {
	SETTINGS_PAGE,
	STATEMENT_PAGE,
	asVisitor,
	demoPolicy,
	savePolicy,
	storePolicy,
	storedPolicy,
} from './policy-helpers';

const BLOCKS = [
	{
		name: 'infosec-policy/measure-list',
		attributes: { category: 'technical', headingLevel: 4 },
		visitorSees: 'Streng wachtwoordbeleid',
	},
	{
		name: 'infosec-policy/processor-table',
		attributes: { columns: [ 'name', 'dpa' ], caption: 'Our processors' },
		visitorSees: 'Our processors',
	},
	{
		name: 'infosec-policy/tls-badge',
		attributes: { processorId: 'mailchimp' },
		visitorSees: 'Symantec Class 3 G4',
	},
	{
		name: 'infosec-policy/site-facts',
		attributes: {},
		visitorSees: 'Where this website stores its data: Netherlands.',
	},
	{
		name: 'infosec-policy/standards',
		attributes: {},
		visitorSees: 'RegioIngenieur has taken note of ISO/IEC 27001:2013.',
	},
	{
		name: 'infosec-policy/contact',
		attributes: {},
		visitorSees: 'info@regioingenieur.nl',
	},
	{
		name: 'infosec-policy/policy-dates',
		attributes: {},
		visitorSees: 'Last updated:',
	},
	{
		name: 'infosec-policy/change-log',
		attributes: { limit: 3 },
		visitorSees: 'Follow these changes (RSS feed)',
	},
];

test.describe( 'policy blocks', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	for ( const block of BLOCKS ) {
		test( `${ block.name }: insert, save, reload without validation errors, and a visitor sees the data`, async ( {
			admin,
			editor,
			page,
			browser,
			requestUtils,
		} ) => {
			await admin.createNewPost( {
				postType: 'page',
				title: block.name,
			} );
			await editor.insertBlock( {
				name: block.name,
				attributes: block.attributes,
			} );
			// The editor shows the server's own rendering.
			await expect(
				editor.canvas.locator( `[data-type="${ block.name }"]` )
			).toContainText( block.visitorSees );
			const postId = await editor.publishPost();

			await admin.visitAdminPage(
				'post.php',
				`post=${ postId }&action=edit`
			);
			await expect(
				editor.canvas.locator( `[data-type="${ block.name }"]` )
			).toContainText( block.visitorSees );
			const invalid = await page.evaluate(
				() =>
					window.wp.data
						.select( 'core/block-editor' )
						.getBlocks()
						.filter( ( b ) => ! b.isValid ).length
			);
			expect( invalid ).toBe( 0 );
			expect( await editor.getBlocks() ).toMatchObject( [
				{ name: block.name, attributes: block.attributes },
			] );

			const { link } = await requestUtils.rest< { link: string } >( {
				path: `/wp/v2/pages/${ postId }`,
			} );
			const visitor = await asVisitor( browser, link );
			await expect( visitor.locator( 'main' ) ).toContainText(
				block.visitorSees
			);
			await visitor.context().close();
		} );
	}

	test( 'an empty policy shows a placeholder that links to the settings', async ( {
		admin,
		editor,
		requestUtils,
	} ) => {
		const empty = demoPolicy();
		empty.processors = [];
		await storePolicy( requestUtils, empty );
		await admin.createNewPost( { postType: 'page', title: 'Empty' } );
		await editor.insertBlock( { name: 'infosec-policy/processor-table' } );
		const link = editor.canvas.getByRole( 'link', {
			name: /Open Settings → Information security/,
		} );
		await expect( link ).toHaveAttribute(
			'href',
			new RegExp( `${ SETTINGS_PAGE.replace( '?', '\\?' ) }$` )
		);
	} );

	test( 'editors see a Privacy Shield notice; visitors never do', async ( {
		admin,
		editor,
		browser,
	} ) => {
		await admin.createNewPost( { postType: 'page', title: 'Notice' } );
		await editor.insertBlock( { name: 'infosec-policy/processor-table' } );
		await expect(
			editor.canvas.locator( '.components-notice__content' ).first()
		).toContainText( 'Mailchimp names the EU-US Privacy Shield' );

		const visitor = await asVisitor( browser, STATEMENT_PAGE );
		await expect( visitor.locator( 'body' ) ).not.toContainText(
			'names the EU-US Privacy Shield'
		);
		await expect( visitor.locator( '.components-notice' ) ).toHaveCount(
			0
		);
		await visitor.context().close();
	} );

	test( 'changing a processor in the settings changes the published page', async ( {
		admin,
		page,
		browser,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Mailchimp', exact: true } )
			.click();
		await processors.getByLabel( 'Transfer basis' ).selectOption( 'dpf' );
		await savePolicy( page );
		expect(
			( await storedPolicy( requestUtils ) ).policy.processors[ 1 ]
				?.transferBasis
		).toBe( 'dpf' );

		const visitor = await asVisitor( browser, STATEMENT_PAGE );
		const row = visitor.getByRole( 'row', { name: /Mailchimp/ } );
		await expect( row ).toContainText( 'EU-US Data Privacy Framework' );
		await visitor.context().close();
	} );

	test( 'the statement page has no WCAG 2.1 AA violations in the policy blocks', async ( {
		browser,
	} ) => {
		const visitor = await asVisitor( browser, STATEMENT_PAGE );
		const results = await new AxeBuilder( { page: visitor } )
			.include( '[class*="wp-block-infosec-policy-"]' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect( results.violations ).toEqual( [] );
		await visitor.context().close();
	} );

	test( 'the statement page loads no script and only the used styles from the plugin', async ( {
		browser,
	} ) => {
		const visitor = await asVisitor( browser, STATEMENT_PAGE );
		const fromPlugin = await visitor.evaluate( () =>
			Array.from(
				document.querySelectorAll( 'script[src], link[href]' ),
				( el ) =>
					el.getAttribute( 'src' ) ?? el.getAttribute( 'href' ) ?? ''
			).filter( ( url ) => url.includes( '/plugins/infosec-policy/' ) )
		);
		expect(
			fromPlugin.filter(
				( url ) => url.endsWith( '.js' ) || url.includes( '.js?' )
			)
		).toEqual( [] );
		const inlineScripts = await visitor.evaluate( () =>
			Array.from(
				document.querySelectorAll( 'script:not([src])' ),
				( s ) => s.textContent ?? ''
			).filter( ( t ) => t.includes( 'infosec' ) )
		);
		expect( inlineScripts ).toEqual( [] );
		await expect(
			visitor.locator( '.wp-block-infosec-policy-processor-table table' )
		).toBeVisible();
		await visitor.context().close();
	} );

	test( 'on a narrow screen the table stacks, descriptions use the full width, and nothing scrolls sideways', async ( {
		browser,
	} ) => {
		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
			viewport: { width: 390, height: 800 },
		} );
		const visitor = await context.newPage();
		await visitor.goto( STATEMENT_PAGE );
		const cell = visitor
			.locator( '.wp-block-infosec-policy-processor-table td' )
			.first();
		expect(
			await cell.evaluate( ( el ) => getComputedStyle( el ).display )
		).toBe( 'block' );
		// Each stacked cell is labelled with its column's heading, from the stylesheet.
		expect(
			await cell.evaluate(
				( el ) => getComputedStyle( el, '::before' ).content
			)
		).toBe( '"Service"' );
		expect(
			await visitor
				.locator( '.wp-block-infosec-policy-processor-table tbody th' )
				.first()
				.evaluate(
					( el ) => getComputedStyle( el, '::before' ).content
				)
		).toBe( '"Processor"' );
		const overflow = await visitor.evaluate(
			() =>
				document.documentElement.scrollWidth -
				document.documentElement.clientWidth
		);
		expect( overflow ).toBeLessThanOrEqual( 0 );

		// A description's cell is as wide as the table (but for a pixel of rounding).
		const widths = await visitor
			.locator( '.wp-block-infosec-policy-processor-table table' )
			.first()
			.evaluate( ( table ) => {
				const column = Array.from(
					table.querySelectorAll( 'thead th' )
				).findIndex(
					( th ) => th.getAttribute( 'data-column' ) === 'description'
				);
				const td =
					table.querySelector( 'tbody tr' )!.children[ column ];
				return {
					cell: td?.getBoundingClientRect().width ?? 0,
					table: table.getBoundingClientRect().width,
				};
			} );
		expect( widths.cell ).toBeGreaterThan( widths.table - 2 );
		await context.close();
	} );
} );

test.describe( 'development server', () => {
	test( 'never serves the plugin folder’s dot-folders, however the path is written', async ( {
		request,
		baseURL,
	} ) => {
		for ( const path of [
			'/wp-content/plugins/infosec-policy/.git/config',
			'/wp-content/plugins/infosec-policy/%2egit/config',
			'///wp-content/plugins/infosec-policy/.git/config',
			'/wp-content/plugins/infosec-policy/build/%2e%2e/.git/config',
		] ) {
			// Absolute, so '///' reaches the server as written, not as a host name.
			const response = await request.get( `${ baseURL }${ path }` );
			expect( response.status(), path ).toBeGreaterThanOrEqual( 400 );
			expect( await response.text(), path ).not.toContain( '[core]' );
		}
	} );
} );

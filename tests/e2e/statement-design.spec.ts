/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import {
	test,
	expect,
	type RequestUtils,
} from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import { demoPolicy, storePolicy } from './policy-helpers';

/**
 * The statement page as visitors see it, in the default themes Debian ships, at a phone's, a
 * tablet's and a desktop's width, in English and Dutch (whose words are longer): every block in the content column, nothing
 * scrolling sideways, no word broken that fits a line, and a visual baseline per theme and width
 * that fails when the page moves until the baseline is updated on purpose
 * (`npx playwright test statement-design --update-snapshots`, then look at each picture).
 *
 * What changes from run to run is fixed first: the change log shows one known change, the site's
 * certificate one known check, and the dates (today's, in "Last updated" and the log) read one
 * fixed day. The themes' fonts are their own web fonts, so the pictures do not depend on the
 * machine's fonts.
 */

const THEMES = [ 'twentytwentyfive', 'twentytwentyfour', 'twentytwentythree' ];
const WIDTHS = [ 390, 768, 1280 ];

/** The plugin's blocks on the page. */
const PLUGIN_BLOCKS = '[class*="wp-block-infosec-policy-"]';

/**
 * Stores TLS check results on the test site (tests/e2e/fixtures/store-tls-results.php).
 *
 * @param results The results, by host.
 */
function storeTlsResults( results: object ) {
	execFileSync( 'php', [
		path.join( __dirname, 'fixtures/store-tls-results.php' ),
		`${ process.env.INFOSEC_SITE_DIR }/wordpress`,
		JSON.stringify( results ),
	] );
}

/**
 * Stores what the background checks would have found: the site's certificate checked, Mailchimp's
 * host not reached (visitors then read the declared issuer), Google's not checked at all.
 */
function storeCertificateChecks() {
	const checkedAt = Date.UTC( 2026, 10, 30, 9 ) / 1000;
	const results = {
		'regioingenieur.nl': {
			status: 'valid',
			issuerOrganization: 'Let’s Encrypt',
			issuerCommonName: 'R11',
			validFrom: Date.UTC( 2026, 10, 1 ) / 1000,
			validTo: Date.UTC( 2027, 0, 30 ) / 1000,
			protocol: 'TLSv1.3',
			checkedAt,
			stale: false,
		},
		'mailchimp.com': { status: 'unreachable', checkedAt, stale: false },
	};
	storeTlsResults( results );
}

/**
 * Leaves one known change in the published log: every earlier entry made internal, then one
 * processor added.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function oneKnownChange( requestUtils: RequestUtils ) {
	const policy = demoPolicy();
	await storePolicy( requestUtils, policy );
	const visible: number[] = [];
	for ( let page = 1, pages = 1; page <= pages; page++ ) {
		const log = await requestUtils.rest< {
			entries: Array< { id: number; internal: boolean } >;
			pages: number;
		} >( {
			path: '/infosec-policy/v1/changes',
			params: { per_page: 100, page },
		} );
		pages = log.pages;
		visible.push(
			...log.entries
				.filter( ( entry ) => ! entry.internal )
				.map( ( entry ) => entry.id )
		);
	}
	for ( const id of visible ) {
		await requestUtils.rest( {
			path: `/infosec-policy/v1/changes/${ id }`,
			method: 'POST',
			data: { internal: true },
		} );
	}
	policy.processors.push( {
		...policy.processors[ 0 ]!,
		id: 'transip',
		name: 'TransIP',
		role: 'Domeinnamen',
		description:
			'Domeinregistratie en DNS, door het Nederlandse bedrijf TransIP B.V.',
		host: 'www.transip.nl',
		tlsIssuerDeclared: '',
	} );
	await storePolicy( requestUtils, policy );
}

/**
 * Publishes a page made of the statement pattern as the editor offers it in the site's language.
 *
 * @param requestUtils Authenticated request utilities.
 * @param title        Its title.
 */
async function statementPage( requestUtils: RequestUtils, title: string ) {
	const patterns = await requestUtils.rest<
		Array< { name: string; content: string } >
	>( {
		path: '/wp/v2/block-patterns/patterns',
	} );
	const pattern = patterns.find(
		( p ) => p.name === 'infosec-policy/statement'
	);
	expect( pattern ).toBeDefined();
	const page = await requestUtils.rest< { link: string } >( {
		path: '/wp/v2/pages',
		method: 'POST',
		data: { title, content: pattern!.content, status: 'publish' },
	} );
	return page.link;
}

/**
 * The page as a visitor sees it at a width, with its fonts loaded and today's dates fixed.
 *
 * @param browser The browser.
 * @param url     The page.
 * @param width   The viewport's width.
 */
async function visit( browser: Browser, url: string, width: number ) {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
		viewport: { width, height: 900 },
		reducedMotion: 'reduce',
	} );
	const page = await context.newPage();
	expect( ( await page.goto( url ) )?.status() ).toBe( 200 );
	// The theme's header lists the site's pages, as many as earlier tests made: hidden, so the
	// statement starts at the same place, to the subpixel, whatever ran before.
	await page.addStyleTag( {
		content: 'header.wp-block-template-part { display: none !important; }',
	} );
	await page.evaluate( () => document.fonts.ready );
	await page
		.locator(
			'.wp-block-infosec-policy-policy-dates__updated time, .wp-block-infosec-policy-change-log time'
		)
		.evaluateAll( ( times ) =>
			times.forEach(
				( time ) => ( time.textContent = '1 December 2026' )
			)
		);
	return page;
}

/**
 * Words of the plugin's blocks that the browser broke over two lines although they fit on one.
 *
 * @param page The statement page.
 */
function brokenWords( page: Page ): Promise< string[] > {
	return page.locator( PLUGIN_BLOCKS ).evaluateAll( ( blocks ) => {
		const broken: string[] = [];
		for ( const block of blocks ) {
			const walker = document.createTreeWalker(
				block,
				NodeFilter.SHOW_TEXT
			);
			for (
				let node = walker.nextNode();
				node;
				node = walker.nextNode()
			) {
				const text = node.textContent ?? '';
				const parent = node.parentElement!;
				const room = parent.getBoundingClientRect().width;
				for ( const match of text.matchAll( /[^\s\-/]+/g ) ) {
					const range = document.createRange();
					range.setStart( node, match.index );
					range.setEnd( node, match.index + match[ 0 ].length );
					const lines = new Set(
						[ ...range.getClientRects() ]
							.filter( ( rect ) => rect.width > 0 )
							.map( ( rect ) => Math.round( rect.top ) )
					);
					if (
						lines.size > 1 &&
						range.getBoundingClientRect().width < room
					) {
						broken.push( match[ 0 ] );
					}
				}
			}
		}
		return broken;
	} );
}

for ( const [ locale, language ] of [
	[ '', 'English' ],
	[ 'nl_NL', 'Dutch' ],
] as const ) {
	test.describe( `the statement page in ${ language }`, () => {
		let url = '';

		test.beforeAll( async ( { requestUtils } ) => {
			await requestUtils.updateSiteSettings( { language: locale } );
			await oneKnownChange( requestUtils );
			storeCertificateChecks();
			url = await statementPage(
				requestUtils,
				`Statement ${ language }`
			);
		} );

		test.afterAll( async ( { requestUtils } ) => {
			await requestUtils.activateTheme( 'twentytwentyfive' );
			await requestUtils.updateSiteSettings( { language: '' } );
			await storePolicy( requestUtils, demoPolicy() );
			storeTlsResults( {} );
		} );

		for ( const theme of THEMES ) {
			for ( const width of WIDTHS ) {
				test( `${ theme } at ${ width } px`, async ( {
					browser,
					requestUtils,
				} ) => {
					await requestUtils.activateTheme( theme );
					const page = await visit( browser, url, width );

					// Nothing scrolls sideways; the message names what sticks out.
					const outside = await page.evaluate( () =>
						document.documentElement.scrollWidth >
						document.documentElement.clientWidth
							? [ ...document.querySelectorAll( 'body *' ) ]
									.filter(
										( element ) =>
											element.getBoundingClientRect()
												.right >
											document.documentElement.clientWidth
									)
									.map(
										( element ) =>
											`${ element.tagName } ${ element.className } “${ (
												element.textContent ?? ''
											).slice( 0, 40 ) }”`
									)
							: []
					);
					expect( outside, 'nothing scrolls sideways' ).toEqual( [] );

					// Every block starts where the page's own paragraphs start: in the content column.
					const text = await page
						.locator( '.wp-block-post-content > p' )
						.first()
						.boundingBox();
					for ( const block of await page
						.locator(
							`.wp-block-post-content > ${ PLUGIN_BLOCKS }`
						)
						.all() ) {
						const box = await block.boundingBox();
						expect(
							Math.abs( box!.x - text!.x ),
							`${ await block.getAttribute( 'class' ) } stands in the column`
						).toBeLessThanOrEqual( 1 );
						expect( box!.x + box!.width ).toBeLessThanOrEqual(
							text!.x + text!.width + 1
						);
					}

					expect(
						await brokenWords( page ),
						'words broken mid-word'
					).toEqual( [] );

					await expect(
						page.locator( '.wp-block-post-content' )
					).toHaveScreenshot(
						`statement-${ language.toLowerCase() }-${ theme }-${ width }.png`,
						{ animations: 'disabled', caret: 'hide' }
					);
					await page.context().close();
				} );
			}
		}
	} );
}

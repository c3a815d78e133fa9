/**
 * External dependencies
 */
import { readdirSync, readFileSync } from 'node:fs';
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
import {
	SETTINGS_PAGE,
	asVisitor,
	demoPolicy,
	notices,
	storePolicy,
	storedPolicy,
} from './policy-helpers';
import { englishWords, fill, leftOver, nl, readableText } from './translations';

/**
 * What admins typed, in whatever language: the stored policy, and the notes of the change log's
 * newest entries (other tests write English ones), which the statement and the feed show.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function typedData( requestUtils: RequestUtils ): Promise< unknown[] > {
	const log = await requestUtils.rest< {
		entries: Array< { note: string } >;
	} >( {
		path: '/infosec-policy/v1/changes',
		params: { per_page: 100 },
	} );
	return [
		( await storedPolicy( requestUtils ) ).policy,
		log.entries.map( ( entry ) => entry.note ),
	];
}

/**
 * Fails unless a text reads Dutch: no message of the plugin left in English, and no English
 * words besides what admins typed.
 *
 * @param text The text a reader sees.
 * @param data What admins typed (typedData()).
 */
function expectDutch( text: string, data: unknown[] ) {
	expect( leftOver( text, 'en', data ) ).toEqual( [] );
	expect( englishWords( text, data ) ).toEqual( [] );
}

/** Each block's English title, from its block.json. */
const blockTitles: Record< string, string > = Object.fromEntries(
	readdirSync( path.join( __dirname, '../../blocks' ) ).map( ( block ) => {
		const metadata = JSON.parse(
			readFileSync(
				path.join( __dirname, '../../blocks', block, 'block.json' ),
				'utf8'
			)
		);
		return [ metadata.name, metadata.title ];
	} )
);

interface Pattern {
	name: string;
	title: string;
	content: string;
}

/**
 * The statement pattern as the editor gets it (in the requesting user's language).
 *
 * @param requestUtils Authenticated request utilities.
 */
async function statementPattern(
	requestUtils: RequestUtils
): Promise< Pattern > {
	const patterns = await requestUtils.rest< Pattern[] >( {
		path: '/wp/v2/block-patterns/patterns',
	} );
	const pattern = patterns.find(
		( candidate ) => candidate.name === 'infosec-policy/statement'
	);
	expect( pattern ).toBeDefined();
	return pattern!;
}

/**
 * A published page made of the statement pattern, as an editor on this site would insert it.
 *
 * @param requestUtils Authenticated request utilities.
 * @param title        The page's title.
 */
async function statementPage( requestUtils: RequestUtils, title: string ) {
	const pattern = await statementPattern( requestUtils );
	const page = await requestUtils.rest< { link: string } >( {
		path: '/wp/v2/pages',
		method: 'POST',
		data: { title, content: pattern.content, status: 'publish' },
	} );
	return { pattern, link: page.link };
}

/**
 * The feed the statement page announces, as text without its markup: the first it lists, which
 * is the one in the page's own language (Dutch texts on an English site list the Dutch one too).
 *
 * @param visitor The statement page.
 */
async function feedText( visitor: Page ): Promise< string > {
	const href = await visitor
		.locator( 'head link[rel="alternate"][href*="infosec-policy-changes"]' )
		.first()
		.getAttribute( 'href' );
	const response = await visitor.request.get( href ?? '' );
	expect( response.status() ).toBe( 200 );
	return visitor.evaluate(
		( xml ) => {
			const doc = new DOMParser().parseFromString(
				xml,
				'application/xml'
			);
			return doc.documentElement.textContent ?? '';
		},
		await response.text()
	);
}

/**
 * Records a change that the log words: Mailchimp moves from the United States to Ireland.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function moveMailchimp( requestUtils: RequestUtils ) {
	await storePolicy( requestUtils, demoPolicy() );
	const moved = demoPolicy();
	const mailchimp = moved.processors.find( ( p ) => p.id === 'mailchimp' )!;
	mailchimp.country = 'IE';
	await storePolicy( requestUtils, moved );
}

/**
 * The plugin's part of the settings page: its heading and its app.
 *
 * @param page The settings page.
 */
async function settingsText( page: Page ) {
	// Once the parts that load after the page are there: findings, certificates, change log.
	await expect( page.locator( '.infosec-policy-findings' ) ).toBeVisible();
	await expect(
		page.locator( '.infosec-policy-certificates table' )
	).toBeVisible();
	await expect(
		page.locator( '.infosec-policy-change-log__entry' ).first()
	).toBeVisible();
	return [
		await readableText( page.locator( '.wrap > h1' ) ),
		await readableText( page.locator( '#infosec-policy-admin' ) ),
	].join( '\n' );
}

/**
 * The statement's blocks as a visitor reads them.
 *
 * @param browser The browser.
 * @param link    The page.
 */
async function visitorText( browser: Browser, link: string ) {
	const visitor = await asVisitor( browser, link );
	const blocks = visitor.locator( '[class*="wp-block-infosec-policy-"]' );
	await expect( blocks.first() ).toBeVisible();
	const text = (
		await Promise.all( ( await blocks.all() ).map( readableText ) )
	).join( '\n' );
	return { visitor, text };
}

/**
 * The statement page a visitor reads after a change: Mailchimp moved to Ireland, then a page made
 * of the pattern (in the site's language) published.
 *
 * @param browser      The browser.
 * @param requestUtils Authenticated request utilities.
 * @param title        The page's title.
 */
async function publishedStatement(
	browser: Browser,
	requestUtils: RequestUtils,
	title: string
) {
	await moveMailchimp( requestUtils );
	const { pattern, link } = await statementPage( requestUtils, title );
	return { pattern, ...( await visitorText( browser, link ) ) };
}

test.describe( 'a Dutch site (Site Language: Nederlands)', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await requestUtils.updateSiteSettings( { language: 'nl_NL' } );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.updateSiteSettings( { language: '' } );
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'the statement page built from the pattern, and its feed, read Dutch', async ( {
		browser,
		requestUtils,
	} ) => {
		const { pattern, visitor, text } = await publishedStatement(
			browser,
			requestUtils,
			'Informatieveiligheid'
		);
		expect( pattern.title ).toBe( nl( 'Information security statement' ) );

		expectDutch( text, await typedData( requestUtils ) );
		expect( text ).toContain( nl( 'Processors' ) );
		expect( text ).toContain(
			fill(
				nl( 'Changed the country of processor %1$s from %2$s to %3$s' ),
				'Mailchimp',
				'Verenigde Staten',
				'Ierland'
			)
		);
		// Dates in the site's format, with Dutch month names.
		expect( text ).toMatch(
			/\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b/
		);
		expect( text ).not.toMatch(
			/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/
		);

		const feed = await feedText( visitor );
		expectDutch( feed, await typedData( requestUtils ) );
		expect( feed ).toContain(
			fill(
				nl( 'Changed the country of processor %1$s from %2$s to %3$s' ),
				'Mailchimp',
				'Verenigde Staten',
				'Ierland'
			)
		);
		await visitor.context().close();
	} );

	test( 'the settings page reads Dutch in every section, with a validation error and a conflict notice', async ( {
		admin,
		page,
		browser,
		requestUtils,
	} ) => {
		await storePolicy( requestUtils, demoPolicy() );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', {
			name: nl( 'Processors' ),
		} );
		await expect( processors ).toBeVisible();
		await expect(
			page.getByRole( 'region', { name: nl( 'Change log' ) } )
		).toBeVisible();
		expectDutch(
			await settingsText( page ),
			await typedData( requestUtils )
		);

		// An open processor, and a field the server refuses.
		await processors
			.getByRole( 'button', { name: 'Mailchimp', exact: true } )
			.click();
		await processors
			.getByLabel( nl( 'Security page' ) )
			.fill( 'javascript:alert(1)' );
		await page.getByRole( 'button', { name: nl( 'Save policy' ) } ).click();
		const field = processors.getByLabel( nl( 'Security page' ) );
		await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( field ).toHaveAccessibleDescription(
			nl(
				'must be a web address such as https://example.com/, starting with https://.'
			)
		);
		expectDutch(
			await settingsText( page ),
			await typedData( requestUtils )
		);

		// Someone else saves meanwhile: the conflict notice.
		await processors
			.getByLabel( nl( 'Security page' ) )
			.fill( 'https://mailchimp.com/legal/' );
		const other = await browser.newPage();
		await other.goto( page.url() );
		await other
			.getByRole( 'region', { name: nl( 'Organisation' ) } )
			.getByLabel( nl( 'Name' ), { exact: true } )
			.fill( 'Alpha BV' );
		await other
			.getByRole( 'button', { name: nl( 'Save policy' ) } )
			.click();
		await expect(
			notices( other ).getByText( nl( 'The policy was saved.' ) )
		).toBeVisible();
		await other.close();
		await page.getByRole( 'button', { name: nl( 'Save policy' ) } ).click();
		await expect(
			page.getByRole( 'heading', {
				name: nl( 'Someone else saved the policy meanwhile' ),
			} )
		).toBeVisible();
		expectDutch(
			await settingsText( page ),
			await typedData( requestUtils )
		);
	} );

	test( 'a new page offers the pattern, and the inserter lists the blocks, under their Dutch titles', async ( {
		admin,
		page,
		editor,
		requestUtils,
	} ) => {
		// A new page offers the statement in its "Choose a pattern" window, in Dutch.
		await admin.createNewPost( { postType: 'page' } );
		const titles = await page.evaluate( () =>
			window.wp.data
				.select( 'core/blocks' )
				.getBlockTypes()
				.filter( ( type: { name: string } ) =>
					type.name.startsWith( 'infosec-policy/' )
				)
				.map( ( type: { name: string; title: string } ) => [
					type.name,
					type.title,
				] )
		);
		expect( Object.fromEntries( titles ) ).toEqual(
			Object.fromEntries(
				Object.entries( blockTitles ).map( ( [ name, title ] ) => [
					name,
					nl( title, 'block title' ),
				] )
			)
		);
		await page
			.getByRole( 'dialog' )
			.getByRole( 'option', {
				name: nl( 'Information security statement' ),
			} )
			.click();
		await expect( page.getByRole( 'dialog' ) ).toHaveCount( 0 );

		await page
			.getByRole( 'button', {
				name: /^(Block Inserter|Add block|Blok toevoegen)$/,
			} )
			.first()
			.click();
		const search = page.getByRole( 'searchbox', { name: /Search|Zoeken/ } );
		await search.fill( nl( 'Processor table', 'block title' ) );
		await expect(
			page.getByRole( 'option', {
				name: nl( 'Processor table', 'block title' ),
			} )
		).toBeVisible();
		await page.keyboard.press( 'Escape' );

		// The blocks' server-rendered previews, in the editor's language.
		const table = editor.canvas.locator(
			'[data-type="infosec-policy/processor-table"]'
		);
		await expect( table.locator( 'table' ) ).toBeVisible();
		await expect( table ).toContainText( nl( 'Legal basis for transfer' ) );

		// Each block's own settings, from its editor script and that script's JSON translations
		// (the titles above come from the server, whatever the scripts load).
		await editor.openDocumentSettingsSidebar();
		const settings = page.locator( '.block-editor-block-inspector' );
		for ( const name of Object.keys( blockTitles ) ) {
			const block = editor.canvas
				.locator( `[data-type="${ name }"]` )
				.first();
			// The pattern holds every block.
			await expect( block ).toBeAttached();
			await editor.selectBlocks( block );
			await expect( settings ).toContainText(
				nl( blockTitles[ name ]!, 'block title' )
			);
			expectDutch(
				await readableText( settings ),
				await typedData( requestUtils )
			);
		}
		await editor.selectBlocks( table );
		await expect( settings.getByLabel( nl( 'Caption' ) ) ).toBeVisible();
		expectDutch(
			await readableText( editor.canvas.locator( '.is-root-container' ) ),
			await typedData( requestUtils )
		);
	} );
} );

test.describe( 'an English site', () => {
	test( 'the statement page and its feed read English, with no Dutch of the plugin', async ( {
		browser,
		requestUtils,
	} ) => {
		const { pattern, visitor, text } = await publishedStatement(
			browser,
			requestUtils,
			'Information security'
		);
		expect( pattern.title ).toBe( 'Information security statement' );
		expect(
			leftOver( text, 'nl', await typedData( requestUtils ) )
		).toEqual( [] );
		expect( text ).toContain(
			'Changed the country of processor Mailchimp from United States to Ireland'
		);
		expect(
			leftOver(
				await feedText( visitor ),
				'nl',
				await typedData( requestUtils )
			)
		).toEqual( [] );
		await visitor.context().close();
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'an admin whose own language is Dutch gets the settings page and the editor’s previews in Dutch', async ( {
		admin,
		page,
		editor,
		requestUtils,
	} ) => {
		await requestUtils.rest( {
			path: '/wp/v2/users/me',
			method: 'POST',
			data: { locale: 'nl_NL' },
		} );
		try {
			await admin.visitAdminPage( SETTINGS_PAGE );
			await expect(
				page.getByRole( 'region', { name: nl( 'Processors' ) } )
			).toBeVisible();
			expectDutch(
				await settingsText( page ),
				await typedData( requestUtils )
			);

			await admin.createNewPost();
			await editor.insertBlock( {
				name: 'infosec-policy/processor-table',
			} );
			const table = editor.canvas.locator(
				'[data-type="infosec-policy/processor-table"]'
			);
			await expect( table.locator( 'table' ) ).toBeVisible();
			expectDutch(
				await readableText( table ),
				await typedData( requestUtils )
			);
			await expect( table ).toContainText(
				nl( 'Legal basis for transfer' )
			);
		} finally {
			await requestUtils.rest( {
				path: '/wp/v2/users/me',
				method: 'POST',
				data: { locale: '' },
			} );
		}
	} );
} );

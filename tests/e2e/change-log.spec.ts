/**
 * External dependencies
 */
import type { Page } from '@playwright/test';

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
	savePolicy,
	storePolicy,
	storedPolicy,
} from './policy-helpers';

/**
 * The address of the change feed that the statement page announces in its head, in the page's
 * own language: the first of the feed's languages it lists (this English page's Dutch texts make
 * it list the Dutch feed too).
 *
 * @param visitor The statement page.
 */
async function announcedFeedUrl( visitor: Page ): Promise< string > {
	const link = visitor
		.locator(
			'head link[rel="alternate"][type="application/rss+xml"][title^="Changes to"]'
		)
		.first();
	await expect( link ).toHaveAttribute( 'hreflang', 'en' );
	await expect( link ).toHaveAttribute( 'href', /infosec-policy-changes/ );
	return ( await link.getAttribute( 'href' ) ) ?? '';
}

/**
 * The feed the statement page announces, fetched and parsed by the browser's own XML parser.
 *
 * @param visitor The statement page.
 * @return The RSS version and each item's title and description.
 */
async function announcedFeed( visitor: Page ) {
	const response = await visitor.request.get(
		await announcedFeedUrl( visitor )
	);
	expect( response.status() ).toBe( 200 );
	expect( response.headers()[ 'content-type' ] ).toContain(
		'application/rss+xml'
	);
	const xml = await response.text();
	return visitor.evaluate( ( source ) => {
		const doc = new DOMParser().parseFromString(
			source,
			'application/xml'
		);
		return {
			wellFormed: doc.getElementsByTagName( 'parsererror' ).length === 0,
			version: doc.documentElement.getAttribute( 'version' ),
			items: Array.from(
				doc.querySelectorAll( 'channel > item' ),
				( item ) => ( {
					title: item.querySelector( 'title' )?.textContent ?? '',
					description:
						item.querySelector( 'description' )?.textContent ?? '',
				} )
			),
		};
	}, xml );
}

/**
 * The newest entry of the settings page's change log.
 *
 * @param page The settings page.
 */
const newestEntry = ( page: Page ) =>
	page
		.getByRole( 'region', { name: 'Change log' } )
		.locator( '.infosec-policy-change-log__entry' )
		.first();

test.describe( 'change log', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'an announced processor is in the log, the feed and the table at once, marked announced until its date', async ( {
		admin,
		page,
		browser,
	} ) => {
		const nextMonth = new Date( Date.now() + 31 * 24 * 3600 * 1000 )
			.toISOString()
			.slice( 0, 10 );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Add a processor' } )
			.click();
		await processors.getByLabel( 'Name', { exact: true } ).fill( 'Brevo' );
		await processors.getByLabel( 'Role' ).fill( 'Nieuwsbrief' );
		await processors.getByLabel( 'In use from' ).fill( nextMonth );
		// The note is folded away in the save bar until asked for.
		await page.getByText( 'Add a note about this change' ).click();
		await page
			.getByLabel( 'Public note (optional)' )
			.fill( 'Brevo will send our newsletter from next month.' );
		await savePolicy( page );

		await expect( newestEntry( page ) ).toContainText(
			/Announced processor Brevo \(Nieuwsbrief, Netherlands\), in use from .+; objections are taken until then/
		);

		const visitor = await asVisitor( browser );
		const published = visitor.locator(
			'.wp-block-infosec-policy-change-log'
		);
		await expect( published ).toContainText(
			'Brevo will send our newsletter from next month.'
		);
		await expect( published ).toContainText( 'Announced processor Brevo' );
		// In the table in its place, marked as announced until its day.
		const brevo = visitor
			.locator( '.wp-block-infosec-policy-processor-table tbody tr' )
			.filter( { hasText: 'Brevo' } );
		await expect( brevo ).toHaveClass( /is-announced/ );
		await expect( brevo ).toContainText(
			/Announced, in use from .+; objections until then/
		);
		await expect(
			visitor.locator( '.wp-block-infosec-policy-processor-table' )
		).toContainText( 'Mailchimp' );

		const feed = await announcedFeed( visitor );
		expect( feed.wellFormed ).toBe( true );
		expect( feed.version ).toBe( '2.0' );
		expect( feed.items[ 0 ]?.title ).toMatch(
			/^Announced processor Brevo \(Nieuwsbrief, Netherlands\), in use from /
		);
		expect( feed.items[ 0 ]?.description ).toContain(
			'Brevo will send our newsletter from next month.'
		);
		await visitor.context().close();
	} );

	test( 'a change the admin marks internal leaves the published log and the feed', async ( {
		admin,
		page,
		browser,
		requestUtils,
	} ) => {
		const policy = demoPolicy();
		policy.processors[ 0 ]!.legalEntity = 'Hosting Holding B.V.';
		await storePolicy( requestUtils, policy );
		const sentence =
			'Changed the legal entity of processor Make it WorkPress from “Make it WorkPress” to “Hosting Holding B.V.”';

		let visitor = await asVisitor( browser );
		await expect(
			visitor.locator( '.wp-block-infosec-policy-change-log' )
		).toContainText( sentence );
		await visitor.context().close();

		await admin.visitAdminPage( SETTINGS_PAGE );
		const entry = newestEntry( page );
		await expect( entry ).toContainText( sentence );
		await entry
			.getByLabel(
				'Internal change: leave it out of the published change log'
			)
			.check();
		await entry.getByRole( 'button', { name: 'Save note' } ).click();
		await expect( entry.getByText( 'Saved.' ) ).toBeVisible();
		await expect( entry ).toContainText( '(internal)' );

		visitor = await asVisitor( browser );
		await expect(
			visitor.locator( '.wp-block-infosec-policy-change-log' )
		).not.toContainText( 'Hosting Holding' );
		const feed = await announcedFeed( visitor );
		expect( feed.wellFormed ).toBe( true );
		expect(
			feed.items.map( ( item ) => item.title + item.description ).join()
		).not.toContain( 'Hosting Holding' );
		await visitor.context().close();
	} );

	test( 'markup in a name or a note stays text on the page, in the settings and in the feed', async ( {
		admin,
		page,
		browser,
		requestUtils,
	} ) => {
		const name = '<img src=x onerror="window.xss=1">Evil & Co';
		const note = '<script>window.xss=2</script> Note';
		const { revision } = await storedPolicy( requestUtils );
		const policy = demoPolicy();
		policy.processors[ 0 ]!.name = name;
		await requestUtils.rest( {
			path: '/infosec-policy/v1/policy',
			method: 'PUT',
			data: { policy, revision, changeNote: note },
		} );

		const visitor = await asVisitor( browser );
		const published = visitor.locator(
			'.wp-block-infosec-policy-change-log'
		);
		await expect( published ).toContainText( name );
		await expect( published ).toContainText( note );
		await expect( published.locator( 'img, script' ) ).toHaveCount( 0 );
		const feed = await announcedFeed( visitor );
		// A title loses what looks like a tag (readers may show titles as HTML); the description keeps it as text.
		expect( feed.items[ 0 ]?.title ).toContain( 'Evil & Co' );
		expect( feed.items[ 0 ]?.title ).not.toContain( '<img' );
		const described = await visitor.evaluate( ( html ) => {
			const doc = new DOMParser().parseFromString( html, 'text/html' );
			return {
				elements: doc.body.querySelectorAll( 'img, script' ).length,
				text: doc.body.textContent ?? '',
			};
		}, feed.items[ 0 ]?.description ?? '' );
		expect( described.elements ).toBe( 0 );
		expect( described.text ).toContain( note );
		expect( described.text ).toContain( name );
		expect( await visitor.evaluate( () => 'xss' in window ) ).toBe( false );
		await visitor.context().close();

		await admin.visitAdminPage( SETTINGS_PAGE );
		const entry = newestEntry( page );
		await expect( entry ).toContainText( name );
		await expect( entry.getByLabel( 'Public note' ) ).toHaveValue( note );
		expect( await page.evaluate( () => 'xss' in window ) ).toBe( false );
	} );

	test( 'a feed reader that asks again gets 304 until a change is published', async ( {
		browser,
		requestUtils,
	} ) => {
		const visitor = await asVisitor( browser );
		const feedUrl = await announcedFeedUrl( visitor );
		const first = await visitor.request.get( feedUrl );
		const validators = {
			'If-Modified-Since': first.headers()[ 'last-modified' ] ?? '',
			'If-None-Match': first.headers().etag ?? '',
		};
		expect( validators[ 'If-Modified-Since' ] ).not.toBe( '' );
		expect(
			(
				await visitor.request.get( feedUrl, { headers: validators } )
			).status()
		).toBe( 304 );

		// Last-Modified counts whole seconds.
		await new Promise( ( resolve ) => setTimeout( resolve, 1100 ) );
		const policy = demoPolicy();
		policy.processors[ 2 ]!.transferBasis = 'dpf';
		await storePolicy( requestUtils, policy );
		const again = await visitor.request.get( feedUrl, {
			headers: validators,
		} );
		expect( again.status() ).toBe( 200 );
		expect( await again.text() ).toContain(
			'Changed the legal basis for transfer of processor Google Analytics'
		);
		await visitor.context().close();
	} );
} );

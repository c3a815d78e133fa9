/**
 * External dependencies
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

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
import type { SubscriberSummary } from '../../src/subscriber-data';
import {
	SETTINGS_PAGE,
	demoPolicy,
	importFile,
	notices,
	storePolicy,
	storedPolicy,
} from './policy-helpers';

const ROUTE = '/infosec-policy/v1/subscribers';

/**
 * Adds confirmed subscribers as an import with a stated consent source does: no e-mail is sent.
 *
 * @param requestUtils Authenticated request utilities.
 * @param emails       The addresses, in the order they are added.
 */
async function importSubscribers(
	requestUtils: RequestUtils,
	emails: string[]
): Promise< void > {
	const report = await requestUtils.rest< { added: number } >( {
		path: `${ ROUTE }/import`,
		method: 'POST',
		data: {
			csv: [ 'email', ...emails ].join( '\n' ),
			consentSource: 'test',
			locale: 'en_US',
		},
	} );
	expect( report.added ).toBe( emails.length );
}

/**
 * Removes every subscriber, so that each test starts from an empty list and leaves one.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function removeAllSubscribers( requestUtils: RequestUtils ) {
	for (;;) {
		const { subscribers } = await requestUtils.rest< {
			subscribers: Array< { id: number } >;
		} >( { path: ROUTE, params: { per_page: 100 } } );
		if ( subscribers.length === 0 ) {
			return;
		}
		for ( const { id } of subscribers ) {
			await requestUtils.rest( {
				path: `${ ROUTE }/${ id }`,
				method: 'DELETE',
			} );
		}
	}
}

/**
 * The settings page's Subscribers section, once it has read the list.
 *
 * @param page The settings page.
 */
async function subscribersSection( page: Page ) {
	const section = page.getByRole( 'region', { name: 'Subscribers' } );
	await expect(
		section.getByText( /confirmed subscribers?$/ )
	).toBeVisible();
	return section;
}

/**
 * The rows of a CSV text (RFC 4180: cells quoted or not, "" for a quote inside a quoted cell),
 * without the line break at its end.
 *
 * @param text The CSV.
 */
function csvRows( text: string ): string[][] {
	return text
		.replace( /\r?\n$/, '' )
		.split( /\r?\n/ )
		.map( ( line ) =>
			Array.from(
				line.matchAll( /(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g ),
				( match ) =>
					match[ 1 ]?.replace( /""/g, '"' ) ?? match[ 2 ] ?? ''
			)
		);
}

/**
 * "1 e-mail" or "3 e-mails", as the section counts them.
 *
 * @param count The number.
 */
const emails = ( count: number ) =>
	`${ count } ${ count === 1 ? 'e-mail' : 'e-mails' }`;

test.describe( 'settings page: subscribers', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await removeAllSubscribers( requestUtils );
	} );

	test.afterEach( async ( { requestUtils } ) => {
		await removeAllSubscribers( requestUtils );
	} );

	test( 'with no subscribers, it says how visitors subscribe', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = await subscribersSection( page );
		await expect( section ).toContainText( '0 confirmed subscribers' );
		await expect( section ).toContainText(
			'No one has subscribed yet. Visitors subscribe with the “Subscribe to policy changes” block'
		);
		await expect( section.getByRole( 'table' ) ).toHaveCount( 0 );
		await expect(
			section.getByRole( 'button', { name: 'Export as CSV' } )
		).toHaveCount( 0 );
	} );

	test( 'shows the counts and the list, removes a subscriber and exports the rest as CSV', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await importSubscribers( requestUtils, [
			'a@example.com',
			'b@example.com',
		] );
		const { queue } = await requestUtils.rest< SubscriberSummary >( {
			path: `${ ROUTE }/summary`,
		} );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = await subscribersSection( page );

		await expect( section ).toContainText( '2 confirmed subscribers' );
		await expect( section ).toContainText(
			'0 addresses waiting for confirmation'
		);
		await expect( section ).toContainText(
			`${ emails( queue.waiting + queue.sending ) } waiting to be sent`
		);
		await expect( section ).toContainText(
			`${ emails( queue.sent ) } sent`
		);
		await expect( section ).toContainText(
			`${ emails( queue.failed - queue.gaveUp ) } failed, to be tried again`
		);
		const rows = section
			.getByRole( 'table', { name: 'Subscribers, newest first' } )
			.locator( 'tbody tr' );
		await expect( rows ).toHaveCount( 2 );
		const newest = rows.first();
		await expect( newest.getByRole( 'rowheader' ) ).toHaveText(
			'b@example.com'
		);
		const cells = newest.getByRole( 'cell' );
		await expect( cells.nth( 0 ) ).toHaveText( 'Confirmed' );
		await expect( cells.nth( 1 ) ).toHaveText( 'English (United States)' );
		await expect( cells.nth( 2 ) ).toContainText(
			String( new Date().getFullYear() )
		);
		await expect( cells.nth( 3 ) ).toHaveText( 'Import: test' );

		await section
			.getByRole( 'button', { name: 'Remove a@example.com' } )
			.click();
		const dialog = page.getByRole( 'dialog', {
			name: 'Remove this subscriber?',
		} );
		await dialog
			.getByRole( 'button', { name: 'Remove subscriber' } )
			.click();
		await expect(
			notices( page ).getByText( 'a@example.com was removed.' )
		).toBeVisible();
		await expect( dialog ).toHaveCount( 0 );
		await expect( section.getByRole( 'rowheader' ) ).toHaveText( [
			'b@example.com',
		] );
		await expect( section ).toContainText( '1 confirmed subscriber' );
		// The focus was on the removed row's button; it moves to the list, not to the page's start.
		await expect(
			section.locator( '.infosec-policy-subscribers__list' )
		).toBeFocused();

		const downloading = page.waitForEvent( 'download' );
		await section.getByRole( 'button', { name: 'Export as CSV' } ).click();
		const file = await downloading;
		expect( file.suggestedFilename() ).toBe( 'subscribers.csv' );
		const [ header, ...records ] = csvRows(
			await readFile( await file.path(), 'utf8' )
		);
		expect( header ).toEqual( [
			'email',
			'status',
			'locale',
			'requested_at',
			'confirmed_at',
			'consent_source',
		] );
		expect( records ).toEqual( [
			[
				'b@example.com',
				'confirmed',
				'en_US',
				expect.stringMatching( /^\d{4}-\d\d-\d\dT/ ),
				expect.stringMatching( /^\d{4}-\d\d-\d\dT/ ),
				'import: test',
			],
		] );

		// For Excel, whatever the region's list separator: UTF-16LE with its mark, tabs.
		const downloadingForExcel = page.waitForEvent( 'download' );
		await section
			.getByRole( 'button', { name: 'Export for Excel' } )
			.click();
		const excelFile = await downloadingForExcel;
		const bytes = await readFile( await excelFile.path() );
		expect( [ ...bytes.subarray( 0, 2 ) ] ).toEqual( [ 0xff, 0xfe ] );
		const lines = bytes.subarray( 2 ).toString( 'utf16le' ).split( '\r\n' );
		expect( lines[ 0 ] ).toBe(
			[
				'email',
				'status',
				'locale',
				'requested_at',
				'confirmed_at',
				'consent_source',
			]
				.map( ( cell ) => `"${ cell }"` )
				.join( '\t' )
		);
		expect( lines[ 1 ] ).toMatch( /^"b@example\.com"\t"confirmed"\t/ );
	} );

	test( 'cancelling the removal keeps the subscriber', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await importSubscribers( requestUtils, [ 'a@example.com' ] );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = await subscribersSection( page );
		const remove = section.getByRole( 'button', {
			name: 'Remove a@example.com',
		} );
		await remove.click();
		await page
			.getByRole( 'dialog', { name: 'Remove this subscriber?' } )
			.getByRole( 'button', { name: 'Cancel' } )
			.click();
		await expect( remove ).toBeFocused();
		await page.reload();
		await expect(
			( await subscribersSection( page ) ).getByRole( 'rowheader' )
		).toHaveText( 'a@example.com' );
	} );

	test( 'pages through 21 subscribers, 20 at a time, newest first', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await importSubscribers(
			requestUtils,
			Array.from(
				{ length: 21 },
				( _, index ) => `reader${ index + 1 }@example.com`
			)
		);
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = await subscribersSection( page );
		const addresses = section.locator( 'tbody' ).getByRole( 'rowheader' );
		await expect( addresses ).toHaveCount( 20 );
		await expect( addresses.first() ).toHaveText( 'reader21@example.com' );
		await expect( section ).toContainText( 'Page 1 of 2' );

		await section
			.getByRole( 'button', { name: 'Older subscribers' } )
			.click();
		await expect( section ).toContainText( 'Page 2 of 2' );
		await expect( addresses ).toHaveText( [ 'reader1@example.com' ] );

		// Removing the only address of the last page goes back to the page before.
		await section
			.getByRole( 'button', { name: 'Remove reader1@example.com' } )
			.click();
		await page
			.getByRole( 'dialog', { name: 'Remove this subscriber?' } )
			.getByRole( 'button', { name: 'Remove subscriber' } )
			.click();
		await expect( addresses ).toHaveCount( 20 );
		await expect(
			section.getByRole( 'navigation', { name: 'Subscriber pages' } )
		).toHaveCount( 0 );
	} );

	test( 'has no WCAG 2.1 AA violations, with subscribers listed and the removal dialog open', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await importSubscribers( requestUtils, [
			'a@example.com',
			'b@example.com',
		] );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = await subscribersSection( page );
		await expect( section.getByRole( 'table' ) ).toBeVisible();
		const axe = () =>
			new AxeBuilder( { page } ).withTags( [
				'wcag2a',
				'wcag2aa',
				'wcag21a',
				'wcag21aa',
			] );
		expect(
			(
				await axe()
					.include(
						'section[aria-labelledby="infosec-policy-subscribers"]'
					)
					.analyze()
			).violations
		).toEqual( [] );

		await section
			.getByRole( 'button', { name: 'Remove a@example.com' } )
			.click();
		await expect( page.getByRole( 'dialog' ) ).toBeVisible();
		expect(
			( await axe().include( '.components-modal__frame' ).analyze() )
				.violations
		).toEqual( [] );
	} );

	test( 'an import that will e-mail subscribers shows the e-mail, with its note, before it saves', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await storePolicy( requestUtils, demoPolicy() );
		await importSubscribers( requestUtils, [
			'a@example.com',
			'b@example.com',
		] );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const before = await storedPolicy( requestUtils );
		const incoming = demoPolicy();
		incoming.organization.name = 'Imported B.V.';

		const dialog = await importFile( page, incoming );
		await dialog
			.getByLabel( 'Public note (optional)' )
			.fill( 'From the group policy.' );
		await dialog.getByRole( 'button', { name: 'Import and save' } ).click();

		await expect( dialog ).toContainText(
			'This change will be e-mailed to 2 subscribers.'
		);
		const text = dialog.getByLabel( 'The e-mail’s text' );
		await expect( text ).toContainText( 'Imported B.V.' );
		await expect( text ).toContainText( 'From the group policy.' );
		expect( await storedPolicy( requestUtils ) ).toEqual( before );

		// Back to the note, which is kept.
		await dialog.getByRole( 'button', { name: 'Back' } ).click();
		await expect(
			dialog.getByLabel( 'Public note (optional)' )
		).toHaveValue( 'From the group policy.' );
		await dialog.getByRole( 'button', { name: 'Import and save' } ).click();
		await dialog
			.getByRole( 'button', {
				name: 'Import, save and e-mail 2 subscribers',
			} )
			.click();
		await expect(
			notices( page ).getByText( 'The policy was imported and saved.' )
		).toBeVisible();
		const after = await storedPolicy( requestUtils );
		expect( after.policy.organization.name ).toBe( 'Imported B.V.' );
		expect( after.revision ).toBe( before.revision + 1 );
	} );
} );

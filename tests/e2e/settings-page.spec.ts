/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
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
	sidewaysOverflow,
	demoPolicy,
	importFile,
	notices,
	savePolicy,
	storePolicy,
	storedPolicy,
} from './policy-helpers';

test.describe( 'settings page: keeping the policy', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'an admin adds a processor, saves, reloads and sees it', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Add a processor' } )
			.click();
		await processors.getByLabel( 'Name', { exact: true } ).fill( 'Brevo' );
		await processors.getByLabel( 'Role' ).fill( 'Nieuwsbrief' );
		await processors
			.getByLabel( 'Host name for the TLS check' )
			.fill( 'brevo.com' );
		await savePolicy( page );

		await page.reload();
		await expect(
			page
				.getByRole( 'region', { name: 'Processors' } )
				.getByRole( 'button', { name: 'Brevo', exact: true } )
		).toBeVisible();
		const { policy } = await storedPolicy( requestUtils );
		expect( policy.processors.at( -1 ) ).toMatchObject( {
			name: 'Brevo',
			role: 'Nieuwsbrief',
			host: 'brevo.com',
			country: 'NL',
		} );
	} );

	test( 'an admin keeps a processor’s record and makes it a sub-processor; the register shows the chain', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		await page
			.getByLabel( 'Notice period for new processors (days)' )
			.fill( '14' );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Google Analytics', exact: true } )
			.click();
		await processors
			.getByLabel( 'Purpose' )
			.fill( 'Counts visits to the website.' );
		const categories = processors.getByLabel(
			'Categories of personal data'
		);
		await categories.fill( 'IP addresses' );
		await categories.press( 'Enter' );
		await processors.getByLabel( 'Retention' ).fill( '14 months' );
		await processors
			.getByLabel( 'Postal address' )
			.fill( '1600 Amphitheatre Parkway\nMountain View, CA 94043' );
		await processors
			.getByLabel( 'Contact for personal data' )
			.fill(
				'https://support.google.com/policies/contact/general_privacy_form'
			);
		// Itself is no choice; the others are, by name.
		const parent = processors.getByLabel( 'Sub-processor of' );
		await expect( parent.locator( 'option' ) ).toHaveText( [
			'None: you engage it yourself',
			'Make it WorkPress',
			'Mailchimp',
		] );
		await parent.selectOption( { label: 'Make it WorkPress' } );
		await savePolicy( page );

		const { policy } = await storedPolicy( requestUtils );
		expect( policy.organization.noticePeriodDays ).toBe( 14 );
		expect( policy.processors[ 2 ] ).toMatchObject( {
			purpose: 'Counts visits to the website.',
			dataCategories: [ 'IP addresses' ],
			retention: '14 months',
			address: '1600 Amphitheatre Parkway\nMountain View, CA 94043',
			parentId: 'make-it-workpress',
		} );
		const register = await page.request.get(
			'/wp-json/infosec-policy/v1/register'
		);
		const { processors: listed } = await register.json();
		expect(
			listed.map( ( p: { id: string; parentId: string } ) => [
				p.id,
				p.parentId,
			] )
		).toEqual( [
			[ 'make-it-workpress', '' ],
			[ 'mailchimp', '' ],
			[ 'google-analytics', 'make-it-workpress' ],
		] );
	} );

	test( 'an invalid entry shows the field error and changes nothing', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const before = await storedPolicy( requestUtils );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Mailchimp', exact: true } )
			.click();
		await processors
			.getByLabel( 'Security page' )
			.fill( 'javascript:alert(1)' );
		await savePolicy( page, /1 problem needs your attention/ );
		const field = processors.getByLabel( 'Security page' );
		await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( field ).toHaveAccessibleDescription(
			'must be a web address such as https://example.com/, starting with https://.'
		);
		expect( await storedPolicy( requestUtils ) ).toEqual( before );

		// The summary, which has focus now, names the processor and the field's label, not a
		// path counted from zero; its link moves focus to the field.
		await expect(
			page.getByRole( 'heading', {
				name: 'Fix these fields, then save again',
			} )
		).toBeFocused();
		await page
			.getByRole( 'button', { name: 'Mailchimp: Security page' } )
			.click();
		await expect( field ).toBeFocused();
	} );

	test( 'a second admin saving meanwhile gets a conflict and loses nothing', async ( {
		admin,
		page,
		browser,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const other = await browser.newPage();
		await other.goto( page.url() );

		await other
			.getByLabel( 'Name', { exact: true } )
			.first()
			.fill( 'Alpha BV' );
		await savePolicy( other );

		const name = page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } );
		await name.fill( 'Beta BV' );
		await page.getByRole( 'button', { name: 'Save policy' } ).click();
		await expect(
			page.getByRole( 'heading', {
				name: 'Someone else saved the policy meanwhile',
			} )
		).toBeVisible();
		await expect( name ).toHaveValue( 'Beta BV' );
		expect(
			( await storedPolicy( requestUtils ) ).policy.organization.name
		).toBe( 'Alpha BV' );

		await page.getByRole( 'button', { name: /Keep my edits/ } ).click();
		await savePolicy( page );
		expect(
			( await storedPolicy( requestUtils ) ).policy.organization.name
		).toBe( 'Beta BV' );
		await other.close();
	} );

	test( 'after a conflict the admin can load the other version instead', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const theirs = demoPolicy();
		theirs.organization.name = 'Saved elsewhere';
		await storePolicy( requestUtils, theirs );

		const name = page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } );
		await name.fill( 'Mine' );
		await page.getByRole( 'button', { name: 'Save policy' } ).click();
		await page
			.getByRole( 'button', { name: /Load their version/ } )
			.click();
		await expect( name ).toHaveValue( 'Saved elsewhere' );
		await expect( page.getByText( 'All changes saved' ) ).toBeVisible();
	} );

	test( 'import shows a dry-run preview and saves only when confirmed', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const incoming = demoPolicy();
		incoming.processors = incoming.processors.filter(
			( p ) => p.id !== 'google-analytics'
		);
		incoming.processors[ 1 ]!.transferBasis = 'dpf';
		const before = await storedPolicy( requestUtils );

		const dialog = await importFile( page, incoming );
		// The sentences the change log will record, not field names.
		await expect(
			dialog.getByText( 'Removed processor Google Analytics' )
		).toBeVisible();
		await expect(
			dialog.getByText(
				/^Changed the legal basis for transfer of processor Mailchimp from EU-US Privacy Shield .* to EU-US Data Privacy Framework$/
			)
		).toBeVisible();
		expect( await storedPolicy( requestUtils ) ).toEqual( before );

		// The import carries its note and the internal choice, as a save does.
		await dialog
			.getByLabel( 'Public note (optional)' )
			.fill( 'Imported from the group policy.' );
		await dialog
			.getByLabel(
				'Internal change: leave it out of the published change log'
			)
			.check();
		await dialog.getByRole( 'button', { name: 'Import and save' } ).click();
		await expect(
			notices( page ).getByText( 'The policy was imported and saved.' )
		).toBeVisible();
		const after = await storedPolicy( requestUtils );
		expect( after.policy ).toEqual( incoming );
		expect( after.revision ).toBe( before.revision + 1 );
		const log = await requestUtils.rest< {
			entries: Array< {
				revision: number;
				source: string;
				note: string;
				internal: boolean;
			} >;
		} >( { path: '/infosec-policy/v1/changes' } );
		expect( log.entries[ 0 ] ).toMatchObject( {
			revision: after.revision,
			source: 'import',
			note: 'Imported from the group policy.',
			internal: true,
		} );
	} );

	test( 'works with the keyboard alone', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const add = page.getByRole( 'button', { name: 'Add a measure' } );
		await add.focus();
		await page.keyboard.press( 'Enter' );
		// The new measure opens; Tab from its summary row reaches its fields in order.
		const title = page
			.getByRole( 'region', { name: 'Measures' } )
			.getByLabel( 'Title' );
		await title.focus();
		await page.keyboard.type( 'Encrypted back-ups' );
		await page.keyboard.press( 'Tab' );
		await expect(
			page
				.getByRole( 'region', { name: 'Measures' } )
				.getByLabel( 'Category' )
		).toBeFocused();
		await page.keyboard.press( 'ArrowDown' );
		await page.getByRole( 'button', { name: 'Save policy' } ).focus();
		await page.keyboard.press( 'Enter' );
		await expect(
			notices( page ).getByText( 'The policy was saved.' )
		).toBeVisible();
		const { policy } = await storedPolicy( requestUtils );
		expect( policy.measures.at( -1 ) ).toMatchObject( {
			title: 'Encrypted back-ups',
			category: 'technical',
		} );
	} );

	test( 'has no WCAG 2.1 AA violations, with an entry open and errors shown', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Mailchimp', exact: true } )
			.click();
		await processors
			.getByLabel( 'Host name for the TLS check' )
			.fill( 'not a host' );
		await savePolicy( page, /problem needs your attention/ );
		await expect(
			page
				.getByRole( 'region', { name: 'Certificates' } )
				.getByRole( 'table' )
		).toBeVisible();
		const results = await new AxeBuilder( { page } )
			.include( '#infosec-policy-admin' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect( results.violations ).toEqual( [] );
	} );

	test( 'on a phone, nothing makes the page scroll sideways', async ( {
		admin,
		page,
	} ) => {
		await page.setViewportSize( { width: 390, height: 844 } );
		await admin.visitAdminPage( SETTINGS_PAGE );
		await expect(
			page
				.getByRole( 'region', { name: 'Certificates' } )
				.getByRole( 'table' )
		).toBeVisible();
		await page
			.getByRole( 'region', { name: 'Processors' } )
			.getByRole( 'button', { name: 'Google Analytics', exact: true } )
			.click();
		const { width, wide } = await sidewaysOverflow( page );
		expect( width, wide.join( ', ' ) ).toBeLessThanOrEqual( 390 );
	} );

	test( 'a thousand processors stay searchable and paged', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const policy = demoPolicy();
		const template = policy.processors[ 1 ]!;
		policy.processors = Array.from( { length: 1000 }, ( _, i ) => ( {
			...template,
			id: `processor-${ i }`,
			name: `Processor ${ i }`,
		} ) );
		await storePolicy( requestUtils, policy );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await expect( processors.getByText( 'Page 1 of 50' ) ).toBeVisible();
		await processors.getByRole( 'searchbox' ).fill( 'Processor 987' );
		await expect( processors.getByText( '1 of 1000' ) ).toBeVisible();
		await processors
			.getByRole( 'button', { name: 'Processor 987', exact: true } )
			.click();
		await processors.getByLabel( 'Role' ).fill( 'Changed' );
		await savePolicy( page );
	} );

	test( 'export downloads the stored policy as a JSON file', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const downloading = page.waitForEvent( 'download' );
		await page
			.getByRole( 'button', { name: 'Export', exact: true } )
			.click();
		const file = await downloading;
		expect( file.suggestedFilename() ).toMatch(
			/^infosec-policy-\d{4}-\d{2}-\d{2}\.json$/
		);
		const stream = await file.createReadStream();
		const chunks: Buffer[] = [];
		for await ( const chunk of stream ) {
			chunks.push( chunk as Buffer );
		}
		expect(
			JSON.parse( Buffer.concat( chunks ).toString( 'utf8' ) )
		).toEqual( demoPolicy() );
	} );

	test( 'leaving with unsaved changes asks first', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		await page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } )
			.fill( 'Unsaved' );
		await expect( page.getByText( 'Unsaved changes' ) ).toBeVisible();
		const dialog = new Promise< string >( ( resolve ) =>
			page.once( 'dialog', async ( d ) => {
				resolve( d.type() );
				await d.dismiss();
			} )
		);
		await page.close( { runBeforeUnload: true } );
		expect( await dialog ).toBe( 'beforeunload' );
	} );

	test( 'moving an entry with the keyboard keeps focus on it, so it moves again', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const measures = page.getByRole( 'region', { name: 'Measures' } );
		await measures
			.getByRole( 'button', { name: 'Move Firewall up' } )
			.focus();
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Enter' );
		await expect(
			measures.getByRole( 'button', { name: 'Move Firewall up' } )
		).toBeFocused();
		await savePolicy( page );
		const { policy } = await storedPolicy( requestUtils );
		expect( policy.measures.map( ( m ) => m.id ) ).toEqual( [
			'werkproces',
			'rapportage',
			'ontwikkeling',
			'internetconnecties',
			'firewall',
			'dataopslag',
			'wachtwoordbeleid',
		] );
	} );

	test( 'Tab moves through an open processor’s fields in reading order', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await processors
			.getByRole( 'button', { name: 'Mailchimp', exact: true } )
			.click();
		await processors.getByLabel( 'Name', { exact: true } ).focus();
		await page.keyboard.press( 'Tab' );
		await expect(
			processors.getByLabel( 'Role', { exact: true } )
		).toBeFocused();
		await page.keyboard.press( 'Tab' );
		await expect(
			processors.getByLabel( 'Legal entity', { exact: true } )
		).toBeFocused();
		await page.keyboard.press( 'Tab' );
		await expect(
			processors.getByLabel( 'Description', { exact: true } )
		).toBeFocused();
	} );

	test( 'the certificates section checks every host on request, at most once a minute', async ( {
		admin,
		page,
	} ) => {
		// No check has run yet: not even the background one, which a page view of another test
		// may have set off through WP-Cron.
		execFileSync( 'php', [
			path.join( __dirname, 'fixtures/store-tls-results.php' ),
			`${ process.env.INFOSEC_SITE_DIR }/wordpress`,
			'{}',
		] );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = page.getByRole( 'region', { name: 'Certificates' } );
		await expect(
			section.getByRole( 'row', { name: /regioingenieur\.nl/ } )
		).toContainText( 'Not checked yet' );
		await section.getByRole( 'button', { name: 'Check now' } ).click();
		await expect(
			section.getByText( 'The certificates were checked.' ).first()
		).toBeVisible();
		// This machine blocks outgoing requests, and the check respects that.
		for ( const host of [
			'regioingenieur.nl',
			'mailchimp.com',
			'analytics.google.com',
		] ) {
			await expect(
				section.getByRole( 'row', {
					name: new RegExp( host.replace( /\./g, '\\.' ) ),
				} )
			).toContainText( 'Check not allowed' );
		}
		await section.getByRole( 'button', { name: 'Check now' } ).click();
		await expect(
			section.getByText( /checked a moment ago/ ).first()
		).toBeVisible();
	} );

	test( 'findings name the reference page’s problems, jump to the field, and clear once fixed', async ( {
		admin,
		page,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		const findings = page.locator( '.infosec-policy-findings' );
		await expect( findings ).toContainText(
			'Mailchimp names the EU-US Privacy Shield'
		);
		await expect( findings ).toContainText(
			'The policy has no review date.'
		);
		await findings
			.getByRole( 'listitem' )
			.filter( { hasText: 'Mailchimp names' } )
			.getByRole( 'button', { name: 'Go to the field' } )
			.click();
		const basis = page
			.getByRole( 'region', { name: 'Processors' } )
			.getByLabel( 'Transfer basis' );
		await expect( basis ).toBeFocused();
		await basis.selectOption( 'scc' );
		await savePolicy( page );
		await expect( findings ).not.toContainText( 'Mailchimp names' );
		await expect( findings ).toContainText( 'Google Analytics names' );
	} );

	test( 'many findings come in pages of ten, and a page is a click away', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		const policy = demoPolicy();
		const mailchimp = policy.processors.find(
			( processor ) => processor.transferBasis === 'privacy-shield'
		)!;
		for ( let i = 0; i < 20; i++ ) {
			policy.processors.push( {
				...mailchimp,
				id: `shielded-${ i }`,
				name: `Shielded ${ i }`,
			} );
		}
		await storePolicy( requestUtils, policy );
		await admin.visitAdminPage( SETTINGS_PAGE );
		const findings = page.locator( '.infosec-policy-findings' );
		const heading = findings.getByRole( 'heading' );
		await expect( heading ).toContainText( 'points need attention' );
		const total = Number(
			( await heading.textContent() )!.match( /\d+/ )![ 0 ]
		);
		expect( total ).toBeGreaterThan( 20 );

		const items = findings.getByRole( 'listitem' );
		await expect( items ).toHaveCount( 10 );
		const pager = findings.getByRole( 'navigation', {
			name: 'Pages of the points that need attention',
		} );
		const pages = Math.ceil( total / 10 );
		await expect( pager ).toContainText( `Page 1 of ${ pages }` );
		await expect(
			pager.getByRole( 'button', { name: 'Previous page' } )
		).toBeDisabled();
		const firstPage = await items.allTextContents();
		await pager.getByRole( 'button', { name: 'Next page' } ).click();
		await expect( pager ).toContainText( `Page 2 of ${ pages }` );
		await expect( items ).toHaveCount( Math.min( 10, total - 10 ) );
		await expect( items ).not.toHaveText( firstPage );

		// A finding on a later page still takes the admin to its field, in its processor.
		const shielded = items.filter( { hasText: 'Shielded' } ).first();
		const name = ( await shielded.textContent() )!.match(
			/Shielded \d+/
		)![ 0 ];
		await shielded
			.getByRole( 'button', { name: 'Go to the field' } )
			.click();
		const processors = page.getByRole( 'region', { name: 'Processors' } );
		await expect( processors.getByLabel( 'Transfer basis' ) ).toBeFocused();
		await expect(
			processors.getByLabel( 'Name', { exact: true } )
		).toHaveValue( name );
		const results = await new AxeBuilder( { page } )
			.include( '.infosec-policy-findings' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect( results.violations ).toEqual( [] );
	} );

	test( 'marking the policy reviewed dates it on the statement page and clears the finding', async ( {
		admin,
		page,
		browser,
	} ) => {
		await admin.visitAdminPage( SETTINGS_PAGE );
		await page
			.getByRole( 'button', { name: 'Mark reviewed today' } )
			.click();
		const today = await page.evaluate( () => {
			const now = new Date();
			const pad = ( n: number ) => String( n ).padStart( 2, '0' );
			return `${ now.getFullYear() }-${ pad( now.getMonth() + 1 ) }-${ pad( now.getDate() ) }`;
		} );
		await expect(
			page
				.getByRole( 'region', { name: 'Organisation' } )
				.getByLabel( 'Last reviewed' )
		).toHaveValue( today );
		await savePolicy( page );
		await expect(
			page.locator( '.infosec-policy-findings' )
		).not.toContainText( 'no review date' );

		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		const visitor = await context.newPage();
		await visitor.goto( '/information-security/' );
		await expect(
			visitor.locator(
				'.wp-block-infosec-policy-policy-dates__reviewed time'
			)
		).toHaveAttribute( 'datetime', today );
		await context.close();
	} );
} );

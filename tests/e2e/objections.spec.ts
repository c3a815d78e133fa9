/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

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
import type { ObjectionPage } from '../../src/objection-data';
import { linkIn, mailTo } from './mailbox';
import {
	demoPolicy,
	notices,
	SETTINGS_PAGE,
	STATEMENT_PAGE,
	sidewaysOverflow,
	storePolicy,
} from './policy-helpers';
import { en, fill, nl } from './translations';

const ROUTE = '/infosec-policy/v1';

/**
 * The objections the admin's route lists.
 *
 * @param requestUtils Authenticated request utilities.
 */
const objections = ( requestUtils: RequestUtils ) =>
	requestUtils.rest< ObjectionPage >( {
		path: `${ ROUTE }/objections`,
	} );

/**
 * A visitor's browser without JavaScript, as the plugin promises visitors none.
 *
 * @param browser The browser.
 */
async function visitorWithoutJavaScript( browser: Browser ): Promise< Page > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
		javaScriptEnabled: false,
	} );
	return context.newPage();
}

/**
 * The WCAG 2.1 AA violations axe finds in the page's main part, read in a context of its own.
 *
 * @param browser The browser.
 * @param url     The page.
 */
async function axeViolations( browser: Browser, url: string ) {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const page = await context.newPage();
	await page.goto( url );
	const { violations } = await new AxeBuilder( { page } )
		.include( 'main' )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	await context.close();
	return violations;
}

/**
 * Removes every subscriber.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function removeSubscribers( requestUtils: RequestUtils ) {
	const { subscribers } = await requestUtils.rest< {
		subscribers: { id: number }[];
	} >( { path: `${ ROUTE }/subscribers`, params: { per_page: 100 } } );
	for ( const { id } of subscribers ) {
		await requestUtils.rest( {
			path: `${ ROUTE }/subscribers/${ id }`,
			method: 'DELETE',
		} );
	}
}

/**
 * Writes a reason on an objection page, sends it, and waits for the page that says it is recorded.
 *
 * @param visitor The visitor's page, on the objection form.
 * @param t       The language's messages.
 * @param reason  The reason.
 * @param button  The send button's label, in English.
 */
async function sendObjection(
	visitor: Page,
	t: ( text: string ) => string,
	reason: string,
	button = 'Send my objection'
) {
	await visitor
		.getByLabel( t( 'Why do you object? (required)' ) )
		.fill( reason );
	await visitor.getByRole( 'button', { name: t( button ) } ).click();
	await expect(
		visitor.getByRole( 'heading', {
			name: t( 'Your objection is recorded' ),
		} )
	).toBeVisible();
}

/**
 * Forgets the public forms' rate limits: every request of these tests comes from 127.0.0.1, and
 * the other specs' subscribe requests count against the same hourly limit.
 */
function forgetRateLimits() {
	execFileSync( 'php', [
		path.join( __dirname, 'fixtures/forget-rate-limits.php' ),
		`${ process.env.INFOSEC_SITE_DIR }/wordpress`,
	] );
}

const LANGUAGES = [
	{
		name: 'English',
		locale: '',
		t: ( text: string, context = '' ) => en( text, context ),
	},
	{
		name: 'Dutch',
		locale: 'nl_NL',
		t: ( text: string, context = '' ) => nl( text, context ),
	},
] as const;

test.describe( 'objecting to an announced processor', () => {
	test.afterEach( async ( { requestUtils } ) => {
		await removeSubscribers( requestUtils );
		await requestUtils.updateSiteSettings( { language: '' } );
	} );

	for ( const { name, locale, t } of LANGUAGES ) {
		test( `announcement, notice e-mail, objection, answer and the objector's export, in ${ name }`, async ( {
			admin,
			browser,
			page,
			requestUtils,
		} ) => {
			test.setTimeout( 240_000 );
			await requestUtils.updateSiteSettings( { language: locale } );
			await storePolicy( requestUtils, demoPolicy() );
			const slug = ( locale || 'en' ).toLowerCase().replace( '_', '-' );
			const email = `objector-${ slug }-${ Date.now() }@example.com`;
			// Each language's own processor and customer: the other run's objection stays on record.
			const processorId = `brevo-${ slug }`;
			const organization = `Gemeente ${ name }`;
			const mine = async () =>
				( await objections( requestUtils ) ).objections.filter(
					( objection ) => objection.email === email
				);
			const imported = await requestUtils.rest( {
				path: `${ ROUTE }/subscribers/import`,
				method: 'POST',
				data: {
					addresses: [ email ],
					consentSource: 'the processing agreement',
					locale: locale || 'en_US',
				},
			} );
			expect( imported ).toMatchObject( { added: 1, confirmed: 1 } );

			// The admin announces Brevo, forty days from now.
			const starts = new Date( Date.now() + 40 * 24 * 3600 * 1000 )
				.toISOString()
				.slice( 0, 10 );
			const announced = demoPolicy();
			announced.processors.push( {
				...announced.processors[ 1 ]!,
				id: processorId,
				name: 'Brevo',
				role: 'Nieuwsbrief',
				legalEntity: 'Sendinblue SAS',
				country: 'FR',
				dataLocations: [ 'FR' ],
				transferBasis: 'eea',
				purpose: 'Sends our newsletter.',
				dataCategories: [ 'e-mail addresses' ],
				effectiveFrom: starts,
			} );
			await storePolicy( requestUtils, announced );

			// The notice, sent by WP-Cron, carries the subscriber's own link.
			// (WP-Cron runs one request at a time: a run the save started may hold its lock, so the
			// page view that wakes it is repeated until the notice is there.)
			const visitor = await visitorWithoutJavaScript( browser );
			const announcing = () =>
				mailTo( email ).filter( ( mail ) =>
					mail.text.includes( 'infosec-policy=object&' )
				);
			await expect
				.poll(
					async () => {
						await visitor.request.get( '/wp-cron.php' );
						return announcing().length;
					},
					{ timeout: 90_000, intervals: [ 2_000 ] }
				)
				.toBe( 1 );
			const notice = announcing()[ 0 ]!;
			expect( notice.text ).toContain(
				fill(
					t(
						'%1$s starts handling personal data on %2$s. To object to it, open this link before that day:'
					).split( '%2$s' )[ 0 ]!,
					'Brevo'
				)
			);
			const link = linkIn( notice.text, 'object' );
			expect( notice.html ).toContain(
				fill( t( 'Object to %s' ), 'Brevo' )
			);

			// A mail scanner that follows the link records nothing.
			expect( ( await visitor.request.get( link ) ).status() ).toBe(
				200
			);
			expect( await mine() ).toEqual( [] );

			await visitor.goto( link );
			await expect(
				visitor.getByRole( 'heading', {
					name: fill( t( 'Object to %s' ), 'Brevo' ),
				} )
			).toBeVisible();
			const facts = visitor.locator( '.infosec-policy-objection__facts' );
			await expect( facts ).toContainText( 'Sends our newsletter.' );
			await expect( facts ).toContainText( 'e-mail addresses' );
			await expect( facts ).toContainText( 'Sendinblue SAS' );
			expect( await axeViolations( browser, link ) ).toEqual( [] );

			// Without a reason, nothing is recorded and the field says why.
			await visitor
				.getByLabel( t( 'Organisation (optional)' ) )
				.fill( organization );
			await visitor
				.getByRole( 'button', { name: t( 'Send my objection' ) } )
				.click();
			await expect( visitor.getByRole( 'alert' ) ).toContainText(
				t(
					'Nothing was recorded yet: please correct the fields marked below.'
				)
			);
			const reason = visitor.getByLabel(
				t( 'Why do you object? (required)' )
			);
			await expect( reason ).toHaveAttribute( 'aria-invalid', 'true' );
			await expect(
				visitor.getByLabel( t( 'Organisation (optional)' ) )
			).toHaveValue( organization );
			expect( await mine() ).toEqual( [] );

			await sendObjection(
				visitor,
				t,
				'Our data must stay with one provider.'
			);

			// The same link again: the objection is there, and a second answer changes it.
			await visitor.goto( link );
			await expect(
				visitor.getByLabel( t( 'Why do you object? (required)' ) )
			).toHaveValue( 'Our data must stay with one provider.' );
			await sendObjection(
				visitor,
				t,
				'Our data must stay in the Netherlands.',
				'Change my objection'
			);
			const stored = await mine();
			expect( stored ).toHaveLength( 1 );
			expect( stored[ 0 ] ).toMatchObject( {
				processorId,
				email,
				organization,
				reason: 'Our data must stay in the Netherlands.',
				status: 'open',
			} );

			await visitor.context().close();

			// The admin sees it on the announced processor, and answers.
			await admin.visitAdminPage( SETTINGS_PAGE );
			const section = page.getByRole( 'region', {
				name: t( 'Objections' ),
			} );
			const counts = section.getByRole( 'table', {
				name: t( 'Announced processors' ),
			} );
			await expect(
				counts.getByRole( 'row', { name: /Brevo/ } )
			).toContainText( '1' );
			const item = section.getByRole( 'listitem', {
				name: fill(
					t( '%1$s: objection from %2$s' ),
					'Brevo',
					organization
				),
			} );
			await expect( item ).toContainText(
				'Our data must stay in the Netherlands.'
			);
			await item
				.getByLabel( t( 'Status' ), { exact: true } )
				.selectOption( 'answered' );
			await item
				.getByLabel( t( 'Answer (for your records)' ) )
				.fill( 'We keep your data with the current provider.' );
			await item
				.getByRole( 'button', { name: t( 'Save the answer' ) } )
				.click();
			await expect(
				notices( page ).getByText(
					fill(
						t( 'The answer to the objection to %s was saved.' ),
						'Brevo'
					)
				)
			).toBeVisible();
			expect( ( await mine() )[ 0 ] ).toMatchObject( {
				status: 'answered',
				note: 'We keep your data with the current provider.',
			} );

			// On a phone, with a subscriber and an announced processor's counts, nothing makes the
			// settings page scroll sideways: the tables scroll in their own regions.
			await page.setViewportSize( { width: 390, height: 844 } );
			await page.reload();
			await expect( counts ).toBeVisible();
			const { width, wide } = await sidewaysOverflow( page );
			expect( width, wide.join( ', ' ) ).toBeLessThanOrEqual( 390 );
			await page.setViewportSize( { width: 1280, height: 720 } );

			// The objector's personal data export, made with WordPress's own tool, holds it.
			await admin.visitAdminPage( 'export-personal-data.php' );
			await page
				.locator( '#username_or_email_for_privacy_request' )
				.fill( email );
			await page.locator( '#send_confirmation_email' ).uncheck();
			await page.locator( '#submit' ).click();
			// The request's row, once the page's script that runs the exporters is ready.
			await page.waitForLoadState( 'load' );
			const exported: unknown[] = [];
			page.on( 'response', async ( response ) => {
				if (
					response.url().includes( 'admin-ajax.php' ) &&
					( response.request().postData() ?? '' ).includes(
						'action=wp-privacy-export-personal-data'
					)
				) {
					exported.push( await response.json().catch( () => null ) );
				}
			} );
			// "Send export link": WordPress runs every exporter, then e-mails the objector the file.
			await page
				.locator( 'tr', { hasText: email } )
				.locator( '.column-next_steps .export-personal-data-handle' )
				.first()
				.click();
			const objectionsGroup = () =>
				exported
					.flatMap(
						( answer ) =>
							(
								answer as {
									data?: {
										data?: {
											group_id: string;
											data: {
												name: string;
												value: string;
											}[];
										}[];
									};
								}
							 )?.data?.data ?? []
					)
					.find(
						( exportedItem ) =>
							exportedItem.group_id ===
							'infosec-policy-objections'
					);
			await expect
				.poll( () => objectionsGroup() !== undefined, {
					timeout: 30_000,
				} )
				.toBe( true );
			const values = Object.fromEntries(
				objectionsGroup()!.data.map( ( { name: label, value } ) => [
					label,
					value,
				] )
			);
			expect( values ).toMatchObject( {
				[ t( 'Processor' ) ]: 'Brevo',
				[ t( 'Reason' ) ]: 'Our data must stay in the Netherlands.',
				[ t( 'Status' ) ]: t( 'Answered' ),
				[ t( 'Answer' ) ]:
					'We keep your data with the current provider.',
			} );

			// Another site's page cannot post it; one link answers ten times an hour at most.
			const anonymous = await browser.newContext( {
				storageState: { cookies: [], origins: [] },
			} );
			const answer = ( reasonText: string, headers = {} ) =>
				anonymous.request.post( link, {
					form: { infosec_policy_reason: reasonText },
					headers,
				} );
			expect(
				(
					await answer( 'Forged', { 'Sec-Fetch-Site': 'cross-site' } )
				).status()
			).toBe( 403 );
			for ( let post = 3; post <= 10; post++ ) {
				expect( ( await answer( `Reason ${ post }` ) ).status() ).toBe(
					200
				);
			}
			expect( ( await answer( 'One too many' ) ).status() ).toBe( 429 );
			expect( ( await mine() )[ 0 ]?.reason ).toBe( 'Reason 10' );

			// From its start date objections are closed, and once withdrawn there is nothing to
			// object to: the page says so, and a POST records nothing.
			const yesterday = new Date( Date.now() - 24 * 3600 * 1000 )
				.toISOString()
				.slice( 0, 10 );
			announced.processors.at( -1 )!.effectiveFrom = yesterday;
			await storePolicy( requestUtils, announced );
			const closed = await anonymous.newPage();
			expect( ( await closed.goto( link ) )?.status() ).toBe( 410 );
			await expect(
				closed.getByRole( 'heading', {
					name: t( 'Objections are closed' ),
				} )
			).toBeVisible();
			await storePolicy( requestUtils, demoPolicy() );
			expect( ( await closed.goto( link ) )?.status() ).toBe( 410 );
			await expect(
				closed.getByRole( 'heading', {
					name: t( 'This announcement was withdrawn' ),
				} )
			).toBeVisible();
			expect( ( await answer( 'Too late' ) ).status() ).toBe( 410 );
			expect( ( await mine() )[ 0 ]?.reason ).toBe( 'Reason 10' );
			await anonymous.close();
		} );
	}

	for ( const { name, locale, t } of LANGUAGES ) {
		test( `a customer who is not subscribed asks for a link beside the announced processor and objects, in ${ name }`, async ( {
			browser,
			requestUtils,
		} ) => {
			test.setTimeout( 180_000 );
			forgetRateLimits();
			await requestUtils.updateSiteSettings( { language: locale } );
			const slug = ( locale || 'en' ).toLowerCase().replace( '_', '-' );
			const email = `customer-${ slug }-${ Date.now() }@example.com`;
			const processorId = `brevo-asked-${ slug }`;
			const starts = new Date( Date.now() + 40 * 24 * 3600 * 1000 )
				.toISOString()
				.slice( 0, 10 );
			const announced = demoPolicy();
			announced.processors.push( {
				...announced.processors[ 1 ]!,
				id: processorId,
				name: 'Brevo',
				legalEntity: 'Sendinblue SAS',
				purpose: 'Sends our newsletter.',
				effectiveFrom: starts,
			} );
			await storePolicy( requestUtils, announced );

			// On the statement, beside Brevo only: "Object", named for whom in a list of links.
			const visitor = await visitorWithoutJavaScript( browser );
			await visitor.goto( STATEMENT_PAGE );
			const objectLinks = visitor.locator(
				'.wp-block-infosec-policy-processor-table__object'
			);
			await expect( objectLinks ).toHaveCount( 1 );
			const objectLink = visitor.getByRole( 'link', {
				name: `${ t( 'Object', 'a link beside an announced processor' ) } (Brevo)`,
			} );
			await expect( objectLink ).toBeVisible();
			await objectLink.click();
			await expect(
				visitor.getByRole( 'heading', {
					name: fill( t( 'Object to %s' ), 'Brevo' ),
				} )
			).toBeVisible();
			await expect(
				visitor.locator( '.infosec-policy-objection__facts' )
			).toContainText( 'Sendinblue SAS' );
			// The honeypot is clipped to nothing, and screen readers see one text field.
			expect(
				await visitor
					.locator( '.infosec-policy-objection__trap' )
					.evaluate( ( element ) => {
						const box = element.getBoundingClientRect();
						return [
							getComputedStyle( element ).clipPath,
							box.width * box.height,
						];
					} )
			).toEqual( [ 'inset(50%)', 1 ] );
			const fields = await visitor
				.locator( '.infosec-policy-objection__form' )
				.ariaSnapshot();
			expect( fields.match( /textbox/g ) ).toHaveLength( 1 );
			const askUrl = visitor.url();
			expect( await axeViolations( browser, askUrl ) ).toEqual( [] );

			// Without an address nothing is asked for, and the field says why.
			await visitor
				.getByRole( 'button', { name: t( 'Send me the link' ) } )
				.click();
			await expect( visitor.getByRole( 'alert' ) ).toContainText(
				t(
					'Nothing was sent yet: please correct the field marked below.'
				)
			);
			const address = visitor.getByLabel( t( 'Your e-mail address' ) );
			await expect( address ).toHaveAttribute( 'aria-invalid', 'true' );

			await address.fill( email );
			await visitor
				.getByRole( 'button', { name: t( 'Send me the link' ) } )
				.click();
			await expect(
				visitor.getByRole( 'heading', {
					name: t( 'Check your e-mail' ),
				} )
			).toBeVisible();

			// A robot that fills in the honeypot is answered the same, and sent nothing; another
			// site's page cannot ask.
			const anonymous = await browser.newContext( {
				storageState: { cookies: [], origins: [] },
			} );
			const ask = ( form: Record< string, string >, headers = {} ) =>
				anonymous.request.post( askUrl, {
					form,
					headers,
					maxRedirects: 0,
				} );
			const trapped = await ask( {
				infosec_policy_email: `robot-${ slug }@example.com`,
				infosec_policy_website: 'https://spam.example',
			} );
			expect( trapped.status() ).toBe( 303 );
			expect( trapped.headers().location ).toContain( '&sent=1' );
			expect(
				(
					await ask(
						{
							infosec_policy_email: `forged-${ slug }@example.com`,
						},
						{ 'Sec-Fetch-Site': 'cross-site' }
					)
				).status()
			).toBe( 403 );

			// The link arrives by e-mail (WP-Cron, the SMTP server on loopback).
			await expect
				.poll(
					async () => {
						await anonymous.request.get( '/wp-cron.php' );
						return mailTo( email ).length;
					},
					{ timeout: 90_000, intervals: [ 2_000 ] }
				)
				.toBe( 1 );
			const mail = mailTo( email )[ 0 ]!;
			expect( mail.headers.subject?.[ 0 ] ).toContain( 'Brevo' );
			const link = linkIn( mail.text, 'object' );
			expect( link ).toContain( '&objection=' );
			expect( mailTo( `robot-${ slug }@example.com` ) ).toEqual( [] );
			expect( mailTo( `forged-${ slug }@example.com` ) ).toEqual( [] );

			// Asking records no objection; the link's form does.
			const mine = async () =>
				( await objections( requestUtils ) ).objections.filter(
					( objection ) => objection.email === email
				);
			expect( await mine() ).toEqual( [] );
			await visitor.goto( link );
			await sendObjection( visitor, t, 'We do not want a new provider.' );
			expect( await mine() ).toMatchObject( [
				{
					processorId,
					reason: 'We do not want a new provider.',
					status: 'open',
				},
			] );

			// A link whose token is not its row's does nothing.
			const forged = link.replace( /token=[0-9a-f]/, ( found ) =>
				found.endsWith( '0' )
					? found.slice( 0, -1 ) + '1'
					: found.slice( 0, -1 ) + '0'
			);
			expect( ( await anonymous.request.get( forged ) ).status() ).toBe(
				404
			);

			// On a phone the page does not scroll sideways.
			await visitor.setViewportSize( { width: 390, height: 844 } );
			await visitor.goto( askUrl );
			const { width, wide } = await sidewaysOverflow( visitor );
			expect( width, wide.join( ', ' ) ).toBeLessThanOrEqual( 390 );

			// A processor in use has no link, and its page says objections are closed.
			const inUse = askUrl.replace(
				processorId,
				announced.processors[ 0 ]!.id
			);
			expect( ( await anonymous.request.get( inUse ) ).status() ).toBe(
				410
			);
			await anonymous.close();
			await visitor.context().close();
			forgetRateLimits();
			await storePolicy( requestUtils, demoPolicy() );
		} );
	}

	test( 'a subscriber who reads Dutch on an English site gets the objection page in Dutch', async ( {
		browser,
		requestUtils,
	} ) => {
		test.setTimeout( 120_000 );
		await storePolicy( requestUtils, demoPolicy() );
		const email = `dutch-reader-${ Date.now() }@example.com`;
		await requestUtils.rest( {
			path: `${ ROUTE }/subscribers/import`,
			method: 'POST',
			data: {
				addresses: [ email ],
				consentSource: 'the processing agreement',
				locale: 'nl_NL',
			},
		} );
		const announced = demoPolicy();
		announced.processors.push( {
			...announced.processors[ 1 ]!,
			id: 'brevo-dutch-reader',
			name: 'Brevo',
			effectiveFrom: new Date( Date.now() + 40 * 24 * 3600 * 1000 )
				.toISOString()
				.slice( 0, 10 ),
		} );
		await storePolicy( requestUtils, announced );
		const visitor = await visitorWithoutJavaScript( browser );
		// The notice that announces Brevo (a save in the same second as the import may tell the
		// new subscriber of an earlier change too).
		const announcing = () =>
			mailTo( email ).filter( ( mail ) =>
				mail.text.includes( 'infosec-policy=object&' )
			);
		await expect
			.poll(
				async () => {
					await visitor.request.get( '/wp-cron.php' );
					return announcing().length;
				},
				{ timeout: 90_000, intervals: [ 2_000 ] }
			)
			.toBe( 1 );
		await visitor.goto( linkIn( announcing()[ 0 ]!.text, 'object' ) );
		await expect( visitor.locator( 'html' ) ).toHaveAttribute(
			'lang',
			'nl-NL'
		);
		await expect(
			visitor.getByRole( 'heading', {
				name: fill( nl( 'Object to %s' ), 'Brevo' ),
			} )
		).toBeVisible();
		await visitor.context().close();
	} );
} );

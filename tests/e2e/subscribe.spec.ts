/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
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
import { linkIn, mailTo } from './mailbox';
import {
	demoPolicy,
	notices,
	SETTINGS_PAGE,
	storedPolicy,
	storePolicy,
} from './policy-helpers';

interface Listed {
	subscribers: { id: number; email: string; status: string }[];
}

/**
 * The subscribers whose address is one of these, as the admin's list has them.
 *
 * @param requestUtils Authenticated request utilities.
 * @param email        The address.
 */
async function listed( requestUtils: RequestUtils, email: string ) {
	const { subscribers } = await requestUtils.rest< Listed >( {
		path: '/infosec-policy/v1/subscribers',
		params: { per_page: 100 },
	} );
	return subscribers.filter( ( subscriber ) => subscriber.email === email );
}

/**
 * Removes every subscriber.
 *
 * @param requestUtils Authenticated request utilities.
 */
async function removeSubscribers( requestUtils: RequestUtils ) {
	const { subscribers } = await requestUtils.rest< Listed >( {
		path: '/infosec-policy/v1/subscribers',
		params: { per_page: 100 },
	} );
	for ( const { id } of subscribers ) {
		await requestUtils.rest( {
			path: `/infosec-policy/v1/subscribers/${ id }`,
			method: 'DELETE',
		} );
	}
}

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
 * The WCAG 2.1 AA violations axe finds on the page a visitor is on. Axe runs in the page, so it
 * reads the same address in a context of its own with JavaScript on (the page itself has no script).
 *
 * @param browser The browser.
 * @param visitor The visitor's page.
 * @param within  Only this part of it (the theme's own navigation is not ours to check).
 */
async function axeViolations(
	browser: Browser,
	visitor: Page,
	within = 'body'
) {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const page = await context.newPage();
	await page.goto( visitor.url() );
	const { violations } = await new AxeBuilder( { page } )
		.include( within )
		.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
		.analyze();
	await context.close();
	return violations;
}

test.describe( 'subscribing by e-mail', () => {
	let pageUrl = '';
	let pageId = 0;

	test.beforeAll( async ( { requestUtils } ) => {
		await storePolicy( requestUtils, demoPolicy() );
		const created = await requestUtils.rest< { id: number; link: string } >(
			{
				path: '/wp/v2/pages',
				method: 'POST',
				data: {
					title: 'Stay informed',
					status: 'publish',
					content: '<!-- wp:infosec-policy/subscribe /-->',
				},
			}
		);
		pageId = created.id;
		pageUrl = created.link;
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await removeSubscribers( requestUtils );
		await requestUtils.rest( {
			path: `/wp/v2/pages/${ pageId }`,
			method: 'DELETE',
			params: { force: true },
		} );
	} );

	test( 'a visitor without JavaScript subscribes, confirms by button (not by the link alone), gets a notice and unsubscribes with one click', async ( {
		admin,
		browser,
		page,
		requestUtils,
	} ) => {
		const email = `visitor-${ Date.now() }@example.com`;
		const visitor = await visitorWithoutJavaScript( browser );
		await visitor.goto( pageUrl );
		await visitor.getByLabel( 'Your e-mail address' ).fill( email );
		await visitor.getByRole( 'button', { name: 'Subscribe' } ).click();

		// Back on the same page, told what happens next.
		await expect( visitor ).toHaveURL(
			new RegExp(
				`${ new URL( pageUrl ).pathname }\\?infosec-policy-subscribe=sent#infosec-policy-subscribe$`
			)
		);
		await expect( visitor.getByRole( 'status' ) ).toContainText(
			'a message with a confirmation link is on its way'
		);
		expect(
			await axeViolations(
				browser,
				visitor,
				'.wp-block-infosec-policy-subscribe'
			)
		).toEqual( [] );

		// Sent after the answer, by WP-Cron, which the next page view wakes.
		await visitor.request.get( '/wp-cron.php' );
		await expect.poll( () => mailTo( email ).length ).toBe( 1 );
		const [ confirmation ] = mailTo( email );
		expect( confirmation ).toBeDefined();
		const confirmLink = linkIn( confirmation!.text, 'confirm' );

		// A mail scanner that follows the link confirms nothing.
		const scanned = await visitor.request.get( confirmLink );
		expect( scanned.status() ).toBe( 200 );
		expect( await listed( requestUtils, email ) ).toMatchObject( [
			{ status: 'pending' },
		] );

		await visitor.goto( confirmLink );
		await expect(
			visitor.getByRole( 'heading', {
				name: 'Confirm your subscription',
			} )
		).toBeVisible();
		await expect( visitor ).toHaveTitle( /^Confirm your subscription/ );
		// The page stands in the site's theme, between its own header and footer; the page's own
		// part is what is ours to check.
		await expect(
			visitor.locator( 'header.wp-block-template-part' )
		).toHaveCount( 1 );
		await expect(
			visitor.locator( 'footer.wp-block-template-part' )
		).toHaveCount( 1 );
		expect( await axeViolations( browser, visitor, 'main' ) ).toEqual( [] );
		await visitor.getByRole( 'button', { name: 'Confirm' } ).click();
		await expect(
			visitor.getByRole( 'heading', { name: 'Subscription confirmed' } )
		).toBeVisible();
		expect( await listed( requestUtils, email ) ).toMatchObject( [
			{ status: 'confirmed' },
		] );

		// A published change, saved by the admin, who sees first whom it will e-mail and how.
		await admin.visitAdminPage( SETTINGS_PAGE );
		const revision = ( await storedPolicy( requestUtils ) ).revision;
		await page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } )
			.fill( 'RegioIngenieur B.V.' );
		await page.getByText( 'Add a note about this change' ).click();
		await page
			.getByLabel( 'Public note (optional)' )
			.fill( 'Our new legal name.' );
		await page.getByRole( 'button', { name: 'Save policy' } ).click();
		const confirm = page.getByRole( 'dialog', {
			name: 'E-mail subscribers about this change?',
		} );
		await expect( confirm ).toContainText(
			'This change will be e-mailed to 1 subscriber.'
		);
		const shown = confirm.getByLabel( 'The e-mail’s text' );
		await expect( shown ).toContainText( 'RegioIngenieur B.V.' );
		await expect( shown ).toContainText( 'Our new legal name.' );
		expect(
			(
				await new AxeBuilder( { page } )
					.include( '.components-modal__frame' )
					.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
					.analyze()
			).violations
		).toEqual( [] );
		// Cancelled, nothing is saved or sent, and the edits stay.
		await confirm.getByRole( 'button', { name: 'Cancel' } ).click();
		await expect( confirm ).toBeHidden();
		await expect( page.getByText( 'Unsaved changes' ) ).toBeVisible();
		expect( ( await storedPolicy( requestUtils ) ).revision ).toBe(
			revision
		);
		await page.getByRole( 'button', { name: 'Save policy' } ).click();
		const subject = await confirm
			.locator( 'dt:text-is("Subject") + dd' )
			.innerText();
		const text = await shown.innerText();
		await confirm
			.getByRole( 'button', { name: 'Save and e-mail 1 subscriber' } )
			.click();
		await expect(
			notices( page ).getByText( 'The policy was saved.' )
		).toBeVisible();
		expect( ( await storedPolicy( requestUtils ) ).revision ).toBe(
			revision + 1
		);

		// Queued by the save, sent by WP-Cron: the e-mail that was shown.
		expect( mailTo( email ) ).toHaveLength( 1 );
		expect( ( await visitor.request.get( '/wp-cron.php' ) ).status() ).toBe(
			200
		);
		await expect.poll( () => mailTo( email ).length ).toBe( 2 );
		const notice = mailTo( email )[ 1 ]!;
		expect( notice.headers.subject?.[ 0 ] ).toBe( subject );
		const unsubscribeLine = /^http\S+subscriber=\d+\S*$/m;
		expect(
			notice.text.replace( unsubscribeLine, '(link)' ).trimEnd()
		).toBe( text.replace( unsubscribeLine, '(link)' ).trimEnd() );
		expect( notice.headers[ 'list-unsubscribe-post' ] ).toEqual( [
			'List-Unsubscribe=One-Click',
		] );
		const unsubscribe = /^<(.+)>$/.exec(
			notice.headers[ 'list-unsubscribe' ]?.[ 0 ] ?? ''
		)?.[ 1 ];
		expect( unsubscribe ).toBe( linkIn( notice.text, 'unsubscribe' ) );

		// The link opened in a browser asks first; a mailbox provider's POST needs no step.
		await visitor.goto( unsubscribe! );
		await expect(
			visitor.getByRole( 'button', { name: 'Stop the e-mails' } )
		).toBeVisible();
		expect( await listed( requestUtils, email ) ).toHaveLength( 1 );
		const oneClick = await visitor.request.post( unsubscribe!, {
			form: { 'List-Unsubscribe': 'One-Click' },
		} );
		expect( oneClick.status() ).toBe( 200 );
		expect( await listed( requestUtils, email ) ).toEqual( [] );
		await visitor.context().close();
	} );

	test( 'the unsubscribe page works by its button, and a link with a wrong token does nothing', async ( {
		browser,
		requestUtils,
	} ) => {
		const email = `reader-${ Date.now() }@example.com`;
		await requestUtils.rest( {
			path: '/infosec-policy/v1/subscribers/import',
			method: 'POST',
			data: { addresses: [ email ], consentSource: 'e2e' },
		} );
		const policy = demoPolicy();
		policy.organization.name = `RegioIngenieur ${ Date.now() }`;
		await storePolicy( requestUtils, policy );
		const visitor = await visitorWithoutJavaScript( browser );
		await visitor.request.get( '/wp-cron.php' );
		await expect.poll( () => mailTo( email ).length ).toBe( 1 );
		const unsubscribe = linkIn( mailTo( email )[ 0 ]!.text, 'unsubscribe' );

		const forged = await visitor.request.post(
			unsubscribe.replace(
				/token=[0-9a-f]+/,
				`token=${ '0'.repeat( 64 ) }`
			),
			{ form: { 'List-Unsubscribe': 'One-Click' } }
		);
		expect( forged.status() ).toBe( 404 );
		expect( await listed( requestUtils, email ) ).toHaveLength( 1 );

		await visitor.goto( unsubscribe );
		expect( await axeViolations( browser, visitor, 'main' ) ).toEqual( [] );
		await visitor
			.getByRole( 'button', { name: 'Stop the e-mails' } )
			.click();
		await expect(
			visitor.getByRole( 'heading', { name: 'You are unsubscribed' } )
		).toBeVisible();
		expect( await listed( requestUtils, email ) ).toEqual( [] );
		await visitor.context().close();
	} );

	test( 'the honeypot is out of sight, out of the tab order and out of the accessibility tree', async ( {
		browser,
	} ) => {
		const visitor = await visitorWithoutJavaScript( browser );
		await visitor.goto( pageUrl );
		const trap = visitor.locator(
			'.wp-block-infosec-policy-subscribe__trap'
		);
		await expect( trap ).toHaveCount( 1 );
		// Clipped to nothing: no pixel of it is painted.
		expect(
			await trap.evaluate( ( element ) => {
				const style = getComputedStyle( element );
				const box = element.getBoundingClientRect();
				return {
					clip: style.clipPath,
					area: box.width * box.height,
					position: style.position,
				};
			} )
		).toEqual( { clip: 'inset(50%)', area: 1, position: 'absolute' } );
		// Tab goes from the address to the button and on, never into the trap.
		await visitor.getByLabel( 'Your e-mail address' ).focus();
		const focused: string[] = [];
		for ( let step = 0; step < 3; step++ ) {
			await visitor.keyboard.press( 'Tab' );
			focused.push(
				await visitor.evaluate(
					() =>
						document
							.querySelector( ':focus' )
							?.getAttribute( 'name' ) ?? ''
				)
			);
		}
		expect( focused ).not.toContain( 'infosec_policy_website' );
		// Screen readers see one text field, the address.
		const snapshot = await visitor
			.locator( '.wp-block-infosec-policy-subscribe' )
			.ariaSnapshot();
		expect( snapshot ).not.toContain( 'Leave this field empty' );
		expect( snapshot.match( /textbox/g ) ).toHaveLength( 1 );
		await visitor.context().close();
	} );

	test( 'an address that is not one comes back to the form with an error, and a filled-in honeypot subscribes nobody', async ( {
		browser,
		requestUtils,
	} ) => {
		const visitor = await visitorWithoutJavaScript( browser );
		await visitor.goto( pageUrl );
		// The browser's own check would stop the form; a robot's request does not.
		const response = await visitor.request.post( pageUrl, {
			form: {
				infosec_policy_subscribe: '1',
				infosec_policy_email: 'not-an-address',
			},
			maxRedirects: 0,
		} );
		expect( response.status() ).toBe( 303 );
		await visitor.goto( response.headers().location! );
		await expect( visitor.getByRole( 'alert' ) ).toHaveText(
			'That is not an e-mail address. Please check it and try again.'
		);
		await expect(
			visitor.getByLabel( 'Your e-mail address' )
		).toHaveAttribute( 'aria-invalid', 'true' );

		const robot = `robot-${ Date.now() }@example.com`;
		const trapped = await visitor.request.post( pageUrl, {
			form: {
				infosec_policy_subscribe: '1',
				infosec_policy_email: robot,
				infosec_policy_website: 'http://spam.example',
			},
			maxRedirects: 0,
		} );
		expect( trapped.headers().location ).toContain(
			'infosec-policy-subscribe=sent'
		);
		expect( await listed( requestUtils, robot ) ).toEqual( [] );
		expect( mailTo( robot ) ).toEqual( [] );

		// A page on another site that makes its visitors' browsers post the form subscribes nobody.
		const victim = `victim-${ Date.now() }@example.com`;
		const forged = await visitor.request.post( pageUrl, {
			form: {
				infosec_policy_subscribe: '1',
				infosec_policy_email: victim,
			},
			headers: { Origin: 'https://elsewhere.example' },
			maxRedirects: 0,
		} );
		expect( forged.status() ).toBe( 303 );
		expect( forged.headers().location ).toContain(
			'infosec-policy-subscribe=elsewhere'
		);
		await visitor.goto( forged.headers().location! );
		await expect( visitor.getByRole( 'status' ) ).toContainText(
			'the request came from another website'
		);
		await visitor.request.get( '/wp-cron.php' );
		expect( await listed( requestUtils, victim ) ).toEqual( [] );
		expect( mailTo( victim ) ).toEqual( [] );
		await visitor.context().close();
	} );
} );

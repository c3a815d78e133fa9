/**
 * External dependencies
 */
import { expect, type Browser, type Page } from '@playwright/test';

/**
 * WordPress dependencies
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Internal dependencies
 */
import demo from '../../demo/regioingenieur.policy.json';
import type { Policy } from '../../src/policy/types';

export const SETTINGS_PAGE = 'options-general.php?page=infosec-policy';

/** The statement page `npm start` and the test set-up build from the pattern. */
export const STATEMENT_PAGE = '/information-security/';

/** The reference page's policy, freshly copied. */
export const demoPolicy = (): Policy => structuredClone( demo ) as Policy;

interface Stored {
	policy: Policy;
	revision: number;
}

/**
 * The stored policy and revision, through the REST API.
 *
 * @param requestUtils Authenticated request utilities.
 */
export function storedPolicy( requestUtils: RequestUtils ): Promise< Stored > {
	return requestUtils.rest< Stored >( { path: '/infosec-policy/v1/policy' } );
}

/**
 * Replaces the stored policy, whatever its revision, so each test starts from a known one.
 *
 * @param requestUtils Authenticated request utilities.
 * @param policy       The policy to store.
 */
export async function storePolicy(
	requestUtils: RequestUtils,
	policy: Policy
): Promise< Stored > {
	const { revision } = await storedPolicy( requestUtils );
	return requestUtils.rest< Stored >( {
		path: '/infosec-policy/v1/policy',
		method: 'PUT',
		data: { policy, revision },
	} );
}

/**
 * The settings page's notices (core also announces each in a hidden live region with the same
 * text, so tests look inside the visible notices only).
 *
 * @param page The settings page.
 */
export const notices = ( page: Page ) =>
	page.locator( '.components-notice__content' );

/**
 * Clicks "Save policy" and waits for the notice that tells how it went.
 *
 * @param page    The settings page.
 * @param outcome The notice's text; by default, a successful save.
 */
export async function savePolicy(
	page: Page,
	outcome: string | RegExp = 'The policy was saved.'
): Promise< void > {
	await page.getByRole( 'button', { name: 'Save policy' } ).click();
	await expect( notices( page ).getByText( outcome ) ).toBeVisible();
}

/**
 * Chooses a policy file with the settings page's Import button, and returns the import window.
 *
 * @param page     The settings page.
 * @param document The file's document.
 */
export async function importFile( page: Page, document: unknown ) {
	const chooser = page.waitForEvent( 'filechooser' );
	await page.getByRole( 'button', { name: 'Import…' } ).click();
	await (
		await chooser
	).setFiles( {
		name: 'policy.json',
		mimeType: 'application/json',
		buffer: Buffer.from( JSON.stringify( document ) ),
	} );
	return page.getByRole( 'dialog', { name: 'Import a policy' } );
}

/**
 * A page as a visitor sees it: a context without the admin's cookies.
 *
 * @param browser The browser.
 * @param url     The page.
 */
export async function asVisitor(
	browser: Browser,
	url: string = STATEMENT_PAGE
): Promise< Page > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
	} );
	const page = await context.newPage();
	const response = await page.goto( url );
	expect( response?.status() ).toBe( 200 );
	return page;
}

/**
 * How wide the page is, and the first few elements that stick out of the window, apart from
 * what scrolls within its own box (a table in a scroll region).
 *
 * @param page The page.
 */
export function sidewaysOverflow(
	page: Page
): Promise< { width: number; wide: string[] } > {
	return page.evaluate( () => ( {
		width: document.documentElement.scrollWidth,
		wide: Array.from( document.querySelectorAll( '#wpbody *' ) )
			.filter(
				( element ) =>
					element.getBoundingClientRect().right > window.innerWidth &&
					! element.closest( '.infosec-policy-certificates__scroll' )
			)
			.map(
				( element ) =>
					`${ element.tagName }.${ element.className } "${ ( element.textContent ?? '' ).slice( 0, 40 ) }"`
			)
			.slice( 0, 5 ),
	} ) );
}

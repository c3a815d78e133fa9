/**
 * External dependencies
 */
import AxeBuilder from '@axe-core/playwright';
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
	notices,
	savePolicy,
	sidewaysOverflow,
	storePolicy,
	storedPolicy,
} from './policy-helpers';
import { fill, nl } from './translations';

const REGISTER = '/wp-json/infosec-policy/v1/register';

/**
 * The measure titles of the statement page, each with the language it is marked in ('' for none).
 *
 * @param visitor The statement page.
 */
function measureTitles( visitor: Page ) {
	return visitor
		.locator( '.wp-block-infosec-policy-measure-list__title' )
		.evaluateAll( ( titles ) =>
			titles.map( ( title ) => [
				title.textContent?.trim() ?? '',
				title.getAttribute( 'lang' ) ?? '',
			] )
		);
}

/**
 * The feed in a language (none: its default), with the status, the language headers and the
 * channel's language and item titles.
 *
 * @param visitor  A page of the site.
 * @param language `?lang=`, or '' for none.
 */
async function feed( visitor: Page, language: string ) {
	const response = await visitor.request.get(
		`/feed/infosec-policy-changes/${ language ? `?lang=${ language }` : '' }`
	);
	const xml = await response.text();
	return {
		status: response.status(),
		contentLanguage: response.headers()[ 'content-language' ] ?? '',
		link: response.headers().link ?? '',
		language: /<language>([^<]*)<\/language>/.exec( xml )?.[ 1 ] ?? '',
		titles: [ ...xml.matchAll( /<item>\s*<title>([^<]*)<\/title>/g ) ].map(
			( match ) => match[ 1 ] ?? ''
		),
	};
}

test.describe( 'the statement in the visitor’s language', () => {
	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.updateSiteSettings( { language: '' } );
		await storePolicy( requestUtils, demoPolicy() );
	} );

	test( 'an admin translates the Dutch texts, and the page, register and feed read in English and in Dutch', async ( {
		admin,
		browser,
		page,
		requestUtils,
	} ) => {
		test.setTimeout( 180_000 );
		await requestUtils.updateSiteSettings( { language: '' } );
		await storePolicy( requestUtils, demoPolicy() );

		// An English site whose texts are typed in Dutch: the settings page offers English.
		await admin.visitAdminPage( SETTINGS_PAGE );
		const section = page.getByRole( 'region', {
			name: 'Texts in other languages',
		} );
		await expect(
			section.getByRole( 'combobox', { name: 'Language of the texts' } )
		).toHaveValue( 'nl' );
		await expect(
			section.getByRole( 'combobox', { name: 'Translate into' } )
		).toHaveValue( 'en' );
		await expect(
			section.getByText( '0 of 20 texts translated into English.' )
		).toBeVisible();
		const werkproces = section.getByRole( 'group', {
			name: 'Measure Werkproces',
		} );
		// Each text as typed, marked Dutch, beside the field for its translation.
		await expect( werkproces.locator( 'p[lang="nl"]' ).first() ).toHaveText(
			'Werkproces'
		);
		await werkproces
			.getByRole( 'textbox', { name: 'Title in English' } )
			.fill( 'Work process' );
		await section
			.getByRole( 'group', { name: 'Processor Mailchimp' } )
			.getByRole( 'textbox', { name: 'Service in English' } )
			.fill( 'Newsletter' );
		await expect(
			section.getByText( '2 of 20 texts translated into English.' )
		).toBeVisible();
		await section
			.getByRole( 'checkbox', {
				name: 'Show only texts without a translation',
			} )
			.check();
		await expect(
			section.getByRole( 'group', { name: 'Measure Werkproces' } )
		).toBeVisible(); // Its description is not translated yet.
		await page.setViewportSize( { width: 390, height: 844 } );
		const { width, wide } = await sidewaysOverflow( page );
		expect( wide ).toEqual( [] );
		expect( width ).toBeLessThanOrEqual( 390 );
		await page.setViewportSize( { width: 1280, height: 900 } );
		await section
			.getByRole( 'checkbox', {
				name: 'Show only texts without a translation',
			} )
			.uncheck();
		await savePolicy( page );
		// The finding names what is left in Dutch, and leads to it.
		const finding = page.getByRole( 'listitem' ).filter( {
			hasText:
				'18 texts have no English translation, in Werkproces, Rapportage',
		} );
		await finding
			.getByRole( 'button', { name: 'Go to the field' } )
			.click();
		await expect(
			section.getByRole( 'checkbox', {
				name: 'Show only texts without a translation',
			} )
		).toBeChecked();
		expect(
			( await storedPolicy( requestUtils ) ).policy.translations
		).toEqual( {
			en: {
				measures: [ { id: 'werkproces', title: 'Work process' } ],
				processors: [ { id: 'mailchimp', role: 'Newsletter' } ],
			},
		} );

		// An English visitor: the translations, and the Dutch texts marked Dutch.
		const visitor = await asVisitor( browser );
		const titles = await measureTitles( visitor );
		expect( titles[ 0 ] ).toEqual( [ 'Work process', '' ] );
		expect( titles[ 1 ] ).toEqual( [ 'Rapportage', 'nl' ] );
		const table = visitor.locator(
			'.wp-block-infosec-policy-processor-table tbody'
		);
		await expect(
			table.getByText( 'Newsletter', { exact: true } )
		).toBeVisible();
		await expect( table.locator( 'span[lang="nl"]' ).first() ).toHaveText(
			'Websitehosting'
		);
		const { violations } = await new AxeBuilder( { page: visitor } )
			.include( 'main' )
			.withTags( [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] )
			.analyze();
		expect( violations ).toEqual( [] );
		// The head lists the feed and the register in each language, the page's first.
		await expect(
			visitor.locator(
				'head link[rel="alternate"][type="application/json"][hreflang]'
			)
		).toHaveCount( 2 );
		await expect(
			visitor
				.locator(
					'head link[rel="alternate"][href*="infosec-policy-changes"]'
				)
				.first()
		).toHaveAttribute( 'hreflang', 'en' );

		// The register in each language, each with its own ETag.
		const dutchRegister = await visitor.request.get( REGISTER );
		const englishRegister = await visitor.request.get(
			`${ REGISTER }?lang=en`
		);
		expect( dutchRegister.headers()[ 'content-language' ] ).toBe( 'nl' );
		expect( englishRegister.headers()[ 'content-language' ] ).toBe( 'en' );
		expect( dutchRegister.headers().link ).toContain( 'hreflang="en"' );
		expect( englishRegister.headers().link ).toContain( 'hreflang="nl"' );
		expect( dutchRegister.headers().etag ).not.toBe(
			englishRegister.headers().etag
		);
		expect( ( await dutchRegister.json() ).measures[ 0 ].title ).toBe(
			'Werkproces'
		);
		const english = await englishRegister.json();
		expect( english.language ).toBe( 'en' );
		expect( english.measures[ 0 ] ).toMatchObject( {
			title: 'Work process',
			untranslated: [ 'description' ],
		} );
		const refused = await visitor.request.get( `${ REGISTER }?lang=de` );
		expect( refused.status() ).toBe( 400 );
		expect( ( await refused.json() ).data.params.lang ).toContain(
			'no translation into de'
		);

		// The feed: in the texts' language by default, in English on asking; the translation's
		// change is told to its readers only.
		const dutchFeed = await feed( visitor, '' );
		expect( dutchFeed ).toMatchObject( {
			status: 200,
			contentLanguage: 'nl',
			language: 'nl',
		} );
		expect( dutchFeed.titles.join( '\n' ) ).not.toContain( 'Engels' );
		const englishFeed = await feed( visitor, 'en' );
		expect( englishFeed ).toMatchObject( {
			status: 200,
			contentLanguage: 'en',
			language: 'en',
		} );
		expect( englishFeed.titles ).toContain(
			'Added a translation of this statement into English'
		);
		expect( ( await feed( visitor, 'de' ) ).status ).toBe( 404 );

		// The same page on a Dutch site: the texts as typed, nothing marked, no English.
		await requestUtils.updateSiteSettings( { language: 'nl_NL' } );
		const dutchVisitor = await asVisitor( browser );
		const dutchTitles = await measureTitles( dutchVisitor );
		expect( dutchTitles[ 0 ] ).toEqual( [ 'Werkproces', '' ] );
		expect( dutchTitles.every( ( [ , lang ] ) => lang === '' ) ).toBe(
			true
		);
		await expect(
			dutchVisitor.locator( 'main [lang]:not(html)' )
		).toHaveCount( 0 );
		await expect( dutchVisitor.getByText( 'Newsletter' ) ).toHaveCount( 0 );

		// The Dutch admin adds German, and the English translation is still there.
		await admin.visitAdminPage( SETTINGS_PAGE );
		const sectie = page.getByRole( 'region', {
			name: nl( 'Texts in other languages' ),
		} );
		await expect(
			sectie.getByRole( 'combobox', { name: nl( 'Translate into' ) } )
		).toHaveValue( 'en' );
		await expect(
			sectie.getByText(
				fill(
					nl( '%1$d of %2$d texts translated into %3$s.' ),
					'2',
					'20',
					'Engels'
				)
			)
		).toBeVisible();
		await sectie
			.getByRole( 'combobox', { name: nl( 'Add a language' ) } )
			.selectOption( 'de' );
		await sectie.getByRole( 'button', { name: nl( 'Add' ) } ).click();
		await sectie
			.getByRole( 'group', {
				name: fill( nl( 'Measure %s' ), 'Werkproces' ),
			} )
			.getByRole( 'textbox', {
				name: fill( nl( '%1$s in %2$s' ), nl( 'Title' ), 'Duits' ),
			} )
			.fill( 'Arbeitsprozess' );
		await page.getByRole( 'button', { name: nl( 'Save policy' ) } ).click();
		await expect(
			notices( page ).getByText( nl( 'The policy was saved.' ) )
		).toBeVisible();
		// Typing the texts in English now would make the English translation none: the section
		// says so beside it, where it can be removed.
		await sectie
			.getByRole( 'combobox', { name: nl( 'Language of the texts' ) } )
			.selectOption( 'en' );
		await sectie
			.getByRole( 'combobox', { name: nl( 'Translate into' ) } )
			.selectOption( 'en' );
		await expect(
			sectie.getByText(
				fill(
					nl(
						'The texts are typed in %s now, so they need no translation into it. Remove this translation, or choose the language the texts are typed in.'
					),
					'Engels'
				)
			)
		).toBeVisible();
		await sectie
			.getByRole( 'combobox', { name: nl( 'Language of the texts' ) } )
			.selectOption( 'nl' );
		const german = await (
			await dutchVisitor.request.get( `${ REGISTER }?lang=de` )
		).json();
		expect( german.measures[ 0 ].title ).toBe( 'Arbeitsprozess' );
		const dutchAgain = await feed( dutchVisitor, '' );
		expect( dutchAgain.titles.join( '\n' ) ).not.toMatch( /Duits|Engels/ );
		expect(
			( await feed( dutchVisitor, 'de' ) ).titles.join( '\n' )
		).toMatch(
			// In German where WordPress has it; the plugin's own words, which have no German,
			// in English.
			/Added a translation of this statement into German|Vertaling van deze verklaring in het Duits toegevoegd/
		);
	} );
} );

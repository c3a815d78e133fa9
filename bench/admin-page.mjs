/**
 * Benchmark: the settings page in Debian's Chromium with 10 and with 1,000 processors (the
 * baseline is the 10-processor page in the same run): time until the page is ready, a search,
 * and the save round trip as the admin sees it (click to notice).
 *
 * Usage (through npm run bench): node bench/admin-page.mjs <site-url>
 */
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const base = process.argv[ 2 ];
const demo = JSON.parse(
	await readFile(
		new URL( '../demo/regioingenieur.policy.json', import.meta.url ),
		'utf8'
	)
);
const withProcessors = ( count ) => ( {
	...demo,
	processors: Array.from( { length: count }, ( _, i ) => ( {
		...demo.processors[ 1 ],
		id: `processor-${ i }`,
		name: `Processor ${ i }`,
	} ) ),
} );
const median = ( values ) =>
	values.sort( ( a, b ) => a - b )[ Math.floor( values.length / 2 ) ];

const browser = await chromium.launch( {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--no-first-run',
	],
} );
const page = await browser.newPage();
await page.goto( `${ base }/wp-login.php` );
await page.fill( '#user_login', 'admin' );
await page.fill( '#user_pass', 'password' );
await page.click( '#wp-submit' );
await page.waitForURL( /wp-admin/ );
const settings = `${ base }/wp-admin/options-general.php?page=infosec-policy`;

async function store( policy ) {
	await page.goto( settings );
	await page.getByRole( 'button', { name: 'Save policy' } ).waitFor();
	await page.evaluate( async ( document ) => {
		const { revision } = await window.wp.apiFetch( {
			path: '/infosec-policy/v1/policy',
		} );
		await window.wp.apiFetch( {
			path: '/infosec-policy/v1/policy',
			method: 'PUT',
			data: { policy: document, revision },
		} );
	}, policy );
}

async function measure( count ) {
	await store( withProcessors( count ) );
	const ready = [];
	const search = [];
	const save = [];
	for ( let run = 0; run < 5; run++ ) {
		let start = performance.now();
		await page.goto( settings );
		await page.getByRole( 'button', { name: 'Save policy' } ).waitFor();
		ready.push( performance.now() - start );

		const processors = page.getByRole( 'region', { name: 'Processors' } );
		start = performance.now();
		await processors
			.getByRole( 'searchbox' )
			.fill( `Processor ${ count - 1 }` );
		await processors
			.getByRole( 'button', {
				name: `Processor ${ count - 1 }`,
				exact: true,
			} )
			.waitFor();
		search.push( performance.now() - start );

		await page
			.getByRole( 'region', { name: 'Organisation' } )
			.getByLabel( 'Name', { exact: true } )
			.fill( `Run ${ run }` );
		start = performance.now();
		await page.getByRole( 'button', { name: 'Save policy' } ).click();
		await page
			.locator( '.components-notice__content', {
				hasText: 'The policy was saved.',
			} )
			.waitFor();
		save.push( performance.now() - start );
	}
	return {
		ready: median( ready ),
		search: median( search ),
		save: median( save ),
	};
}

const baseline = await measure( 10 );
const large = await measure( 1000 );
await browser.close();

process.stdout.write(
	`${ 'measure'.padEnd( 34 ) }${ '10 (baseline)'.padStart( 15 ) }${ '1,000'.padStart( 12 ) }${ 'ratio'.padStart( 8 ) }\n`
);
for ( const [ key, label ] of [
	[ 'ready', 'page ready after navigation (ms)' ],
	[ 'search', 'search to result shown (ms)' ],
	[ 'save', 'save click to notice (ms)' ],
] ) {
	process.stdout.write(
		`${ label.padEnd( 34 ) }${ baseline[ key ].toFixed( 0 ).padStart( 15 ) }${ large[ key ].toFixed( 0 ).padStart( 12 ) }${ ( large[ key ] / baseline[ key ] ).toFixed( 2 ).padStart( 8 ) }\n`
	);
}

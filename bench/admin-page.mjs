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

/**
 * One run of each measure on the page with `count` processors, appended to `into`.
 *
 * @param {number} count How many processors.
 * @param {Object} into  Lists of times by measure.
 */
async function measureOnce( count, into ) {
	const { ready, search, save, sent, key } = into;
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
			// Renamed by the runs before.
			name: new RegExp( `^Processor ${ count - 1 }( renamed)*$` ),
		} )
		.waitFor();
	search.push( performance.now() - start );

	// In the page's own clock: the click on Save, the start of the PUT it sends, and how
	// long each key press took until the next paint (Event Timing; under 16 ms is not
	// reported, and counts as 16).
	await page.evaluate( () => {
		const bench = { click: 0, sends: [], keys: [] };
		window.infosecBench = bench;
		document.addEventListener(
			'click',
			( event ) => {
				if (
					event.target
						.closest( 'button' )
						?.textContent.includes( 'Save policy' )
				) {
					bench.click = performance.now();
				}
			},
			true
		);
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				if (
					decodeURIComponent( entry.name ).includes(
						'infosec-policy/v1/policy'
					)
				) {
					bench.sends.push( entry.startTime );
				}
			}
		} ).observe( { type: 'resource' } );
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() ) {
				if ( entry.name.startsWith( 'key' ) ) {
					bench.keys.push( entry.duration );
				}
			}
		} ).observe( { type: 'event', durationThreshold: 16 } );
	} );
	await processors
		.getByRole( 'button', {
			// Renamed by the runs before.
			name: new RegExp( `^Processor ${ count - 1 }( renamed)*$` ),
		} )
		.click();
	const name = processors.getByLabel( 'Name', { exact: true } );
	await name.click();
	await name.press( 'End' );
	await name.pressSequentially( ' renamed', { delay: 50 } );

	start = performance.now();
	await page.getByRole( 'button', { name: 'Save policy' } ).click();
	await page
		.locator( '.components-notice__content', {
			hasText: 'The policy was saved.',
		} )
		.waitFor();
	save.push( performance.now() - start );
	const timings = await page.evaluate( () => {
		const bench = window.infosecBench;
		return {
			sent:
				Math.min(
					...bench.sends.filter( ( time ) => time >= bench.click )
				) - bench.click,
			key: Math.max( 16, ...bench.keys ),
		};
	} );
	sent.push( timings.sent );
	key.push( timings.key );
}

// The two sizes take turns, each run on a freshly stored policy, so that whatever else the machine
// does weighs on both alike.
const times = () => ( { ready: [], search: [], save: [], sent: [], key: [] } );
const runs = { 10: times(), 1000: times() };
for ( let run = 0; run < 7; run++ ) {
	for ( const count of [ 10, 1000 ] ) {
		await store( withProcessors( count ) );
		await measureOnce( count, runs[ count ] );
	}
}
await browser.close();
const medians = ( lists ) =>
	Object.fromEntries(
		Object.entries( lists ).map( ( [ name, list ] ) => [
			name,
			median( list ),
		] )
	);
const baseline = medians( runs[ 10 ] );
const large = medians( runs[ 1000 ] );

process.stdout.write(
	`${ 'measure'.padEnd( 34 ) }${ '10 (baseline)'.padStart( 15 ) }${ '1,000'.padStart( 12 ) }${ 'ratio'.padStart( 8 ) }\n`
);
for ( const [ key, label ] of [
	[ 'ready', 'page ready after navigation (ms)' ],
	[ 'search', 'search to result shown (ms)' ],
	[ 'key', 'key press to next paint (ms)' ],
	[ 'sent', 'save click to request sent (ms)' ],
	[ 'save', 'save click to notice (ms)' ],
] ) {
	process.stdout.write(
		`${ label.padEnd( 34 ) }${ baseline[ key ].toFixed( 0 ).padStart( 15 ) }${ large[ key ].toFixed( 0 ).padStart( 12 ) }${ ( large[ key ] / baseline[ key ] ).toFixed( 2 ).padStart( 8 ) }\n`
	);
}

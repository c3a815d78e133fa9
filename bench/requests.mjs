/**
 * Times whole requests as a visitor makes them: time to first byte and to the last byte of each
 * page, over HTTP from the bench site (PHP's server with several workers), the pages taking turns
 * so that both see the same machine. Five requests each warm up first; then the median of 31.
 *
 * Usage (through npm run bench): node bench/requests.mjs <url> <baseline url>
 * Prints one line: first byte (ms) of each, their ratio, last byte (ms) of each, their ratio.
 */
const RUNS = 31;
const WARM_UP = 5;

async function timed( url ) {
	const start = performance.now();
	const response = await fetch( url, {
		headers: { 'Cache-Control': 'no-cache' },
	} );
	const firstByte = performance.now() - start;
	await response.arrayBuffer();
	if ( ! response.ok ) {
		throw new Error( `${ url } answered ${ response.status }` );
	}
	return { firstByte, lastByte: performance.now() - start };
}

const median = ( values ) =>
	[ ...values ].sort( ( a, b ) => a - b )[ Math.floor( values.length / 2 ) ];

const [ page, baseline ] = process.argv.slice( 2 );
const times = { page: [], baseline: [] };
for ( let run = 0; run < WARM_UP + RUNS; run++ ) {
	// Alternate which goes first, so that neither always follows the other.
	const order = run % 2 ? [ 'page', 'baseline' ] : [ 'baseline', 'page' ];
	for ( const which of order ) {
		const time = await timed( which === 'page' ? page : baseline );
		if ( run >= WARM_UP ) {
			times[ which ].push( time );
		}
	}
}
const first = ( which ) => median( times[ which ].map( ( t ) => t.firstByte ) );
const last = ( which ) => median( times[ which ].map( ( t ) => t.lastByte ) );
process.stdout.write(
	[
		first( 'page' ),
		first( 'baseline' ),
		first( 'page' ) / first( 'baseline' ),
		last( 'page' ),
		last( 'baseline' ),
		last( 'page' ) / last( 'baseline' ),
	]
		.map( ( n ) => n.toFixed( 2 ) )
		.join( ' ' ) + '\n'
);

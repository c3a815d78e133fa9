/**
 * Load bench of the public subscribe route: 10,000 requests from 500 loopback client addresses
 * (127.0.10.1 to 127.0.11.250, bound as each connection's source address), 12 at a time, against
 * the bench site's PHP server, while a second client (127.0.0.1) reads the statement page one
 * request after another. The same page is read alone first, for the baseline.
 *
 * The requests mix what an attacker would send: 40% one victim's mailbox under ever new +tags and
 * capitals, 10% addresses that are confirmed subscribers (the oracle), 5% posts that another site's
 * page makes a browser send, and 45% new addresses. Afterwards the send queue is run as WP-Cron
 * runs it, and the e-mails the site's SMTP server on loopback received are counted per mailbox.
 *
 * Usage (through npm run bench): node bench/subscribe-load.mjs <url> <instance folder>
 * Asserts nothing; prints figures. Stops sending after 15 minutes and says so.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import http from 'node:http';

const REQUESTS = 10000;
const CLIENTS = 500;
const IN_FLIGHT = 12;
const DEADLINE_MS = 15 * 60 * 1000;
const BASELINE_READS = 40;
const CONFIRMED = Array.from(
	{ length: 20 },
	( _, n ) => `confirmed-${ n }@example.net`
);

const [ base, dir ] = process.argv.slice( 2 );
const site = new URL( base );
const statement = new URL( '/bench-blocks/', site );
const helper = ( ...args ) =>
	execFileSync(
		'php',
		[
			new URL( 'subscribe-load.php', import.meta.url ).pathname,
			`${ dir }/wordpress`,
			...args,
		],
		{ encoding: 'utf8' }
	);

/**
 * One HTTP request from a given source address; resolves to status and milliseconds.
 *
 * @param {Object} options         The request.
 * @param {string} options.method  GET or POST.
 * @param {string} options.path    Path on the site.
 * @param {string} options.from    Source address.
 * @param {Object} options.headers Headers besides Host.
 * @param {string} options.body    Body, if any.
 */
function send( { method = 'GET', path, from, headers = {}, body } ) {
	return new Promise( ( resolve ) => {
		const start = performance.now();
		const request = http.request(
			{
				host: '127.0.0.1',
				port: site.port,
				localAddress: from,
				method,
				path,
				agent: false,
				headers: { Host: site.host, ...headers },
			},
			( response ) => {
				response.resume();
				response.on( 'end', () =>
					resolve( {
						status: response.statusCode,
						ms: performance.now() - start,
					} )
				);
			}
		);
		request.on( 'error', ( error ) =>
			resolve( { status: error.code, ms: performance.now() - start } )
		);
		request.end( body );
	} );
}

const percentile = ( values, p ) =>
	[ ...values ].sort( ( a, b ) => a - b )[
		Math.min( values.length - 1, Math.floor( ( values.length * p ) / 100 ) )
	] ?? NaN;

const readPage = () =>
	send( {
		path: statement.pathname,
		from: '127.0.0.1',
		headers: { 'Cache-Control': 'no-cache' },
	} );

/**
 * The i-th request of the flood.
 *
 * @param {number} i Its number.
 */
function attack( i ) {
	const n = i % CLIENTS;
	const from = `127.0.${ 10 + Math.floor( n / 250 ) }.${ 1 + ( n % 250 ) }`;
	// Each client's kind changes from one of its requests to the next.
	const slot = ( i + Math.floor( i / CLIENTS ) ) % 20;
	let kind;
	let email;
	const headers = { 'Content-Type': 'application/json' };
	if ( slot < 8 ) {
		kind = 'victim';
		email = `${ i % 3 ? 'victim' : 'Victim' }+${ i }@example.com`;
	} else if ( slot < 10 ) {
		kind = 'confirmed';
		email = CONFIRMED[ i % CONFIRMED.length ];
	} else if ( slot === 10 ) {
		kind = 'cross-site';
		email = `person-${ i }@example.org`;
		headers.Origin = 'https://attacker.example';
	} else {
		kind = 'new';
		email = `person-${ i }@example.org`;
	}
	return {
		kind,
		request: {
			method: 'POST',
			path: '/wp-json/infosec-policy/v1/subscribers',
			from,
			headers,
			body: JSON.stringify( { email, locale: 'en_US' } ),
		},
	};
}

/** The messages in the site's Maildir, by recipient. */
function mailboxes() {
	const folder = `${ dir }/mail/new`;
	const counts = new Map();
	for ( const file of existsSync( folder ) ? readdirSync( folder ) : [] ) {
		const text = readFileSync( `${ folder }/${ file }`, 'utf8' );
		const to = /^To:\s*(.*)$/im.exec( text )?.[ 1 ]?.trim() ?? '?';
		// The mailbox it lands in: lower case, without a +tag.
		const mailbox = to.toLowerCase().replace( /\+[^@]*(?=@)/, '' );
		counts.set( mailbox, ( counts.get( mailbox ) ?? 0 ) + 1 );
	}
	return counts;
}

const debugLog = `${ dir }/logs/debug.log`;
const logLines = () =>
	existsSync( debugLog )
		? readFileSync( debugLog, 'utf8' ).split( '\n' ).filter( Boolean )
		: [];

helper( 'prepare', CONFIRMED.join( ',' ) );
const mailBefore = mailboxes();
const logBefore = logLines().length;

// The page alone.
for ( let i = 0; i < 5; i++ ) {
	await readPage();
}
const alone = [];
for ( let i = 0; i < BASELINE_READS; i++ ) {
	alone.push( ( await readPage() ).ms );
}

/**
 * Sends requests, IN_FLIGHT at a time, while the reader reads the statement page.
 *
 * @param {Function} make Request number => { kind, request }.
 * @return {Promise<Object>} Answers by kind and status, their times, the reads, the seconds.
 */
async function flood( make ) {
	const started = performance.now();
	let flooding = true;
	const reads = [];
	const reader = ( async () => {
		while ( flooding ) {
			reads.push( ( await readPage() ).ms );
		}
	} )();
	const outcomes = new Map();
	const times = new Map();
	let next = 0;
	let timedOut = false;
	const lane = async () => {
		while ( next < REQUESTS ) {
			if ( performance.now() - started > DEADLINE_MS ) {
				timedOut = true;
				return;
			}
			const { kind, request } = make( next++ );
			const { status, ms } = await send( request );
			const key = `${ kind } ${ status }`;
			outcomes.set( key, ( outcomes.get( key ) ?? 0 ) + 1 );
			times.set( key, [ ...( times.get( key ) ?? [] ), ms ] );
		}
	};
	await Promise.all( Array.from( { length: IN_FLIGHT }, lane ) );
	flooding = false;
	await reader;
	return {
		outcomes,
		times,
		reads,
		timedOut,
		seconds: ( performance.now() - started ) / 1000,
	};
}

// The same flood against a route of core's, for the baseline: what any request costs.
const core = await flood( ( i ) => ( {
	kind: 'core',
	request: {
		path: '/wp-json/wp/v2/types/post',
		from: `127.0.${ 10 + Math.floor( ( i % CLIENTS ) / 250 ) }.${
			1 + ( i % 250 )
		}`,
	},
} ) );
const {
	outcomes,
	times,
	reads: loaded,
	timedOut,
	seconds,
} = await flood( attack );

// Bursts: one new client's requests all at once, as a script with many connections sends them.
// The limits are a read and then a write, not one atomic step: this counts what gets through.
const bursts = [];
for ( let c = 0; c < 10; c++ ) {
	const answers = await Promise.all(
		Array.from( { length: IN_FLIGHT }, ( _, k ) =>
			send( {
				method: 'POST',
				path: '/wp-json/infosec-policy/v1/subscribers',
				from: `127.0.20.${ 1 + c }`,
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( {
					email: `burst-${ c }-${ k }@example.org`,
				} ),
			} )
		)
	);
	bursts.push( answers.filter( ( a ) => a.status === 202 ).length );
}

// What WP-Cron has left for now, as its next run would do it.
helper( 'settle' );
const rows = JSON.parse( helper( 'report' ) );
const mail = mailboxes();
for ( const [ to, n ] of mailBefore ) {
	mail.set( to, ( mail.get( to ) ?? 0 ) - n );
}
const sent = [ ...mail.values() ].reduce( ( a, b ) => a + b, 0 );
const victim = mail.get( 'victim@example.com' ) ?? 0;
const toConfirmed = CONFIRMED.reduce(
	( a, e ) => a + ( mail.get( e ) ?? 0 ),
	0
);
const newLines = logLines().slice( logBefore );
const dbErrors = newLines.filter( ( l ) => /database error/i.test( l ) ).length;
const fiveHundreds = [ ...outcomes ]
	.filter( ( [ key ] ) => / 5\d\d$/.test( key ) )
	.reduce( ( a, [ , n ] ) => a + n, 0 );

const sentRequests = [ ...outcomes.values() ].reduce( ( a, b ) => a + b, 0 );
const line = ( ...cells ) => process.stdout.write( cells.join( '  ' ) + '\n' );
line(
	`Core's route: ${ [ ...core.outcomes ]
		.map( ( [ key, n ] ) => `${ n } answers ${ key.split( ' ' )[ 1 ] }` )
		.join( ', ' ) } in ${ core.seconds.toFixed( 0 ) } s.`
);
line(
	`Sent ${ sentRequests } subscribe requests from ${ CLIENTS } client addresses in ${ seconds.toFixed(
		0
	) } s${ timedOut ? ' (stopped at the 15-minute limit)' : '' }.`
);
line(
	'kind and answer'.padEnd( 20 ),
	'count'.padStart( 6 ),
	'p50 ms'.padStart( 8 ),
	'p95 ms'.padStart( 8 )
);
for ( const key of [ ...outcomes.keys() ].sort() ) {
	line(
		key.padEnd( 20 ),
		String( outcomes.get( key ) ).padStart( 6 ),
		percentile( times.get( key ), 50 ).toFixed( 1 ).padStart( 8 ),
		percentile( times.get( key ), 95 ).toFixed( 1 ).padStart( 8 )
	);
}
line(
	`Bursts of ${ IN_FLIGHT } simultaneous requests from one new client (limit 5 an hour), answered 202: ${ bursts.join(
		', '
	) }.`
);
line(
	'Statement page (ms)'.padEnd( 52 ),
	'p50'.padStart( 8 ),
	'p95'.padStart( 8 ),
	'reads'.padStart( 6 )
);
for ( const [ label, reads ] of [
	[ 'alone', alone ],
	[ `under ${ REQUESTS } requests to core's /wp/v2/types/post`, core.reads ],
	[ `under ${ REQUESTS } subscribe requests`, loaded ],
] ) {
	line(
		label.padEnd( 52 ),
		percentile( reads, 50 ).toFixed( 1 ).padStart( 8 ),
		percentile( reads, 95 ).toFixed( 1 ).padStart( 8 ),
		String( reads.length ).padStart( 6 )
	);
}
line(
	`E-mails received by the SMTP server: ${ sent } (site cap ${ rows.hourlyCap } an hour; cap reached: ${
		rows.capReached ? 'yes' : 'no'
	}); to the victim's mailbox: ${ victim } (limit 3); to confirmed subscribers: ${ toConfirmed }; most to one mailbox: ${ Math.max(
		0,
		...mail.values()
	) }.`
);
line(
	`Rows left: ${ rows.pending } pending and ${ rows.confirmed } confirmed subscribers, ${
		rows.waiting
	} requests waiting for the next hour (dropped after a day), ${
		rows.deliveries
	} delivery rows (confirmations sent), ${ rows.counters } rate-limit counters (each ends with its window).`
);
line(
	`Errors: ${ fiveHundreds } answers 5xx, ${ dbErrors } database errors, ${ newLines.length } new lines in the debug log.`
);

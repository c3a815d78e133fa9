/**
 * The Playground blueprint (blueprint.json), run for real: WordPress Playground's CLI boots
 * WordPress in PHP compiled to WebAssembly, runs every step of the blueprint and serves the site;
 * the test then reads the landing page as a visitor would.
 *
 * Nothing here reaches a network. Playground would download WordPress, the plugin's release zip and
 * the demo policy; instead it installs the WordPress the other layers use (INFOSEC_WP_CORE), the
 * blueprint's plugin step gets the zip this run made (INFOSEC_PLUGIN_ZIP), and its demo step the
 * repository's demo file. Every other step runs as published.
 *
 *   INFOSEC_WP_CORE=<folder> INFOSEC_PLUGIN_ZIP=<file> node tests/blueprint/blueprint.test.mjs
 *
 * Ends with "blueprint: N passed, N failed", and exits non-zero when any check failed.
 */

/**
 * External dependencies
 */
import { spawn } from 'node:child_process';
import {
	cpSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join( dirname( fileURLToPath( import.meta.url ) ), '..', '..' );
const blueprint = JSON.parse(
	readFileSync( join( root, 'blueprint.json' ), 'utf8' )
);
const demo = readFileSync(
	join( root, 'demo', 'regioingenieur.policy.json' ),
	'utf8'
);
const results = [];

function check( description, passed, detail = '' ) {
	results.push( passed );
	process.stdout.write(
		`  ${ passed ? 'ok  ' : 'FAIL' }  ${ description }${ passed || ! detail ? '' : `\n        ${ detail }` }\n`
	);
}

function freePort() {
	return new Promise( ( resolve, reject ) => {
		const server = createServer();
		server.listen( 0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close( () => resolve( port ) );
		} );
		server.on( 'error', reject );
	} );
}

/**
 * Starts Playground's server and resolves once it says it is ready.
 *
 * @param {string[]} args    The CLI's arguments.
 * @param {number}   seconds How long to wait for it.
 */
function serve( args, seconds ) {
	const server = spawn(
		join( root, 'node_modules', '.bin', 'wp-playground-cli' ),
		args,
		{
			cwd: root,
			detached: true,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	let output = '';
	const ready = new Promise( ( resolve, reject ) => {
		const timer = setTimeout(
			() =>
				reject(
					new Error(
						`Playground was not ready within ${ seconds } s:\n${ output }`
					)
				),
			seconds * 1000
		);
		const read = ( chunk ) => {
			output += chunk;
			if ( output.includes( 'Ready!' ) ) {
				clearTimeout( timer );
				resolve();
			}
		};
		server.stdout.on( 'data', read );
		server.stderr.on( 'data', read );
		server.on( 'exit', ( code ) => {
			clearTimeout( timer );
			reject(
				new Error(
					`Playground ended (${ code }) before it was ready:\n${ output }`
				)
			);
		} );
	} );
	return { server, ready, output: () => output };
}

/**
 * A page as a browser gets it: redirects followed, with the cookies they set (the blueprint logs
 * the admin in on the first request).
 *
 * @param {string} url The page.
 */
async function browse( url ) {
	const cookies = new Map();
	for ( let hop = 0; hop < 10; hop++ ) {
		const response = await fetch( url, {
			redirect: 'manual',
			headers: {
				cookie: [ ...cookies ]
					.map( ( [ name, value ] ) => `${ name }=${ value }` )
					.join( '; ' ),
			},
		} );
		for ( const cookie of response.headers.getSetCookie() ) {
			const [ pair ] = cookie.split( ';' );
			const at = pair.indexOf( '=' );
			cookies.set( pair.slice( 0, at ), pair.slice( at + 1 ) );
		}
		const location = response.headers.get( 'location' );
		if ( response.status < 300 || response.status >= 400 || ! location ) {
			return { status: response.status, html: await response.text() };
		}
		url = new URL( location, url ).href;
	}
	throw new Error( `too many redirects from ${ url }` );
}

async function main() {
	const core = process.env.INFOSEC_WP_CORE;
	const zip = process.env.INFOSEC_PLUGIN_ZIP;
	if ( ! core || ! zip ) {
		throw new Error(
			'INFOSEC_WP_CORE and INFOSEC_PLUGIN_ZIP must name WordPress and the plugin zip (npm test sets them)'
		);
	}

	// What is published: the release zip and the demo file of the repository, a landing page that
	// the blueprint itself creates.
	const [ install, , demoFile, setUp ] = blueprint.steps;
	check(
		'installs and activates the plugin from its release zip',
		install?.step === 'installPlugin' &&
			/\/releases\/latest\/download\/infosec-policy\.zip$/.test(
				install.pluginData?.url ?? ''
			) &&
			install.options?.activate === true
	);
	check(
		'stores the demo policy from the repository’s demo file',
		demoFile?.step === 'writeFile' &&
			/\/demo\/regioingenieur\.policy\.json$/.test(
				demoFile.data?.url ?? ''
			)
	);
	check(
		'saves it through the plugin’s save path and builds the page from the pattern',
		setUp?.step === 'runPHP' &&
			setUp.code.includes( 'Policy_Service::save' ) &&
			setUp.code.includes( 'Statement_Pattern::content()' ) &&
			setUp.code.includes( "'post_name' => 'information-security'" )
	);
	check(
		'opens the statement page',
		blueprint.landingPage === '/information-security/'
	);

	const work = mkdtempSync( join( tmpdir(), 'infosec-blueprint-' ) );
	let playground;
	try {
		cpSync( core, join( work, 'wordpress' ), { recursive: true } );
		cpSync( zip, join( work, 'infosec-policy.zip' ) );
		const local = structuredClone( blueprint );
		local.steps[ 0 ].pluginData = {
			resource: 'vfs',
			path: '/inputs/infosec-policy.zip',
		};
		local.steps[ 2 ].data = {
			resource: 'literal',
			name: 'regioingenieur.policy.json',
			contents: demo,
		};
		writeFileSync(
			join( work, 'blueprint.json' ),
			JSON.stringify( local )
		);
		const port = await freePort();
		playground = serve(
			[
				'server',
				`--port=${ port }`,
				`--blueprint=${ join( work, 'blueprint.json' ) }`,
				'--wordpress-install-mode=install-from-existing-files',
				`--mount-before-install=${ join( work, 'wordpress' ) }:/wordpress`,
				`--mount=${ work }:/inputs`,
				`--php=${ blueprint.preferredVersions.php }`,
			],
			240
		);
		await playground.ready;
		const page = await browse(
			`http://127.0.0.1:${ port }${ blueprint.landingPage }`
		);
		check(
			'the landing page answers 200',
			page.status === 200,
			`status ${ page.status }`
		);
		for ( const block of [
			'measure-list',
			'processor-table',
			'tls-badge',
			'change-log',
			'contact',
			'policy-dates',
		] ) {
			check(
				`the landing page shows the ${ block } block`,
				page.html.includes( `wp-block-infosec-policy-${ block }` )
			);
		}
		check(
			'with the demo statement’s processors',
			page.html.includes( 'Mailchimp' ) &&
				page.html.includes( 'Google Analytics' )
		);
		check(
			'and its first change-log entry',
			page.html.includes( 'First publication of this statement' )
		);
	} catch ( error ) {
		check(
			'Playground runs the blueprint',
			false,
			String( error?.message ?? error )
		);
	} finally {
		if ( playground ) {
			try {
				process.kill( -playground.server.pid, 'SIGTERM' );
			} catch {}
		}
		rmSync( work, { recursive: true, force: true } );
	}
	const passed = results.filter( Boolean ).length;
	process.stdout.write(
		`blueprint: ${ passed } passed, ${ results.length - passed } failed\n`
	);
	process.exit( passed === results.length ? 0 : 1 );
}

main();

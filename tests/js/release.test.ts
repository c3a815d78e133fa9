/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One version everywhere a release names it: the plugin header, the PHP constant, readme.txt's
 * Stable tag and package.json. WordPress.org serves the Stable tag's version; a plugin header that
 * says otherwise ships one version under another's name.
 */
const root = join( __dirname, '..', '..' );
const read = ( file: string ) => readFileSync( join( root, file ), 'utf8' );

/**
 * A header field of a WordPress plugin or readme file.
 *
 * @param text The file.
 * @param name The field's name.
 */
function field( text: string, name: string ): string | undefined {
	return new RegExp(
		`^[ \\t/*#@]*${ name }:[ \\t]*(.+?)[ \\t]*$`,
		'mi'
	).exec( text )?.[ 1 ];
}

describe( 'release metadata', () => {
	const plugin = read( 'plugin.php' );
	const readme = read( 'readme.txt' );
	const version = (
		JSON.parse( read( 'package.json' ) ) as { version: string }
	 ).version;

	it( 'names one version in the plugin header, the PHP constant, readme.txt and package.json', () => {
		expect( field( plugin, 'Version' ) ).toBe( version );
		expect( /const VERSION\s*=\s*'([^']+)'/.exec( plugin )?.[ 1 ] ).toBe(
			version
		);
		expect( field( readme, 'Stable tag' ) ).toBe( version );
	} );

	it( 'claims the same WordPress and PHP versions in readme.txt as in the plugin header', () => {
		expect( field( readme, 'Requires at least' ) ).toBe(
			field( plugin, 'Requires at least' )
		);
		expect( field( readme, 'Requires PHP' ) ).toBe(
			field( plugin, 'Requires PHP' )
		);
	} );

	it( 'keeps the short description within the 150 characters WordPress.org shows', () => {
		const short = readme
			.split( /\r?\n\r?\n/ )
			.find(
				( paragraph ) =>
					! paragraph.startsWith( '===' ) &&
					! /^\w[\w ]*:/.test( paragraph )
			);
		expect( short ).toBeTruthy();
		expect( short!.trim().length ).toBeLessThanOrEqual( 150 );
	} );

	it( 'has every section a WordPress.org readme needs, and says which services it connects to', () => {
		const sections = Array.from(
			readme.matchAll( /^== (.+) ==$/gm ),
			( match ) => match[ 1 ]
		);
		expect( sections ).toEqual( [
			'Description',
			'Installation',
			'Frequently Asked Questions',
			'Screenshots',
			'External services',
			'Changelog',
			'Upgrade Notice',
		] );
		expect( readme ).toContain( `= ${ version } =` );
	} );
} );

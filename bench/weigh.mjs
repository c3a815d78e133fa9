/**
 * Weighs pages as a visitor downloads them: the HTML, and the CSS and JavaScript they load (linked
 * files fetched, inline blocks counted), in total and the part that comes from this plugin.
 *
 * Usage (through npm run bench): node bench/weigh.mjs <url> [<url> ...]
 * Prints one line per page: HTML bytes, CSS bytes (plugin's), JS bytes (plugin's).
 */
const PLUGIN = /infosec-policy/;

async function weigh( url ) {
	const html = await ( await fetch( url ) ).text();
	const sizes = {
		html: Buffer.byteLength( html ),
		css: 0,
		pluginCss: 0,
		js: 0,
		pluginJs: 0,
	};
	const add = ( kind, bytes, fromPlugin ) => {
		sizes[ kind ] += bytes;
		if ( fromPlugin ) {
			sizes[ kind === 'css' ? 'pluginCss' : 'pluginJs' ] += bytes;
		}
	};
	for ( const [ , attributes, body ] of html.matchAll(
		/<style([^>]*)>([\s\S]*?)<\/style>/g
	) ) {
		add( 'css', Buffer.byteLength( body ), PLUGIN.test( attributes ) );
	}
	for ( const [ , attributes, body ] of html.matchAll(
		/<script([^>]*)>([\s\S]*?)<\/script>/g
	) ) {
		const src = /\ssrc=["']([^"']+)/.exec( attributes )?.[ 1 ];
		if ( src ) {
			const file = await (
				await fetch( new URL( src, url ) )
			).arrayBuffer();
			add( 'js', file.byteLength, PLUGIN.test( src ) );
		} else if (
			! /type=["'](application\/ld\+json|speculationrules|importmap)/.test(
				attributes
			)
		) {
			add(
				'js',
				Buffer.byteLength( body ),
				PLUGIN.test( attributes ) || PLUGIN.test( body )
			);
		}
	}
	for ( const [ tag ] of html.matchAll(
		/<link[^>]+rel=["']stylesheet["'][^>]*>/g
	) ) {
		const href = /href=["']([^"']+)/.exec( tag )?.[ 1 ];
		if ( href ) {
			const file = await (
				await fetch( new URL( href, url ) )
			).arrayBuffer();
			add( 'css', file.byteLength, PLUGIN.test( href ) );
		}
	}
	return sizes;
}

for ( const url of process.argv.slice( 2 ) ) {
	const s = await weigh( url );
	process.stdout.write(
		`${ s.html } ${ s.css } ${ s.pluginCss } ${ s.js } ${ s.pluginJs }\n`
	);
}

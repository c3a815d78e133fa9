/**
 * External dependencies
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The mail the e2e site sent: the Maildir of the SMTP server that bin/instance.sh starts beside the
 * site's web server (INFOSEC_SITE_DIR/mail), one file a message.
 */
export interface Mail {
	headers: Record< string, string[] >;
	text: string;
	html: string;
}

const mailDir = () => {
	const site = process.env.INFOSEC_SITE_DIR;
	if ( ! site ) {
		throw new Error(
			'INFOSEC_SITE_DIR names no site: run the e2e tests with npm test -- e2e'
		);
	}
	return join( site, 'mail', 'new' );
};

/**
 * Headers (lower-case names, unfolded) and body of a message or part.
 *
 * @param raw The message or part.
 */
function split( raw: string ): [ Record< string, string[] >, string ] {
	const at = raw.search( /\r?\n\r?\n/ );
	const head = at < 0 ? raw : raw.slice( 0, at );
	const body = at < 0 ? '' : raw.slice( at ).replace( /^\r?\n\r?\n/, '' );
	const headers: Record< string, string[] > = {};
	for ( const line of head.split( /\r?\n(?![ \t])/ ) ) {
		const colon = line.indexOf( ':' );
		if ( colon > 0 ) {
			const name = line.slice( 0, colon ).trim().toLowerCase();
			( headers[ name ] ??= [] ).push(
				line
					.slice( colon + 1 )
					.replace( /\r?\n[ \t]+/g, ' ' )
					.trim()
			);
		}
	}
	return [ headers, body ];
}

/**
 * A part's body, decoded.
 *
 * @param body     The body.
 * @param encoding Its Content-Transfer-Encoding.
 */
function decode( body: string, encoding = '' ): string {
	switch ( encoding.trim().toLowerCase() ) {
		case 'quoted-printable':
			return Buffer.from(
				body
					.replace( /=\r?\n/g, '' )
					.replace( /=([0-9A-F]{2})/gi, ( _, hex: string ) =>
						String.fromCharCode( parseInt( hex, 16 ) )
					),
				'latin1'
			).toString( 'utf8' );
		case 'base64':
			return Buffer.from( body, 'base64' ).toString( 'utf8' );
		default:
			return body;
	}
}

/**
 * A message, parsed.
 *
 * @param raw The message.
 */
function parse( raw: string ): Mail {
	const [ headers, body ] = split( raw );
	const mail: Mail = { headers, text: '', html: '' };
	const boundary = /boundary="?([^";]+)"?/i.exec(
		headers[ 'content-type' ]?.[ 0 ] ?? ''
	)?.[ 1 ];
	const parts = boundary
		? body
				.split( `--${ boundary }` )
				.map( ( part ) => split( part.replace( /^\r?\n/, '' ) ) )
		: [ [ headers, body ] as [ Record< string, string[] >, string ] ];
	for ( const [ partHeaders, partBody ] of parts ) {
		const type = (
			partHeaders[ 'content-type' ]?.[ 0 ] ?? ''
		).toLowerCase();
		const decoded = decode(
			partBody,
			partHeaders[ 'content-transfer-encoding' ]?.[ 0 ]
		);
		if ( type.startsWith( 'text/plain' ) ) {
			mail.text = decoded;
		} else if ( type.startsWith( 'text/html' ) ) {
			mail.html = decoded;
		}
	}
	return mail;
}

/**
 * Every message the site sent to an address, oldest first.
 *
 * @param email The address, as the envelope has it.
 */
export function mailTo( email: string ): Mail[] {
	let files: string[] = [];
	try {
		files = readdirSync( mailDir() ).map( ( file ) =>
			join( mailDir(), file )
		);
	} catch {
		return [];
	}
	return files
		.sort( ( a, b ) => statSync( a ).mtimeMs - statSync( b ).mtimeMs )
		.map( ( file ) => parse( readFileSync( file, 'utf8' ) ) )
		.filter( ( mail ) =>
			( mail.headers[ 'x-rcptto' ]?.[ 0 ] ?? '' )
				.split( ',' )
				.map( ( rcpt ) => rcpt.trim() )
				.includes( email )
		);
}

/**
 * The first link in a text that leads to one of the plugin's subscription pages.
 *
 * @param text   A message's text part.
 * @param action `confirm`, `unsubscribe` or `object`.
 */
export function linkIn(
	text: string,
	action: 'confirm' | 'unsubscribe' | 'object'
): string {
	const link = new RegExp(
		`https?://\\S+[?&]infosec-policy=${ action }&\\S+`
	).exec( text )?.[ 0 ];
	if ( ! link ) {
		throw new Error( `no ${ action } link in:\n${ text }` );
	}
	return link;
}

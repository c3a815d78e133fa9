/**
 * The plugin's translations, made from the source.
 *
 *   npm run i18n            writes languages/infosec-policy.pot from the source, merges it into each
 *                           languages/infosec-policy-<locale>.po, and compiles them (as `compile`)
 *   node bin/i18n.mjs compile   each .po to the .mo that PHP reads and to one JSON file per script
 *                           handle, which wp_set_script_translations() hands to the browser
 *   node bin/i18n.mjs check     fails when the template is not what the source gives, or when a
 *                           catalogue misses, fuzzes or mistranslates (format) any message
 *   node bin/i18n.mjs messages nl_NL   a catalogue's messages as JSON, for the tests
 *
 * Sources: the PHP through GNU xgettext with WordPress's keywords; the TypeScript through the
 * TypeScript compiler's own parser (xgettext knows no TSX); block.json by WordPress's i18n schema;
 * and the plugin header, which WordPress translates on the Plugins screen.
 */
import { execFileSync } from 'node:child_process';
import {
	readFileSync,
	writeFileSync,
	readdirSync,
	existsSync,
	mkdtempSync,
	rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { po } from 'gettext-parser';

const ROOT = path.resolve(
	path.dirname( fileURLToPath( import.meta.url ) ),
	'..'
);
const DOMAIN = 'infosec-policy';
const LANGUAGES = path.join( ROOT, 'languages' );
const TEMPLATE = path.join( LANGUAGES, `${ DOMAIN }.pot` );

/** WordPress's gettext functions: the argument positions of msgid, plural and context. */
const PHP_KEYWORDS = [
	'__:1',
	'_e:1',
	'esc_html__:1',
	'esc_html_e:1',
	'esc_attr__:1',
	'esc_attr_e:1',
	'_x:1,2c',
	'_ex:1,2c',
	'esc_html_x:1,2c',
	'esc_attr_x:1,2c',
	'_n:1,2',
	'_nx:1,2,4c',
	'_n_noop:1,2',
	'_nx_noop:1,2,3c',
];

/** The same functions in @wordpress/i18n: argument index of msgid, plural, context, domain. */
const JS_FUNCTIONS = {
	__: { msgid: 0, domain: 1 },
	_x: { msgid: 0, context: 1, domain: 2 },
	_n: { msgid: 0, plural: 1, domain: 3 },
	_nx: { msgid: 0, plural: 1, context: 3, domain: 4 },
};

/** block.json's translatable fields and their contexts, as WordPress's block-i18n.json has them. */
const BLOCK_FIELDS = {
	title: 'block title',
	description: 'block description',
	keywords: 'block keyword',
};

/** The plugin header's translatable fields, as get_plugin_data() translates them. */
const HEADER_FIELDS = [
	'Plugin Name',
	'Plugin URI',
	'Description',
	'Author',
	'Author URI',
];

/** The scripts the plugin enqueues with translations: handle and entry source. */
function scriptEntries() {
	const scripts = [
		{ handle: `${ DOMAIN }-admin`, entry: 'src/admin/index.tsx' },
	];
	for ( const block of readdirSync( path.join( ROOT, 'blocks' ) ).sort() ) {
		const metadataFile = path.join( 'blocks', block, 'block.json' );
		if ( ! existsSync( path.join( ROOT, metadataFile ) ) ) {
			continue;
		}
		const metadata = JSON.parse(
			readFileSync( path.join( ROOT, metadataFile ), 'utf8' )
		);
		const entry = [ 'index.ts', 'index.tsx' ]
			.map( ( name ) => path.join( 'blocks', block, name ) )
			.find( ( file ) => existsSync( path.join( ROOT, file ) ) );
		if ( entry ) {
			// register_block_type()'s handle for a block's editor script.
			scripts.push( {
				handle: `${ metadata.name.replace( '/', '-' ) }-editor-script`,
				entry,
				metadata: metadataFile,
			} );
		}
	}
	return scripts;
}

function filesUnder( dir, pattern ) {
	const found = [];
	for ( const entry of readdirSync( path.join( ROOT, dir ), {
		withFileTypes: true,
	} ) ) {
		const relative = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			found.push( ...filesUnder( relative, pattern ) );
		} else if ( pattern.test( entry.name ) ) {
			found.push( relative );
		}
	}
	return found.sort();
}

/**
 * Messages, keyed by context and msgid: { msgctxt, msgid, msgid_plural, comments, references }.
 */
class Catalogue {
	constructor() {
		this.messages = new Map();
	}

	add( {
		msgctxt = '',
		msgid,
		msgid_plural: plural = '',
		comment = '',
		reference,
	} ) {
		if ( msgid === '' ) {
			throw new Error(
				`${ reference }: an empty string cannot be translated`
			);
		}
		const key = `${ msgctxt }\u0004${ msgid }`;
		const message = this.messages.get( key ) ?? {
			msgctxt,
			msgid,
			plural,
			comments: [],
			references: [],
		};
		if ( message.plural !== plural ) {
			throw new Error(
				`${ reference }: "${ msgid }" has two different plurals ("${ message.plural }" and "${ plural }")`
			);
		}
		for ( const line of comment
			.split( '\n' )
			.map( ( text ) => text.trim() ) ) {
			if ( line && ! message.comments.includes( line ) ) {
				message.comments.push( line );
			}
		}
		message.references.push( reference );
		this.messages.set( key, message );
	}
}

function extractPhp( catalogue ) {
	const files = [
		'plugin.php',
		'uninstall.php',
		...filesUnder( 'includes', /\.php$/ ),
		...filesUnder( 'blocks', /\.php$/ ),
	];
	const output = execFileSync(
		'xgettext',
		[
			'--language=PHP',
			'--from-code=UTF-8',
			'--add-comments=translators:',
			'--no-wrap',
			'--keyword',
			...PHP_KEYWORDS.map( ( keyword ) => `--keyword=${ keyword }` ),
			'--output=-',
			...files,
		],
		// Its warnings about msgids beyond ASCII are no news: the source is UTF-8, and so is the template.
		{ cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'pipe' ] }
	);
	const parsed = po.parse( output );
	for ( const [ msgctxt, byId ] of Object.entries( parsed.translations ) ) {
		for ( const message of Object.values( byId ) ) {
			if ( message.msgid === '' ) {
				continue;
			}
			const comment = ( message.comments?.extracted ?? '' ).trim();
			for ( const reference of ( message.comments?.reference ?? '' )
				.split( /\s+/ )
				.filter( Boolean ) ) {
				catalogue.add( {
					msgctxt,
					msgid: message.msgid,
					msgid_plural: message.msgid_plural ?? '',
					comment,
					reference,
				} );
			}
		}
	}
}

/**
 * The translators comment nearest before a call: on it, or on the expression or JSX it opens.
 *
 * @param {import('typescript').Node} node The call.
 * @param {string}                    text The file's text.
 */
function translatorsComment( node, text ) {
	for (
		let current = node;
		current && ! ts.isSourceFile( current );
		current = current.parent
	) {
		// A comment on the line of the token before counts too: TypeScript calls that one trailing.
		const start = current.getFullStart();
		const ranges = [
			...( ts.getTrailingCommentRanges( text, start ) ?? [] ),
			...( ts.getLeadingCommentRanges( text, start ) ?? [] ),
		];
		const comments = ranges
			.map( ( range ) => text.slice( range.pos, range.end ) )
			.filter( ( comment ) => /translators:/i.test( comment ) );
		if ( comments.length > 0 ) {
			return comments[ comments.length - 1 ]
				.replace( /^\/\*+|\*+\/$|^\/\//g, '' )
				.replace( /\s*\n\s*\*?\s*/g, ' ' )
				.trim();
		}
		if (
			ts.isStatement( current ) ||
			ts.isJsxAttribute( current ) ||
			ts.isPropertyAssignment( current )
		) {
			break;
		}
	}
	return '';
}

function extractTypeScriptFile( catalogue, file ) {
	const text = readFileSync( path.join( ROOT, file ), 'utf8' );
	const source = ts.createSourceFile(
		file,
		text,
		ts.ScriptTarget.Latest,
		true,
		file.endsWith( 'x' ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS
	);
	const literal = ( node ) =>
		node &&
		( ts.isStringLiteral( node ) ||
			ts.isNoSubstitutionTemplateLiteral( node ) )
			? node.text
			: null;
	const visit = ( node ) => {
		if (
			ts.isCallExpression( node ) &&
			ts.isIdentifier( node.expression ) &&
			JS_FUNCTIONS[ node.expression.text ]
		) {
			const spec = JS_FUNCTIONS[ node.expression.text ];
			const line =
				source.getLineAndCharacterOfPosition( node.getStart() ).line +
				1;
			const reference = `${ file }:${ line }`;
			const msgid = literal( node.arguments[ spec.msgid ] );
			const domain = literal( node.arguments[ spec.domain ] );
			if ( msgid === null || domain !== DOMAIN ) {
				throw new Error(
					`${ reference }: ${ node.expression.text }() needs literal strings and the text domain '${ DOMAIN }'`
				);
			}
			const plural =
				spec.plural === undefined
					? ''
					: literal( node.arguments[ spec.plural ] );
			const context =
				spec.context === undefined
					? ''
					: literal( node.arguments[ spec.context ] );
			if ( plural === null || context === null ) {
				throw new Error(
					`${ reference }: ${ node.expression.text }()'s plural and context must be literal strings`
				);
			}
			catalogue.add( {
				msgid,
				msgid_plural: plural,
				msgctxt: context,
				comment: translatorsComment( node, text ),
				reference,
			} );
		}
		ts.forEachChild( node, visit );
	};
	visit( source );
	return source;
}

function typeScriptFiles() {
	return [
		...filesUnder( 'src', /\.tsx?$/ ),
		...filesUnder( 'blocks', /\.tsx?$/ ),
	].filter( ( file ) => ! /\.d\.ts$|\.generated\.ts$/.test( file ) );
}

function extractTypeScript( catalogue ) {
	for ( const file of typeScriptFiles() ) {
		extractTypeScriptFile( catalogue, file );
	}
}

function extractBlockJson( catalogue, file ) {
	const metadata = JSON.parse(
		readFileSync( path.join( ROOT, file ), 'utf8' )
	);
	if ( metadata.textdomain !== DOMAIN ) {
		throw new Error( `${ file }: textdomain must be '${ DOMAIN }'` );
	}
	for ( const [ field, msgctxt ] of Object.entries( BLOCK_FIELDS ) ) {
		for ( const msgid of [ metadata[ field ] ?? [] ].flat() ) {
			catalogue.add( { msgctxt, msgid, reference: file } );
		}
	}
}

function extractHeader( catalogue ) {
	const header = readFileSync( path.join( ROOT, 'plugin.php' ), 'utf8' );
	for ( const field of HEADER_FIELDS ) {
		const match = header.match(
			new RegExp( `^[\\s*#@]*${ field }:\\s*(.+)$`, 'mi' )
		);
		if ( match ) {
			catalogue.add( {
				msgid: match[ 1 ].trim(),
				comment: `${ field } of the plugin`,
				reference: 'plugin.php',
			} );
		}
	}
}

/** Everything translatable in the source. */
function extractAll() {
	const catalogue = new Catalogue();
	extractHeader( catalogue );
	extractPhp( catalogue );
	extractTypeScript( catalogue );
	for ( const file of filesUnder( 'blocks', /^block\.json$/ ) ) {
		extractBlockJson( catalogue, file );
	}
	return catalogue;
}

function poString( value ) {
	return `"${ value.replace( /\\/g, '\\\\' ).replace( /"/g, '\\"' ).replace( /\n/g, '\\n' ).replace( /\t/g, '\\t' ) }"`;
}

/**
 * The template's text: stable (no creation date), messages in source order.
 * @param {Catalogue} catalogue The messages.
 */
function templateText( catalogue ) {
	const version = readFileSync(
		path.join( ROOT, 'plugin.php' ),
		'utf8'
	).match( /^\s*\*\s*Version:\s*(\S+)/m )[ 1 ];
	const lines = [
		'# Translation template of the Infosec Policy plugin.',
		'# This file is distributed under the GPL-2.0-or-later license.',
		'# Made by `npm run i18n` from the source: never edit it by hand.',
		'msgid ""',
		'msgstr ""',
		`"Project-Id-Version: Infosec Policy ${ version }\\n"`,
		'"MIME-Version: 1.0\\n"',
		'"Content-Type: text/plain; charset=UTF-8\\n"',
		'"Content-Transfer-Encoding: 8bit\\n"',
		`"X-Domain: ${ DOMAIN }\\n"`,
		'',
	];
	for ( const message of catalogue.messages.values() ) {
		for ( const comment of message.comments ) {
			lines.push( `#. ${ comment }` );
		}
		lines.push( `#: ${ message.references.join( ' ' ) }` );
		if ( /%(\d+\$)?[sdf]/.test( message.msgid + message.plural ) ) {
			lines.push( '#, php-format' );
		}
		if ( message.msgctxt ) {
			lines.push( `msgctxt ${ poString( message.msgctxt ) }` );
		}
		lines.push( `msgid ${ poString( message.msgid ) }` );
		if ( message.plural ) {
			lines.push(
				`msgid_plural ${ poString( message.plural ) }`,
				'msgstr[0] ""',
				'msgstr[1] ""'
			);
		} else {
			lines.push( 'msgstr ""' );
		}
		lines.push( '' );
	}
	return lines.join( '\n' );
}

function catalogues() {
	return readdirSync( LANGUAGES )
		.filter(
			( file ) =>
				file.startsWith( `${ DOMAIN }-` ) && file.endsWith( '.po' )
		)
		.sort()
		.map( ( file ) => ( {
			file: path.join( LANGUAGES, file ),
			locale: file.slice( DOMAIN.length + 1, -3 ),
		} ) );
}

/**
 * Each message of a parsed .po, with its context, skipping the header.
 * @param {Object} parsed A catalogue as gettext-parser reads it.
 */
function* messagesOf( parsed ) {
	for ( const [ msgctxt, byId ] of Object.entries( parsed.translations ) ) {
		for ( const message of Object.values( byId ) ) {
			if ( message.msgid !== '' ) {
				yield { ...message, msgctxt };
			}
		}
	}
}

/**
 * The relative modules a script bundles, found from its entry by their import declarations.
 * @param {string} entry The entry source, relative to the repository.
 */
function bundledFiles( entry ) {
	const seen = new Set();
	const pending = [ entry ];
	while ( pending.length > 0 ) {
		const file = pending.pop();
		if ( seen.has( file ) ) {
			continue;
		}
		seen.add( file );
		const info = ts.preProcessFile(
			readFileSync( path.join( ROOT, file ), 'utf8' ),
			true,
			true
		);
		for ( const { fileName } of info.importedFiles ) {
			if ( ! fileName.startsWith( '.' ) ) {
				continue;
			}
			const base = path.join( path.dirname( file ), fileName );
			const resolved = [
				base,
				`${ base }.ts`,
				`${ base }.tsx`,
				path.join( base, 'index.ts' ),
				path.join( base, 'index.tsx' ),
			].find(
				( candidate ) =>
					/\.tsx?$/.test( candidate ) &&
					existsSync( path.join( ROOT, candidate ) )
			);
			if ( resolved ) {
				pending.push( resolved );
			}
		}
	}
	return seen;
}

/**
 * Jed 1.x locale data, the shape @wordpress/i18n's setLocaleData() takes.
 * @param {Object}      parsed A catalogue as gettext-parser reads it.
 * @param {string}      locale Its locale.
 * @param {Set<string>} wanted The keys of the messages the script uses.
 */
function scriptTranslations( parsed, locale, wanted ) {
	const messages = {
		'': {
			domain: 'messages',
			lang: locale,
			'plural-forms': parsed.headers[ 'Plural-Forms' ],
		},
	};
	for ( const message of messagesOf( parsed ) ) {
		const key = message.msgctxt
			? `${ message.msgctxt }\u0004${ message.msgid }`
			: message.msgid;
		if (
			wanted.has( key ) &&
			message.msgstr.some( ( text ) => text !== '' ) &&
			! isFuzzy( message )
		) {
			messages[ key ] = message.msgstr;
		}
	}
	return { domain: 'messages', locale_data: { messages } };
}

function isFuzzy( message ) {
	return ( message.comments?.flag ?? '' )
		.split( ',' )
		.map( ( flag ) => flag.trim() )
		.includes( 'fuzzy' );
}

function compile() {
	const scripts = scriptEntries().map( ( script ) => {
		const wanted = new Set();
		for ( const file of bundledFiles( script.entry ) ) {
			const single = new Catalogue();
			extractTypeScriptFile( single, file );
			for ( const key of single.messages.keys() ) {
				wanted.add( key.startsWith( '\u0004' ) ? key.slice( 1 ) : key );
			}
		}
		if ( script.metadata ) {
			const single = new Catalogue();
			extractBlockJson( single, script.metadata );
			for ( const key of single.messages.keys() ) {
				wanted.add( key );
			}
		}
		return { ...script, wanted };
	} );
	// What an earlier build made for a script or a locale that is gone must not ship.
	for ( const made of readdirSync( LANGUAGES ) ) {
		if ( /\.(mo|json)$/.test( made ) ) {
			rmSync( path.join( LANGUAGES, made ) );
		}
	}
	for ( const { file, locale } of catalogues() ) {
		execFileSync(
			'msgfmt',
			[
				'--check-format',
				'--output-file',
				file.replace( /\.po$/, '.mo' ),
				file,
			],
			{ stdio: 'inherit' }
		);
		const parsed = po.parse( readFileSync( file ) );
		for ( const script of scripts ) {
			const json = scriptTranslations( parsed, locale, script.wanted );
			writeFileSync(
				path.join(
					LANGUAGES,
					`${ DOMAIN }-${ locale }-${ script.handle }.json`
				),
				`${ JSON.stringify( json ) }\n`
			);
		}
	}
}

function update() {
	const catalogue = extractAll();
	writeFileSync( TEMPLATE, templateText( catalogue ) );
	for ( const { file } of catalogues() ) {
		execFileSync(
			'msgmerge',
			[
				'--quiet',
				'--update',
				'--backup=none',
				'--no-wrap',
				'--previous',
				file,
				TEMPLATE,
			],
			{ stdio: 'inherit' }
		);
		// A message the source no longer has is gone from the catalogue too, not kept as `#~`.
		execFileSync(
			'msgattrib',
			[ '--no-obsolete', '--no-wrap', '--output-file', file, file ],
			{ stdio: 'inherit' }
		);
	}
	compile();
	process.stdout.write(
		`languages/${ DOMAIN }.pot: ${ catalogue.messages.size } messages\n`
	);
}

/**
 * The identity of each message, for comparing two templates: context, msgid, plural, comments.
 * @param {string} text A template's text.
 */
function identities( text ) {
	return [ ...messagesOf( po.parse( text ) ) ]
		.map( ( message ) =>
			JSON.stringify( [
				message.msgctxt,
				message.msgid,
				message.msgid_plural ?? '',
				( message.comments?.extracted ?? '' ).trim(),
			] )
		)
		.sort();
}

function check() {
	const problems = [];
	const expected = identities( templateText( extractAll() ) );
	const committed = existsSync( TEMPLATE )
		? identities( readFileSync( TEMPLATE, 'utf8' ) )
		: [];
	const missing = expected.filter(
		( identity ) => ! committed.includes( identity )
	);
	const stale = committed.filter(
		( identity ) => ! expected.includes( identity )
	);
	for ( const identity of missing ) {
		problems.push( `the template lacks ${ identity }` );
	}
	for ( const identity of stale ) {
		problems.push(
			`the template has ${ identity }, which the source no longer has`
		);
	}
	const template = [ ...messagesOf( po.parse( readFileSync( TEMPLATE ) ) ) ];
	for ( const { file } of catalogues() ) {
		const name = path.relative( ROOT, file );
		const parsed = po.parse( readFileSync( file ) );
		const translated = new Map(
			[ ...messagesOf( parsed ) ].map( ( message ) => [
				`${ message.msgctxt }\u0004${ message.msgid }`,
				message,
			] )
		);
		const nplurals = Number(
			( parsed.headers[ 'Plural-Forms' ] ?? '' ).match(
				/nplurals\s*=\s*(\d+)/
			)?.[ 1 ] ?? 0
		);
		if ( nplurals < 1 ) {
			problems.push( `${ name }: no Plural-Forms header` );
		}
		let done = 0;
		for ( const message of template ) {
			const label = `${ name }: "${ message.msgid }"${ message.msgctxt ? ` (${ message.msgctxt })` : '' }`;
			const translation = translated.get(
				`${ message.msgctxt }\u0004${ message.msgid }`
			);
			if (
				! translation ||
				translation.msgstr.every( ( text ) => text === '' )
			) {
				problems.push( `${ label } is not translated` );
			} else if ( isFuzzy( translation ) ) {
				problems.push( `${ label } is fuzzy` );
			} else if (
				( translation.msgid_plural ?? '' ) !==
				( message.msgid_plural ?? '' )
			) {
				problems.push(
					`${ label } has another plural than the template`
				);
			} else if (
				message.msgid_plural &&
				( translation.msgstr.length !== nplurals ||
					translation.msgstr.some( ( text ) => text === '' ) )
			) {
				problems.push(
					`${ label } needs all ${ nplurals } plural forms`
				);
			} else {
				done++;
			}
		}
		for ( const key of translated.keys() ) {
			if (
				! template.some(
					( message ) =>
						`${ message.msgctxt }\u0004${ message.msgid }` === key
				)
			) {
				problems.push(
					`${ name }: "${ key.replace( '\u0004', ' | ' ) }" is not in the template (run npm run i18n)`
				);
			}
		}
		// msgfmt checks that each translation's placeholders match its msgid's (php-format).
		const scratch = mkdtempSync( path.join( tmpdir(), 'infosec-i18n-' ) );
		try {
			execFileSync(
				'msgfmt',
				[
					'--check',
					'--check-format',
					'--output-file',
					path.join( scratch, 'check.mo' ),
					file,
				],
				{ stdio: 'pipe' }
			);
		} catch ( error ) {
			problems.push(
				`${ name }: msgfmt --check found:\n${ error.stderr }`
			);
		} finally {
			rmSync( scratch, { recursive: true, force: true } );
		}
		process.stdout.write(
			`${ name }: ${ done } of ${ template.length } messages translated (${ Math.floor( ( 100 * done ) / Math.max( template.length, 1 ) ) } %)\n`
		);
	}
	if ( problems.length > 0 ) {
		process.stderr.write(
			`${ problems.join( '\n' ) }\n\nnpm run i18n regenerates the template; translate in languages/*.po.\n`
		);
		process.exit( 1 );
	}
	process.stdout.write(
		`languages/${ DOMAIN }.pot: ${ template.length } messages, current with the source\n`
	);
}

/** The catalogue of a locale as JSON, for the end-to-end tests that read pages in that language. */
function dumpMessages() {
	const locale = process.argv[ 3 ] ?? '';
	const catalogue = catalogues().find(
		( candidate ) => candidate.locale === locale
	);
	if ( ! catalogue ) {
		process.stderr.write(
			`no catalogue for '${ locale }' in languages/\n`
		);
		process.exit( 2 );
	}
	const list = [
		...messagesOf( po.parse( readFileSync( catalogue.file ) ) ),
	].map( ( message ) => ( {
		msgctxt: message.msgctxt,
		msgid: message.msgid,
		msgid_plural: message.msgid_plural ?? '',
		msgstr: message.msgstr,
	} ) );
	process.stdout.write( `${ JSON.stringify( list ) }\n` );
}

const command = process.argv[ 2 ] ?? 'update';
const commands = { update, compile, check, messages: dumpMessages };
if ( ! commands[ command ] ) {
	process.stderr.write(
		`unknown command '${ command }': use update, compile or check\n`
	);
	process.exit( 2 );
}
commands[ command ]();

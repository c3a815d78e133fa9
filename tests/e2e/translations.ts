/**
 * External dependencies
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Locator } from '@playwright/test';

interface Message {
	msgctxt: string;
	msgid: string;
	msgid_plural: string;
	msgstr: string[];
}

/** The Dutch catalogue, as the plugin ships it (read by bin/i18n.mjs, the build's own reader). */
export const dutch: Message[] = JSON.parse(
	execFileSync(
		'node',
		[ path.join( __dirname, '../../bin/i18n.mjs' ), 'messages', 'nl_NL' ],
		{ encoding: 'utf8' }
	)
);

/**
 * The Dutch of an English message.
 *
 * @param msgid   The English.
 * @param context Its context, if any.
 */
export function nl( msgid: string, context = '' ): string {
	const message = dutch.find(
		( candidate ) =>
			candidate.msgid === msgid && candidate.msgctxt === context
	);
	if ( ! message ) {
		throw new Error( `the Dutch catalogue has no "${ msgid }"` );
	}
	return message.msgstr[ 0 ]!;
}

/**
 * An English message as the plugin has it, once the catalogue is known to hold it: so that a
 * test in English fails, as the Dutch one does, when the message it looks for is gone.
 *
 * @param msgid   The message.
 * @param context Its context, if any.
 */
export function en( msgid: string, context = '' ): string {
	nl( msgid, context );
	return msgid;
}

/**
 * A message with its placeholders filled in, in order (%s, %d and %1$s alike).
 *
 * @param format The message.
 * @param values The values.
 */
export function fill( format: string, ...values: string[] ): string {
	let next = 0;
	return format.replace(
		/%(?:(\d+)\$)?[sd]/g,
		( _placeholder, position?: string ) =>
			values[ position ? Number( position ) - 1 : next++ ] ?? ''
	);
}

const PLACEHOLDER = /%(?:\d+\$)?[sdf]/;
const escape = ( text: string ) =>
	text.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' );

/**
 * The parts of a message that a reader would see verbatim: the text between its placeholders,
 * each long enough (two words, or one of three letters or more) to tell one language from another.
 *
 * @param text        A message.
 * @param singleWords
 */
function fragments( text: string, singleWords: boolean ): string[] {
	return text
		.split( PLACEHOLDER )
		.map( ( part ) =>
			part.replace( /^[\s,.:;()“”"]+|[\s,.:;()“”"]+$/g, '' )
		)
		.filter(
			( part ) =>
				/\p{L}+\s+\p{L}+/u.test( part ) ||
				( singleWords &&
					! PLACEHOLDER.test( text ) &&
					/^\p{L}{3,}$/u.test( part ) )
		);
}

/**
 * The messages of one language that appear in a text meant to be in the other: every part of a
 * message that differs in translation, found as whole words. Block keywords are left out: they
 * are searched, never shown. The Dutch side counts phrases only, since the policy a test stores
 * (the reference page's) is itself written in Dutch.
 *
 * @param text The text a reader sees.
 * @param from The language that must not show: 'en' (the msgids) or 'nl' (their translations).
 * @param data What admins typed, left out of the text: the demo policy's own texts are Dutch.
 */
export function leftOver(
	text: string,
	from: 'en' | 'nl',
	data: unknown = []
): string[] {
	const found = new Set< string >();
	const flat = withoutData( text, data );
	for ( const message of dutch ) {
		// Keywords, and words WordPress itself uses in its own controls ("Settings"), which its
		// language pack translates or not, whatever the plugin does.
		if (
			message.msgctxt === 'block keyword' ||
			message.msgctxt === 'core term'
		) {
			continue;
		}
		const english = [ message.msgid, message.msgid_plural ].filter(
			Boolean
		);
		const unwanted = from === 'en' ? english : message.msgstr;
		const wanted = from === 'en' ? message.msgstr : english;
		// Single Dutch words are left out of the English check: the demo's own data is Dutch.
		const parts = unwanted.flatMap( ( form ) =>
			fragments( form, from === 'en' )
		);
		for ( const fragment of parts ) {
			// A fragment both languages share (a name, "Firewall") tells nothing.
			if ( wanted.some( ( other ) => other.includes( fragment ) ) ) {
				continue;
			}
			const pattern = new RegExp(
				`(?<![\\p{L}\\p{N}])${ escape( fragment ) }(?![\\p{L}\\p{N}])`,
				'u'
			);
			if ( pattern.test( flat ) ) {
				found.add( fragment );
			}
		}
	}
	return [ ...found ].sort();
}

/**
 * Controls whose words are WordPress's, not the plugin's: core translates them with its own
 * language pack (on this machine, Debian's has no translations for core's scripts), so they say
 * nothing about the plugin, and no prop of the plugin's can set them: a notice's Close button,
 * the block inspector's own tabs, skip link, style tools (typography, colour: block supports) and
 * Advanced panel, and a token field's hint (WordPress 6.8's FormTokenField has no `help` to give
 * it the plugin's words; 7.x's shows the plugin's).
 */
const CORE_CONTROLS = [
	'.components-notice__dismiss',
	'.components-form-token-field__help',
	'.block-editor-block-inspector__tabs [role="tablist"]',
	'.block-editor-skip-to-selected-block',
	'.block-editor-block-inspector .components-tools-panel',
	'.block-editor-block-inspector__advanced',
].join( ',' );

/**
 * What a reader of an element gets: its text, and the names and hints in its attributes that a
 * screen reader reads or a pointer shows.
 *
 * @param element The element.
 */
export function readableText( element: Locator ): Promise< string > {
	return element.evaluate( ( root, skipped ) => {
		const attributes = [ 'aria-label', 'title', 'alt', 'placeholder' ];
		const extra = Array.from(
			root.querySelectorAll(
				attributes.map( ( name ) => `[${ name }]` ).join( ',' )
			),
			( node ) =>
				node.matches( skipped )
					? ''
					: attributes
							.map( ( name ) => node.getAttribute( name ) ?? '' )
							.join( ' \n ' )
		);
		let text = ( root as HTMLElement ).innerText;
		for ( const core of root.querySelectorAll< HTMLElement >( skipped ) ) {
			text = text.replace( core.innerText, ' ' );
		}
		return [ text, ...extra ].join( ' \n ' );
	}, CORE_CONTROLS );
}

/**
 * A text with every string of some data taken out (longest first), whitespace made single.
 *
 * @param text The text.
 * @param data Strings, or objects and lists holding them: what admins typed.
 */
function withoutData( text: string, data: unknown ): string {
	const strings: string[] = [];
	const collect = ( value: unknown ) => {
		if ( typeof value === 'string' && value.length > 1 ) {
			strings.push( value.replace( /\s+/g, ' ' ) );
		} else if ( value && typeof value === 'object' ) {
			Object.values( value ).forEach( collect );
		}
	};
	collect( data );
	let rest = text.replace( /\s+/g, ' ' );
	for ( const value of strings.sort( ( a, b ) => b.length - a.length ) ) {
		rest = rest.split( value ).join( ' ' );
	}
	return rest;
}

/**
 * Words that only English has: a sentence that is not the plugin's (left untranslated, from data
 * files, or a default of a WordPress component) shows one of them sooner or later.
 */
const ENGLISH_WORDS = [
	'the',
	'and',
	'with',
	'from',
	'your',
	'this',
	'that',
	'has',
	'have',
	'not',
	'yet',
	'are',
	'will',
	'can',
	'must',
	'for',
	'by',
	'there',
	'which',
];

/**
 * English words in a text meant to be Dutch, once the policy's own texts (names, descriptions,
 * legal entities: data an admin typed, in whatever language) are taken out. Unlike leftOver(),
 * this finds English that is in no catalogue at all. Each word found comes with its neighbours.
 *
 * @param text The text a reader sees.
 * @param data What admins typed, left out of the text.
 */
export function englishWords( text: string, data: unknown ): string[] {
	const rest = withoutData( text, data );
	// Each word found, with the words around it, so that a failure shows where it stands.
	return ENGLISH_WORDS.flatMap( ( word ) => {
		const match = new RegExp(
			`(?<![\\p{L}])${ word }(?![\\p{L}])`,
			'iu'
		).exec( rest );
		return match
			? [
					`${ word }: …${ rest.slice( Math.max( 0, match.index - 40 ), match.index + 40 ) }…`,
				]
			: [];
	} );
}

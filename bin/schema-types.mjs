/**
 * Generates src/policy/policy.generated.ts from schema/policy.schema.json, so the TypeScript types
 * of the policy document come from the same schema that PHP validates with. Runs before the build
 * and the type check (npm's pre-scripts); the output is not committed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { compile } from 'json-schema-to-typescript';

const root = new URL( '..', import.meta.url );
const schema = JSON.parse(
	await readFile( new URL( 'schema/policy.schema.json', root ), 'utf8' )
);

/**
 * Drops the `anyOf: [ empty, format ]` of strings that may be empty: a format is no TypeScript
 * type, and the generator would make each such string an intersection with an object.
 *
 * @param {unknown} node A schema, or a part of one.
 */
function withoutFormats( node ) {
	if ( Array.isArray( node ) ) {
		node.forEach( withoutFormats );
	} else if ( node && typeof node === 'object' ) {
		if (
			Array.isArray( node.anyOf ) &&
			node.anyOf.some( ( part ) => 'format' in part )
		) {
			delete node.anyOf;
		}
		Object.values( node ).forEach( withoutFormats );
	}
}
withoutFormats( schema );

const types = await compile( schema, 'InfosecPolicyDocument', {
	bannerComment:
		'/* Generated from schema/policy.schema.json by bin/schema-types.mjs. Do not edit. */',
	additionalProperties: false,
	strictIndexSignatures: true,
	// Lists are arrays, not a union of tuples of every length up to maxItems.
	maxItems: -1,
	unreachableDefinitions: true,
	style: { useTabs: true, singleQuote: true },
} );

// Written only when it changes, so the build's staleness check does not see a new file each time.
const target = new URL( 'src/policy/policy.generated.ts', root );
const current = await readFile( target, 'utf8' ).catch( () => '' );
if ( current !== types ) {
	await writeFile( target, types );
}

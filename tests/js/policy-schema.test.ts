/**
 * The shipped policy schema, read by a standard JSON Schema validator as an integrator would:
 * ajv with draft-04, the draft the schema declares, and the formats of ajv-formats.
 */

/**
 * External dependencies
 */
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * Internal dependencies
 */
import schema from '../../schema/policy.schema.json';
import demo from '../../demo/regioingenieur.policy.json';
import fixture from '../fixtures/policy-documents.json';

type Case = {
	name: string;
	set: Record< string, unknown >;
	valid: boolean;
	standard?: boolean;
	why?: string;
};

/**
 * A validator as strict as ajv gets, that knows the schema's two annotations of its own.
 */
function standardValidator(): Ajv {
	const ajv = new Ajv( { allErrors: true, strict: true } );
	addFormats( ajv );
	ajv.addKeyword( { keyword: 'uniqueKeys' } );
	ajv.addKeyword( { keyword: 'kind' } );
	return ajv;
}

/**
 * The demo policy with the fields at the case's JSON pointers set.
 *
 * @param set JSON pointer to value.
 */
function documentWith( set: Record< string, unknown > ): unknown {
	const document = JSON.parse( JSON.stringify( demo ) );
	for ( const [ pointer, value ] of Object.entries( set ) ) {
		const keys = pointer.split( '/' ).slice( 1 );
		const last = keys.pop()!;
		let node = document as Record< string, unknown >;
		for ( const key of keys ) {
			node = node[ key ] as Record< string, unknown >;
		}
		node[ last ] = value;
	}
	return document;
}

describe( 'schema/policy.schema.json', () => {
	it( 'is valid against the draft-04 meta-schema it declares', () => {
		expect( schema.$schema ).toBe(
			'http://json-schema.org/draft-04/schema#'
		);
		const ajv = standardValidator();
		expect( ajv.validateSchema( schema ) ).toBe( true );
		expect( ajv.errors ).toBeNull();
		// Strict mode refuses any keyword draft-04 does not have, such as a later draft's "$id".
		expect( () => ajv.compile( schema ) ).not.toThrow();
	} );

	it( 'is the fixture’s base document', () => {
		expect( fixture.base ).toBe( 'demo/regioingenieur.policy.json' );
	} );

	it( 'says why, wherever a standard validator cannot give the plugin’s verdict', () => {
		const differing = ( fixture.cases as Case[] ).filter(
			( c ) => c.standard !== undefined && c.standard !== c.valid
		);
		expect( differing.map( ( c ) => c.name ) ).toEqual( [
			'two measures with the same id',
			'a parent that is no processor',
			'a translation of a measure the document does not have',
			'a translation into the texts’ own language',
		] );
		expect( differing.every( ( c ) => !! c.why ) ).toBe( true );
	} );

	const validate = standardValidator().compile( schema );
	it.each( ( fixture.cases as Case[] ).map( ( c ) => [ c.name, c ] ) )(
		'gives the plugin’s verdict, or says why not: %s',
		( _name, c ) => {
			const expected = c.standard ?? c.valid;
			const verdict = validate( documentWith( c.set ) );
			expect( {
				verdict,
				errors: verdict ? null : validate.errors,
			} ).toEqual( expect.objectContaining( { verdict: expected } ) );
		}
	);
} );

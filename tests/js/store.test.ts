/**
 * Internal dependencies
 */
import * as actions from '../../src/store/actions';
import { initialState, reducer, type State } from '../../src/store/reducer';
import * as selectors from '../../src/store/selectors';
import demo from '../../demo/regioingenieur.policy.json';
import type { Policy } from '../../src/policy/types';
import { newProcessor } from '../../src/policy/entries';

const policy = demo as Policy;
const loaded = (): State =>
	reducer( initialState, actions.receivePolicy( policy, 4 ) );

describe( 'policy editor store', () => {
	it( 'receives the stored policy as a clean draft at its revision', () => {
		const state = loaded();
		expect( selectors.getDraft( state ) ).toBe( policy );
		expect( selectors.getRevision( state ) ).toBe( 4 );
		expect( selectors.isDirty( state ) ).toBe( false );
	} );

	it( 'edits a processor field and marks the draft dirty', () => {
		const state = reducer(
			loaded(),
			actions.editEntry( 'processors', 1, { transferBasis: 'dpf' } )
		);
		expect( state.draft?.processors[ 1 ]?.transferBasis ).toBe( 'dpf' );
		expect( state.draft?.processors[ 0 ] ).toBe( policy.processors[ 0 ] );
		expect( selectors.isDirty( state ) ).toBe( true );
	} );

	it( 'maps the server’s errors onto their fields', () => {
		const state = reducer(
			loaded(),
			actions.saveRejected( [
				{
					path: 'processors[1].country',
					code: 'rest_not_in_enum',
					message: 'bad country',
				},
				{
					path: 'organization.email',
					code: 'rest_invalid_email',
					message: 'bad e-mail',
				},
			] )
		);
		expect(
			selectors.getFieldError( state, 'processors[1].country' )
		).toBe( 'bad country' );
		expect( selectors.getFieldError( state, 'organization.email' ) ).toBe(
			'bad e-mail'
		);
		expect( selectors.hasErrorsUnder( state, 'processors[1]' ) ).toBe(
			true
		);
		expect( selectors.hasErrorsUnder( state, 'processors[0]' ) ).toBe(
			false
		);
		expect( selectors.isSaving( state ) ).toBe( false );
	} );

	it( 'clears a field’s error when the admin edits that field, and only that one', () => {
		let state = reducer(
			loaded(),
			actions.saveRejected( [
				{
					path: 'processors[1].country',
					code: 'c',
					message: 'bad country',
				},
				{ path: 'processors[1].host', code: 'c', message: 'bad host' },
			] )
		);
		state = reducer(
			state,
			actions.editEntry( 'processors', 1, { country: 'IE' } )
		);
		expect(
			selectors.getFieldError( state, 'processors[1].country' )
		).toBeUndefined();
		expect( selectors.getFieldError( state, 'processors[1].host' ) ).toBe(
			'bad host'
		);
	} );

	it( 'clears a list’s errors when its entries move, since their paths no longer fit', () => {
		let state = reducer(
			loaded(),
			actions.saveRejected( [
				{ path: 'processors[1].host', code: 'c', message: 'bad host' },
				{
					path: 'organization.email',
					code: 'c',
					message: 'bad e-mail',
				},
			] )
		);
		state = reducer( state, actions.moveEntry( 'processors', 1, 0 ) );
		expect( selectors.getErrors( state ) ).toEqual( {
			'organization.email': 'bad e-mail',
		} );
		expect( state.draft?.processors.map( ( p ) => p.id ) ).toEqual( [
			'mailchimp',
			'make-it-workpress',
			'google-analytics',
		] );
	} );

	it( 'adds, duplicates right after the original, and removes entries', () => {
		let state = reducer(
			loaded(),
			actions.duplicateEntry( 'measures', 0, 'werkproces-2' )
		);
		expect(
			state.draft?.measures.slice( 0, 2 ).map( ( m ) => m.id )
		).toEqual( [ 'werkproces', 'werkproces-2' ] );
		expect( state.draft?.measures[ 1 ]?.title ).toBe(
			policy.measures[ 0 ]?.title
		);
		state = reducer( state, actions.removeEntry( 'measures', 0 ) );
		expect( state.draft?.measures[ 0 ]?.id ).toBe( 'werkproces-2' );
		state = reducer(
			state,
			actions.addEntry( 'measures', {
				id: 'new',
				category: 'technical',
				title: 'New',
				description: '',
			} )
		);
		expect( state.draft?.measures.at( -1 )?.id ).toBe( 'new' );
	} );

	it( 'keeps a translation’s texts by entry id, dropping what is emptied', () => {
		let state = reducer(
			loaded(),
			actions.editTranslation( 'en', 'measures', 'werkproces', {
				title: 'Work process',
			} )
		);
		expect( state.draft?.translations ).toEqual( {
			en: { measures: [ { id: 'werkproces', title: 'Work process' } ] },
		} );
		expect( selectors.isDirty( state ) ).toBe( true );
		state = reducer(
			state,
			actions.editTranslation( 'en', 'measures', 'werkproces', {
				description: 'How we work.',
			} )
		);
		expect( state.draft?.translations?.en?.measures ).toEqual( [
			{
				id: 'werkproces',
				title: 'Work process',
				description: 'How we work.',
			},
		] );
		state = reducer(
			state,
			actions.editTranslation( 'en', 'measures', 'werkproces', {
				title: '',
				description: '',
			} )
		);
		expect( state.draft?.translations ).toEqual( { en: {} } );
		state = reducer( state, actions.removeTranslation( 'en' ) );
		expect( state.draft?.translations ).toEqual( {} );
	} );

	it( 'takes a translation along when its entry’s id changes, and drops it when the entry goes', () => {
		let state = reducer(
			loaded(),
			actions.editTranslation( 'en', 'processors', 'mailchimp', {
				role: 'Newsletter',
			} )
		);
		state = reducer( state, actions.addTranslation( 'de' ) );
		state = reducer(
			state,
			actions.editEntry( 'processors', 1, { id: 'mailchimp-eu' } )
		);
		expect( state.draft?.translations?.en?.processors ).toEqual( [
			{ id: 'mailchimp-eu', role: 'Newsletter' },
		] );
		expect( state.draft?.translations?.de ).toEqual( {} );
		state = reducer( state, actions.removeEntry( 'processors', 1 ) );
		expect( state.draft?.translations?.en?.processors ).toEqual( [] );
	} );

	it( 'keeps each entry’s translation its own while an id being typed passes through another’s', () => {
		let state = reducer(
			loaded(),
			actions.editTranslation( 'en', 'processors', 'mailchimp', {
				role: 'Newsletter',
			} )
		);
		state = reducer(
			state,
			actions.editTranslation( 'en', 'processors', 'google-analytics', {
				role: 'Statistics',
			} )
		);
		// Retyping Google Analytics's id as mailchimp-eu passes through mailchimp.
		for ( const id of [ 'mailchimp', 'mailchimp-', 'mailchimp-eu' ] ) {
			state = reducer(
				state,
				actions.editEntry( 'processors', 2, { id } )
			);
		}
		expect( state.draft?.translations?.en?.processors ).toEqual( [
			{ id: 'mailchimp', role: 'Newsletter' },
			{ id: 'mailchimp-eu', role: 'Statistics' },
		] );
	} );

	it( 'ignores a move past either end', () => {
		const state = loaded();
		expect(
			reducer( state, actions.moveEntry( 'processors', 0, -1 ) )
		).toBe( state );
		expect(
			reducer( state, actions.moveEntry( 'processors', 2, 3 ) )
		).toBe( state );
	} );

	it( 'keeps the draft on a conflict, and overwrites knowingly only after the admin chooses to', () => {
		let state = reducer(
			loaded(),
			actions.editOrganization( { name: 'Mine' } )
		);
		state = reducer( state, actions.startSave() );
		state = reducer( state, actions.saveConflicted( 7 ) );
		expect( selectors.getConflictRevision( state ) ).toBe( 7 );
		expect( state.draft?.organization.name ).toBe( 'Mine' );
		expect( selectors.getRevision( state ) ).toBe( 4 );
		state = reducer( state, actions.keepMyEdits() );
		expect( selectors.getRevision( state ) ).toBe( 7 );
		expect( selectors.getConflictRevision( state ) ).toBeNull();
		expect( state.draft?.organization.name ).toBe( 'Mine' );
	} );

	it( 'keeps sub-processors with their processor when its id follows its name, and frees them when it goes', () => {
		let state = reducer(
			loaded(),
			actions.addEntry(
				'processors',
				newProcessor(
					policy.processors.map( ( p ) => p.id ),
					'NL'
				)
			)
		);
		const added = state.draft!.processors.length - 1;
		state = reducer(
			state,
			actions.editEntry( 'processors', 2, { parentId: 'processor' } )
		);
		state = reducer(
			state,
			actions.editEntry( 'processors', added, { name: 'TransIP' } )
		);
		expect( state.draft!.processors[ 2 ]!.parentId ).toBe( 'transip' );
		state = reducer( state, actions.removeEntry( 'processors', added ) );
		expect( state.draft!.processors[ 2 ]!.parentId ).toBe( '' );
		expect( state.draft!.processors[ 1 ]!.parentId ).toBeUndefined();
	} );

	it( 'gives a new entry the id its name makes, and keeps a saved entry’s id whatever its name', () => {
		let state = reducer(
			loaded(),
			actions.addEntry(
				'processors',
				newProcessor(
					policy.processors.map( ( p ) => p.id ),
					'NL'
				)
			)
		);
		const added = state.draft!.processors.length - 1;
		expect( state.draft!.processors[ added ]!.id ).toBe( 'processor' );
		state = reducer(
			state,
			actions.editEntry( 'processors', added, { name: 'TransIP B.V.' } )
		);
		expect( state.draft!.processors[ added ]!.id ).toBe( 'transip-b-v' );
		// A name another entry's id already has gets a number.
		state = reducer(
			state,
			actions.editEntry( 'processors', added, { name: 'Mailchimp' } )
		);
		expect( state.draft!.processors[ added ]!.id ).toBe( 'mailchimp-2' );
		// Once saved, the id stays: blocks and the register name it.
		state = reducer( state, actions.startSave() );
		state = reducer(
			state,
			actions.saveSucceeded( state.draft!, state.draft!, 2 )
		);
		state = reducer(
			state,
			actions.editEntry( 'processors', added, { name: 'Mailchimp EU' } )
		);
		expect( state.draft!.processors[ added ]!.id ).toBe( 'mailchimp-2' );
		// So does a loaded entry's, and a new entry's id the admin typed.
		state = reducer(
			state,
			actions.addEntry(
				'processors',
				newProcessor(
					state.draft!.processors.map( ( p ) => p.id ),
					'NL'
				)
			)
		);
		const typed = state.draft!.processors.length - 1;
		state = reducer(
			state,
			actions.editEntry( 'processors', typed, { id: 'nieuwsbrief' } )
		);
		state = reducer(
			state,
			actions.editEntry( 'processors', typed, { name: 'Brevo' } )
		);
		expect( state.draft!.processors[ typed ]!.id ).toBe( 'nieuwsbrief' );
		state = reducer(
			state,
			actions.editEntry( 'processors', 1, { name: 'Intuit Mailchimp' } )
		);
		expect( state.draft!.processors[ 1 ]!.id ).toBe( 'mailchimp' );
	} );
} );

/**
 * Internal dependencies
 */
import type { Action } from './actions';
import type {
	EntryList,
	Policy,
	Processor,
	TranslatedTexts,
	Translation,
} from '../policy/types';
import { errorSubject } from '../policy/errors';
import { pathOf } from '../policy/paths';
import { uniqueId } from '../policy/entries';

export interface State {
	/** The revision the draft's edits start from; after a conflict the admin chose to overwrite, the stored one. */
	revision: number | null;
	/** The policy as the admin is editing it. */
	draft: Policy | null;
	dirty: boolean;
	saving: boolean;
	/** Server errors by JSON path; the key '' holds problems without a field. */
	errors: Record< string, string >;
	/** What each error is about, in words (errorSubject()), by JSON path. */
	errorSubjects: Record< string, string >;
	/** Set when a save met a newer stored revision, until the admin chooses what to keep. */
	conflictRevision: number | null;
	/**
	 * A stable key for each entry, in the lists' order: entries move, and their ids are editable,
	 * so neither position nor id can tell the interface which entry is which.
	 */
	keys: Record< EntryList, number[] >;
	nextKey: number;
	/**
	 * Entries whose key is this or higher were added since the last load or save: their id still
	 * follows their name, so that nobody has to invent one. A saved entry's id stays, whatever its
	 * name becomes, since blocks and the register name it.
	 */
	unsavedFrom: number;
	/** `nextKey` when the save in flight started: entries with a lower key are in what it sent. */
	savingFrom: number;
	/** Keys of new entries whose id the admin typed: their name no longer changes it. */
	idsTyped: number[];
	/** Counts refused saves, so the error summary takes focus once per refusal, not per edit. */
	rejections: number;
}

export const initialState: State = {
	revision: null,
	draft: null,
	dirty: false,
	saving: false,
	errors: {},
	errorSubjects: {},
	conflictRevision: null,
	keys: { measures: [], processors: [] },
	nextKey: 0,
	unsavedFrom: 0,
	savingFrom: 0,
	idsTyped: [],
	rejections: 0,
};

function freshKeys(
	policy: Policy
): Pick< State, 'keys' | 'nextKey' | 'unsavedFrom' | 'savingFrom' > {
	const measures = policy.measures.map( ( _entry, index ) => index );
	const processors = policy.processors.map(
		( _entry, index ) => measures.length + index
	);
	const nextKey = measures.length + processors.length;
	return {
		keys: { measures, processors },
		nextKey,
		unsavedFrom: nextKey,
		savingFrom: nextKey,
	};
}

/**
 * Points the sub-processors of one processor at another id ('' makes them the organisation's
 * own), replacing those entries in the list.
 *
 * @param processors The processors.
 * @param from       The id they name now.
 * @param to         The id they are to name.
 */
function followParent( processors: Processor[], from: string, to: string ) {
	processors.forEach( ( processor, index ) => {
		if ( from !== '' && processor.parentId === from ) {
			processors[ index ] = { ...processor, parentId: to };
		}
	} );
}

/**
 * The translations with one entry's texts following it to a new id, or dropped with it (`to`
 * null): a translation names its entries by id, and one naming an entry that is gone would be
 * refused on save. While the id being typed is another entry's (passing through `google` on the
 * way to `google-analytics`), its texts stay under the id they had, which then no entry has, and
 * follow it again once the id is its own.
 *
 * @param policy The draft, after the edit.
 * @param list   The entry's list.
 * @param index  The entry's position; -1 when it was removed.
 * @param from   Its id before the edit.
 * @param to     Its new id, or null when it is removed.
 */
function followTranslations(
	policy: Policy,
	list: EntryList,
	index: number,
	from: string,
	to: string | null
): Policy {
	if ( ! policy.translations || from === to ) {
		return policy;
	}
	const all = new Set( policy[ list ].map( ( entry ) => entry.id ) );
	const others = new Set(
		policy[ list ]
			.filter( ( _entry, at ) => at !== index )
			.map( ( entry ) => entry.id )
	);
	if ( to !== null && others.has( to ) ) {
		return policy;
	}
	const translations = Object.fromEntries(
		Object.entries( policy.translations ).map( ( [ language, texts ] ) => {
			const entries = texts[ list ] ?? [];
			let at = others.has( from )
				? -1
				: entries.findIndex( ( entry ) => entry.id === from );
			if ( at < 0 && to !== null && others.has( from ) ) {
				// Its texts, left under an id no entry has while it shared another's.
				at = entries.findIndex( ( entry ) => ! all.has( entry.id ) );
			}
			if ( at < 0 ) {
				return [ language, texts ];
			}
			const followed = [ ...entries ];
			if ( to === null ) {
				followed.splice( at, 1 );
			} else {
				followed[ at ] = { ...entries[ at ]!, id: to };
			}
			return [ language, { ...texts, [ list ]: followed } ];
		} )
	);
	return { ...policy, translations };
}

/**
 * A translation with one entry's texts changed: an empty text is no translation, and an entry
 * without texts is left out, as is a list without entries.
 *
 * @param translation The translation.
 * @param list        The entry's list.
 * @param id          The entry's id.
 * @param patch       Texts to set.
 */
function withTranslatedTexts(
	translation: Translation,
	list: EntryList,
	id: string,
	patch: TranslatedTexts
): Translation {
	const entries = [ ...( translation[ list ] ?? [] ) ] as Array<
		Record< string, unknown > & { id: string }
	>;
	const index = entries.findIndex( ( entry ) => entry.id === id );
	const entry: Record< string, unknown > & { id: string } = {
		...( entries[ index ] ?? { id } ),
		...patch,
	};
	for ( const [ field, text ] of Object.entries( patch ) ) {
		if (
			text === undefined ||
			text === '' ||
			( Array.isArray( text ) && text.length === 0 )
		) {
			delete entry[ field ];
		}
	}
	const hasTexts = Object.keys( entry ).length > 1;
	if ( index < 0 && hasTexts ) {
		entries.push( entry );
	} else if ( index >= 0 && hasTexts ) {
		entries[ index ] = entry;
	} else if ( index >= 0 ) {
		entries.splice( index, 1 );
	}
	const result: Record< string, unknown > = { ...translation };
	if ( entries.length > 0 ) {
		result[ list ] = entries;
	} else {
		delete result[ list ];
	}
	return result as Translation;
}

/**
 * A new entry's patch with the id its name gives: a processor's by its name, a measure's by its
 * title, unique in its list.
 *
 * @param state The state before the edit.
 * @param list  The entry's list.
 * @param index Its position.
 * @param patch The edit.
 */
function withIdFromName(
	state: State,
	list: EntryList,
	index: number,
	patch: Record< string, unknown >
): Record< string, unknown > {
	const named = list === 'processors' ? patch.name : patch.title;
	const key = state.keys[ list ][ index ];
	if (
		typeof named !== 'string' ||
		'id' in patch ||
		key === undefined ||
		key < state.unsavedFrom ||
		state.idsTyped.includes( key )
	) {
		return patch;
	}
	const others = state
		.draft![ list ].filter( ( _entry, other ) => other !== index )
		.map( ( entry ) => entry.id );
	return {
		...patch,
		id: uniqueId(
			named || ( list === 'processors' ? 'processor' : 'measure' ),
			others
		),
	};
}

function withKeys(
	state: State,
	list: EntryList,
	keys: number[],
	nextKey = state.nextKey
): State {
	return { ...state, keys: { ...state.keys, [ list ]: keys }, nextKey };
}

function withoutErrorsUnder(
	errors: Record< string, string >,
	prefixes: string[]
): Record< string, string > {
	return Object.fromEntries(
		Object.entries( errors ).filter(
			( [ path ] ) =>
				! prefixes.some(
					( prefix ) =>
						path === prefix ||
						path.startsWith( prefix + '.' ) ||
						path.startsWith( prefix + '[' )
				)
		)
	);
}

function withList(
	draft: Policy,
	list: EntryList,
	entries: Policy[ EntryList ]
): Policy {
	return { ...draft, [ list ]: entries };
}

function edited( state: State, draft: Policy, cleared: string[] ): State {
	return {
		...state,
		draft,
		dirty: true,
		errors: withoutErrorsUnder( state.errors, cleared ),
	};
}

/**
 * The editor's state. Edits clear the server's errors of the fields they touch; adding, moving
 * or removing entries clears the errors of that list, whose paths no longer point where they did.
 *
 * @param state  Current state.
 * @param action Dispatched action.
 */
export function reducer( state: State = initialState, action: Action ): State {
	const draft = state.draft;
	switch ( action.type ) {
		case 'RECEIVE_POLICY':
			return {
				...initialState,
				...freshKeys( action.policy ),
				draft: action.policy,
				revision: action.revision,
			};
		case 'START_SAVE':
			return { ...state, saving: true, savingFrom: state.nextKey };
		case 'SAVE_SUCCEEDED':
			// The server returns what it was sent; if the admin kept typing, keep their draft.
			return state.draft === action.sent
				? {
						...state,
						draft: action.policy,
						revision: action.revision,
						dirty: false,
						saving: false,
						errors: {},
						conflictRevision: null,
						unsavedFrom: state.savingFrom,
					}
				: {
						...state,
						revision: action.revision,
						saving: false,
						errors: {},
						conflictRevision: null,
						// What was sent is stored now; its entries' ids are fixed.
						unsavedFrom: state.savingFrom,
					};
		case 'SAVE_REJECTED':
			return {
				...state,
				saving: false,
				rejections: state.rejections + 1,
				errors: Object.fromEntries(
					action.errors.map( ( error ) => [
						error.path,
						error.message,
					] )
				),
				errorSubjects: Object.fromEntries(
					action.errors.map( ( error ) => [
						error.path,
						errorSubject( error ),
					] )
				),
			};
		case 'SAVE_CONFLICTED':
			return {
				...state,
				saving: false,
				conflictRevision: action.revision,
			};
		case 'SAVE_FAILED':
		case 'SAVE_CANCELLED':
			return { ...state, saving: false };
		case 'KEEP_MY_EDITS':
			return state.conflictRevision === null
				? state
				: {
						...state,
						revision: state.conflictRevision,
						conflictRevision: null,
					};
	}
	if ( ! draft ) {
		return state;
	}
	switch ( action.type ) {
		case 'EDIT_ORGANIZATION':
			return edited(
				state,
				{
					...draft,
					organization: { ...draft.organization, ...action.patch },
				},
				Object.keys( action.patch ).map( ( key ) =>
					pathOf( 'organization', key )
				)
			);
		case 'EDIT_SITE':
			return edited(
				state,
				{ ...draft, site: { ...draft.site, ...action.patch } },
				Object.keys( action.patch ).map( ( key ) =>
					pathOf( 'site', key )
				)
			);
		case 'EDIT_ENTRY': {
			const entries = [ ...draft[ action.list ] ];
			const entry = entries[ action.index ];
			if ( ! entry ) {
				return state;
			}
			const patch = withIdFromName(
				state,
				action.list,
				action.index,
				action.patch
			);
			const entryKey = state.keys[ action.list ][ action.index ];
			const typed =
				'id' in action.patch && entryKey !== undefined
					? { ...state, idsTyped: [ ...state.idsTyped, entryKey ] }
					: state;
			entries[ action.index ] = { ...entry, ...patch };
			if (
				action.list === 'processors' &&
				typeof patch.id === 'string' &&
				patch.id !== entry.id
			) {
				// Its sub-processors follow it to its new id.
				followParent( entries as Processor[], entry.id, patch.id );
			}
			return edited(
				typed,
				followTranslations(
					withList(
						draft,
						action.list,
						entries as Policy[ EntryList ]
					),
					action.list,
					action.index,
					entry.id,
					typeof patch.id === 'string' ? patch.id : entry.id
				),
				Object.keys( patch ).map( ( key ) =>
					pathOf( action.list, action.index, key )
				)
			);
		}
		case 'ADD_ENTRY':
			return edited(
				withKeys(
					state,
					action.list,
					[ ...state.keys[ action.list ], state.nextKey ],
					state.nextKey + 1
				),
				withList( draft, action.list, [
					...draft[ action.list ],
					action.entry,
				] as Policy[ EntryList ] ),
				[ action.list ]
			);
		case 'DUPLICATE_ENTRY': {
			const entries = [ ...draft[ action.list ] ];
			const entry = entries[ action.index ];
			if ( ! entry ) {
				return state;
			}
			entries.splice( action.index + 1, 0, { ...entry, id: action.id } );
			const keys = [ ...state.keys[ action.list ] ];
			keys.splice( action.index + 1, 0, state.nextKey );
			return edited(
				withKeys( state, action.list, keys, state.nextKey + 1 ),
				withList( draft, action.list, entries as Policy[ EntryList ] ),
				[ action.list ]
			);
		}
		case 'MOVE_ENTRY': {
			const entries = [ ...draft[ action.list ] ];
			if ( action.to < 0 || action.to >= entries.length ) {
				return state;
			}
			const [ entry ] = entries.splice( action.from, 1 );
			if ( ! entry ) {
				return state;
			}
			entries.splice( action.to, 0, entry );
			const keys = [ ...state.keys[ action.list ] ];
			const [ key ] = keys.splice( action.from, 1 );
			keys.splice( action.to, 0, key ?? state.nextKey );
			return edited(
				withKeys( state, action.list, keys ),
				withList( draft, action.list, entries as Policy[ EntryList ] ),
				[ action.list ]
			);
		}
		case 'REMOVE_ENTRY': {
			const kept = draft[ action.list ].filter(
				( _entry, index ) => index !== action.index
			);
			const removed = draft[ action.list ][ action.index ];
			if ( action.list === 'processors' && removed ) {
				// Its sub-processors become the organisation's own, not children of nothing.
				followParent( kept as Processor[], removed.id, '' );
			}
			return edited(
				withKeys(
					state,
					action.list,
					state.keys[ action.list ].filter(
						( _key, index ) => index !== action.index
					)
				),
				followTranslations(
					withList( draft, action.list, kept as Policy[ EntryList ] ),
					action.list,
					-1,
					removed?.id ?? '',
					null
				),
				[ action.list, 'translations' ]
			);
		}
		case 'EDIT_TRANSLATION': {
			const translations = { ...( draft.translations ?? {} ) };
			translations[ action.language ] = withTranslatedTexts(
				translations[ action.language ] ?? {},
				action.list,
				action.id,
				action.patch
			);
			return edited( state, { ...draft, translations }, [
				`translations.${ action.language }`,
			] );
		}
		case 'ADD_TRANSLATION':
			return draft.translations?.[ action.language ]
				? state
				: edited(
						state,
						{
							...draft,
							translations: {
								...( draft.translations ?? {} ),
								[ action.language ]: {},
							},
						},
						[]
					);
		case 'REMOVE_TRANSLATION': {
			const translations = { ...( draft.translations ?? {} ) };
			delete translations[ action.language ];
			return edited( state, { ...draft, translations }, [
				`translations.${ action.language }`,
			] );
		}
	}
	return state;
}

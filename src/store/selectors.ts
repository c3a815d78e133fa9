/**
 * Internal dependencies
 */
import type { EntryList } from '../policy/types';
import type { State } from './reducer';

export const getDraft = ( state: State ) => state.draft;

export const getRevision = ( state: State ) => state.revision;

export const isDirty = ( state: State ) => state.dirty;

export const isSaving = ( state: State ) => state.saving;

export const getConflictRevision = ( state: State ) => state.conflictRevision;

/**
 * The server's message for one field, if it rejected that field.
 *
 * @param state Store state.
 * @param path  JSON path, e.g. `processors[2].country`.
 */
export const getFieldError = ( state: State, path: string ) =>
	state.errors[ path ];

export const getErrors = ( state: State ) => state.errors;

/**
 * How many saves the server refused so far: changes once per refusal, never on an edit.
 *
 * @param state Store state.
 */
export const getRejections = ( state: State ) => state.rejections;

/**
 * What each error is about, in words (“Mailchimp: Host name for the TLS check”), by JSON path.
 *
 * @param state Store state.
 */
export const getErrorSubjects = ( state: State ) => state.errorSubjects;

/**
 * The stable key of each entry of a list, in order.
 *
 * @param state Store state.
 * @param list  `measures` or `processors`.
 */
export const getEntryKeys = ( state: State, list: EntryList ) =>
	state.keys[ list ];

/**
 * Whether any field under a path (an entry, say) has an error.
 *
 * @param state  Store state.
 * @param prefix JSON path of the entry, e.g. `processors[2]`.
 */
export const hasErrorsUnder = ( state: State, prefix: string ) =>
	Object.keys( state.errors ).some(
		( path ) =>
			path === prefix ||
			path.startsWith( prefix + '.' ) ||
			path.startsWith( prefix + '[' )
	);

/**
 * The key the next added or duplicated entry will get.
 *
 * @param state Store state.
 */
export const getNextKey = ( state: State ) => state.nextKey;

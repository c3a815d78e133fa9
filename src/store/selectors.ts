/**
 * Internal dependencies
 */
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

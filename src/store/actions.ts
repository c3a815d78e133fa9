/**
 * Internal dependencies
 */
import type {
	EntryList,
	EntryOf,
	FieldError,
	Organization,
	Policy,
	Site,
	TranslatedTexts,
} from '../policy/types';

/**
 * The server's policy arrived (first load, reload, save or import): it becomes the base and the
 * draft, and all edits and errors start afresh.
 *
 * @param policy   The stored document.
 * @param revision Its revision.
 */
export function receivePolicy( policy: Policy, revision: number ) {
	return { type: 'RECEIVE_POLICY' as const, policy, revision };
}

/**
 * @param patch Organisation fields to change.
 */
export function editOrganization( patch: Partial< Organization > ) {
	return { type: 'EDIT_ORGANIZATION' as const, patch };
}

/**
 * @param patch Site fields to change.
 */
export function editSite( patch: Partial< Site > ) {
	return { type: 'EDIT_SITE' as const, patch };
}

/**
 * @param list  `measures` or `processors`.
 * @param index The entry's position.
 * @param patch Fields to change.
 */
export function editEntry< L extends EntryList >(
	list: L,
	index: number,
	patch: Partial< EntryOf< L > >
) {
	return { type: 'EDIT_ENTRY' as const, list, index, patch };
}

/**
 * @param list  `measures` or `processors`.
 * @param entry The new entry, added at the end.
 */
export function addEntry< L extends EntryList >(
	list: L,
	entry: EntryOf< L >
) {
	return { type: 'ADD_ENTRY' as const, list, entry };
}

/**
 * @param list  `measures` or `processors`.
 * @param index The entry to copy; the copy goes right after it.
 * @param id    The copy's id.
 */
export function duplicateEntry( list: EntryList, index: number, id: string ) {
	return { type: 'DUPLICATE_ENTRY' as const, list, index, id };
}

/**
 * @param list `measures` or `processors`.
 * @param from The entry's position.
 * @param to   Its new position.
 */
export function moveEntry( list: EntryList, from: number, to: number ) {
	return { type: 'MOVE_ENTRY' as const, list, from, to };
}

/**
 * @param list  `measures` or `processors`.
 * @param index The entry to remove.
 */
export function removeEntry( list: EntryList, index: number ) {
	return { type: 'REMOVE_ENTRY' as const, list, index };
}

/**
 * Changes the translation of one entry's texts: a text set to '' (or an empty list) is no
 * translation any more, and an entry left with no text leaves the translation.
 *
 * @param language The translation's language.
 * @param list     `measures` or `processors`.
 * @param id       The entry's id.
 * @param patch    Translated texts to set.
 */
export function editTranslation(
	language: string,
	list: EntryList,
	id: string,
	patch: TranslatedTexts
) {
	return {
		type: 'EDIT_TRANSLATION' as const,
		language,
		list,
		id,
		patch,
	};
}

/**
 * Starts a translation into a language, with no text translated yet.
 *
 * @param language The language.
 */
export function addTranslation( language: string ) {
	return { type: 'ADD_TRANSLATION' as const, language };
}

/**
 * Removes the translation into a language, with all its texts.
 *
 * @param language The language.
 */
export function removeTranslation( language: string ) {
	return { type: 'REMOVE_TRANSLATION' as const, language };
}

export function startSave() {
	return { type: 'START_SAVE' as const };
}

/**
 * The server saved `sent`. Edits made while the request was on its way stay in the draft, which
 * then stays dirty; otherwise the saved policy becomes the clean draft.
 *
 * @param sent     The draft that was sent.
 * @param policy   The policy as saved.
 * @param revision Its new revision.
 */
export function saveSucceeded(
	sent: Policy,
	policy: Policy,
	revision: number
) {
	return { type: 'SAVE_SUCCEEDED' as const, sent, policy, revision };
}

/**
 * @param errors Every bad field the server named, or problems without a field.
 */
export function saveRejected( errors: FieldError[] ) {
	return { type: 'SAVE_REJECTED' as const, errors };
}

/**
 * Someone else saved: the admin must choose between their edits and the stored policy.
 *
 * @param revision The revision now stored.
 */
export function saveConflicted( revision: number ) {
	return { type: 'SAVE_CONFLICTED' as const, revision };
}

export function saveFailed() {
	return { type: 'SAVE_FAILED' as const };
}

/**
 * The admin chose not to save after all (the save would have e-mailed subscribers).
 */
export function saveCancelled() {
	return { type: 'SAVE_CANCELLED' as const };
}

/**
 * The admin chose to keep their edits after a conflict: the next save overwrites the stored
 * revision knowingly.
 */
export function keepMyEdits() {
	return { type: 'KEEP_MY_EDITS' as const };
}

export type Action = ReturnType<
	| typeof receivePolicy
	| typeof editOrganization
	| typeof editSite
	| typeof editEntry
	| typeof addEntry
	| typeof duplicateEntry
	| typeof moveEntry
	| typeof removeEntry
	| typeof editTranslation
	| typeof addTranslation
	| typeof removeTranslation
	| typeof startSave
	| typeof saveSucceeded
	| typeof saveRejected
	| typeof saveConflicted
	| typeof saveFailed
	| typeof saveCancelled
	| typeof keepMyEdits
>;

/**
 * WordPress dependencies
 */
import { useDispatch, useSelect } from '@wordpress/data';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	fetchPolicy,
	previewSave,
	savePolicy,
	toApiError,
	type ChangeAnnotation,
	type NoticeEmail,
	type SaveResponse,
} from '../api';
import type { Policy } from '../policy/types';
import { store } from '../store';

export interface PageNotice {
	status: 'success' | 'error' | 'warning' | 'info';
	message: string;
}

/**
 * The notice after a successful save: a warning when the change log could not record it, and a
 * word when a note was written for a save that changed nothing (so no entry holds it).
 *
 * @param response The server's answer.
 * @param change   The note and flag sent with the save.
 */
function savedNotice(
	response: SaveResponse,
	change: ChangeAnnotation
): PageNotice {
	if ( response.warnings?.length ) {
		return { status: 'warning', message: response.warnings.join( ' ' ) };
	}
	if ( response.changeId === null && change.changeNote ) {
		return {
			status: 'info',
			message: __(
				'The policy was saved. Nothing in it changed, so the change log has no new entry for your note.',
				'infosec-policy'
			),
		};
	}
	return {
		status: 'success',
		message: __( 'The policy was saved.', 'infosec-policy' ),
	};
}

/** What one save sends: the draft as it was when Save was pressed, and its note. */
interface SaveRequest {
	draft: Policy;
	revision: number;
	change: ChangeAnnotation;
}

/**
 * A save that waits for the admin's word, because it would e-mail subscribers: exactly what the
 * preview was made of, so that what is saved is what the e-mail shown says, whatever was typed
 * while the preview was on its way.
 */
export interface PendingNotice {
	recipients: number;
	email: NoticeEmail;
	request: SaveRequest;
}

/**
 * Loading and saving the policy, with the notices the admin sees about it. A 400 maps the
 * server's errors onto the fields; a 409 keeps the draft and asks the admin what to keep.
 *
 * A save first asks the server what it would do (POST /policy/preview): refused there as it would
 * be, it goes no further; when it would e-mail subscribers, it waits in `pendingNotice` until the
 * admin confirms (`confirmSave`) or not (`cancelSave`), having seen how many and the e-mail.
 */
export function usePolicyEditor() {
	const {
		receivePolicy,
		startSave,
		saveSucceeded,
		saveRejected,
		saveConflicted,
		saveFailed,
		saveCancelled,
	} = useDispatch( store );
	const { draft, revision, dirty } = useSelect( ( select ) => {
		const s = select( store );
		return {
			draft: s.getDraft(),
			revision: s.getRevision(),
			dirty: s.isDirty(),
		};
	}, [] );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ loadError, setLoadError ] = useState< string | null >( null );
	// The note and flag for the change log go with the next save only.
	const [ change, setChange ] = useState< ChangeAnnotation >( {} );
	const [ pendingNotice, setPendingNotice ] =
		useState< PendingNotice | null >( null );

	const load = useCallback( async () => {
		try {
			const response = await fetchPolicy();
			receivePolicy( response.policy, response.revision );
			setLoadError( null );
		} catch ( error ) {
			setLoadError( toApiError( error ).message );
		}
	}, [ receivePolicy ] );

	useEffect( () => {
		load();
	}, [ load ] );

	// A note belongs to the edits it describes: once they are saved or undone, it goes too.
	useEffect( () => {
		if ( ! dirty ) {
			setChange( {} );
		}
	}, [ dirty ] );

	// Leaving with unsaved edits asks first.
	useEffect( () => {
		if ( ! dirty ) {
			return;
		}
		const warn = ( event: BeforeUnloadEvent ) => {
			event.preventDefault();
			event.returnValue = '';
		};
		window.addEventListener( 'beforeunload', warn );
		return () => window.removeEventListener( 'beforeunload', warn );
	}, [ dirty ] );

	const refused = useCallback(
		( caught: unknown ) => {
			const error = toApiError( caught );
			if (
				error.code === 'infosec_policy_conflict' &&
				error.revision !== undefined
			) {
				saveConflicted( error.revision );
			} else if ( error.status === 400 ) {
				const errors = error.errors.length
					? error.errors
					: [
							{
								path: '',
								code: error.code,
								message: error.message,
							},
						];
				saveRejected( errors );
				setNotice( {
					status: 'error',
					message: sprintf(
						/* translators: %d: number of problems. */
						_n(
							'The policy was not saved: %d problem needs your attention.',
							'The policy was not saved: %d problems need your attention.',
							errors.length,
							'infosec-policy'
						),
						errors.length
					),
				} );
			} else {
				saveFailed();
				setNotice( {
					status: 'error',
					message: sprintf(
						/* translators: %s: the server's or the browser's message. */
						__( 'The policy was not saved: %s', 'infosec-policy' ),
						error.message ||
							__( 'the server did not answer.', 'infosec-policy' )
					),
				} );
			}
		},
		[ saveConflicted, saveRejected, saveFailed ]
	);

	const commit = useCallback(
		async ( {
			draft: sent,
			revision: from,
			change: note,
		}: SaveRequest ) => {
			try {
				const response = await savePolicy( sent, from, note );
				saveSucceeded( sent, response.policy, response.revision );
				setChange( {} );
				setNotice( savedNotice( response, note ) );
			} catch ( caught ) {
				refused( caught );
			}
		},
		[ saveSucceeded, refused ]
	);

	const save = useCallback( async () => {
		if ( ! draft || revision === null ) {
			return;
		}
		const request: SaveRequest = { draft, revision, change };
		startSave();
		setNotice( null );
		try {
			const preview = await previewSave( draft, revision, change );
			if ( preview.recipients > 0 && preview.email ) {
				setPendingNotice( {
					recipients: preview.recipients,
					email: preview.email,
					request,
				} );
				return;
			}
		} catch ( caught ) {
			refused( caught );
			return;
		}
		await commit( request );
	}, [ draft, revision, change, startSave, refused, commit ] );

	const confirmSave = useCallback( async () => {
		if ( ! pendingNotice ) {
			return;
		}
		setPendingNotice( null );
		await commit( pendingNotice.request );
	}, [ pendingNotice, commit ] );

	const cancelSave = useCallback( () => {
		setPendingNotice( null );
		saveCancelled();
	}, [ saveCancelled ] );

	return {
		load,
		save,
		pendingNotice,
		confirmSave,
		cancelSave,
		notice,
		setNotice,
		loadError,
		change,
		setChange,
	};
}

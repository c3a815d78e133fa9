/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	isObjection,
	isObjectionPage,
	type Objection,
	type ObjectionPage,
	type ObjectionStatus,
} from './objection-data';
import type { FieldError, Policy } from './policy/types';
import {
	isSubscriberPage,
	isSubscriberSummary,
	type SubscriberPage,
	type SubscriberSummary,
} from './subscriber-data';

const BASE = '/infosec-policy/v1';

export interface PolicyResponse {
	policy: Policy;
	revision: number;
}

/** What a save answers: the stored policy, and what the change log made of it. */
export interface SaveResponse extends PolicyResponse {
	/** The change log entry the save made; null when nothing changed. */
	changeId: number | null;
	/** Set when the policy was saved but something around it was not. */
	warnings?: string[];
}

interface EntryChange {
	id: string;
	label: string;
}

export interface ListChanges {
	added: EntryChange[];
	removed: EntryChange[];
	changed: Array< EntryChange & { fields: string[] } >;
	reordered: boolean;
}

export interface TranslationChanges {
	/** Languages translated into now, and no longer. */
	added: string[];
	removed: string[];
	/** Entries whose translated texts changed, in a language kept. */
	changed: Array<
		EntryChange & {
			language: string;
			list: 'processors' | 'measures';
			fields: string[];
		}
	>;
}

export interface PolicyChanges {
	processors: ListChanges;
	measures: ListChanges;
	organization: string[];
	site: string[];
	translations: TranslationChanges;
	hasChanges: boolean;
}

export interface ImportResponse extends Partial< NoticeForecast > {
	saved: boolean;
	/** The structural comparison with the stored policy, for scripts. */
	changes: PolicyChanges;
	/** What changes, in words, as the change log words it. */
	lines: string[];
	revision: number;
	policy?: Policy;
}

/** A compliance finding about the stored policy (GET /policy/findings). */
export interface Finding {
	rule: string;
	severity: 'error' | 'warning';
	path: string;
	subject: string;
	message: string;
	action: string;
}

/**
 * GET /policy/findings: what the compliance checks find in the stored policy.
 */
export async function fetchFindings(): Promise< Finding[] > {
	return (
		await apiFetch< { findings: Finding[] } >( {
			path: `${ BASE }/policy/findings`,
		} )
	).findings;
}

/** One host's stored TLS check, with what the policy declares (GET /tls). */
export interface TlsReport {
	host: string;
	status: string;
	issuerOrganization?: string;
	issuerCommonName?: string;
	validTo?: number;
	checkedAt?: number;
	protocol?: string;
	error?: string;
	stale?: boolean;
	declaredIssuer: string;
	issuerMismatch: boolean;
	/** The site's own host only: its HTTPS facts as visitors read them (the website facts block). */
	httpsSentences?: string[];
}

/**
 * GET /tls: the stored checks.
 */
export async function fetchTlsReport(): Promise< TlsReport[] > {
	return (
		await apiFetch< { results: TlsReport[] } >( { path: `${ BASE }/tls` } )
	).results;
}

/**
 * POST /tls/check: checks every host now (rate-limited by the server).
 */
export async function checkTlsNow(): Promise< TlsReport[] > {
	return (
		await apiFetch< { results: TlsReport[] } >( {
			path: `${ BASE }/tls/check`,
			method: 'POST',
		} )
	).results;
}

/** A failed request, as the REST API (or api-fetch, for network failures) reports it. */
export interface ApiError {
	code: string;
	message: string;
	status?: number;
	/** Every bad field of a 400 `rest_invalid_param`. */
	errors: FieldError[];
	/** The revision now stored, on a 409 `infosec_policy_conflict`. */
	revision?: number;
}

/**
 * GET /policy.
 */
export function fetchPolicy(): Promise< PolicyResponse > {
	return apiFetch< PolicyResponse >( { path: `${ BASE }/policy` } );
}

/**
 * PUT /policy: saves if `revision` is still the stored one.
 *
 * @param policy   The document.
 * @param revision The revision the admin's edits start from.
 * @param change   The note and flag for the change log.
 */
export function savePolicy(
	policy: Policy,
	revision: number,
	change: ChangeAnnotation = {}
): Promise< SaveResponse > {
	return apiFetch< SaveResponse >( {
		path: `${ BASE }/policy`,
		method: 'PUT',
		data: { policy, revision, ...change },
	} );
}

/** The notice e-mail a change would send, as most of its recipients read it. */
export interface NoticeEmail {
	/** The locale it is shown in. */
	locale: string;
	/** How many languages the recipients read. */
	languages: number;
	from: string;
	replyTo: string;
	subject: string;
	text: string;
}

/** Whom a change would be e-mailed to, and the e-mail. */
export interface NoticeForecast {
	/** Confirmed subscribers the change would be e-mailed to. */
	recipients: number;
	/** Null when it would be e-mailed to no one. */
	email: NoticeEmail | null;
}

export interface SavePreview extends NoticeForecast {
	/** What the save would change, in words. */
	lines: string[];
	revision: number;
}

/**
 * POST /policy/preview: what PUT /policy would change and whom it would e-mail. Refused as the
 * save would be (400 naming the fields, 409), writing nothing.
 *
 * @param policy   The document.
 * @param revision The revision the admin's edits start from.
 * @param change   The note and flag for the change log.
 */
export function previewSave(
	policy: Policy,
	revision: number,
	change: ChangeAnnotation = {}
): Promise< SavePreview > {
	return apiFetch< SavePreview >( {
		path: `${ BASE }/policy/preview`,
		method: 'POST',
		data: { policy, revision, ...change },
	} );
}

/** What the admin says about a save, for the change log. */
export interface ChangeAnnotation {
	/** A short public note. */
	changeNote?: string;
	/** Keep the change out of the published log and feed. */
	changeInternal?: boolean;
}

/** One entry of the change log, as GET /changes returns it. */
export interface ChangeEntry {
	id: number;
	revision: number;
	/** ISO 8601, UTC. */
	date: string;
	author: string;
	source: 'save' | 'import';
	/** The changes in words, in the admin's language. */
	lines: string[];
	note: string;
	internal: boolean;
}

/** A page of the change log, newest first. */
export interface ChangePage {
	entries: ChangeEntry[];
	total: number;
	pages: number;
}

/**
 * GET /changes: one page of the whole log, internal entries included.
 *
 * @param page    Page number, from 1.
 * @param perPage Entries per page.
 */
export function fetchChanges(
	page: number,
	perPage: number
): Promise< ChangePage > {
	return apiFetch< ChangePage >( {
		path: `${ BASE }/changes?page=${ page }&per_page=${ perPage }`,
	} );
}

/**
 * POST /changes/<id>: sets an entry's public note and internal flag.
 *
 * @param id       The entry.
 * @param note     The public note.
 * @param internal Whether it stays out of the published log.
 */
export function annotateChange(
	id: number,
	note: string,
	internal: boolean
): Promise< ChangeEntry > {
	return apiFetch< ChangeEntry >( {
		path: `${ BASE }/changes/${ id }`,
		method: 'POST',
		data: { note, internal },
	} );
}

/**
 * POST /policy/import: with `dryRun`, only the changes it would make.
 *
 * @param policy   The document read from the file.
 * @param revision The revision the preview was made against.
 * @param dryRun   Whether to leave the stored policy alone.
 * @param change
 */
export function importPolicy(
	policy: unknown,
	revision: number,
	dryRun: boolean,
	change: ChangeAnnotation = {}
): Promise< ImportResponse > {
	return apiFetch< ImportResponse >( {
		path: `${ BASE }/policy/import`,
		method: 'POST',
		data: { policy, revision, dryRun, ...change },
	} );
}

/**
 * GET /policy/export, as a file's contents.
 */
export async function exportPolicy(): Promise< Blob > {
	const response = await apiFetch< Response, false >( {
		path: `${ BASE }/policy/export`,
		parse: false,
	} );
	return response.blob();
}

/**
 * An answer that passed its check, or a rejection that toApiError() reads.
 *
 * @param value   What the server sent.
 * @param isValid The check of its shape.
 */
function checked< T >(
	value: unknown,
	isValid: ( candidate: unknown ) => candidate is T
): T {
	if ( ! isValid( value ) ) {
		throw {
			code: 'infosec_policy_unexpected_response',
			message: __(
				'The server answered in a way this page does not understand. Reload the page; if that does not help, update the plugin.',
				'infosec-policy'
			),
		};
	}
	return value;
}

/**
 * GET /subscribers: one page of every subscriber, newest first.
 *
 * @param page    Page number, from 1.
 * @param perPage Subscribers per page (at most 100).
 */
export async function fetchSubscribers(
	page: number,
	perPage: number
): Promise< SubscriberPage > {
	return checked(
		await apiFetch< unknown >( {
			path: `${ BASE }/subscribers?page=${ page }&per_page=${ perPage }`,
		} ),
		isSubscriberPage
	);
}

/**
 * GET /subscribers/summary: how many subscribers, and the e-mail queue.
 */
export async function fetchSubscriberSummary(): Promise< SubscriberSummary > {
	return checked(
		await apiFetch< unknown >( { path: `${ BASE }/subscribers/summary` } ),
		isSubscriberSummary
	);
}

/**
 * DELETE /subscribers/<id>: removes the address and the e-mails not yet sent to it.
 *
 * @param id The subscriber.
 */
export async function removeSubscriber( id: number ): Promise< void > {
	await apiFetch( {
		path: `${ BASE }/subscribers/${ id }`,
		method: 'DELETE',
	} );
}

/**
 * GET /subscribers/export, as a CSV file's contents.
 *
 * @param forExcel Whether to ask for the form Excel opens in any region (UTF-16, tabs).
 */
export async function exportSubscribers( forExcel = false ): Promise< Blob > {
	return downloaded(
		`${ BASE }/subscribers/export${ forExcel ? '?excel=1' : '' }`,
		forExcel
	);
}

/**
 * A CSV export's bytes as sent: the Excel form is UTF-16, which reading it as text would spoil.
 *
 * @param path     The route, with its query.
 * @param forExcel Whether it is the Excel form.
 */
async function downloaded( path: string, forExcel: boolean ): Promise< Blob > {
	try {
		const response = await apiFetch< Response, false >( {
			path,
			parse: false,
		} );
		return new Blob( [ await response.arrayBuffer() ], {
			type: forExcel
				? 'text/csv;charset=utf-16le'
				: 'text/csv;charset=utf-8',
		} );
	} catch ( caught ) {
		// Unparsed, a failure rejects with the Response itself; its body is the REST error.
		if ( caught instanceof Response ) {
			throw await caught.json().catch( () => ( {
				code: 'infosec_policy_export_failed',
				message: `${ caught.status } ${ caught.statusText }`,
			} ) );
		}
		throw caught;
	}
}

function isRecord( value: unknown ): value is Record< string, unknown > {
	return typeof value === 'object' && value !== null;
}

function isFieldError( value: unknown ): value is FieldError {
	return (
		isRecord( value ) &&
		typeof value.path === 'string' &&
		typeof value.code === 'string' &&
		typeof value.message === 'string'
	);
}

/**
 * GET /objections: a page of customers' objections, newest first, and every processor's counts.
 *
 * @param page        Page number, from 1.
 * @param perPage     Objections per page.
 * @param processorId Only this processor's, or '' for all.
 * @param status      Only those with this status, or '' for all.
 */
export async function fetchObjections(
	page: number,
	perPage: number,
	processorId = '',
	status: ObjectionStatus | '' = ''
): Promise< ObjectionPage > {
	const query = new URLSearchParams( {
		page: String( page ),
		per_page: String( perPage ),
		processorId,
		status,
	} );
	return checked(
		await apiFetch< unknown >( {
			path: `${ BASE }/objections?${ query.toString() }`,
		} ),
		isObjectionPage
	);
}

/**
 * PATCH /objections/<id>: the admin's answer.
 *
 * @param id     The objection.
 * @param status Its new status.
 * @param note   The answer's note.
 */
export async function answerObjection(
	id: number,
	status: ObjectionStatus,
	note: string
): Promise< Objection > {
	return checked(
		await apiFetch< unknown >( {
			path: `${ BASE }/objections/${ id }`,
			method: 'PATCH',
			data: { status, note },
		} ),
		isObjection
	);
}

/**
 * GET /objections/export, as a CSV file's contents.
 *
 * @param forExcel Whether to ask for the form Excel opens in any region (UTF-16, tabs).
 */
export async function exportObjections( forExcel = false ): Promise< Blob > {
	return downloaded(
		`${ BASE }/objections/export${ forExcel ? '?excel=1' : '' }`,
		forExcel
	);
}

/**
 * Reads whatever a failed request rejected with into one shape.
 *
 * @param error The rejection value.
 */
export function toApiError( error: unknown ): ApiError {
	if ( ! isRecord( error ) ) {
		return { code: 'unknown_error', message: String( error ), errors: [] };
	}
	const data = isRecord( error.data ) ? error.data : {};
	return {
		code: typeof error.code === 'string' ? error.code : 'unknown_error',
		message: typeof error.message === 'string' ? error.message : '',
		status: typeof data.status === 'number' ? data.status : undefined,
		errors: Array.isArray( data.errors )
			? data.errors.filter( isFieldError )
			: [],
		revision: typeof data.revision === 'number' ? data.revision : undefined,
	};
}

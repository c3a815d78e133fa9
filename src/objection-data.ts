/**
 * The shapes the objection routes answer with, and the checks that an answer has them: the admin
 * screen reads these from a server whose PHP side can be older or newer than the script.
 */

/** What the admin decided about an objection. */
export type ObjectionStatus = 'open' | 'answered' | 'withdrawn';

export const OBJECTION_STATUSES: ObjectionStatus[] = [
	'open',
	'answered',
	'withdrawn',
];

/** A customer's objection to an announced processor (GET /objections). */
export interface Objection {
	id: number;
	processorId: string;
	/** The processor's name when the customer objected. */
	processorName: string;
	email: string;
	organization: string;
	name: string;
	reason: string;
	status: ObjectionStatus;
	/** The admin's answer, for the record. */
	note: string;
	locale: string;
	/** ISO 8601, UTC. */
	createdAt: string;
	updatedAt: string;
}

/** Each processor's objections by status, by processor id. */
export type ObjectionCounts = Record<
	string,
	Record< ObjectionStatus, number >
>;

/** A page of objections, newest first, with every processor's counts. */
export interface ObjectionPage {
	objections: Objection[];
	total: number;
	pages: number;
	counts: ObjectionCounts;
}

type Fields = Record< string, unknown >;

const isFields = ( value: unknown ): value is Fields =>
	typeof value === 'object' && value !== null && ! Array.isArray( value );

const isStatus = ( value: unknown ): value is ObjectionStatus =>
	OBJECTION_STATUSES.includes( value as ObjectionStatus );

/**
 * Whether a value is one objection.
 *
 * @param value What the server sent.
 */
export function isObjection( value: unknown ): value is Objection {
	return (
		isFields( value ) &&
		typeof value.id === 'number' &&
		[
			'processorId',
			'processorName',
			'email',
			'organization',
			'name',
			'reason',
			'note',
			'locale',
			'createdAt',
			'updatedAt',
		].every( ( key ) => typeof value[ key ] === 'string' ) &&
		isStatus( value.status )
	);
}

/**
 * Whether a value is a page of objections.
 *
 * @param value What the server sent.
 */
export function isObjectionPage( value: unknown ): value is ObjectionPage {
	return (
		isFields( value ) &&
		Array.isArray( value.objections ) &&
		value.objections.every( isObjection ) &&
		typeof value.total === 'number' &&
		typeof value.pages === 'number' &&
		isFields( value.counts ) &&
		Object.values( value.counts ).every(
			( counts ) =>
				isFields( counts ) &&
				OBJECTION_STATUSES.every(
					( status ) => typeof counts[ status ] === 'number'
				)
		)
	);
}

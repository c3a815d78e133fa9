/**
 * The shapes the subscriber routes answer with, and the checks that an answer has them: the admin
 * screen reads these from a server whose PHP side can be older or newer than the script.
 */

/** One address on the list (GET /subscribers). */
export interface Subscriber {
	id: number;
	email: string;
	/** The language its e-mails are written in, as a WordPress locale (nl_NL). */
	locale: string;
	status: 'pending' | 'confirmed';
	/** When the address was given, in Unix seconds. */
	requestedAt: number;
	/** When it was confirmed, in Unix seconds; null while pending. */
	confirmedAt: number | null;
	/** Where the consent came from: the block, the REST API, or an import's stated source. */
	consentSource: string;
}

/** A page of subscribers, newest first. */
export interface SubscriberPage {
	subscribers: Subscriber[];
	total: number;
	pages: number;
}

/** How many subscribers, and how many e-mails in each state (GET /subscribers/summary). */
export interface SubscriberSummary {
	subscribers: { confirmed: number; pending: number };
	queue: {
		waiting: number;
		sending: number;
		sent: number;
		/** Every failed e-mail, including those out of attempts. */
		failed: number;
		/** Failed e-mails that will not be tried again. */
		gaveUp: number;
		/** Changes whose e-mails are not queued yet. */
		notices: number;
	};
}

type Fields = Record< string, unknown >;

const isFields = ( value: unknown ): value is Fields =>
	typeof value === 'object' && value !== null && ! Array.isArray( value );

const areNumbers = ( fields: Fields, keys: string[] ): boolean =>
	keys.every( ( key ) => typeof fields[ key ] === 'number' );

/**
 * Whether a value is one subscriber.
 *
 * @param value What the server sent.
 */
export function isSubscriber( value: unknown ): value is Subscriber {
	return (
		isFields( value ) &&
		typeof value.id === 'number' &&
		typeof value.email === 'string' &&
		typeof value.locale === 'string' &&
		( value.status === 'pending' || value.status === 'confirmed' ) &&
		typeof value.requestedAt === 'number' &&
		( value.confirmedAt === null ||
			typeof value.confirmedAt === 'number' ) &&
		typeof value.consentSource === 'string'
	);
}

/**
 * Whether a value is a page of subscribers.
 *
 * @param value What the server sent.
 */
export function isSubscriberPage( value: unknown ): value is SubscriberPage {
	return (
		isFields( value ) &&
		Array.isArray( value.subscribers ) &&
		value.subscribers.every( isSubscriber ) &&
		areNumbers( value, [ 'total', 'pages' ] )
	);
}

/**
 * Whether a value is the subscribers' summary.
 *
 * @param value What the server sent.
 */
export function isSubscriberSummary(
	value: unknown
): value is SubscriberSummary {
	return (
		isFields( value ) &&
		isFields( value.subscribers ) &&
		areNumbers( value.subscribers, [ 'confirmed', 'pending' ] ) &&
		isFields( value.queue ) &&
		areNumbers( value.queue, [
			'waiting',
			'sending',
			'sent',
			'failed',
			'gaveUp',
			'notices',
		] )
	);
}

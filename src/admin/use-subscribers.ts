/**
 * WordPress dependencies
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { fetchSubscriberSummary, fetchSubscribers, toApiError } from '../api';
import type { SubscriberPage, SubscriberSummary } from '../subscriber-data';

/** What the subscribers section shows, read together so that counts and list agree. */
export interface SubscribersState {
	summary: SubscriberSummary | null;
	list: SubscriberPage | null;
	/** Why the latest reading failed; null when it did not. */
	error: string | null;
	page: number;
	setPage: ( page: number ) => void;
	/** Reads the counts and the current page again. */
	reload: () => Promise< void >;
}

/**
 * The subscribers' counts and one page of them, read when the page changes and on reload().
 *
 * @param perPage Subscribers per page.
 */
export function useSubscribers( perPage: number ): SubscribersState {
	const [ page, setPage ] = useState( 1 );
	const [ summary, setSummary ] = useState< SubscriberSummary | null >(
		null
	);
	const [ list, setList ] = useState< SubscriberPage | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	// Paging quickly starts readings that may answer out of order; only the latest one counts.
	const latest = useRef( 0 );

	const reload = useCallback( async () => {
		const reading = ++latest.current;
		try {
			const [ counts, found ] = await Promise.all( [
				fetchSubscriberSummary(),
				fetchSubscribers( page, perPage ),
			] );
			if ( reading !== latest.current ) {
				return;
			}
			// Removing the last address of the last page leaves that page empty: show the one before.
			if ( found.subscribers.length === 0 && page > 1 ) {
				setPage( Math.max( 1, Math.min( page - 1, found.pages ) ) );
				return;
			}
			setSummary( counts );
			setList( found );
			setError( null );
		} catch ( caught ) {
			if ( reading === latest.current ) {
				setError( toApiError( caught ).message );
			}
		}
	}, [ page, perPage ] );

	useEffect( () => {
		reload();
	}, [ reload ] );

	return { summary, list, error, page, setPage, reload };
}

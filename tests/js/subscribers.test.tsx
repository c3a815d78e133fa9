/**
 * External dependencies
 */
import { fireEvent, render, screen, within } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { SubscriberCounts } from '../../src/admin/subscriber-counts';
import {
	SubscriberTable,
	consentSourceText,
} from '../../src/admin/subscriber-table';
import {
	isSubscriberPage,
	isSubscriberSummary,
	type Subscriber,
	type SubscriberSummary,
} from '../../src/subscriber-data';

const summary = (
	queue: Partial< SubscriberSummary[ 'queue' ] > = {}
): SubscriberSummary => ( {
	subscribers: { confirmed: 1, pending: 3 },
	queue: {
		waiting: 2,
		sending: 1,
		sent: 1,
		failed: 0,
		gaveUp: 0,
		notices: 0,
		...queue,
	},
} );

const pending: Subscriber = {
	id: 7,
	email: 'reader@example.com',
	locale: 'nl_NL',
	status: 'pending',
	requestedAt: 1_700_000_000,
	confirmedAt: null,
	consentSource: '',
};

describe( 'subscriber counts', () => {
	it( 'counts subscribers and e-mails in words, singular and plural', () => {
		render( <SubscriberCounts summary={ summary() } /> );
		expect( screen.getByText( '1 confirmed subscriber' ) ).toBeVisible();
		expect(
			screen.getByText( '3 addresses waiting for confirmation' )
		).toBeVisible();
		// Those being sent are not sent yet.
		expect(
			screen.getByText( '3 e-mails waiting to be sent' )
		).toBeVisible();
		expect( screen.getByText( '1 e-mail sent' ) ).toBeVisible();
	} );

	it( 'counts failed e-mails out of attempts apart from those to be tried again', () => {
		render(
			<SubscriberCounts summary={ summary( { failed: 3, gaveUp: 2 } ) } />
		);
		expect(
			screen.getByText( '3 e-mails failed, to be tried again' )
		).toBeVisible();
		expect(
			screen.getByText(
				'2 e-mails out of attempts, not to be tried again'
			)
		).toBeVisible();
	} );

	it( 'says nothing of attempts while no e-mail has run out of them', () => {
		render( <SubscriberCounts summary={ summary() } /> );
		expect( screen.queryByText( /out of attempts/ ) ).toBeNull();
	} );
} );

describe( 'subscriber table', () => {
	it( 'shows a pending address as waiting, its language by name, and no consent source as a dash', () => {
		render(
			<SubscriberTable
				subscribers={ [ pending ] }
				onRemove={ jest.fn() }
			/>
		);
		const row = screen.getByRole( 'row', { name: /reader@example\.com/ } );
		const cells = within( row ).getAllByRole( 'cell' );
		expect( cells.map( ( cell ) => cell.textContent ) ).toEqual( [
			'Waiting for confirmation',
			'Dutch (Netherlands)',
			expect.stringContaining( '2023' ),
			'—',
			'Remove',
		] );
	} );

	it( 'hands the row’s subscriber to onRemove', () => {
		const onRemove = jest.fn();
		render(
			<SubscriberTable
				subscribers={ [ pending ] }
				onRemove={ onRemove }
			/>
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Remove reader@example.com' } )
		);
		expect( onRemove ).toHaveBeenCalledWith( pending );
	} );
} );

describe( 'consent sources in words', () => {
	it( 'names the form, the API and imports, never the stored code', () => {
		expect( consentSourceText( 'form' ) ).toBe( 'Subscribe form' );
		expect( consentSourceText( 'rest' ) ).toBe( 'REST API' );
		expect( consentSourceText( 'import' ) ).toBe(
			'Import, asked to confirm'
		);
		expect( consentSourceText( 'import: webinar 2026' ) ).toBe(
			'Import: webinar 2026'
		);
		expect( consentSourceText( '' ) ).toBe( '—' );
	} );
} );

describe( 'subscriber data checks', () => {
	it( 'accept what the routes answer', () => {
		expect(
			isSubscriberPage( { subscribers: [ pending ], total: 1, pages: 1 } )
		).toBe( true );
		expect( isSubscriberSummary( summary() ) ).toBe( true );
	} );

	it( 'reject a subscriber of unknown status and a summary without its queue', () => {
		expect(
			isSubscriberPage( {
				subscribers: [ { ...pending, status: 'unsubscribed' } ],
				total: 1,
				pages: 1,
			} )
		).toBe( false );
		expect(
			isSubscriberSummary( { subscribers: { confirmed: 0, pending: 0 } } )
		).toBe( false );
	} );
} );

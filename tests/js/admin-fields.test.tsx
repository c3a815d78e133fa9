/**
 * External dependencies
 */
import {
	act,
	fireEvent,
	render,
	screen,
	waitFor,
} from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { dispatch, select, useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { store } from '../../src/store';
import { ErrorSummary } from '../../src/admin/error-summary';
import { ProcessorEditor } from '../../src/admin/processor-editor';
import { JumpToFieldProvider } from '../../src/admin/jump-to-field';
import demo from '../../demo/regioingenieur.policy.json';
import type { Policy } from '../../src/policy/types';

const policy = demo as Policy;

function showProcessor( index: number ) {
	const processor = select( store ).getDraft()!.processors[ index ]!;
	return render(
		<JumpToFieldProvider>
			<ErrorSummary />
			<ProcessorEditor processor={ processor } index={ index } />
		</JumpToFieldProvider>
	);
}

describe( 'settings page fields', () => {
	beforeEach( () => {
		act( () => {
			dispatch( store ).receivePolicy( policy, 1 );
		} );
	} );

	it( 'shows the processor’s values in its fields', () => {
		showProcessor( 1 );
		expect( screen.getByLabelText( 'Name' ) ).toHaveValue( 'Mailchimp' );
		expect( screen.getByLabelText( 'Transfer basis' ) ).toHaveValue(
			'privacy-shield'
		);
		expect(
			screen.getByText( /Invalid since 16 July 2020/ )
		).toBeInTheDocument();
	} );

	it( 'keeps the processor’s identity and whom it works for', () => {
		showProcessor( 2 );
		const parent = screen.getByLabelText( 'Sub-processor of' );
		expect( parent ).toHaveValue( '' );
		// Any other processor, never the processor itself.
		expect(
			Array.from( ( parent as HTMLSelectElement ).options ).map(
				( option ) => option.value
			)
		).toEqual( [ '', 'make-it-workpress', 'mailchimp' ] );
		fireEvent.change( parent, { target: { value: 'mailchimp' } } );
		fireEvent.change( screen.getByLabelText( 'Postal address' ), {
			target: { value: '1600 Amphitheatre Parkway' },
		} );
		fireEvent.change(
			screen.getByLabelText( 'Contact for personal data' ),
			{
				target: { value: 'privacy@google.com' },
			}
		);
		const processor = select( store ).getDraft()!.processors[ 2 ]!;
		expect( processor.parentId ).toBe( 'mailchimp' );
		expect( processor.address ).toBe( '1600 Amphitheatre Parkway' );
		expect( processor.contactPoint ).toBe( 'privacy@google.com' );
	} );

	it( 'writes an edit into the store’s draft', () => {
		showProcessor( 1 );
		fireEvent.change(
			screen.getByLabelText( 'Host name for the TLS check' ),
			{
				target: { value: 'mailchimp.example' },
			}
		);
		expect( select( store ).getDraft()!.processors[ 1 ]!.host ).toBe(
			'mailchimp.example'
		);
		expect( select( store ).isDirty() ).toBe( true );
	} );

	it( 'shows the server’s error on its field, marked invalid, and in the summary', () => {
		act( () => {
			dispatch( store ).saveRejected( [
				{
					path: 'processors[1].securityUrl',
					code: 'rest_invalid_pattern',
					message:
						'must be a web address such as https://example.com/, starting with https://.',
				},
			] );
		} );
		showProcessor( 1 );
		const field = screen.getByLabelText( 'Security page' );
		expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( field ).toHaveAccessibleDescription(
			'must be a web address such as https://example.com/, starting with https://.'
		);
		expect(
			screen.getByRole( 'button', { name: 'processors[1].securityUrl' } )
		).toBeInTheDocument();
	} );

	it( 'drops the error once the admin corrects the field', () => {
		act( () => {
			dispatch( store ).saveRejected( [
				{
					path: 'processors[1].securityUrl',
					code: 'x',
					message: 'bad',
				},
			] );
		} );
		showProcessor( 1 );
		fireEvent.change( screen.getByLabelText( 'Security page' ), {
			target: { value: 'https://mailchimp.com/security/' },
		} );
		expect( screen.getByLabelText( 'Security page' ) ).not.toHaveAttribute(
			'aria-invalid'
		);
		expect(
			screen.queryByRole( 'button', {
				name: 'processors[1].securityUrl',
			} )
		).toBeNull();
	} );

	it( 'keeps the summary working when the number of errors changes while it shows', () => {
		act( () => {
			dispatch( store ).saveRejected( [
				{
					path: 'processors[1].securityUrl',
					code: 'x',
					message: 'bad url',
				},
				{ path: 'processors[1].host', code: 'x', message: 'bad host' },
			] );
		} );
		showProcessor( 1 );
		expect(
			screen.getAllByRole( 'button', { name: /^processors\[1\]/ } )
		).toHaveLength( 2 );
		fireEvent.change(
			screen.getByLabelText( 'Host name for the TLS check' ),
			{
				target: { value: 'mail.example.com' },
			}
		);
		expect(
			screen.getAllByRole( 'button', { name: /^processors\[1\]/ } )
		).toHaveLength( 1 );
	} );

	it( 'names each problem by its entry and field, and takes focus when a save is refused', async () => {
		showProcessor( 1 );
		act( () => {
			dispatch( store ).saveRejected( [
				{
					path: 'processors[1].host',
					code: 'rest_invalid_pattern',
					message: 'must be a bare host name such as example.com.',
					label: 'Host name for the TLS check',
					entry: 'Mailchimp',
				},
			] );
		} );
		const item = screen.getByRole( 'button', {
			name: 'Mailchimp: Host name for the TLS check',
		} );
		expect( item.closest( 'li' ) ).toHaveTextContent(
			'Mailchimp: Host name for the TLS check must be a bare host name such as example.com.'
		);
		expect(
			screen.getByRole( 'heading', {
				name: 'Fix these fields, then save again',
			} )
		).toHaveFocus();
		// An edit that clears the error leaves focus where the admin types.
		const security = screen.getByLabelText( 'Security page' );
		security.focus();
		fireEvent.change( security, {
			target: { value: 'https://mailchimp.com/security' },
		} );
		expect( security ).toHaveFocus();
		fireEvent.click( item );
		// The jump focuses the field once the list has shown it (an animation frame).
		await waitFor( () =>
			expect(
				screen.getByLabelText( 'Host name for the TLS check' )
			).toHaveFocus()
		);
	} );

	it( 'completes a web address typed without its scheme when the admin leaves the field', () => {
		// As on the page, the editor gets the processor the store holds now.
		function LiveProcessor() {
			const processor = useSelect(
				( s ) => s( store ).getDraft()!.processors[ 1 ]!,
				[]
			);
			return <ProcessorEditor processor={ processor } index={ 1 } />;
		}
		render( <LiveProcessor /> );
		const field = screen.getByLabelText( 'Security page' );
		fireEvent.change( field, {
			target: { value: 'mailchimp.com/security' },
		} );
		fireEvent.blur( field );
		expect( select( store ).getDraft()!.processors[ 1 ]!.securityUrl ).toBe(
			'https://mailchimp.com/security'
		);
		// An address pasted into the host field keeps only its host.
		const host = screen.getByLabelText( 'Host name for the TLS check' );
		fireEvent.change( host, {
			target: { value: 'https://www.mailchimp.com/security/' },
		} );
		fireEvent.blur( host );
		expect( select( store ).getDraft()!.processors[ 1 ]!.host ).toBe(
			'www.mailchimp.com'
		);
		// What is no address is left for the server to name.
		fireEvent.change( field, { target: { value: 'not an address' } } );
		fireEvent.blur( field );
		expect( select( store ).getDraft()!.processors[ 1 ]!.securityUrl ).toBe(
			'not an address'
		);
	} );

	it( 'flags an invalid transfer basis in a description as it is typed, before any save', () => {
		// As on the page, the editor gets the processor the store holds now.
		function LiveProcessor() {
			const processor = useSelect(
				( s ) => s( store ).getDraft()!.processors[ 0 ]!,
				[]
			);
			return <ProcessorEditor processor={ processor } index={ 0 } />;
		}
		render( <LiveProcessor /> );
		expect( screen.queryByText( /is out of date/ ) ).toBeNull();
		fireEvent.change( screen.getByLabelText( 'Description' ), {
			target: {
				value: 'Data may go to the US because Mailchimp is part of the EU-US Privacy Shield.',
			},
		} );
		const note = screen.getByText( /“Privacy Shield” is out of date\./ );
		expect( note ).toHaveTextContent( 'EU-US Data Privacy Framework' );
		expect( note ).toHaveClass( 'is-error' );
	} );
} );

/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import ProcessorTableEdit from '../../blocks/processor-table/edit';
import TlsBadgeEdit from '../../blocks/tls-badge/edit';
import MeasureListEdit from '../../blocks/measure-list/edit';
import { editorData } from '../../src/editor/editor-data';
// Written by the PHP tests (tests/php/admin/EditorDataTest.php) from the reference page's policy
// and stored certificate checks: the findings exactly as the server sends them.
import fromServer from './fixtures/editor-data.json';
import type { Attributes as TableAttributes } from '../../blocks/processor-table/types';
import type { Attributes as ListAttributes } from '../../blocks/measure-list/types';
import type { Attributes as BadgeAttributes } from '../../blocks/tls-badge/types';

const table: TableAttributes = {
	columns: [ 'name' ],
	role: '',
	country: '',
	caption: '',
};
const list: ListAttributes = { category: 'all', headingLevel: 3 };
const badge: BadgeAttributes = { processorId: 'removed' };

// The server's rendering is fetched over REST in the editor; these tests are about what the edit
// components add around it, so the preview itself stands in as a marker.
jest.mock( '@wordpress/server-side-render', () => () => (
	<div data-testid="server-rendering" />
) );

const setData = ( data: unknown ) => {
	( window as { infosecPolicyEditor?: unknown } ).infosecPolicyEditor = data;
};

function blockProps< T extends Record< string, unknown > >(
	attributes: T
): BlockEditProps< T > {
	const props = {
		attributes,
		setAttributes: jest.fn(),
		clientId: 'x',
		isSelected: false,
		className: '',
		context: {},
		name: 'x',
	};
	return props as unknown as BlockEditProps< T >;
}

describe( 'policy blocks in the editor', () => {
	it( 'reads an absent or malformed editor summary as an empty policy', () => {
		setData( undefined );
		expect( editorData().processors ).toEqual( [] );
		setData( { settingsUrl: 1 } );
		expect( editorData().measureCount ).toBe( 0 );
	} );

	it( 'shows a placeholder linking to the settings when there are no processors', () => {
		setData( {
			settingsUrl: '/wp-admin/options-general.php?page=infosec-policy',
			measureCount: 0,
			siteHost: '',
			processors: [],
			findings: [],
			upcoming: [],
		} );
		render( <ProcessorTableEdit { ...blockProps( table ) } /> );
		expect(
			screen.getByRole( 'link', {
				name: /Open Settings → Information security/,
			} )
		).toHaveAttribute(
			'href',
			'/wp-admin/options-general.php?page=infosec-policy'
		);
		expect( screen.queryByTestId( 'server-rendering' ) ).toBeNull();
	} );

	it( 'tells editors who may not manage the policy whom to ask', () => {
		setData( {
			settingsUrl: '',
			measureCount: 0,
			siteHost: '',
			processors: [],
			findings: [],
			upcoming: [],
		} );
		render( <MeasureListEdit { ...blockProps( list ) } /> );
		expect(
			screen.getByText( 'Ask an administrator to fill in the policy.' )
		).toBeInTheDocument();
	} );

	it( 'warns editors about a Privacy Shield processor above the preview', () => {
		setData( fromServer );
		const { container } = render(
			<ProcessorTableEdit { ...blockProps( table ) } />
		);
		expect(
			container.querySelector( '.components-notice__content' )
		).toHaveTextContent( 'Mailchimp names the EU-US Privacy Shield' );
		expect( screen.getByTestId( 'server-rendering' ) ).toBeInTheDocument();
	} );

	it( 'shows the processor table only the findings about processors, each once', () => {
		setData( fromServer );
		const errors = jest.spyOn( console, 'error' ).mockImplementation();
		const { container } = render(
			<ProcessorTableEdit { ...blockProps( table ) } />
		);
		const notices = Array.from(
			container.querySelectorAll( '.components-notice__content' ),
			( notice ) => notice.textContent
		);
		expect( notices ).toEqual( [
			'Mailchimp names the EU-US Privacy Shield as its transfer basis, which is invalid since 16 July 2020 (Schrems II).',
			'Google Analytics names the EU-US Privacy Shield as its transfer basis, which is invalid since 16 July 2020 (Schrems II).',
			'The certificate issuer declared for Mailchimp, “Symantec Class 3 G4”, has not issued trusted certificates since October 16, 2018.',
			'The certificate issuer declared for Google Analytics, “Google Internet Authority G2”, has not issued trusted certificates since January 26, 2017.',
		] );
		// React reports two children with one key through console.error.
		expect( errors ).not.toHaveBeenCalled();
		errors.mockRestore();
	} );

	it( 'shows the site’s badge only the findings about the site’s certificate', () => {
		setData( fromServer );
		const { container } = render(
			<TlsBadgeEdit { ...blockProps( { processorId: '' } ) } />
		);
		const notices = Array.from(
			container.querySelectorAll( '.components-notice__content' ),
			( notice ) => notice.textContent
		);
		expect( notices ).toHaveLength( 1 );
		expect( notices[ 0 ] ).toMatch(
			/regioingenieur\.nl uses a certificate from “Let's Encrypt Authority X3”/
		);
	} );

	it( 'shows a processor’s badge its certificate finding, not its transfer basis', () => {
		setData( fromServer );
		const { container } = render(
			<TlsBadgeEdit { ...blockProps( { processorId: 'mailchimp' } ) } />
		);
		const notices = Array.from(
			container.querySelectorAll( '.components-notice__content' ),
			( notice ) => notice.textContent
		);
		expect( notices ).toEqual( [
			'The certificate of mailchimp.com: Expires soon.',
		] );
	} );

	it( 'tells editors until when the table shows a processor as announced', () => {
		setData( {
			settingsUrl: '',
			measureCount: 0,
			siteHost: '',
			processors: [
				{
					id: 'brevo',
					name: 'Brevo',
					role: '',
					country: 'FR',
					host: '',
				},
			],
			findings: [],
			upcoming: [
				{
					processorId: 'brevo',
					message:
						'Brevo is announced: this table shows it as announced, with objections taken, until it starts on January 1, 2027.',
				},
			],
		} );
		const { container } = render(
			<ProcessorTableEdit { ...blockProps( table ) } />
		);
		expect(
			container.querySelector( '.components-notice.is-info' )
		).toHaveTextContent(
			'shows it as announced, with objections taken, until it starts on January 1, 2027'
		);
		expect( screen.getByTestId( 'server-rendering' ) ).toBeInTheDocument();
	} );

	it( 'warns when a TLS badge points at a processor that is gone', () => {
		setData( {
			settingsUrl: '',
			measureCount: 0,
			siteHost: '',
			processors: [],
			findings: [],
			upcoming: [],
		} );
		const { container } = render(
			<TlsBadgeEdit { ...blockProps( badge ) } />
		);
		expect(
			container.querySelector( '.components-notice__content' )
		).toHaveTextContent( /no longer in the policy/ );
	} );
} );

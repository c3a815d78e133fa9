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
		setData( {
			settingsUrl: '',
			measureCount: 1,
			processors: [
				{
					id: 'mailchimp',
					name: 'Mailchimp',
					role: '',
					country: 'US',
					host: '',
				},
			],
			findings: [
				{
					processorId: 'mailchimp',
					message: 'Mailchimp names the EU-US Privacy Shield',
				},
			],
			upcoming: [],
		} );
		const { container } = render(
			<ProcessorTableEdit { ...blockProps( table ) } />
		);
		expect(
			container.querySelector( '.components-notice__content' )
		).toHaveTextContent( 'Mailchimp names the EU-US Privacy Shield' );
		expect( screen.getByTestId( 'server-rendering' ) ).toBeInTheDocument();
	} );

	it( 'tells editors when an announced processor will appear in the table', () => {
		setData( {
			settingsUrl: '',
			measureCount: 0,
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
						'Brevo is announced in the change log; this table shows it from January 1, 2027.',
				},
			],
		} );
		const { container } = render(
			<ProcessorTableEdit { ...blockProps( table ) } />
		);
		expect(
			container.querySelector( '.components-notice.is-info' )
		).toHaveTextContent( 'this table shows it from January 1, 2027' );
		expect( screen.getByTestId( 'server-rendering' ) ).toBeInTheDocument();
	} );

	it( 'warns when a TLS badge points at a processor that is gone', () => {
		setData( {
			settingsUrl: '',
			measureCount: 0,
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

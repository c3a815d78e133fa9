/**
 * External dependencies
 */
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import {
	columnLabels,
	moveColumn,
	toggleColumn,
} from '../../blocks/processor-table/columns';
import metadata from '../../blocks/processor-table/block.json';
import SidebarSettings from '../../blocks/processor-table/sidebar-settings';
import type { Attributes } from '../../blocks/processor-table/types';

const defaults: Attributes = {
	columns: [ 'role', 'name', 'description', 'location', 'transferBasis' ],
	role: '',
	country: '',
	caption: '',
};

beforeEach( () => {
	( window as { infosecPolicyEditor?: unknown } ).infosecPolicyEditor = {
		settingsUrl: '',
		measureCount: 0,
		siteHost: '',
		processors: [
			{
				id: 'a',
				name: 'Mailchimp',
				role: 'Newsletter',
				country: 'US',
				host: '',
			},
			{
				id: 'b',
				name: 'Brevo',
				role: 'Newsletter',
				country: 'FR',
				host: '',
			},
			{ id: 'c', name: 'Host', role: 'Hosting', country: 'NL', host: '' },
		],
		findings: [],
		upcoming: [],
	};
} );

describe( 'processor table columns', () => {
	it( 'names every column block.json offers, in its order, and defaults only to those', () => {
		const { items, default: defaultColumns } = metadata.attributes.columns;
		expect( Object.keys( columnLabels() ) ).toEqual( items.enum );
		expect(
			defaultColumns.filter(
				( column ) => ! items.enum.includes( column )
			)
		).toEqual( [] );
	} );

	it( 'switches a column on at the end and off again', () => {
		expect( toggleColumn( [ 'name' ], 'dpa', true ) ).toEqual( [
			'name',
			'dpa',
		] );
		expect( toggleColumn( [ 'name', 'dpa' ], 'name', false ) ).toEqual( [
			'dpa',
		] );
	} );

	it( 'moves a column by one place and not past the ends', () => {
		expect( moveColumn( [ 'role', 'name', 'dpa' ], 'dpa', -1 ) ).toEqual( [
			'role',
			'dpa',
			'name',
		] );
		expect( moveColumn( [ 'role', 'name' ], 'role', -1 ) ).toEqual( [
			'role',
			'name',
		] );
		expect( moveColumn( [ 'role', 'name' ], 'name', 1 ) ).toEqual( [
			'role',
			'name',
		] );
	} );
} );

describe( 'processor table sidebar settings', () => {
	it( 'offers the roles and countries of the policy’s processors as filters, each once', () => {
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ jest.fn() }
			/>
		);
		const roles = Array.from(
			( screen.getByLabelText( 'Only the service' ) as HTMLSelectElement )
				.options
		).map( ( o ) => o.value );
		expect( roles ).toEqual( [ '', 'Newsletter', 'Hosting' ] );
		const countries = Array.from(
			( screen.getByLabelText( 'Only the country' ) as HTMLSelectElement )
				.options
		).map( ( o ) => o.value );
		expect( countries ).toEqual( [ '', 'US', 'FR', 'NL' ] );
	} );

	it( 'adds a column the editor ticks', () => {
		const setAttributes = jest.fn();
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.click( screen.getByLabelText( 'Firewall' ) );
		expect( setAttributes ).toHaveBeenCalledWith( {
			columns: [ ...defaults.columns, 'firewall' ],
		} );
	} );

	it( 'moves a column earlier', () => {
		const setAttributes = jest.fn();
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.click(
			screen.getByRole( 'button', { name: 'Move Processor earlier' } )
		);
		expect( setAttributes ).toHaveBeenCalledWith( {
			columns: [
				'name',
				'role',
				'description',
				'location',
				'transferBasis',
			],
		} );
	} );

	it( 'sets the caption', () => {
		const setAttributes = jest.fn();
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.change( screen.getByLabelText( 'Caption' ), {
			target: { value: 'Ours' },
		} );
		expect( setAttributes ).toHaveBeenCalledWith( { caption: 'Ours' } );
	} );
} );

/**
 * External dependencies
 */
import { render, screen, fireEvent } from '@testing-library/react';

/**
 * Internal dependencies
 */
import SidebarSettings from '../../blocks/measure-list/sidebar-settings';
import type { Attributes } from '../../blocks/measure-list/types';

const defaults: Attributes = { category: 'all', headingLevel: 3 };

describe( 'measure list sidebar settings', () => {
	it( 'shows the current category and heading level', () => {
		render(
			<SidebarSettings
				attributes={ { category: 'technical', headingLevel: 4 } }
				setAttributes={ jest.fn() }
			/>
		);
		expect( screen.getByLabelText( 'Show' ) ).toHaveValue( 'technical' );
		expect(
			screen.getByLabelText( 'Heading level of each measure' )
		).toHaveValue( '4' );
	} );

	it( 'offers all, organisational and technical measures', () => {
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ jest.fn() }
			/>
		);
		const options = Array.from(
			( screen.getByLabelText( 'Show' ) as HTMLSelectElement ).options
		).map( ( option ) => option.value );
		expect( options ).toEqual( [ 'all', 'organizational', 'technical' ] );
	} );

	it( 'sets the category the editor picks', () => {
		const setAttributes = jest.fn();
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.change( screen.getByLabelText( 'Show' ), {
			target: { value: 'organizational' },
		} );
		expect( setAttributes ).toHaveBeenCalledWith( {
			category: 'organizational',
		} );
	} );

	it( 'sets the heading level as a number', () => {
		const setAttributes = jest.fn();
		render(
			<SidebarSettings
				attributes={ defaults }
				setAttributes={ setAttributes }
			/>
		);
		fireEvent.change(
			screen.getByLabelText( 'Heading level of each measure' ),
			{ target: { value: '5' } }
		);
		expect( setAttributes ).toHaveBeenCalledWith( { headingLevel: 5 } );
	} );
} );

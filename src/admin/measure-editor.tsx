/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { pathOf } from '../policy/paths';
import { maxLengthOf } from '../policy/schema';
import type { Measure } from '../policy/types';
import { store } from '../store';
import { AdvancedFields } from './advanced-fields';
import { PolicyTextField } from './fields';

/**
 * A measure category in words.
 *
 * @param category `organizational` or `technical`.
 */
export function categoryLabel( category: Measure[ 'category' ] ): string {
	return category === 'organizational'
		? __( 'Organisational', 'infosec-policy' )
		: __( 'Technical', 'infosec-policy' );
}

/**
 * Every field of one measure.
 *
 * @param props         Props.
 * @param props.measure The measure.
 * @param props.index   Its position in the list.
 */
export function MeasureEditor( {
	measure,
	index,
}: {
	measure: Measure;
	index: number;
} ) {
	const { editEntry } = useDispatch( store );
	const edit = ( patch: Partial< Measure > ) =>
		editEntry( 'measures', index, patch );
	return (
		<div className="infosec-policy-entry-editor">
			<PolicyTextField
				path={ pathOf( 'measures', index, 'title' ) }
				label={ __( 'Title', 'infosec-policy' ) }
				value={ measure.title }
				onChange={ ( title ) => edit( { title } ) }
				maxLength={ maxLengthOf( 'measure', 'title' ) }
				required
			/>
			<div data-field-path={ pathOf( 'measures', index, 'category' ) }>
				<SelectControl< Measure[ 'category' ] >
					label={ __( 'Category', 'infosec-policy' ) }
					value={ measure.category }
					options={ [
						{
							value: 'organizational',
							label: categoryLabel( 'organizational' ),
						},
						{
							value: 'technical',
							label: categoryLabel( 'technical' ),
						},
					] }
					onChange={ ( category ) => edit( { category } ) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
			</div>
			<PolicyTextField
				path={ pathOf( 'measures', index, 'description' ) }
				label={ __( 'Description', 'infosec-policy' ) }
				value={ measure.description }
				onChange={ ( description ) => edit( { description } ) }
				maxLength={ maxLengthOf( 'measure', 'description' ) }
				checkWording
				help={ __(
					'Plain text; a blank line starts a new paragraph.',
					'infosec-policy'
				) }
				multiline
			/>
			<AdvancedFields paths={ [ pathOf( 'measures', index, 'id' ) ] }>
				<PolicyTextField
					path={ pathOf( 'measures', index, 'id' ) }
					label={ __( 'Identifier', 'infosec-policy' ) }
					value={ measure.id }
					onChange={ ( id ) => edit( { id } ) }
					help={ __(
						'Made from the title when the measure is added, then kept, so that the public register keeps finding it. Lower-case letters, digits and hyphens; unique among measures.',
						'infosec-policy'
					) }
				/>
			</AdvancedFields>
		</div>
	);
}

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	PanelBody,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { editorData } from '../../src/editor/editor-data';
import { columnLabels, moveColumn, toggleColumn } from './columns';
import type { Attributes, ProcessorColumn } from './types';

interface Props {
	attributes: Attributes;
	setAttributes: ( attributes: Partial< Attributes > ) => void;
}

/**
 * Inspector controls: the caption, which processors to show, and which columns in which order.
 *
 * @param props               Component props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates the block's attributes.
 */
export default function SidebarSettings( {
	attributes,
	setAttributes,
}: Props ) {
	const labels = columnLabels();
	const { processors } = editorData();
	const roles = [
		...new Set( processors.map( ( p ) => p.role ).filter( Boolean ) ),
	];
	const countries = [ ...new Set( processors.map( ( p ) => p.country ) ) ];
	const { columns } = attributes;
	return (
		<>
			<PanelBody title={ __( 'Table', 'infosec-policy' ) }>
				<TextControl
					label={ __( 'Caption', 'infosec-policy' ) }
					help={ __(
						'Leave empty for the default caption.',
						'infosec-policy'
					) }
					value={ attributes.caption }
					onChange={ ( caption ) => setAttributes( { caption } ) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				<SelectControl
					label={ __( 'Only the service', 'infosec-policy' ) }
					value={ attributes.role }
					options={ [
						{
							value: '',
							label: __( 'All services', 'infosec-policy' ),
						},
						...roles.map( ( role ) => ( {
							value: role,
							label: role,
						} ) ),
					] }
					onChange={ ( role ) => setAttributes( { role } ) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				<SelectControl
					label={ __( 'Only the country', 'infosec-policy' ) }
					value={ attributes.country }
					options={ [
						{
							value: '',
							label: __( 'All countries', 'infosec-policy' ),
						},
						...countries.map( ( code ) => ( {
							value: code,
							label: code,
						} ) ),
					] }
					onChange={ ( country ) => setAttributes( { country } ) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
			</PanelBody>
			<PanelBody title={ __( 'Columns', 'infosec-policy' ) }>
				{ columns.map( ( column, index ) => (
					<div
						key={ column }
						className="infosec-policy-column-choice"
					>
						<CheckboxControl
							label={ labels[ column ] }
							checked
							disabled={ columns.length === 1 }
							onChange={ () =>
								setAttributes( {
									columns: toggleColumn(
										columns,
										column,
										false
									),
								} )
							}
							__nextHasNoMarginBottom
						/>
						<Button
							size="small"
							icon="arrow-up-alt2"
							disabled={ index === 0 }
							accessibleWhenDisabled
							label={ sprintf(
								/* translators: %s: column name. */ __(
									'Move %s earlier',
									'infosec-policy'
								),
								labels[ column ]
							) }
							onClick={ () =>
								setAttributes( {
									columns: moveColumn( columns, column, -1 ),
								} )
							}
						/>
						<Button
							size="small"
							icon="arrow-down-alt2"
							disabled={ index === columns.length - 1 }
							accessibleWhenDisabled
							label={ sprintf(
								/* translators: %s: column name. */ __(
									'Move %s later',
									'infosec-policy'
								),
								labels[ column ]
							) }
							onClick={ () =>
								setAttributes( {
									columns: moveColumn( columns, column, 1 ),
								} )
							}
						/>
					</div>
				) ) }
				{ ( Object.keys( labels ) as ProcessorColumn[] )
					.filter( ( column ) => ! columns.includes( column ) )
					.map( ( column ) => (
						<CheckboxControl
							key={ column }
							label={ labels[ column ] }
							checked={ false }
							onChange={ () =>
								setAttributes( {
									columns: toggleColumn(
										columns,
										column,
										true
									),
								} )
							}
							__nextHasNoMarginBottom
						/>
					) ) }
			</PanelBody>
		</>
	);
}

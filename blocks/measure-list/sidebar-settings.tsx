/**
 * WordPress dependencies
 */
import { PanelBody, SelectControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Attributes, HeadingLevel, MeasureCategoryFilter } from './types';

interface Props {
	attributes: Attributes;
	setAttributes: ( attributes: Partial< Attributes > ) => void;
}

const HEADING_LEVELS: HeadingLevel[] = [ 2, 3, 4, 5, 6 ];

/**
 * Inspector controls: which measures to show and at which heading level their titles sit.
 *
 * @param props               Component props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates the block's attributes.
 */
export default function SidebarSettings( {
	attributes,
	setAttributes,
}: Props ) {
	return (
		<PanelBody title={ __( 'Measures', 'infosec-policy' ) }>
			<SelectControl< MeasureCategoryFilter >
				label={ __( 'Show', 'infosec-policy' ) }
				value={ attributes.category }
				options={ [
					{
						value: 'all',
						label: __( 'All measures', 'infosec-policy' ),
					},
					{
						value: 'organizational',
						label: __(
							'Organisational measures',
							'infosec-policy'
						),
					},
					{
						value: 'technical',
						label: __( 'Technical measures', 'infosec-policy' ),
					},
				] }
				onChange={ ( category ) => setAttributes( { category } ) }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<SelectControl
				label={ __(
					'Heading level of each measure',
					'infosec-policy'
				) }
				value={ String( attributes.headingLevel ) }
				options={ HEADING_LEVELS.map( ( level ) => ( {
					value: String( level ),
					label: sprintf(
						/* translators: %d: heading level, 2 to 6. */
						__( 'Heading %d', 'infosec-policy' ),
						level
					),
				} ) ) }
				onChange={ ( value ) =>
					setAttributes( {
						headingLevel: Number( value ) as HeadingLevel,
					} )
				}
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
		</PanelBody>
	);
}

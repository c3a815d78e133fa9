/**
 * WordPress dependencies
 */
import { PanelBody, RangeControl, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import metadata from './block.json';
import type { Attributes } from './types';

interface Props {
	attributes: Attributes;
	setAttributes: ( attributes: Partial< Attributes > ) => void;
}

/**
 * Inspector controls: how many changes to list, and whether to link to their feed.
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
		<PanelBody title={ __( 'Changes', 'infosec-policy' ) }>
			<RangeControl
				label={ __( 'Number of changes', 'infosec-policy' ) }
				value={ attributes.limit }
				min={ metadata.attributes.limit.minimum }
				max={ metadata.attributes.limit.maximum }
				onChange={ ( limit ) =>
					setAttributes( {
						limit: limit ?? metadata.attributes.limit.default,
					} )
				}
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<ToggleControl
				label={ __( 'Link to the feed', 'infosec-policy' ) }
				help={ __(
					'An RSS feed that customers can follow to hear of every change of processor.',
					'infosec-policy'
				) }
				checked={ attributes.showFeedLink }
				onChange={ ( showFeedLink ) =>
					setAttributes( { showFeedLink } )
				}
				__nextHasNoMarginBottom
			/>
		</PanelBody>
	);
}

/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { ServerPreview } from '../../src/editor/server-preview';
import metadata from './block.json';
import SidebarSettings from './sidebar-settings';
import type { Attributes } from './types';

/**
 * The editor view: the server's own rendering of the published changes, with the block's settings
 * in the sidebar. With nothing published yet, that rendering says so, as it does to visitors.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates the block's attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	return (
		<>
			<InspectorControls>
				<SidebarSettings
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<ServerPreview
					block={ metadata.name }
					attributes={ attributes }
				/>
			</div>
		</>
	);
}

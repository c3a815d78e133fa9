/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { editorData } from '../../src/editor/editor-data';
import { PolicyPlaceholder } from '../../src/editor/policy-placeholder';
import { ServerPreview } from '../../src/editor/server-preview';
import metadata from './block.json';
import SidebarSettings from './sidebar-settings';
import type { Attributes } from './types';

/**
 * The editor view: the server's own rendering of the block, so the editor shows exactly what
 * visitors see, with the block's settings in the sidebar.
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
				{ editorData().measureCount === 0 ? (
					<PolicyPlaceholder
						label={ __( 'Security measures', 'infosec-policy' ) }
						instructions={ __(
							'No measures yet. Add them in Settings → Information security; this list then shows them on every page that uses it.',
							'infosec-policy'
						) }
					/>
				) : (
					<ServerPreview
						block={ metadata.name }
						attributes={ attributes }
					/>
				) }
			</div>
		</>
	);
}

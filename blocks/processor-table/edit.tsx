/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { editorData, findingsAbout } from '../../src/editor/editor-data';
import { PolicyPlaceholder } from '../../src/editor/policy-placeholder';
import { ServerPreview } from '../../src/editor/server-preview';
import metadata from './block.json';
import SidebarSettings from './sidebar-settings';
import type { Attributes } from './types';

/**
 * The editor view: the server's own rendering (what visitors see), the settings in the sidebar,
 * and, for editors only, notices about processors that need attention or are announced.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates the block's attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	const { processors, findings, upcoming } = editorData();
	return (
		<>
			<InspectorControls>
				<SidebarSettings
					attributes={ attributes }
					setAttributes={ setAttributes }
				/>
			</InspectorControls>
			<div { ...useBlockProps() }>
				{ processors.length === 0 ? (
					<PolicyPlaceholder
						label={ __( 'Processor table', 'infosec-policy' ) }
						instructions={ __(
							'No processors yet. Add them in Settings → Information security; this table then lists them on every page that shows it.',
							'infosec-policy'
						) }
					/>
				) : (
					<>
						{ findingsAbout( findings, 'processor' ).map(
							( finding ) => (
								<Notice
									key={ finding.key }
									status="warning"
									isDismissible={ false }
								>
									{ finding.message }
								</Notice>
							)
						) }
						{ upcoming.map( ( announced ) => (
							<Notice
								key={ `upcoming-${ announced.processorId }` }
								status="info"
								isDismissible={ false }
							>
								{ announced.message }
							</Notice>
						) ) }
						<ServerPreview
							block={ metadata.name }
							attributes={ attributes }
						/>
					</>
				) }
			</div>
		</>
	);
}

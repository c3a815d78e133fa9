/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { Notice, PanelBody, SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { editorData, findingsAbout } from '../../src/editor/editor-data';
import { ServerPreview } from '../../src/editor/server-preview';
import metadata from './block.json';
import type { Attributes } from './types';

/**
 * The editor view: the server's rendering, and the choice of whose certificate to show.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates the block's attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< Attributes > ) {
	const { processors, findings, siteHost } = editorData();
	const chosen = processors.find( ( p ) => p.id === attributes.processorId );
	// The badge shows a host's certificate, so only findings about that host's certificate belong here.
	const host =
		attributes.processorId === '' ? siteHost : ( chosen?.host ?? '' );
	const certificateFindings =
		host === '' ? [] : findingsAbout( findings, 'host', host );
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Certificate', 'infosec-policy' ) }>
					<SelectControl
						label={ __( 'Whose certificate', 'infosec-policy' ) }
						value={ attributes.processorId }
						options={ [
							{
								value: '',
								label: __( 'This website', 'infosec-policy' ),
							},
							...processors.map( ( p ) => ( {
								value: p.id,
								label: p.name || p.id,
							} ) ),
						] }
						onChange={ ( processorId ) =>
							setAttributes( { processorId } )
						}
						__next40pxDefaultSize
						__nextHasNoMarginBottom
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				{ attributes.processorId !== '' && ! chosen && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'The processor this badge showed is no longer in the policy. Choose another in the block settings.',
							'infosec-policy'
						) }
					</Notice>
				) }
				{ certificateFindings.map( ( finding ) => (
					<Notice
						key={ finding.key }
						status={
							finding.severity === 'error' ? 'error' : 'warning'
						}
						isDismissible={ false }
					>
						{ finding.message }
					</Notice>
				) ) }
				<ServerPreview
					block={ metadata.name }
					attributes={ attributes }
				/>
			</div>
		</>
	);
}

/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';

/**
 * Internal dependencies
 */
import { ServerPreview } from '../../src/editor/server-preview';
import metadata from './block.json';

/**
 * The editor view: the server's rendering. The block has no settings: its text comes from the
 * organisation's name and e-mail address in the policy.
 */
export default function Edit() {
	return (
		<div { ...useBlockProps() }>
			<ServerPreview block={ metadata.name } attributes={ {} } />
		</div>
	);
}

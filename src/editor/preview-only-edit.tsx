/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';

/**
 * Internal dependencies
 */
import { ServerPreview } from './server-preview';

/**
 * The editor view of a policy block without settings: only the server's rendering, since all it
 * shows comes from the policy.
 *
 * @param blockName The block's name.
 */
export function previewOnlyEdit( blockName: string ) {
	return function Edit() {
		return (
			<div { ...useBlockProps() }>
				<ServerPreview block={ blockName } attributes={ {} } />
			</div>
		);
	};
}

/**
 * WordPress dependencies
 */
import { useBlockProps } from '@wordpress/block-editor';
import { Disabled } from '@wordpress/components';
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import metadata from './block.json';

/**
 * The editor view: the server's rendering. The block has no settings: its text comes from the
 * organisation's name and e-mail address in the policy.
 */
export default function Edit() {
	return (
		<div { ...useBlockProps() }>
			<Disabled>
				<ServerSideRender
					block={ metadata.name }
					attributes={ {} }
					skipBlockSupportAttributes
				/>
			</Disabled>
		</div>
	);
}

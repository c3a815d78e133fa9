/**
 * WordPress dependencies
 */
import { Disabled } from '@wordpress/components';
import ServerSideRender from '@wordpress/server-side-render';

interface Props {
	block: string;
	attributes: Record< string, unknown >;
}

/**
 * A policy block as visitors see it: the server's own rendering (one renderer for the editor and
 * the page), inert in the editor. Block supports' styles come from the editor's wrapper.
 *
 * @param props            Props.
 * @param props.block      The block's name.
 * @param props.attributes Its attributes.
 */
export function ServerPreview( { block, attributes }: Props ) {
	return (
		<Disabled>
			<ServerSideRender
				block={ block }
				attributes={ attributes }
				skipBlockSupportAttributes
			/>
		</Disabled>
	);
}

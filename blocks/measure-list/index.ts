/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from './block.json';
import Edit from './edit';
import type { Attributes } from './types';
import './style.scss';

// The server registers the block from the same block.json; this adds the editor side. The block is
// dynamic (render.php), so it saves no markup.
registerBlockType< Attributes >( metadata as BlockConfiguration< Attributes >, {
	edit: Edit,
	save: () => null,
} );

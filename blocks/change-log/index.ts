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

// Dynamic block (render.php): it saves no markup.
registerBlockType< Attributes >( metadata as BlockConfiguration< Attributes >, {
	edit: Edit,
	save: () => null,
} );

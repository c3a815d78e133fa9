/**
 * WordPress dependencies
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import metadata from './block.json';
import Edit from './edit';
import './style.scss';

// Dynamic block (render.php): it saves no markup.
registerBlockType( metadata as BlockConfiguration, {
	edit: Edit,
	save: () => null,
} );

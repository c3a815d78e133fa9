/**
 * Internal dependencies
 */
import { previewOnlyEdit } from '../../src/editor/preview-only-edit';
import metadata from './block.json';

// No settings: the facts come from the policy.
export default previewOnlyEdit( metadata.name );

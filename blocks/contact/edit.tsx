/**
 * Internal dependencies
 */
import { previewOnlyEdit } from '../../src/editor/preview-only-edit';
import metadata from './block.json';

// No settings: everything this block shows comes from the policy.
export default previewOnlyEdit( metadata.name );

/**
 * Internal dependencies
 */
import { previewOnlyEdit } from '../../src/editor/preview-only-edit';
import metadata from './block.json';

// No settings: the form's words come from the policy's organisation name.
export default previewOnlyEdit( metadata.name );

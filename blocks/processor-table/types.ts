/**
 * Internal dependencies
 */
import type { columnLabels } from './columns';

/** A column of the table: one of those columnLabels() names (block.json lists the same). */
export type ProcessorColumn = keyof ReturnType< typeof columnLabels >;

/**
 * The block's attributes, as declared in block.json.
 */
export interface Attributes extends Record< string, unknown > {
	columns: ProcessorColumn[];
	role: string;
	country: string;
	caption: string;
}

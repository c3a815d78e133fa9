/**
 * The block's attributes, as declared in block.json.
 */
export interface Attributes extends Record< string, unknown > {
	/** A processor's id, or '' for this website. */
	processorId: string;
}

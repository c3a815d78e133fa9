/**
 * The block's attributes, as declared in block.json.
 */
export interface Attributes extends Record< string, unknown > {
	limit: number;
	showFeedLink: boolean;
}

export type MeasureCategoryFilter = 'all' | 'organizational' | 'technical';

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/**
 * The block's attributes, as declared in block.json.
 */
export interface Attributes extends Record< string, unknown > {
	category: MeasureCategoryFilter;
	headingLevel: HeadingLevel;
}

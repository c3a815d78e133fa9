export type ProcessorColumn =
	| 'role'
	| 'name'
	| 'legalEntity'
	| 'description'
	| 'location'
	| 'transferBasis'
	| 'tlsIssuer'
	| 'firewall'
	| 'dpa'
	| 'securityUrl';

/**
 * The block's attributes, as declared in block.json.
 */
export interface Attributes extends Record< string, unknown > {
	columns: ProcessorColumn[];
	role: string;
	country: string;
	caption: string;
}

/**
 * Internal dependencies
 */
import type {
	InfosecPolicyDocument,
	Measure,
	MeasureTranslation,
	Processor,
	ProcessorTranslation,
} from './policy.generated';

export type {
	CountryCode,
	Measure,
	Organization,
	Processor,
	Site,
	Standard,
	TransferBasis,
	Translation,
	Translations,
} from './policy.generated';

/** The policy document, format version 1 (types generated from schema/policy.schema.json). */
export type Policy = InfosecPolicyDocument;

/** The two lists of entries that the admin adds, reorders and removes. */
export type EntryList = 'measures' | 'processors';

export type EntryOf< L extends EntryList > = L extends 'measures'
	? Measure
	: Processor;

/** The texts of an entry that a translation may hold, without its id. */
export type TranslatedTexts = Partial<
	Omit< MeasureTranslation, 'id' > & Omit< ProcessorTranslation, 'id' >
>;

/** One problem the server found, at a JSON path such as `processors[2].country`. */
export interface FieldError {
	path: string;
	code: string;
	message: string;
	/** The field's label as this page shows it, e.g. “Host name for the TLS check”. */
	label?: string;
	/** The name of the entry the field belongs to, e.g. “Mailchimp”. */
	entry?: string;
}

/**
 * WordPress dependencies
 */
import {
	Button,
	CheckboxControl,
	Notice,
	SelectControl,
} from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	EntryList,
	Measure,
	Organization,
	Processor,
	TranslatedTexts,
	Translations,
} from '../policy/types';
import { maxLengthOf } from '../policy/schema';
import { store } from '../store';
import { PolicyTextField, PolicyTokenField } from './fields';
import { useJumpMatch } from './jump-to-field';
import { Pager } from './pager';

declare global {
	interface Window {
		/** The languages the settings page offers, from the server (Admin_Page). */
		infosecPolicyLanguages?: {
			offered: string[];
			names: Record< string, string >;
		};
	}
}

type Field =
	| 'title'
	| 'description'
	| 'role'
	| 'purpose'
	| 'dataCategories'
	| 'retention';

/** The texts of each list a translation holds, with their labels: the texts a visitor reads. */
const FIELDS: Record<
	EntryList,
	Array< { field: Field; label: string; multiline?: boolean } >
> = {
	measures: [
		{ field: 'title', label: __( 'Title', 'infosec-policy' ) },
		{
			field: 'description',
			label: __( 'Description', 'infosec-policy' ),
			multiline: true,
		},
	],
	processors: [
		{ field: 'role', label: __( 'Service', 'infosec-policy' ) },
		{
			field: 'description',
			label: __( 'Description', 'infosec-policy' ),
			multiline: true,
		},
		{
			field: 'purpose',
			label: __( 'Purpose', 'infosec-policy' ),
			multiline: true,
		},
		{
			field: 'dataCategories',
			label: __( 'Categories of personal data', 'infosec-policy' ),
		},
		{ field: 'retention', label: __( 'Retention', 'infosec-policy' ) },
	],
};

/** How many entries one page of the translation shows. */
const PER_PAGE = 10;

/**
 * A row's key among all the rows of a language.
 *
 * @param row A row.
 */
const rowKey = ( row: Row ) => `${ row.list }:${ row.entry.id }`;

interface Row {
	list: EntryList;
	entry: Measure | Processor;
	/** The entry's place in the translation's list, or -1 when it has none yet. */
	at: number;
	translated: TranslatedTexts;
	/** Its texts that are not empty in the original, with how many are translated. */
	fields: Array< { field: Field; label: string; multiline?: boolean } >;
	missing: number;
}

/**
 * A language's name in the admin's language, or its code when the server named none.
 *
 * @param code A primary language subtag.
 */
export function languageName( code: string ): string {
	return window.infosecPolicyLanguages?.names[ code ] ?? code;
}

/**
 * Whether a text is empty: no text, or a list of none.
 *
 * @param text A text or a list of texts.
 */
function isEmpty( text: unknown ): boolean {
	return (
		text === undefined ||
		text === '' ||
		( Array.isArray( text ) && text.length === 0 )
	);
}

/**
 * Every entry with a text to translate, with what its translation holds.
 *
 * @param measures     The measures.
 * @param processors   The processors.
 * @param translations The translations.
 * @param language     The language translated into.
 */
function rowsOf(
	measures: Measure[],
	processors: Processor[],
	translations: Translations | undefined,
	language: string
): Row[] {
	const rows: Row[] = [];
	const lists: Array< [ EntryList, Array< Measure | Processor > ] > = [
		[ 'measures', measures ],
		[ 'processors', processors ],
	];
	for ( const [ list, entries ] of lists ) {
		const translated = translations?.[ language ]?.[ list ] ?? [];
		for ( const entry of entries ) {
			const at = translated.findIndex(
				( texts ) => texts.id === entry.id
			);
			const texts = ( translated[ at ] ?? {} ) as TranslatedTexts;
			const fields = FIELDS[ list ].filter(
				( { field } ) =>
					! isEmpty(
						( entry as unknown as Record< string, unknown > )[
							field
						]
					)
			);
			if ( fields.length > 0 ) {
				rows.push( {
					list,
					entry,
					at,
					translated: texts,
					fields,
					missing: fields.filter( ( { field } ) =>
						isEmpty( texts[ field ] )
					).length,
				} );
			}
		}
	}
	return rows;
}

/**
 * The texts in other languages: the language the texts are written in, and for each language
 * they are translated into, every text beside the field for its translation.
 *
 * @param props              Props.
 * @param props.organization The organisation, whose `language` the texts are in.
 * @param props.measures     The measures.
 * @param props.processors   The processors.
 * @param props.translations The translations.
 */
export function TranslationsSection( {
	organization,
	measures,
	processors,
	translations,
}: {
	organization: Organization;
	measures: Measure[];
	processors: Processor[];
	translations: Translations | undefined;
} ) {
	const {
		editOrganization,
		editTranslation,
		addTranslation,
		removeTranslation,
	} = useDispatch( store );
	const original = organization.language ?? 'en';
	const names = window.infosecPolicyLanguages?.names ?? {};
	const offered = window.infosecPolicyLanguages?.offered ?? [];
	// A translation into the texts' own language (after the admin changed that language) stays
	// listed, so that it can be removed: a save refuses it.
	const languages = [
		...new Set( [ ...Object.keys( translations ?? {} ), ...offered ] ),
	].filter( ( code ) => code !== original || translations?.[ code ] );
	const [ chosen, setChosen ] = useState( '' );
	const [ adding, setAdding ] = useState( '' );
	// The entries that lacked a text when "only texts without a translation" was chosen, by
	// language: an entry stays while its last text is typed, rather than vanish at its first letter.
	const [ onlyMissing, setOnlyMissing ] = useState< {
		language: string;
		keys: Set< string >;
	} | null >( null );
	const [ page, setPage ] = useState( 0 );
	const lacking = ( code: string ) =>
		new Set(
			rowsOf( measures, processors, translations, code )
				.filter( ( row ) => row.missing > 0 )
				.map( rowKey )
		);
	// A finding about a language's texts shows them: one entry's where it names one, else the
	// entries that lack a translation.
	useJumpMatch(
		'^translations\\.([a-z]{2,3})(?:\\.(measures|processors)\\[(\\d+)\\])?',
		( match ) => {
			const code = match[ 1 ] ?? '';
			const list = match[ 2 ] as EntryList | undefined;
			setChosen( code );
			if ( ! list ) {
				setOnlyMissing( { language: code, keys: lacking( code ) } );
				setPage( 0 );
				return;
			}
			const id =
				translations?.[ code ]?.[ list ]?.[ Number( match[ 3 ] ) ]?.id;
			const at = rowsOf(
				measures,
				processors,
				translations,
				code
			).findIndex( ( row ) => row.list === list && row.entry.id === id );
			setOnlyMissing( null );
			setPage( Math.max( 0, Math.floor( at / PER_PAGE ) ) );
		}
	);
	const language = languages.includes( chosen )
		? chosen
		: ( languages[ 0 ] ?? '' );
	const addable = Object.keys( names ).filter(
		( code ) => code !== original && ! languages.includes( code )
	);
	const all = language
		? rowsOf( measures, processors, translations, language )
		: [];
	const texts = all.reduce( ( sum, row ) => sum + row.fields.length, 0 );
	const missing = all.reduce( ( sum, row ) => sum + row.missing, 0 );
	const kept =
		onlyMissing && onlyMissing.language !== language
			? lacking( language )
			: onlyMissing?.keys;
	const rows = kept
		? all.filter( ( row ) => kept.has( rowKey( row ) ) )
		: all;
	const pages = Math.ceil( rows.length / PER_PAGE );
	const shown = rows.slice(
		Math.min( page, Math.max( 0, pages - 1 ) ) * PER_PAGE,
		Math.min( page, Math.max( 0, pages - 1 ) ) * PER_PAGE + PER_PAGE
	);
	const languageOptions = ( codes: string[] ) =>
		codes.map( ( code ) => ( {
			value: code,
			label: languageName( code ),
		} ) );

	return (
		<div
			className="infosec-policy-section__fields infosec-policy-translations"
			data-field-path="translations"
		>
			<SelectControl
				label={ __( 'Language of the texts', 'infosec-policy' ) }
				help={ __(
					'The language you type the texts above in. Visitors who read another language get its translation below where there is one, and the text as typed where there is not.',
					'infosec-policy'
				) }
				value={ original }
				options={ languageOptions( [
					...new Set( [ original, ...Object.keys( names ) ] ),
				] ) }
				onChange={ ( value ) =>
					editOrganization( { language: value } )
				}
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			{ languages.length > 0 && (
				<SelectControl
					label={ __( 'Translate into', 'infosec-policy' ) }
					value={ language }
					options={ languageOptions( languages ) }
					onChange={ ( value ) => {
						setChosen( value );
						setPage( 0 );
					} }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
			) }
			{ addable.length > 0 && (
				<div className="infosec-policy-translations__add">
					<SelectControl
						label={ __( 'Add a language', 'infosec-policy' ) }
						value={ adding }
						options={ [
							{
								value: '',
								label: __(
									'Choose a language',
									'infosec-policy'
								),
							},
							...languageOptions( addable ),
						] }
						onChange={ setAdding }
						__next40pxDefaultSize
						__nextHasNoMarginBottom
					/>
					<Button
						variant="secondary"
						disabled={ adding === '' }
						accessibleWhenDisabled
						onClick={ () => {
							addTranslation( adding );
							setChosen( adding );
							setAdding( '' );
							setPage( 0 );
						} }
					>
						{ __( 'Add', 'infosec-policy' ) }
					</Button>
				</div>
			) }
			{ language !== '' && (
				<>
					<p
						className="infosec-policy-translations__count"
						aria-live="polite"
					>
						{ sprintf(
							/* translators: 1: a number of texts, 2: a number of texts, 3: a language, such as "English". */
							__(
								'%1$d of %2$d texts translated into %3$s.',
								'infosec-policy'
							),
							texts - missing,
							texts,
							languageName( language )
						) }
					</p>
					{ language === original && (
						<Notice status="error" isDismissible={ false }>
							{ sprintf(
								/* translators: %s: a language, such as "English". */
								__(
									'The texts are typed in %s now, so they need no translation into it. Remove this translation, or choose the language the texts are typed in.',
									'infosec-policy'
								),
								languageName( language )
							) }
						</Notice>
					) }
					<CheckboxControl
						label={ __(
							'Show only texts without a translation',
							'infosec-policy'
						) }
						checked={ onlyMissing !== null }
						onChange={ ( checked ) => {
							setOnlyMissing(
								checked
									? { language, keys: lacking( language ) }
									: null
							);
							setPage( 0 );
						} }
						__nextHasNoMarginBottom
					/>
					{ shown.map( ( row ) => (
						<TranslatedEntry
							key={ rowKey( row ) }
							row={ row }
							language={ language }
							original={ original }
							onChange={ ( patch ) =>
								editTranslation(
									language,
									row.list,
									row.entry.id,
									patch
								)
							}
						/>
					) ) }
					<Pager
						page={ Math.min( page, Math.max( 0, pages - 1 ) ) }
						pages={ pages }
						onChange={ setPage }
						label={ __(
							'Pages of texts to translate',
							'infosec-policy'
						) }
					/>
					{ translations?.[ language ] && (
						<Button
							variant="secondary"
							isDestructive
							onClick={ () => {
								removeTranslation( language );
								setChosen( '' );
							} }
						>
							{ sprintf(
								/* translators: %s: a language, such as "English". */
								__(
									'Remove the translation into %s',
									'infosec-policy'
								),
								languageName( language )
							) }
						</Button>
					) }
				</>
			) }
		</div>
	);
}

/**
 * One entry's texts, each as typed beside the field for its translation.
 *
 * @param props          Props.
 * @param props.row      The entry and its translation.
 * @param props.language The language translated into.
 * @param props.original The language the texts are typed in.
 * @param props.onChange Called with the texts to set.
 */
function TranslatedEntry( {
	row,
	language,
	original,
	onChange,
}: {
	row: Row;
	language: string;
	original: string;
	onChange: ( patch: TranslatedTexts ) => void;
} ) {
	const entry = row.entry as unknown as Record< string, string | string[] >;
	const name = row.list === 'measures' ? entry.title : entry.name;
	const at = row.at < 0 ? row.list : `${ row.list }[${ row.at }]`;
	return (
		<fieldset className="infosec-policy-translation">
			<legend>
				{ row.list === 'measures'
					? sprintf(
							/* translators: %s: a security measure's title. */
							__( 'Measure %s', 'infosec-policy' ),
							String( name )
						)
					: sprintf(
							/* translators: %s: a processor's name. */
							__( 'Processor %s', 'infosec-policy' ),
							String( name )
						) }
			</legend>
			{ row.fields.map( ( { field, label, multiline } ) => {
				const source = entry[ field ];
				const path = `translations.${ language }.${ at }.${ field }`;
				const fieldLabel = sprintf(
					/* translators: 1: a field, such as "Title", 2: a language, such as "English". */
					__( '%1$s in %2$s', 'infosec-policy' ),
					label,
					languageName( language )
				);
				return (
					<div
						key={ field }
						className="infosec-policy-translation__pair"
					>
						<div className="infosec-policy-translation__original">
							<span className="infosec-policy-translation__label">
								{ sprintf(
									/* translators: 1: a field, such as "Title", 2: a language, such as "Dutch". */
									__(
										'%1$s in %2$s (as typed)',
										'infosec-policy'
									),
									label,
									languageName( original )
								) }
							</span>
							<p lang={ original }>
								{ Array.isArray( source )
									? source.join( ', ' )
									: source }
							</p>
						</div>
						{ field === 'dataCategories' ? (
							<PolicyTokenField
								path={ path }
								label={ fieldLabel }
								help={ __(
									'Each category in the same order as the original; press Enter after each.',
									'infosec-policy'
								) }
								value={
									( row.translated.dataCategories ??
										[] ) as string[]
								}
								onChange={ ( dataCategories ) =>
									onChange( { dataCategories } )
								}
							/>
						) : (
							<PolicyTextField
								path={ path }
								label={ fieldLabel }
								value={ String(
									row.translated[ field ] ?? ''
								) }
								onChange={ ( text ) =>
									onChange( { [ field ]: text } )
								}
								multiline={ multiline }
								lang={ language }
								maxLength={ maxLengthOf(
									row.list === 'measures'
										? 'measure'
										: 'processor',
									field
								) }
							/>
						) }
					</div>
				);
			} ) }
		</fieldset>
	);
}

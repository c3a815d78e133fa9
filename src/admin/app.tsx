/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { memo, useCallback } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { countryName } from '../policy/countries';
import { newMeasure, newProcessor } from '../policy/entries';
import type { CountryCode, Measure, Processor } from '../policy/types';
import { store } from '../store';
import { CertificatesSection } from './certificates-section';
import { ChangeLogSection } from './change-log-section';
import { ChangeNoteFields } from './change-note-fields';
import { ConflictNotice } from './conflict-notice';
import { adminLocale } from './country-controls';
import { EntryList } from './entry-list';
import { ErrorSummary } from './error-summary';
import { FindingsPanel } from './findings-panel';
import { ImportExport } from './import-export';
import { JumpToFieldProvider } from './jump-to-field';
import { NoticeConfirmModal } from './notice-preview';
import { categoryLabel, MeasureEditor } from './measure-editor';
import { ObjectionsSection } from './objections-section';
import { OrganizationSection } from './organization-section';
import { ProcessorEditor } from './processor-editor';
import { SiteSection } from './site-section';
import { SubscribersSection } from './subscribers-section';
import { transferBasisText } from './transfer-basis-select';
import { TranslationsSection } from './translations-section';
import { usePolicyEditor } from './use-policy-editor';

function Section( {
	id,
	title,
	children,
}: {
	id: string;
	title: string;
	children: React.ReactNode;
} ) {
	return (
		<section className="infosec-policy-section" aria-labelledby={ id }>
			<h2 id={ id }>{ title }</h2>
			{ children }
		</section>
	);
}

// A key press changes one part of the draft; the sections whose part it is not, and the lists
// whose entries it is not, keep what they rendered (with a thousand processors, rendering every
// section again made each key press take a fifth of a second).
const MemoOrganizationSection = memo( OrganizationSection );
const MemoSiteSection = memo( SiteSection );
const MemoCertificatesSection = memo( CertificatesSection );
const MemoChangeLogSection = memo( ChangeLogSection );
const MemoSubscribersSection = memo( SubscribersSection );
const MemoObjectionsSection = memo( ObjectionsSection );
const MemoFindingsPanel = memo( FindingsPanel );
const MemoTranslationsSection = memo( TranslationsSection );
const MemoEntryList = memo( EntryList ) as typeof EntryList;

const measureLabel = ( measure: Measure ) => measure.title;
const measureSummary = ( measure: Measure ) =>
	categoryLabel( measure.category );
const measureSearchText = ( measure: Measure ) =>
	`${ measure.title } ${ measure.description }`;
const measureEditor = ( measure: Measure, index: number ) => (
	<MeasureEditor measure={ measure } index={ index } />
);
const processorLabel = ( processor: Processor ) => processor.name;
const processorSummary = ( processor: Processor ) =>
	[
		processor.role,
		countryName( processor.country, adminLocale() ),
		transferBasisText( processor.transferBasis ).label,
	]
		.filter( Boolean )
		.join( ' · ' );
const processorSearchText = ( processor: Processor ) =>
	`${ processor.name } ${ processor.role } ${ processor.legalEntity } ${ processor.country } ${ countryName( processor.country, adminLocale() ) } ${ processor.host }`;
const processorEditor = ( processor: Processor, index: number ) => (
	<ProcessorEditor processor={ processor } index={ index } />
);

/**
 * The settings page: organisation, measures, processors and site, saved together.
 */
export function App() {
	const {
		load,
		save,
		pendingNotice,
		confirmSave,
		cancelSave,
		notice,
		setNotice,
		loadError,
		change,
		setChange,
	} = usePolicyEditor();
	const { draft, dirty, saving } = useSelect( ( select ) => {
		const s = select( store );
		return {
			draft: s.getDraft(),
			dirty: s.isDirty(),
			saving: s.isSaving(),
		};
	}, [] );
	const homeCountry = ( draft?.organization.country || 'NL' ) as CountryCode;
	const newProcessorHere = useCallback(
		( taken: string[] ) => newProcessor( taken, homeCountry ),
		[ homeCountry ]
	);

	if ( loadError ) {
		return (
			<Notice
				status="error"
				isDismissible={ false }
				spokenMessage={ loadError }
			>
				{ loadError }{ ' ' }
				<Button variant="link" onClick={ load }>
					{ __( 'Try again', 'infosec-policy' ) }
				</Button>
			</Notice>
		);
	}
	if ( ! draft ) {
		return <Spinner />;
	}
	return (
		<JumpToFieldProvider>
			<div className="infosec-policy-admin">
				{ notice && (
					<Notice
						status={ notice.status }
						onRemove={ () =>
							setNotice( { ...notice, message: '' } )
						}
					>
						{ notice.message }
					</Notice>
				) }
				<ConflictNotice reload={ load } />
				<ErrorSummary />
				<MemoFindingsPanel />
				<Section
					id="infosec-policy-organization"
					title={ __( 'Organisation', 'infosec-policy' ) }
				>
					<MemoOrganizationSection
						organization={ draft.organization }
					/>
				</Section>
				<Section
					id="infosec-policy-measures"
					title={ __( 'Measures', 'infosec-policy' ) }
				>
					<MemoEntryList
						list="measures"
						entries={ draft.measures }
						labelOf={ measureLabel }
						summaryOf={ measureSummary }
						searchTextOf={ measureSearchText }
						renderEditor={ measureEditor }
						newEntry={ newMeasure }
						addLabel={ __( 'Add a measure', 'infosec-policy' ) }
						pagesLabel={ __(
							'Pages of measures',
							'infosec-policy'
						) }
					/>
				</Section>
				<Section
					id="infosec-policy-processors"
					title={ __( 'Processors', 'infosec-policy' ) }
				>
					<MemoEntryList
						list="processors"
						entries={ draft.processors }
						labelOf={ processorLabel }
						summaryOf={ processorSummary }
						searchTextOf={ processorSearchText }
						renderEditor={ processorEditor }
						newEntry={ newProcessorHere }
						addLabel={ __( 'Add a processor', 'infosec-policy' ) }
						pagesLabel={ __(
							'Pages of processors',
							'infosec-policy'
						) }
					/>
				</Section>
				<Section
					id="infosec-policy-translations"
					title={ __( 'Texts in other languages', 'infosec-policy' ) }
				>
					<MemoTranslationsSection
						organization={ draft.organization }
						measures={ draft.measures }
						processors={ draft.processors }
						translations={ draft.translations }
					/>
				</Section>
				<Section
					id="infosec-policy-site"
					title={ __( 'Site', 'infosec-policy' ) }
				>
					<MemoSiteSection site={ draft.site } />
				</Section>
				<Section
					id="infosec-policy-certificates"
					title={ __( 'Certificates', 'infosec-policy' ) }
				>
					<MemoCertificatesSection />
				</Section>
				<Section
					id="infosec-policy-changes"
					title={ __( 'Change log', 'infosec-policy' ) }
				>
					<MemoChangeLogSection />
				</Section>
				<Section
					id="infosec-policy-objections"
					title={ __( 'Objections', 'infosec-policy' ) }
				>
					<MemoObjectionsSection processors={ draft.processors } />
				</Section>
				<Section
					id="infosec-policy-subscribers"
					title={ __( 'Subscribers', 'infosec-policy' ) }
				>
					<MemoSubscribersSection />
				</Section>
				<div className="infosec-policy-save-bar">
					{ dirty && (
						// Folded, so the bar stays one line over the page, until the admin opens it.
						<details className="infosec-policy-save-bar__change">
							<summary>
								{ __(
									'Add a note about this change',
									'infosec-policy'
								) }
							</summary>
							<ChangeNoteFields
								change={ change }
								onChange={ setChange }
							/>
						</details>
					) }
					<Button
						variant="primary"
						onClick={ save }
						isBusy={ saving }
						disabled={ saving }
						accessibleWhenDisabled
					>
						{ __( 'Save policy', 'infosec-policy' ) }
					</Button>
					<span
						className="infosec-policy-save-bar__status"
						aria-live="polite"
					>
						{ dirty
							? __( 'Unsaved changes', 'infosec-policy' )
							: __( 'All changes saved', 'infosec-policy' ) }
					</span>
					<ImportExport setNotice={ setNotice } />
				</div>
				{ pendingNotice && (
					<NoticeConfirmModal
						recipients={ pendingNotice.recipients }
						email={ pendingNotice.email }
						onConfirm={ confirmSave }
						onCancel={ cancelSave }
					/>
				) }
			</div>
		</JumpToFieldProvider>
	);
}

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { countryName } from '../policy/countries';
import { newMeasure, newProcessor } from '../policy/entries';
import type { CountryCode } from '../policy/types';
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
import { categoryLabel, MeasureEditor } from './measure-editor';
import { OrganizationSection } from './organization-section';
import { ProcessorEditor } from './processor-editor';
import { SiteSection } from './site-section';
import { transferBasisText } from './transfer-basis-select';
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

/**
 * The settings page: organisation, measures, processors and site, saved together.
 */
export function App() {
	const { load, save, notice, setNotice, loadError, change, setChange } =
		usePolicyEditor();
	const { draft, dirty, saving } = useSelect( ( select ) => {
		const s = select( store );
		return {
			draft: s.getDraft(),
			dirty: s.isDirty(),
			saving: s.isSaving(),
		};
	}, [] );

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
	const locale = adminLocale();
	const homeCountry = ( draft.organization.country || 'NL' ) as CountryCode;
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
				<FindingsPanel />
				<Section
					id="infosec-policy-organization"
					title={ __( 'Organisation', 'infosec-policy' ) }
				>
					<OrganizationSection organization={ draft.organization } />
				</Section>
				<Section
					id="infosec-policy-measures"
					title={ __( 'Measures', 'infosec-policy' ) }
				>
					<EntryList
						list="measures"
						entries={ draft.measures }
						labelOf={ ( measure ) => measure.title }
						summaryOf={ ( measure ) =>
							categoryLabel( measure.category )
						}
						searchTextOf={ ( measure ) =>
							`${ measure.title } ${ measure.description }`
						}
						renderEditor={ ( measure, index ) => (
							<MeasureEditor
								measure={ measure }
								index={ index }
							/>
						) }
						newEntry={ newMeasure }
						addLabel={ __( 'Add a measure', 'infosec-policy' ) }
					/>
				</Section>
				<Section
					id="infosec-policy-processors"
					title={ __( 'Processors', 'infosec-policy' ) }
				>
					<EntryList
						list="processors"
						entries={ draft.processors }
						labelOf={ ( processor ) => processor.name }
						summaryOf={ ( processor ) =>
							[
								processor.role,
								countryName( processor.country, locale ),
								transferBasisText( processor.transferBasis )
									.label,
							]
								.filter( Boolean )
								.join( ' · ' )
						}
						searchTextOf={ ( processor ) =>
							`${ processor.name } ${ processor.role } ${ processor.legalEntity } ${ processor.country } ${ countryName( processor.country, locale ) } ${ processor.host }`
						}
						renderEditor={ ( processor, index ) => (
							<ProcessorEditor
								processor={ processor }
								index={ index }
							/>
						) }
						newEntry={ ( taken ) =>
							newProcessor( taken, homeCountry )
						}
						addLabel={ __( 'Add a processor', 'infosec-policy' ) }
					/>
				</Section>
				<Section
					id="infosec-policy-site"
					title={ __( 'Site', 'infosec-policy' ) }
				>
					<SiteSection site={ draft.site } />
				</Section>
				<Section
					id="infosec-policy-certificates"
					title={ __( 'Certificates', 'infosec-policy' ) }
				>
					<CertificatesSection />
				</Section>
				<Section
					id="infosec-policy-changes"
					title={ __( 'Change log', 'infosec-policy' ) }
				>
					<ChangeLogSection />
				</Section>
				<div className="infosec-policy-save-bar">
					{ dirty && (
						<ChangeNoteFields
							change={ change }
							onChange={ setChange }
						/>
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
			</div>
		</JumpToFieldProvider>
	);
}

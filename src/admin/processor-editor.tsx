/**
 * WordPress dependencies
 */
import { CheckboxControl, SelectControl } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { pathOf } from '../policy/paths';
import { maxLengthOf } from '../policy/schema';
import type { Processor } from '../policy/types';
import { store } from '../store';
import { AdvancedFields } from './advanced-fields';
import { CountryList, CountrySelect } from './country-controls';
import { FieldError, PolicyTextField, PolicyTokenField } from './fields';
import { TransferBasisSelect } from './transfer-basis-select';

interface Props {
	processor: Processor;
	index: number;
}

/**
 * Every field of one processor.
 *
 * @param props           Props.
 * @param props.processor The processor.
 * @param props.index     Its position in the list.
 */
export function ProcessorEditor( { processor, index }: Props ) {
	const { editEntry } = useDispatch( store );
	const processors = useSelect(
		( select ) => select( store ).getDraft()?.processors,
		[]
	);
	// Any processor it could work for: not itself, nor one that works for it, directly or not.
	const parentOf = new Map(
		( processors ?? [] ).map( ( other ) => [
			other.id,
			other.parentId ?? '',
		] )
	);
	const worksFor = ( id: string, ancestor: string ) => {
		let step = parentOf.get( id ) ?? '';
		for ( let hops = 0; step !== '' && hops < parentOf.size; hops++ ) {
			if ( step === ancestor ) {
				return true;
			}
			step = parentOf.get( step ) ?? '';
		}
		return false;
	};
	const others = ( processors ?? [] ).filter(
		( other ) =>
			other.id !== '' &&
			other.id !== processor.id &&
			! worksFor( other.id, processor.id )
	);
	const parentId = processor.parentId ?? '';
	const parentKnown =
		parentId === '' || others.some( ( other ) => other.id === parentId );
	const edit = ( patch: Partial< Processor > ) =>
		editEntry( 'processors', index, patch );
	const path = ( field: keyof Processor ) =>
		pathOf( 'processors', index, field );
	const text = ( field: keyof Processor & string, label: string ) => ( {
		path: path( field ),
		label,
		value: String( processor[ field ] ?? '' ),
		onChange: ( value: string ) => edit( { [ field ]: value } ),
		maxLength: maxLengthOf( 'processor', field ),
	} );

	return (
		<div className="infosec-policy-entry-editor">
			<PolicyTextField
				{ ...text( 'name', __( 'Name', 'infosec-policy' ) ) }
				required
			/>
			<PolicyTextField
				{ ...text( 'role', __( 'Role', 'infosec-policy' ) ) }
				help={ __(
					'What it does for you, e.g. “Newsletter”.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'legalEntity',
					__( 'Legal entity', 'infosec-policy' )
				) }
			/>
			<PolicyTextField
				{ ...text(
					'description',
					__( 'Description', 'infosec-policy' )
				) }
				multiline
				checkWording
				help={ __(
					'Plain text; a blank line starts a new paragraph.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text( 'purpose', __( 'Purpose', 'infosec-policy' ) ) }
				multiline
				help={ __(
					'What it does with the personal data, e.g. “Sends our newsletter”.',
					'infosec-policy'
				) }
			/>
			<PolicyTokenField
				path={ path( 'dataCategories' ) }
				label={ __( 'Categories of personal data', 'infosec-policy' ) }
				help={ __(
					'E.g. names, e-mail addresses. Separate with commas or the Enter key.',
					'infosec-policy'
				) }
				value={ processor.dataCategories ?? [] }
				maxLength={ 20 }
				onChange={ ( dataCategories ) => edit( { dataCategories } ) }
			/>
			<PolicyTextField
				{ ...text( 'retention', __( 'Retention', 'infosec-policy' ) ) }
				help={ __(
					'How long it keeps the data, e.g. “Until you unsubscribe”.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'address',
					__( 'Postal address', 'infosec-policy' )
				) }
				multiline
				help={ __(
					'Of the legal entity, as your customers’ registers ask for it.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'contactPoint',
					__( 'Contact for personal data', 'infosec-policy' )
				) }
				help={ __(
					'An e-mail address, or an https:// address, where it answers about personal data.',
					'infosec-policy'
				) }
			/>
			<div data-field-path={ path( 'parentId' ) }>
				<SelectControl
					label={ __( 'Sub-processor of', 'infosec-policy' ) }
					value={ parentId }
					options={ [
						{
							value: '',
							label: __(
								'None: you engage it yourself',
								'infosec-policy'
							),
						},
						...others.map( ( other ) => ( {
							value: other.id,
							label: other.name || other.id,
						} ) ),
						// A value from an imported file that names no processor here: shown as it is.
						...( parentKnown
							? []
							: [ { value: parentId, label: parentId } ] ),
					] }
					onChange={ ( chosen ) => edit( { parentId: chosen } ) }
					help={ __(
						'A processor that another processor of yours engages: choose that processor.',
						'infosec-policy'
					) }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				<FieldError path={ path( 'parentId' ) } />
			</div>
			<PolicyTextField
				{ ...text(
					'subprocessorsUrl',
					__( 'Its list of sub-processors', 'infosec-policy' )
				) }
				type="url"
				help={ __(
					'The https:// address where it publishes the sub-processors it engages.',
					'infosec-policy'
				) }
			/>
			<CountrySelect
				path={ path( 'country' ) }
				label={ __( 'Country of the legal entity', 'infosec-policy' ) }
				value={ processor.country }
				onChange={ ( country ) => country && edit( { country } ) }
			/>
			<CountryList
				path={ path( 'dataLocations' ) }
				label={ __( 'Where the data is stored', 'infosec-policy' ) }
				value={ processor.dataLocations }
				onChange={ ( dataLocations ) => edit( { dataLocations } ) }
			/>
			<TransferBasisSelect
				path={ path( 'transferBasis' ) }
				value={ processor.transferBasis }
				onChange={ ( transferBasis ) => edit( { transferBasis } ) }
			/>
			{ processor.transferBasis === 'dpf' && (
				<PolicyTextField
					{ ...text(
						'dpfListingUrl',
						__( 'Data Privacy Framework listing', 'infosec-policy' )
					) }
					type="url"
					help={ __(
						'The https:// address of its entry on dataprivacyframework.gov.',
						'infosec-policy'
					) }
				/>
			) }
			<div data-field-path={ path( 'dpaSigned' ) }>
				<CheckboxControl
					label={ __(
						'Processing agreement signed',
						'infosec-policy'
					) }
					checked={ processor.dpaSigned }
					onChange={ ( dpaSigned ) => edit( { dpaSigned } ) }
					__nextHasNoMarginBottom
				/>
				<FieldError path={ path( 'dpaSigned' ) } />
			</div>
			<PolicyTextField
				{ ...text(
					'dpaDate',
					__( 'Agreement date', 'infosec-policy' )
				) }
				type="date"
			/>
			<PolicyTextField
				{ ...text(
					'effectiveFrom',
					__( 'In use from', 'infosec-policy' )
				) }
				type="date"
				help={ __(
					'For a processor you are about to add: the change log announces it at once, and the processor table shows it from this day. Leave empty for one already in use.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'securityUrl',
					__( 'Security page', 'infosec-policy' )
				) }
				type="url"
				help={ __(
					'An https:// address where the processor describes its security.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'host',
					__( 'Host name for the TLS check', 'infosec-policy' )
				) }
				type="host"
				help={ __(
					'A bare host name such as mailchimp.com.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				{ ...text(
					'tlsIssuerDeclared',
					__( 'Declared certificate issuer', 'infosec-policy' )
				) }
			/>
			<div data-field-path={ path( 'firewall' ) }>
				<CheckboxControl
					label={ __( 'Uses a firewall', 'infosec-policy' ) }
					checked={ processor.firewall }
					onChange={ ( firewall ) => edit( { firewall } ) }
					__nextHasNoMarginBottom
				/>
			</div>
			<PolicyTokenField
				path={ path( 'certifications' ) }
				label={ __( 'Certifications', 'infosec-policy' ) }
				help={ __(
					'Separate with commas or the Enter key.',
					'infosec-policy'
				) }
				value={ processor.certifications }
				onChange={ ( certifications ) => edit( { certifications } ) }
			/>
			<AdvancedFields paths={ [ path( 'id' ) ] }>
				<PolicyTextField
					{ ...text( 'id', __( 'Identifier', 'infosec-policy' ) ) }
					help={ __(
						'Made from the name when the processor is added, then kept, so that blocks and the public register keep finding it. Lower-case letters, digits and hyphens; unique among processors.',
						'infosec-policy'
					) }
				/>
			</AdvancedFields>
		</div>
	);
}

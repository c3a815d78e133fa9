/**
 * WordPress dependencies
 */
import { CheckboxControl, FormTokenField } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
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
import { FieldError, PolicyTextField, tokenFieldMessages } from './fields';
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
			<div data-field-path={ path( 'certifications' ) }>
				<FormTokenField
					messages={ tokenFieldMessages() }
					help={ __(
						'Separate with commas or the Enter key.',
						'infosec-policy'
					) }
					label={ __( 'Certifications', 'infosec-policy' ) }
					value={ processor.certifications }
					onChange={ ( tokens ) =>
						edit( {
							certifications: tokens.map( ( token ) =>
								typeof token === 'string' ? token : token.value
							),
						} )
					}
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				<FieldError path={ path( 'certifications' ) } />
			</div>
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

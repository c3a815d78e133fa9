/**
 * WordPress dependencies
 */
import { Button, SelectControl } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { pathOf } from '../policy/paths';
import { maxLengthOf } from '../policy/schema';
import type { Organization, Standard } from '../policy/types';
import { store } from '../store';
import { CountrySelect } from './country-controls';
import { PolicyTextField } from './fields';

/**
 * Today in the admin's own time zone, as YYYY-MM-DD.
 */
function localToday(): string {
	const now = new Date();
	const pad = ( n: number ) => String( n ).padStart( 2, '0' );
	return `${ now.getFullYear() }-${ pad( now.getMonth() + 1 ) }-${ pad(
		now.getDate()
	) }`;
}

const STATUSES: Array< { value: Standard[ 'status' ]; label: string } > = [
	{ value: 'certified', label: __( 'Certified', 'infosec-policy' ) },
	{ value: 'aligned', label: __( 'Aligned with', 'infosec-policy' ) },
	{
		value: 'considered',
		label: __( 'Taken into account', 'infosec-policy' ),
	},
];

/**
 * The organisation's profile: name, contact, country and the standards it follows.
 *
 * @param props              Props.
 * @param props.organization The organisation.
 */
export function OrganizationSection( {
	organization,
}: {
	organization: Organization;
} ) {
	const { editOrganization } = useDispatch( store );
	const standards = organization.standards ?? [];
	const setStandard = ( index: number, patch: Partial< Standard > ) =>
		editOrganization( {
			standards: standards.map( ( standard, i ) =>
				i === index ? { ...standard, ...patch } : standard
			),
		} );
	return (
		<div className="infosec-policy-section__fields">
			<PolicyTextField
				path="organization.name"
				label={ __( 'Name', 'infosec-policy' ) }
				value={ organization.name }
				onChange={ ( name ) => editOrganization( { name } ) }
				maxLength={ maxLengthOf( 'organization', 'name' ) }
				required
			/>
			<PolicyTextField
				path="organization.email"
				type="email"
				label={ __( 'Contact e-mail address', 'infosec-policy' ) }
				value={ organization.email ?? '' }
				onChange={ ( email ) => editOrganization( { email } ) }
			/>
			<PolicyTextField
				path="organization.website"
				type="url"
				label={ __( 'Website', 'infosec-policy' ) }
				value={ organization.website ?? '' }
				onChange={ ( website ) => editOrganization( { website } ) }
			/>
			<CountrySelect
				path="organization.country"
				label={ __( 'Country', 'infosec-policy' ) }
				value={ organization.country ?? '' }
				onChange={ ( country ) => editOrganization( { country } ) }
				allowEmpty
			/>
			<PolicyTextField
				path="organization.reviewedAt"
				type="date"
				label={ __( 'Last reviewed', 'infosec-policy' ) }
				value={ organization.reviewedAt ?? '' }
				onChange={ ( reviewedAt ) =>
					editOrganization( { reviewedAt } )
				}
			/>
			<Button
				variant="secondary"
				className="infosec-policy-mark-reviewed"
				onClick={ () =>
					editOrganization( { reviewedAt: localToday() } )
				}
			>
				{ __( 'Mark reviewed today', 'infosec-policy' ) }
			</Button>
			<PolicyTextField
				path="organization.noticePeriodDays"
				type="number"
				label={ __(
					'Notice period for new processors (days)',
					'infosec-policy'
				) }
				value={
					organization.noticePeriodDays === undefined
						? ''
						: String( organization.noticePeriodDays )
				}
				placeholder="30"
				min={ 0 }
				max={ 180 }
				onChange={ ( days ) =>
					editOrganization( {
						noticePeriodDays:
							days === '' ? undefined : Number( days ),
					} )
				}
				help={ __(
					'How long before its start you announce a new processor, so that your customers can object (GDPR Art. 28(2)). From 0 to 180; 30 if you leave it.',
					'infosec-policy'
				) }
			/>
			<fieldset className="infosec-policy-standards">
				<legend>{ __( 'Standards', 'infosec-policy' ) }</legend>
				{ standards.map( ( standard, index ) => (
					<div
						key={ index }
						className="infosec-policy-standards__row"
					>
						<PolicyTextField
							path={ pathOf(
								'organization',
								'standards',
								index,
								'name'
							) }
							label={ __( 'Standard', 'infosec-policy' ) }
							value={ standard.name }
							onChange={ ( name ) =>
								setStandard( index, { name } )
							}
							required
						/>
						<div
							data-field-path={ pathOf(
								'organization',
								'standards',
								index,
								'status'
							) }
						>
							<SelectControl< Standard[ 'status' ] >
								label={ __( 'Status', 'infosec-policy' ) }
								value={ standard.status }
								options={ STATUSES }
								onChange={ ( status ) =>
									setStandard( index, { status } )
								}
								__next40pxDefaultSize
								__nextHasNoMarginBottom
							/>
						</div>
						<PolicyTextField
							path={ pathOf(
								'organization',
								'standards',
								index,
								'validUntil'
							) }
							type="date"
							label={ __( 'Valid until', 'infosec-policy' ) }
							value={ standard.validUntil ?? '' }
							onChange={ ( validUntil ) =>
								setStandard( index, { validUntil } )
							}
						/>
						<Button
							variant="link"
							isDestructive
							onClick={ () =>
								editOrganization( {
									standards: standards.filter(
										( _s, i ) => i !== index
									),
								} )
							}
						>
							{ __( 'Remove standard', 'infosec-policy' ) }
						</Button>
					</div>
				) ) }
				<Button
					variant="secondary"
					onClick={ () =>
						editOrganization( {
							standards: [
								...standards,
								{ name: '', status: 'aligned' },
							],
						} )
					}
				>
					{ __( 'Add a standard', 'infosec-policy' ) }
				</Button>
			</fieldset>
		</div>
	);
}

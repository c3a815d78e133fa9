/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { TRANSFER_BASES } from '../policy/schema';
import type { TransferBasis } from '../policy/types';
import { useFieldError } from './fields';

/**
 * Each transfer basis in plain words, with a one-line explanation.
 * @param basis
 */
export function transferBasisText( basis: TransferBasis ): {
	label: string;
	explanation: string;
} {
	switch ( basis ) {
		case 'eea':
			return {
				label: __( 'Inside the EEA', 'infosec-policy' ),
				explanation: __(
					'The data stays in the European Economic Area; no transfer rules apply.',
					'infosec-policy'
				),
			};
		case 'adequacy':
			return {
				label: __( 'EU adequacy decision', 'infosec-policy' ),
				explanation: __(
					'The European Commission decided that the country protects personal data adequately.',
					'infosec-policy'
				),
			};
		case 'dpf':
			return {
				label: __( 'EU-US Data Privacy Framework', 'infosec-policy' ),
				explanation: __(
					'The US organisation is certified under the Data Privacy Framework (adequacy decision of 10 July 2023).',
					'infosec-policy'
				),
			};
		case 'scc':
			return {
				label: __( 'Standard contractual clauses', 'infosec-policy' ),
				explanation: __(
					'A contract on the European Commission’s standard clauses binds the recipient.',
					'infosec-policy'
				),
			};
		case 'bcr':
			return {
				label: __( 'Binding corporate rules', 'infosec-policy' ),
				explanation: __(
					'Approved rules bind all companies of the recipient’s group.',
					'infosec-policy'
				),
			};
		case 'derogation':
			return {
				label: __( 'Derogation (GDPR Art. 49)', 'infosec-policy' ),
				explanation: __(
					'An exception for a specific situation, such as explicit consent; not for regular transfers.',
					'infosec-policy'
				),
			};
		case 'privacy-shield':
			return {
				label: __( 'EU-US Privacy Shield (invalid)', 'infosec-policy' ),
				explanation: __(
					'Invalid since 16 July 2020 (Schrems II): choose the Data Privacy Framework or standard contractual clauses instead.',
					'infosec-policy'
				),
			};
	}
}

interface Props {
	path: string;
	value: TransferBasis;
	onChange: ( value: TransferBasis ) => void;
}

/**
 * The legal basis for data leaving the EEA, explained below the select.
 *
 * @param props          Props.
 * @param props.path     JSON path of the field.
 * @param props.value    The basis.
 * @param props.onChange Called with the chosen basis.
 */
export function TransferBasisSelect( { path, value, onChange }: Props ) {
	const error = useFieldError( path );
	return (
		<div
			className={ `infosec-policy-field${ error ? ' has-error' : '' }` }
			data-field-path={ path }
		>
			<SelectControl< TransferBasis >
				label={ __( 'Transfer basis', 'infosec-policy' ) }
				value={ value }
				options={ TRANSFER_BASES.map( ( basis ) => ( {
					value: basis,
					label: transferBasisText( basis ).label,
				} ) ) }
				onChange={ onChange }
				help={ error ?? transferBasisText( value ).explanation }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
		</div>
	);
}

/**
 * WordPress dependencies
 */
import { Button, ComboboxControl } from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { countryName, countryOptions } from '../policy/countries';
import type { CountryCode } from '../policy/types';
import { FieldError, useFieldError } from './fields';

/** The admin's language, as WordPress writes it on the page (`nl-NL`). */
export const adminLocale = (): string => document.documentElement.lang || 'en';

function useCountryOptions() {
	return useMemo( () => countryOptions( adminLocale() ), [] );
}

interface CountrySelectProps {
	path: string;
	label: string;
	value: string;
	onChange: ( value: CountryCode | '' ) => void;
	allowEmpty?: boolean;
}

/**
 * A searchable select of countries, by name in the admin's language or by code.
 *
 * @param props            Props.
 * @param props.path       JSON path of the field.
 * @param props.label      Visible label.
 * @param props.value      ISO 3166-1 alpha-2 code, or ''.
 * @param props.onChange   Called with the chosen code ('' when cleared and allowed).
 * @param props.allowEmpty Whether the field may be left empty.
 */
export function CountrySelect( {
	path,
	label,
	value,
	onChange,
	allowEmpty = false,
}: CountrySelectProps ) {
	const options = useCountryOptions();
	const error = useFieldError( path );
	return (
		<div
			className={ `infosec-policy-field${ error ? ' has-error' : '' }` }
			data-field-path={ path }
		>
			<ComboboxControl
				label={ label }
				value={ value }
				options={ options }
				onChange={ ( code ) => {
					if ( code ) {
						onChange( code as CountryCode );
					} else if ( allowEmpty ) {
						onChange( '' );
					}
				} }
				help={ error }
				allowReset={ allowEmpty }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
		</div>
	);
}

interface CountryListProps {
	path: string;
	label: string;
	value: CountryCode[];
	onChange: ( value: CountryCode[] ) => void;
}

/**
 * A list of countries: each with a button to remove it, and a searchable select to add one.
 *
 * @param props          Props.
 * @param props.path     JSON path of the list.
 * @param props.label    Visible label of the list.
 * @param props.value    The codes.
 * @param props.onChange Called with the new list.
 */
export function CountryList( {
	path,
	label,
	value,
	onChange,
}: CountryListProps ) {
	const options = useCountryOptions();
	const [ adding, setAdding ] = useState< string | null >( null );
	const locale = adminLocale();
	return (
		<fieldset
			className="infosec-policy-country-list"
			data-field-path={ path }
		>
			<legend>{ label }</legend>
			{ value.length === 0 ? (
				<p className="infosec-policy-country-list__empty">
					{ __( 'None yet.', 'infosec-policy' ) }
				</p>
			) : (
				<ul className="infosec-policy-country-list__items">
					{ value.map( ( code, index ) => (
						<li key={ code }>
							{ countryName( code, locale ) } ({ code })
							<Button
								variant="link"
								isDestructive
								onClick={ () =>
									onChange(
										value.filter( ( c ) => c !== code )
									)
								}
								label={ sprintf(
									/* translators: %s: a country's name. */
									__( 'Remove %s', 'infosec-policy' ),
									countryName( code, locale )
								) }
							>
								{ __( 'Remove', 'infosec-policy' ) }
							</Button>
							<FieldError path={ `${ path }[${ index }]` } />
						</li>
					) ) }
				</ul>
			) }
			<ComboboxControl
				label={ __( 'Add a country', 'infosec-policy' ) }
				value={ adding }
				options={ options.filter(
					( option ) => ! value.includes( option.value )
				) }
				onChange={ ( code ) => {
					if ( code ) {
						onChange( [ ...value, code as CountryCode ] );
					}
					setAdding( null );
				} }
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<FieldError path={ path } />
		</fieldset>
	);
}

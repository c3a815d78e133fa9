/**
 * WordPress dependencies
 */
import {
	FormTokenField,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { outdatedWords } from '../policy/stale-wording';
import { hostOf, withScheme } from '../policy/urls';
import { store } from '../store';

/**
 * The server's message for a field, if it rejected it.
 *
 * @param path JSON path of the field.
 */
export function useFieldError( path: string ): string | undefined {
	return useSelect(
		( select ) => select( store ).getFieldError( path ),
		[ path ]
	);
}

interface FieldProps {
	path: string;
	label: string;
	value: string;
	onChange: ( value: string ) => void;
	help?: string;
	maxLength?: number;
	/** `host`: a text field that keeps only the host of an address pasted into it. */
	type?: 'text' | 'email' | 'url' | 'date' | 'host' | 'number';
	multiline?: boolean;
	required?: boolean;
	/** Whether to flag outdated wording (an invalid transfer basis, old TLS) as the admin types. */
	checkWording?: boolean;
	/** Shown while the field is empty, e.g. the default it then has. */
	placeholder?: string;
	/** A number field's bounds. */
	min?: number;
	max?: number;
	/** The language of what is typed, when it is not the page's: a translation's. */
	lang?: string;
}

/**
 * A text input bound to one field of the policy, showing the server's error for it in place of
 * its help text. The wrapper carries the field's path, so the error summary can move focus to it.
 *
 * @param props              Field props.
 * @param props.path         JSON path of the field.
 * @param props.label        Visible label.
 * @param props.value        Current value.
 * @param props.onChange     Called with the new value.
 * @param props.help         Help text shown when there is no error.
 * @param props.maxLength    The schema's limit.
 * @param props.type         Input type.
 * @param props.multiline    Whether to use a text area.
 * @param props.required     Whether the field must not be empty.
 * @param props.checkWording Whether to flag outdated wording as it is typed.
 * @param props.placeholder  Shown while the field is empty.
 * @param props.min          A number field's least value.
 * @param props.max          A number field's greatest value.
 * @param props.lang         The language of what is typed, when it is not the page's.
 */
export function PolicyTextField( {
	path,
	label,
	value,
	onChange,
	help,
	maxLength,
	type = 'text',
	multiline = false,
	required = false,
	checkWording = false,
	placeholder,
	min,
	max,
	lang,
}: FieldProps ) {
	const error = useFieldError( path );
	const outdated = checkWording ? outdatedWords( value ) : [];
	// A web address typed without its scheme is completed when the admin leaves the field.
	// … and an address pasted into a host field is cut down to its host.
	const complete = () => {
		let completed = value;
		if ( type === 'url' ) {
			completed = withScheme( value );
		} else if ( type === 'host' ) {
			completed = hostOf( value );
		}
		if ( completed !== value ) {
			onChange( completed );
		}
	};
	const common = {
		label,
		value,
		onChange,
		help: error ?? help,
		maxLength,
		required,
		'aria-invalid': error ? true : undefined,
		lang,
		__nextHasNoMarginBottom: true,
	};
	return (
		<div
			className={ `infosec-policy-field${ error ? ' has-error' : '' }` }
			data-field-path={ path }
		>
			{ multiline ? (
				<TextareaControl { ...common } rows={ 4 } />
			) : (
				<TextControl
					{ ...common }
					placeholder={ placeholder }
					min={ min }
					max={ max }
					type={ type === 'host' ? 'text' : type }
					onBlur={ complete }
					__next40pxDefaultSize
				/>
			) }
			{ outdated.length > 0 && (
				<ul className="infosec-policy-field__outdated">
					{ outdated.map( ( found ) => (
						<li
							key={ found.words }
							className={ `is-${ found.severity }` }
						>
							{ sprintf(
								/* translators: %s: the outdated words, e.g. "Privacy Shield". */
								__( '“%s” is out of date.', 'infosec-policy' ),
								found.words
							) }{ ' ' }
							{ found.instead }
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}

/**
 * The server's error for a field that has no text input of its own (a list, a switch).
 *
 * @param props      Props.
 * @param props.path JSON path of the field.
 */
export function FieldError( { path }: { path: string } ) {
	const error = useFieldError( path );
	return error ? (
		<p className="infosec-policy-field__error" role="alert">
			{ error }
		</p>
	) : null;
}

/**
 * What a token field announces and labels, in the plugin's own words: so that the settings page
 * reads in the admin's language even where WordPress's language pack lacks its scripts' part.
 * (Its visible hint is the field's `help`, given where the field is.)
 */
export const tokenFieldMessages = () => ( {
	added: __( 'Item added.', 'infosec-policy' ),
	removed: __( 'Item removed.', 'infosec-policy' ),
	remove: __( 'Remove item', 'infosec-policy' ),
	__experimentalInvalid: __( 'Invalid item', 'infosec-policy' ),
} );

/**
 * A list of short texts bound to one field of the policy, as tokens, with the server's error for it.
 *
 * @param props           Props.
 * @param props.path      JSON path of the field.
 * @param props.label     Visible label.
 * @param props.value     The texts.
 * @param props.onChange  Called with the new texts.
 * @param props.help      Help text.
 * @param props.maxLength The schema's most items, if any.
 */
export function PolicyTokenField( {
	path,
	label,
	value,
	onChange,
	help,
	maxLength,
}: {
	path: string;
	label: string;
	value: string[];
	onChange: ( value: string[] ) => void;
	help: string;
	maxLength?: number;
} ) {
	return (
		<div data-field-path={ path }>
			<FormTokenField
				messages={ tokenFieldMessages() }
				help={ help }
				label={ label }
				value={ value }
				maxLength={ maxLength }
				onChange={ ( tokens ) =>
					onChange(
						tokens.map( ( token ) =>
							typeof token === 'string' ? token : token.value
						)
					)
				}
				__next40pxDefaultSize
				__nextHasNoMarginBottom
			/>
			<FieldError path={ path } />
		</div>
	);
}

/**
 * WordPress dependencies
 */
import { CheckboxControl, TextareaControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ChangeAnnotation } from '../api';

/** The longest public note the server takes. */
export const NOTE_MAX_LENGTH = 500;

/**
 * What the admin says about the next save in the change log: a public note, or that the change
 * is internal and stays out of the published log and feed.
 *
 * @param props          Props.
 * @param props.change   The note and flag for the next save.
 * @param props.onChange Sets them.
 */
export function ChangeNoteFields( {
	change,
	onChange,
}: {
	change: ChangeAnnotation;
	onChange: ( change: ChangeAnnotation ) => void;
} ) {
	return (
		<fieldset className="infosec-policy-change-note">
			<legend>{ __( 'About this change', 'infosec-policy' ) }</legend>
			<TextareaControl
				label={ __( 'Public note (optional)', 'infosec-policy' ) }
				help={ __(
					'Shown with the change in the published change log and its feed.',
					'infosec-policy'
				) }
				value={ change.changeNote ?? '' }
				maxLength={ NOTE_MAX_LENGTH }
				rows={ 2 }
				onChange={ ( changeNote ) =>
					onChange( { ...change, changeNote } )
				}
				__nextHasNoMarginBottom
			/>
			<CheckboxControl
				label={ __(
					'Internal change: leave it out of the published change log',
					'infosec-policy'
				) }
				checked={ change.changeInternal ?? false }
				onChange={ ( changeInternal ) =>
					onChange( { ...change, changeInternal } )
				}
				__nextHasNoMarginBottom
			/>
		</fieldset>
	);
}

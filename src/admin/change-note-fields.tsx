/**
 * WordPress dependencies
 */
import { CheckboxControl, TextareaControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ChangeAnnotation } from '../api';

/** The longest public note the server takes (Change_Log::NOTE_MAX_LENGTH). */
const NOTE_MAX_LENGTH = 500;

interface ChangeNoteControlsProps {
	noteLabel: string;
	noteHelp?: string;
	note: string;
	internal: boolean;
	onNoteChange: ( note: string ) => void;
	onInternalChange: ( internal: boolean ) => void;
}

/**
 * A change's public note and its internal flag, as the save bar and each log entry edit them.
 *
 * @param props                  Props.
 * @param props.noteLabel        The note field's label.
 * @param props.noteHelp         Its help text, if any.
 * @param props.note             The note.
 * @param props.internal         Whether the change stays out of the published log.
 * @param props.onNoteChange     Sets the note.
 * @param props.onInternalChange Sets the flag.
 */
export function ChangeNoteControls( {
	noteLabel,
	noteHelp,
	note,
	internal,
	onNoteChange,
	onInternalChange,
}: ChangeNoteControlsProps ) {
	return (
		<>
			<TextareaControl
				label={ noteLabel }
				help={ noteHelp }
				value={ note }
				maxLength={ NOTE_MAX_LENGTH }
				rows={ 2 }
				onChange={ onNoteChange }
				__nextHasNoMarginBottom
			/>
			<CheckboxControl
				label={ __(
					'Internal change: leave it out of the published change log',
					'infosec-policy'
				) }
				checked={ internal }
				onChange={ onInternalChange }
				__nextHasNoMarginBottom
			/>
		</>
	);
}

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
			<ChangeNoteControls
				noteLabel={ __( 'Public note (optional)', 'infosec-policy' ) }
				noteHelp={ __(
					'Shown with the change in the published change log and its feed.',
					'infosec-policy'
				) }
				note={ change.changeNote ?? '' }
				internal={ change.changeInternal ?? false }
				onNoteChange={ ( changeNote ) =>
					onChange( { ...change, changeNote } )
				}
				onInternalChange={ ( changeInternal ) =>
					onChange( { ...change, changeInternal } )
				}
			/>
		</fieldset>
	);
}

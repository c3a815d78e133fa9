/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { annotateChange, toApiError, type ChangeEntry } from '../api';
import { ChangeNoteControls } from './change-note-fields';

/**
 * One change log entry: when, who, what changed, and its editable public note and internal flag.
 *
 * @param props         Props.
 * @param props.entry   The entry.
 * @param props.date    Its date and time, formatted for the admin.
 * @param props.onSaved Called after its note or flag was saved.
 */
export function ChangeEntryItem( {
	entry,
	date,
	onSaved,
}: {
	entry: ChangeEntry;
	date: string;
	onSaved: () => void;
} ) {
	const [ note, setNote ] = useState( entry.note );
	const [ internal, setInternal ] = useState( entry.internal );
	const [ busy, setBusy ] = useState( false );
	const [ message, setMessage ] = useState( '' );
	const changed = note !== entry.note || internal !== entry.internal;

	const submit = async () => {
		setBusy( true );
		try {
			await annotateChange( entry.id, note, internal );
			setMessage( __( 'Saved.', 'infosec-policy' ) );
			onSaved();
		} catch ( caught ) {
			setMessage( toApiError( caught ).message );
		} finally {
			setBusy( false );
		}
	};

	const byline =
		entry.source === 'import'
			? /* translators: 1: date and time, 2: a person's name. */
				__( '%1$s, imported by %2$s', 'infosec-policy' )
			: /* translators: 1: date and time, 2: a person's name. */
				__( '%1$s, saved by %2$s', 'infosec-policy' );
	return (
		<li className="infosec-policy-change-log__entry">
			<h3 className="infosec-policy-change-log__byline">
				{ sprintf(
					byline,
					date,
					entry.author || __( 'an unknown user', 'infosec-policy' )
				) }
				{ entry.internal && (
					<span className="infosec-policy-change-log__internal">
						{ ' ' }
						{ __( '(internal)', 'infosec-policy' ) }
					</span>
				) }
			</h3>
			<ul>
				{ entry.lines.map( ( line, index ) => (
					<li key={ index }>{ line }</li>
				) ) }
			</ul>
			<ChangeNoteControls
				noteLabel={ __( 'Public note', 'infosec-policy' ) }
				note={ note }
				internal={ internal }
				onNoteChange={ setNote }
				onInternalChange={ setInternal }
			/>
			<div className="infosec-policy-change-log__actions">
				<Button
					variant="secondary"
					onClick={ submit }
					isBusy={ busy }
					disabled={ busy || ! changed }
					accessibleWhenDisabled
				>
					{ __( 'Save note', 'infosec-policy' ) }
				</Button>
				<span aria-live="polite">{ message }</span>
			</div>
		</li>
	);
}

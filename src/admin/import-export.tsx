/**
 * WordPress dependencies
 */
import { Button, FormFileUpload, Modal } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	exportPolicy,
	importPolicy,
	toApiError,
	type ChangeAnnotation,
} from '../api';
import { errorSubject } from '../policy/errors';
import type { FieldError } from '../policy/types';
import { store } from '../store';
import { ChangeNoteFields } from './change-note-fields';
import { ChangesPreview } from './changes-preview';
import { download, today } from './download';
import type { PageNotice } from './use-policy-editor';

type Preview =
	| {
			kind: 'changes';
			document: unknown;
			lines: string[];
			revision: number;
	  }
	| { kind: 'invalid'; errors: FieldError[]; message: string };

/**
 * Export the stored policy as a JSON file; import one after a dry-run preview of its changes.
 *
 * @param props           Props.
 * @param props.setNotice Shows a notice on the page.
 */
export function ImportExport( {
	setNotice,
}: {
	setNotice: ( notice: PageNotice ) => void;
} ) {
	const { revision, dirty } = useSelect(
		( select ) => ( {
			revision: select( store ).getRevision() ?? 0,
			dirty: select( store ).isDirty(),
		} ),
		[]
	);
	const { receivePolicy } = useDispatch( store );
	const [ preview, setPreview ] = useState< Preview | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ change, setChange ] = useState< ChangeAnnotation >( {} );

	const readFile = async ( file: File ) => {
		let document: unknown;
		try {
			document = JSON.parse( await file.text() );
		} catch {
			setNotice( {
				status: 'error',
				message: __(
					'That file is not a JSON policy export.',
					'infosec-policy'
				),
			} );
			return;
		}
		setBusy( true );
		try {
			const result = await importPolicy( document, revision, true );
			setPreview( {
				kind: 'changes',
				document,
				lines: result.lines,
				revision: result.revision,
			} );
		} catch ( caught ) {
			const error = toApiError( caught );
			setPreview( {
				kind: 'invalid',
				errors: error.errors,
				message: error.message,
			} );
		} finally {
			setBusy( false );
		}
	};

	const confirm = async () => {
		if ( preview?.kind !== 'changes' ) {
			return;
		}
		setBusy( true );
		try {
			const result = await importPolicy(
				preview.document,
				preview.revision,
				false,
				change
			);
			if ( result.policy ) {
				receivePolicy( result.policy, result.revision );
			}
			setNotice( {
				status: 'success',
				message: __(
					'The policy was imported and saved.',
					'infosec-policy'
				),
			} );
		} catch ( caught ) {
			setNotice( {
				status: 'error',
				message: toApiError( caught ).message,
			} );
		} finally {
			setBusy( false );
			setPreview( null );
			setChange( {} );
		}
	};

	return (
		<div className="infosec-policy-import-export">
			<Button
				variant="secondary"
				onClick={ async () => {
					try {
						download(
							await exportPolicy(),
							`infosec-policy-${ today() }.json`
						);
					} catch ( caught ) {
						setNotice( {
							status: 'error',
							message: toApiError( caught ).message,
						} );
					}
				} }
			>
				{ __( 'Export', 'infosec-policy' ) }
			</Button>
			<FormFileUpload
				accept="application/json,.json"
				onChange={ ( event ) => {
					const file = event.currentTarget.files?.[ 0 ];
					event.currentTarget.value = '';
					if ( file ) {
						readFile( file );
					}
				} }
				render={ ( { openFileDialog } ) => (
					<Button
						variant="secondary"
						onClick={ openFileDialog }
						isBusy={ busy }
						disabled={ busy }
						accessibleWhenDisabled
					>
						{ __( 'Import…', 'infosec-policy' ) }
					</Button>
				) }
			/>
			{ preview && (
				<Modal
					title={ __( 'Import a policy', 'infosec-policy' ) }
					onRequestClose={ () => setPreview( null ) }
					size="medium"
				>
					{ preview.kind === 'invalid' ? (
						<>
							<p>
								{ __(
									'This file cannot be imported. Nothing was changed.',
									'infosec-policy'
								) }
							</p>
							<ul className="infosec-policy-import__errors">
								{ preview.errors.length === 0 && (
									<li>{ preview.message }</li>
								) }
								{ preview.errors.map( ( error ) => (
									<li key={ error.path + error.code }>
										{ error.label ? (
											errorSubject( error )
										) : (
											<code>{ error.path || '/' }</code>
										) }{ ' ' }
										{ error.message }
									</li>
								) ) }
							</ul>
							<Button
								variant="primary"
								onClick={ () => setPreview( null ) }
							>
								{ __( 'Close', 'infosec-policy' ) }
							</Button>
						</>
					) : (
						<>
							<ChangesPreview lines={ preview.lines } />
							{ preview.lines.length > 0 && (
								<ChangeNoteFields
									change={ change }
									onChange={ setChange }
								/>
							) }
							{ dirty && (
								<p className="infosec-policy-import__warning">
									{ __(
										'Your unsaved edits on this page will be replaced.',
										'infosec-policy'
									) }
								</p>
							) }
							<div className="infosec-policy-import__actions">
								<Button
									variant="tertiary"
									onClick={ () => setPreview( null ) }
								>
									{ __( 'Cancel', 'infosec-policy' ) }
								</Button>
								<Button
									variant="primary"
									onClick={ confirm }
									isBusy={ busy }
									disabled={
										busy || preview.lines.length === 0
									}
									accessibleWhenDisabled
								>
									{ __(
										'Import and save',
										'infosec-policy'
									) }
								</Button>
							</div>
						</>
					) }
				</Modal>
			) }
		</div>
	);
}

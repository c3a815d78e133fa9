/**
 * WordPress dependencies
 */
import { Button, FormFileUpload, Modal } from '@wordpress/components';
import { useDispatch, useSelect } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	exportPolicy,
	importPolicy,
	toApiError,
	type ChangeAnnotation,
	type NoticeEmail,
} from '../api';
import { errorSubject } from '../policy/errors';
import type { FieldError } from '../policy/types';
import { store } from '../store';
import { ChangeNoteFields } from './change-note-fields';
import { ChangesPreview } from './changes-preview';
import { download, today } from './download';
import { NoticePreview } from './notice-preview';
import type { PageNotice } from './use-policy-editor';

type Preview =
	| {
			kind: 'changes';
			document: unknown;
			lines: string[];
			revision: number;
			/** Subscribers the import would e-mail, unless it is made internal. */
			recipients: number;
			/** Set once the admin asked to import, when it will e-mail someone. */
			email?: NoticeEmail;
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
				recipients: result.recipients ?? 0,
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

	// An import that will e-mail subscribers shows the e-mail first, with the note just typed.
	const confirm = async () => {
		if ( preview?.kind !== 'changes' ) {
			return;
		}
		if (
			! preview.email &&
			preview.recipients > 0 &&
			! change.changeInternal
		) {
			setBusy( true );
			try {
				const result = await importPolicy(
					preview.document,
					preview.revision,
					true,
					change
				);
				if ( result.recipients && result.email ) {
					setPreview( {
						...preview,
						recipients: result.recipients,
						email: result.email,
					} );
					return;
				}
			} catch ( caught ) {
				setNotice( {
					status: 'error',
					message: toApiError( caught ).message,
				} );
				setPreview( null );
				return;
			} finally {
				setBusy( false );
			}
		}
		await save( preview.document, preview.revision );
	};

	const save = async ( document: unknown, from: number ) => {
		setBusy( true );
		try {
			const result = await importPolicy( document, from, false, change );
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
							{ preview.email ? (
								<NoticePreview
									recipients={ preview.recipients }
									email={ preview.email }
								/>
							) : (
								preview.lines.length > 0 && (
									<ChangeNoteFields
										change={ change }
										onChange={ setChange }
									/>
								)
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
									onClick={ () =>
										preview.email
											? setPreview( {
													...preview,
													email: undefined,
												} )
											: setPreview( null )
									}
								>
									{ preview.email
										? __( 'Back', 'infosec-policy' )
										: __( 'Cancel', 'infosec-policy' ) }
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
									{ preview.email
										? sprintf(
												/* translators: %d: a number of subscribers. */
												_n(
													'Import, save and e-mail %d subscriber',
													'Import, save and e-mail %d subscribers',
													preview.recipients,
													'infosec-policy'
												),
												preview.recipients
											)
										: __(
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

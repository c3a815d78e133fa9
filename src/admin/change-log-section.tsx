/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { dateI18n, getSettings } from '@wordpress/date';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fetchChanges, toApiError, type ChangePage } from '../api';
import { store } from '../store';
import { ChangeEntryItem } from './change-entry-item';

const PER_PAGE = 10;

/**
 * The whole change log, newest first, a page at a time, with each entry's public note and
 * internal flag editable. Read again after every save.
 */
export function ChangeLogSection() {
	const revision = useSelect(
		( select ) => select( store ).getRevision(),
		[]
	);
	const [ page, setPage ] = useState( 1 );
	const [ log, setLog ] = useState< ChangePage | null >( null );
	const [ error, setError ] = useState< string | null >( null );

	const load = useCallback( () => {
		fetchChanges( page, PER_PAGE )
			.then( ( result ) => {
				setLog( result );
				setError( null );
			} )
			.catch( ( caught ) => setError( toApiError( caught ).message ) );
	}, [ page ] );

	useEffect( () => {
		if ( revision !== null ) {
			load();
		}
	}, [ revision, load ] );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! log ) {
		return <Spinner />;
	}
	if ( log.total === 0 ) {
		return (
			<p>
				{ __(
					'No changes yet. Every save that changes the policy is recorded here.',
					'infosec-policy'
				) }
			</p>
		);
	}
	// The site's own date and time formats and time zone, with month names in the admin's language.
	const format = getSettings().formats.datetime;
	return (
		<div className="infosec-policy-change-log">
			<ol className="infosec-policy-change-log__entries">
				{ log.entries.map( ( entry ) => (
					<ChangeEntryItem
						key={ entry.id }
						entry={ entry }
						date={ dateI18n( format, entry.date ) }
						onSaved={ load }
					/>
				) ) }
			</ol>
			{ log.pages > 1 && (
				<nav
					className="infosec-policy-change-log__pages"
					aria-label={ __( 'Change log pages', 'infosec-policy' ) }
				>
					<Button
						variant="secondary"
						disabled={ page <= 1 }
						accessibleWhenDisabled
						onClick={ () => setPage( page - 1 ) }
					>
						{ __( 'Newer changes', 'infosec-policy' ) }
					</Button>
					<span>
						{ sprintf(
							/* translators: 1: page number, 2: number of pages. */
							__( 'Page %1$d of %2$d', 'infosec-policy' ),
							page,
							log.pages
						) }
					</span>
					<Button
						variant="secondary"
						disabled={ page >= log.pages }
						accessibleWhenDisabled
						onClick={ () => setPage( page + 1 ) }
					>
						{ __( 'Older changes', 'infosec-policy' ) }
					</Button>
				</nav>
			) }
		</div>
	);
}

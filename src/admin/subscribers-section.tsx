/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __, _x, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { exportSubscribers, removeSubscriber, toApiError } from '../api';
import type { Subscriber } from '../subscriber-data';
import { ExportButtons } from './export-buttons';
import { download } from './download';
import { RemoveSubscriberModal } from './remove-subscriber-modal';
import { SubscriberCounts } from './subscriber-counts';
import { SubscriberTable } from './subscriber-table';
import type { PageNotice } from './use-policy-editor';
import { useSubscribers } from './use-subscribers';

const PER_PAGE = 20;

/**
 * The visitors who asked for an e-mail about policy changes: how many, where their e-mails stand,
 * the list a page at a time with a way to remove an address, and the whole list as CSV.
 */
export function SubscribersSection() {
	const { summary, list, error, page, setPage, reload } =
		useSubscribers( PER_PAGE );
	const [ removing, setRemoving ] = useState< Subscriber | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ exporting, setExporting ] = useState( false );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ refocus, setRefocus ] = useState( false );
	const listRef = useRef< HTMLDivElement >( null );

	// The removed row took the focused button with it; the list is where the admin was. This runs
	// after the modal, unmounting, has tried to give the focus back to that button.
	useEffect( () => {
		if ( refocus ) {
			listRef.current?.focus();
			setRefocus( false );
		}
	}, [ refocus ] );

	const remove = async () => {
		if ( ! removing ) {
			return;
		}
		setBusy( true );
		try {
			await removeSubscriber( removing.id );
			setNotice( {
				status: 'success',
				message: sprintf(
					/* translators: %s: an e-mail address. */
					__( '%s was removed.', 'infosec-policy' ),
					removing.email
				),
			} );
		} catch ( caught ) {
			setNotice( {
				status: 'error',
				message: toApiError( caught ).message,
			} );
		}
		await reload();
		setBusy( false );
		setRemoving( null );
		setRefocus( true );
	};

	const exportCsv = async ( forExcel: boolean ) => {
		setExporting( true );
		try {
			download(
				await exportSubscribers( forExcel ),
				forExcel ? 'subscribers-excel.csv' : 'subscribers.csv'
			);
		} catch ( caught ) {
			setNotice( {
				status: 'error',
				message: toApiError( caught ).message,
			} );
		} finally {
			setExporting( false );
		}
	};

	if ( ! summary || ! list ) {
		return error ? (
			<Notice status="error" isDismissible={ false }>
				{ error }{ ' ' }
				<Button variant="link" onClick={ reload }>
					{ __( 'Try again', 'infosec-policy' ) }
				</Button>
			</Notice>
		) : (
			<Spinner />
		);
	}
	return (
		<div className="infosec-policy-subscribers">
			<SubscriberCounts summary={ summary } />
			{ error && (
				<Notice status="error" isDismissible={ false }>
					{ error }
				</Notice>
			) }
			{ notice && (
				<Notice
					status={ notice.status }
					onRemove={ () => setNotice( null ) }
				>
					{ notice.message }
				</Notice>
			) }
			<div
				ref={ listRef }
				tabIndex={ -1 }
				className="infosec-policy-subscribers__list"
			>
				{ list.total === 0 ? (
					<p>
						{ sprintf(
							/* translators: %s: the title of the block with the subscribe form. */
							__(
								'No one has subscribed yet. Visitors subscribe with the “%s” block: add it to the statement page, or to any other page, and each confirmed address gets an e-mail about every published change.',
								'infosec-policy'
							),
							_x(
								'Subscribe to policy changes',
								'block title',
								'infosec-policy'
							)
						) }
					</p>
				) : (
					// A narrow screen scrolls the table, not the page; the keyboard can scroll it too.
					<div
						className="infosec-policy-certificates__scroll"
						role="region"
						aria-label={ __( 'Subscriber list', 'infosec-policy' ) }
						tabIndex={ 0 }
					>
						<SubscriberTable
							subscribers={ list.subscribers }
							onRemove={ setRemoving }
						/>
					</div>
				) }
			</div>
			{ list.pages > 1 && (
				<nav
					className="infosec-policy-subscribers__pages"
					aria-label={ __( 'Subscriber pages', 'infosec-policy' ) }
				>
					<Button
						variant="secondary"
						disabled={ page <= 1 }
						accessibleWhenDisabled
						onClick={ () => setPage( page - 1 ) }
					>
						{ __( 'Newer subscribers', 'infosec-policy' ) }
					</Button>
					<span>
						{ sprintf(
							/* translators: 1: page number, 2: number of pages. */
							__( 'Page %1$d of %2$d', 'infosec-policy' ),
							page,
							list.pages
						) }
					</span>
					<Button
						variant="secondary"
						disabled={ page >= list.pages }
						accessibleWhenDisabled
						onClick={ () => setPage( page + 1 ) }
					>
						{ __( 'Older subscribers', 'infosec-policy' ) }
					</Button>
				</nav>
			) }
			{ list.total > 0 && (
				<ExportButtons exporting={ exporting } onExport={ exportCsv } />
			) }
			{ removing && (
				<RemoveSubscriberModal
					subscriber={ removing }
					busy={ busy }
					onConfirm={ remove }
					onCancel={ () => setRemoving( null ) }
				/>
			) }
		</div>
	);
}

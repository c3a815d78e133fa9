/**
 * WordPress dependencies
 */
import {
	Button,
	Notice,
	SelectControl,
	Spinner,
	TextareaControl,
} from '@wordpress/components';
import { date, dateI18n, getSettings } from '@wordpress/date';
import {
	useCallback,
	useEffect,
	useId,
	useRef,
	useState,
} from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	answerObjection,
	exportObjections,
	fetchObjections,
	toApiError,
} from '../api';
import {
	OBJECTION_STATUSES,
	type Objection,
	type ObjectionPage,
	type ObjectionStatus,
} from '../objection-data';
import type { Processor } from '../policy/types';
import { ExportButtons } from './export-buttons';
import { download, today } from './download';
import { Pager } from './pager';
import type { PageNotice } from './use-policy-editor';

const PER_PAGE = 20;

/**
 * An objection's status in words.
 *
 * @param status The status.
 */
export function statusText( status: ObjectionStatus ): string {
	switch ( status ) {
		case 'answered':
			return __( 'Answered', 'infosec-policy' );
		case 'withdrawn':
			return __( 'Withdrawn', 'infosec-policy' );
		default:
			return __( 'Open', 'infosec-policy' );
	}
}

/**
 * One objection: who, when, why, and the admin's answer, which is saved on its own.
 *
 * @param props           Props.
 * @param props.objection The objection.
 * @param props.onSaved   Called with the stored objection after its answer is saved.
 * @param props.onError   Called with the reason an answer was not saved.
 */
function ObjectionItem( {
	objection,
	onSaved,
	onError,
}: {
	objection: Objection;
	onSaved: ( saved: Objection ) => void;
	onError: ( message: string ) => void;
} ) {
	const [ status, setStatus ] = useState( objection.status );
	const [ note, setNote ] = useState( objection.note );
	const [ busy, setBusy ] = useState( false );
	const headingId = useId();
	const format = getSettings().formats.datetime;
	const who = [ objection.organization, objection.name ]
		.filter( Boolean )
		.join( ', ' );
	const changed = status !== objection.status || note !== objection.note;

	const save = async () => {
		setBusy( true );
		try {
			onSaved( await answerObjection( objection.id, status, note ) );
		} catch ( caught ) {
			onError( toApiError( caught ).message );
		} finally {
			setBusy( false );
		}
	};

	return (
		<li
			className="infosec-policy-objections__item"
			aria-labelledby={ headingId }
		>
			<h3 id={ headingId }>
				{ sprintf(
					/* translators: 1: a processor's name, 2: who objected: an organisation, a name or an e-mail address. */
					__( '%1$s: objection from %2$s', 'infosec-policy' ),
					objection.processorName,
					who || objection.email
				) }
			</h3>
			<p className="infosec-policy-objections__meta">
				{ sprintf(
					/* translators: 1: an e-mail address, 2: a date and time, 3: the objection's status. */
					__( '%1$s, on %2$s. Status: %3$s.', 'infosec-policy' ),
					objection.email,
					dateI18n( format, objection.createdAt ),
					statusText( objection.status )
				) }
			</p>
			<blockquote className="infosec-policy-objections__reason">
				{ objection.reason }
			</blockquote>
			<div className="infosec-policy-objections__answer">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'infosec-policy' ) }
					value={ status }
					options={ OBJECTION_STATUSES.map( ( value ) => ( {
						value,
						label: statusText( value ),
					} ) ) }
					onChange={ ( value ) =>
						setStatus( value as ObjectionStatus )
					}
				/>
				<TextareaControl
					__nextHasNoMarginBottom
					label={ __(
						'Answer (for your records)',
						'infosec-policy'
					) }
					help={ __(
						'What you decided and told the customer. It is not sent; it stays with the objection, and the customer gets it in a personal data export.',
						'infosec-policy'
					) }
					value={ note }
					maxLength={ 2000 }
					onChange={ setNote }
				/>
				<Button
					variant="secondary"
					onClick={ save }
					isBusy={ busy }
					disabled={ busy || ! changed }
					accessibleWhenDisabled
				>
					{ __( 'Save the answer', 'infosec-policy' ) }
				</Button>
			</div>
		</li>
	);
}

/**
 * Customers' objections to announced processors (GDPR Art. 28(2)): how many each announced
 * processor has, the objections a page at a time with their reasons, each with a status and an
 * answer note, and all of them as CSV.
 *
 * @param props            Props.
 * @param props.processors The draft's processors, for the announced ones and the filter.
 */
export function ObjectionsSection( {
	processors,
}: {
	processors: Processor[];
} ) {
	const [ page, setPage ] = useState( 1 );
	const [ processorId, setProcessorId ] = useState( '' );
	const [ status, setStatus ] = useState< ObjectionStatus | '' >( '' );
	const [ list, setList ] = useState< ObjectionPage | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ notice, setNotice ] = useState< PageNotice | null >( null );
	const [ exporting, setExporting ] = useState( false );
	const latest = useRef( 0 );

	const reload = useCallback( async () => {
		const reading = ++latest.current;
		try {
			const found = await fetchObjections(
				page,
				PER_PAGE,
				processorId,
				status
			);
			if ( reading === latest.current ) {
				setList( found );
				setError( null );
			}
		} catch ( caught ) {
			if ( reading === latest.current ) {
				setError( toApiError( caught ).message );
			}
		}
	}, [ page, processorId, status ] );

	useEffect( () => {
		reload();
	}, [ reload ] );

	const exportCsv = async ( forExcel: boolean ) => {
		setExporting( true );
		try {
			download(
				await exportObjections( forExcel ),
				`objections-${ today() }${ forExcel ? '-excel' : '' }.csv`
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

	if ( ! list ) {
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

	// Today in the site's time zone, as the statement counts it.
	const now = date( 'Y-m-d' );
	const announced = processors.filter(
		( processor ) => ( processor.effectiveFrom ?? '' ) > now
	);
	const names = new Map(
		processors.map( ( processor ) => [ processor.id, processor.name ] )
	);
	const objected = Object.keys( list.counts );
	const filterIds = [
		...new Set( [
			...announced.map( ( processor ) => processor.id ),
			...objected,
		] ),
	];
	const dateFormat = getSettings().formats.date;

	return (
		<div className="infosec-policy-objections">
			<p>
				{ __(
					'Subscribers get a link to object in each e-mail that announces a processor. Answer each objection before the processor starts; a processor in use with open objections is a finding.',
					'infosec-policy'
				) }
			</p>
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
			{ announced.length > 0 && (
				// A narrow screen scrolls the table, not the page; the keyboard can scroll it too.
				<div
					className="infosec-policy-certificates__scroll infosec-policy-objections__counts"
					role="region"
					aria-label={ __(
						'Objections per announced processor',
						'infosec-policy'
					) }

					tabIndex={ 0 }
				>
					<table className="widefat striped">
						<caption>
							{ __( 'Announced processors', 'infosec-policy' ) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Processor', 'infosec-policy' ) }
								</th>
								<th scope="col">
									{ __(
										'Starts, and objections close',
										'infosec-policy'
									) }
								</th>
								{ OBJECTION_STATUSES.map( ( value ) => (
									<th scope="col" key={ value }>
										{ statusText( value ) }
									</th>
								) ) }
							</tr>
						</thead>
						<tbody>
							{ announced.map( ( processor ) => (
								<tr key={ processor.id }>
									<th scope="row">{ processor.name }</th>
									<td>
										{ dateI18n(
											dateFormat,
											`${ processor.effectiveFrom }T12:00:00`,
											undefined
										) }
									</td>
									{ OBJECTION_STATUSES.map( ( value ) => (
										<td key={ value }>
											{ list.counts[ processor.id ]?.[
												value
											] ?? 0 }
										</td>
									) ) }
								</tr>
							) ) }
						</tbody>
					</table>
				</div>
			) }
			<div className="infosec-policy-objections__filters">
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Processor', 'infosec-policy' ) }
					value={ processorId }
					options={ [
						{ value: '', label: __( 'All', 'infosec-policy' ) },
						...filterIds.map( ( id ) => ( {
							value: id,
							label: names.get( id ) ?? id,
						} ) ),
					] }
					onChange={ ( value ) => {
						setProcessorId( value );
						setPage( 1 );
					} }
				/>
				<SelectControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __( 'Status', 'infosec-policy' ) }
					value={ status }
					options={ [
						{ value: '', label: __( 'All', 'infosec-policy' ) },
						...OBJECTION_STATUSES.map( ( value ) => ( {
							value,
							label: statusText( value ),
						} ) ),
					] }
					onChange={ ( value ) => {
						setStatus( value as ObjectionStatus | '' );
						setPage( 1 );
					} }
				/>
			</div>
			{ list.total === 0 ? (
				<p>
					{ processorId || status
						? __(
								'No objection matches these filters.',
								'infosec-policy'
							)
						: __( 'No customer has objected.', 'infosec-policy' ) }
				</p>
			) : (
				<>
					<p>
						{ sprintf(
							/* translators: %d: a number of objections. */
							_n(
								'%d objection, newest first.',
								'%d objections, newest first.',
								list.total,
								'infosec-policy'
							),
							list.total
						) }
					</p>
					<ul className="infosec-policy-objections__list">
						{ list.objections.map( ( objection ) => (
							<ObjectionItem
								key={ `${ objection.id }-${ objection.updatedAt }` }
								objection={ objection }
								onSaved={ ( saved ) => {
									setNotice( {
										status: 'success',
										message: sprintf(
											/* translators: %s: a processor's name. */
											__(
												'The answer to the objection to %s was saved.',
												'infosec-policy'
											),
											saved.processorName
										),
									} );
									reload();
								} }
								onError={ ( message ) =>
									setNotice( { status: 'error', message } )
								}
							/>
						) ) }
					</ul>
				</>
			) }
			<Pager
				page={ page - 1 }
				pages={ list.pages }
				onChange={ ( next ) => setPage( next + 1 ) }
				label={ __( 'Objection pages', 'infosec-policy' ) }
			/>
			{ list.total > 0 && (
				<ExportButtons exporting={ exporting } onExport={ exportCsv } />
			) }
		</div>
	);
}

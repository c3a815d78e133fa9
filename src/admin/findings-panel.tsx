/**
 * WordPress dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useSelect } from '@wordpress/data';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { fetchFindings, type Finding } from '../api';
import { store } from '../store';
import { useJumpToField } from './jump-to-field';
import { Pager } from './pager';

/** Findings shown at once: a thousand processors on a withdrawn basis are a thousand findings. */
const PAGE_SIZE = 10;

/**
 * What the compliance checks find in the stored policy, each with a link to its field. Read again
 * after every save; a finding never stops a save.
 */
export function FindingsPanel() {
	const revision = useSelect(
		( select ) => select( store ).getRevision(),
		[]
	);
	const [ findings, setFindings ] = useState< Finding[] >( [] );
	const [ page, setPage ] = useState( 0 );
	const jump = useJumpToField();

	useEffect( () => {
		if ( revision === null ) {
			return;
		}
		// Findings are a help, not a gate: if they cannot be had, the page works without them.
		fetchFindings()
			.then( ( found ) => {
				setFindings( found );
				setPage( 0 );
			} )
			.catch( () => setFindings( [] ) );
	}, [ revision ] );

	if ( findings.length === 0 ) {
		return null;
	}
	const pages = Math.ceil( findings.length / PAGE_SIZE );
	const first = page * PAGE_SIZE;
	return (
		<Notice
			// A spoken text of its own: see ErrorSummary.
			spokenMessage={ __(
				'The policy has points that need attention.',
				'infosec-policy'
			) }
			// Red when something is wrong, as WordPress shows errors; yellow when there is only
			// something to check.
			status={
				findings.some( ( finding ) => finding.severity === 'error' )
					? 'error'
					: 'warning'
			}
			isDismissible={ false }
			className="infosec-policy-findings"
		>
			<h2>
				{ sprintf(
					/* translators: %d: number of findings. */
					_n(
						'%d point needs attention',
						'%d points need attention',
						findings.length,
						'infosec-policy'
					),
					findings.length
				) }
			</h2>
			<ul>
				{ findings
					.slice( first, first + PAGE_SIZE )
					.map( ( finding, index ) => (
						<li
							key={ first + index }
							className={ `infosec-policy-findings__item is-${ finding.severity }` }
						>
							<strong>
								{ finding.severity === 'error'
									? __( 'Wrong:', 'infosec-policy' )
									: __( 'Check:', 'infosec-policy' ) }
							</strong>{ ' ' }
							{ finding.message } { finding.action }{ ' ' }
							{ finding.path && (
								<Button
									variant="link"
									onClick={ () => jump( finding.path ) }
								>
									{ __(
										'Go to the field',
										'infosec-policy'
									) }
								</Button>
							) }
						</li>
					) ) }
			</ul>
			<Pager
				page={ page }
				pages={ pages }
				onChange={ setPage }
				label={ __(
					'Pages of the points that need attention',
					'infosec-policy'
				) }
			/>
		</Notice>
	);
}

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
	const jump = useJumpToField();

	useEffect( () => {
		if ( revision === null ) {
			return;
		}
		// Findings are a help, not a gate: if they cannot be had, the page works without them.
		fetchFindings()
			.then( setFindings )
			.catch( () => setFindings( [] ) );
	}, [ revision ] );

	if ( findings.length === 0 ) {
		return null;
	}
	return (
		<Notice
			// A spoken text of its own: see ErrorSummary.
			spokenMessage={ __(
				'The policy has points that need attention.',
				'infosec-policy'
			) }
			status="warning"
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
				{ findings.map( ( finding, index ) => (
					<li key={ index }>
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
								{ __( 'Go to the field', 'infosec-policy' ) }
							</Button>
						) }
					</li>
				) ) }
			</ul>
		</Notice>
	);
}

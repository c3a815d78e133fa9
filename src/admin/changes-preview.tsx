/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * What an import would change, before anything is saved: the same sentences the change log will
 * record, so the admin reads one vocabulary in both places.
 *
 * @param props       Props.
 * @param props.lines The dry run's changes, in words.
 */
export function ChangesPreview( { lines }: { lines: string[] } ) {
	if ( lines.length === 0 ) {
		return (
			<p>
				{ __(
					'This file holds the policy as it is stored now: nothing would change.',
					'infosec-policy'
				) }
			</p>
		);
	}
	return (
		<ul className="infosec-policy-changes">
			{ lines.map( ( line, index ) => (
				// Two entries may share a name, so two lines may be equal.
				<li key={ index }>{ line }</li>
			) ) }
		</ul>
	);
}

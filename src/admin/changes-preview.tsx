/**
 * WordPress dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ListChanges, PolicyChanges } from '../api';

function ListPreview( {
	title,
	changes,
}: {
	title: string;
	changes: ListChanges;
} ) {
	const lines = [
		...changes.added.map( ( entry ) =>
			/* translators: %s: name of a processor or measure. */
			sprintf( __( 'Added: %s', 'infosec-policy' ), entry.label )
		),
		...changes.removed.map( ( entry ) =>
			/* translators: %s: name of a processor or measure. */
			sprintf( __( 'Removed: %s', 'infosec-policy' ), entry.label )
		),
		...changes.changed.map( ( entry ) =>
			sprintf(
				/* translators: 1: name of a processor or measure, 2: the fields that change. */
				__( 'Changed: %1$s (%2$s)', 'infosec-policy' ),
				entry.label,
				entry.fields.join( ', ' )
			)
		),
		...( changes.reordered
			? [ __( 'The order changes.', 'infosec-policy' ) ]
			: [] ),
	];
	return (
		<section>
			<h3>{ title }</h3>
			{ lines.length ? (
				<ul>
					{ lines.map( ( line, index ) => (
						// Two entries may share a name, so their lines may be equal.
						<li key={ index }>{ line }</li>
					) ) }
				</ul>
			) : (
				<p>{ __( 'No changes.', 'infosec-policy' ) }</p>
			) }
		</section>
	);
}

/**
 * What an import would change, before anything is saved.
 *
 * @param props         Props.
 * @param props.changes The dry run's report.
 */
export function ChangesPreview( { changes }: { changes: PolicyChanges } ) {
	if ( ! changes.hasChanges ) {
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
		<div className="infosec-policy-changes">
			<ListPreview
				title={ __( 'Processors', 'infosec-policy' ) }
				changes={ changes.processors }
			/>
			<ListPreview
				title={ __( 'Measures', 'infosec-policy' ) }
				changes={ changes.measures }
			/>
			{ changes.organization.length > 0 && (
				<p>
					{ sprintf(
						/* translators: %s: the fields that change. */
						__(
							'Organisation fields that change: %s',
							'infosec-policy'
						),
						changes.organization.join( ', ' )
					) }
				</p>
			) }
			{ changes.site.length > 0 && (
				<p>
					{ sprintf(
						/* translators: %s: the fields that change. */
						__( 'Site fields that change: %s', 'infosec-policy' ),
						changes.site.join( ', ' )
					) }
				</p>
			) }
		</div>
	);
}

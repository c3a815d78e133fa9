/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import rules from '../../data/transfer-rules.json';

/** Outdated words found in a text, with what to write instead. */
export interface OutdatedWords {
	words: string;
	instead: string;
	/** `error` for an invalid transfer basis named as if it held; `warning` for dated wording. */
	severity: 'error' | 'warning';
}

/**
 * What to write instead, by the key data/transfer-rules.json gives (the same words as the
 * compliance checks' Compliance_Checks::instead()).
 *
 * @param key The rule's key.
 */
function instead( key: string ): string {
	switch ( key ) {
		case 'dpf-or-sccs-dated':
			return __(
				'Write instead: EU-US Data Privacy Framework (adequacy decision of 10 July 2023) or standard contractual clauses.',
				'infosec-policy'
			);
		case 'dpf-or-sccs':
			return __(
				'Write instead: EU-US Data Privacy Framework or standard contractual clauses.',
				'infosec-policy'
			);
		case 'modern-tls':
			return __( 'Write instead: TLS 1.2 or 1.3.', 'infosec-policy' );
		case 'live-issuer':
			return __(
				'Write instead: the issuer the live TLS check reports (Let’s Encrypt’s current intermediates are R10–R14 and E5–E9).',
				'infosec-policy'
			);
		default:
			return __( 'Write what is true today.', 'infosec-policy' );
	}
}

/**
 * The outdated wording in a text as the admin types it, by the same rules the server's compliance
 * checks apply after a save, so a text that names the invalid EU-US Privacy Shield is flagged
 * before it is published.
 *
 * @param text A measure's or processor's text.
 */
export function outdatedWords( text: string ): OutdatedWords[] {
	const found: OutdatedWords[] = [];
	for ( const rule of rules.staleWording ) {
		const match = new RegExp( rule.pattern, 'iu' ).exec( text );
		if ( match ) {
			found.push( {
				words: match[ 0 ],
				instead: instead( rule.instead ),
				severity:
					'severity' in rule && rule.severity === 'error'
						? 'error'
						: 'warning',
			} );
		}
	}
	return found;
}

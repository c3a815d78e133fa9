/**
 * Internal dependencies
 */
import type { FieldError } from './types';

/**
 * What a problem is about, in words: “Mailchimp: Host name for the TLS check”, or the path when
 * the server named no label.
 *
 * @param error A problem the server found.
 */
export function errorSubject( error: FieldError ): string {
	if ( ! error.label ) {
		return error.path;
	}
	return error.entry ? `${ error.entry }: ${ error.label }` : error.label;
}

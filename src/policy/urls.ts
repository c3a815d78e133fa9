/**
 * A web address as people type it, with the scheme they left out: “www.example.nl” becomes
 * “https://www.example.nl”. Anything that is not a bare host name with an optional path, or that
 * has a scheme already, is left as it is for the server to judge; the API itself stays strict.
 *
 * @param value What the admin typed.
 */
export function withScheme( value: string ): string {
	const trimmed = value.trim();
	if ( /^[a-z][a-z0-9+.-]*:/i.test( trimmed ) ) {
		return value;
	}
	return /^([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?([/?#]\S*)?$/i.test( trimmed )
		? `https://${ trimmed }`
		: value;
}

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

/**
 * A host name from what people paste into a host field: “https://www.example.nl/security” becomes
 * “www.example.nl”. Anything else is left as it is for the server to judge.
 *
 * @param value What the admin typed.
 */
export function hostOf( value: string ): string {
	const trimmed = value.trim();
	if ( ! /^https?:\/\//i.test( trimmed ) ) {
		return value;
	}
	try {
		return new URL( trimmed ).hostname;
	} catch {
		return value;
	}
}

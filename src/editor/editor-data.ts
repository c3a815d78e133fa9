/**
 * What the server tells the block editor about the policy (includes/admin/class-editor-data.php).
 */
export interface EditorProcessor {
	id: string;
	name: string;
	role: string;
	country: string;
	host: string;
}

/** What a finding is about: the kind of thing, and which one (a processor's id, a host name). */
export type FindingKind =
	'organization' | 'site' | 'processor' | 'measure' | 'host';

/** A compliance finding, as the server's rules produce it (Compliance_Checks). */
export interface EditorFinding {
	/** Unique among the findings. */
	key: string;
	rule: string;
	severity: 'error' | 'warning';
	kind: FindingKind;
	/** The processor's or measure's id, or the host name; '' for the organisation and site. */
	id: string;
	message: string;
}

/** An announced processor that the processor table does not show yet. */
export interface UpcomingProcessor {
	processorId: string;
	message: string;
}

export interface EditorData {
	/** The settings page, or '' when this user may not manage the policy. */
	settingsUrl: string;
	measureCount: number;
	/** The host the site's own certificate is checked on (lower case). */
	siteHost: string;
	processors: EditorProcessor[];
	findings: EditorFinding[];
	/** Announced processors the table does not show yet, each with when it will. */
	upcoming: UpcomingProcessor[];
}

const EMPTY: EditorData = {
	settingsUrl: '',
	measureCount: 0,
	siteHost: '',
	processors: [],
	findings: [],
	upcoming: [],
};

function isEditorData( value: unknown ): value is EditorData {
	if ( typeof value !== 'object' || value === null ) {
		return false;
	}
	const data = value as Record< string, unknown >;
	return (
		typeof data.settingsUrl === 'string' &&
		typeof data.measureCount === 'number' &&
		typeof data.siteHost === 'string' &&
		Array.isArray( data.processors ) &&
		Array.isArray( data.findings ) &&
		Array.isArray( data.upcoming )
	);
}

/**
 * The policy summary printed into the editor page, or an empty one.
 */
export function editorData(): EditorData {
	const value: unknown = ( window as { infosecPolicyEditor?: unknown } )
		.infosecPolicyEditor;
	return isEditorData( value ) ? value : EMPTY;
}

/**
 * The findings about one kind of thing, optionally only about one of them.
 *
 * @param findings All findings.
 * @param kind     What they must be about.
 * @param id       Which one; any when omitted.
 */
export function findingsAbout(
	findings: EditorFinding[],
	kind: FindingKind,
	id?: string
): EditorFinding[] {
	return findings.filter(
		( finding ) =>
			finding.kind === kind && ( id === undefined || finding.id === id )
	);
}

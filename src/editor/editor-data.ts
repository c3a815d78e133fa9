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

export interface EditorFinding {
	processorId: string;
	message: string;
}

export interface EditorData {
	/** The settings page, or '' when this user may not manage the policy. */
	settingsUrl: string;
	measureCount: number;
	processors: EditorProcessor[];
	findings: EditorFinding[];
	/** Announced processors the table does not show yet, each with when it will. */
	upcoming: EditorFinding[];
}

const EMPTY: EditorData = {
	settingsUrl: '',
	measureCount: 0,
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

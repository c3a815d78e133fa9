/**
 * The JSON path of a field, written as the server writes it: `processors[2].dataLocations[0]`.
 *
 * @param parts Property names and list indexes, outermost first.
 */
export function pathOf( ...parts: Array< string | number > ): string {
	return parts.reduce< string >(
		( path, part ) =>
			typeof part === 'number'
				? `${ path }[${ part }]`
				: `${ path }${ path === '' ? '' : '.' }${ part }`,
		''
	);
}

/**
 * Offers a file to the admin as a download.
 *
 * @param contents The file's contents.
 * @param filename Its name.
 */
export function download( contents: Blob, filename: string ): void {
	const url = URL.createObjectURL( contents );
	const link = document.createElement( 'a' );
	link.href = url;
	link.download = filename;
	document.body.appendChild( link );
	link.click();
	link.remove();
	URL.revokeObjectURL( url );
}

/**
 * Today's date as YYYY-MM-DD, for file names.
 */
export const today = (): string => new Date().toISOString().slice( 0, 10 );

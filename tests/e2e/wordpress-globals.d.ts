/**
 * The part of WordPress's `wp` global that the end-to-end tests read in the editor page.
 */
interface Window {
	wp: {
		apiFetch: {
			nonceMiddleware: { nonce: string };
		};
		data: {
			select: ( ( store: 'core/block-editor' ) => {
				getBlocks: () => Array< { name: string; isValid: boolean } >;
			} ) &
				( ( store: 'core/blocks' ) => {
					getBlockTypes: () => Array< {
						name: string;
						title: string;
					} >;
				} );
		};
	};
}

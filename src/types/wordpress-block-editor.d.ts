/**
 * The few `@wordpress/block-editor` APIs the plugin uses. The package ships no type declarations
 * for its entry point, and DefinitelyTyped's lag many versions behind; these match the stable API
 * documented at https://developer.wordpress.org/block-editor/reference-guides/packages/packages-block-editor/.
 * @param props
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode } from 'react';

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: 'default' | 'settings' | 'styles' | 'advanced';
	} >;

	/**
	 * Props for a block's outermost element: classes, styles and editor attributes.
	 *
	 * @param props Props to merge in.
	 */
	export function useBlockProps(
		props?: Record< string, unknown >
	): Record< string, unknown >;
}

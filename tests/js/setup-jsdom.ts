/**
 * What jsdom lacks and WordPress components use: ResizeObserver (Placeholder measures its width).
 * An observer that never reports; the tests do not depend on sizes.
 */
class NoResizeObserver {
	observe() {}
	unobserve() {}
	disconnect() {}
}

if ( ! ( 'ResizeObserver' in globalThis ) ) {
	Object.assign( globalThis, { ResizeObserver: NoResizeObserver } );
}

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

// jsdom lays nothing out, so it has no scrollIntoView; the settings page scrolls to a field it
// focuses. Scrolling nowhere is what a page without layout can do.
if ( ! ( 'scrollIntoView' in Element.prototype ) ) {
	Object.assign( Element.prototype, { scrollIntoView() {} } );
}

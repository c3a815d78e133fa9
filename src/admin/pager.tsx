/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

interface Props {
	/** The page shown, from 0. */
	page: number;
	/** How many pages there are; nothing is shown for one. */
	pages: number;
	onChange: ( page: number ) => void;
	/** What the pages are of, for screen readers' list of landmarks. */
	label: string;
}

/**
 * Previous and next page of a long list, and where in it the page is.
 *
 * @param props          Props.
 * @param props.page
 * @param props.pages
 * @param props.onChange
 * @param props.label
 */
export function Pager( { page, pages, onChange, label }: Props ) {
	if ( pages <= 1 ) {
		return null;
	}
	return (
		<nav className="infosec-policy-pager" aria-label={ label }>
			<Button
				size="small"
				variant="secondary"
				disabled={ page === 0 }
				accessibleWhenDisabled
				onClick={ () => onChange( page - 1 ) }
			>
				{ __( 'Previous page', 'infosec-policy' ) }
			</Button>
			<span aria-live="polite">
				{ sprintf(
					/* translators: 1: current page, 2: number of pages. */ __(
						'Page %1$d of %2$d',
						'infosec-policy'
					),
					page + 1,
					pages
				) }
			</span>
			<Button
				size="small"
				variant="secondary"
				disabled={ page >= pages - 1 }
				accessibleWhenDisabled
				onClick={ () => onChange( page + 1 ) }
			>
				{ __( 'Next page', 'infosec-policy' ) }
			</Button>
		</nav>
	);
}

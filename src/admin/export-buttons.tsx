/**
 * WordPress dependencies
 */
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * A list's two downloads: CSV as RFC 4180 writes it, and the form Excel opens in any region.
 *
 * @param props           Props.
 * @param props.exporting Whether a download is being made.
 * @param props.onExport  Called with whether the Excel form was asked for.
 */
export function ExportButtons( {
	exporting,
	onExport,
}: {
	exporting: boolean;
	onExport: ( forExcel: boolean ) => void;
} ) {
	return (
		<div className="infosec-policy-subscribers__export">
			<Button
				variant="secondary"
				onClick={ () => onExport( false ) }
				isBusy={ exporting }
				disabled={ exporting }
				accessibleWhenDisabled
			>
				{ __( 'Export as CSV', 'infosec-policy' ) }
			</Button>
			<Button
				variant="secondary"
				onClick={ () => onExport( true ) }
				disabled={ exporting }
				accessibleWhenDisabled
			>
				{ __( 'Export for Excel', 'infosec-policy' ) }
			</Button>
		</div>
	);
}

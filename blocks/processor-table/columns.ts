/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ProcessorColumn } from './types';

/**
 * Every column the table can show, with its name for the editor, in block.json's order. The
 * ProcessorColumn type is read from this object, so the two cannot drift; a unit test holds it to
 * block.json's list.
 */
export function columnLabels() {
	return {
		role: __( 'Service', 'infosec-policy' ),
		name: __( 'Processor', 'infosec-policy' ),
		legalEntity: __( 'Legal entity', 'infosec-policy' ),
		description: __( 'Description', 'infosec-policy' ),
		location: __( 'Country and data location', 'infosec-policy' ),
		transferBasis: __( 'Legal basis for transfer', 'infosec-policy' ),
		tlsIssuer: __( 'Certificate issuer', 'infosec-policy' ),
		firewall: __( 'Firewall', 'infosec-policy' ),
		dpa: __( 'Processing agreement', 'infosec-policy' ),
		securityUrl: __( 'Security information', 'infosec-policy' ),
	};
}

/**
 * The columns with one switched on or off; a column switched on goes at the end.
 *
 * @param columns The current columns, in order.
 * @param column  The column to switch.
 * @param on      Whether to show it.
 */
export function toggleColumn(
	columns: ProcessorColumn[],
	column: ProcessorColumn,
	on: boolean
): ProcessorColumn[] {
	const without = columns.filter( ( c ) => c !== column );
	return on ? [ ...without, column ] : without;
}

/**
 * The columns with one moved by one place.
 *
 * @param columns The current columns, in order.
 * @param column  The column to move.
 * @param offset  -1 for earlier, 1 for later.
 */
export function moveColumn(
	columns: ProcessorColumn[],
	column: ProcessorColumn,
	offset: -1 | 1
): ProcessorColumn[] {
	const from = columns.indexOf( column );
	const to = from + offset;
	if ( from < 0 || to < 0 || to >= columns.length ) {
		return columns;
	}
	const moved = [ ...columns ];
	moved.splice( from, 1 );
	moved.splice( to, 0, column );
	return moved;
}

<?php
/**
 * The CSV downloads, as scripts and as Excel read them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Spreadsheet_File;
use InfosecPolicy\Subscribers\Subscribers;

/**
 * RFC 4180 for scripts; for Excel, UTF-16LE with its byte-order mark and tabs, which Excel opens
 * split into columns whatever the region's list separator (";" in the Netherlands).
 */
final class SpreadsheetFileTest extends TestCase {

	/**
	 * The rows of an Excel file, read back as Excel's "Unicode text" is read: UTF-16LE, tabs.
	 *
	 * @param string $bytes The file.
	 * @return list<list<string>>
	 */
	private function read_excel( string $bytes ): array {
		$this->assertSame( "\xFF\xFE", substr( $bytes, 0, 2 ), 'the UTF-16LE byte-order mark' );
		$text   = (string) mb_convert_encoding( substr( $bytes, 2 ), 'UTF-8', 'UTF-16LE' );
		$handle = fopen( 'php://memory', 'r+' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- memory, for PHP's own CSV reader.
		$this->assertIsResource( $handle );
		fwrite( $handle, $text ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite -- memory.
		rewind( $handle );
		$rows = array();
		while ( false !== ( $row = fgetcsv( $handle, null, "\t", '"', '' ) ) ) { // phpcs:ignore WordPress.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition -- reading rows until the end.
			$rows[] = array_map( 'strval', $row );
		}
		fclose( $handle ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- memory.
		return $rows;
	}

	/**
	 * A GET of one of the plugin's routes with query arguments.
	 *
	 * @param string               $route The route.
	 * @param array<string, mixed> $query The query arguments.
	 */
	private function get( string $route, array $query = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1' . $route );
		$request->set_query_params( $query );
		return rest_get_server()->dispatch( $request );
	}

	public function test_the_excel_form_keeps_every_character_cell_and_list_item(): void {
		$rows  = array(
			array( 'name', 'certifications' ),
			array( 'Société Générale, Zürich', "HDS; France\nISO/IEC 27001" ),
			array( '=1+1', "Emoji 🔒 \"quoted\"\tand a tab" ),
		);
		$bytes = Spreadsheet_File::for_excel( $rows );
		$back  = $this->read_excel( $bytes );
		$this->assertSame( array( 'name', 'certifications' ), $back[0] );
		$this->assertSame( array( 'Société Générale, Zürich', "HDS; France\nISO/IEC 27001" ), $back[1] );
		$this->assertSame( array( 'HDS; France', 'ISO/IEC 27001' ), explode( "\n", $back[1][1] ) );
		$this->assertSame( array( "'=1+1", "Emoji 🔒 \"quoted\"\tand a tab" ), $back[2], 'a formula is defused; a 4-byte character survives' );
	}

	public function test_a_byte_that_is_not_utf_8_costs_no_row(): void {
		$back = $this->read_excel( Spreadsheet_File::for_excel( array( array( 'a', "b\xC3" ), array( 'c', 'd' ) ) ) );
		$this->assertSame( array( array( 'a', "b\u{FFFD}" ), array( 'c', 'd' ) ), $back );
	}

	public function test_the_register_and_the_subscriber_export_offer_the_excel_form(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$register = $this->get( '/register/processors.csv', array( 'excel' => '1' ) );
		$this->assertSame( 200, $register->get_status() );
		$this->assertSame( 'text/csv; charset=utf-16le', $register->get_headers()['Content-Type'] );
		$rows = $this->read_excel( (string) $register->get_data() );
		$this->assertSame( 'name', $rows[0][2] );
		$this->assertSame( 'Mailchimp', $rows[2][2] );

		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->assertNotNull( Subscribers::add( 'lezer@voorbeeld.nl', 'nl_NL', 'confirmed', 'import: beurs in Zürich' ) );
		$export = $this->get( '/subscribers/export', array( 'excel' => '1' ) );
		$this->assertSame( 200, $export->get_status() );
		$rows = $this->read_excel( (string) $export->get_data() );
		$this->assertSame( array( 'lezer@voorbeeld.nl', 'confirmed', 'nl_NL' ), array_slice( $rows[1], 0, 3 ) );
		$this->assertSame( 'import: beurs in Zürich', $rows[1][5] );
		$this->assertSame( 'text/csv; charset=utf-8', $this->get( '/subscribers/export' )->get_headers()['Content-Type'], 'without the argument, RFC 4180 as before' );
	}
}

<?php
/**
 * Tables as files people open in a spreadsheet.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Publish;

defined( 'ABSPATH' ) || exit;

/**
 * Writes rows of text as CSV in two forms:
 *
 * - RFC 4180 (UTF-8, comma, CRLF, every cell quoted), for scripts and most programs;
 * - for Excel: UTF-16LE with its byte-order mark, cells separated by tabs. Excel reads a comma file
 *   by the list separator of the computer's region, which in the Netherlands is ";", so a Dutch
 *   Excel put every row in one column; and it takes UTF-8 without a mark for the local code page.
 *   A UTF-16LE file with tabs is what Excel itself writes as "Unicode text", and it opens it by
 *   double-click, split into columns, in any region.
 *
 * In both, a cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) starts with a
 * quote, and a line break stays inside its quoted cell, so a list written one item per line can be
 * split back into its items.
 */
final class Spreadsheet_File {

	/** The query argument that asks for the Excel form. */
	public const EXCEL_ARG = 'excel';

	/**
	 * The rows as RFC 4180 CSV.
	 *
	 * @param list<list<string>> $rows The rows, the header first.
	 */
	public static function csv( array $rows ): string {
		return implode( '', array_map( static fn( array $row ): string => implode( ',', array_map( array( self::class, 'quoted' ), $row ) ) . "\r\n", $rows ) );
	}

	/**
	 * The rows as Excel opens them in any region: UTF-16LE with a byte-order mark, tab-separated.
	 *
	 * @param list<list<string>> $rows The rows, the header first.
	 */
	public static function for_excel( array $rows ): string {
		$text = implode( '', array_map( static fn( array $row ): string => implode( "\t", array_map( array( self::class, 'quoted' ), $row ) ) . "\r\n", $rows ) );
		return "\xFF\xFE" . self::utf16le( $text );
	}

	/**
	 * The file in the form asked for, with its Content-Type.
	 *
	 * @param list<list<string>> $rows  The rows, the header first.
	 * @param bool               $excel Whether the Excel form was asked for.
	 * @return array{ 0: string, 1: string } The bytes and their Content-Type.
	 */
	public static function file( array $rows, bool $excel ): array {
		return $excel
			? array( self::for_excel( $rows ), 'text/csv; charset=utf-16le' )
			: array( self::csv( $rows ), 'text/csv; charset=utf-8' );
	}

	/**
	 * A REST answer that offers the file as a download, never cached: the form the request asks
	 * for (`?excel=1`), under a name. The route's `rest_pre_serve_request` filter sends its bytes
	 * as they are (serve()).
	 *
	 * @param list<list<string>>                     $rows     The rows, the header first.
	 * @param \WP_REST_Request<array<string, mixed>> $request  The request.
	 * @param string                                 $filename The file's name.
	 */
	public static function download( array $rows, \WP_REST_Request $request, string $filename ): \WP_REST_Response {
		list( $bytes, $type ) = self::file( $rows, true === $request->get_param( self::EXCEL_ARG ) );
		$response             = new \WP_REST_Response( $bytes );
		$response->header( 'Content-Type', $type );
		$response->header( 'Content-Disposition', 'attachment; filename="' . $filename . '"' );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * Sends a download's bytes as they are, for one route: the REST server would send them as a
	 * JSON string. For a `rest_pre_serve_request` filter.
	 *
	 * @param string                                 $route   The route, such as `/infosec-policy/v1/subscribers/export`.
	 * @param bool                                   $served  Whether the request was served already.
	 * @param \WP_HTTP_Response                      $result  The response.
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function serve( string $route, bool $served, \WP_HTTP_Response $result, \WP_REST_Request $request ): bool {
		if ( $served || $route !== $request->get_route() || 200 !== $result->get_status() || ! is_string( $result->get_data() ) ) {
			return $served;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CSV, not HTML, sent as text/csv with nosniff; cells that a spreadsheet would run as formulas are defused by quoted().
		return true;
	}

	/**
	 * One cell: quoted, quotes doubled, formula triggers defused.
	 *
	 * @param string $cell The cell's text.
	 */
	private static function quoted( string $cell ): string {
		if ( '' !== $cell && str_contains( "=+-@\t\r", $cell[0] ) ) {
			$cell = "'" . $cell;
		}
		return '"' . str_replace( '"', '""', $cell ) . '"';
	}

	/**
	 * UTF-8 text as UTF-16LE, without mbstring or iconv, which WordPress does not require. The text
	 * is valid UTF-8 (the policy and the subscribers are checked when stored); should a byte not
	 * be, each byte outside ASCII becomes U+FFFD rather than the file losing its rows.
	 *
	 * @param string $text UTF-8 text.
	 */
	private static function utf16le( string $text ): string {
		$out        = '';
		$characters = preg_split( '//u', $text, -1, PREG_SPLIT_NO_EMPTY );
		if ( false === $characters ) {
			$characters = str_split( (string) preg_replace( '/[\x80-\xFF]/', "\x1A", $text ) );
		}
		foreach ( $characters as $character ) {
			if ( "\x1A" === $character ) {
				$out .= pack( 'v', 0xFFFD );
				continue;
			}
			$bytes = array_values( (array) unpack( 'C*', (string) $character ) );
			$code  = match ( count( $bytes ) ) {
				1       => $bytes[0],
				2       => ( ( $bytes[0] & 0x1F ) << 6 ) | ( $bytes[1] & 0x3F ),
				3       => ( ( $bytes[0] & 0x0F ) << 12 ) | ( ( $bytes[1] & 0x3F ) << 6 ) | ( $bytes[2] & 0x3F ),
				4       => ( ( $bytes[0] & 0x07 ) << 18 ) | ( ( $bytes[1] & 0x3F ) << 12 ) | ( ( $bytes[2] & 0x3F ) << 6 ) | ( $bytes[3] & 0x3F ),
				default => 0xFFFD,
			};
			if ( $code > 0xFFFF ) {
				$code -= 0x10000;
				$out  .= pack( 'v', 0xD800 | ( $code >> 10 ) ) . pack( 'v', 0xDC00 | ( $code & 0x3FF ) );
				continue;
			}
			$out .= pack( 'v', $code );
		}
		return $out;
	}
}

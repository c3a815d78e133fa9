<?php
/**
 * Plain-text formatting shared by the blocks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * Policy texts are plain text in which a blank line separates paragraphs (data contract).
 */
final class Plain_Text {

	/** What paragraph_html() produces, and so all that its callers let through wp_kses(). */
	public const ALLOWED_HTML = array(
		'a'  => array( 'href' => true ),
		'br' => array(),
	);

	/**
	 * Splits a text into its paragraphs, trimmed, without empty ones. The result is still unescaped.
	 *
	 * @param string $text Plain text.
	 * @return list<string>
	 */
	public static function paragraphs( string $text ): array {
		$paragraphs = preg_split( '/\R[ \t]*\R\s*/u', trim( $text ) );
		if ( false === $paragraphs ) {
			return array();
		}
		return array_values( array_filter( $paragraphs, static fn( string $paragraph ): bool => '' !== $paragraph ) );
	}

	/**
	 * One paragraph as HTML: the text escaped, line breaks kept, and http(s) URLs turned into links
	 * (the data contract writes links as URLs). Every piece is escaped here, as it is joined.
	 *
	 * @param string $paragraph Plain text.
	 */
	public static function paragraph_html( string $paragraph ): string {
		$parts = preg_split( '#(https?://[^\s<>"\']+[^\s<>"\'.,;:!?)\]])#i', $paragraph, -1, PREG_SPLIT_DELIM_CAPTURE );
		$html  = '';
		foreach ( false === $parts ? array( $paragraph ) : $parts as $index => $part ) {
			$html .= 1 === $index % 2
				? '<a href="' . esc_url( $part, array( 'http', 'https' ) ) . '">' . esc_html( $part ) . '</a>'
				: nl2br( esc_html( $part ), false );
		}
		return $html;
	}
}

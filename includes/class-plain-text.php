<?php
/**
 * Plain-text formatting shared by the blocks.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * Policy texts are plain text in which a blank line separates paragraphs (data contract).
 */
final class Plain_Text {

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
}

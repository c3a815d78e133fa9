<?php
/**
 * The policy's texts in one language.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * A document's texts as a reader of one language gets them: each measure's and processor's text
 * from `translations` where that language has it, the original where it has not. What stays in
 * the original is known field by field, so that the statement can mark its language (`lang`),
 * and a screen reader pronounce it as what it is.
 *
 * A translated text that is empty counts as no translation: the original is shown.
 *
 * @phpstan-import-type Measure from Policy_Store
 * @phpstan-import-type Processor from Policy_Store
 */
final class Translated_Policy {

	/** The fields of each list a translation may hold: the texts a visitor reads. */
	public const FIELDS = array(
		'measures'   => array( 'title', 'description' ),
		'processors' => array( 'role', 'description', 'purpose', 'dataCategories', 'retention' ),
	);

	/**
	 * The texts of one language.
	 *
	 * @param string                                                           $language The language.
	 * @param string                                                           $original The language the texts are written in.
	 * @param array<string, array<string, array<string, string|list<string>>>> $texts    Translated fields, by list and id.
	 */
	private function __construct( public readonly string $language, public readonly string $original, private readonly array $texts ) {}

	/**
	 * The stored policy's texts in the language of the page being built, worked out once per
	 * stored document and language.
	 */
	public static function page(): self {
		$language = Page_Language::current();
		return Policy_Store::derived( 'translated:' . $language, static fn(): self => self::for( Policy_Store::policy(), $language ) );
	}

	/**
	 * A document's texts in a language.
	 *
	 * @param array<string, mixed> $policy   A document.
	 * @param string               $language A primary language subtag.
	 */
	public static function for( array $policy, string $language ): self {
		$original = Policy_Store::language( $policy );
		$texts    = array();
		$all      = is_array( $policy['translations'] ?? null ) ? $policy['translations'] : array();
		$theirs   = $language !== $original && is_array( $all[ $language ] ?? null ) ? $all[ $language ] : array();
		foreach ( self::FIELDS as $list => $fields ) {
			foreach ( is_array( $theirs[ $list ] ?? null ) ? $theirs[ $list ] : array() as $entry ) {
				if ( ! is_array( $entry ) || ! is_string( $entry['id'] ?? null ) ) {
					continue;
				}
				foreach ( $fields as $field ) {
					$text = $entry[ $field ] ?? null;
					if ( ( is_string( $text ) && '' !== trim( $text ) ) || ( is_array( $text ) && array() !== $text && array_filter( $text, 'is_string' ) === $text ) ) {
						$texts[ $list ][ $entry['id'] ][ $field ] = is_array( $text ) ? array_values( $text ) : $text;
					}
				}
			}
		}
		return new self( $language, $original, $texts );
	}

	/**
	 * Whether this language is another than the texts' own.
	 */
	public function is_translation(): bool {
		return $this->language !== $this->original;
	}

	/**
	 * A measure with its texts in this language where they are translated.
	 *
	 * @param Measure $measure A measure.
	 * @return Measure
	 */
	public function measure( array $measure ): array {
		$texts                  = $this->texts['measures'][ $measure['id'] ] ?? array();
		$measure['title']       = self::text( $texts, 'title' ) ?? $measure['title'];
		$measure['description'] = self::text( $texts, 'description' ) ?? $measure['description'];
		return $measure;
	}

	/**
	 * A processor with its texts in this language where they are translated.
	 *
	 * @param Processor $processor A processor.
	 * @return Processor
	 */
	public function processor( array $processor ): array {
		$texts = $this->texts['processors'][ $processor['id'] ] ?? array();
		if ( array() === $texts ) {
			return $processor;
		}
		$processor['role']        = self::text( $texts, 'role' ) ?? $processor['role'];
		$processor['description'] = self::text( $texts, 'description' ) ?? $processor['description'];
		foreach ( array( 'purpose', 'retention' ) as $field ) {
			$text = self::text( $texts, $field );
			if ( null !== $text ) {
				$processor[ $field ] = $text;
			}
		}
		$categories = $texts['dataCategories'] ?? null;
		if ( is_array( $categories ) ) {
			$processor['dataCategories'] = $categories;
		}
		return $processor;
	}

	/**
	 * A translated text of an entry, or null when it has none.
	 *
	 * @param array<string, string|list<string>> $texts An entry's translated texts.
	 * @param string                             $field A text field.
	 */
	private static function text( array $texts, string $field ): ?string {
		return is_string( $texts[ $field ] ?? null ) ? $texts[ $field ] : null;
	}

	/**
	 * The language to mark a shown text with: the original's, when this language is another and
	 * the text is shown untranslated; '' when it needs no mark (translated, the page's own
	 * language, or empty).
	 *
	 * @param 'measures'|'processors' $list  The list.
	 * @param array<string, mixed>    $entry The entry, as stored.
	 * @param string                  $field A text field.
	 */
	public function lang( string $list, array $entry, string $field ): string {
		if ( ! $this->is_translation() ) {
			return '';
		}
		$text = $entry[ $field ] ?? '';
		if ( '' === $text || array() === $text || isset( $this->texts[ $list ][ (string) ( $entry['id'] ?? '' ) ][ $field ] ) ) {
			return '';
		}
		return $this->original;
	}

	/**
	 * The whole document with its texts in this language, for those who read it whole (the
	 * register): its `translations` left out, and `organization.language` the language its texts
	 * are now in, where they are.
	 *
	 * @param array<string, mixed> $policy The document this was made from.
	 * @return array<string, mixed>
	 */
	public function document( array $policy ): array {
		unset( $policy['translations'] );
		foreach ( self::FIELDS as $list => $fields ) {
			if ( ! isset( $this->texts[ $list ] ) || ! is_array( $policy[ $list ] ?? null ) ) {
				continue;
			}
			foreach ( $policy[ $list ] as $index => $entry ) {
				$texts = is_array( $entry ) ? ( $this->texts[ $list ][ (string) ( $entry['id'] ?? '' ) ] ?? array() ) : array();
				if ( array() !== $texts ) {
					$policy[ $list ][ $index ] = array_merge( $entry, $texts );
				}
			}
		}
		return $policy;
	}

	/**
	 * The texts this language lacks: each measure's and processor's non-empty text with no
	 * translation, as `list => id => fields`.
	 *
	 * @param array<string, mixed> $policy The document this was made from.
	 * @return array<string, array<string, list<string>>>
	 */
	public function missing( array $policy ): array {
		$missing = array();
		if ( ! $this->is_translation() ) {
			return $missing;
		}
		foreach ( self::FIELDS as $list => $fields ) {
			foreach ( is_array( $policy[ $list ] ?? null ) ? $policy[ $list ] : array() as $entry ) {
				if ( ! is_array( $entry ) || ! is_string( $entry['id'] ?? null ) ) {
					continue;
				}
				foreach ( $fields as $field ) {
					if ( '' !== $this->lang( $list, $entry, $field ) ) {
						$missing[ $list ][ $entry['id'] ][] = $field;
					}
				}
			}
		}
		return $missing;
	}

	/**
	 * The languages a document can be read in: its own first, then those it has a translation into.
	 *
	 * @param array<string, mixed> $policy A document.
	 * @return list<string>
	 */
	public static function languages( array $policy ): array {
		$languages = array( Policy_Store::language( $policy ) );
		foreach ( array_keys( is_array( $policy['translations'] ?? null ) ? $policy['translations'] : array() ) as $language ) {
			if ( 1 === preg_match( '/^[a-z]{2,3}$/D', (string) $language ) ) {
				$languages[] = (string) $language;
			}
		}
		return array_values( array_unique( $languages ) );
	}

	/**
	 * An escaped text in an element that marks its language, or as it is when it needs no mark.
	 *
	 * @param string $html An escaped text.
	 * @param string $lang What lang() said of it.
	 */
	public static function marked( string $html, string $lang ): string {
		return '' === $lang ? $html : '<span lang="' . esc_attr( $lang ) . '">' . $html . '</span>';
	}

	/**
	 * A ` lang="…"` attribute for an element that holds a text, or '' when it needs none.
	 *
	 * @param string $lang What lang() said of the text.
	 */
	public static function attribute( string $lang ): string {
		return '' === $lang ? '' : ' lang="' . esc_attr( $lang ) . '"';
	}
}

<?php
/**
 * Which stored entry an imported one is.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Gives an imported entry the id of the stored entry it is, when the two ids differ: the same
 * processor typed in by hand as `processor-2` and exported elsewhere as `mailchimp` is one
 * processor, not "removed" plus "added" (which the change log would publish and e-mail).
 *
 * An entry is matched by its id first. An imported entry whose id is not stored then takes the id
 * of a stored entry that no imported entry has by id and that is what it is: for a processor, the
 * same name, or else the same legal entity and role; for a measure, the same category and title
 * (names compared without regard to case, accents or spacing). Each stored entry is taken once,
 * in list order. Nothing else in the document changes.
 */
final class Import_Matcher {

	/**
	 * The imported document with the stored ids of the entries it matched.
	 *
	 * @param array<string, mixed> $stored   The stored policy; empty when none is stored.
	 * @param mixed                $imported The imported document, as decoded (not yet validated).
	 * @return mixed The document, re-keyed where it is an object with lists of objects.
	 */
	public static function adopt_stored_ids( array $stored, mixed $imported ): mixed {
		if ( ! is_array( $imported ) ) {
			return $imported;
		}
		$keys = array(
			'processors' => array( array( 'name' ), array( 'legalEntity', 'role' ) ),
			'measures'   => array( array( 'category', 'title' ) ),
		);
		foreach ( $keys as $list => $ways ) {
			if ( is_array( $imported[ $list ] ?? null ) && is_array( $stored[ $list ] ?? null ) ) {
				$renamed           = array();
				$imported[ $list ] = self::adopt( $stored[ $list ], $imported[ $list ], $ways, $renamed );
				$imported          = self::follow( $imported, $list, $renamed );
			}
		}
		return $imported;
	}

	/**
	 * What names an entry by id follows it to the id it adopted: the translations of its texts,
	 * and for a processor, its sub-processors' `parentId`.
	 *
	 * @param array<mixed>          $imported The imported document.
	 * @param string                $list     `processors` or `measures`.
	 * @param array<string, string> $renamed  New ids by imported id.
	 * @return array<mixed>
	 */
	private static function follow( array $imported, string $list, array $renamed ): array {
		if ( array() === $renamed ) {
			return $imported;
		}
		foreach ( is_array( $imported['translations'] ?? null ) ? $imported['translations'] : array() as $language => $translation ) {
			foreach ( is_array( $translation ) && is_array( $translation[ $list ] ?? null ) ? $translation[ $list ] : array() as $index => $entry ) {
				$id = is_array( $entry ) ? ( $entry['id'] ?? null ) : null;
				if ( is_string( $id ) && isset( $renamed[ $id ] ) ) {
					$imported['translations'][ $language ][ $list ][ $index ]['id'] = $renamed[ $id ];
				}
			}
		}
		if ( 'processors' === $list ) {
			foreach ( $imported['processors'] as $index => $processor ) {
				$parent = is_array( $processor ) ? ( $processor['parentId'] ?? null ) : null;
				if ( is_string( $parent ) && isset( $renamed[ $parent ] ) ) {
					$imported['processors'][ $index ]['parentId'] = $renamed[ $parent ];
				}
			}
		}
		return $imported;
	}

	/**
	 * One list, re-keyed.
	 *
	 * @param array<mixed>          $stored   The stored entries.
	 * @param array<mixed>          $imported The imported entries.
	 * @param list<list<string>>    $ways     The fields that tell what an entry is, in order of trust.
	 * @param array<string, string> $renamed Set to the new ids, by imported id.
	 * @param-out array<string, string> $renamed
	 * @return array<mixed>
	 */
	private static function adopt( array $stored, array $imported, array $ways, array &$renamed = array() ): array {
		$imported_ids = array();
		foreach ( $imported as $entry ) {
			if ( is_array( $entry ) && is_string( $entry['id'] ?? null ) ) {
				$imported_ids[ $entry['id'] ] = true;
			}
		}
		// Stored entries that no imported entry names: the only ones an unknown id may be.
		$free = array();
		foreach ( $stored as $entry ) {
			if ( is_array( $entry ) && is_string( $entry['id'] ?? null ) && ! isset( $imported_ids[ $entry['id'] ] ) ) {
				$free[ $entry['id'] ] = $entry;
			}
		}
		$stored_ids = array_fill_keys( array_column( array_filter( $stored, 'is_array' ), 'id' ), true );
		foreach ( $ways as $fields ) {
			foreach ( $imported as $index => $entry ) {
				if ( ! is_array( $entry ) || ! is_string( $entry['id'] ?? null ) || isset( $stored_ids[ $entry['id'] ] ) ) {
					continue;
				}
				$identity = self::identity( $entry, $fields );
				if ( '' === $identity ) {
					continue;
				}
				foreach ( $free as $id => $candidate ) {
					if ( self::identity( $candidate, $fields ) === $identity ) {
						$renamed[ $entry['id'] ]    = (string) $id;
						$imported[ $index ]['id']   = (string) $id;
						$stored_ids[ (string) $id ] = true;
						unset( $free[ $id ] );
						break;
					}
				}
			}
		}
		return $imported;
	}

	/**
	 * What an entry is by these fields, normalised; '' when any of them is empty or not text.
	 *
	 * @param array<mixed> $entry  An entry.
	 * @param list<string> $fields Its fields to compare.
	 */
	private static function identity( array $entry, array $fields ): string {
		$parts = array();
		foreach ( $fields as $field ) {
			$value = $entry[ $field ] ?? null;
			if ( ! is_string( $value ) ) {
				return '';
			}
			$value = strtolower( trim( (string) preg_replace( '/\s+/u', ' ', remove_accents( $value ) ) ) );
			if ( '' === $value ) {
				return '';
			}
			$parts[] = $value;
		}
		return implode( "\n", $parts );
	}
}

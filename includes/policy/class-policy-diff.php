<?php
/**
 * What changes between two policy documents.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Compares two valid policy documents: processors and measures by id (added, removed, changed with
 * the names of the changed fields, reordered), organisation and site by field. Import's dry run
 * shows this to the admin before anything is saved.
 *
 * @phpstan-type Entry array{ id: string, label: string }
 * @phpstan-type ChangedEntry array{ id: string, label: string, fields: list<string> }
 * @phpstan-type ListChanges array{ added: list<Entry>, removed: list<Entry>, changed: list<ChangedEntry>, reordered: bool }
 * @phpstan-type TranslationChanges array{ added: list<string>, removed: list<string>, changed: list<array{ id: string, label: string, language: string, list: 'processors'|'measures', fields: list<string> }> }
 * @phpstan-type Changes array{ processors: ListChanges, measures: ListChanges, organization: list<string>, site: list<string>, translations: TranslationChanges, hasChanges: bool }
 */
final class Policy_Diff {

	/**
	 * The changes from one document to another.
	 *
	 * @param array<string, mixed> $before The stored document.
	 * @param array<string, mixed> $after  The incoming document.
	 * @return Changes
	 */
	public static function between( array $before, array $after ): array {
		$processors   = self::compare_lists( self::list_of( $before, 'processors' ), self::list_of( $after, 'processors' ), 'name' );
		$measures     = self::compare_lists( self::list_of( $before, 'measures' ), self::list_of( $after, 'measures' ), 'title' );
		$organization = self::changed_fields( self::object_of( $before, 'organization' ), self::object_of( $after, 'organization' ) );
		$site         = self::changed_fields( self::object_of( $before, 'site' ), self::object_of( $after, 'site' ) );
		$translations = self::compare_translations( $before, $after );
		return array(
			'processors'   => $processors,
			'measures'     => $measures,
			'organization' => $organization,
			'site'         => $site,
			'translations' => $translations,
			'hasChanges'   => self::list_changed( $processors ) || self::list_changed( $measures ) || array() !== $organization || array() !== $site
				|| array() !== $translations['added'] || array() !== $translations['removed'] || array() !== $translations['changed'],
		);
	}

	/**
	 * Compares the translations: languages added and removed, and in each language kept, the
	 * measures and processors (kept in both documents) whose translated texts changed. A text
	 * left out and an empty one are the same: no translation. An entry added or removed is told
	 * as such, not its translation.
	 *
	 * @param array<string, mixed> $before The stored document.
	 * @param array<string, mixed> $after  The incoming document.
	 * @return TranslationChanges
	 */
	private static function compare_translations( array $before, array $after ): array {
		$old     = self::object_of( $before, 'translations' );
		$new     = self::object_of( $after, 'translations' );
		$changes = array(
			'added'   => array_values( array_map( 'strval', array_keys( array_diff_key( $new, $old ) ) ) ),
			'removed' => array_values( array_map( 'strval', array_keys( array_diff_key( $old, $new ) ) ) ),
			'changed' => array(),
		);
		foreach ( array_intersect_key( $new, $old ) as $language => $translation ) {
			if ( $translation === $old[ $language ] ) {
				continue;
			}
			foreach ( array(
				'processors' => 'name',
				'measures'   => 'title',
			) as $list => $label_field ) {
				$was  = self::texts_by_id( is_array( $old[ $language ] ) ? $old[ $language ] : array(), $list );
				$is   = self::texts_by_id( is_array( $translation ) ? $translation : array(), $list );
				$kept = array_intersect_key( self::entries_by_id( $after, $list ), self::entries_by_id( $before, $list ) );
				foreach ( $kept as $id => $entry ) {
					$fields = self::changed_fields( $was[ $id ] ?? array(), $is[ $id ] ?? array() );
					if ( array() !== $fields ) {
						$changes['changed'][] = self::entry( (string) $id, $entry, $label_field ) + array(
							'language' => (string) $language,
							'list'     => $list,
							'fields'   => $fields,
						);
					}
				}
			}
		}
		return $changes;
	}

	/**
	 * A translation's texts of one list, by id, without the id.
	 *
	 * @param array<mixed> $translation A translation.
	 * @param string       $list        `processors` or `measures`.
	 * @return array<array-key, array<string, mixed>>
	 */
	private static function texts_by_id( array $translation, string $list ): array {
		$texts = array();
		foreach ( self::by_id( self::list_of( $translation, $list ) ) as $id => $entry ) {
			unset( $entry['id'] );
			$texts[ $id ] = $entry;
		}
		return $texts;
	}

	/**
	 * Compares two lists of entries keyed by id.
	 *
	 * @param list<array<string, mixed>> $before      Entries before.
	 * @param list<array<string, mixed>> $after       Entries after.
	 * @param string                     $label_field The field that names an entry to a person.
	 * @return ListChanges
	 */
	private static function compare_lists( array $before, array $after, string $label_field ): array {
		$old     = self::by_id( $before );
		$new     = self::by_id( $after );
		$added   = array();
		$removed = array();
		$changed = array();
		foreach ( $new as $id => $entry ) {
			if ( ! isset( $old[ $id ] ) ) {
				$added[] = self::entry( (string) $id, $entry, $label_field );
				continue;
			}
			$fields = self::changed_fields( $old[ $id ], $entry );
			if ( array() !== $fields ) {
				$changed[] = self::entry( (string) $id, $entry, $label_field ) + array( 'fields' => $fields );
			}
		}
		foreach ( $old as $id => $entry ) {
			if ( ! isset( $new[ $id ] ) ) {
				$removed[] = self::entry( (string) $id, $entry, $label_field );
			}
		}
		$kept_order_before = array_values( array_intersect( array_keys( $old ), array_keys( $new ) ) );
		$kept_order_after  = array_values( array_intersect( array_keys( $new ), array_keys( $old ) ) );
		return array(
			'added'     => $added,
			'removed'   => $removed,
			'changed'   => $changed,
			'reordered' => $kept_order_before !== $kept_order_after,
		);
	}

	/**
	 * The names of the fields whose values differ, in the order of the newer object.
	 *
	 * @param array<string, mixed> $before An object.
	 * @param array<string, mixed> $after  The same object, later.
	 * @return list<string>
	 */
	private static function changed_fields( array $before, array $after ): array {
		// Most entries of a save are as they were: the same values in the same order differ nowhere.
		if ( $before === $after ) {
			return array();
		}
		$fields = array();
		foreach ( array_unique( array_merge( array_keys( $after ), array_keys( $before ) ) ) as $field ) {
			$old = $before[ $field ] ?? null;
			$new = $after[ $field ] ?? null;
			// An optional field left out is its default: writing the default out changes nothing.
			if ( ( null === $old && self::is_default( (string) $field, $new ) ) || ( null === $new && self::is_default( (string) $field, $old ) ) ) {
				continue;
			}
			if ( $old !== $new && self::canonical( $old ) !== self::canonical( $new ) ) {
				$fields[] = (string) $field;
			}
		}
		return $fields;
	}

	/**
	 * Whether a value is what an optional field means when it is left out: an empty text or list,
	 * the notice period's default, or the site's language.
	 *
	 * @param string $field The field.
	 * @param mixed  $value Its value.
	 */
	private static function is_default( string $field, mixed $value ): bool {
		return '' === $value || array() === $value || ( 'noticePeriodDays' === $field && Policy_Store::NOTICE_PERIOD_DAYS === $value )
			|| ( 'language' === $field && Policy_Store::site_language() === $value );
	}

	/**
	 * A value with the keys of its objects sorted, so that JSON written with keys in another
	 * order (by a tool that sorts them, say) compares equal.
	 *
	 * @param mixed $value A decoded JSON value.
	 */
	private static function canonical( mixed $value ): mixed {
		if ( ! is_array( $value ) ) {
			return $value;
		}
		$value = array_map( array( self::class, 'canonical' ), $value );
		if ( ! array_is_list( $value ) ) {
			ksort( $value );
		}
		return $value;
	}

	/**
	 * Whether a list comparison found anything.
	 *
	 * @param ListChanges $changes A list comparison.
	 */
	private static function list_changed( array $changes ): bool {
		return array() !== $changes['added'] || array() !== $changes['removed'] || array() !== $changes['changed'] || $changes['reordered'];
	}

	/**
	 * An entry as the diff reports it.
	 *
	 * @param string               $id          The entry's id.
	 * @param array<string, mixed> $entry       The entry.
	 * @param string               $label_field The field that names it.
	 * @return Entry
	 */
	private static function entry( string $id, array $entry, string $label_field ): array {
		return array(
			'id'    => $id,
			'label' => is_string( $entry[ $label_field ] ?? null ) ? $entry[ $label_field ] : $id,
		);
	}

	/**
	 * Entries keyed by id, in their order. (PHP turns an id such as "42" into an integer key.)
	 *
	 * @param list<array<string, mixed>> $entries Entries.
	 * @return array<array-key, array<string, mixed>>
	 */
	private static function by_id( array $entries ): array {
		$keyed = array();
		foreach ( $entries as $entry ) {
			$keyed[ (string) ( $entry['id'] ?? '' ) ] = $entry;
		}
		return $keyed;
	}

	/**
	 * A document's processors or measures keyed by id, in their order.
	 *
	 * @param array<string, mixed> $document A document.
	 * @param string               $key      `processors` or `measures`.
	 * @return array<array-key, array<string, mixed>>
	 */
	public static function entries_by_id( array $document, string $key ): array {
		return self::by_id( self::list_of( $document, $key ) );
	}

	/**
	 * A list of objects from a document, or none.
	 *
	 * @param array<string, mixed> $document A document.
	 * @param string               $key      `processors` or `measures`.
	 * @return list<array<string, mixed>>
	 */
	private static function list_of( array $document, string $key ): array {
		$list = $document[ $key ] ?? array();
		return is_array( $list ) ? array_values( array_filter( $list, 'is_array' ) ) : array();
	}

	/**
	 * An object from a document, or an empty one.
	 *
	 * @param array<string, mixed> $document A document.
	 * @param string               $key      `organization` or `site`.
	 * @return array<string, mixed>
	 */
	public static function object_of( array $document, string $key ): array {
		$object = $document[ $key ] ?? array();
		return is_array( $object ) ? $object : array();
	}
}

<?php
/**
 * The one way a policy is saved.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

use InfosecPolicy\Changes\Change_Items;
use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Log_Unavailable;

defined( 'ABSPATH' ) || exit;

/**
 * Validate once, save with compare-and-swap, record what changed: the sequence every writer of the
 * policy goes through (the REST save and import, WP-CLI, the demo set-up, the tests), so none can
 * skip a step or do them in another order.
 *
 * @phpstan-import-type Item from Change_Items
 */
final class Policy_Service {

	/**
	 * Saves a document if it is valid and the stored revision is still the one the caller read,
	 * then records what changed in the change log.
	 *
	 * @param mixed           $policy            The document, as decoded from JSON.
	 * @param int             $expected_revision The revision the caller last read.
	 * @param 'save'|'import' $source            How the document came in.
	 * @param string          $note              A public note for the change log, or ''.
	 * @param bool            $internal          Whether the change stays out of the published log.
	 */
	public static function save( mixed $policy, int $expected_revision, string $source = 'save', string $note = '', bool $internal = false ): Save_Result {
		if ( 'import' === $source ) {
			$policy = self::matched( $policy );
		}
		$policy = self::with_language( $policy );
		$errors = Policy_Validator::validate( $policy );
		if ( array() !== $errors || ! is_array( $policy ) ) {
			return Save_Result::invalid( Field_Labels::describe( $errors, $policy ) );
		}
		$replaced = null;
		$revision = Policy_Store::save( $policy, $expected_revision, $replaced );
		if ( is_wp_error( $revision ) ) {
			return Save_Result::refused( $revision );
		}
		$replaced = $replaced ?? array();
		$items    = self::items( $replaced, $policy );
		if ( array() === $items ) {
			return Save_Result::saved( $policy, $replaced, $revision, $items, null );
		}
		try {
			$change_id = Change_Log::record( $items, $revision, $source, $note, $internal );
		} catch ( Change_Log_Unavailable $unavailable ) {
			return Save_Result::saved( $policy, $replaced, $revision, $items, null, array( __( 'The policy was saved, but its change could not be recorded in the change log.', 'infosec-policy' ) ) );
		}
		return Save_Result::saved( $policy, $replaced, $revision, $items, $change_id );
	}

	/**
	 * What saving or importing a document would change, without saving it: matched (an import)
	 * and validated as save() does, and refused as a conflict when the caller read another revision.
	 *
	 * @param mixed           $policy            The document, as decoded from JSON.
	 * @param 'save'|'import' $source            How the document would come in.
	 * @param int|null        $expected_revision The revision the caller last read; null for any.
	 */
	public static function preview( mixed $policy, string $source = 'import', ?int $expected_revision = null ): Save_Result {
		if ( 'import' === $source ) {
			$policy = self::matched( $policy );
		}
		$policy = self::with_language( $policy );
		$errors = Policy_Validator::validate( $policy );
		if ( array() !== $errors || ! is_array( $policy ) ) {
			return Save_Result::invalid( Field_Labels::describe( $errors, $policy ) );
		}
		$stored = Policy_Store::get();
		if ( null !== $expected_revision && $expected_revision !== $stored['revision'] ) {
			return Save_Result::refused( Policy_Store::conflict( $stored['revision'] ) );
		}
		$replaced = 0 === $stored['revision'] ? array() : $stored['policy'];
		return Save_Result::previewed( $policy, $replaced, $stored['revision'], self::items( $replaced, $policy ) );
	}

	/**
	 * A document that says the language of its texts: one that does not (typed before the field,
	 * or by hand) is in the language the stored policy says, else in the site's. Its empty
	 * translations are left out.
	 *
	 * @param mixed $policy The document, as decoded from JSON.
	 */
	private static function with_language( mixed $policy ): mixed {
		if ( ! is_array( $policy ) ) {
			return $policy;
		}
		if ( is_array( $policy['organization'] ?? null ) && array() !== $policy['organization'] && ! array_key_exists( 'language', $policy['organization'] ) ) {
			$policy['organization']['language'] = Policy_Store::language( Policy_Store::get()['policy'] );
		}
		// A translation with no text is none, and no translations are none: PHP cannot tell an
		// empty object from an empty list, and would hand either back as [], which is no object.
		if ( is_array( $policy['translations'] ?? null ) ) {
			$policy['translations'] = array_filter( array_map( array( self::class, 'without_empty_texts' ), $policy['translations'] ), static fn( mixed $translation ): bool => array() !== $translation );
			if ( array() === $policy['translations'] ) {
				unset( $policy['translations'] );
			}
		}
		return $policy;
	}

	/**
	 * A translation without what translates nothing: an entry with no text but its id, and a
	 * list with no entry. Anything else is left as it is, for the validator to judge.
	 *
	 * @param mixed $translation A translation, as decoded from JSON.
	 */
	private static function without_empty_texts( mixed $translation ): mixed {
		if ( ! is_array( $translation ) ) {
			return $translation;
		}
		foreach ( array( 'measures', 'processors' ) as $list ) {
			if ( ! is_array( $translation[ $list ] ?? null ) || ! array_is_list( $translation[ $list ] ) ) {
				continue;
			}
			$translation[ $list ] = array_values(
				array_filter(
					$translation[ $list ],
					static fn( mixed $entry ): bool => ! is_array( $entry ) || array() !== array_filter( array_diff_key( $entry, array( 'id' => true ) ), static fn( mixed $text ): bool => '' !== $text && array() !== $text )
				)
			);
			if ( array() === $translation[ $list ] ) {
				unset( $translation[ $list ] );
			}
		}
		return $translation;
	}

	/**
	 * An imported document whose entries carry the ids of the stored entries they are
	 * (Import_Matcher), so that an id typed otherwise is no removal and addition.
	 *
	 * @param mixed $policy The imported document, as decoded from JSON.
	 */
	private static function matched( mixed $policy ): mixed {
		$stored = Policy_Store::get();
		return 0 === $stored['revision'] ? $policy : Import_Matcher::adopt_stored_ids( $stored['policy'], $policy );
	}

	/**
	 * What a save changes, compared with what it replaced as stored. The first save replaces
	 * nothing published (not the default policy, which no one wrote): it is
	 * the statement's first publication, one item.
	 *
	 * @param array<string, mixed> $replaced The stored document; empty when none was stored.
	 * @param array<string, mixed> $policy   The saved document.
	 * @return list<Item>
	 */
	private static function items( array $replaced, array $policy ): array {
		return array() === $replaced ? array( Change_Items::first_publication() ) : Change_Items::between( $replaced, $policy );
	}
}

<?php
/**
 * The published part of the change log, as the block and the feed read it.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

defined( 'ABSPATH' ) || exit;

/**
 * The latest published entries, kept in a small option so that the change-log block and the feed
 * render without a query. It is a projection of the log's table: Change_Log rebuilds it after
 * every write that can change what is published.
 *
 * @phpstan-import-type Item from Change_Items
 * @phpstan-type PublishedEntry array{ id: int, createdAt: int, items: list<Item>, more: int, moreIn?: array<string, int>, note: string }
 */
final class Published_Log {

	public const OPTION = 'infosec_policy_changes_published';

	/**
	 * How many published entries the block and the feed can show.
	 */
	public const LIMIT = 20;

	/**
	 * How many items of one published entry are kept for the block and the feed; a first import of
	 * a thousand processors is published as its first items and a count of the rest.
	 */
	public const ITEMS = 25;

	/**
	 * The latest published entries, newest first, without a query: from the option. For a reader
	 * of one language, only the changes told in it (Change_Items::is_for()): an entry that only
	 * changed another language's translation, without a note, is not theirs.
	 *
	 * @param int         $limit    How many, at most Published_Log::LIMIT.
	 * @param string|null $language The reader's language; null for every change.
	 * @return list<PublishedEntry>
	 */
	public static function entries( int $limit, ?string $language = null ): array {
		$published = get_option( self::OPTION, array() );
		$entries   = is_array( $published ) && is_array( $published['entries'] ?? null ) ? $published['entries'] : array();
		$entries   = array_values( array_filter( $entries, array( self::class, 'is_entry' ) ) );
		if ( null !== $language ) {
			$read = array();
			foreach ( $entries as $entry ) {
				$entry['items'] = Change_Items::for_language( $entry['items'], $language );
				$entry['more']  = (int) ( $entry['more'] ?? 0 ) + (int) ( $entry['moreIn'][ $language ] ?? 0 );
				if ( array() !== $entry['items'] || '' !== $entry['note'] ) {
					$read[] = $entry;
				}
			}
			$entries = $read;
		}
		return array_slice( $entries, 0, max( 0, $limit ) );
	}

	/**
	 * When the published log last changed (Unix time), or 0 if never: for the feed's Last-Modified.
	 */
	public static function built_at(): int {
		$published = get_option( self::OPTION, array() );
		return is_array( $published ) ? (int) ( $published['builtAt'] ?? 0 ) : 0;
	}

	/**
	 * Rewrites the option from the table: the latest entries that are not internal, each with at
	 * most Published_Log::ITEMS items. Rebuilding (rather than adding to it) keeps it right after
	 * any change of a note or of the internal flag.
	 */
	public static function refresh(): void {
		// More than are shown: entries that only change one language's translation are told to
		// its readers alone, and must not push everyone else's out of the last LIMIT.
		$entries = Change_Log::latest_public( self::LIMIT * 4 );
		if ( null === $entries ) {
			return; // Keep what is published rather than publish nothing.
		}
		$published = array();
		$told      = array();
		foreach ( $entries as $entry ) {
			// Who made a change stays in the admin's log; the published one speaks for the organisation,
			// and names only what the statement itself shows.
			$items = array_values( array_filter( $entry['items'], array( Change_Items::class, 'is_public' ) ) );
			if ( array() === $items && '' === $entry['note'] ) {
				continue;
			}
			// Whom it tells: everyone ('') when it has a note or a change for all, else the
			// readers of each language it changes a translation of.
			$groups = array();
			foreach ( $items as $item ) {
				$groups[ $item['language'] ?? '' ] = true;
			}
			$groups = '' !== $entry['note'] || isset( $groups[''] ) ? array( '' => true ) : $groups;
			$wanted = false;
			foreach ( array_keys( $groups ) as $group ) {
				$told[ $group ] = ( $told[ $group ] ?? 0 ) + 1;
				$wanted         = $wanted || $told[ $group ] <= self::LIMIT;
			}
			if ( ! $wanted ) {
				continue;
			}
			// Changes told to all, and those told to the readers of one language, each kept up to
			// the same number: a translation's readers count theirs apart.
			$kept  = array();
			$count = array();
			foreach ( $items as $item ) {
				$group           = $item['language'] ?? '';
				$count[ $group ] = ( $count[ $group ] ?? 0 ) + 1;
				if ( $count[ $group ] <= self::ITEMS ) {
					$kept[] = $item;
				}
			}
			$more        = array_map( static fn( int $n ): int => max( 0, $n - self::ITEMS ), $count );
			$published[] = array(
				'id'        => $entry['id'],
				'createdAt' => $entry['createdAt'],
				'items'     => $kept,
				'more'      => $more[''] ?? 0,
				'moreIn'    => array_filter( array_diff_key( $more, array( '' => 0 ) ) ),
				'note'      => $entry['note'],
			);
		}
		// Autoloaded when small, as core decides for any option; the log itself never is.
		update_option(
			self::OPTION,
			array(
				'builtAt' => time(),
				'entries' => $published,
			),
			null
		);
	}

	/**
	 * Removes the option (uninstall).
	 */
	public static function delete(): void {
		delete_option( self::OPTION );
	}

	/**
	 * Whether a value of the option has the shape this class writes there.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true PublishedEntry $value
	 */
	private static function is_entry( mixed $value ): bool {
		return is_array( $value ) && is_int( $value['id'] ?? null ) && is_int( $value['createdAt'] ?? null ) && is_int( $value['more'] ?? null )
			&& is_string( $value['note'] ?? null ) && is_array( $value['items'] ?? null ) && array_is_list( $value['items'] )
			&& array_filter( $value['items'], array( Change_Items::class, 'is_item' ) ) === $value['items'];
	}
}

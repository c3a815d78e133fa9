<?php
/**
 * What one save changed, field by field, as data a change log can keep.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

use InfosecPolicy\Policy\Policy_Diff;

defined( 'ABSPATH' ) || exit;

/**
 * Turns two policy documents into the list of changes between them: one item per added or removed
 * entry, per changed field (with its old and new value) and per reordered list.
 *
 * Items hold data, not sentences: Change_Sentences words them when they are shown, in the reader's
 * language, so a Dutch visitor and an English admin read the same change each in their own.
 *
 * An item with a `language` is about the translation into that language, and is told only to
 * readers of that language (is_for()): a whole translation added or removed (subject
 * `translation`), or a measure's or processor's translated texts changed (`changed`, without a
 * field).
 *
 * @phpstan-type Item array{ op: 'published'|'added'|'removed'|'withdrawn'|'changed'|'reordered', subject: 'processor'|'measure'|'organization'|'site'|'translation', id?: string, name?: string, field?: string, from?: mixed, to?: mixed, details?: array<string, string>, language?: string }
 * @phpstan-import-type Changes from Policy_Diff
 */
final class Change_Items {

	/**
	 * Fields whose values are long texts: the log says that they changed, not how.
	 */
	private const TEXT_FIELDS = array( 'description', 'purpose' );

	/**
	 * Fields the statement does not publish, by subject: their changes stay in the admin's log.
	 * (Which ports a firewall opens is for the admin, not for an attacker reading the feed; what
	 * the site publishes where is the admin's choice, not news.)
	 */
	private const UNPUBLISHED_FIELDS = array(
		'site' => array( 'firewallPorts', 'publishFirewallPorts', 'securityTxt' ),
	);

	/**
	 * Whether an item may be published in the change-log block and the feed.
	 *
	 * @param Item $item An item.
	 */
	public static function is_public( array $item ): bool {
		return ! in_array( $item['field'] ?? '', self::UNPUBLISHED_FIELDS[ $item['subject'] ] ?? array(), true );
	}

	/**
	 * Whether an item is told to a reader of a language: one about a translation only to readers
	 * of that language, any other to all.
	 *
	 * @param Item   $item     An item.
	 * @param string $language The reader's language, a primary subtag.
	 */
	public static function is_for( array $item, string $language ): bool {
		return ! isset( $item['language'] ) || $item['language'] === $language;
	}

	/**
	 * The items of a list told to a reader of a language, in their order.
	 *
	 * @param list<Item> $items    Items.
	 * @param string     $language The reader's language.
	 * @return list<Item>
	 */
	public static function for_language( array $items, string $language ): array {
		return array_values( array_filter( $items, static fn( array $item ): bool => self::is_for( $item, $language ) ) );
	}

	/**
	 * Whether a stored value has the shape of an item.
	 *
	 * @param mixed $value A decoded value.
	 * @phpstan-assert-if-true Item $value
	 */
	public static function is_item( mixed $value ): bool {
		return is_array( $value )
			&& in_array( $value['op'] ?? null, array( 'published', 'added', 'removed', 'withdrawn', 'changed', 'reordered' ), true )
			&& in_array( $value['subject'] ?? null, array( 'processor', 'measure', 'organization', 'site', 'translation' ), true )
			&& ( ! isset( $value['language'] ) || is_string( $value['language'] ) );
	}

	/**
	 * The first publication of a statement, as one item: what it holds is for the blocks to show,
	 * not for twenty lines of "from none to …" in the log and the feed.
	 *
	 * @return Item
	 */
	public static function first_publication(): array {
		return array(
			'op'      => 'published',
			'subject' => 'organization',
		);
	}

	/**
	 * The changes from one valid document to another, processors first. A processor removed while
	 * it was still announced (its start date after today, in the site's time zone) is `withdrawn`:
	 * it never handled any data, and its customers should not read that it stopped.
	 *
	 * @param array<string, mixed> $before The stored document.
	 * @param array<string, mixed> $after  The saved document.
	 * @return list<Item>
	 */
	public static function between( array $before, array $after ): array {
		$today = (string) wp_date( 'Y-m-d' );
		$diff  = Policy_Diff::between( $before, $after );
		$items = array();
		foreach ( array(
			'processor' => 'processors',
			'measure'   => 'measures',
		) as $subject => $key ) {
			$old   = Policy_Diff::entries_by_id( $before, $key );
			$new   = Policy_Diff::entries_by_id( $after, $key );
			$label = 'processor' === $subject ? 'name' : 'title';
			foreach ( $diff[ $key ]['added'] as $entry ) {
				$items[] = array(
					'op'      => 'added',
					'subject' => $subject,
					'id'      => $entry['id'],
					'name'    => $entry['label'],
					'details' => self::details( $subject, $new[ $entry['id'] ] ?? array(), $today ),
				);
			}
			foreach ( $diff[ $key ]['removed'] as $entry ) {
				$from    = $old[ $entry['id'] ]['effectiveFrom'] ?? '';
				$items[] = array(
					'op'      => is_string( $from ) && $from > $today ? 'withdrawn' : 'removed',
					'subject' => $subject,
					'id'      => $entry['id'],
					'name'    => $entry['label'],
				);
			}
			foreach ( $diff[ $key ]['changed'] as $entry ) {
				foreach ( $entry['fields'] as $field ) {
					$item = self::changed( $subject, $field, $old[ $entry['id'] ] ?? array(), $new[ $entry['id'] ] ?? array() );
					if ( null !== $item && 'parentId' === $field ) {
						// Whom it works for, by name: the reader of the log knows no ids.
						$item['from'] = self::name_of( $old, $item['from'] ?? null );
						$item['to']   = self::name_of( $new, $item['to'] ?? null );
					}
					if ( null !== $item ) {
						$items[] = $item + array(
							'id'   => $entry['id'],
							'name' => is_string( $new[ $entry['id'] ][ $label ] ?? null ) ? $new[ $entry['id'] ][ $label ] : $entry['label'],
						);
					}
				}
			}
			if ( $diff[ $key ]['reordered'] ) {
				$items[] = array(
					'op'      => 'reordered',
					'subject' => $subject,
				);
			}
		}
		foreach ( array( 'organization', 'site' ) as $subject ) {
			$old = Policy_Diff::object_of( $before, $subject );
			$new = Policy_Diff::object_of( $after, $subject );
			foreach ( $diff[ $subject ] as $field ) {
				$item = self::changed( $subject, $field, $old, $new );
				if ( null !== $item ) {
					$items[] = $item;
				}
			}
		}
		foreach ( array( 'added', 'removed' ) as $op ) {
			foreach ( $diff['translations'][ $op ] as $language ) {
				$items[] = array(
					'op'       => $op,
					'subject'  => 'translation',
					'language' => $language,
				);
			}
		}
		foreach ( $diff['translations']['changed'] as $entry ) {
			$items[] = array(
				'op'       => 'changed',
				'subject'  => 'processors' === $entry['list'] ? 'processor' : 'measure',
				'id'       => $entry['id'],
				'name'     => $entry['label'],
				'language' => $entry['language'],
			);
		}
		return $items;
	}

	/**
	 * One changed field; null when it only went from one kind of nothing to another (an absent
	 * optional field, '' or an empty list), which no reader would call a change.
	 *
	 * @param 'processor'|'measure'|'organization'|'site' $subject What the field belongs to.
	 * @param string                                      $field   The field's name.
	 * @param array<string, mixed>                        $old     The object before.
	 * @param array<string, mixed>                        $new     The object after.
	 * @return Item|null
	 */
	private static function changed( string $subject, string $field, array $old, array $new ): ?array {
		$from = $old[ $field ] ?? null;
		$to   = $new[ $field ] ?? null;
		if ( in_array( $from, array( null, '', array() ), true ) && in_array( $to, array( null, '', array() ), true ) ) {
			return null;
		}
		$item = array(
			'op'      => 'changed',
			'subject' => $subject,
			'field'   => $field,
		);
		if ( in_array( $field, self::TEXT_FIELDS, true ) ) {
			return $item;
		}
		return $item + array(
			'from' => $from,
			'to'   => $to,
		);
	}

	/**
	 * A processor's name for its id, from one version of the list; '' stays '' (the organisation
	 * itself), and an id without a processor stays as it is.
	 *
	 * @param array<string, array<string, mixed>> $processors The processors by id.
	 * @param mixed                               $id         An id.
	 */
	private static function name_of( array $processors, mixed $id ): mixed {
		return is_string( $id ) && is_string( $processors[ $id ]['name'] ?? null ) ? $processors[ $id ]['name'] : $id;
	}

	/**
	 * What a reader wants to know about a new entry: a processor's service, country and effective
	 * date, and for one announced (its effective date after today) until when objections are taken,
	 * which is that date; a measure's category.
	 *
	 * @param 'processor'|'measure' $subject The kind of entry.
	 * @param array<string, mixed>  $entry   The new entry.
	 * @param string                $today   Today, `YYYY-MM-DD`, in the site's time zone.
	 * @return array<string, string>
	 */
	private static function details( string $subject, array $entry, string $today ): array {
		$fields  = 'processor' === $subject ? array( 'role', 'country', 'effectiveFrom' ) : array( 'category' );
		$details = array();
		foreach ( $fields as $field ) {
			if ( is_string( $entry[ $field ] ?? null ) && '' !== $entry[ $field ] ) {
				$details[ $field ] = $entry[ $field ];
			}
		}
		$from = $details['effectiveFrom'] ?? '';
		if ( $from > $today ) {
			$details['objectionDeadline'] = $from;
		}
		return $details;
	}
}

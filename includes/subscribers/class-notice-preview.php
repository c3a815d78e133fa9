<?php
/**
 * The notice a save would send, before it is saved.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Changes\Change_Items;
use InfosecPolicy\Policy\Page_Language;

defined( 'ABSPATH' ) || exit;

/**
 * Who would be e-mailed about a change that is not saved yet, and the e-mail they would get: the
 * same Notice_Mail, for an entry as Change_Log would record it now, from the organisation as the
 * save would store it, in the language most of them read. Only its unsubscribe link is no one's (subscriber 0), so a preview opens nobody's way out.
 *
 * A change is mailed when it is not internal and has an item the published log shows (see
 * Delivery_Queue::expand()), to every subscriber confirmed when it is saved.
 *
 * @phpstan-import-type Item from Change_Items
 * @phpstan-type Preview array{ recipients: int, email: null|array{ locale: string, languages: int, from: string, replyTo: string, subject: string, text: string } }
 */
final class Notice_Preview {

	/**
	 * The notice a change would send.
	 *
	 * @param array<string, mixed> $policy   The document the save would store.
	 * @param list<Item>           $items    What the save would change.
	 * @param string               $note     The public note that would go with it.
	 * @param bool                 $internal Whether it would stay out of the published log.
	 * @return Preview
	 */
	public static function for_change( array $policy, array $items, string $note, bool $internal ): array {
		$public = array_values( array_filter( $items, array( Change_Items::class, 'is_public' ) ) );
		$counts = array();
		// '' is the site's language, whatever it was when the address was stored.
		foreach ( $internal || array() === $public ? array() : Subscribers::confirmed_by_locale() as $stored => $count ) {
			$locale = '' === (string) $stored ? get_locale() : (string) $stored;
			// Only those the change tells: a changed translation is told to its readers alone.
			if ( '' !== $note || array() !== Change_Items::for_language( $public, Page_Language::primary( $locale ) ) ) {
				$counts[ $locale ] = ( $counts[ $locale ] ?? 0 ) + $count;
			}
		}
		if ( array() === $counts ) {
			return array(
				'recipients' => 0,
				'email'      => null,
			);
		}
		arsort( $counts );
		$locale = (string) array_key_first( $counts );
		$entry  = array(
			'id'        => 0,
			'revision'  => 0,
			'createdAt' => time(),
			'authorId'  => get_current_user_id(),
			'author'    => '',
			'source'    => 'save',
			'items'     => $items,
			'note'      => $note,
			'internal'  => false,
		);
		$reader = array(
			'id'            => 0,
			'email'         => '',
			'locale'        => $locale,
			'status'        => 'confirmed',
			'requestedAt'   => 0,
			'confirmedAt'   => null,
			'consentSource' => '',
		);
		$from   = is_array( $policy['organization'] ?? null ) ? $policy['organization'] : array();
		$mail   = Notice_Sender::in_locale( $locale, static fn(): array => Notice_Mail::notice( $entry, $reader, $from ) );
		return array(
			'recipients' => array_sum( $counts ),
			'email'      => array(
				'locale'    => $locale,
				'languages' => count( $counts ),
				'from'      => self::sender( self::header( $mail['headers'], 'From' ) ),
				'replyTo'   => self::header( $mail['headers'], 'Reply-To' ),
				'subject'   => $mail['subject'],
				'text'      => $mail['text'],
			),
		);
	}

	/**
	 * The sender as wp_mail() will send it: the From header's name and address, each through the
	 * filter that wp_mail() applies to it (SMTP plugins use them); a header without a name gets
	 * wp_mail()'s "WordPress".
	 *
	 * @param string $from The From header's value: `"Name" <address>` or `<address>`.
	 */
	private static function sender( string $from ): string {
		if ( 1 !== preg_match( '/^(?:"([^"]*)" )?<([^<>]+)>$/', $from, $parts ) ) {
			return '';
		}
		// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filters, applied as wp_mail() applies them.
		$name  = (string) apply_filters( 'wp_mail_from_name', '' === $parts[1] ? 'WordPress' : $parts[1] );
		$email = (string) apply_filters( 'wp_mail_from', $parts[2] );
		// phpcs:enable
		return '' === $name ? $email : $name . ' <' . $email . '>';
	}

	/**
	 * A header's value, or '' when the mail has none of that name.
	 *
	 * @param list<string> $headers The mail's headers, "Name: value".
	 * @param string       $name    The header.
	 */
	private static function header( array $headers, string $name ): string {
		foreach ( $headers as $header ) {
			if ( str_starts_with( $header, $name . ': ' ) ) {
				return substr( $header, strlen( $name ) + 2 );
			}
		}
		return '';
	}
}

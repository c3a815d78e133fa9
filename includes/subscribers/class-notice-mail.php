<?php
/**
 * What the plugin's e-mails say.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

use InfosecPolicy\Changes\Change_Items;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Objections\Objection_Links;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Security_Txt;

defined( 'ABSPATH' ) || exit;

/**
 * Writes the e-mails, in the language that is current when it is called (the sender switches
 * to each subscriber's): the confirmation request, the notice of a published change, and the link
 * to object to an announced processor that an address asked for. Each has
 * a plain-text and an HTML part saying the same, every value escaped for the part it goes in.
 * Header values are addresses (Reply-To one that is_email() accepted; From one address with no
 * character that could end it), the organisation's name stripped of control characters, quotes
 * and angle brackets, and URLs the plugin made; the subject loses every control character, so
 * nothing an admin types can start a header of its own.
 *
 * @phpstan-import-type Subscriber from Subscribers
 * @phpstan-import-type Objection from \InfosecPolicy\Objections\Objections
 * @phpstan-import-type Entry from \InfosecPolicy\Changes\Change_Log
 * @phpstan-type Mail array{ to: string, subject: string, text: string, html: string, headers: list<string>, messageId: string }
 */
final class Notice_Mail {

	/**
	 * How many changes one notice lists; the rest are counted, and the statement has them all.
	 */
	public const LINES = 50;

	/**
	 * The confirmation request.
	 *
	 * @param Subscriber $subscriber The pending subscriber.
	 * @return Mail
	 */
	public static function confirmation( array $subscriber ): array {
		$organization = self::organization();
		$org          = self::text( $organization, 'name' );
		$link         = Subscriber_Tokens::url( 'confirm', $subscriber );
		/* translators: %s: the organisation's name. */
		$subject = sprintf( __( 'Confirm that you want e-mail from %s about changes to its security statement', 'infosec-policy' ), $org );
		/* translators: %s: the organisation's name. */
		$asked = sprintf( __( 'Someone, probably you, asked to receive an e-mail from %s each time its information security statement changes.', 'infosec-policy' ), $org );
		/* translators: %d: a number of days. */
		$open = sprintf( _n( 'To confirm, open this link and press Confirm. It works for %d day.', 'To confirm, open this link and press Confirm. It works for %d days.', Subscribers::PENDING_DAYS, 'infosec-policy' ), Subscribers::PENDING_DAYS );
		/* translators: 1: a number of days, 2: a number of e-mails (3). */
		$ignore = sprintf( _n( 'If you did not ask for this, ignore this e-mail: the request lapses after %1$d day, and no address is sent more than %2$d of these e-mails in that time.', 'If you did not ask for this, ignore this e-mail: the request lapses after %1$d days, and no address is sent more than %2$d of these e-mails in that time.', Subscribers::PENDING_DAYS, 'infosec-policy' ), Subscribers::PENDING_DAYS, Subscribers::CONFIRMATIONS );
		return array(
			'to'        => $subscriber['email'],
			'subject'   => self::subject( $subject ),
			'text'      => $asked . "\n\n" . $open . "\n" . $link . "\n\n" . $ignore . "\n",
			'html'      => self::document(
				$subject,
				'<p>' . esc_html( $asked ) . '</p><p>' . esc_html( $open ) . '</p><p><a href="' . esc_url( $link ) . '">' . esc_html__( 'Confirm my subscription', 'infosec-policy' ) . '</a></p><p>' . esc_html( $ignore ) . '</p>'
			),
			'headers'   => self::sender_headers( $organization ),
			'messageId' => self::message_id( 'confirm-' . $subscriber['id'] . '-' . time() ),
		);
	}

	/**
	 * The link to object to an announced processor, which an address asked for on the objection
	 * page.
	 *
	 * @param Objection                                     $objection The row the link is signed for.
	 * @param array{ name: string, effectiveFrom?: string } $processor The announced processor.
	 * @return Mail
	 */
	public static function objection_link( array $objection, array $processor ): array {
		$organization = self::organization();
		$org          = self::text( $organization, 'name' );
		$link         = Objection_Links::requested_url( $objection );
		$day          = Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) );
		/* translators: %s: a processor's name. */
		$subject = sprintf( __( 'Your link to object to %s', 'infosec-policy' ), $processor['name'] );
		/* translators: 1: the organisation's name, 2: a processor's name. */
		$asked = sprintf( __( 'Someone, probably you, asked on the information security statement of %1$s for a link to object to its new processor %2$s.', 'infosec-policy' ), $org, $processor['name'] );
		/* translators: %s: a date. */
		$open = sprintf( __( 'To object, open this link and give your reason before %s:', 'infosec-policy' ), $day );
		/* translators: %d: a number of days. */
		$lasts  = sprintf( _n( 'The link works for %d day; after that, ask for a new one on the statement page.', 'The link works for %d days; after that, ask for a new one on the statement page.', Subscribers::PENDING_DAYS, 'infosec-policy' ), Subscribers::PENDING_DAYS );
		$ignore = __( 'If you did not ask for this, ignore this e-mail: nothing is recorded unless you send the form, and this address is used for nothing else.', 'infosec-policy' );
		/* translators: %s: a processor's name. */
		$label = sprintf( __( 'Object to %s', 'infosec-policy' ), $processor['name'] );
		return array(
			'to'        => $objection['email'],
			'subject'   => self::subject( $subject ),
			'text'      => $asked . "\n\n" . $open . "\n" . $link . "\n" . $lasts . "\n\n" . $ignore . "\n",
			'html'      => self::document(
				$subject,
				'<p>' . esc_html( $asked ) . '</p><p>' . esc_html( $open ) . '</p><p><a href="' . esc_url( $link ) . '">' . esc_html( $label ) . '</a></p><p>' . esc_html( $lasts ) . '</p><p>' . esc_html( $ignore ) . '</p>'
			),
			'headers'   => self::sender_headers( $organization ),
			'messageId' => self::message_id( 'object-' . $objection['id'] . '-' . time() ),
		);
	}

	/**
	 * The language a subscriber reads: their locale's, or the site's.
	 *
	 * @param Subscriber $subscriber A subscriber.
	 */
	public static function language( array $subscriber ): string {
		return Page_Language::primary( '' === $subscriber['locale'] ? get_locale() : $subscriber['locale'] );
	}

	/**
	 * Whether a published entry tells a subscriber anything: a change told in their language, or
	 * a note. One that only changed another language's translation is not sent to them.
	 *
	 * @param Entry      $entry      The entry.
	 * @param Subscriber $subscriber The subscriber.
	 */
	public static function tells( array $entry, array $subscriber ): bool {
		return '' !== $entry['note'] || array() !== Change_Items::for_language( array_values( array_filter( $entry['items'], array( Change_Items::class, 'is_public' ) ) ), self::language( $subscriber ) );
	}

	/**
	 * The notice of a published change-log entry.
	 *
	 * @param Entry                     $entry        The entry.
	 * @param Subscriber                $subscriber   The confirmed subscriber.
	 * @param array<string, mixed>|null $organization Who it is from: the stored policy's
	 *                                                organisation, unless a preview names the one
	 *                                                a save is about to store.
	 * @return Mail
	 */
	public static function notice( array $entry, array $subscriber, ?array $organization = null ): array {
		$organization ??= self::organization();
		$org            = self::text( $organization, 'name' );
		$items          = Change_Items::for_language( array_values( array_filter( $entry['items'], array( Change_Items::class, 'is_public' ) ) ), self::language( $subscriber ) );
		$lines          = Change_Sentences::sentences( array_slice( $items, 0, self::LINES ) );
		$more           = max( 0, count( $items ) - self::LINES );
		$statement      = self::statement_url();
		$unsubscribe    = Subscriber_Tokens::url( 'unsubscribe', $subscriber );
		$date           = wp_date( (string) get_option( 'date_format' ), $entry['createdAt'] );
		/* translators: %s: the organisation's name. */
		$subject = sprintf( __( '%s has changed its information security statement', 'infosec-policy' ), $org );
		/* translators: 1: the organisation's name, 2: a date. */
		$intro = sprintf( __( '%1$s changed its information security statement on %2$s:', 'infosec-policy' ), $org, $date );
		if ( $more > 0 ) {
			/* translators: %d: a number of changes. */
			$lines[] = sprintf( _n( 'and %d more change', 'and %d more changes', $more, 'infosec-policy' ), $more );
		}
		$announced = self::announcements( $items, $subscriber );
		$read      = __( 'Read the statement:', 'infosec-policy' );
		/* translators: %s: the organisation's name. */
		$why  = sprintf( __( 'You receive this e-mail because you asked %s to tell you of changes to its information security statement.', 'infosec-policy' ), $org );
		$stop = __( 'To unsubscribe, open this link:', 'infosec-policy' );

		$text = $intro . "\n\n" . implode( "\n", array_map( static fn( string $line ): string => '- ' . $line, $lines ) ) . "\n";
		$html = '<p>' . esc_html( $intro ) . '</p><ul>' . implode( '', array_map( static fn( string $line ): string => '<li>' . esc_html( $line ) . '</li>', $lines ) ) . '</ul>';
		if ( '' !== $entry['note'] ) {
			/* translators: %s: the organisation's name. */
			$note_heading = sprintf( __( 'A note from %s:', 'infosec-policy' ), $org );
			$text        .= "\n" . $note_heading . "\n" . $entry['note'] . "\n";
			$html        .= '<p>' . esc_html( $note_heading ) . '</p><p>' . nl2br( esc_html( $entry['note'] ) ) . '</p>';
		}
		foreach ( $announced as $announcement ) {
			$text .= "\n" . $announcement['sentence'] . "\n" . $announcement['url'] . "\n";
			$html .= '<p>' . esc_html( $announcement['sentence'] ) . ' <a href="' . esc_url( $announcement['url'] ) . '">' . esc_html( $announcement['link'] ) . '</a></p>';
		}
		$text .= "\n" . $read . "\n" . $statement . "\n\n-- \n" . $why . "\n" . $stop . "\n" . $unsubscribe . "\n";
		$html .= '<p>' . esc_html( $read ) . ' <a href="' . esc_url( $statement ) . '">' . esc_html( $statement ) . '</a></p>'
			. '<hr><p><small>' . esc_html( $why ) . ' <a href="' . esc_url( $unsubscribe ) . '">' . esc_html__( 'Unsubscribe', 'infosec-policy' ) . '</a></small></p>';

		return array(
			'to'        => $subscriber['email'],
			'subject'   => self::subject( $subject ),
			'text'      => $text,
			'html'      => self::document( $subject, $html ),
			'headers'   => array_merge(
				self::sender_headers( $organization ),
				array(
					// A list with a way out names itself (RFC 2919); without List-Id, spam filters
					// take List-Unsubscribe for a partial, forged list header.
					'List-Id: <' . self::list_id() . '>',
					'List-Unsubscribe: <' . esc_url_raw( $unsubscribe ) . '>',
					'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
				)
			),
			'messageId' => self::message_id( 'notice-' . $entry['id'] . '-' . $subscriber['id'] ),
		);
	}

	/**
	 * For each processor the entry announces (added with a day still to come on which it starts,
	 * or given a new such day): that day, and the subscriber's own signed link to object to it
	 * before then (Objection_Links).
	 *
	 * @param list<array<string, mixed>> $items      The entry's published items.
	 * @param Subscriber                 $subscriber Whom the notice is for.
	 * @return list<array{ sentence: string, url: string, link: string }>
	 */
	private static function announcements( array $items, array $subscriber ): array {
		$today     = wp_date( 'Y-m-d' );
		$announced = array();
		foreach ( $items as $item ) {
			if ( 'processor' !== ( $item['subject'] ?? '' ) || ! is_string( $item['id'] ?? null ) ) {
				continue;
			}
			$details = is_array( $item['details'] ?? null ) ? $item['details'] : array();
			$from    = 'added' === ( $item['op'] ?? '' ) ? (string) ( $details['effectiveFrom'] ?? '' ) : '';
			if ( 'changed' === ( $item['op'] ?? '' ) && 'effectiveFrom' === ( $item['field'] ?? '' ) && is_string( $item['to'] ?? null ) ) {
				$from = $item['to'];
			}
			if ( 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}$/', $from ) || $from <= $today ) {
				continue;
			}
			$name        = (string) ( $item['name'] ?? '' );
			$day         = wp_date( (string) get_option( 'date_format' ), (int) strtotime( $from . ' 12:00:00 UTC' ) );
			$announced[] = array(
				/* translators: 1: a processor's name, 2: a date. */
				'sentence' => sprintf( __( '%1$s starts handling personal data on %2$s. To object to it, open this link before that day:', 'infosec-policy' ), $name, $day ),
				'url'      => Objection_Links::url( $item['id'], $subscriber ),
				/* translators: %s: a processor's name. */
				'link'     => sprintf( __( 'Object to %s', 'infosec-policy' ), $name ),
			);
		}
		return $announced;
	}

	/**
	 * The statement page, or the home page when no page shows the plugin's blocks yet.
	 */
	private static function statement_url(): string {
		$url = Security_Txt::statement_url();
		return '' === $url ? home_url( '/' ) : $url;
	}

	/**
	 * The stored policy's organisation.
	 *
	 * @return array<string, mixed>
	 */
	private static function organization(): array {
		$organization = Policy_Store::policy()['organization'] ?? array();
		return is_array( $organization ) ? $organization : array();
	}

	/**
	 * One of the organisation's texts, or ''.
	 *
	 * @param array<string, mixed> $organization The organisation.
	 * @param string               $field        The field.
	 */
	private static function text( array $organization, string $field ): string {
		return is_string( $organization[ $field ] ?? null ) ? $organization[ $field ] : '';
	}

	/**
	 * The organisation's address, when it is one.
	 *
	 * @param array<string, mixed> $organization The organisation.
	 */
	private static function email( array $organization ): string {
		$email = self::text( $organization, 'email' );
		return false !== is_email( $email ) ? $email : '';
	}

	/**
	 * Who the e-mail is from and where answers go, and that a machine sent it (RFC 3834), so that
	 * out-of-office replies stay away.
	 *
	 * From: the organisation's name, at an address on the site's own domain, so that SPF and DMARC
	 * hold: the organisation's own address when it is on that domain, else the one WordPress itself
	 * sends from. wp_mail() still applies `wp_mail_from` and `wp_mail_from_name`, which SMTP plugins
	 * use. Reply-To: the organisation, where objections and questions go; an address only, no name:
	 * the name is the admin's text, and wp_mail() splits this header at commas.
	 *
	 * @param array<string, mixed> $organization Who the e-mail is from.
	 * @return list<string>
	 */
	private static function sender_headers( array $organization ): array {
		$from    = self::from( $organization );
		$name    = trim( (string) preg_replace( '/[\s\x00-\x1F\x7F<>"\\\\]+/', ' ', $from['name'] ) );
		$headers = array();
		// One address, nothing that could end the header or add one (is_email() would refuse the
		// site's own `wordpress@localhost`, which an SMTP plugin's `wp_mail_from` may yet replace).
		if ( 1 === preg_match( '/^[^@\s<>"(),;:\\\\]+@[^@\s<>"(),;:\\\\]+$/', $from['email'] ) ) {
			$headers[] = 'From: ' . ( '' === $name ? '' : '"' . $name . '" ' ) . '<' . $from['email'] . '>';
		}
		$reply_to = self::email( $organization );
		if ( '' !== $reply_to ) {
			$headers[] = 'Reply-To: ' . $reply_to;
		}
		$headers[] = 'Auto-Submitted: auto-generated';
		$headers[] = 'X-Auto-Response-Suppress: All';
		return $headers;
	}

	/**
	 * The sender's name and address (see sender_headers()).
	 *
	 * @param array<string, mixed>|null $organization Who the e-mail is from; null for the stored
	 *                                                policy's organisation.
	 * @return array{ name: string, email: string }
	 */
	public static function from( ?array $organization = null ): array {
		$organization ??= self::organization();
		$domain         = strtolower( (string) wp_parse_url( network_home_url(), PHP_URL_HOST ) );
		$domain         = str_starts_with( $domain, 'www.' ) ? substr( $domain, 4 ) : $domain;
		$own            = self::email( $organization );
		$at             = strtolower( (string) substr( (string) strrchr( $own, '@' ), 1 ) );
		$on_site        = '' !== $at && '' !== $domain && ( $at === $domain || str_ends_with( $at, '.' . $domain ) || str_ends_with( $domain, '.' . $at ) );
		/**
		 * Filters the sender of the plugin's e-mails.
		 *
		 * @param array{ name: string, email: string } $from Default: the organisation's name, and its
		 *                                                   address when on the site's domain, else
		 *                                                   wordpress@ the site's domain.
		 */
		$from = apply_filters(
			'infosec_policy_mail_from',
			array(
				'name'  => self::text( $organization, 'name' ),
				'email' => $on_site ? $own : 'wordpress@' . $domain,
			)
		);
		return array(
			'name'  => is_array( $from ) && is_string( $from['name'] ?? null ) ? $from['name'] : '',
			'email' => is_array( $from ) && is_string( $from['email'] ?? null ) ? $from['email'] : '',
		);
	}

	/**
	 * A subject as one line.
	 *
	 * @param string $subject The subject.
	 */
	private static function subject( string $subject ): string {
		return trim( (string) preg_replace( '/[\x00-\x1F\x7F]+/', ' ', $subject ) );
	}

	/**
	 * The notices' list identifier (RFC 2919): a label under the site's host, no text anyone typed.
	 */
	private static function list_id(): string {
		$host = strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) );
		return 'statement-changes.' . ( '' === $host ? 'localhost' : $host );
	}

	/**
	 * A Message-ID on the site's host: the same for the same message, so that a copy sent twice
	 * (see Delivery_Queue) is recognised as one by mail clients that look.
	 *
	 * @param string $local What the message is.
	 */
	private static function message_id( string $local ): string {
		$host = (string) wp_parse_url( home_url(), PHP_URL_HOST );
		return '<infosec-policy-' . $local . '@' . ( '' === $host ? 'localhost' : $host ) . '>';
	}

	/**
	 * An HTML part: a small document in the current language.
	 *
	 * @param string $title Its title.
	 * @param string $body  Its body, escaped.
	 */
	private static function document( string $title, string $body ): string {
		return '<!DOCTYPE html><html lang="' . esc_attr( str_replace( '_', '-', get_locale() ) ) . '"><head><meta charset="utf-8"><title>' . esc_html( $title ) . '</title></head><body>' . $body . '</body></html>';
	}
}

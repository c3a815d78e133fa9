<?php
/**
 * The published change log as an RSS 2.0 feed.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

use InfosecPolicy\Blocks\Block_Registry;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Publish\Security_Txt;

defined( 'ABSPATH' ) || exit;

/**
 * An RSS 2.0 feed of the published changes (newest first, internal ones never), at
 * `/feed/infosec-policy-changes/` (or `?feed=infosec-policy-changes`), so that customers and their
 * tools can follow changes of sub-processors (GDPR Art. 28(2)). Pages that show the policy announce
 * it with `<link rel="alternate">`. It reads only the published option: no query, no network.
 *
 * @phpstan-import-type PublishedEntry from Published_Log
 */
final class Change_Feed {

	public const NAME = 'infosec-policy-changes';

	/**
	 * Whether a change log block of this request has given its entries their anchors already.
	 *
	 * @var bool
	 */
	private static bool $anchored = false;

	/**
	 * The id of an entry's element in the change log block, which the feed's items link to.
	 *
	 * @param int $id The entry's id.
	 */
	public static function anchor( int $id ): string {
		return 'infosec-policy-change-' . $id;
	}

	/**
	 * Whether the calling change log block is to give its entries their anchors: only the first of
	 * a page does, since an id may stand only once.
	 */
	public static function claim_anchors(): bool {
		if ( self::$anchored ) {
			return false;
		}
		self::$anchored = true;
		return true;
	}

	/**
	 * Registers the feed. Runs on `init`.
	 */
	public static function register(): void {
		add_feed( self::NAME, array( self::class, 'render' ) );
	}

	/**
	 * The feed's address, in a language: without `lang` for the texts' own.
	 *
	 * @param string $language A language the feed is in; '' for the texts' own.
	 */
	public static function url( string $language = '' ): string {
		$url = get_feed_link( self::NAME );
		return '' === $language || Policy_Store::language() === $language ? $url : add_query_arg( 'lang', $language, $url );
	}

	/**
	 * The feed's title, also the title of its discovery link.
	 */
	public static function title(): string {
		$name = Policy_Store::organization_name();
		return '' === $name
			? __( 'Changes to the information security policy', 'infosec-policy' )
			/* translators: %s: the organisation's name. */
			: sprintf( __( 'Changes to the information security policy of %s', 'infosec-policy' ), $name );
	}

	/**
	 * Prints the discovery link on a page whose content has one of the plugin's blocks. Runs on `wp_head`.
	 */
	public static function print_discovery_link(): void {
		if ( ! Block_Registry::on_statement_page() ) {
			return;
		}
		// The page's own language first: a reader that takes the first feed gets the words it reads.
		$languages = self::languages();
		$page      = Page_Language::current();
		if ( in_array( $page, $languages, true ) ) {
			$languages = array_values( array_unique( array( $page, ...$languages ) ) );
		}
		foreach ( $languages as $language ) {
			$title = 1 === count( $languages )
				? self::title()
				/* translators: 1: the feed's title, 2: a language, such as "English". */
				: sprintf( __( '%1$s (%2$s)', 'infosec-policy' ), self::title(), Page_Language::name( $language ) );
			printf(
				'<link rel="alternate" type="application/rss+xml" hreflang="%s" title="%s" href="%s" />' . "\n",
				esc_attr( $language ),
				esc_attr( $title ),
				esc_url( self::url( $language ) )
			);
		}
	}

	/**
	 * The languages the feed is read in (`?lang=`): the texts' own, the default; those they are
	 * translated into; and the site's, whose visitors read the statement's words in it.
	 *
	 * @return list<string>
	 */
	public static function languages(): array {
		return array_values( array_unique( array( ...Translated_Policy::languages( Policy_Store::policy() ), Policy_Store::site_language() ) ) );
	}

	/**
	 * The feed's content type. Filters `feed_content_type`.
	 *
	 * @param string $content_type The type core chose.
	 * @param string $feed         The requested feed.
	 */
	public static function content_type( string $content_type, string $feed ): string {
		return self::NAME === $feed ? 'application/rss+xml' : $content_type;
	}

	/**
	 * The feed's last change, for core's Last-Modified, ETag and 304 answers, which it would
	 * otherwise take from the posts. Filters `pre_get_lastpostmodified`.
	 *
	 * The feed also names the organisation, so a save that renames it counts, even an internal one.
	 *
	 * @param string|false $last_modified What another filter decided, or false.
	 * @param string       $timezone      `gmt`, `blog` or `server`.
	 * @return string|false
	 */
	public static function last_modified( string|false $last_modified, string $timezone = 'gmt' ): string|false {
		global $wp;
		if ( ! $wp instanceof \WP || self::NAME !== ( $wp->query_vars['feed'] ?? '' ) ) {
			return $last_modified;
		}
		$time = max( Published_Log::built_at(), Policy_Store::updated_at() );
		return 'blog' === strtolower( $timezone ) ? (string) wp_date( 'Y-m-d H:i:s', $time ) : gmdate( 'Y-m-d H:i:s', $time );
	}

	/**
	 * Prints the feed (the callback of add_feed()).
	 */
	public static function render(): void {
		$languages = self::languages();
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public feed: reading it changes nothing.
		$asked    = isset( $_GET['lang'] ) && is_string( $_GET['lang'] ) ? sanitize_key( wp_unslash( $_GET['lang'] ) ) : '';
		$language = '' === $asked ? $languages[0] : $asked;
		if ( ! in_array( $language, $languages, true ) ) {
			wp_die(
				/* translators: 1: the language asked for, 2: the languages there are, separated by commas. */
				esc_html( sprintf( __( 'The feed has no translation into %1$s. It is in: %2$s.', 'infosec-policy' ), $language, implode( ', ', $languages ) ) ),
				'',
				array( 'response' => 404 )
			);
		}
		if ( ! headers_sent() ) {
			header( 'Content-Language: ' . $language );
			$links = array();
			foreach ( $languages as $other ) {
				if ( $other !== $language ) {
					$links[] = '<' . esc_url_raw( self::url( $other ) ) . '>; rel="alternate"; hreflang="' . $other . '"';
				}
			}
			if ( array() !== $links ) {
				header( 'Link: ' . implode( ', ', $links ) );
			}
		}
		echo Page_Language::in_language( $language, static fn(): string => self::document( $language ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- XML, every text escaped by Change_Feed::xml() as document() builds it.
	}

	/**
	 * The feed as an XML document. Every text is escaped for XML where it is put in
	 * (Change_Feed::xml()); an item's description is HTML whose texts are escaped for HTML first,
	 * then escaped again for XML, as RSS wants it.
	 *
	 * @param string|null $language The language of its texts (and of WordPress's words, when installed),
	 *                              with only the changes told in it; null for the texts' own.
	 */
	public static function document( ?string $language = null ): string {
		$language ??= Policy_Store::language();
		$built      = Published_Log::built_at();
		$statement  = Security_Txt::statement_url();
		$xml        = '<?xml version="1.0" encoding="UTF-8"?>' . "\n"
			. '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">' . "\n<channel>\n"
			. '<title>' . self::xml( self::plain_title( self::title() ) ) . "</title>\n"
			. '<link>' . self::xml( '' === $statement ? home_url( '/' ) : $statement ) . "</link>\n"
			. '<description>' . self::xml( __( 'Processors (sub-processors) and security measures added, removed or changed, newest first.', 'infosec-policy' ) ) . "</description>\n"
			. '<language>' . self::xml( $language ) . "</language>\n"
			. '<lastBuildDate>' . self::xml( self::rfc822( $built > 0 ? $built : time() ) ) . "</lastBuildDate>\n"
			. '<atom:link href="' . self::xml( self::url( $language ) ) . '" rel="self" type="application/rss+xml" />' . "\n";
		foreach ( Published_Log::entries( Published_Log::LIMIT, $language ) as $entry ) {
			$xml .= "<item>\n"
				. '<title>' . self::xml( self::plain_title( self::item_title( $entry ) ) ) . "</title>\n"
				. ( '' === $statement ? '' : '<link>' . self::xml( $statement . '#' . self::anchor( $entry['id'] ) ) . "</link>\n" )
				. '<description>' . self::xml( self::item_html( $entry ) ) . "</description>\n"
				. '<pubDate>' . self::xml( self::rfc822( $entry['createdAt'] ) ) . "</pubDate>\n"
				. '<guid isPermaLink="false">' . self::xml( self::guid( $entry ) ) . "</guid>\n"
				. "</item>\n";
		}
		return $xml . "</channel>\n</rss>\n";
	}

	/**
	 * Text for the HTML of a description. Unlike esc_html(), it also encodes an `&` that starts
	 * something entity-like, so "&amp;" typed in a name reaches the reader as typed.
	 *
	 * @param string $text Plain text.
	 */
	private static function html( string $text ): string {
		return htmlspecialchars( $text, ENT_QUOTES | ENT_HTML5 | ENT_SUBSTITUTE, 'UTF-8' );
	}

	/**
	 * A title without anything that looks like a tag. Many readers show an RSS title as HTML, so
	 * core strips tags from feed titles (`the_title_rss`); so does this feed. The description keeps
	 * every character, as text.
	 *
	 * @param string $title A title.
	 */
	private static function plain_title( string $title ): string {
		return wp_strip_all_tags( $title );
	}

	/**
	 * Text for an XML element. Unlike esc_xml(), which leaves what looks like an entity alone, this
	 * encodes every `&`: a description is HTML whose texts are already escaped, and must reach the
	 * reader as that HTML, never as the markup a name or note could hold.
	 *
	 * @param string $text Plain text (or, for a description, HTML).
	 */
	private static function xml( string $text ): string {
		// ENT_DISALLOWED: a U+FFFF in a name must not make the whole feed ill-formed.
		return htmlspecialchars( $text, ENT_XML1 | ENT_QUOTES | ENT_SUBSTITUTE | ENT_DISALLOWED, 'UTF-8' );
	}

	/**
	 * An item's title: its only change, or its first change and how many more.
	 *
	 * @param PublishedEntry $entry A published entry.
	 */
	public static function item_title( array $entry ): string {
		$first = isset( $entry['items'][0] ) ? Change_Sentences::sentence( $entry['items'][0] ) : '';
		$more  = count( $entry['items'] ) - 1 + $entry['more'];
		if ( $more < 1 ) {
			return $first;
		}
		/* translators: 1: the first change in words, 2: how many more changes were made at the same time. */
		return sprintf( _n( '%1$s, and %2$d more change', '%1$s, and %2$d more changes', $more, 'infosec-policy' ), $first, $more );
	}

	/**
	 * An item's description as HTML: the public note, then every change.
	 *
	 * @param PublishedEntry $entry A published entry.
	 */
	private static function item_html( array $entry ): string {
		$html  = '' === $entry['note'] ? '' : '<p>' . nl2br( self::html( $entry['note'] ), false ) . '</p>';
		$html .= '<ul>';
		foreach ( $entry['items'] as $item ) {
			$html .= '<li>' . self::html( Change_Sentences::sentence( $item ) ) . '</li>';
		}
		$html .= '</ul>';
		if ( $entry['more'] > 0 ) {
			/* translators: %d: how many changes are not listed. */
			$html .= '<p>' . self::html( sprintf( _n( 'And %d more change.', 'And %d more changes.', $entry['more'], 'infosec-policy' ), $entry['more'] ) ) . '</p>';
		}
		return $html;
	}

	/**
	 * A stable, unique id for an entry that is not an address.
	 *
	 * @param PublishedEntry $entry A published entry.
	 */
	private static function guid( array $entry ): string {
		return sprintf( 'tag:%s,%s:infosec-policy-change-%d', (string) wp_parse_url( home_url(), PHP_URL_HOST ), gmdate( 'Y-m-d', $entry['createdAt'] ), $entry['id'] );
	}

	/**
	 * A time as RSS writes it (RFC 822), in English whatever the site's language.
	 *
	 * @param int $time Unix time.
	 */
	private static function rfc822( int $time ): string {
		return gmdate( 'D, d M Y H:i:s +0000', $time );
	}
}

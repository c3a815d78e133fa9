<?php
/**
 * /.well-known/security.txt, from the policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Publish;

use InfosecPolicy\Blocks\Block_Registry;
use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

/**
 * Serves security.txt (RFC 9116) built from the organisation's contact data, when the admin has
 * turned it on (site.securityTxt): Contact, Expires, Preferred-Languages, Canonical and Policy
 * (the statement page). Off by default, and a real file of that name always wins: the web server
 * hands it out before WordPress runs, and this class steps aside if a request reaches it anyway.
 *
 * Public by nature, as the RFC wants it: it says only what the statement page says.
 */
final class Security_Txt {

	/**
	 * Where the file lives, from the site's root.
	 */
	public const PATH = '/.well-known/security.txt';

	/**
	 * How far ahead Expires lies: under a year, as RFC 9116 recommends, and renewed every day.
	 */
	private const VALID_DAYS = 180;

	/**
	 * Answers a request for the file, when it is on. Runs on `parse_request`, before any query.
	 */
	public static function maybe_serve(): void {
		if ( ! self::requested() ) {
			return;
		}
		$document = self::document();
		if ( null === $document ) {
			return;
		}
		status_header( 200 );
		header( 'Content-Type: text/plain; charset=utf-8' );
		header( 'Cache-Control: public, max-age=3600' );
		header( 'X-Content-Type-Options: nosniff' );
		$method = strtoupper( sanitize_key( wp_unslash( (string) ( $_SERVER['REQUEST_METHOD'] ?? 'GET' ) ) ) );
		if ( 'HEAD' !== $method ) {
			echo $document; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- plain text, not HTML; every value is one line that the schema validated (Security_Txt::line()).
		}
		exit;
	}

	/**
	 * Whether this request asks for the file: its path is the file's, under the site's home.
	 */
	public static function requested(): bool {
		$uri  = (string) wp_unslash( (string) ( $_SERVER['REQUEST_URI'] ?? '' ) ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only compared with a path, never printed or stored; sanitizing would change what is compared.
		$path = (string) wp_parse_url( $uri, PHP_URL_PATH );
		$home = untrailingslashit( (string) wp_parse_url( home_url( '/' ), PHP_URL_PATH ) );
		return $home . self::PATH === $path;
	}

	/**
	 * The file's text, or null when it is off, a real file exists, or there is no way to reach the
	 * organisation (Contact is the one field RFC 9116 requires, with Expires).
	 *
	 * @param int|null $now The time to count Expires from; now by default.
	 */
	public static function document( ?int $now = null ): ?string {
		$policy = Policy_Store::policy();
		$site   = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
		if ( true !== ( $site['securityTxt'] ?? false ) || file_exists( ABSPATH . ltrim( self::PATH, '/' ) ) ) {
			return null;
		}
		$contact = self::contact( is_array( $policy['organization'] ?? null ) ? $policy['organization'] : array() );
		if ( '' === $contact ) {
			return null;
		}
		$now    = $now ?? time();
		$fields = array(
			'Contact'             => $contact,
			'Expires'             => gmdate( 'Y-m-d\T00:00:00\Z', $now + self::VALID_DAYS * DAY_IN_SECONDS ),
			'Preferred-Languages' => implode( ', ', self::languages() ),
			'Canonical'           => self::web( home_url( self::PATH ) ),
			'Policy'              => self::web( self::statement_url() ),
		);
		$lines  = array();
		foreach ( $fields as $name => $value ) {
			if ( '' !== $value ) {
				$lines[] = $name . ': ' . self::line( $value );
			}
		}
		return implode( "\n", $lines ) . "\n";
	}

	/**
	 * How to reach the organisation: its e-mail address, or else its website when that is https.
	 *
	 * @param array<string, mixed> $organization The organisation.
	 */
	private static function contact( array $organization ): string {
		$email = is_string( $organization['email'] ?? null ) ? $organization['email'] : '';
		if ( '' !== $email && is_email( $email ) ) {
			return 'mailto:' . $email;
		}
		return self::web( is_string( $organization['website'] ?? null ) ? $organization['website'] : '' );
	}

	/**
	 * A web address as RFC 9116 allows it in a field (section 2.5.5: "https"), or '' to leave the
	 * field out: a site served over plain http names neither its Canonical nor its Policy.
	 *
	 * @param string $url The address.
	 */
	private static function web( string $url ): string {
		return str_starts_with( strtolower( $url ), 'https://' ) ? $url : '';
	}

	/**
	 * The languages a report may be written in: the site's, then English (the plugin's source
	 * language, and what security researchers write in).
	 *
	 * @return list<string>
	 */
	private static function languages(): array {
		$language = strtolower( (string) strtok( get_locale(), '_' ) );
		return array_values( array_unique( array( '' === $language ? 'en' : $language, 'en' ) ) );
	}

	/**
	 * The statement page: the first published page that shows the plugin's blocks (later ones are
	 * most often copies or translations of it). The filter `infosec_policy_statement_url` names
	 * another.
	 */
	public static function statement_url(): string {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- one indexed lookup per request for this file, which no page view makes.
		$id  = $wpdb->get_var(
			$wpdb->prepare(
				"SELECT ID FROM {$wpdb->posts} WHERE post_type = 'page' AND post_status = 'publish' AND post_password = '' AND post_content LIKE %s ORDER BY post_date ASC, ID ASC LIMIT 1",
				'%' . $wpdb->esc_like( Block_Registry::MARKUP_PREFIX ) . '%'
			)
		);
		$url = null === $id ? '' : (string) get_permalink( (int) $id );
		/**
		 * Filters the address of the statement page that security.txt names as its Policy.
		 *
		 * @param string $url The first published page with the plugin's blocks, or ''.
		 */
		return (string) apply_filters( 'infosec_policy_statement_url', $url );
	}

	/**
	 * A value as one line: a line break in it would start a field of its own.
	 *
	 * @param string $value A value.
	 */
	private static function line( string $value ): string {
		return trim( (string) preg_replace( '/[\x00-\x1F\x7F]+/', ' ', $value ) );
	}
}

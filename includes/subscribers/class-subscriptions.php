<?php
/**
 * Asking for, importing and ending subscriptions.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * The sequences every way in goes through (the subscribe block's form, the REST API, WP-CLI), so
 * that the limits, the validation and the double opt-in cannot be skipped by one of them.
 */
final class Subscriptions {

	/**
	 * Requests one client may make per hour: one IPv4 address, or one IPv6 /64 (what one home or
	 * one server is given).
	 */
	public const CLIENT_LIMIT = 5;

	/**
	 * Confirmation e-mails one mailbox is sent per day, whoever asks (Subscription_Requests), and
	 * requests one client may make for one mailbox per day, whatever the address's state.
	 */
	public const MAILBOX_LIMIT = 3;

	/**
	 * Addresses one import takes at most: a list that size is written well within PHP's time
	 * limit; a larger one is refused whole, before anything is written.
	 */
	public const IMPORT_LIMIT = 5000;

	/**
	 * A visitor asks to be told of changes. Every answer is the same for a new, a pending and a
	 * confirmed address, so that nobody can learn who subscribed: the fields are checked, the
	 * limits counted (the client's, and the client's for this mailbox, for every request: a limit
	 * shared with other clients would tell one of another's requests), and the request is written
	 * down to be handled after the answer (Subscription_Requests, which holds each mailbox to its
	 * daily limit), so the time it takes is the same too and no e-mail is sent while the visitor
	 * waits.
	 *
	 * A request for a link to object to an announced processor (the objection page's form) goes
	 * the same way, with the processor's id: it counts in the client's limit, and its limits for a
	 * mailbox are per processor, since a customer may object to several.
	 *
	 * @param mixed  $email        The address, as given.
	 * @param mixed  $locale       The language for the e-mails, or null for the site's.
	 * @param string $client       The client's address, for the rate limit.
	 * @param string $source       Where the request came from (`form`, `rest`, `object`): the consent's source.
	 * @param string $processor_id The processor to object to, or '' to subscribe.
	 * @return true|\WP_Error 400 naming the field, or 429.
	 */
	public static function request( mixed $email, mixed $locale, string $client, string $source, string $processor_id = '' ): bool|\WP_Error {
		$client = self::client_key( $client );
		if ( ! Rate_Limit::take( 'client', $client, self::CLIENT_LIMIT, HOUR_IN_SECONDS ) ) {
			return self::limited( Rate_Limit::retry_after( 'client', $client, self::CLIENT_LIMIT ) );
		}
		$problem = self::problems( $email, $locale );
		if ( null !== $problem ) {
			return $problem;
		}
		$address = (string) Subscribers::normalize( (string) $email );
		$asked   = self::mailbox( $address ) . '|' . $client . ( '' === $processor_id ? '' : '|' . $processor_id );
		if ( ! Rate_Limit::take( 'asked', $asked, self::MAILBOX_LIMIT, DAY_IN_SECONDS ) ) {
			return self::limited( Rate_Limit::retry_after( 'asked', $asked, self::MAILBOX_LIMIT ) );
		}
		Subscription_Requests::add( $address, is_string( $locale ) ? $locale : '', $source, $processor_id );
		return true;
	}

	/**
	 * Whether a request was made by another site's page: a browser says so in Sec-Fetch-Site, or,
	 * where it does not send that, by an Origin that names another host. A request without either
	 * (a script, an older browser, a page the site's own full-page cache served) is not refused.
	 *
	 * @param string $fetch_site The Sec-Fetch-Site header, or ''.
	 * @param string $origin     The Origin header, or ''.
	 */
	public static function from_another_site( string $fetch_site, string $origin ): bool {
		if ( '' !== $fetch_site ) {
			return 'cross-site' === strtolower( trim( $fetch_site ) );
		}
		// Without Sec-Fetch-Site, only an Origin naming another host counts: an older browser sends
		// `null` for the site's own form on a page whose referrer policy is no-referrer.
		if ( '' === $origin || 'null' === $origin ) {
			return false;
		}
		$own = wp_parse_url( home_url() );
		$its = wp_parse_url( $origin );
		return ! is_array( $own ) || ! is_array( $its )
			|| strtolower( (string) ( $its['host'] ?? '' ) ) !== strtolower( (string) ( $own['host'] ?? '' ) );
	}

	/**
	 * The mailbox an address delivers to, for its limit: in lower case (as stored), without a
	 * `+tag` (`bomb+1@example.com` and `bomb+2@example.com` are one mailbox).
	 *
	 * @param string $address A normalised address.
	 */
	public static function mailbox( string $address ): string {
		return (string) preg_replace( '/\+[^@]*(?=@[^@]*$)/', '', $address );
	}

	/**
	 * The key a client is counted by: an IPv4 address as it is (also when written as IPv6), an
	 * IPv6 address by its /64.
	 *
	 * @param string $client The client's address.
	 */
	public static function client_key( string $client ): string {
		$packed = false === filter_var( $client, FILTER_VALIDATE_IP, FILTER_FLAG_IPV6 ) ? false : inet_pton( $client );
		if ( false === $packed ) {
			return $client;
		}
		// An IPv4 client that a dual-stack server reports as ::ffff:a.b.c.d is that IPv4 address.
		if ( str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			return (string) inet_ntop( substr( $packed, 12 ) );
		}
		return (string) inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64';
	}

	/**
	 * Adds a list of addresses at once, all or none: any address that is not one stops the whole
	 * import, naming its place in the list, and the rows and queued e-mails are written in one
	 * transaction, so that a failure half-way (or PHP's time limit) leaves nothing behind.
	 * Addresses already there stay as they are. Without a consent source each new address is sent
	 * a confirmation request (in the background); with one, the administrator states that its
	 * owner consented elsewhere, and it is confirmed now. At most IMPORT_LIMIT addresses at once.
	 *
	 * @param list<string> $emails  The addresses, as given.
	 * @param string       $consent Where the owners consented, or '' to ask them.
	 * @param string       $locale  The language of their e-mails.
	 * @param string       $field   What the list is called in the request, for the error.
	 * @return array{ added: int, confirmed: int, pending: int, unchanged: int }|\WP_Error
	 */
	public static function import( array $emails, string $consent, string $locale, string $field = 'addresses' ): array|\WP_Error {
		if ( count( $emails ) > self::IMPORT_LIMIT ) {
			/* translators: 1: name of a field of the request, 2: a number of addresses, 3: the most allowed. */
			$message = sprintf( _n( '%1$s holds %2$d address; one import takes at most %3$d. Split the list.', '%1$s holds %2$d addresses; one import takes at most %3$d. Split the list.', count( $emails ), 'infosec-policy' ), $field, count( $emails ), self::IMPORT_LIMIT );
			return new \WP_Error(
				'infosec_policy_too_many_addresses',
				$message,
				array(
					'status' => 413,
					'params' => array( $field => $message ),
					'limit'  => self::IMPORT_LIMIT,
				)
			);
		}
		$params    = array();
		$problems  = array();
		$addresses = array();
		foreach ( $emails as $index => $email ) {
			$address = Subscribers::normalize( $email );
			if ( null === $address ) {
				/* translators: 1: a place in a list, e.g. "addresses[3]", 2: what was found there. */
				$problems[] = sprintf( __( '%1$s is not an e-mail address: %2$s', 'infosec-policy' ), $field . '[' . $index . ']', wp_html_excerpt( (string) preg_replace( '/[\x00-\x1F\x7F]/', ' ', $email ), 60, '…' ) );
				continue;
			}
			$addresses[ $address ] = true;
		}
		if ( array() === $emails ) {
			/* translators: %s: name of a field of the request. */
			$problems[] = sprintf( __( '%s holds no e-mail address.', 'infosec-policy' ), $field );
		}
		if ( array() !== $problems ) {
			$params[ $field ] = implode( ' ', $problems );
		}
		if ( mb_strlen( $consent ) > Subscribers::SOURCE_MAX_LENGTH || 1 !== preg_match( '/^[^\x00-\x1F\x7F]*$/u', $consent ) ) {
			/* translators: %d: a number of characters. */
			$params['consentSource'] = sprintf( _n( 'consentSource must be one line of at most %d character.', 'consentSource must be one line of at most %d characters.', Subscribers::SOURCE_MAX_LENGTH, 'infosec-policy' ), Subscribers::SOURCE_MAX_LENGTH );
		}
		if ( ! in_array( $locale, Subscribers::locales(), true ) ) {
			/* translators: %s: the languages allowed, separated by commas. */
			$params['locale'] = sprintf( __( 'locale must be one of: %s.', 'infosec-policy' ), implode( ', ', Subscribers::locales() ) );
		}
		if ( array() !== $params ) {
			return new \WP_Error(
				'rest_invalid_param',
				/* translators: 1: the request's fields, 2: the list of problems found. */
				sprintf( __( 'Invalid parameter(s): %1$s. %2$s', 'infosec-policy' ), implode( ', ', array_keys( $params ) ), wp_html_excerpt( implode( ' ', $params ), 1000, '…' ) ),
				array(
					'status' => 400,
					'params' => $params,
				)
			);
		}
		return self::add_all( array_keys( $addresses ), $consent, $locale );
	}

	/**
	 * Writes the addresses of an import, in one transaction.
	 *
	 * @param list<string> $addresses Normalised addresses, each once.
	 * @param string       $consent   Where the owners consented, or ''.
	 * @param string       $locale    The language of their e-mails.
	 * @return array{ added: int, confirmed: int, pending: int, unchanged: int }|\WP_Error
	 * @throws \Throwable What a database call threw, after the transaction is rolled back.
	 */
	private static function add_all( array $addresses, string $consent, string $locale ): array|\WP_Error {
		global $wpdb;
		$report = array(
			'added'     => 0,
			'confirmed' => 0,
			'pending'   => 0,
			'unchanged' => 0,
		);
		$status = '' === $consent ? 'pending' : 'confirmed';
		$source = '' === $consent ? 'import' : sprintf( 'import: %s', $consent );
		$failed = new \WP_Error(
			'infosec_policy_import_failed',
			__( 'The database refused an address, so nothing was imported. Try again.', 'infosec-policy' ),
			array( 'status' => 500 )
		);
		// phpcs:disable WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- a transaction around the plugin's own tables (InnoDB, WordPress's engine).
		$wpdb->query( 'START TRANSACTION' );
		try {
			foreach ( $addresses as $address ) {
				$is_new     = false;
				$subscriber = Subscribers::add( $address, $locale, $status, $source, $is_new );
				if ( null === $subscriber ) {
					self::roll_back();
					return $failed;
				}
				if ( ! $is_new ) {
					++$report['unchanged'];
					continue;
				}
				++$report['added'];
				++$report[ $subscriber['status'] ];
				// The queue is woken once, after the commit: not holding WP-Cron's option meanwhile.
				if ( 'pending' === $subscriber['status'] && Subscribers::count_confirmation( $subscriber['id'] ) && 0 === Delivery_Queue::queue_confirmation( $subscriber['id'], false ) ) {
					self::roll_back();
					return $failed;
				}
			}
		} catch ( \Throwable $thrown ) {
			self::roll_back();
			throw $thrown;
		}
		$wpdb->query( 'COMMIT' );
		// phpcs:enable
		if ( $report['pending'] > 0 ) {
			Notice_Sender::schedule_soon();
		}
		return $report;
	}

	/**
	 * Rolls the import's transaction back. Quietly: a database that already ended the transaction
	 * when a statement failed (the SQLite integration does) has nothing left to roll back.
	 */
	private static function roll_back(): void {
		global $wpdb;
		$suppressed = $wpdb->suppress_errors( true );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- ends the import's transaction.
		$wpdb->query( 'ROLLBACK' );
		$wpdb->suppress_errors( $suppressed );
	}

	/**
	 * The addresses of a CSV file as an audience export gives it: the column whose heading names
	 * an e-mail address ("Email Address", "E-mail", "email"), or else the first; blank lines skipped.
	 *
	 * @param string $csv The file's text.
	 * @return list<string>
	 */
	public static function addresses_from_csv( string $csv ): array {
		$csv   = (string) preg_replace( '/^\xEF\xBB\xBF/', '', $csv );
		$rows  = array_values( array_filter( (array) preg_split( '/\r\n|\n|\r/', $csv ), static fn( $line ): bool => is_string( $line ) && '' !== trim( $line ) ) );
		$first = null === ( $rows[0] ?? null ) ? array() : str_getcsv( $rows[0], self::delimiter( $rows[0] ) );
		$col   = 0;
		$head  = false;
		foreach ( $first as $index => $heading ) {
			if ( 1 === preg_match( '/^\s*e-?mail(\s*address)?\s*$/i', (string) $heading ) ) {
				$col  = $index;
				$head = true;
				break;
			}
		}
		$emails = array();
		foreach ( $head ? array_slice( $rows, 1 ) : $rows as $row ) {
			$cells    = str_getcsv( $row, self::delimiter( $row ) );
			$emails[] = trim( (string) ( $cells[ $col ] ?? '' ) );
		}
		return $emails;
	}

	/**
	 * The client's address for the rate limit: REMOTE_ADDR, since any header a client sends can be
	 * forged. A site behind a proxy it trusts says so with the filter.
	 */
	public static function client_address(): string {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		/**
		 * Filters the client address the subscription limits count by.
		 *
		 * @param string $remote REMOTE_ADDR.
		 */
		return (string) apply_filters( 'infosec_policy_client_address', $remote );
	}

	/**
	 * Why a request's fields cannot be taken, or null.
	 *
	 * @param mixed $email  The address.
	 * @param mixed $locale The language, or null.
	 */
	private static function problems( mixed $email, mixed $locale ): ?\WP_Error {
		$params = array();
		if ( ! is_string( $email ) || null === Subscribers::normalize( $email ) ) {
			/* translators: %d: a number of characters. */
			$params['email'] = sprintf( _n( 'email must be an e-mail address of at most %d character.', 'email must be an e-mail address of at most %d characters.', Subscribers::EMAIL_MAX_LENGTH, 'infosec-policy' ), Subscribers::EMAIL_MAX_LENGTH );
		}
		if ( null !== $locale && ( ! is_string( $locale ) || ! in_array( $locale, Subscribers::locales(), true ) ) ) {
			/* translators: %s: the languages allowed, separated by commas. */
			$params['locale'] = sprintf( __( 'locale must be one of: %s.', 'infosec-policy' ), implode( ', ', Subscribers::locales() ) );
		}
		if ( array() === $params ) {
			return null;
		}
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: 1: the request's fields, 2: the list of problems found. */
			sprintf( __( 'Invalid parameter(s): %1$s. %2$s', 'infosec-policy' ), implode( ', ', array_keys( $params ) ), implode( ' ', $params ) ),
			array(
				'status' => 400,
				'params' => $params,
			)
		);
	}

	/**
	 * The 429 answer.
	 *
	 * @param int $retry Seconds until a new request may be made.
	 */
	private static function limited( int $retry ): \WP_Error {
		$retry = max( 1, $retry );
		return new \WP_Error(
			'infosec_policy_rate_limited',
			__( 'Too many requests. Please try again later.', 'infosec-policy' ),
			array(
				'status'     => 429,
				'retryAfter' => $retry,
			)
		);
	}

	/**
	 * A CSV line's delimiter: a semicolon when the line has more of them than commas (as
	 * spreadsheets in many European locales write CSV), else a comma.
	 *
	 * @param string $line A line.
	 */
	private static function delimiter( string $line ): string {
		return substr_count( $line, ';' ) > substr_count( $line, ',' ) ? ';' : ',';
	}
}

<?php
/**
 * REST routes of the public register.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Rest;

use InfosecPolicy\Blocks\Block_Registry;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Publish\Register;
use InfosecPolicy\Publish\Spreadsheet_File;

defined( 'ABSPATH' ) || exit;

/**
 *   GET /register                 the register (Register::document()), JSON
 *   GET /register/schema          its JSON Schema
 *   GET /register/processors.csv  the processors as CSV
 *
 * Public on purpose, as the statement page is: they publish what any visitor of that page reads,
 * nothing else, for tools that want it as data. They are read-only and cheap (the policy option,
 * already loaded with the autoloaded options, and no other query), answer a repeated request with
 * 304 from ETag or Last-Modified, and say Cache-Control: public, so that caches in front of the
 * site serve them. No rate limit: a counter per client would cost a database write on each request
 * for a document that costs less to serve than the page it comes from.
 */
final class Register_Controller {

	/**
	 * How long a cache may keep an answer without asking again.
	 */
	private const MAX_AGE = 300;

	/**
	 * Registers the routes. Runs on `rest_api_init`.
	 */
	public static function register(): void {
		foreach ( array(
			'/register'                => 'get_register',
			'/register/schema'         => 'get_schema',
			'/register/processors.csv' => 'get_processors_csv',
		) as $route => $callback ) {
			register_rest_route(
				Policy_Controller::NAMESPACE,
				$route,
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( self::class, $callback ),
					// Public: the statement page shows all of it to anyone (see the class).
					'permission_callback' => '__return_true',
					'args'                => ( '/register/processors.csv' === $route ? array(
						Spreadsheet_File::EXCEL_ARG => array(
							'description' => __( 'Whether to write the file as Excel opens it in any region: UTF-16 with tabs.', 'infosec-policy' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					) : array() ) + ( '/register/schema' === $route ? array() : array(
						'lang' => array(
							'description'       => __( 'The language of the texts: the statement’s own (the default) or one it is translated into, such as en.', 'infosec-policy' ),
							'type'              => 'string',
							'validate_callback' => array( self::class, 'validate_language' ),
						),
					) ),
				)
			);
		}
	}

	/**
	 * The language a request asks for (validated), or null for the texts' own.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	private static function language( \WP_REST_Request $request ): ?string {
		$language = $request->get_param( 'lang' );
		return is_string( $language ) && '' !== $language ? $language : null;
	}

	/**
	 * GET /register.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function get_register( \WP_REST_Request $request ): \WP_REST_Response {
		$register = Register::document( self::language( $request ) );
		return self::with_languages( self::cacheable( $request, $register, (string) wp_json_encode( $register ) ), '/register', $register['language'] );
	}

	/**
	 * GET /register/schema.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function get_schema( \WP_REST_Request $request ): \WP_REST_Response {
		$schema   = Register::schema();
		$response = self::cacheable( $request, $schema, (string) wp_json_encode( $schema ), false );
		$response->header( 'Content-Type', 'application/schema+json; charset=utf-8' );
		return $response;
	}

	/**
	 * GET /register/processors.csv: sent as text/csv by serve_raw(); with `?excel=1`, in the form
	 * Excel opens in any region (Spreadsheet_File).
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request The request.
	 */
	public static function get_processors_csv( \WP_REST_Request $request ): \WP_REST_Response {
		$excel    = true === $request->get_param( Spreadsheet_File::EXCEL_ARG );
		$register = Register::document( self::language( $request ) );
		$csv      = Register::processors_csv( $register, $excel );
		$response = self::with_languages( self::cacheable( $request, $csv, $csv ), '/register/processors.csv', $register['language'] );
		$response->header( 'Content-Type', $excel ? 'text/csv; charset=utf-16le' : 'text/csv; charset=utf-8' );
		$response->header( 'Content-Disposition', 'inline; filename="processors.csv"' );
		return $response;
	}

	/**
	 * An answer with ETag, Last-Modified and Cache-Control, or a bodiless 304 when the client's copy
	 * is current (If-None-Match first, as RFC 9110 wants; else If-Modified-Since).
	 *
	 * RFC 9110 section 13.1: If-None-Match compares weakly, so `W/"x"` matches `"x"`; an
	 * If-Modified-Since that is no HTTP-date, or a date later than now, is ignored.
	 *
	 * @param \WP_REST_Request<array<string, mixed>> $request  The request.
	 * @param mixed                                  $data     The answer's data.
	 * @param string                                 $bytes    What the answer holds, for its ETag.
	 * @param bool                                   $modified Whether Last-Modified applies (the policy's last save).
	 */
	private static function cacheable( \WP_REST_Request $request, mixed $data, string $bytes, bool $modified = true ): \WP_REST_Response {
		$etag     = '"' . substr( hash( 'sha256', $bytes ), 0, 32 ) . '"';
		$time     = $modified ? Register::modified() : 0;
		$match    = (string) $request->get_header( 'if_none_match' );
		$since    = self::http_date( (string) $request->get_header( 'if_modified_since' ) );
		$current  = '' !== $match
			? self::matches( $etag, $match )
			: $time > 0 && null !== $since && $since <= time() && $since >= $time;
		$response = $current ? new \WP_REST_Response( null, 304 ) : new \WP_REST_Response( $data );
		$response->header( 'ETag', $etag );
		$response->header( 'Cache-Control', 'public, max-age=' . self::MAX_AGE );
		if ( $time > 0 ) {
			$response->header( 'Last-Modified', gmdate( 'D, d M Y H:i:s', $time ) . ' GMT' );
		}
		return $response;
	}

	/**
	 * Whether an If-None-Match value names the answer's entity tag, by weak comparison: the tags'
	 * opaque parts are equal, whichever is weak.
	 *
	 * @param string $etag  The answer's tag, `"…"`.
	 * @param string $match The header's value: `*`, or a list of tags.
	 */
	private static function matches( string $etag, string $match ): bool {
		if ( '*' === trim( $match ) ) {
			return true;
		}
		foreach ( explode( ',', $match ) as $tag ) {
			$tag    = trim( $tag );
			$opaque = str_starts_with( $tag, 'W/' ) ? substr( $tag, 2 ) : $tag;
			if ( $opaque === $etag ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An HTTP-date as a timestamp, or null when the value is none: IMF-fixdate, or one of the two
	 * obsolete forms that RFC 9110 section 5.6.7 says a recipient must accept.
	 *
	 * @param string $value The header's value.
	 */
	private static function http_date( string $value ): ?int {
		$value = (string) preg_replace( '/ +/', ' ', trim( $value ) );
		foreach ( array( 'D, d M Y H:i:s \G\M\T', 'l, d-M-y H:i:s \G\M\T', 'D M j H:i:s Y' ) as $format ) {
			$date = \DateTimeImmutable::createFromFormat( '!' . $format, $value, new \DateTimeZone( 'UTC' ) );
			// A date that only PHP's rollover makes valid (31 February) is no date.
			if ( false !== $date && $date->format( $format ) === $value ) {
				return $date->getTimestamp();
			}
		}
		return null;
	}

	/**
	 * Keeps core's `_fields` filter off the register's CSV and 304 answers, whose data is a string
	 * or nothing: core's filter takes every answer for an object or list, and ends in a TypeError
	 * (a 500) on anything else. The admin's CSV export is such an answer too. Filters
	 * `rest_post_dispatch` before core's filter (priority 10).
	 *
	 * @param mixed            $response The answer.
	 * @param \WP_REST_Server  $server   The server.
	 * @param \WP_REST_Request $request  The request.
	 * @return mixed
	 *
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public static function fields_on_data_only( mixed $response, \WP_REST_Server $server, \WP_REST_Request $request ): mixed {
		unset( $server );
		if ( $response instanceof \WP_REST_Response && ! is_array( $response->get_data() ) && str_starts_with( $request->get_route(), '/' . Policy_Controller::NAMESPACE . '/' ) ) {
			$request->set_param( '_fields', null );
		}
		return $response;
	}

	/**
	 * Sends the register's CSV and 304 answers as they are: the REST server would send the CSV as a
	 * JSON string and a 304 with a body. Filters `rest_pre_serve_request`.
	 *
	 * @param bool              $served  Whether the answer was sent already.
	 * @param \WP_HTTP_Response $result  The answer.
	 * @param \WP_REST_Request  $request The request.
	 * @return bool
	 *
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 */
	public static function serve_raw( bool $served, \WP_HTTP_Response $result, \WP_REST_Request $request ): bool {
		$route = '/' . Policy_Controller::NAMESPACE . '/register';
		if ( $served || ! str_starts_with( $request->get_route(), $route ) ) {
			return $served;
		}
		if ( 304 === $result->get_status() ) {
			return true;
		}
		if ( $route . '/processors.csv' === $request->get_route() && is_string( $result->get_data() ) ) {
			echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- CSV, not HTML, sent as text/csv with nosniff; every cell quoted by Register::processors_csv().
			return true;
		}
		return $served;
	}

	/**
	 * The register's address in the statement page's head, beside the feed's. Runs on `wp_head`.
	 */
	public static function print_discovery_link(): void {
		if ( ! Block_Registry::on_statement_page() ) {
			return;
		}
		// The page's own language first, as for the feed.
		$languages = Translated_Policy::languages( Policy_Store::policy() );
		$page      = Page_Language::current();
		if ( in_array( $page, $languages, true ) ) {
			$languages = array_values( array_unique( array( $page, ...$languages ) ) );
		}
		foreach ( $languages as $language ) {
			$title = 1 === count( $languages )
				? __( 'Register of processors and security measures (JSON)', 'infosec-policy' )
				/* translators: %s: a language, such as "English". */
				: sprintf( __( 'Register of processors and security measures (JSON, %s)', 'infosec-policy' ), Page_Language::name( $language ) );
			printf(
				'<link rel="alternate" type="application/json" hreflang="%s" title="%s" href="%s" />' . "\n",
				esc_attr( $language ),
				esc_attr( $title ),
				esc_url( self::url( '/register', $language ) )
			);
		}
	}

	/**
	 * A register route's address in a language: without `lang` for the texts' own.
	 *
	 * @param string $route    `/register` or `/register/processors.csv`.
	 * @param string $language A language the register is in.
	 */
	public static function url( string $route, string $language ): string {
		$url = rest_url( Policy_Controller::NAMESPACE . $route );
		return Policy_Store::language() === $language ? $url : add_query_arg( 'lang', $language, $url );
	}

	/**
	 * Checks the `lang` parameter: a language the register is in.
	 *
	 * @param mixed $value The parameter.
	 * @return true|\WP_Error
	 */
	public static function validate_language( mixed $value ): bool|\WP_Error {
		$languages = Translated_Policy::languages( Policy_Store::policy() );
		if ( '' === $value || ( is_string( $value ) && in_array( $value, $languages, true ) ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_invalid_param',
			/* translators: 1: the language asked for, 2: the languages there are, separated by commas. */
			sprintf( __( 'The register has no translation into %1$s. It is in: %2$s.', 'infosec-policy' ), is_scalar( $value ) ? (string) $value : '', implode( ', ', $languages ) ),
			array( 'status' => 400 )
		);
	}

	/**
	 * Tells a response's language and the register's other languages: `Content-Language`, and a
	 * `Link` to each other language's version of the same route.
	 *
	 * @param \WP_REST_Response $response The response.
	 * @param string            $route    The route.
	 * @param string            $language The response's language.
	 */
	private static function with_languages( \WP_REST_Response $response, string $route, string $language ): \WP_REST_Response {
		$response->header( 'Content-Language', $language );
		$links = array();
		foreach ( Translated_Policy::languages( Policy_Store::policy() ) as $other ) {
			if ( $other !== $language ) {
				$links[] = '<' . esc_url_raw( self::url( $route, $other ) ) . '>; rel="alternate"; hreflang="' . $other . '"';
			}
		}
		if ( array() !== $links ) {
			$response->header( 'Link', implode( ', ', $links ) );
		}
		return $response;
	}
}

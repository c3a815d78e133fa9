<?php
/**
 * Checks how the site's host answers: plain HTTP, HSTS, and the TLS versions it accepts.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

defined( 'ABSPATH' ) || exit;

/**
 * The facts behind "all communication is encrypted", seen from outside as a browser sees them:
 *
 * - whether `http://host/` sends the visitor on to an `https://` address (port 80);
 * - whether `https://host/`, over a verified connection, sends `Strict-Transport-Security`, with
 *   its max-age, includeSubDomains and preload (RFC 6797: a browser ignores the header on a
 *   connection with certificate errors, so an unverified one tells nothing);
 * - which of TLS 1.0, 1.1, 1.2 and 1.3 the host completes a handshake with, each offered alone.
 *   The probes for 1.0 and 1.1 lower OpenSSL's security level, which refuses them itself.
 *
 * Like Tls_Inspector: through Host_Guard, to the address it judged, with an injectable connector,
 * every probe within its own time (default 5 s), PHP's stream warnings captured, never raised.
 * Only WP-Cron, "Check now" and `wp infosec-policy tls check` call this; page views read the
 * stored facts (Https_Facts).
 *
 * @phpstan-type Version '1.0'|'1.1'|'1.2'|'1.3'
 * @phpstan-type Facts array{ host: string, status: 'checked'|'blocked'|'unreachable', checkedAt: int, address: string, httpRedirect: 'https'|'none'|'closed'|'unknown', httpStatus: int, httpLocation: string, hsts: 'sent'|'missing'|'unknown', hstsMaxAge: int, hstsIncludeSubDomains: bool, hstsPreload: bool, tlsVersions: array<Version, 'accepted'|'refused'|'unknown'>, errors: list<string> }
 */
final class Https_Inspector {

	public const DEFAULT_TIMEOUT = 5.0;

	/**
	 * The versions probed, oldest first, with the method that offers each alone.
	 */
	public const VERSIONS = array(
		'1.0' => STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT,
		'1.1' => STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT,
		'1.2' => STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT,
		'1.3' => STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT,
	);

	/**
	 * The versions no one should accept any more (RFC 8996).
	 */
	public const OUTDATED = array( '1.0', '1.1' );

	private const REDIRECTS = array( 301, 302, 303, 307, 308 );

	private const MAX_HEADER_BYTES = 16384;

	/**
	 * Opens a TCP connection, as Tls_Inspector's connector does.
	 *
	 * @var callable
	 */
	private $connector;

	/**
	 * An inspector.
	 *
	 * @param callable|null $connector Connector; null for a real TCP connection.
	 * @param float         $timeout   Seconds for each probe.
	 */
	public function __construct( ?callable $connector = null, private float $timeout = self::DEFAULT_TIMEOUT ) {
		$this->connector = $connector ?? array( Tls_Inspector::class, 'connect' );
	}

	/**
	 * Inspects a host.
	 *
	 * @param string $host Host name.
	 * @return Facts
	 */
	public function inspect( string $host ): array {
		$host  = strtolower( $host );
		$facts = self::empty_facts( $host );
		// The first probe's time includes the guard's DNS lookup, as in Tls_Inspector.
		$deadline = microtime( true ) + $this->timeout;
		$verdict  = Host_Guard::check( $host );
		if ( ! $verdict['allowed'] ) {
			$facts['status']   = 'no_address' === $verdict['code'] ? 'unreachable' : 'blocked';
			$facts['errors'][] = $verdict['reason'];
			return $facts;
		}
		$address          = $verdict['address'];
		$facts['address'] = $address;

		$errors   = array();
		$warnings = array();
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- stream warnings become the check's result, not notices.
			static function ( int $level, string $message ) use ( &$warnings ): bool {
				$warnings[] = $message;
				return true;
			}
		);
		try {
			$facts = array_merge( $facts, $this->plain_http( $address, $host, $deadline, $errors ) );
			$facts = array_merge( $facts, $this->hsts( $address, $host, microtime( true ) + $this->timeout, $warnings, $errors ) );
			foreach ( self::VERSIONS as $version => $method ) {
				$facts['tlsVersions'][ $version ] = $this->version( $address, $host, $method, microtime( true ) + $this->timeout );
			}
		} finally {
			restore_error_handler();
		}
		$facts['errors'] = $errors;
		// A closed port 80 alone is no answer: a host where nothing listens is unreachable.
		$answered        = in_array( $facts['httpRedirect'], array( 'https', 'none' ), true ) || 'unknown' !== $facts['hsts'] || array() !== array_diff( $facts['tlsVersions'], array( 'unknown' ) );
		$facts['status'] = $answered ? 'checked' : 'unreachable';
		return $facts;
	}

	/**
	 * What `http://host/` answers.
	 *
	 * @param string       $address  The judged address.
	 * @param string       $host     Host name.
	 * @param float        $deadline Time by which it must be done.
	 * @param list<string> $errors   Collects what went wrong.
	 * @return array{ httpRedirect: 'https'|'none'|'closed'|'unknown', httpStatus: int, httpLocation: string }
	 */
	private function plain_http( string $address, string $host, float $deadline, array &$errors ): array {
		$unknown = array(
			'httpRedirect' => 'unknown',
			'httpStatus'   => 0,
			'httpLocation' => '',
		);
		$stream  = ( $this->connector )( $address, self::http_port(), max( 0.001, $deadline - microtime( true ) ), stream_context_create() );
		if ( ! is_resource( $stream ) ) {
			$refused = str_contains( strtolower( (string) $stream ), 'refused' );
			if ( ! $refused ) {
				$errors[] = (string) $stream;
			}
			return $refused ? array_merge( $unknown, array( 'httpRedirect' => 'closed' ) ) : $unknown;
		}
		$response = self::request( $stream, $host, $deadline );
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose, WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file (WPCS 3 names the sniff file_system_operations_fclose, WPCS 2.3 file_system_read_fclose).
		if ( null === $response ) {
			$errors[] = __( 'The website sent no HTTP answer on port 80.', 'infosec-policy' );
			return $unknown;
		}
		$location = $response['headers']['location'] ?? '';
		$to_https = in_array( $response['status'], self::REDIRECTS, true ) && 'https' === strtolower( (string) wp_parse_url( $location, PHP_URL_SCHEME ) );
		return array(
			'httpRedirect' => $to_https ? 'https' : 'none',
			'httpStatus'   => $response['status'],
			'httpLocation' => $location,
		);
	}

	/**
	 * Whether `https://host/` sends HSTS, over a verified connection.
	 *
	 * @param string       $address  The judged address.
	 * @param string       $host     Host name.
	 * @param float        $deadline Time by which it must be done.
	 * @param list<string> $warnings The warnings captured so far.
	 * @param list<string> $errors   Collects what went wrong.
	 * @return array{ hsts: 'sent'|'missing'|'unknown', hstsMaxAge: int, hstsIncludeSubDomains: bool, hstsPreload: bool }
	 */
	private function hsts( string $address, string $host, float $deadline, array &$warnings, array &$errors ): array {
		$facts   = array(
			'hsts'                  => 'unknown',
			'hstsMaxAge'            => 0,
			'hstsIncludeSubDomains' => false,
			'hstsPreload'           => false,
		);
		$context = stream_context_create( array( 'ssl' => Tls_Inspector::ssl_options( $host, true ) ) );
		$stream  = ( $this->connector )( $address, Tls_Inspector::port(), max( 0.001, $deadline - microtime( true ) ), $context );
		if ( ! is_resource( $stream ) ) {
			$errors[] = (string) $stream;
			return $facts;
		}
		$warnings = array();
		$secured  = Tls_Inspector::handshake( $stream, $deadline );
		$response = true === $secured ? self::request( $stream, $host, $deadline ) : null;
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose, WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file (WPCS 3 names the sniff file_system_operations_fclose, WPCS 2.3 file_system_read_fclose).
		if ( true !== $secured ) {
			$errors[] = null === $secured ? __( 'The check ran out of time.', 'infosec-policy' ) : Tls_Inspector::last_openssl_message( $warnings );
			return $facts;
		}
		if ( null === $response ) {
			$errors[] = __( 'The website sent no HTTP answer over HTTPS.', 'infosec-policy' );
			return $facts;
		}
		$policy = self::parse_hsts( $response['headers']['strict-transport-security'] ?? '' );
		if ( null === $policy ) {
			return array_merge( $facts, array( 'hsts' => 'missing' ) );
		}
		return array(
			'hsts'                  => 'sent',
			'hstsMaxAge'            => $policy['maxAge'],
			'hstsIncludeSubDomains' => $policy['includeSubDomains'],
			'hstsPreload'           => $policy['preload'],
		);
	}

	/**
	 * Whether the host completes a handshake offered one version alone.
	 *
	 * @param string $address  The judged address.
	 * @param string $host     Host name, for SNI.
	 * @param int    $method   The one version offered.
	 * @param float  $deadline Time by which it must be done.
	 * @return 'accepted'|'refused'|'unknown'
	 */
	private function version( string $address, string $host, int $method, float $deadline ): string {
		// Whether the version is spoken, not whether the certificate is trusted: that is
		// Tls_Inspector's question. Level 0 lets OpenSSL offer what it refuses by default.
		$options = array_merge(
			Tls_Inspector::ssl_options( $host, false ),
			array(
				'security_level' => 0,
				'ciphers'        => 'DEFAULT:@SECLEVEL=0',
			)
		);
		$stream  = ( $this->connector )( $address, Tls_Inspector::port(), max( 0.001, $deadline - microtime( true ) ), stream_context_create( array( 'ssl' => $options ) ) );
		if ( ! is_resource( $stream ) ) {
			return 'unknown';
		}
		$secured = Tls_Inspector::handshake( $stream, $deadline, $method );
		fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose, WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file (WPCS 3 names the sniff file_system_operations_fclose, WPCS 2.3 file_system_read_fclose).
		return match ( $secured ) {
			true    => 'accepted',
			false   => 'refused',
			default => 'unknown',
		};
	}

	/**
	 * Sends `GET /` and reads the status line and headers (never the body).
	 *
	 * @param resource $stream   A connected stream, secured or plain.
	 * @param string   $host     Host name for the Host header.
	 * @param float    $deadline Time by which it must be done.
	 * @return array{ status: int, headers: array<string, string> }|null Null when no HTTP answer came.
	 */
	private static function request( $stream, string $host, float $deadline ): ?array {
		stream_set_blocking( $stream, true );
		$request = "GET / HTTP/1.1\r\nHost: $host\r\nUser-Agent: Infosec Policy HTTPS check\r\nAccept: */*\r\nConnection: close\r\n\r\n";
		if ( strlen( $request ) !== fwrite( $stream, $request ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite, WordPress.WP.AlternativeFunctions.file_system_read_fwrite -- a socket, not a file.
			return null;
		}
		$lines = array();
		$read  = 0;
		while ( $read < self::MAX_HEADER_BYTES ) {
			$left = $deadline - microtime( true );
			if ( $left <= 0 ) {
				return null;
			}
			stream_set_timeout( $stream, (int) $left, (int) ( ( $left - floor( $left ) ) * 1e6 ) );
			$line = fgets( $stream, self::MAX_HEADER_BYTES );
			if ( false === $line ) {
				break;
			}
			$read += strlen( $line );
			$line  = rtrim( $line, "\r\n" );
			if ( '' === $line ) {
				break;
			}
			$lines[] = $line;
		}
		if ( array() === $lines || 1 !== preg_match( '#^HTTP/\d(?:\.\d)? (\d{3})#', $lines[0], $status ) ) {
			return null;
		}
		$headers = array();
		foreach ( array_slice( $lines, 1 ) as $line ) {
			$colon = strpos( $line, ':' );
			$name  = false === $colon ? '' : strtolower( trim( substr( $line, 0, $colon ) ) );
			// The first of a repeated header counts, as RFC 6797 says for HSTS.
			if ( '' !== $name && ! isset( $headers[ $name ] ) ) {
				$headers[ $name ] = trim( substr( $line, $colon + 1 ) );
			}
		}
		return array(
			'status'  => (int) $status[1],
			'headers' => $headers,
		);
	}

	/**
	 * A Strict-Transport-Security value as RFC 6797 reads it: null when absent, malformed, or with
	 * max-age=0, which tells the browser to forget the host's HSTS.
	 *
	 * @param string $value The header's value.
	 * @return array{ maxAge: int, includeSubDomains: bool, preload: bool }|null
	 */
	public static function parse_hsts( string $value ): ?array {
		$policy = array(
			'maxAge'            => -1,
			'includeSubDomains' => false,
			'preload'           => false,
		);
		foreach ( explode( ';', $value ) as $directive ) {
			$parts = explode( '=', trim( $directive ), 2 );
			$name  = strtolower( trim( $parts[0] ) );
			$given = trim( $parts[1] ?? '', " \t\"" );
			if ( 'max-age' === $name && 1 === preg_match( '/^\d{1,10}$/D', $given ) ) {
				$policy['maxAge'] = (int) $given;
			} elseif ( 'includesubdomains' === $name ) {
				$policy['includeSubDomains'] = true;
			} elseif ( 'preload' === $name ) {
				$policy['preload'] = true;
			}
		}
		return $policy['maxAge'] > 0 ? $policy : null;
	}

	/**
	 * The port plain HTTP is checked on: 80, or another for development and tests.
	 */
	public static function http_port(): int {
		/**
		 * Filters the port the plain-HTTP check connects to, for development and tests. Default 80.
		 *
		 * @param int $port Port.
		 */
		$port = (int) apply_filters( 'infosec_policy_http_port', 80 );
		return $port >= 1 && $port <= 65535 ? $port : 80;
	}

	/**
	 * Facts with nothing known yet.
	 *
	 * @param string $host Host name.
	 * @return Facts
	 */
	private static function empty_facts( string $host ): array {
		return array(
			'host'                  => $host,
			'status'                => 'unreachable',
			'checkedAt'             => time(),
			'address'               => '',
			'httpRedirect'          => 'unknown',
			'httpStatus'            => 0,
			'httpLocation'          => '',
			'hsts'                  => 'unknown',
			'hstsMaxAge'            => 0,
			'hstsIncludeSubDomains' => false,
			'hstsPreload'           => false,
			'tlsVersions'           => array_fill_keys( array_keys( self::VERSIONS ), 'unknown' ),
			'errors'                => array(),
		);
	}
}

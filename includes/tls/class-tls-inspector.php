<?php
/**
 * Checks the TLS certificate a host actually serves.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tls;

defined( 'ABSPATH' ) || exit;

/**
 * Connects to a host (through Host_Guard, to the address it judged) with SNI and verification,
 * and reports the certificate and the connection, mapping every outcome to one status:
 * valid, expiring, expired, untrusted, mismatch, unreachable, timeout or blocked.
 *
 * A failed verification is probed a second time without verifying, to read the certificate and
 * tell expired, wrong-name and untrusted apart. Both probes share one time budget (default 5 s),
 * and PHP's stream warnings are captured, never raised as notices. Only WP-Cron, the
 * administrator's "Check now" and `wp infosec-policy tls check` call this; page views read the
 * stored results.
 *
 * @phpstan-type Result array{ host: string, status: string, checkedAt: int, address: string, issuerOrganization: string, issuerCommonName: string, subject: string, altNames: list<string>, validFrom: int, validTo: int, daysLeft: int, protocol: string, cipher: string, error: string }
 */
final class Tls_Inspector {

	public const DEFAULT_TIMEOUT = 5.0;

	/**
	 * Opens a TCP connection to an address and port within a time, returning the stream or an
	 * error message. Replaced in tests by one that records the address instead of connecting.
	 *
	 * @var callable
	 */
	private $connector;

	/**
	 * An inspector.
	 *
	 * @param callable|null $connector Connector; null for a real TCP connection.
	 * @param float         $timeout   Seconds for all phases of one inspection.
	 */
	public function __construct( ?callable $connector = null, private float $timeout = self::DEFAULT_TIMEOUT ) {
		$this->connector = $connector ?? array( self::class, 'connect' );
	}

	/**
	 * Inspects a host's certificate.
	 *
	 * @param string $host Host name.
	 * @return Result
	 */
	public function inspect( string $host ): array {
		// The budget starts before the guard, whose DNS lookup is part of the check.
		$deadline = microtime( true ) + $this->timeout;
		$result   = self::empty_result( $host );
		$verdict  = Host_Guard::check( $host );
		if ( ! $verdict['allowed'] ) {
			$result['status'] = 'no_address' === $verdict['code'] ? 'unreachable' : 'blocked';
			$result['error']  = $verdict['reason'];
			return $result;
		}
		$result['address'] = $verdict['address'];
		$port              = self::port();

		$verified = $this->probe( $verdict['address'], $port, $host, true, $deadline );
		if ( null !== $verified['certificate'] ) {
			return self::describe( $result, $verified );
		}
		if ( 'tls' !== $verified['failure'] ) {
			$result['status'] = $verified['failure'];
			$result['error']  = $verified['error'];
			return $result;
		}
		// Verification failed: read the certificate without verifying, to say why.
		$unverified = $this->probe( $verdict['address'], $port, $host, false, $deadline );
		if ( null === $unverified['certificate'] ) {
			// No certificate even unverified (no shared protocol, not TLS at all): nothing to trust
			// or distrust; the host does not answer TLS.
			$result['status'] = 'tls' === $unverified['failure'] ? 'unreachable' : $unverified['failure'];
			$result['error']  = $unverified['error'];
			return $result;
		}
		$result          = self::describe( $result, $unverified );
		$result['error'] = $verified['error'];
		if ( $result['validTo'] < time() || $result['validFrom'] > time() ) {
			$result['status'] = 'expired';
		} elseif ( ! self::name_matches( $host, $result['subject'], $result['altNames'] ) ) {
			$result['status'] = 'mismatch';
		} else {
			$result['status'] = 'untrusted';
		}
		return $result;
	}

	/**
	 * One TLS handshake.
	 *
	 * @param string $address  IP address to connect to.
	 * @param int    $port     Port.
	 * @param string $host     Host name, for SNI and verification.
	 * @param bool   $verify   Whether to verify the certificate and its name.
	 * @param float  $deadline Time by which everything must be done.
	 * @return array{ certificate: \OpenSSLCertificate|null, protocol: string, cipher: string, failure: string, error: string }
	 */
	private function probe( string $address, int $port, string $host, bool $verify, float $deadline ): array {
		$outcome = array(
			'certificate' => null,
			'protocol'    => '',
			'cipher'      => '',
			'failure'     => 'timeout',
			'error'       => __( 'The check ran out of time.', 'infosec-policy' ),
		);
		$left    = $deadline - microtime( true );
		if ( $left <= 0 ) {
			return $outcome;
		}
		$warnings = array();
		set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- stream warnings become the check's result, not notices.
			static function ( int $level, string $message ) use ( &$warnings ): bool {
				$warnings[] = $message;
				return true;
			}
		);
		try {
			// A context of its own for each probe: options set on a stream opened without one would
			// land in PHP's default context and switch verification off for the rest of the request.
			$context = stream_context_create( array( 'ssl' => self::ssl_options( $host, $verify ) ) );
			$stream  = ( $this->connector )( $address, $port, $left, $context );
			if ( ! is_resource( $stream ) ) {
				$timed_out          = microtime( true ) >= $deadline || str_contains( strtolower( (string) $stream ), 'timed out' );
				$outcome['failure'] = $timed_out ? 'timeout' : 'unreachable';
				$outcome['error']   = (string) $stream;
				return $outcome;
			}
			$secured = self::handshake( $stream, $deadline );
			$meta    = stream_get_meta_data( $stream );
			if ( true !== $secured ) {
				$outcome['failure'] = null === $secured ? 'timeout' : 'tls';
				$outcome['error']   = null === $secured ? $outcome['error'] : self::last_openssl_message( $warnings );
				fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose, WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file (WPCS 3 names the sniff file_system_operations_fclose, WPCS 2.3 file_system_read_fclose).
				return $outcome;
			}
			$params = stream_context_get_params( $stream );
			$cert   = $params['options']['ssl']['peer_certificate'] ?? null;
			fclose( $stream ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose, WordPress.WP.AlternativeFunctions.file_system_read_fclose -- a socket, not a file (WPCS 3 names the sniff file_system_operations_fclose, WPCS 2.3 file_system_read_fclose).
			if ( ! $cert instanceof \OpenSSLCertificate ) {
				$outcome['failure'] = 'tls';
				$outcome['error']   = __( 'The server sent no certificate.', 'infosec-policy' );
				return $outcome;
			}
			$crypto = is_array( $meta['crypto'] ?? null ) ? $meta['crypto'] : array();
			return array(
				'certificate' => $cert,
				'protocol'    => (string) ( $crypto['protocol'] ?? '' ),
				'cipher'      => (string) ( $crypto['cipher_name'] ?? '' ),
				'failure'     => '',
				'error'       => '',
			);
		} finally {
			restore_error_handler();
		}
	}

	/**
	 * The TLS handshake, non-blocking, so that it ends by the deadline whatever the server does
	 * (a blocking handshake would wait the whole connect timeout over again).
	 *
	 * @param resource $stream   A connected socket with its TLS context.
	 * @param float    $deadline Time by which it must be done.
	 * @param int      $methods  The protocol versions offered: TLS 1.2 and 1.3 unless told.
	 * @return bool|null True when secured, false when the handshake failed, null when time ran out.
	 */
	public static function handshake( $stream, float $deadline, int $methods = STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT | STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT ): ?bool {
		stream_set_blocking( $stream, false );
		while ( true ) {
			$secured = stream_socket_enable_crypto( $stream, true, $methods );
			if ( true === $secured ) {
				stream_set_blocking( $stream, true );
				return true;
			}
			if ( false === $secured ) {
				return false;
			}
			$left = $deadline - microtime( true );
			if ( $left <= 0 ) {
				return null;
			}
			$read   = array( $stream );
			$write  = null;
			$except = null;
			stream_select( $read, $write, $except, (int) $left, (int) ( ( $left - floor( $left ) ) * 1e6 ) );
		}
	}

	/**
	 * The stream context's TLS options.
	 *
	 * @param string $host   Host name for SNI and the name check.
	 * @param bool   $verify Whether to verify.
	 * @return array<string, mixed>
	 */
	public static function ssl_options( string $host, bool $verify ): array {
		/**
		 * Filters the CA bundle the TLS check trusts (tests point it at their own CA).
		 *
		 * @param string $cafile Path to a PEM bundle; WordPress's own by default.
		 */
		$cafile = (string) apply_filters( 'infosec_policy_tls_cafile', ABSPATH . WPINC . '/certificates/ca-bundle.crt' );
		return array(
			'peer_name'         => $host,
			'SNI_enabled'       => true,
			'verify_peer'       => $verify,
			'verify_peer_name'  => $verify,
			'allow_self_signed' => false,
			'capture_peer_cert' => true,
			'cafile'            => $cafile,
		);
	}

	/**
	 * Fills a result from a certificate and its connection.
	 *
	 * @param Result                                                                                                           $result The result so far.
	 * @param array{ certificate: \OpenSSLCertificate|null, protocol: string, cipher: string, failure: string, error: string } $probe  A successful probe.
	 * @return Result
	 */
	private static function describe( array $result, array $probe ): array {
		$parsed = null === $probe['certificate'] ? false : openssl_x509_parse( $probe['certificate'] );
		if ( ! is_array( $parsed ) ) {
			$result['status'] = 'untrusted';
			return $result;
		}
		$alt_names = array();
		$extension = (string) ( $parsed['extensions']['subjectAltName'] ?? '' );
		foreach ( array_filter( array_map( 'trim', explode( ',', $extension ) ) ) as $entry ) {
			if ( str_starts_with( $entry, 'DNS:' ) ) {
				$alt_names[] = strtolower( substr( $entry, 4 ) );
			}
		}
		$result['issuerOrganization'] = self::name_part( $parsed['issuer'] ?? array(), 'O' );
		$result['issuerCommonName']   = self::name_part( $parsed['issuer'] ?? array(), 'CN' );
		$result['subject']            = self::name_part( $parsed['subject'] ?? array(), 'CN' );
		$result['altNames']           = $alt_names;
		$result['validFrom']          = (int) ( $parsed['validFrom_time_t'] ?? 0 );
		$result['validTo']            = (int) ( $parsed['validTo_time_t'] ?? 0 );
		$result['daysLeft']           = Tls_Status::days_left( $result['validTo'], time() );
		$result['protocol']           = $probe['protocol'];
		$result['cipher']             = $probe['cipher'];
		// Judged by expiry alone; inspect() overrides it when verification failed.
		$result['status'] = Tls_Status::by_expiry( $result['validTo'], time() );
		return $result;
	}

	/**
	 * Whether a certificate's names cover a host (RFC 6125: a wildcard stands for one whole label).
	 *
	 * @param string       $host      Host name.
	 * @param string       $subject   The subject's common name.
	 * @param list<string> $alt_names DNS subject alternative names.
	 */
	public static function name_matches( string $host, string $subject, array $alt_names ): bool {
		$host  = strtolower( $host );
		$names = array() === $alt_names ? array( strtolower( $subject ) ) : $alt_names;
		foreach ( $names as $name ) {
			if ( $name === $host ) {
				return true;
			}
			$first_dot = strpos( $host, '.' );
			if ( str_starts_with( $name, '*.' ) && false !== $first_dot && substr_count( $host, '.' ) >= 2 && substr( $host, $first_dot ) === substr( $name, 1 ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The port to check: 443, or another for development and tests.
	 */
	public static function port(): int {
		/**
		 * Filters the port the TLS check connects to, for development and tests. Default 443.
		 *
		 * @param int $port Port.
		 */
		$port = (int) apply_filters( 'infosec_policy_tls_port', 443 );
		return $port >= 1 && $port <= 65535 ? $port : 443;
	}

	/**
	 * The default connector: a TCP connection to the judged address, not to the name.
	 *
	 * @param string   $address IP address.
	 * @param int      $port    Port.
	 * @param float    $timeout Seconds.
	 * @param resource $context The probe's stream context (its TLS options).
	 * @return resource|string The stream, or why it failed.
	 */
	public static function connect( string $address, int $port, float $timeout, $context ) {
		$target = ( str_contains( $address, ':' ) ? '[' . $address . ']' : $address ) . ':' . $port;
		$stream = stream_socket_client( 'tcp://' . $target, $errno, $errstr, $timeout, STREAM_CLIENT_CONNECT, $context );
		if ( is_resource( $stream ) ) {
			return $stream;
		}
		return '' === (string) $errstr ? 'error ' . (int) $errno : (string) $errstr;
	}

	/**
	 * The most telling of the warnings OpenSSL raised.
	 *
	 * @param list<string> $warnings Captured warnings.
	 */
	public static function last_openssl_message( array $warnings ): string {
		return '' === implode( '', $warnings ) ? __( 'The TLS handshake failed.', 'infosec-policy' ) : (string) end( $warnings );
	}

	/**
	 * A part of a distinguished name, as a string.
	 *
	 * @param mixed  $name A parsed name.
	 * @param string $key  `O`, `CN`, ….
	 */
	private static function name_part( mixed $name, string $key ): string {
		$value = is_array( $name ) ? ( $name[ $key ] ?? '' ) : '';
		return is_array( $value ) ? implode( ', ', array_map( 'strval', $value ) ) : (string) $value;
	}

	/**
	 * A result with nothing known yet.
	 *
	 * @param string $host Host name.
	 * @return Result
	 */
	private static function empty_result( string $host ): array {
		return array(
			'host'               => strtolower( $host ),
			'status'             => 'unreachable',
			'checkedAt'          => time(),
			'address'            => '',
			'issuerOrganization' => '',
			'issuerCommonName'   => '',
			'subject'            => '',
			'altNames'           => array(),
			'validFrom'          => 0,
			'validTo'            => 0,
			'daysLeft'           => 0,
			'protocol'           => '',
			'cipher'             => '',
			'error'              => '',
		);
	}
}

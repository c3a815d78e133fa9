<?php
/**
 * TLS servers on 127.0.0.1 with certificates made for the test run.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

/**
 * Makes a test CA and leaf certificates with PHP's OpenSSL, and serves each from its own
 * `openssl s_server` on a free loopback port, or from a small HTTP server of its own
 * (servers/http-server.php) when a test needs chosen headers or TLS versions. Nothing here ever listens beyond 127.0.0.1.
 */
final class TlsTestServers {

	/**
	 * Folder of the keys and certificates.
	 *
	 * @var string
	 */
	public readonly string $dir;

	/**
	 * Running servers: processes and their ports.
	 *
	 * @var list<array{ process: resource }>
	 */
	private array $servers = array();

	/**
	 * How many leaf certificates were made, to name their files.
	 *
	 * @var int
	 */
	private int $leaves = 0;

	/**
	 * The CA's certificate and key.
	 *
	 * @var array{ cert: \OpenSSLCertificate, key: \OpenSSLAsymmetricKey }
	 */
	private array $ca;

	/**
	 * Makes the CA.
	 */
	public function __construct() {
		$this->dir = sys_get_temp_dir() . '/infosec-policy-tls-' . getmypid() . '-' . wp_rand();
		mkdir( $this->dir, 0700, true );
		file_put_contents(
			$this->dir . '/openssl.cnf',
			"[req]\ndistinguished_name = dn\n[dn]\n[ca]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign\n"
		);
		$key      = $this->new_key();
		$subject  = array(
			'commonName'       => 'Infosec Policy Test CA',
			'organizationName' => 'Infosec Policy Tests',
		);
		$cert     = self::sign( $subject, $key, $this->config( 'ca' ), null, 30 );
		$this->ca = array(
			'cert' => $cert,
			'key'  => $key,
		);
		openssl_x509_export_to_file( $cert, $this->ca_file() );
	}

	/**
	 * The CA bundle the inspector must be told to trust.
	 */
	public function ca_file(): string {
		return $this->dir . '/ca.pem';
	}

	/**
	 * Starts a server with a new certificate and returns its port.
	 *
	 * @param string $name        The certificate's DNS name.
	 * @param int    $days        Days of validity (0: ends the moment it starts).
	 * @param bool   $self_signed Whether to sign it with its own key instead of the CA's.
	 * @throws \RuntimeException When the server does not start.
	 */
	public function serve( string $name, int $days = 365, bool $self_signed = false ): int {
		list( $cert, $key ) = $this->leaf( $name, $days, $self_signed );
		$port               = self::free_port();
		$this->start( array( 'openssl', 's_server', '-accept', "127.0.0.1:$port", '-cert', $cert, '-key', $key, '-quiet', '-www' ) );
		self::wait_for( $port );
		return $port;
	}

	/**
	 * Starts an HTTP server (tests/php/servers/http-server.php) that answers every request with
	 * one status line and headers; over TLS, with a certificate for a name from the test CA, when
	 * a name is given. Returns its port.
	 *
	 * @param string       $response The status line and headers, one per line.
	 * @param string|null  $name     The certificate's DNS name; null for plain HTTP.
	 * @param list<string> $versions The TLS versions it accepts, a range from "1.0" to "1.3".
	 * @throws \RuntimeException When the server does not start.
	 */
	public function serve_http( string $response, ?string $name = null, array $versions = array( '1.2', '1.3' ) ): int {
		$config = array( 'response' => $response );
		if ( null !== $name ) {
			list( $config['cert'], $config['key'] ) = $this->leaf( $name, 365, false );
			$config['versions']                     = $versions;
		}
		$output = $this->start( array( PHP_BINARY, __DIR__ . '/servers/http-server.php', (string) wp_json_encode( $config ) ), true );
		$port   = is_resource( $output ) ? (int) fgets( $output ) : 0;
		if ( $port <= 0 ) {
			throw new \RuntimeException( 'the HTTP test server did not start' );
		}
		return $port;
	}

	/**
	 * Makes a key and a certificate for a name, and returns their files.
	 *
	 * @param string $name        The certificate's DNS name.
	 * @param int    $days        Days of validity.
	 * @param bool   $self_signed Whether to sign it with its own key instead of the CA's.
	 * @return array{ 0: string, 1: string } The certificate's file and the key's.
	 */
	private function leaf( string $name, int $days, bool $self_signed ): array {
		$label   = 'leaf-' . ( ++$this->leaves );
		$key     = $this->new_key();
		$options = array(
			'config'          => "{$this->dir}/$label.cnf",
			'x509_extensions' => 'leaf',
			'digest_alg'      => 'sha256',
		);
		file_put_contents(
			$options['config'],
			"[req]\ndistinguished_name = dn\n[dn]\n[leaf]\nbasicConstraints = CA:FALSE\nkeyUsage = digitalSignature,keyEncipherment\nextendedKeyUsage = serverAuth\nsubjectAltName = DNS:$name\n"
		);
		$subject = array(
			'commonName'       => $name,
			'organizationName' => 'Leaf ' . $name,
		);
		$cert    = self::sign( $subject, $key, $options, $self_signed ? null : $this->ca, $days );
		openssl_x509_export_to_file( $cert, "{$this->dir}/$label.crt" );
		openssl_pkey_export_to_file( $key, "{$this->dir}/$label.key" );
		return array( "{$this->dir}/$label.crt", "{$this->dir}/$label.key" );
	}

	/**
	 * Starts a server process and keeps it to stop later.
	 *
	 * @param list<string> $command     The command.
	 * @param bool         $read_output Whether to keep its output readable (else it is dropped).
	 * @return resource|null Its output, when asked for.
	 * @throws \RuntimeException When it does not start.
	 */
	private function start( array $command, bool $read_output = false ) {
		$process = proc_open(
			$command,
			array(
				0 => array( 'pipe', 'r' ),
				1 => $read_output ? array( 'pipe', 'w' ) : array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', '/dev/null', 'w' ),
			),
			$pipes
		);
		if ( ! is_resource( $process ) ) {
			throw new \RuntimeException( $command[0] . ' did not start' );
		}
		$this->servers[] = array( 'process' => $process );
		return $read_output ? $pipes[1] : null;
	}

	/**
	 * Makes the checks' guard resolve one host name to 127.0.0.1 and every other to nothing (so no
	 * check can reach beyond loopback), allows loopback, and trusts the test CA. Every name looked
	 * up is added to $resolved: every check starts with a lookup.
	 *
	 * @param string       $host     The host that stands for a server here.
	 * @param list<string> $resolved Collects the names looked up.
	 */
	public function resolve_to_loopback( string $host, array &$resolved ): void {
		add_filter( 'infosec_policy_tls_allow_loopback', '__return_true' );
		add_filter( 'infosec_policy_tls_cafile', fn(): string => $this->ca_file() );
		add_filter(
			'infosec_policy_tls_resolver',
			static function ( $addresses, string $name ) use ( $host, &$resolved ) {
				$resolved[] = $name;
				return $host === $name ? array( '127.0.0.1' ) : array();
			},
			10,
			2
		);
	}

	/**
	 * A port that accepts TCP connections and then never answers: the kernel completes the
	 * handshake into the backlog, and nothing ever reads.
	 *
	 * @param mixed $socket Set to the listening socket; keep it open for the test.
	 * @param-out resource $socket
	 * @throws \RuntimeException When no port can be had.
	 */
	public static function silent_port( &$socket ): int {
		$server = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr );
		if ( false === $server ) {
			throw new \RuntimeException( "no silent server: $errstr" );
		}
		$socket = $server;
		$name   = (string) stream_socket_get_name( $server, false );
		return (int) substr( $name, strrpos( $name, ':' ) + 1 );
	}

	/**
	 * A loopback port nothing listens on.
	 *
	 * @throws \RuntimeException When no port can be had.
	 */
	public static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $socket ) {
			throw new \RuntimeException( 'no free port' );
		}
		$name = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );
		return (int) substr( $name, strrpos( $name, ':' ) + 1 );
	}

	/**
	 * Stops every server and removes the keys.
	 */
	public function stop(): void {
		foreach ( $this->servers as $server ) {
			proc_terminate( $server['process'] );
			proc_close( $server['process'] );
		}
		$this->servers = array();
		$files         = glob( $this->dir . '/*' );
		foreach ( false === $files ? array() : $files as $file ) {
			unlink( $file );
		}
		rmdir( $this->dir );
	}

	/**
	 * OpenSSL options with the test configuration.
	 *
	 * @param string $section Extensions section.
	 * @return array<string, mixed>
	 */
	private function config( string $section ): array {
		return array(
			'config'          => $this->dir . '/openssl.cnf',
			'x509_extensions' => $section,
			'digest_alg'      => 'sha256',
		);
	}

	/**
	 * A certificate for a subject and key, signed by a CA or by the key itself.
	 *
	 * @param array<string, string>                                               $subject Distinguished name.
	 * @param \OpenSSLAsymmetricKey                                               $key     The subject's key.
	 * @param array<string, mixed>                                                $options OpenSSL options.
	 * @param array{ cert: \OpenSSLCertificate, key: \OpenSSLAsymmetricKey }|null $ca      The signing CA; null for self-signed.
	 * @param int                                                                 $days    Days of validity.
	 * @throws \RuntimeException When OpenSSL fails.
	 */
	private static function sign( array $subject, \OpenSSLAsymmetricKey $key, array $options, ?array $ca, int $days ): \OpenSSLCertificate {
		$csr = openssl_csr_new( $subject, $key, $options );
		if ( false === $csr ) {
			throw new \RuntimeException( 'no CSR: ' . openssl_error_string() );
		}
		$cert = null === $ca
			? openssl_csr_sign( $csr, null, $key, $days, $options )
			: openssl_csr_sign( $csr, $ca['cert'], $ca['key'], $days, $options, random_int( 1, PHP_INT_MAX ) );
		if ( false === $cert ) {
			throw new \RuntimeException( 'no certificate: ' . openssl_error_string() );
		}
		return $cert;
	}

	/**
	 * A new EC key (fast to make).
	 *
	 * @throws \RuntimeException When OpenSSL cannot make one.
	 */
	private function new_key(): \OpenSSLAsymmetricKey {
		$key = openssl_pkey_new(
			array(
				'private_key_type' => OPENSSL_KEYTYPE_EC,
				'curve_name'       => 'prime256v1',
			)
		);
		if ( false === $key ) {
			throw new \RuntimeException( 'no key: ' . openssl_error_string() );
		}
		return $key;
	}

	/**
	 * Waits until a port accepts connections, at most five seconds.
	 *
	 * @param int $port Port on 127.0.0.1.
	 * @throws \RuntimeException When nothing listens in time.
	 */
	private static function wait_for( int $port ): void {
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @stream_socket_client( "tcp://127.0.0.1:$port", $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- refused until the server listens; that is the point of the loop.
			if ( false !== $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( "nothing listens on port $port" );
	}
}

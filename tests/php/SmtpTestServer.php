<?php
/**
 * A real SMTP server on 127.0.0.1 for the tests.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

/**
 * Debian's aiosmtpd, started on a free loopback port with its Maildir handler, so the tests send
 * real mail through wp_mail() and PHPMailer's SMTP client and read what the server received. It can
 * be stopped and started again on the same port and folder, as an SMTP server that goes away and
 * comes back. The server adds X-RcptTo (the envelope's recipients) to each message it keeps.
 */
final class SmtpTestServer {

	/**
	 * The Maildir.
	 *
	 * @var string
	 */
	public readonly string $dir;

	/**
	 * The port.
	 *
	 * @var int
	 */
	public readonly int $port;

	/**
	 * The server process, while it runs.
	 *
	 * @var resource|null
	 */
	private $process = null;

	/**
	 * Starts a server on a free port.
	 */
	public function __construct() {
		$this->dir  = sys_get_temp_dir() . '/infosec-policy-smtp-' . getmypid() . '-' . wp_rand();
		$this->port = self::free_port();
		mkdir( $this->dir, 0700, true );
		$this->start();
	}

	/**
	 * Starts the server (again).
	 *
	 * @throws \RuntimeException When it does not listen within five seconds.
	 */
	public function start(): void {
		if ( null !== $this->process ) {
			return;
		}
		$command       = array( '/usr/bin/python3', '-m', 'aiosmtpd', '-n', '-l', '127.0.0.1:' . $this->port, '-c', 'aiosmtpd.handlers.Mailbox', $this->dir . '/maildir' );
		$process       = proc_open( $command, array( array( 'file', '/dev/null', 'r' ), array( 'file', $this->dir . '/server.log', 'a' ), array( 'file', $this->dir . '/server.log', 'a' ) ), $pipes );
		$this->process = is_resource( $process ) ? $process : null;
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- refused until the server listens.
			if ( false !== $socket ) {
				fclose( $socket );
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( 'The SMTP server did not start: ' . (string) file_get_contents( $this->dir . '/server.log' ) );
	}

	/**
	 * Stops the server: connections are refused until start().
	 */
	public function stop(): void {
		if ( null === $this->process ) {
			return;
		}
		proc_terminate( $this->process );
		proc_close( $this->process );
		$this->process = null;
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( '127.0.0.1', $this->port, $errno, $errstr, 0.1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- refused once the server is gone.
			if ( false === $socket ) {
				return;
			}
			fclose( $socket );
			usleep( 50000 );
		}
	}

	/**
	 * Stops the server and removes its folder.
	 */
	public function destroy(): void {
		$this->stop();
		exec( 'rm -rf ' . escapeshellarg( $this->dir ) );
	}

	/**
	 * Points PHPMailer at this server, as an SMTP plugin would, until the returned function runs.
	 *
	 * @return callable(): void What undoes it.
	 */
	public function route_wp_mail(): callable {
		$port = $this->port;
		$smtp = static function ( $phpmailer ) use ( $port ): void {
			$phpmailer->isSMTP();
			$phpmailer->Host        = '127.0.0.1'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			$phpmailer->Port        = $port; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			$phpmailer->SMTPAuth    = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			$phpmailer->SMTPAutoTLS = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
			$phpmailer->Timeout     = 5; // phpcs:ignore WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's.
		};
		// WordPress's default sender, wordpress@localhost, is no address PHPMailer accepts; an SMTP
		// plugin sets the sender too.
		$from = static fn(): string => 'statement@example.com';
		add_action( 'phpmailer_init', $smtp, 5 );
		add_filter( 'wp_mail_from', $from );
		return static function () use ( $smtp, $from ): void {
			remove_action( 'phpmailer_init', $smtp, 5 );
			remove_filter( 'wp_mail_from', $from );
		};
	}

	/**
	 * Every message received, oldest first, parsed.
	 *
	 * @return list<array{ headers: array<string, list<string>>, text: string, html: string, raw: string }>
	 */
	public function messages(): array {
		$files = glob( $this->dir . '/maildir/new/*' );
		$files = false === $files ? array() : $files;
		usort( $files, static fn( string $a, string $b ): int => array( filemtime( $a ), $a ) <=> array( filemtime( $b ), $b ) );
		return array_map( static fn( string $file ): array => self::parse( (string) file_get_contents( $file ) ), $files );
	}

	/**
	 * The messages to one address (by the envelope's recipients).
	 *
	 * @param string $email The address.
	 * @return list<array{ headers: array<string, list<string>>, text: string, html: string, raw: string }>
	 */
	public function messages_to( string $email ): array {
		return array_values( array_filter( $this->messages(), static fn( array $m ): bool => in_array( $email, array_map( 'trim', explode( ',', $m['headers']['x-rcptto'][0] ?? '' ) ), true ) ) );
	}

	/**
	 * Forgets the messages received so far.
	 */
	public function clear(): void {
		$files = glob( $this->dir . '/maildir/new/*' );
		foreach ( false === $files ? array() : $files as $file ) {
			unlink( $file );
		}
	}

	/**
	 * A message: its headers (lower-case names, unfolded) and its text and HTML parts, decoded.
	 *
	 * @param string $raw The message.
	 * @return array{ headers: array<string, list<string>>, text: string, html: string, raw: string }
	 */
	public static function parse( string $raw ): array {
		list( $headers, $body ) = self::split( $raw );
		$text                   = '';
		$html                   = '';
		$type                   = $headers['content-type'][0] ?? 'text/plain';
		if ( 1 === preg_match( '/boundary="?([^";]+)"?/i', $type, $match ) ) {
			foreach ( explode( '--' . $match[1], $body ) as $part ) {
				list( $part_headers, $part_body ) = self::split( ltrim( $part, "\r\n" ) );
				$decoded                          = self::decode( $part_body, $part_headers['content-transfer-encoding'][0] ?? '' );
				$part_type                        = strtolower( $part_headers['content-type'][0] ?? '' );
				if ( str_starts_with( $part_type, 'text/plain' ) ) {
					$text = $decoded;
				} elseif ( str_starts_with( $part_type, 'text/html' ) ) {
					$html = $decoded;
				}
			}
		} else {
			$decoded = self::decode( $body, $headers['content-transfer-encoding'][0] ?? '' );
			str_starts_with( strtolower( $type ), 'text/html' ) ? $html = $decoded : $text = $decoded;
		}
		return array(
			'headers' => $headers,
			'text'    => $text,
			'html'    => $html,
			'raw'     => $raw,
		);
	}

	/**
	 * Headers and body.
	 *
	 * @param string $raw A message or part.
	 * @return array{ 0: array<string, list<string>>, 1: string }
	 */
	private static function split( string $raw ): array {
		$parts   = preg_split( '/\r?\n\r?\n/', $raw, 2 );
		$parts   = false === $parts ? array( '' ) : $parts;
		$lines   = preg_split( '/\r?\n(?![ \t])/', $parts[0] ?? '' );
		$headers = array();
		foreach ( false === $lines ? array() : $lines as $line ) {
			if ( str_contains( $line, ':' ) ) {
				list( $name, $value )                     = explode( ':', $line, 2 );
				$headers[ strtolower( trim( $name ) ) ][] = trim( (string) preg_replace( '/\r?\n[ \t]+/', ' ', $value ) );
			}
		}
		return array( $headers, (string) ( $parts[1] ?? '' ) );
	}

	/**
	 * A body, decoded.
	 *
	 * @param string $body     The body.
	 * @param string $encoding Its Content-Transfer-Encoding.
	 */
	private static function decode( string $body, string $encoding ): string {
		$encoding = strtolower( trim( $encoding ) );
		if ( 'quoted-printable' === $encoding ) {
			return quoted_printable_decode( $body );
		}
		return 'base64' === $encoding ? (string) base64_decode( $body ) : $body; // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- a MIME part's transfer encoding.
	}

	/**
	 * A free loopback port.
	 *
	 * @throws \RuntimeException When none can be had.
	 */
	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $socket ) {
			throw new \RuntimeException( 'No free loopback port.' );
		}
		$name = stream_socket_get_name( $socket, false );
		fclose( $socket );
		return (int) substr( (string) $name, strrpos( (string) $name, ':' ) + 1 );
	}
}

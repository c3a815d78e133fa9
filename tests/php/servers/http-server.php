<?php
/**
 * A tiny HTTP or HTTPS server on 127.0.0.1 for the HTTPS facts tests: answers every request with
 * the same status line and headers, over plain TCP or over TLS limited to some versions.
 *
 * Usage: php http-server.php '<json>', where the JSON holds `response` (the status line and header
 * lines, without the blank line) and, for TLS, `cert`, `key` and `versions` (of "1.0" … "1.3").
 * Listens on a free loopback port and prints it on the first line of its output.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

// phpcs:disable WordPress.WP.AlternativeFunctions -- a test server outside WordPress, on sockets.
// phpcs:disable WordPress.Security.EscapeOutput.OutputNotEscaped -- prints its port to its parent, not a page.

$config = json_decode( $argv[1] ?? '', true );
if ( ! is_array( $config ) || ! is_string( $config['response'] ?? null ) ) {
	fwrite( STDERR, "usage: php http-server.php '{\"response\":\"HTTP/1.1 200 OK\"}'\n" );
	exit( 2 );
}
$methods = array(
	'1.0' => STREAM_CRYPTO_METHOD_TLSv1_0_SERVER,
	'1.1' => STREAM_CRYPTO_METHOD_TLSv1_1_SERVER,
	'1.2' => STREAM_CRYPTO_METHOD_TLSv1_2_SERVER,
	'1.3' => STREAM_CRYPTO_METHOD_TLSv1_3_SERVER,
);
$tls     = isset( $config['cert'], $config['key'] );
$method  = 0;
foreach ( $tls ? (array) ( $config['versions'] ?? array( '1.2', '1.3' ) ) : array() as $version ) {
	$method |= $methods[ $version ];
}
$context = stream_context_create(
	array(
		'ssl' => array(
			'local_cert'     => (string) ( $config['cert'] ?? '' ),
			'local_pk'       => (string) ( $config['key'] ?? '' ),
			// Level 0, so that TLS 1.0 and 1.1 can be served when a test asks for them.
			'security_level' => 0,
			'ciphers'        => 'DEFAULT:@SECLEVEL=0',
		),
	)
);
$server  = stream_socket_server( 'tcp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND | STREAM_SERVER_LISTEN, $context );
if ( false === $server ) {
	fwrite( STDERR, "cannot listen: $errstr\n" );
	exit( 1 );
}
$name = (string) stream_socket_get_name( $server, false );
fwrite( STDOUT, substr( $name, strrpos( $name, ':' ) + 1 ) . "\n" );
fflush( STDOUT );

$answer = rtrim( $config['response'], "\r\n" ) . "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
while ( is_resource( $server ) ) {
	$client = @stream_socket_accept( $server, -1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- an interrupted accept is retried.
	if ( false === $client ) {
		continue;
	}
	stream_set_timeout( $client, 5 );
	if ( $tls && true !== @stream_socket_enable_crypto( $client, true, $method ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a refused version is what some tests want.
		fclose( $client );
		continue;
	}
	while ( true ) {
		$line = fgets( $client, 8192 );
		if ( false === $line || '' === rtrim( $line, "\r\n" ) ) {
			break;
		}
	}
	@fwrite( $client, $answer ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the client may have gone.
	fclose( $client );
}

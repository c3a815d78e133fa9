<?php
/**
 * Router for PHP's built-in web server: what Apache's .htaccess does for WordPress.
 *
 * Existing files and folders are served as they are; every other path goes to index.php, which
 * gives pretty permalinks and the REST API under /wp-json/. The plugin folder is linked into the
 * web root and holds dot-folders (.git, .wp with the databases, .cache), so any request whose path,
 * or the real path of its target, has a segment starting with a dot is refused, and so is any
 * request whose path cannot be read: the server would otherwise serve it without asking.
 *
 * @package InfosecPolicy
 */

$infosec_policy_path = parse_url( (string) ( $_SERVER['REQUEST_URI'] ?? '' ), PHP_URL_PATH );
$infosec_policy_root = (string) realpath( (string) ( $_SERVER['DOCUMENT_ROOT'] ?? '' ) );

if ( ! is_string( $infosec_policy_path ) || ! str_starts_with( $infosec_policy_path, '/' ) || '' === $infosec_policy_root ) {
	http_response_code( 400 );
	return true;
}

$infosec_policy_decoded = rawurldecode( $infosec_policy_path );
$infosec_policy_target  = realpath( $infosec_policy_root . $infosec_policy_decoded );
// /.well-known/ at the web root is for files that standards place there (security.txt): the one
// dot-folder a request may name.
$infosec_policy_hidden = static fn( string $path ): bool => 1 === preg_match( '#(^|/)\.#', (string) preg_replace( '#^/\.well-known(?=/|$)#', '', $path ) );

/**
 * A real path relative to the web root or to the plugin folder (the link's target), or null when it
 * is under neither.
 *
 * @param string $target A real path.
 */
$infosec_policy_relative = static function ( string $target ) use ( $infosec_policy_root ): ?string {
	foreach ( array( $infosec_policy_root, (string) realpath( dirname( __DIR__ ) ) ) as $base ) {
		if ( $target === $base || str_starts_with( $target, $base . '/' ) ) {
			return substr( $target, strlen( $base ) );
		}
	}
	return null;
};

if ( $infosec_policy_hidden( $infosec_policy_decoded ) || str_contains( $infosec_policy_decoded, "\0" ) ) {
	http_response_code( 404 );
	return true;
}
if ( false !== $infosec_policy_target ) {
	$infosec_policy_inside = $infosec_policy_relative( $infosec_policy_target );
	if ( null === $infosec_policy_inside || $infosec_policy_hidden( $infosec_policy_inside ) ) {
		http_response_code( 404 );
		return true;
	}
}

if ( false !== $infosec_policy_target && ( is_file( $infosec_policy_target ) || is_file( $infosec_policy_target . '/index.php' ) ) ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $infosec_policy_root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $infosec_policy_root . '/index.php';

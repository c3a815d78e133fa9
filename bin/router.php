<?php
/**
 * Router for PHP's built-in web server: what Apache's .htaccess does for WordPress.
 *
 * Existing files and folders are served as they are; every other path goes to index.php, which
 * gives pretty permalinks and the REST API under /wp-json/. Paths with a segment that starts with a
 * dot (.git, .wp, .cache, .ht.sqlite) are refused, because the plugin folder is linked into the web
 * root and holds such folders.
 *
 * @package InfosecPolicy
 */

$infosec_policy_path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );

if ( preg_match( '#/\.#', rawurldecode( $infosec_policy_path ) ) ) {
	http_response_code( 404 );
	return true;
}

$infosec_policy_file = $_SERVER['DOCUMENT_ROOT'] . $infosec_policy_path;
if ( is_file( $infosec_policy_file ) || ( is_dir( $infosec_policy_file ) && is_file( rtrim( $infosec_policy_file, '/' ) . '/index.php' ) ) ) {
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';

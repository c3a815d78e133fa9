<?php
/**
 * Loads the real WordPress instance that `npm run test:php` made for this run.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$infosec_policy_wp_dir = getenv( 'INFOSEC_TEST_WP_DIR' );
if ( ! $infosec_policy_wp_dir || ! is_file( $infosec_policy_wp_dir . '/wp-config.php' ) ) {
	fwrite( STDERR, "INFOSEC_TEST_WP_DIR does not name a WordPress instance. Run the PHP tests with: npm run test:php\n" );
	exit( 1 );
}

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';

require $infosec_policy_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once dirname( __DIR__, 2 ) . '/demo/demo-policy.php';
require_once __DIR__ . '/TestCase.php';
require_once __DIR__ . '/TlsTestServers.php';
require_once __DIR__ . '/SmtpTestServer.php';
require_once __DIR__ . '/MailTestCase.php';
require_once __DIR__ . '/cli/CommandTestCase.php';

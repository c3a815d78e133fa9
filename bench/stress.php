<?php
/**
 * Benchmark: one operation on a policy of many processors, in a PHP process of its own with
 * WordPress's default memory limit for who does it (40 MB for a visitor, 256 MB for admin work).
 * Prints one line: the operation, its time (ms) and the peak memory of the process (MB), or that
 * it ran out of memory.
 *
 * Usage (through npm run bench): php -d memory_limit=40M -d opcache.enable_cli=1 bench/stress.php <wordpress-folder> <processors> <operation>
 * Operations: save (stores the policy and publishes a page with the pattern, first), view, feed,
 * register, settings (GET /policy as the settings page loads it), dry-run, export; and core,
 * which does nothing, for what WordPress itself takes before any of them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
// Should memory run out, this script's own line says so, not WordPress's error page.
define( 'WP_DISABLE_FATAL_ERROR_HANDLER', true );
require $argv[1] . '/wp-load.php';
require_once dirname( __DIR__ ) . '/demo/demo-policy.php';

use InfosecPolicy\Blocks\Statement_Pattern;
use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Register;

$infosec_policy_operation = (string) $argv[3];
$infosec_policy_count     = (int) $argv[2];
$infosec_policy_limit     = (string) ini_get( 'memory_limit' );

// A fatal error (memory) ends the process; say so on the operation's line.
register_shutdown_function(
	static function () use ( $infosec_policy_operation, $infosec_policy_limit ): void {
		$error = error_get_last();
		if ( null !== $error && str_contains( $error['message'], 'Allowed memory size' ) ) {
			fwrite( STDOUT, sprintf( "%-10s %10s %12s %8s\n", $infosec_policy_operation, '-', 'out of ' . $infosec_policy_limit, $infosec_policy_limit ) );
		}
	}
);

/**
 * Signs in the first administrator, as admin work is done.
 */
function infosec_policy_stress_admin(): void {
	$admins = get_users(
		array(
			'role'   => 'administrator',
			'number' => 1,
		)
	);
	wp_set_current_user( $admins[0]->ID );
}

$infosec_policy_start = hrtime( true );
switch ( $infosec_policy_operation ) {
	case 'save':
		$infosec_policy_saved = Policy_Service::save( infosec_policy_demo_policy( $infosec_policy_count ), Policy_Store::get()['revision'], 'save', 'Stress run.' );
		if ( ! $infosec_policy_saved->is_saved() ) {
			fwrite( STDERR, 'not saved: ' . $infosec_policy_saved->status . "\n" );
			exit( 1 );
		}
		$infosec_policy_elapsed = hrtime( true ) - $infosec_policy_start;
		$infosec_policy_page    = get_page_by_path( 'bench-stress' );
		wp_insert_post(
			array(
				'ID'           => $infosec_policy_page instanceof WP_Post ? $infosec_policy_page->ID : 0,
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => 'bench-stress',
				'post_title'   => 'bench-stress',
				'post_content' => wp_slash( Statement_Pattern::content() ),
			)
		);
		break;
	case 'view':
		$infosec_policy_page = get_page_by_path( 'bench-stress' );
		if ( ! $infosec_policy_page instanceof WP_Post ) {
			exit( 1 );
		}
		$GLOBALS['post'] = $infosec_policy_page; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the loop's post, as on a page view.
		setup_postdata( $infosec_policy_page );
		apply_filters( 'the_content', get_the_content() );
		break;
	case 'feed':
		Change_Feed::document();
		break;
	case 'register':
		wp_json_encode( Register::document() );
		Register::processors_csv( Register::document() );
		break;
	case 'settings':
		infosec_policy_stress_admin();
		wp_json_encode( rest_get_server()->dispatch( new WP_REST_Request( 'GET', '/infosec-policy/v1/policy' ) )->get_data() );
		break;
	case 'dry-run':
		infosec_policy_stress_admin();
		Policy_Service::preview( infosec_policy_demo_policy( $infosec_policy_count ) );
		break;
	case 'core':
		break;
	case 'export':
		wp_json_encode( Policy_Store::policy(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
		break;
	default:
		fwrite( STDERR, "unknown operation: $infosec_policy_operation\n" );
		exit( 2 );
}
$infosec_policy_elapsed = $infosec_policy_elapsed ?? ( hrtime( true ) - $infosec_policy_start );
fwrite( STDOUT, sprintf( "%-10s %10.0f %12.1f %8s\n", $infosec_policy_operation, $infosec_policy_elapsed / 1e6, memory_get_peak_usage() / 1048576, $infosec_policy_limit ) );

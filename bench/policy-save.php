<?php
/**
 * Benchmark: the save round trip of PUT /infosec-policy/v1/policy (validation, compare-and-swap
 * write, response) for policies of 10, 100 and 1,000 processors, against a baseline in the same
 * run: core's update_option() of the same document, the least a save can cost.
 *
 * Usage (through npm run bench): php bench/policy-save.php <wordpress-folder>
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once dirname( __DIR__ ) . '/demo/demo-policy.php';

use InfosecPolicy\Policy\Policy_Store;

/**
 * Median wall times of two callables over some runs, in milliseconds. The runs alternate, so that
 * whatever else the machine does in the meantime weighs on both alike. Before each, untimed, the
 * options are loaded, as WordPress has loaded them before any request's work begins: a save
 * empties that cache, which the next run would otherwise pay for.
 *
 * @param callable $first  The work.
 * @param callable $second Its baseline.
 * @param int      $runs   How many times each.
 * @return array{ float, float }
 */
function infosec_policy_bench_medians( callable $first, callable $second, int $runs ): array {
	$times = array( array(), array() );
	for ( $i = 0; $i < $runs; $i++ ) {
		foreach ( array( $first, $second ) as $which => $run ) {
			wp_load_alloptions();
			$start = hrtime( true );
			$run();
			$times[ $which ][] = ( hrtime( true ) - $start ) / 1e6;
		}
	}
	sort( $times[0] );
	sort( $times[1] );
	return array( $times[0][ intdiv( $runs, 2 ) ], $times[1][ intdiv( $runs, 2 ) ] );
}

/**
 * Runs the benchmark and prints its table.
 */
function infosec_policy_bench_run(): void {
	$admins = get_users(
		array(
			'role'   => 'administrator',
			'number' => 1,
		)
	);
	wp_set_current_user( $admins[0]->ID );
	rest_get_server();

	fwrite( STDOUT, sprintf( "%-12s %12s %14s %16s %8s %14s\n", 'processors', 'JSON bytes', 'PUT (ms)', 'baseline (ms)', 'ratio', 'peak MB (so far)' ) );
	foreach ( array( 10, 100, 1000 ) as $count ) {
		$policy = infosec_policy_demo_policy( $count );
		$body   = (string) wp_json_encode(
			array(
				'policy'   => $policy,
				'revision' => 0,
			)
		);
		// The client's part is not the server's: the document is encoded once, and each request
		// sends the revision the previous response gave, as the settings page does.
		$document = (string) wp_json_encode( $policy );
		$revision = Policy_Store::get()['revision'];
		$put      = static function () use ( $document, &$revision ): void {
			$request = new WP_REST_Request( 'PUT', '/infosec-policy/v1/policy' );
			$request->set_header( 'Content-Type', 'application/json' );
			$request->set_body( '{"policy":' . $document . ',"revision":' . $revision . '}' );
			$response = rest_get_server()->dispatch( $request );
			if ( 200 !== $response->get_status() ) {
				fwrite( STDERR, 'PUT failed: ' . wp_json_encode( $response->get_data() ) . "\n" );
				exit( 1 );
			}
			// What the server sends back, encoded as it would send it.
			wp_json_encode( $response->get_data() );
			$revision = $response->get_data()['revision'];
		};
		$baseline = static function () use ( $policy ): void {
			update_option(
				'infosec_policy_bench_baseline',
				array(
					'policy'   => $policy,
					'revision' => wp_rand(),
				),
				false
			);
		};
		$runs     = $count >= 1000 ? 21 : 41;
		$put();
		$baseline();
		list( $put_ms, $baseline_ms ) = infosec_policy_bench_medians( $put, $baseline, $runs );
		$peak                         = memory_get_peak_usage() / 1048576;
		fwrite( STDOUT, sprintf( "%-12d %12d %14.2f %16.2f %8.2f %14.1f\n", $count, strlen( $body ), $put_ms, $baseline_ms, $put_ms / $baseline_ms, $peak ) );
	}
	delete_option( 'infosec_policy_bench_baseline' );
}

infosec_policy_bench_run();

<?php
/**
 * Benchmark: e-mail notices with 5,000 confirmed subscribers.
 *
 * 1. A policy save with 5,000 subscribers against the same save with none (median of 15 each, in
 *    the same run): the save queues one row, so the ratio should be 1.
 * 2. Sending the notice of one published change to all 5,000 through the bench site's own SMTP
 *    server on loopback (bin/instance.sh starts it; mail goes through wp_mail() and PHPMailer):
 *    messages per second, and peak memory of one batch.
 *
 * Usage (through npm run bench): php bench/subscribers.php <wordpress-folder>
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once dirname( __DIR__ ) . '/demo/demo-policy.php';

use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Subscriber_Tables;

const INFOSEC_POLICY_BENCH_SUBSCRIBERS = 5000;

/**
 * Saves the policy with a new organisation name; the wall time in milliseconds.
 *
 * @param int $n A number for the name.
 */
function infosec_policy_bench_save( int $n ): float {
	$stored                         = Policy_Store::get();
	$policy                         = $stored['policy'];
	$policy['organization']['name'] = 'Bench ' . $n;
	$start                          = hrtime( true );
	$saved                          = Policy_Service::save( $policy, $stored['revision'] );
	$time                           = ( hrtime( true ) - $start ) / 1e6;
	if ( ! $saved->is_saved() ) {
		fwrite( STDERR, "the save failed\n" );
		exit( 1 );
	}
	return $time;
}

/**
 * The median of some numbers.
 *
 * @param list<float> $values The numbers.
 */
function infosec_policy_bench_median_of( array $values ): float {
	sort( $values );
	return $values[ intdiv( count( $values ), 2 ) ];
}

/**
 * Runs the benchmark and prints its lines.
 */
function infosec_policy_bench_subscribers(): void {
	global $wpdb;
	$admins = get_users(
		array(
			'role'   => 'administrator',
			'number' => 1,
		)
	);
	wp_set_current_user( $admins[0]->ID );
	$subscribers = Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS );
	Policy_Service::save( infosec_policy_demo_policy( 10 ), Policy_Store::get()['revision'] );
	Notice_Sender::run( 60.0 );

	$none = array();
	for ( $i = 0; $i < 15; $i++ ) {
		$none[] = infosec_policy_bench_save( $i );
	}
	$now = gmdate( 'Y-m-d H:i:s', time() - 60 );
	for ( $start = 0; $start < INFOSEC_POLICY_BENCH_SUBSCRIBERS; $start += 500 ) {
		$rows = array();
		for ( $i = $start; $i < $start + 500; $i++ ) {
			$rows[] = $wpdb->prepare( '(%s, %s, %s, %s, %s, %s)', "reader$i@example.com", 'en_US', 'confirmed', $now, $now, 'bench' );
		}
		$wpdb->query( "INSERT INTO {$subscribers} (email, locale, status, requested_at, confirmed_at, consent_source) VALUES " . implode( ',', $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared -- each row is prepared above; the table's name is a constant.
	}
	// The notices of the saves before do not count: only the next change is sent.
	$wpdb->query( 'DELETE FROM ' . Subscriber_Tables::name( Subscriber_Tables::NOTICES ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table's name is a constant.
	$many = array();
	for ( $i = 0; $i < 15; $i++ ) {
		$many[] = infosec_policy_bench_save( 100 + $i );
		if ( $i < 14 ) {
			$wpdb->query( 'DELETE FROM ' . Subscriber_Tables::name( Subscriber_Tables::NOTICES ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table's name is a constant.
		}
	}
	$with    = infosec_policy_bench_median_of( $many );
	$without = infosec_policy_bench_median_of( $none );
	fwrite( STDOUT, sprintf( "save with %d confirmed subscribers: %.1f ms; with none: %.1f ms; ratio %.2f (target: no longer, 1.00)\n", INFOSEC_POLICY_BENCH_SUBSCRIBERS, $with, $without, $with / $without ) );

	$start   = hrtime( true );
	$sent    = 0;
	$failed  = 0;
	$batches = 0;
	$peak    = 0;
	do {
		if ( function_exists( 'memory_reset_peak_usage' ) ) {
			memory_reset_peak_usage(); // PHP 8.2: a batch's own peak.
		}
		$base    = memory_get_usage();
		$report  = Notice_Sender::run( 30.0, 50 );
		$peak    = max( $peak, memory_get_peak_usage() - $base );
		$sent   += $report['sent'];
		$failed += $report['failed'];
		++$batches;
	} while ( $report['sent'] + $report['failed'] + $report['skipped'] > 0 && $batches < 1000 );
	$seconds = ( hrtime( true ) - $start ) / 1e9;
	fwrite(
		STDOUT,
		sprintf(
			"sent the notice of one change to %d subscribers through the local SMTP server: %d sent, %d failed, in %.1f s = %.0f messages/s; batches of 50; peak memory of a batch %.1f MB above the %.1f MB the process held (peak of the whole run %.1f MB)\n",
			INFOSEC_POLICY_BENCH_SUBSCRIBERS,
			$sent,
			$failed,
			$seconds,
			$sent / max( 0.001, $seconds ),
			$peak / 1048576,
			memory_get_usage() / 1048576,
			memory_get_peak_usage( false ) / 1048576
		)
	);
	$counts = Delivery_Queue::counts();
	fwrite( STDOUT, sprintf( "queue afterwards: %d sent, %d waiting, %d failed\n", $counts['sent'], $counts['waiting'], $counts['failed'] ) );
	// The benchmarks after this one measure a site without subscribers.
	foreach ( array( Subscriber_Tables::DELIVERIES, Subscriber_Tables::NOTICES, Subscriber_Tables::SUBSCRIBERS ) as $table ) {
		$wpdb->query( 'DELETE FROM ' . Subscriber_Tables::name( $table ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table's name is a constant.
	}
}

infosec_policy_bench_subscribers();

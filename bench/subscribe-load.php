<?php
/**
 * The database side of the subscribe load bench (bench/subscribe-load.mjs drives the traffic).
 *
 * Usage: php bench/subscribe-load.php <wordpress-folder> prepare <confirmed addresses, comma-separated>
 *        php bench/subscribe-load.php <wordpress-folder> settle
 *        php bench/subscribe-load.php <wordpress-folder> report
 *
 * prepare empties the subscriber tables and the rate-limit counters and adds the confirmed
 * subscribers; settle runs the send queue, as WP-Cron does, until nothing more goes out now;
 * report prints the rows left, as JSON.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscription_Requests;

global $wpdb;
$infosec_policy_bench_mode = $argv[2] ?? 'report';

if ( 'prepare' === $infosec_policy_bench_mode ) {
	foreach ( array( Subscriber_Tables::DELIVERIES, Subscriber_Tables::NOTICES, Subscriber_Tables::REQUESTS, Subscriber_Tables::SUBSCRIBERS ) as $infosec_policy_bench_table ) {
		$wpdb->query( 'DELETE FROM ' . Subscriber_Tables::name( $infosec_policy_bench_table ) ); // phpcs:ignore WordPress.DB -- the bench empties the plugin's own tables, whose names are constants.
	}
	Rate_Limit::forget_all();
	delete_option( Subscription_Requests::CAP_REACHED_OPTION );
	foreach ( array_filter( explode( ',', $argv[3] ?? '' ) ) as $infosec_policy_bench_email ) {
		Subscribers::add( $infosec_policy_bench_email, 'en_US', 'confirmed', 'import' );
	}
	exit( 0 );
}

if ( 'settle' === $infosec_policy_bench_mode ) {
	// What WP-Cron's run would do now; rows past the hourly cap stay for a later hour.
	do {
		$infosec_policy_bench_run = Notice_Sender::run( 60 );
	} while ( $infosec_policy_bench_run['sent'] > 0 );
	exit( 0 );
}

$infosec_policy_bench_counts = Subscribers::counts();
$infosec_policy_bench_rows   = static fn( string $table ): int => (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Subscriber_Tables::name( $table ) ); // phpcs:ignore WordPress.DB -- counts rows of the plugin's own tables, whose names are constants.
echo wp_json_encode(
	array(
		'confirmed'  => (int) ( $infosec_policy_bench_counts['confirmed'] ?? 0 ),
		'pending'    => (int) ( $infosec_policy_bench_counts['pending'] ?? 0 ),
		'waiting'    => $infosec_policy_bench_rows( Subscriber_Tables::REQUESTS ),
		'deliveries' => $infosec_policy_bench_rows( Subscriber_Tables::DELIVERIES ),
		'capReached' => Subscription_Requests::cap_reached_lately(),
		'hourlyCap'  => Subscription_Requests::hourly_cap(),
		'counters'   => (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->options} WHERE option_name LIKE %s", $wpdb->esc_like( '_transient_' . Rate_Limit::PREFIX ) . '%' ) ), // phpcs:ignore WordPress.DB -- no API counts transients by prefix; a bench report.
	)
), "\n";

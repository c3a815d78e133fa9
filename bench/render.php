<?php
/**
 * Benchmark: rendering a page with every policy block against the same content written as static
 * core blocks (core/table, core/list, paragraphs; the published changes as lists), in the same run, for a policy of N processors.
 * Prints one line: N, median render time of each page's content (ms), their ratio, and the database
 * queries each render adds after WordPress has loaded. Leaves both pages published, as
 * /bench-blocks/ and /bench-static/, for bin/bench.sh to weigh over HTTP.
 *
 * Usage (through npm run bench): php bench/render.php <wordpress-folder> <processors>
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once dirname( __DIR__ ) . '/demo/demo-policy.php';

use InfosecPolicy\Blocks\Statement_Pattern;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Transfer_Bases;
use InfosecPolicy\Policy\Translated_Policy;

/**
 * The policy with an English translation, as a Dutch firm with customers abroad keeps it on an
 * English site: every measure's title and every other processor's service and description
 * translated, the rest shown in Dutch and marked as such.
 *
 * @param array<string, mixed> $policy The (Dutch) policy.
 * @return array<string, mixed>
 */
function infosec_policy_bench_translated( array $policy ): array {
	$english = array(
		'measures'   => array(),
		'processors' => array(),
	);
	foreach ( $policy['measures'] as $measure ) {
		$english['measures'][] = array(
			'id'    => $measure['id'],
			'title' => 'Translated ' . $measure['title'],
		);
	}
	foreach ( $policy['processors'] as $index => $processor ) {
		if ( 0 === $index % 2 ) {
			$english['processors'][] = array(
				'id'          => $processor['id'],
				'role'        => 'Newsletter',
				'description' => 'Translated: ' . $processor['description'],
			);
		}
	}
	$policy['organization']['language'] = 'nl';
	$policy['translations']             = array( 'en' => $english );
	return $policy;
}

/**
 * The same statement as static core blocks, as a hand-written page would hold it.
 *
 * @param array<string, mixed> $policy The policy.
 */
function infosec_policy_bench_static_page( array $policy ): string {
	$html  = "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Organisational measures</h2>\n<!-- /wp:heading -->\n\n";
	$items = '';
	foreach ( $policy['measures'] as $measure ) {
		$items .= '<!-- wp:list-item --><li><strong>' . esc_html( $measure['title'] ) . '</strong> ' . esc_html( $measure['description'] ) . "</li><!-- /wp:list-item -->\n";
	}
	$html .= "<!-- wp:list -->\n<ul class=\"wp-block-list\">" . $items . "</ul>\n<!-- /wp:list -->\n\n";
	$html .= "<!-- wp:paragraph -->\n<p>Certificate: " . esc_html( $policy['site']['tlsIssuerDeclared'] ) . "</p>\n<!-- /wp:paragraph -->\n\n";
	$rows  = '';
	foreach ( $policy['processors'] as $processor ) {
		$rows .= '<tr><td>' . esc_html( $processor['role'] ) . '</td><td>' . esc_html( $processor['name'] ) . '</td><td>' . esc_html( $processor['description'] ) . '</td><td>'
			. esc_html( Countries::name( $processor['country'] ) ) . '</td><td>' . esc_html( Transfer_Bases::label( $processor['transferBasis'] ) ) . '</td></tr>';
	}
	$html .= "<!-- wp:table -->\n<figure class=\"wp-block-table\"><table><thead><tr><th>Service</th><th>Processor</th><th>Description</th><th>Country</th><th>Basis</th></tr></thead><tbody>"
		. $rows . "</tbody></table></figure>\n<!-- /wp:table -->\n\n";
	$html .= "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">Changes</h2>\n<!-- /wp:heading -->\n\n";
	foreach ( Published_Log::entries( 5 ) as $entry ) {
		$html .= "<!-- wp:paragraph -->\n<p>" . esc_html( (string) wp_date( (string) get_option( 'date_format' ), $entry['createdAt'] ) ) . "</p>\n<!-- /wp:paragraph -->\n\n";
		$items = '';
		foreach ( $entry['items'] as $item ) {
			$items .= '<!-- wp:list-item --><li>' . esc_html( Change_Sentences::sentence( $item ) ) . "</li><!-- /wp:list-item -->\n";
		}
		$html .= "<!-- wp:list -->\n<ul class=\"wp-block-list\">" . $items . "</ul>\n<!-- /wp:list -->\n\n";
	}
	$html .= "<!-- wp:paragraph -->\n<p>Contact: " . esc_html( $policy['organization']['email'] ) . "</p>\n<!-- /wp:paragraph -->";
	return $html;
}

/**
 * Publishes or updates a page by slug; returns its id.
 *
 * @param string $slug    Page slug.
 * @param string $content Block markup.
 */
function infosec_policy_bench_page( string $slug, string $content ): int {
	$existing = get_page_by_path( $slug );
	return (int) wp_insert_post(
		array(
			'ID'           => $existing instanceof WP_Post ? $existing->ID : 0,
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_name'    => $slug,
			'post_title'   => $slug,
			'post_content' => wp_slash( $content ),
		)
	);
}

/**
 * Median render time (ms) and the queries one render makes, for a page's content.
 *
 * @param int $page_id Page id.
 * @return array{ 0: float, 1: int }
 */
function infosec_policy_bench_render( int $page_id ): array {
	global $wpdb, $post;
	$page = get_post( $page_id );
	if ( ! $page instanceof WP_Post ) {
		exit( 1 );
	}
	$post = $page; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the loop's post, as on a page view.
	setup_postdata( $page );
	$content = get_the_content();
	apply_filters( 'the_content', $content );
	$queries = $wpdb->num_queries;
	apply_filters( 'the_content', $content );
	$queries = $wpdb->num_queries - $queries;
	$times   = array();
	for ( $i = 0; $i < 25; $i++ ) {
		$start = hrtime( true );
		apply_filters( 'the_content', $content );
		$times[] = ( hrtime( true ) - $start ) / 1e6;
	}
	sort( $times );
	return array( $times[12], $queries );
}

/**
 * Runs the benchmark for one size and prints its line.
 *
 * @param int $count Processors.
 */
function infosec_policy_bench_render_size( int $count ): void {
	// As a save through the REST API would: the change-log block then lists it.
	$saved = Policy_Service::save( infosec_policy_bench_translated( infosec_policy_demo_policy( $count ) ), Policy_Store::get()['revision'], 'save', 'Benchmark run.' );
	if ( ! $saved->is_saved() ) {
		fwrite( STDERR, 'The benchmark policy was not saved: ' . $saved->status . "\n" );
		exit( 1 );
	}
	$policy = $saved->policy;
	$blocks = infosec_policy_bench_page( 'bench-blocks', Statement_Pattern::content() );
	// The same texts the English page shows: translated where they are, else in Dutch.
	$static = infosec_policy_bench_page( 'bench-static', infosec_policy_bench_static_page( Translated_Policy::for( $policy, 'en' )->document( $policy ) ) );
	wp_cache_flush();
	wp_load_alloptions();
	list( $blocks_ms, $blocks_queries ) = infosec_policy_bench_render( $blocks );
	list( $static_ms, $static_queries ) = infosec_policy_bench_render( $static );
	fwrite( STDOUT, sprintf( "%-12d %14.2f %14.2f %8.2f %16d %16d\n", $count, $blocks_ms, $static_ms, $blocks_ms / $static_ms, $blocks_queries, $static_queries ) );
}

infosec_policy_bench_render_size( (int) $argv[2] );

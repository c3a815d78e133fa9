<?php
/**
 * Plugin Name: Offline development environment
 * Description: Installed by bin/instance.sh in development and test instances only (never shipped with
 * the plugin). This machine reaches no network but package registries, and WP_HTTP_BLOCK_EXTERNAL is
 * set, so WordPress.org's update and translation checks could only fail and log warnings; they are
 * answered locally instead, as "nothing new".
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

foreach ( array( 'update_core', 'update_plugins', 'update_themes' ) as $infosec_policy_transient ) {
	add_filter(
		'pre_site_transient_' . $infosec_policy_transient,
		static fn(): object => (object) array(
			'last_checked'    => time(),
			'version_checked' => get_bloginfo( 'version' ),
			'updates'         => array(),
			'translations'    => array(),
			'response'        => array(),
			'no_update'       => array(),
			'checked'         => array(),
		)
	);
}

add_filter( 'translations_api', static fn(): array => array( 'translations' => array() ) );

// Some screens ask WordPress.org directly (Plugins → Add New, the check that follows an upload);
// they get an empty answer of the shape they expect from here, instead of a failed connection and
// a logged warning.
add_filter(
	'pre_http_request',
	static function ( $response, array $args, string $url ) {
		$path = (string) wp_parse_url( $url, PHP_URL_PATH );
		if ( 'api.wordpress.org' !== wp_parse_url( $url, PHP_URL_HOST ) || 1 !== preg_match( '#^/(plugins|themes)/(info|update-check)/#', $path ) ) {
			return $response;
		}
		parse_str( (string) wp_parse_url( $url, PHP_URL_QUERY ), $query );
		if ( str_contains( $path, '/info/' ) ) {
			$body = 'query_plugins' === ( $query['action'] ?? '' ) || 'query_themes' === ( $query['action'] ?? '' )
				? array(
					'info'    => array(
						'page'    => 1,
						'pages'   => 0,
						'results' => 0,
					),
					'plugins' => array(),
					'themes'  => array(),
				)
				: array();
		} else {
			$body = array(
				'plugins'      => array(),
				'themes'       => array(),
				'translations' => array(),
				'no_update'    => array(),
			);
		}
		return array(
			'headers'  => array( 'content-type' => 'application/json' ),
			'body'     => (string) wp_json_encode( $body ),
			'response' => array(
				'code'    => 200,
				'message' => 'OK',
			),
			'cookies'  => array(),
			'filename' => null,
		);
	},
	10,
	3
);

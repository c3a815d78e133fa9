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

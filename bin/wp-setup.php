<?php
/**
 * Installs WordPress in a fresh instance: site, admin account, pretty permalinks, this plugin active,
 * and a published page that shows the plugin's blocks. With --demo, the policy is the reference
 * page's (demo/regioingenieur.policy.json). With --bare, only WordPress: the plugin is neither
 * active nor linked in, for a test that uploads it as a site owner would. With --locale=nl_NL, the
 * site's language is Dutch before the page is made, so the page holds the pattern in Dutch, as
 * it would for an editor on a Dutch site.
 *
 * Usage: php bin/wp-setup.php <wordpress-folder> <site-url> [--demo|--bare] [--locale=<locale>]
 *
 * Run by bin/instance.sh; WP-CLI is not on this kind of machine, and the installer API is enough.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

if ( 'cli' !== PHP_SAPI || $argc < 3 || $argc > 5 ) {
	fwrite( STDERR, "usage: php bin/wp-setup.php <wordpress-folder> <site-url> [--demo|--bare] [--locale=<locale>]\n" );
	exit( 2 );
}
$infosec_policy_locale = '';
foreach ( array_slice( $argv, 3 ) as $infosec_policy_arg ) {
	if ( str_starts_with( $infosec_policy_arg, '--locale=' ) ) {
		$infosec_policy_locale = substr( $infosec_policy_arg, strlen( '--locale=' ) );
	}
}

$infosec_policy_wp_dir = $argv[1];
$infosec_policy_url    = $argv[2];
$infosec_policy_host   = (string) parse_url( $infosec_policy_url, PHP_URL_HOST );

$_SERVER['HTTP_HOST']   = $infosec_policy_host;
$_SERVER['SERVER_NAME'] = $infosec_policy_host;
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- core's own flag: install without redirecting to install.php.

require $infosec_policy_wp_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Stops the set-up with a message on standard error.
 *
 * @param string $message What failed.
 */
function infosec_policy_setup_fail( string $message ): never {
	fwrite( STDERR, $message . "\n" );
	exit( 1 );
}

$infosec_policy_installed = wp_install( 'Infosec Policy', 'admin', 'admin@example.com', true, '', 'password' );
if ( empty( $infosec_policy_installed['user_id'] ) ) {
	infosec_policy_setup_fail( 'wp_install() did not create the admin account.' );
}

update_option( 'permalink_structure', '/%postname%/' );
update_option( 'blogdescription', 'A development site for the Infosec Policy plugin' );
// Avatars come from Gravatar, which this machine cannot reach.
update_option( 'show_avatars', '0' );

if ( '' !== $infosec_policy_locale && 'en_US' !== $infosec_policy_locale ) {
	if ( ! in_array( $infosec_policy_locale, get_available_languages(), true ) ) {
		infosec_policy_setup_fail( 'WordPress has no language pack for ' . $infosec_policy_locale . '; installed: ' . implode( ', ', get_available_languages() ) . '.' );
	}
	update_option( 'WPLANG', $infosec_policy_locale );
	switch_to_locale( $infosec_policy_locale );
	// As WordPress's installer does in that language: its language pack's date and time formats.
	// phpcs:disable WordPress.WP.I18n.MissingArgDomain -- core's own strings, in core's domain, as populate_options() reads them.
	update_option( 'date_format', __( 'F j, Y' ) );
	update_option( 'time_format', __( 'g:i a' ) );
	// phpcs:enable WordPress.WP.I18n.MissingArgDomain
}
$infosec_policy_dutch = 'nl_NL' === $infosec_policy_locale;

if ( in_array( '--bare', $argv, true ) ) {
	flush_rewrite_rules( false );
	echo 'Installed WordPress ' . esc_html( get_bloginfo( 'version' ) ) . ' without the plugin at ' . esc_url( home_url( '/' ) ) . "\n";
	exit( 0 );
}

$infosec_policy_activation = activate_plugin( 'infosec-policy/plugin.php', '', false, false );
if ( is_wp_error( $infosec_policy_activation ) ) {
	infosec_policy_setup_fail( 'Activating the plugin failed: ' . $infosec_policy_activation->get_error_message() );
}
// `init` ran before the plugin was active: point WordPress at its translations by hand.
\InfosecPolicy\Plugin::load_translations();

$infosec_policy_page = wp_insert_post(
	array(
		'post_type'    => 'page',
		'post_status'  => 'publish',
		'post_title'   => $infosec_policy_dutch ? 'Informatieveiligheid' : 'Information security',
		'post_name'    => 'information-security',
		'post_author'  => $infosec_policy_installed['user_id'],
		'post_content' => \InfosecPolicy\Blocks\Statement_Pattern::content(),
	),
	true
);
if ( is_wp_error( $infosec_policy_page ) ) {
	infosec_policy_setup_fail( 'Creating the demo page failed: ' . $infosec_policy_page->get_error_message() );
}

if ( in_array( '--demo', $argv, true ) ) {
	require_once dirname( __DIR__ ) . '/demo/demo-policy.php';
	// As an admin's import would: validated, saved, and the first entry of the demo page's change log.
	wp_set_current_user( $infosec_policy_installed['user_id'] );
	$infosec_policy_saved = \InfosecPolicy\Policy\Policy_Service::save( infosec_policy_demo_policy(), 0, 'import' );
	if ( ! $infosec_policy_saved->is_saved() ) {
		$infosec_policy_why = array_map( static fn( array $error ): string => $error['path'] . ' ' . $error['message'], $infosec_policy_saved->errors );
		infosec_policy_setup_fail( 'The demo policy was not saved (' . $infosec_policy_saved->status . '): ' . implode( '; ', $infosec_policy_why ) );
	}
	if ( array() !== $infosec_policy_saved->warnings ) {
		infosec_policy_setup_fail( implode( ' ', $infosec_policy_saved->warnings ) );
	}
}

flush_rewrite_rules( false );

echo 'Installed WordPress ' . esc_html( get_bloginfo( 'version' ) ) . ' at ' . esc_url( home_url( '/' ) ) . "\n";

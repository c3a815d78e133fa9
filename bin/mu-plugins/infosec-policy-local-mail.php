<?php
/**
 * Plugin Name: Local mail
 * Description: Installed by bin/instance.sh in development and test instances only (never shipped with
 * the plugin). Sends the site's mail to the SMTP server that bin/instance.sh starts beside the web
 * server on loopback (its port is in ../mail/port), which keeps each message in ../mail/new/, as an
 * SMTP plugin would send it to a real server. Without that file, mail goes as WordPress sends it.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

defined( 'ABSPATH' ) || exit;

$infosec_policy_mail_file = dirname( ABSPATH ) . '/mail/port';
$infosec_policy_mail_port = is_readable( $infosec_policy_mail_file ) ? (int) file_get_contents( $infosec_policy_mail_file ) : 0; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file that exists only where the server runs.

if ( $infosec_policy_mail_port > 0 ) {
	add_action(
		'phpmailer_init',
		static function ( $phpmailer ) use ( $infosec_policy_mail_port ): void {
			// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's own properties.
			$phpmailer->isSMTP();
			$phpmailer->Host        = '127.0.0.1';
			$phpmailer->Port        = $infosec_policy_mail_port;
			$phpmailer->SMTPAuth    = false;
			$phpmailer->SMTPAutoTLS = false;
			$phpmailer->Timeout     = 10;
			// Without it, each SMTP command waits for the loopback's delayed ACK (some 40 ms a message).
			$phpmailer->SMTPOptions = array( 'socket' => array( 'tcp_nodelay' => true ) );
			// phpcs:enable
		},
		5
	);
	// WordPress's default sender, wordpress@localhost, is no address PHPMailer accepts.
	add_filter( 'wp_mail_from', static fn( string $from ): string => str_ends_with( $from, '@localhost' ) ? 'wordpress@localhost.test' : $from );
}

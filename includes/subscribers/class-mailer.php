<?php
/**
 * One e-mail through wp_mail(), with both parts.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Sends a message through wp_mail(), the one path every SMTP plugin hooks into, as
 * multipart/alternative: wp_mail() takes one body, so the plain-text part and the Message-ID are
 * given to PHPMailer on `phpmailer_init`, for this message only.
 *
 * @phpstan-import-type Mail from Notice_Mail
 */
final class Mailer {

	/**
	 * Sends a message.
	 *
	 * @param Mail $mail The message.
	 * @return string '' when the server took it, else why not.
	 */
	public static function send( array $mail ): string {
		$error  = '';
		$parts  = static function ( $phpmailer ) use ( $mail ): void {
			// phpcs:disable WordPress.NamingConventions.ValidVariableName.UsedPropertyNotSnakeCase -- PHPMailer's own properties.
			$phpmailer->AltBody   = $mail['text'];
			$phpmailer->MessageID = $mail['messageId'];
			// phpcs:enable
		};
		$failed = static function ( \WP_Error $wp_error ) use ( &$error ): void {
			$error = $wp_error->get_error_message();
		};
		add_action( 'phpmailer_init', $parts );
		add_action( 'wp_mail_failed', $failed );
		try {
			$sent = wp_mail( $mail['to'], $mail['subject'], $mail['html'], array_merge( array( 'Content-Type: text/html; charset=UTF-8' ), $mail['headers'] ) );
		} finally {
			remove_action( 'phpmailer_init', $parts );
			remove_action( 'wp_mail_failed', $failed );
		}
		if ( $sent ) {
			return '';
		}
		return '' === $error ? __( 'WordPress could not send the e-mail.', 'infosec-policy' ) : $error;
	}
}

<?php
/**
 * WP-CLI: wp infosec-policy tls check|https.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Tls\Https_Facts;
use InfosecPolicy\Tls\Tls_Results;
use InfosecPolicy\Tls\Tls_Status;

defined( 'ABSPATH' ) || exit;

/**
 * Checks the TLS certificates the hosts of the policy serve.
 */
final class Tls_Command extends Command {

	/**
	 * Checks the certificate each host the policy names serves now, and stores the results.
	 *
	 * The check that WP-Cron runs twice a day and "Check now" runs in the settings: the site's host and every processor's, each through the same guard (no internal addresses, WordPress's WP_HTTP_BLOCK_EXTERNAL honoured). A host that cannot be reached keeps its last answer, marked as from an earlier check. Prints host, status, issuer, expiry and why a check failed. When the site's own host is checked, its HTTPS facts are checked too (plain HTTP redirected or not, HSTS, the TLS versions it accepts); `wp infosec-policy tls https` prints them.
	 *
	 * ## OPTIONS
	 *
	 * [<host>]
	 * : Check only this host; it must be one the policy names.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the checks ran, whatever they found: an expired, untrusted or mismatched certificate, or a host that does not answer, is a finding about the policy (see `wp infosec-policy findings`), not a failure of the command; a warning counts the certificates that fail. 1 when
	 * <host> is not a host the policy names, or when the checks are turned off (filter infosec_policy_tls_checks_enabled).
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy tls check
	 *
	 *     $ wp infosec-policy tls check www.example.com
	 *
	 * @param list<string>         $args       The host, if any.
	 * @param array<string, mixed> $assoc_args None.
	 */
	public function check( array $args, array $assoc_args ): void {
		if ( ! Tls_Results::enabled() ) {
			self::fail( __( 'The certificate checks are turned off on this site (filter infosec_policy_tls_checks_enabled); nothing was checked.', 'infosec-policy' ) );
		}
		$known = Tls_Results::hosts();
		$hosts = $known;
		if ( isset( $args[0] ) ) {
			$host = strtolower( trim( $args[0] ) );
			if ( ! in_array( $host, $known, true ) ) {
				/* translators: 1: a host name, 2: the host names the policy names, e.g. "example.com, mailchimp.com". */
				self::fail( sprintf( __( '%1$s is not a host the policy names. It names: %2$s.', 'infosec-policy' ), $args[0], implode( ', ', $known ) ) );
			}
			$hosts = array( $host );
		}
		Tls_Results::check( $hosts );

		$rows    = array();
		$failing = 0;
		foreach ( Tls_Results::report() as $result ) {
			if ( in_array( $result['host'], $hosts, true ) ) {
				$rows[]   = self::row( $result );
				$failing += in_array( $result['status'] ?? '', Tls_Status::FAILING, true ) ? 1 : 0;
			}
		}
		\WP_CLI\Utils\format_items( 'table', $rows, array( 'host', 'status', 'issuer', 'valid until', 'reason' ) );
		if ( $failing > 0 ) {
			/* translators: %d: how many hosts. */
			\WP_CLI::warning( sprintf( _n( '%d host serves a certificate that browsers refuse; see wp infosec-policy findings.', '%d hosts serve a certificate that browsers refuse; see wp infosec-policy findings.', $failing, 'infosec-policy' ), $failing ) );
		}
	}

	/**
	 * Prints the site's HTTPS facts as the last check found them.
	 *
	 * How the site's host answered http:// and https:// when WP-Cron, "Check now" or `wp infosec-policy tls check` last checked it: whether plain HTTP is sent on to HTTPS, the HSTS header, and which TLS versions it accepts. Reads the stored facts; connects nowhere.
	 *
	 * ## OPTIONS
	 *
	 * [--format=<format>]
	 * : `text` prints the sentences the website facts block shows; `json` the stored facts, for scripts.
	 * ---
	 * default: text
	 * options:
	 *   - text
	 *   - json
	 * ---
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when facts were printed; 1 when the site's host has not been checked yet.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy tls https
	 *
	 *     $ wp infosec-policy tls https --format=json
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The format.
	 */
	public function https( array $args, array $assoc_args ): void {
		$facts = Https_Facts::get();
		if ( null === $facts ) {
			self::fail( __( 'The website has not been checked yet; run wp infosec-policy tls check.', 'infosec-policy' ) );
		}
		if ( 'json' === ( $assoc_args['format'] ?? 'text' ) ) {
			\WP_CLI::line( (string) wp_json_encode( $facts, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) );
			return;
		}
		$sentences = Https_Facts::sentences( $facts );
		if ( array() === $sentences ) {
			$errors = is_array( $facts['errors'] ?? null ) ? $facts['errors'] : array();
			/* translators: %s: why, e.g. "Connection refused". */
			self::fail( sprintf( __( 'The last check could not reach the website: %s', 'infosec-policy' ), implode( '; ', array_map( 'strval', $errors ) ) ) );
		}
		foreach ( $sentences as $sentence ) {
			\WP_CLI::line( $sentence );
		}
	}

	/**
	 * A stored result as a row of the table.
	 *
	 * @param array<string, mixed> $result A host's result from Tls_Results::report().
	 * @return array<string, string>
	 */
	private static function row( array $result ): array {
		$status   = self::status( (string) ( $result['status'] ?? 'unchecked' ) );
		$reason   = (string) ( $result['error'] ?? '' );
		$failure  = is_array( $result['lastFailure'] ?? null ) ? $result['lastFailure'] : null;
		$valid_to = (int) ( $result['validTo'] ?? 0 );
		if ( true === ( $result['stale'] ?? false ) && null !== $failure ) {
			/* translators: 1: the status an earlier check found, e.g. "Valid (valid)", 2: what this check found, e.g. "Host unreachable (unreachable)". */
			$status = sprintf( __( '%1$s, from an earlier check; now %2$s', 'infosec-policy' ), $status, self::status( (string) ( $failure['status'] ?? '' ) ) );
			$reason = (string) ( $failure['error'] ?? '' );
		}
		return array(
			'host'        => (string) $result['host'],
			'status'      => $status,
			'issuer'      => Tls_Status::issuer_text( $result ),
			'valid until' => $valid_to > 0 ? gmdate( 'c', $valid_to ) : '',
			// OpenSSL's messages span lines; a row of the table must not.
			'reason'      => trim( (string) preg_replace( '/\s+/', ' ', $reason ) ),
		);
	}

	/**
	 * A status in words with its code, which scripts and the REST API use: "Valid (valid)".
	 *
	 * @param string $status One of Tls_Status::ALL.
	 */
	private static function status( string $status ): string {
		/* translators: 1: a certificate's status in words, e.g. "Expires soon", 2: its code, e.g. "expiring". */
		return sprintf( _x( '%1$s (%2$s)', 'a certificate status and its code', 'infosec-policy' ), Tls_Status::text( $status ), $status );
	}
}

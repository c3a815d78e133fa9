<?php
/**
 * WP-CLI: wp infosec-policy subscribers list|import|remove|queue|send.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Cli;

use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Subscribers\Subscriptions;
use WP_CLI\Utils;

defined( 'ABSPATH' ) || exit;

/**
 * Keeps the list of people told by e-mail of each published change, and its queue of messages.
 *
 * @phpstan-import-type Subscriber from Subscribers
 */
final class Subscribers_Command extends Command {

	/**
	 * Lists the subscribers, newest first.
	 *
	 * ## OPTIONS
	 *
	 * [--status=<status>]
	 * : Only confirmed or only pending addresses.
	 * ---
	 * options:
	 *   - confirmed
	 *   - pending
	 * ---
	 *
	 * [--format=<format>]
	 * : How to print them.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 *   - csv
	 *   - count
	 * ---
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy subscribers list --status=pending
	 *
	 * @subcommand list
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function list_( array $args, array $assoc_args ): void {
		$format = (string) Utils\get_flag_value( $assoc_args, 'format', 'table' );
		$status = (string) Utils\get_flag_value( $assoc_args, 'status', '' );
		$rows   = array();
		foreach ( Subscribers::each() as $subscriber ) {
			if ( '' === $status || $status === $subscriber['status'] ) {
				$rows[] = self::row( $subscriber );
			}
		}
		$rows = array_reverse( $rows );
		if ( 'table' === $format && array() === $rows ) {
			\WP_CLI::success( __( 'There are no subscribers.', 'infosec-policy' ) );
			return;
		}
		Utils\format_items( $format, $rows, array( 'id', 'email', 'status', 'locale', 'requested_at', 'confirmed_at', 'consent_source' ) );
	}

	/**
	 * Adds the addresses of a CSV file (an audience export) or of a text file with one address a line.
	 *
	 * Without --consented-elsewhere, each new address is sent a confirmation request and counts only once its owner confirms. With it, you state that the owners consented elsewhere, and where: the addresses are confirmed at once, and your statement is kept as their consent's source. Addresses already on the list stay as they are. One address that is not one stops the whole import, and so does a file of more than 5,000 addresses: split it. The addresses are written all or none.
	 *
	 * ## OPTIONS
	 *
	 * <file>
	 * : The file, or - for standard input.
	 *
	 * [--consented-elsewhere=<source>]
	 * : Where the owners consented, e.g. "Newsletter sign-up form, 2025".
	 *
	 * [--locale=<locale>]
	 * : The language of their e-mails. Default: the site's.
	 *
	 * ## EXIT STATUS
	 *
	 * 0 when the addresses were added; 1 when the file cannot be read, holds something that is not an address, or holds more than 5,000.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy subscribers import audience.csv
	 *     $ wp infosec-policy subscribers import customers.csv --consented-elsewhere="Customer portal opt-in"
	 *
	 * @param list<string>         $args       The file.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function import( array $args, array $assoc_args ): void {
		$file = $args[0] ?? '-';
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file or standard input named by the administrator at the command line.
		$text = '-' === $file ? stream_get_contents( STDIN ) : ( is_readable( $file ) ? file_get_contents( $file ) : false );
		if ( false === $text ) {
			/* translators: %s: a file name. */
			self::fail( sprintf( __( 'Cannot read %s.', 'infosec-policy' ), $file ) );
		}
		$consent = Utils\get_flag_value( $assoc_args, 'consented-elsewhere', '' );
		$locale  = Utils\get_flag_value( $assoc_args, 'locale', get_locale() );
		if ( ! is_string( $consent ) || ( array_key_exists( 'consented-elsewhere', $assoc_args ) && '' === trim( $consent ) ) ) {
			self::fail( __( '--consented-elsewhere needs a value: where the owners of the addresses consented.', 'infosec-policy' ) );
		}
		$report = Subscriptions::import( Subscriptions::addresses_from_csv( (string) $text ), trim( $consent ), is_string( $locale ) ? $locale : '', 'file' );
		if ( is_wp_error( $report ) ) {
			$data = $report->get_error_data();
			self::fail( is_array( $data ) && is_array( $data['params'] ?? null ) ? implode( "\n", array_map( 'strval', $data['params'] ) ) : $report->get_error_message() );
		}
		\WP_CLI::success(
			sprintf(
				/* translators: 1: addresses added, 2: of which confirmed, 3: of which sent a confirmation request, 4: addresses already on the list. */
				__( 'Added %1$d (%2$d confirmed, %3$d sent a confirmation request); %4$d already on the list.', 'infosec-policy' ),
				$report['added'],
				$report['confirmed'],
				$report['pending'],
				$report['unchanged']
			)
		);
	}

	/**
	 * Removes subscribers, by address or id, with every message still waiting for them.
	 *
	 * ## OPTIONS
	 *
	 * <subscriber>...
	 * : Addresses or ids.
	 *
	 * ## EXAMPLES
	 *
	 *     $ wp infosec-policy subscribers remove someone@example.com
	 *
	 * @param list<string>         $args       Addresses or ids.
	 * @param array<string, mixed> $assoc_args None.
	 */
	public function remove( array $args, array $assoc_args ): void {
		$missing = array();
		foreach ( $args as $arg ) {
			$address    = Subscribers::normalize( $arg );
			$subscriber = null !== $address ? Subscribers::find( $address ) : ( ctype_digit( $arg ) ? Subscribers::get( (int) $arg ) : null );
			if ( null === $subscriber || ! Subscribers::remove( $subscriber['id'] ) ) {
				$missing[] = $arg;
			}
		}
		if ( array() !== $missing ) {
			/* translators: %s: addresses or ids, separated by commas. */
			self::fail( sprintf( __( 'Not on the list: %s', 'infosec-policy' ), implode( ', ', $missing ) ) );
		}
		/* translators: %d: a number of subscribers. */
		\WP_CLI::success( sprintf( _n( 'Removed %d subscriber.', 'Removed %d subscribers.', count( $args ), 'infosec-policy' ), count( $args ) ) );
	}

	/**
	 * Shows the queue of e-mails: waiting, being sent, sent, failed (to be tried again) and out of attempts.
	 *
	 * ## OPTIONS
	 *
	 * [--retry]
	 * : Put the messages that ran out of attempts back in the queue.
	 *
	 * [--format=<format>]
	 * : How to print it.
	 * ---
	 * default: table
	 * options:
	 *   - table
	 *   - json
	 * ---
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function queue( array $args, array $assoc_args ): void {
		if ( self::switch_on( $assoc_args, 'retry' ) ) {
			$retried = Delivery_Queue::retry_failed();
			/* translators: %d: a number of e-mails. */
			\WP_CLI::log( sprintf( _n( '%d e-mail is back in the queue.', '%d e-mails are back in the queue.', $retried, 'infosec-policy' ), $retried ) );
		}
		$counts = Delivery_Queue::counts() + Subscribers::counts();
		if ( 'json' === Utils\get_flag_value( $assoc_args, 'format', 'table' ) ) {
			\WP_CLI::line( (string) wp_json_encode( $counts ) );
			return;
		}
		$labels = array(
			'confirmed' => __( 'Confirmed subscribers', 'infosec-policy' ),
			'pending'   => __( 'Pending subscribers', 'infosec-policy' ),
			'notices'   => __( 'Changes not yet addressed', 'infosec-policy' ),
			'waiting'   => __( 'E-mails waiting', 'infosec-policy' ),
			'sending'   => __( 'E-mails being sent', 'infosec-policy' ),
			'sent'      => __( 'E-mails sent', 'infosec-policy' ),
			'failed'    => __( 'E-mails failed, to be tried again', 'infosec-policy' ),
			'gaveUp'    => __( 'E-mails out of attempts', 'infosec-policy' ),
		);
		$rows   = array();
		foreach ( $labels as $key => $label ) {
			$rows[] = array(
				'what'  => $label,
				'count' => $counts[ $key ],
			);
		}
		Utils\format_items( 'table', $rows, array( 'what', 'count' ) );
	}

	/**
	 * Sends the e-mails that are due now, as WP-Cron would, until none is due or the time is up.
	 *
	 * ## OPTIONS
	 *
	 * [--seconds=<seconds>]
	 * : The time budget.
	 * ---
	 * default: 60
	 * ---
	 *
	 * [--limit=<n>]
	 * : Send at most this many.
	 *
	 * @param list<string>         $args       None.
	 * @param array<string, mixed> $assoc_args The options.
	 */
	public function send( array $args, array $assoc_args ): void {
		$seconds = self::whole_number( $assoc_args, 'seconds', 1 ) ?? 60;
		$limit   = self::whole_number( $assoc_args, 'limit', 1 ) ?? PHP_INT_MAX;
		$started = microtime( true );
		$report  = Notice_Sender::run( (float) $seconds, $limit );
		Notice_Sender::reschedule();
		\WP_CLI::success(
			sprintf(
				/* translators: 1: e-mails sent, 2: failed, 3: no longer to be sent, 4: seconds, 5: peak memory in MB. */
				__( 'Sent %1$d, failed %2$d, skipped %3$d in %4$.1f s (peak memory %5$.1f MB).', 'infosec-policy' ),
				$report['sent'],
				$report['failed'],
				$report['skipped'],
				microtime( true ) - $started,
				$report['peakMemory'] / 1048576
			)
		);
	}

	/**
	 * A subscriber as a row.
	 *
	 * @param Subscriber $subscriber The subscriber.
	 * @return array<string, mixed>
	 */
	private static function row( array $subscriber ): array {
		return array(
			'id'             => $subscriber['id'],
			'email'          => $subscriber['email'],
			'status'         => $subscriber['status'],
			'locale'         => $subscriber['locale'],
			'requested_at'   => gmdate( 'c', $subscriber['requestedAt'] ),
			'confirmed_at'   => null === $subscriber['confirmedAt'] ? '' : gmdate( 'c', $subscriber['confirmedAt'] ),
			'consent_source' => $subscriber['consentSource'],
		);
	}
}

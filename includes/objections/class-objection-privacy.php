<?php
/**
 * Objections in WordPress's personal data tools.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Objections;

use InfosecPolicy\Subscribers\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Tools → Export Personal Data and Erase Personal Data: every objection an address made, with the
 * organisation's answer. Erasing removes them; the change log keeps no customer's data.
 */
final class Objection_Privacy {

	private const ID = 'infosec-policy-objections';

	/**
	 * Registers the exporter. Filters `wp_privacy_personal_data_exporters`.
	 *
	 * @param array<string, array<string, mixed>> $exporters The exporters.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_exporter( array $exporters ): array {
		$exporters[ self::ID ] = array(
			'exporter_friendly_name' => __( 'Information security statement: objections to processors', 'infosec-policy' ),
			'callback'               => array( self::class, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Registers the eraser. Filters `wp_privacy_personal_data_erasers`.
	 *
	 * @param array<string, array<string, mixed>> $erasers The erasers.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_eraser( array $erasers ): array {
		$erasers[ self::ID ] = array(
			'eraser_friendly_name' => __( 'Information security statement: objections to processors', 'infosec-policy' ),
			'callback'             => array( self::class, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * The objections of an address, one item each.
	 *
	 * @param string $email The address.
	 * @return array{ data: list<array<string, mixed>>, done: bool }
	 */
	public static function export( string $email ): array {
		$address = Subscribers::normalize( $email );
		$format  = (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' );
		$items   = array();
		foreach ( null === $address ? array() : Objections::of( $address ) as $objection ) {
			$items[] = array(
				'group_id'    => self::ID,
				'group_label' => __( 'Objections to processors', 'infosec-policy' ),
				'item_id'     => 'infosec-policy-objection-' . $objection['id'],
				'data'        => array(
					array(
						'name'  => __( 'Processor', 'infosec-policy' ),
						'value' => $objection['processorName'],
					),
					array(
						'name'  => __( 'E-mail address', 'infosec-policy' ),
						'value' => $objection['email'],
					),
					array(
						'name'  => __( 'Organisation', 'infosec-policy' ),
						'value' => $objection['organization'],
					),
					array(
						'name'  => __( 'Name', 'infosec-policy' ),
						'value' => $objection['name'],
					),
					array(
						'name'  => __( 'Reason', 'infosec-policy' ),
						'value' => $objection['reason'],
					),
					array(
						'name'  => __( 'Status', 'infosec-policy' ),
						'value' => self::status( $objection['status'] ),
					),
					array(
						'name'  => __( 'Answer', 'infosec-policy' ),
						'value' => $objection['note'],
					),
					array(
						'name'  => __( 'Made on', 'infosec-policy' ),
						'value' => (string) wp_date( $format, $objection['createdAt'] ),
					),
					array(
						'name'  => __( 'Last changed on', 'infosec-policy' ),
						'value' => (string) wp_date( $format, $objection['updatedAt'] ),
					),
				),
			);
		}
		return array(
			'data' => $items,
			'done' => true,
		);
	}

	/**
	 * Removes every objection of an address.
	 *
	 * @param string $email The address.
	 * @return array{ items_removed: bool, items_retained: bool, messages: list<string>, done: bool }
	 */
	public static function erase( string $email ): array {
		$address = Subscribers::normalize( $email );
		return array(
			'items_removed'  => null !== $address && Objections::forget( $address ) > 0,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
	}

	/**
	 * An objection's status in words.
	 *
	 * @param string $status `open`, `answered`, `withdrawn` or `requested`.
	 */
	public static function status( string $status ): string {
		return match ( $status ) {
			'answered'  => __( 'Answered', 'infosec-policy' ),
			'withdrawn' => __( 'Withdrawn', 'infosec-policy' ),
			'requested' => __( 'A link to object was sent; no objection was made', 'infosec-policy' ),
			default     => __( 'Open', 'infosec-policy' ),
		};
	}
}

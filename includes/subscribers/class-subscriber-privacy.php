<?php
/**
 * Subscribers in WordPress's personal data tools.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Subscribers;

defined( 'ABSPATH' ) || exit;

/**
 * Tools → Export Personal Data and Erase Personal Data: what the plugin keeps of an address is its
 * subscriber row, and the record of the messages sent to it.
 */
final class Subscriber_Privacy {

	/**
	 * Registers the exporter. Filters `wp_privacy_personal_data_exporters`.
	 *
	 * @param array<string, array<string, mixed>> $exporters The exporters.
	 * @return array<string, array<string, mixed>>
	 */
	public static function register_exporter( array $exporters ): array {
		$exporters['infosec-policy-subscribers'] = array(
			'exporter_friendly_name' => __( 'Information security statement: e-mail subscription', 'infosec-policy' ),
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
		$erasers['infosec-policy-subscribers'] = array(
			'eraser_friendly_name' => __( 'Information security statement: e-mail subscription', 'infosec-policy' ),
			'callback'             => array( self::class, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * The subscription of an address, as the exporter reports it.
	 *
	 * @param string $email The address.
	 * @return array{ data: list<array<string, mixed>>, done: bool }
	 */
	public static function export( string $email ): array {
		$address    = Subscribers::normalize( $email );
		$subscriber = null === $address ? null : Subscribers::find( $address );
		if ( null === $subscriber ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}
		$format = (string) get_option( 'date_format' ) . ' ' . (string) get_option( 'time_format' );
		$data   = array(
			array(
				'name'  => __( 'E-mail address', 'infosec-policy' ),
				'value' => $subscriber['email'],
			),
			array(
				'name'  => __( 'Status', 'infosec-policy' ),
				'value' => 'confirmed' === $subscriber['status'] ? __( 'Confirmed', 'infosec-policy' ) : __( 'Waiting for confirmation', 'infosec-policy' ),
			),
			array(
				'name'  => __( 'Language', 'infosec-policy' ),
				'value' => $subscriber['locale'],
			),
			array(
				'name'  => __( 'Asked for on', 'infosec-policy' ),
				'value' => (string) wp_date( $format, $subscriber['requestedAt'] ),
			),
			array(
				'name'  => __( 'Confirmed on', 'infosec-policy' ),
				'value' => null === $subscriber['confirmedAt'] ? '' : (string) wp_date( $format, $subscriber['confirmedAt'] ),
			),
			array(
				'name'  => __( 'Source of consent', 'infosec-policy' ),
				'value' => $subscriber['consentSource'],
			),
		);
		return array(
			'data' => array(
				array(
					'group_id'    => 'infosec-policy-subscription',
					'group_label' => __( 'E-mail notices of the information security statement', 'infosec-policy' ),
					'item_id'     => 'infosec-policy-subscriber-' . $subscriber['id'],
					'data'        => $data,
				),
			),
			'done' => true,
		);
	}

	/**
	 * Removes the subscription of an address, every record of messages to it, and any request
	 * for it still waiting to be handled.
	 *
	 * @param string $email The address.
	 * @return array{ items_removed: bool, items_retained: bool, messages: list<string>, done: bool }
	 */
	public static function erase( string $email ): array {
		$address    = Subscribers::normalize( $email );
		$subscriber = null === $address ? null : Subscribers::find( $address );
		$waiting    = null === $address ? 0 : Subscription_Requests::forget( $address );
		return array(
			'items_removed'  => ( null !== $subscriber && Subscribers::remove( $subscriber['id'], true ) ) || $waiting > 0,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
	}
}

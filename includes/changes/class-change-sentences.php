<?php
/**
 * The change log's items in words.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Transfer_Bases;

defined( 'ABSPATH' ) || exit;

/**
 * Words a change log item as a sentence in the current language: "Added processor Mailchimp
 * (Newsletter, United States)", "Changed data locations of Google Analytics from United States to
 * Ireland". Plain text: whoever prints a sentence escapes it there.
 *
 * @phpstan-import-type Item from Change_Items
 */
final class Change_Sentences {

	/**
	 * Items as sentences, in their order.
	 *
	 * @param list<Item> $items Change log items.
	 * @return list<string>
	 */
	public static function sentences( array $items ): array {
		return array_map( array( self::class, 'sentence' ), $items );
	}

	/**
	 * An item as a sentence.
	 *
	 * @param Item $item A change log item.
	 */
	public static function sentence( array $item ): string {
		$name = $item['name'] ?? '';
		return match ( $item['op'] ) {
			'added'     => self::added( $item['subject'], $name, $item['details'] ?? array() ),
			'removed'   => 'processor' === $item['subject']
				/* translators: %s: a processor's name. */
				? sprintf( __( 'Removed processor %s', 'infosec-policy' ), $name )
				/* translators: %s: a security measure's title. */
				: sprintf( __( 'Removed measure %s', 'infosec-policy' ), $name ),
			'reordered' => 'processor' === $item['subject']
				? __( 'Changed the order of the processors', 'infosec-policy' )
				: __( 'Changed the order of the measures', 'infosec-policy' ),
			default     => self::changed( $item ),
		};
	}

	/**
	 * An added entry, with what a reader wants to know about it.
	 *
	 * @param string                $subject `processor` or `measure`.
	 * @param string                $name    Its name or title.
	 * @param array<string, string> $details Role, country, effective date or category.
	 */
	private static function added( string $subject, string $name, array $details ): string {
		if ( 'measure' === $subject ) {
			$category = $details['category'] ?? '';
			return 'technical' === $category
				/* translators: %s: a security measure's title. */
				? sprintf( __( 'Added technical measure %s', 'infosec-policy' ), $name )
				/* translators: %s: a security measure's title. */
				: sprintf( __( 'Added organisational measure %s', 'infosec-policy' ), $name );
		}
		$about = array_filter( array( $details['role'] ?? '', Countries::name( $details['country'] ?? '' ) ), static fn( string $part ): bool => '' !== $part );
		$added = array() === $about
			/* translators: %s: a processor's name. */
			? sprintf( __( 'Added processor %s', 'infosec-policy' ), $name )
			/* translators: 1: a processor's name, 2: what it does and its country, e.g. "Newsletter, United States". */
			: sprintf( __( 'Added processor %1$s (%2$s)', 'infosec-policy' ), $name, implode( wp_get_list_item_separator(), $about ) );
		if ( '' === ( $details['effectiveFrom'] ?? '' ) ) {
			return $added;
		}
		/* translators: 1: "Added processor X (…)", 2: the date from which it handles data. */
		return sprintf( __( '%1$s, in use from %2$s', 'infosec-policy' ), $added, self::date( $details['effectiveFrom'] ) );
	}

	/**
	 * A changed field. One whole sentence per kind of subject, so that a translation can order and
	 * inflect it as its language needs.
	 *
	 * @param Item $item A `changed` item.
	 */
	private static function changed( array $item ): string {
		$field = $item['field'] ?? '';
		$label = self::field_label( $field );
		$name  = $item['name'] ?? '';
		if ( ! array_key_exists( 'to', $item ) ) {
			return match ( $item['subject'] ) {
				/* translators: 1: a field, e.g. "description", 2: a processor's name. */
				'processor'    => sprintf( __( 'Changed the %1$s of processor %2$s', 'infosec-policy' ), $label, $name ),
				/* translators: 1: a field, e.g. "description", 2: a security measure's title. */
				'measure'      => sprintf( __( 'Changed the %1$s of measure %2$s', 'infosec-policy' ), $label, $name ),
				/* translators: %s: a field, e.g. "description". */
				'organization' => sprintf( __( 'Changed the %s of the organisation', 'infosec-policy' ), $label ),
				/* translators: %s: a field, e.g. "description". */
				default        => sprintf( __( 'Changed the %s of the website', 'infosec-policy' ), $label ),
			};
		}
		$from = self::value( $field, $item['from'] ?? null );
		$to   = self::value( $field, $item['to'] );
		return match ( $item['subject'] ) {
			/* translators: 1: a field, e.g. "data locations", 2: a processor's name, 3: the old value, 4: the new value. */
			'processor'    => sprintf( __( 'Changed the %1$s of processor %2$s from %3$s to %4$s', 'infosec-policy' ), $label, $name, $from, $to ),
			/* translators: 1: a field, e.g. "title", 2: a security measure's title, 3: the old value, 4: the new value. */
			'measure'      => sprintf( __( 'Changed the %1$s of measure %2$s from %3$s to %4$s', 'infosec-policy' ), $label, $name, $from, $to ),
			/* translators: 1: a field, e.g. "e-mail address", 2: the old value, 3: the new value. */
			'organization' => sprintf( __( 'Changed the %1$s of the organisation from %2$s to %3$s', 'infosec-policy' ), $label, $from, $to ),
			/* translators: 1: a field, e.g. "host name", 2: the old value, 3: the new value. */
			default        => sprintf( __( 'Changed the %1$s of the website from %2$s to %3$s', 'infosec-policy' ), $label, $from, $to ),
		};
	}

	/**
	 * A field's name in words.
	 *
	 * @param string $field A field of the data contract.
	 */
	private static function field_label( string $field ): string {
		return match ( $field ) {
			'role'              => __( 'service', 'infosec-policy' ),
			'name'              => __( 'name', 'infosec-policy' ),
			'legalEntity'       => __( 'legal entity', 'infosec-policy' ),
			'description'       => __( 'description', 'infosec-policy' ),
			'country'           => __( 'country', 'infosec-policy' ),
			'dataLocations'     => __( 'data locations', 'infosec-policy' ),
			'transferBasis'     => __( 'legal basis for transfer', 'infosec-policy' ),
			'dpaSigned'         => __( 'processing agreement', 'infosec-policy' ),
			'dpaDate'           => __( 'processing agreement date', 'infosec-policy' ),
			'dpfListingUrl'     => __( 'Data Privacy Framework listing', 'infosec-policy' ),
			'effectiveFrom'     => __( 'start date', 'infosec-policy' ),
			'securityUrl'       => __( 'security page', 'infosec-policy' ),
			'host'              => __( 'host name', 'infosec-policy' ),
			'tlsIssuerDeclared' => __( 'declared certificate issuer', 'infosec-policy' ),
			'firewall'          => __( 'firewall', 'infosec-policy' ),
			'certifications'    => __( 'certifications', 'infosec-policy' ),
			'title'             => __( 'title', 'infosec-policy' ),
			'category'          => __( 'category', 'infosec-policy' ),
			'email'             => __( 'e-mail address', 'infosec-policy' ),
			'website'           => __( 'website', 'infosec-policy' ),
			'standards'         => __( 'standards', 'infosec-policy' ),
			'reviewedAt'        => __( 'review date', 'infosec-policy' ),
			'firewallPorts'     => __( 'open firewall ports', 'infosec-policy' ),
			default             => $field,
		};
	}

	/**
	 * A field's value in words: countries by name, bases and categories by label, dates in the
	 * site's format, lists joined, texts in quotes, and "none" for nothing.
	 *
	 * @param string $field The field.
	 * @param mixed  $value Its value.
	 */
	private static function value( string $field, mixed $value ): string {
		if ( null === $value || '' === $value || array() === $value ) {
			return __( 'none', 'infosec-policy' );
		}
		if ( is_bool( $value ) ) {
			if ( 'dpaSigned' === $field ) {
				return $value ? __( 'signed', 'infosec-policy' ) : __( 'not signed', 'infosec-policy' );
			}
			return $value ? __( 'yes', 'infosec-policy' ) : __( 'no', 'infosec-policy' );
		}
		if ( is_array( $value ) ) {
			$parts = array_map( static fn( mixed $part ): string => self::list_part( $field, $part ), $value );
			return implode( wp_get_list_item_separator(), $parts );
		}
		$text = is_scalar( $value ) ? (string) $value : '';
		return match ( $field ) {
			'country'                               => Countries::name( $text ),
			'transferBasis'                         => Transfer_Bases::label( $text ),
			'category'                              => 'technical' === $text ? __( 'technical', 'infosec-policy' ) : __( 'organisational', 'infosec-policy' ),
			'dpaDate', 'reviewedAt', 'effectiveFrom' => self::date( $text ),
			/* translators: %s: a value someone typed. */
			default                                 => sprintf( __( '“%s”', 'infosec-policy' ), $text ),
		};
	}

	/**
	 * One element of a list value: a country, a port, a certification or a standard.
	 *
	 * @param string $field The list's field.
	 * @param mixed  $part  The element.
	 */
	private static function list_part( string $field, mixed $part ): string {
		if ( is_array( $part ) ) {
			$name   = is_string( $part['name'] ?? null ) ? $part['name'] : '';
			$status = is_string( $part['status'] ?? null ) ? $part['status'] : '';
			/* translators: 1: a standard, e.g. "ISO 27001", 2: certified, aligned or considered. */
			return sprintf( __( '%1$s (%2$s)', 'infosec-policy' ), $name, self::standard_status( $status ) );
		}
		$text = is_scalar( $part ) ? (string) $part : '';
		return in_array( $field, array( 'dataLocations' ), true ) ? Countries::name( $text ) : $text;
	}

	/**
	 * A standard's status in words.
	 *
	 * @param string $status `certified`, `aligned` or `considered`.
	 */
	private static function standard_status( string $status ): string {
		return match ( $status ) {
			'certified' => __( 'certified', 'infosec-policy' ),
			'aligned'   => __( 'aligned', 'infosec-policy' ),
			default     => __( 'considered', 'infosec-policy' ),
		};
	}

	/**
	 * A YYYY-MM-DD date in the site's date format.
	 *
	 * @param string $date The date.
	 */
	public static function date( string $date ): string {
		return (string) mysql2date( (string) get_option( 'date_format' ), $date );
	}
}

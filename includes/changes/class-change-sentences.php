<?php
/**
 * The change log's items in words.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Store;
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

	/** The yes/no fields, which may be absent from an older document: absent is "no". */
	private const YES_NO_FIELDS = array( 'dpaSigned', 'firewall', 'publishFirewallPorts', 'securityTxt' );

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
		if ( isset( $item['language'] ) ) {
			return self::translated( $item, $name, $item['language'] );
		}
		return match ( $item['op'] ) {
			'published' => __( 'First publication of this statement', 'infosec-policy' ),
			'added'     => self::added( $item['subject'], $name, $item['details'] ?? array() ),
			'removed'   => 'processor' === $item['subject']
				/* translators: %s: a processor's name. */
				? sprintf( __( 'Removed processor %s', 'infosec-policy' ), $name )
				/* translators: %s: a security measure's title. */
				: sprintf( __( 'Removed measure %s', 'infosec-policy' ), $name ),
			/* translators: %s: a processor's name. */
			'withdrawn' => sprintf( __( 'Withdrew the announcement of processor %s', 'infosec-policy' ), $name ),
			'reordered' => 'processor' === $item['subject']
				? __( 'Changed the order of the processors', 'infosec-policy' )
				: __( 'Changed the order of the measures', 'infosec-policy' ),
			default     => self::changed( $item ),
		};
	}

	/**
	 * A change to a translation: one added or removed whole, or an entry's translated texts.
	 *
	 * @param Item   $item     A change log item with a `language`.
	 * @param string $name     The processor's name or the measure's title.
	 * @param string $language The item's language.
	 */
	private static function translated( array $item, string $name, string $language ): string {
		$language = Page_Language::name( $language );
		return match ( $item['subject'] . '.' . $item['op'] ) {
			/* translators: %s: a language, such as "English". */
			'translation.added'   => sprintf( __( 'Added a translation of this statement into %s', 'infosec-policy' ), $language ),
			/* translators: %s: a language, such as "English". */
			'translation.removed' => sprintf( __( 'Removed the translation of this statement into %s', 'infosec-policy' ), $language ),
			/* translators: 1: a processor's name, 2: a language, such as "English". */
			'processor.changed'   => sprintf( __( 'Changed the translation of processor %1$s into %2$s', 'infosec-policy' ), $name, $language ),
			/* translators: 1: a security measure's title, 2: a language, such as "English". */
			default               => sprintf( __( 'Changed the translation of measure %1$s into %2$s', 'infosec-policy' ), $name, $language ),
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
		if ( '' !== ( $details['objectionDeadline'] ?? '' ) ) {
			return array() === $about
				/* translators: 1: a processor's name, 2: the date from which it handles data, the last day to object being the day before. */
				? sprintf( __( 'Announced processor %1$s, in use from %2$s; objections are taken until then', 'infosec-policy' ), $name, self::date( $details['objectionDeadline'] ) )
				/* translators: 1: a processor's name, 2: what it does and its country, e.g. "Newsletter, United States", 3: the date from which it handles data, the last day to object being the day before. */
				: sprintf( __( 'Announced processor %1$s (%2$s), in use from %3$s; objections are taken until then', 'infosec-policy' ), $name, implode( wp_get_list_item_separator(), $about ), self::date( $details['objectionDeadline'] ) );
		}
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
	 * A changed field, as one whole sentence per subject and field, so that a translation can order
	 * and inflect it as its language needs (Dutch: "het land", "de naam") without glued fragments.
	 *
	 * @param Item $item A `changed` item.
	 */
	private static function changed( array $item ): string {
		$field   = $item['field'] ?? '';
		$subject = $item['subject'];
		$name    = $item['name'] ?? '';
		$format  = array_key_exists( 'to', $item ) ? self::changed_format( $subject, $field ) : null;
		if ( null === $format ) {
			return self::changed_text( $subject, $field, $name );
		}
		$from = self::value( $field, $item['from'] ?? null );
		$to   = self::value( $field, $item['to'] );
		return in_array( $subject, array( 'processor', 'measure' ), true )
			? sprintf( $format, $name, $from, $to )
			: sprintf( $format, $from, $to );
	}

	/**
	 * A change told without its values: a long text, or a field this version has no sentence for
	 * (an entry written by another version).
	 *
	 * @param string $subject `processor`, `measure`, `organization` or `site`.
	 * @param string $field   The field.
	 * @param string $name    The processor's name or the measure's title.
	 */
	private static function changed_text( string $subject, string $field, string $name ): string {
		if ( 'description' === $field && 'processor' === $subject ) {
			/* translators: %s: a processor's name. */
			return sprintf( __( 'Changed the description of processor %s', 'infosec-policy' ), $name );
		}
		if ( 'purpose' === $field && 'processor' === $subject ) {
			/* translators: %s: a processor's name. */
			return sprintf( __( 'Changed the purpose of processor %s', 'infosec-policy' ), $name );
		}
		if ( 'description' === $field && 'measure' === $subject ) {
			/* translators: %s: a security measure's title. */
			return sprintf( __( 'Changed the description of measure %s', 'infosec-policy' ), $name );
		}
		return match ( $subject ) {
			/* translators: %s: a processor's name. */
			'processor'    => sprintf( __( 'Changed processor %s', 'infosec-policy' ), $name ),
			/* translators: %s: a security measure's title. */
			'measure'      => sprintf( __( 'Changed measure %s', 'infosec-policy' ), $name ),
			'organization' => __( 'Changed the organisation’s details', 'infosec-policy' ),
			default        => __( 'Changed the website’s details', 'infosec-policy' ),
		};
	}

	/**
	 * The sentence for a changed value, or null for a field without one. Processors and measures
	 * take 1: the processor's name or the measure's title, 2: the old value, 3: the new value; the
	 * organisation and the website take 1: the old value, 2: the new value.
	 *
	 * @param string $subject `processor`, `measure`, `organization` or `site`.
	 * @param string $field   The field.
	 */
	private static function changed_format( string $subject, string $field ): ?string {
		return match ( $subject . '.' . $field ) {
			/* translators: 1: a processor's name, 2: the old service, 3: the new service. */
			'processor.role'              => __( 'Changed the service of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's new name, 2: the old name, 3: the new name. */
			'processor.name'              => __( 'Changed the name of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old legal entity, 3: the new legal entity. */
			'processor.legalEntity'       => __( 'Changed the legal entity of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old country, 3: the new country. */
			'processor.country'           => __( 'Changed the country of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old data locations, 3: the new data locations. */
			'processor.dataLocations'     => __( 'Changed the data locations of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old legal basis, 3: the new legal basis. */
			'processor.transferBasis'     => __( 'Changed the legal basis for transfer of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: "signed" or "not signed" before, 3: the same now. */
			'processor.dpaSigned'         => __( 'Changed the processing agreement of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old date, 3: the new date. */
			'processor.dpaDate'           => __( 'Changed the processing agreement date of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old address, 3: the new address. */
			'processor.securityUrl'       => __( 'Changed the security page of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old address, 3: the new address. */
			'processor.dpfListingUrl'     => __( 'Changed the Data Privacy Framework listing of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old date, 3: the new date. */
			'processor.effectiveFrom'     => __( 'Changed the start date of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old host name, 3: the new host name. */
			'processor.host'              => __( 'Changed the host name of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old issuer, 3: the new issuer. */
			'processor.tlsIssuerDeclared' => __( 'Changed the declared certificate issuer of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: "yes" or "no" before, 3: the same now. */
			'processor.firewall'          => __( 'Changed the firewall of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old certifications, 3: the new certifications. */
			'processor.certifications'    => __( 'Changed the certifications of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old postal address, 3: the new postal address. */
			'processor.address'           => __( 'Changed the postal address of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old e-mail or web address, 3: the new one. */
			'processor.contactPoint'      => __( 'Changed the contact for personal data of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old categories of personal data, 3: the new ones. */
			'processor.dataCategories'    => __( 'Changed the categories of personal data of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old retention, 3: the new retention. */
			'processor.retention'         => __( 'Changed the retention of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: whom it worked for, 3: whom it works for now. */
			'processor.parentId'          => __( 'Changed whom processor %1$s works for from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a processor's name, 2: the old address, 3: the new address. */
			'processor.subprocessorsUrl'  => __( 'Changed the list of sub-processors of processor %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: the old notice period, e.g. "30 days", 2: the new one. */
			'organization.noticePeriodDays' => __( 'Changed the notice period for new processors from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: a security measure's title, 2: the old category, 3: the new category. */
			'measure.category'            => __( 'Changed the category of measure %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: a security measure's new title, 2: the old title, 3: the new title. */
			'measure.title'               => __( 'Changed the title of measure %1$s from %2$s to %3$s', 'infosec-policy' ),
			/* translators: 1: the old name, 2: the new name. */
			'organization.name'           => __( 'Changed the name of the organisation from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old e-mail address, 2: the new e-mail address. */
			'organization.email'          => __( 'Changed the e-mail address of the organisation from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old address, 2: the new address. */
			'organization.website'        => __( 'Changed the website of the organisation from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old country, 2: the new country. */
			'organization.country'        => __( 'Changed the country of the organisation from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old standards, e.g. "ISO 27001 (certified)", 2: the new standards. */
			'organization.standards'      => __( 'Changed the standards of the organisation from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old language, such as "Dutch", 2: the new language. */
			'organization.language'       => __( 'Changed the language of the statement’s texts from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old date, 2: the new date. */
			'organization.reviewedAt'     => __( 'Changed the review date of the policy from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old host name, 2: the new host name. */
			'site.host'                   => __( 'Changed the host name of the website from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old issuer, 2: the new issuer. */
			'site.tlsIssuerDeclared'      => __( 'Changed the declared certificate issuer of the website from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old ports, 2: the new ports. */
			'site.firewallPorts'          => __( 'Changed the open firewall ports of the website from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: the old data locations, 2: the new data locations. */
			'site.dataLocations'          => __( 'Changed the data locations of the website from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: "yes" or "no" before, 2: the same now. */
			'site.publishFirewallPorts'   => __( 'Changed whether the statement shows the open firewall ports from %1$s to %2$s', 'infosec-policy' ),
			/* translators: 1: "yes" or "no" before, 2: the same now. */
			'site.securityTxt'            => __( 'Changed whether the website serves security.txt from %1$s to %2$s', 'infosec-policy' ),
			default                       => null,
		};
	}

	/**
	 * A field's value in words: countries by name, bases and categories by label, dates in the
	 * site's format, lists joined, texts in quotes, yes or no, and "(empty)" for nothing.
	 *
	 * @param string $field The field.
	 * @param mixed  $value Its value.
	 */
	private static function value( string $field, mixed $value ): string {
		// A yes/no field that was not there yet was "no": "from yes to no", never "to none".
		if ( null === $value && in_array( $field, self::YES_NO_FIELDS, true ) ) {
			$value = false;
		}
		if ( 'noticePeriodDays' === $field ) {
			$days = is_int( $value ) ? $value : Policy_Store::NOTICE_PERIOD_DAYS;
			/* translators: %d: a number of days. */
			return sprintf( _n( '%d day', '%d days', $days, 'infosec-policy' ), $days );
		}
		if ( 'parentId' === $field && ( null === $value || '' === $value ) ) {
			/* translators: whom a processor works for, when it is one of the organisation's own. */
			return __( 'the organisation itself', 'infosec-policy' );
		}
		if ( null === $value || '' === $value || array() === $value ) {
			/* translators: a field that was or is now empty, as in "changed from (empty) to “Newsletter”". */
			return __( '(empty)', 'infosec-policy' );
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
			'language'                              => Page_Language::name( $text ),
			'dpaDate', 'reviewedAt', 'effectiveFrom' => self::date( $text ),
			/* translators: %s: a value someone typed. */
			default                                 => sprintf( __( '“%s”', 'infosec-policy' ), self::one_line( $text ) ),
		};
	}

	/**
	 * A typed value on one line: the lines of a text that has several (a postal address) joined
	 * with commas, so a log line stays one line in an e-mail or a feed title; any other text as
	 * typed, spaces and all.
	 *
	 * @param string $text A value.
	 */
	private static function one_line( string $text ): string {
		return 1 === preg_match( '/\R/u', $text ) ? (string) preg_replace( '/\s*\R\s*/u', ', ', trim( $text ) ) : $text;
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
			return sprintf( _x( '%1$s (%2$s)', 'a standard and its status', 'infosec-policy' ), $name, self::standard_status( $status ) );
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

<?php
/**
 * What a policy field is called in the settings page, and whose it is.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Turns an error's JSON path (`processors[1].host`) into words people read: the field's label, as
 * the settings page shows it ("Host name for the TLS check"), and the entry it belongs to, by its
 * name ("Mailchimp"), not by a position counted from zero. Each error keeps its `path` and `code`
 * for scripts and for the page's jump to the field.
 *
 * @phpstan-type FieldError array{ path: string, code: string, message: string }
 * @phpstan-type DescribedError array{ path: string, code: string, message: string, label: string, entry: string }
 */
final class Field_Labels {

	/**
	 * Each error with its field's label and its entry's name ('' where there is none).
	 *
	 * @param list<FieldError> $errors The validator's errors.
	 * @param mixed            $policy The document they are about.
	 * @return list<DescribedError>
	 */
	public static function describe( array $errors, mixed $policy ): array {
		return array_map(
			static fn( array $error ): array => $error + array(
				'label' => self::label( $error['path'] ),
				'entry' => self::entry( $error['path'], $policy ),
			),
			$errors
		);
	}

	/**
	 * The label of the field a path names, '' for one the settings page has no field for.
	 *
	 * @param string $path A JSON path such as `processors[1].host` or `organization.standards[0].name`.
	 */
	public static function label( string $path ): string {
		// A translated text: the original's label, and the language it is translated into.
		if ( 1 === preg_match( '/^translations\.([a-z]{2,3})(?:\.(.+))?$/D', $path, $translated ) ) {
			$label = self::label( $translated[2] ?? '' );
			$name  = Page_Language::name( $translated[1] );
			/* translators: 1: a field's label, such as "Title", 2: a language, such as "English". */
			return '' === $label ? sprintf( __( 'Translation into %s', 'infosec-policy' ), $name ) : sprintf( __( '%1$s in %2$s', 'infosec-policy' ), $label, $name );
		}
		preg_match_all( '/[A-Za-z]+/', $path, $parts );
		$names = $parts[0];
		$count = count( $names );
		if ( $count < 2 ) {
			return '';
		}
		return self::labels()[ $names[ $count - 2 ] . '.' . $names[ $count - 1 ] ] ?? '';
	}

	/**
	 * The name of the entry (processor, measure or standard) a path points into, as typed.
	 *
	 * @param string $path   A JSON path.
	 * @param mixed  $policy The document.
	 */
	public static function entry( string $path, mixed $policy ): string {
		if ( ! is_array( $policy ) ) {
			return '';
		}
		// A translated entry is named as its original: the entry of the same id.
		if ( 1 === preg_match( '/^translations\.([a-z]{2,3})\.(measures|processors)\[(\d+)\]/', $path, $translated ) ) {
			$id = $policy['translations'][ $translated[1] ][ $translated[2] ][ (int) $translated[3] ]['id'] ?? null;
			foreach ( is_array( $policy[ $translated[2] ] ?? null ) ? $policy[ $translated[2] ] : array() as $index => $entry ) {
				if ( is_string( $id ) && is_array( $entry ) && ( $entry['id'] ?? null ) === $id ) {
					return self::entry( $translated[2] . '[' . (int) $index . ']', $policy );
				}
			}
			return is_string( $id ) ? $id : '';
		}
		$lists = array(
			'processors'             => array( array( 'processors' ), 'name' ),
			'measures'               => array( array( 'measures' ), 'title' ),
			'organization.standards' => array( array( 'organization', 'standards' ), 'name' ),
		);
		foreach ( $lists as $prefix => $list_field ) {
			if ( 1 !== preg_match( '/^' . preg_quote( $prefix, '/' ) . '\[(\d+)\]/', $path, $match ) ) {
				continue;
			}
			$list = $policy;
			foreach ( $list_field[0] as $key ) {
				$list = is_array( $list ) ? ( $list[ $key ] ?? null ) : null;
			}
			$entry = is_array( $list ) ? ( $list[ (int) $match[1] ] ?? null ) : null;
			$name  = is_array( $entry ) && is_string( $entry[ $list_field[1] ] ?? null ) ? trim( $entry[ $list_field[1] ] ) : '';
			if ( '' !== $name ) {
				return $name;
			}
			$number = (int) $match[1] + 1;
			return match ( $prefix ) {
				/* translators: %d: a processor's position in the list, from 1. */
				'processors' => sprintf( __( 'Processor %d', 'infosec-policy' ), $number ),
				/* translators: %d: a measure's position in the list, from 1. */
				'measures'   => sprintf( __( 'Measure %d', 'infosec-policy' ), $number ),
				/* translators: %d: a standard's position in the list, from 1. */
				default      => sprintf( __( 'Standard %d', 'infosec-policy' ), $number ),
			};
		}
		return '';
	}

	/**
	 * The settings page's labels, by `scope.field`: the field and the object or list it is in.
	 *
	 * @return array<string, string>
	 */
	private static function labels(): array {
		return array(
			'organization.name'             => __( 'Organisation name', 'infosec-policy' ),
			'organization.email'            => __( 'Contact e-mail address', 'infosec-policy' ),
			'organization.website'          => __( 'Website', 'infosec-policy' ),
			'organization.country'          => __( 'Country', 'infosec-policy' ),
			'organization.reviewedAt'       => __( 'Last reviewed', 'infosec-policy' ),
			'organization.standards'        => __( 'Standards', 'infosec-policy' ),
			'organization.noticePeriodDays' => __( 'Notice period for new processors (days)', 'infosec-policy' ),
			'organization.language'         => __( 'Language of the texts', 'infosec-policy' ),
			'standards.name'                => __( 'Standard', 'infosec-policy' ),
			'standards.status'              => __( 'Status', 'infosec-policy' ),
			'standards.validUntil'          => __( 'Valid until', 'infosec-policy' ),
			'measures.id'                   => __( 'Identifier', 'infosec-policy' ),
			'measures.category'             => __( 'Category', 'infosec-policy' ),
			'measures.title'                => __( 'Title', 'infosec-policy' ),
			'measures.description'          => __( 'Description', 'infosec-policy' ),
			'processors.id'                 => __( 'Identifier', 'infosec-policy' ),
			'processors.role'               => __( 'Role', 'infosec-policy' ),
			'processors.name'               => __( 'Name', 'infosec-policy' ),
			'processors.legalEntity'        => __( 'Legal entity', 'infosec-policy' ),
			'processors.description'        => __( 'Description', 'infosec-policy' ),
			'processors.country'            => __( 'Country of the legal entity', 'infosec-policy' ),
			'processors.dataLocations'      => __( 'Where the data is stored', 'infosec-policy' ),
			'processors.transferBasis'      => __( 'Transfer basis', 'infosec-policy' ),
			'processors.dpaSigned'          => __( 'Processing agreement signed', 'infosec-policy' ),
			'processors.dpaDate'            => __( 'Agreement date', 'infosec-policy' ),
			'processors.securityUrl'        => __( 'Security page', 'infosec-policy' ),
			'processors.dpfListingUrl'      => __( 'Data Privacy Framework listing', 'infosec-policy' ),
			'processors.effectiveFrom'      => __( 'In use from', 'infosec-policy' ),
			'processors.host'               => __( 'Host name for the TLS check', 'infosec-policy' ),
			'processors.tlsIssuerDeclared'  => __( 'Declared certificate issuer', 'infosec-policy' ),
			'processors.firewall'           => __( 'Uses a firewall', 'infosec-policy' ),
			'processors.certifications'     => __( 'Certifications', 'infosec-policy' ),
			'processors.address'            => __( 'Postal address', 'infosec-policy' ),
			'processors.contactPoint'       => __( 'Contact for personal data', 'infosec-policy' ),
			'processors.purpose'            => __( 'Purpose', 'infosec-policy' ),
			'processors.dataCategories'     => __( 'Categories of personal data', 'infosec-policy' ),
			'processors.retention'          => __( 'Retention', 'infosec-policy' ),
			'processors.parentId'           => __( 'Sub-processor of', 'infosec-policy' ),
			'processors.subprocessorsUrl'   => __( 'Its list of sub-processors', 'infosec-policy' ),
			'site.host'                     => __( 'Host name', 'infosec-policy' ),
			'site.tlsIssuerDeclared'        => __( 'Declared certificate issuer', 'infosec-policy' ),
			'site.publishFirewallPorts'     => __( 'Show the open ports on the statement', 'infosec-policy' ),
			'site.securityTxt'              => __( 'Publish security.txt', 'infosec-policy' ),
			'site.firewallPorts'            => __( 'Open firewall ports', 'infosec-policy' ),
			'site.dataLocations'            => __( 'Where the site stores data', 'infosec-policy' ),
		);
	}
}

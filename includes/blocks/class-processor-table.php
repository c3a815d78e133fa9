<?php
/**
 * The processor table block's columns and cells.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Transfer_Bases;

defined( 'ABSPATH' ) || exit;

/**
 * What the processor table shows: which columns, in which order, with which processors, and each
 * cell's HTML. Every value is escaped where this class turns it into HTML.
 *
 * @phpstan-import-type Processor from Policy_Store
 */
final class Processor_Table {

	public const BLOCK = 'infosec-policy/processor-table';

	/**
	 * The chosen columns, known ones only, each once; the default set when none is left.
	 *
	 * @param mixed $columns The block attribute.
	 * @return list<string>
	 */
	public static function columns( mixed $columns ): array {
		$known  = array_keys( self::headings() );
		$chosen = is_array( $columns ) ? array_values( array_unique( array_intersect( array_filter( $columns, 'is_string' ), $known ) ) ) : array();
		return array() === $chosen ? self::default_columns() : $chosen;
	}

	/**
	 * The columns the block shows unless the editor chooses others: the default of its block.json,
	 * the one place that names them.
	 *
	 * @return list<string>
	 */
	private static function default_columns(): array {
		$type    = \WP_Block_Type_Registry::get_instance()->get_registered( self::BLOCK );
		$default = null === $type ? null : ( $type->attributes['columns']['default'] ?? null );
		$known   = array_keys( self::headings() );
		return is_array( $default ) ? array_values( array_intersect( $default, $known ) ) : $known;
	}

	/**
	 * The processors to show, in the admin's order: those in use today (an announced processor
	 * appears from its effective date, in the site's time zone), all of them or those with this role,
	 * or those whose legal entity or data is in this country.
	 *
	 * @param string $role    A role, compared without regard to case; '' for any.
	 * @param string $country An ISO 3166-1 alpha-2 code; '' for any.
	 * @return list<Processor>
	 */
	public static function processors( string $role, string $country ): array {
		return array_values(
			array_filter(
				Policy_Store::processors_in_use(),
				static fn( array $processor ): bool =>
					( '' === $role || 0 === strcasecmp( trim( $role ), $processor['role'] ) )
					&& ( '' === $country || $country === $processor['country'] || in_array( $country, $processor['dataLocations'], true ) )
			)
		);
	}

	/**
	 * The caption when the editor sets none.
	 */
	public static function default_caption(): string {
		$name = Policy_Store::organization_name();
		return '' === $name
			? __( 'Processors that handle personal data', 'infosec-policy' )
			/* translators: %s: the organisation's name. */
			: sprintf( __( 'Processors that handle personal data for %s', 'infosec-policy' ), $name );
	}

	/**
	 * Every column the table can show, with its heading, in the order block.json lists them.
	 *
	 * @return array<string, string>
	 */
	public static function headings(): array {
		return array(
			'role'          => __( 'Service', 'infosec-policy' ),
			'name'          => __( 'Processor', 'infosec-policy' ),
			'legalEntity'   => __( 'Legal entity', 'infosec-policy' ),
			'description'   => __( 'Description', 'infosec-policy' ),
			'location'      => __( 'Country and data location', 'infosec-policy' ),
			'transferBasis' => __( 'Legal basis for transfer', 'infosec-policy' ),
			'tlsIssuer'     => __( 'Certificate issuer', 'infosec-policy' ),
			'firewall'      => __( 'Firewall', 'infosec-policy' ),
			'dpa'           => __( 'Processing agreement', 'infosec-policy' ),
			'securityUrl'   => __( 'Security information', 'infosec-policy' ),
		);
	}

	/**
	 * A cell's content as plain text, for the columns that hold text (not description or securityUrl).
	 * Unescaped: render.php escapes it as it prints it.
	 *
	 * @param string    $column    Column key.
	 * @param Processor $processor The processor.
	 */
	public static function cell_text( string $column, array $processor ): string {
		return match ( $column ) {
			'role', 'name', 'legalEntity' => $processor[ $column ],
			'location'                    => Countries::name( $processor['country'] ),
			'transferBasis'               => Transfer_Bases::label( $processor['transferBasis'] ),
			'tlsIssuer'                   => $processor['tlsIssuerDeclared'],
			'firewall'                    => $processor['firewall'] ? __( 'Yes', 'infosec-policy' ) : __( 'No', 'infosec-policy' ),
			'dpa'                         => self::dpa_text( $processor ),
			default                       => '',
		};
	}

	/**
	 * Where the data is stored, when that is not just the legal entity's country; else null.
	 *
	 * @param Processor $processor The processor.
	 */
	public static function other_data_locations( array $processor ): ?string {
		if ( array() === $processor['dataLocations'] || array( $processor['country'] ) === $processor['dataLocations'] ) {
			return null;
		}
		/* translators: %s: list of countries. */
		return sprintf( __( 'Data stored in: %s', 'infosec-policy' ), Countries::names( $processor['dataLocations'] ) );
	}

	/**
	 * Whether a processing agreement is signed, and when.
	 *
	 * @param Processor $processor The processor.
	 */
	private static function dpa_text( array $processor ): string {
		if ( ! $processor['dpaSigned'] ) {
			return __( 'Not signed', 'infosec-policy' );
		}
		$date = $processor['dpaDate'] ?? '';
		if ( '' === $date ) {
			return __( 'Signed', 'infosec-policy' );
		}
		/* translators: %s: the date the agreement was signed. */
		return sprintf( __( 'Signed on %s', 'infosec-policy' ), Change_Sentences::date( $date ) );
	}
}

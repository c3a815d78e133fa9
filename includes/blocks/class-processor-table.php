<?php
/**
 * The processor table block's columns and cells.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Objections\Objection_Links;
use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
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
	 * The processors to show: all of them or those with this role, or those whose legal entity or
	 * data is in this country; those in use and those announced (their effective date, in the
	 * site's time zone, still to come) alike. In the admin's order, except that each processor's
	 * own sub-processors follow it, theirs after them (GDPR Art. 28(2) and (4): a customer sees the
	 * chain).
	 *
	 * @param string $role    A role, compared without regard to case; '' for any.
	 * @param string $country An ISO 3166-1 alpha-2 code; '' for any.
	 * @return list<Processor>
	 */
	public static function processors( string $role, string $country ): array {
		return self::in_chain_order(
			array_values(
				array_filter(
					Policy_Store::processors(),
					static fn( array $processor ): bool =>
						( '' === $role || 0 === strcasecmp( trim( $role ), $processor['role'] ) )
						&& ( '' === $country || $country === $processor['country'] || in_array( $country, $processor['dataLocations'], true ) )
				)
			)
		);
	}

	/**
	 * Processors with each one's sub-processors after it, depth first, each level in the given
	 * order. One whose parent is not among them starts a chain of its own; any left over (a
	 * circle, which only a stored document the validator never saw can hold) come last.
	 *
	 * @param list<Processor> $processors The processors, in the admin's order.
	 * @return list<Processor>
	 */
	private static function in_chain_order( array $processors ): array {
		$ids      = array_flip( array_column( $processors, 'id' ) );
		$children = array();
		$roots    = array();
		foreach ( $processors as $index => $processor ) {
			$parent = $processor['parentId'] ?? '';
			if ( '' !== $parent && isset( $ids[ $parent ] ) && $parent !== $processor['id'] ) {
				$children[ $parent ][] = $index;
			} else {
				$roots[] = $index;
			}
		}
		$ordered = array();
		$placed  = array();
		$stack   = array_reverse( $roots );
		while ( array() !== $stack ) {
			$index = array_pop( $stack );
			if ( isset( $placed[ $index ] ) ) {
				continue;
			}
			$placed[ $index ] = true;
			$ordered[]        = $processors[ $index ];
			foreach ( array_reverse( $children[ $processors[ $index ]['id'] ] ?? array() ) as $child ) {
				$stack[] = $child;
			}
		}
		foreach ( $processors as $index => $processor ) {
			if ( ! isset( $placed[ $index ] ) ) {
				$ordered[] = $processor;
			}
		}
		return $ordered;
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
	 * Each processor's row: its `name`, its `depth` in the chain of sub-processors (0 for the organisation's
	 * own processors), whether it is `announced`, and its cells in the columns' order, as plain
	 * text (render.php escapes each as it prints it): `text`; `paragraphs` of a description; `url`
	 * of the security page; `more`, the data locations under the country; `notes` in the first
	 * cell that is not the name (the row's header), whom a sub-processor works for and when an
	 * announced one starts; `objectUrl`, in that cell of an announced processor, the page where a
	 * customer asks for a link to object; `lang`, the language of a text shown untranslated in
	 * the page's language (Translated_Policy::lang()), or ''. One row at a time, so
	 * that a long table is never held whole; the words every row repeats (countries, bases, yes and
	 * no) are looked up once per table.
	 *
	 * @param list<Processor> $processors The processors.
	 * @param list<string>    $columns    The columns.
	 * @return \Generator<int, array{ name: string, depth: int, announced: bool, cells: array<string, array{ text: string, paragraphs: list<string>, url: string, more: string, notes: list<string>, objectUrl: string, lang: string }> }>
	 */
	public static function rows( array $processors, array $columns ): \Generator {
		$said  = array();
		$today = (string) wp_date( 'Y-m-d' );
		$all   = array_column( Policy_Store::processors(), null, 'id' );
		$texts = Translated_Policy::page();
		foreach ( $processors as $stored ) {
			$processor = $texts->processor( $stored );
			$announced = Policy_Store::is_upcoming( $processor, $today );
			$cells     = array();
			foreach ( $columns as $column ) {
				$cell = array(
					'text'       => '',
					'paragraphs' => array(),
					'url'        => '',
					'more'       => '',
					'notes'      => array(),
					'objectUrl'  => '',
					'lang'       => in_array( $column, array( 'role', 'description' ), true ) ? $texts->lang( 'processors', $stored, $column ) : '',
				);
				if ( 'description' === $column ) {
					$cell['paragraphs'] = Plain_Text::paragraphs( $processor['description'] );
				} elseif ( 'securityUrl' === $column ) {
					$cell['url'] = $processor['securityUrl'];
					/* translators: %s: a processor's name. */
					$cell['text'] = '' === $cell['url'] ? '' : sprintf( __( 'Security at %s', 'infosec-policy' ), $processor['name'] );
				} elseif ( in_array( $column, array( 'location', 'transferBasis', 'firewall' ), true ) ) {
					// The same few words in every row: worked out once.
					$key          = $column . ':' . ( 'location' === $column ? $processor['country'] : ( 'firewall' === $column ? (int) $processor['firewall'] : $processor['transferBasis'] ) );
					$cell['text'] = $said[ $key ] ??= self::cell_text( $column, $processor );
				} else {
					$cell['text'] = self::cell_text( $column, $processor );
				}
				if ( 'location' === $column ) {
					$cell['more'] = (string) self::other_data_locations( $processor );
				}
				$cells[ $column ] = $cell;
			}
			$depth = self::depth( $processor, $all );
			// In a cell of its own, not the row header: a screen reader says the header before
			// every cell of the row, and the notes would make it a sentence.
			$under = array_key_first( array_diff_key( $cells, array( 'name' => true ) ) ) ?? array_key_first( $cells );
			if ( null !== $under && isset( $cells[ $under ] ) ) {
				$cells[ $under ]['notes'] = self::notes( $processor, $all, $announced );
				// Where a customer who has no link from a notice asks for one.
				$cells[ $under ]['objectUrl'] = $announced ? Objection_Links::request_url( $processor['id'] ) : '';
			}
			yield array(
				'name'      => $processor['name'],
				'depth'     => $depth,
				'announced' => $announced,
				'cells'     => $cells,
			);
		}
	}

	/**
	 * How far down the chain a processor is: 0 for one of the organisation's own, 1 for a
	 * sub-processor of one of those, and so on (a circle, never valid, ends where it repeats).
	 *
	 * @param Processor                $processor The processor.
	 * @param array<string, Processor> $all       Every processor by id.
	 */
	private static function depth( array $processor, array $all ): int {
		$depth = 0;
		$seen  = array( $processor['id'] => true );
		$up    = $processor['parentId'] ?? '';
		while ( '' !== $up && isset( $all[ $up ] ) && ! isset( $seen[ $up ] ) ) {
			$seen[ $up ] = true;
			++$depth;
			$up = $all[ $up ]['parentId'] ?? '';
		}
		return $depth;
	}

	/**
	 * What a row says under its first cell: whom a sub-processor works for, and when an announced
	 * processor starts, objections being taken until then.
	 *
	 * @param Processor                $processor The processor.
	 * @param array<string, Processor> $all       Every processor by id.
	 * @param bool                     $announced Whether it is announced.
	 * @return list<string>
	 */
	private static function notes( array $processor, array $all, bool $announced ): array {
		$notes  = array();
		$parent = $processor['parentId'] ?? '';
		if ( '' !== $parent && isset( $all[ $parent ] ) ) {
			/* translators: %s: the name of the processor this one works for. */
			$notes[] = sprintf( __( 'Sub-processor of %s', 'infosec-policy' ), $all[ $parent ]['name'] );
		}
		if ( $announced ) {
			/* translators: %s: the date from which an announced processor handles personal data; objections are taken before it. */
			$notes[] = sprintf( __( 'Announced, in use from %s; objections until then', 'infosec-policy' ), Change_Sentences::date( (string) ( $processor['effectiveFrom'] ?? '' ) ) );
		}
		return $notes;
	}

	/**
	 * The class that gives a table with these columns its stacked layout's labels. The labels are
	 * the headings, set once per column in the block's stylesheet (as inline CSS of its handle),
	 * not in an attribute of every cell: at a thousand processors that was half the page.
	 *
	 * @param list<string> $columns The table's columns.
	 */
	public static function stacked_labels( array $columns ): string {
		$all      = self::headings();
		$headings = array_map( static fn( string $column ): string => $all[ $column ], array_values( $columns ) );
		$class    = 'wp-block-infosec-policy-processor-table__labels-' . substr( md5( implode( "\n", $headings ) ), 0, 8 );
		$rules    = '';
		foreach ( $headings as $index => $heading ) {
			$rules .= '.' . $class . '>tbody>tr>:nth-child(' . ( $index + 1 ) . ')::before{content:' . self::css_string( $heading ) . '}';
		}
		$css    = '@container (max-width: 36rem){' . $rules . '}';
		$handle = generate_block_asset_handle( self::BLOCK, 'style' );
		$added  = wp_styles()->get_data( $handle, 'after' );
		// Once per page, however many tables with these columns it holds.
		if ( ! is_array( $added ) || ! in_array( $css, $added, true ) ) {
			wp_add_inline_style( $handle, $css );
		}
		return $class;
	}

	/**
	 * A text as a CSS string: quotes, backslashes, angle brackets and control characters escaped,
	 * so that no heading can end the string, the rule or the style element.
	 *
	 * @param string $text Text.
	 */
	private static function css_string( string $text ): string {
		return '"' . preg_replace_callback( '/[\\\\"<>\x00-\x1f\x7f]/', static fn( array $match ): string => '\\' . dechex( ord( $match[0] ) ) . ' ', $text ) . '"';
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

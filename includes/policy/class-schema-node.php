<?php
/**
 * One field of the policy format, with what its schema asks worked out once.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * The policy schema as a tree of fields, each with its `$ref` followed and its checks prepared:
 * the validator walks a document of a thousand processors (seventeen thousand values) over some
 * fifty fields, so whatever can be worked out per field is not worked out per value. Built once
 * per request, from Policy_Schema.
 */
final class Schema_Node {

	/**
	 * An object's fields, by name.
	 *
	 * @var array<string, Schema_Node>
	 */
	public array $properties = array();

	/**
	 * An object's required fields.
	 *
	 * @var list<string>
	 */
	public array $required = array();

	/**
	 * Whether an object refuses fields its schema does not name.
	 *
	 * @var bool
	 */
	public bool $closed = false;

	/**
	 * An object's fields named by a pattern rather than a name (as regular expressions), each
	 * with its field: the languages of `translations`.
	 *
	 * @var array<string, Schema_Node>
	 */
	public array $pattern_properties = array();

	/**
	 * The most fields an object may have.
	 *
	 * @var int|null
	 */
	public ?int $max_properties = null;

	/**
	 * A list's items (set for lists only).
	 *
	 * @var Schema_Node
	 */
	public Schema_Node $items;

	/**
	 * The most items a list may have.
	 *
	 * @var int|null
	 */
	public ?int $max_items = null;

	/**
	 * Whether a list's items (scalars) must be unique.
	 *
	 * @var bool
	 */
	public bool $unique_items = false;

	/**
	 * The fields of a list's objects that must be unique across the list.
	 *
	 * @var list<string>
	 */
	public array $unique_keys = array();

	/**
	 * A string field's enum, as a set.
	 *
	 * @var array<string, true>|null
	 */
	public ?array $enum_set = null;

	/**
	 * Any other scalar's enum.
	 *
	 * @var list<mixed>|null
	 */
	public ?array $enum = null;

	/**
	 * The pattern, as a regular expression.
	 *
	 * @var string|null
	 */
	public ?string $regex = null;

	/**
	 * What is left of a scalar's schema for core's rest_validate_value_from_schema().
	 *
	 * @var array<string, mixed>
	 */
	public array $core = array();

	/**
	 * Whether all core would check is the type and the length.
	 *
	 * @var bool
	 */
	public bool $length_only = false;

	/**
	 * A string's least length in characters.
	 *
	 * @var int
	 */
	public int $min_length = 0;

	/**
	 * A string's greatest length in characters.
	 *
	 * @var int
	 */
	public int $max_length = PHP_INT_MAX;

	/**
	 * The formats a non-empty string may have, any one of them, each with a pattern it must match
	 * too (as a regular expression) or null: email, uri or date. Empty when the string has none.
	 *
	 * @var list<array{ format: string, regex: string|null }>
	 */
	public array $formats = array();

	/**
	 * Whether the field holds a string, number or boolean.
	 *
	 * @var bool
	 */
	public readonly bool $scalar;

	/**
	 * A field of the format.
	 *
	 * @param string               $type   object, array, or a scalar's JSON type.
	 * @param array<string, mixed> $schema Its schema, `$ref` followed.
	 */
	private function __construct( public readonly string $type, public readonly array $schema ) {
		$this->scalar = 'object' !== $type && 'array' !== $type;
	}

	/**
	 * The whole document's field tree.
	 */
	public static function root(): self {
		static $root   = null;
		return $root ??= self::of( Policy_Schema::get() );
	}

	/**
	 * The field a (sub)schema describes, and those under it.
	 *
	 * @param array<string, mixed> $schema A schema, possibly a `$ref`.
	 */
	private static function of( array $schema ): self {
		while ( isset( $schema['$ref'] ) && is_string( $schema['$ref'] ) ) {
			$schema = Policy_Schema::definition( (string) preg_replace( '#^\#/definitions/#', '', $schema['$ref'] ) );
		}
		$node = new self( (string) ( $schema['type'] ?? '' ), $schema );
		if ( 'object' === $node->type ) {
			foreach ( is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array() as $name => $property ) {
				if ( is_array( $property ) ) {
					$node->properties[ (string) $name ] = self::of( $property );
				}
			}
			foreach ( is_array( $schema['patternProperties'] ?? null ) ? $schema['patternProperties'] : array() as $pattern => $property ) {
				if ( is_array( $property ) ) {
					$node->pattern_properties[ '#' . str_replace( '#', '\\#', (string) $pattern ) . '#uD' ] = self::of( $property );
				}
			}
			$node->required       = array_values( array_map( 'strval', (array) ( $schema['required'] ?? array() ) ) );
			$node->closed         = false === ( $schema['additionalProperties'] ?? true );
			$node->max_properties = isset( $schema['maxProperties'] ) ? (int) $schema['maxProperties'] : null;
		} elseif ( 'array' === $node->type ) {
			$node->items        = self::of( is_array( $schema['items'] ?? null ) ? $schema['items'] : array() );
			$node->max_items    = isset( $schema['maxItems'] ) ? (int) $schema['maxItems'] : null;
			$node->unique_items = ! empty( $schema['uniqueItems'] );
			$node->unique_keys  = array_values( array_map( 'strval', (array) ( $schema['uniqueKeys'] ?? array() ) ) );
		} else {
			$node->compile_scalar();
		}
		return $node;
	}

	/**
	 * A scalar's checks: the enum as a set when it holds strings, the pattern as a regular
	 * expression, and what is left for core.
	 */
	private function compile_scalar(): void {
		$schema         = $this->schema;
		$enum           = isset( $schema['enum'] ) ? array_values( (array) $schema['enum'] ) : null;
		$by_set         = null !== $enum && 'string' === $this->type && array_filter( $enum, 'is_string' ) === $enum;
		$this->enum_set = $by_set ? array_fill_keys( $enum, true ) : null;
		$this->enum     = $by_set ? null : $enum;
		// The D modifier: "$" is the end of the string, as in JavaScript, not "before a final newline".
		$this->regex       = isset( $schema['pattern'] ) ? '#' . str_replace( '#', '\\#', (string) $schema['pattern'] ) . '#uD' : null;
		$this->formats     = self::formats_or_empty( $schema );
		$mine              = array( 'format', 'description', 'title', 'kind', 'pattern', 'enum', 'default' );
		$this->core        = array_diff_key( $schema, array_flip( array() === $this->formats ? $mine : array( ...$mine, 'anyOf' ) ) );
		$this->length_only = array() === array_diff_key( $this->core, array_flip( array( 'type', 'minLength', 'maxLength' ) ) );
		$this->min_length  = isset( $schema['minLength'] ) ? (int) $schema['minLength'] : 0;
		$this->max_length  = isset( $schema['maxLength'] ) ? (int) $schema['maxLength'] : PHP_INT_MAX;
	}

	/**
	 * The formats a string may have when it is not empty. The schema says them as
	 * `"anyOf": [ { "maxLength": 0 }, { "format": "…" }, … ]`, so that standard validators accept
	 * the empty string too; an alternative may add a `pattern`. A bare `format` is read the same way.
	 *
	 * @param array<string, mixed> $schema A scalar's schema.
	 * @return list<array{ format: string, regex: string|null }>
	 */
	private static function formats_or_empty( array $schema ): array {
		if ( isset( $schema['format'] ) ) {
			return array(
				array(
					'format' => (string) $schema['format'],
					'regex'  => null,
				),
			);
		}
		$any = $schema['anyOf'] ?? null;
		if ( ! is_array( $any ) || count( $any ) < 2 || array( 'maxLength' => 0 ) !== ( $any[0] ?? null ) ) {
			return array();
		}
		$formats = array();
		foreach ( array_slice( $any, 1 ) as $alternative ) {
			if ( ! is_array( $alternative ) || ! isset( $alternative['format'] ) || array() !== array_diff_key( $alternative, array_flip( array( 'format', 'pattern' ) ) ) ) {
				return array();
			}
			$formats[] = array(
				'format' => (string) $alternative['format'],
				'regex'  => isset( $alternative['pattern'] ) ? '#' . str_replace( '#', '\\#', (string) $alternative['pattern'] ) . '#uD' : null,
			);
		}
		return $formats;
	}
}

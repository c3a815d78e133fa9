<?php
/**
 * Validates a policy document against the schema and reports every problem.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * Walks the policy schema over a document and collects every error with its JSON path, so the
 * admin sees all bad fields at once, not the first one.
 *
 * Scalars are checked by core's `rest_validate_value_from_schema()` (enum, pattern, minLength,
 * maxLength, minimum, maximum), after a strict JSON type check (core accepts "1" as an integer and
 * "true" as a boolean; a stored policy must hold the real types). What core does not validate is
 * checked here: `format` (email, uri, date), `required`, `additionalProperties`, and `uniqueKeys`.
 *
 * @phpstan-type ValidationError array{ path: string, code: string, message: string }
 * @phpstan-type Compiled array{ enum: list<mixed>|null, enumSet: array<string, true>|null, regex: string|null, core: array<string, mixed>, lengthOnly: bool }
 */
final class Policy_Validator {

	/** No more errors than this are collected: enough to fix, small enough to send. */
	private const MAX_ERRORS = 200;

	/**
	 * Each field's schema with its $ref followed, by its place in the format ("processors[].name").
	 *
	 * @var array<string, array<string, mixed>>
	 */
	private array $resolved = array();

	/**
	 * Each scalar field's schema, compiled, by its place in the format.
	 *
	 * @var array<string, Compiled>
	 */
	private array $compiled = array();

	/**
	 * Errors found so far.
	 *
	 * @var list<ValidationError>
	 */
	private array $errors = array();

	/**
	 * Validates a whole policy document.
	 *
	 * @param mixed $document The decoded JSON document.
	 * @return list<ValidationError> Empty when the document is valid.
	 */
	public static function validate( mixed $document ): array {
		$validator = new self();
		$validator->check( $document, Policy_Schema::get(), '', '' );
		return $validator->errors;
	}

	/**
	 * Checks one value against one (sub)schema.
	 *
	 * @param mixed                $value  The value.
	 * @param array<string, mixed> $schema Its schema.
	 * @param string               $path   Its JSON path, e.g. `processors[2].country`.
	 * @param string               $key  Its place in the format, such as `processors[].name`.
	 */
	private function check( mixed $value, array $schema, string $path, string $key ): void {
		if ( count( $this->errors ) >= self::MAX_ERRORS ) {
			return;
		}
		$schema = $this->resolved[ $key ] ??= $this->resolve( $schema );
		switch ( $schema['type'] ?? null ) {
			case 'object':
				$this->check_object( $value, $schema, $path, $key );
				return;
			case 'array':
				$this->check_array( $value, $schema, $path, $key );
				return;
			default:
				$this->check_scalar( $value, $schema, $path, $key );
		}
	}

	/**
	 * Follows `$ref` to a definition of the schema.
	 *
	 * @param array<string, mixed> $schema A schema that may be a reference.
	 * @return array<string, mixed>
	 */
	private function resolve( array $schema ): array {
		while ( isset( $schema['$ref'] ) && is_string( $schema['$ref'] ) ) {
			$schema = Policy_Schema::definition( (string) preg_replace( '#^\#/definitions/#', '', $schema['$ref'] ) );
		}
		return $schema;
	}

	/**
	 * Checks an object: its type, required and unknown properties, then each property.
	 *
	 * @param mixed                $value  The value.
	 * @param array<string, mixed> $schema Its schema.
	 * @param string               $path   Its JSON path.
	 * @param string               $schema_key Its place in the format, such as `processors[].name`.
	 */
	private function check_object( mixed $value, array $schema, string $path, string $schema_key ): void {
		// JSON's {} decodes to an empty PHP array, so an empty list is an empty object too.
		if ( ! is_array( $value ) || ( array() !== $value && array_is_list( $value ) ) ) {
			$this->add( $path, 'rest_invalid_type', __( 'must be an object.', 'infosec-policy' ) );
			return;
		}
		$properties = is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array();
		foreach ( (array) ( $schema['required'] ?? array() ) as $required ) {
			if ( ! array_key_exists( $required, $value ) ) {
				$this->add( self::join( $path, (string) $required ), 'rest_property_required', __( 'is required.', 'infosec-policy' ) );
			}
		}
		foreach ( $value as $key => $item ) {
			$item_path = self::join( $path, (string) $key );
			if ( isset( $properties[ $key ] ) && is_array( $properties[ $key ] ) ) {
				$this->check( $item, $properties[ $key ], $item_path, $schema_key . '.' . $key );
			} elseif ( false === ( $schema['additionalProperties'] ?? true ) ) {
				$this->add( $item_path, 'rest_additional_properties_forbidden', __( 'is not a field of the policy format.', 'infosec-policy' ) );
			}
		}
	}

	/**
	 * Checks a list: its type and length, uniqueness, then each item.
	 *
	 * @param mixed                $value  The value.
	 * @param array<string, mixed> $schema Its schema.
	 * @param string               $path   Its JSON path.
	 * @param string               $schema_key Its place in the format, such as `processors[].name`.
	 */
	private function check_array( mixed $value, array $schema, string $path, string $schema_key ): void {
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			$this->add( $path, 'rest_invalid_type', __( 'must be a list.', 'infosec-policy' ) );
			return;
		}
		if ( isset( $schema['maxItems'] ) && count( $value ) > $schema['maxItems'] ) {
			/* translators: %d: the largest number of items allowed. */
			$this->add( $path, 'rest_too_many_items', sprintf( _n( 'must have at most %d item.', 'must have at most %d items.', (int) $schema['maxItems'], 'infosec-policy' ), (int) $schema['maxItems'] ) );
			return;
		}
		$items = is_array( $schema['items'] ?? null ) ? $schema['items'] : array();
		foreach ( $value as $index => $item ) {
			$this->check( $item, $items, "{$path}[{$index}]", $schema_key . '[]' );
		}
		if ( ! empty( $schema['uniqueItems'] ) ) {
			$this->check_unique( $value, $path, null );
		}
		foreach ( (array) ( $schema['uniqueKeys'] ?? array() ) as $key ) {
			$this->check_unique( $value, $path, (string) $key );
		}
	}

	/**
	 * Reports each item (or each item's `$key`) that repeats an earlier one.
	 *
	 * @param list<mixed> $items The list.
	 * @param string      $path  The list's JSON path.
	 * @param string|null $key   The property that must be unique, or null for whole scalar items.
	 */
	private function check_unique( array $items, string $path, ?string $key ): void {
		$seen = array();
		foreach ( $items as $index => $item ) {
			$unique = null === $key ? $item : ( is_array( $item ) ? ( $item[ $key ] ?? null ) : null );
			if ( ! is_scalar( $unique ) ) {
				continue;
			}
			$marker    = wp_json_encode( $unique );
			$item_path = null === $key ? "{$path}[{$index}]" : self::join( "{$path}[{$index}]", $key );
			if ( isset( $seen[ $marker ] ) ) {
				$this->add(
					$item_path,
					'rest_duplicate_item',
					/* translators: %s: JSON path of the earlier item, e.g. processors[0].id */
					sprintf( __( 'repeats %s; each must be unique.', 'infosec-policy' ), $seen[ $marker ] )
				);
			} else {
				$seen[ $marker ] = $item_path;
			}
		}
	}

	/**
	 * Checks a string, integer or boolean.
	 *
	 * @param mixed                $value  The value.
	 * @param array<string, mixed> $schema Its schema.
	 * @param string               $path   Its JSON path.
	 * @param string               $key  Its place in the format, such as `processors[].name`.
	 */
	private function check_scalar( mixed $value, array $schema, string $path, string $key ): void {
		$type = (string) ( $schema['type'] ?? '' );
		$ok   = match ( $type ) {
			'string'  => is_string( $value ),
			'integer' => is_int( $value ),
			'boolean' => is_bool( $value ),
			default   => false,
		};
		if ( ! $ok ) {
			/* translators: %s: a JSON type: string, integer or boolean. */
			$this->add( $path, 'rest_invalid_type', sprintf( __( 'must be of type %s.', 'infosec-policy' ), $type ) );
			return;
		}
		$compiled = $this->compiled[ $key ] ??= self::compile( $schema );
		if ( ! self::matches_enum_and_pattern( $value, $compiled ) ) {
			$this->add(
				$path,
				isset( $schema['enum'] ) ? 'rest_not_in_enum' : 'rest_invalid_pattern',
				isset( $schema['kind'] ) ? self::kind_message( (string) $schema['kind'] ) : self::enum_message( (array) ( $schema['enum'] ?? array() ) )
			);
			return;
		}
		// Enum and pattern are checked above: core's pattern check lets "$" match before a final
		// newline, so "example.com\n" would pass it. Core checks the rest, and words what fails;
		// a length within bounds it would only confirm.
		$result = $compiled['lengthOnly'] && self::length_fits( $value, $compiled['core'] ) ? true : rest_validate_value_from_schema( $value, $compiled['core'], $path );
		if ( is_wp_error( $result ) ) {
			$this->add( $path, (string) $result->get_error_code(), self::without_path( $result->get_error_message(), $path ) );
			return;
		}
		if ( is_string( $value ) && '' !== $value && isset( $schema['format'] ) ) {
			$this->check_format( $value, (string) $schema['format'], $path );
		}
	}

	/**
	 * What a scalar's schema asks, worked out once per field of the format rather than once per
	 * value (a thousand processors are seventeen thousand values): the enum as a set when it
	 * holds strings, the pattern as a regular expression, and what is left for core to check.
	 *
	 * @param array<string, mixed> $schema A scalar's schema.
	 * @return Compiled
	 */
	private static function compile( array $schema ): array {
		$enum   = isset( $schema['enum'] ) ? array_values( (array) $schema['enum'] ) : null;
		$core   = array_diff_key( $schema, array_flip( array( 'format', 'description', 'title', 'kind', 'pattern', 'enum' ) ) );
		$by_set = null !== $enum && 'string' === ( $schema['type'] ?? '' ) && array_filter( $enum, 'is_string' ) === $enum;
		return array(
			'enum'       => $by_set ? null : $enum,
			'enumSet'    => $by_set ? array_fill_keys( $enum, true ) : null,
			// The D modifier: "$" is the end of the string, as in JavaScript, not "before a final newline".
			'regex'      => isset( $schema['pattern'] ) ? '#' . str_replace( '#', '\\#', (string) $schema['pattern'] ) . '#uD' : null,
			'core'       => $core,
			'lengthOnly' => array() === array_diff_key( $core, array_flip( array( 'type', 'minLength', 'maxLength' ) ) ),
		);
	}

	/**
	 * Whether a string's length is within its schema's bounds, counted as core counts it.
	 *
	 * @param string|int|bool      $value  The value.
	 * @param array<string, mixed> $schema What is left of its schema for core.
	 */
	private static function length_fits( string|int|bool $value, array $schema ): bool {
		if ( ! is_string( $value ) ) {
			return true;
		}
		$length = mb_strlen( $value );
		return ( ! isset( $schema['minLength'] ) || $length >= $schema['minLength'] ) && ( ! isset( $schema['maxLength'] ) || $length <= $schema['maxLength'] );
	}

	/**
	 * Whether a value passes its schema's enum and pattern. Checked here, not by core: core's
	 * messages would show a regular expression or 249 country codes, and its pattern check lets "$"
	 * match before a final newline.
	 *
	 * @param string|int|bool $value    The value.
	 * @param Compiled        $compiled Its schema, compiled.
	 */
	private static function matches_enum_and_pattern( string|int|bool $value, array $compiled ): bool {
		if ( null !== $compiled['enumSet'] && ! ( is_string( $value ) && isset( $compiled['enumSet'][ $value ] ) ) ) {
			return false;
		}
		if ( null !== $compiled['enum'] && ! in_array( $value, $compiled['enum'], true ) ) {
			return false;
		}
		return null === $compiled['regex'] || ! is_string( $value ) || 1 === preg_match( $compiled['regex'], $value );
	}

	/**
	 * What a field of a kind must look like, in words.
	 *
	 * @param string $kind The schema's `kind`.
	 */
	private static function kind_message( string $kind ): string {
		return match ( $kind ) {
			'slug'      => __( 'must be a slug: lower-case letters, digits and single hyphens, such as google-analytics.', 'infosec-policy' ),
			'line'      => __( 'must be one line of text, without control characters.', 'infosec-policy' ),
			'text'      => __( 'must not contain control characters.', 'infosec-policy' ),
			'host'      => __( 'must be a bare host name such as example.com: no scheme, port, path or IP address.', 'infosec-policy' ),
			'date'      => __( 'must be a date written YYYY-MM-DD.', 'infosec-policy' ),
			'http-url'  => __( 'must be a web address that starts with http:// or https://.', 'infosec-policy' ),
			'https-url' => __( 'must be a web address that starts with https://.', 'infosec-policy' ),
			'country'   => __( 'is not an ISO 3166-1 alpha-2 country code.', 'infosec-policy' ),
			default     => __( 'is not valid.', 'infosec-policy' ),
		};
	}

	/**
	 * The allowed values of a short enum, in words.
	 *
	 * @param array<mixed> $values The enum.
	 */
	private static function enum_message( array $values ): string {
		/* translators: %s: the allowed values, separated by commas. */
		return sprintf( __( 'must be one of: %s.', 'infosec-policy' ), implode( ', ', array_map( 'strval', $values ) ) );
	}

	/**
	 * Checks the formats core only sanitizes, or does not know.
	 *
	 * @param string $value  A non-empty string.
	 * @param string $format `email`, `uri` or `date`.
	 * @param string $path   Its JSON path.
	 */
	private function check_format( string $value, string $format, string $path ): void {
		if ( 'email' === $format && ! is_email( $value ) ) {
			$this->add( $path, 'rest_invalid_email', __( 'is not a valid e-mail address.', 'infosec-policy' ) );
		} elseif ( 'uri' === $format && ! self::is_web_url( $value ) ) {
			$this->add( $path, 'rest_invalid_url', __( 'is not a valid web address (http or https, with a host name).', 'infosec-policy' ) );
		} elseif ( 'date' === $format && ! self::is_date( $value ) ) {
			$this->add( $path, 'rest_invalid_date', __( 'is not a valid date (YYYY-MM-DD).', 'infosec-policy' ) );
		}
	}

	/**
	 * Whether a string is an absolute http(s) URL with a host, without credentials, made only of the
	 * characters a URI may hold. The scheme itself is pinned by each field's pattern.
	 *
	 * @param string $url A URL.
	 */
	private static function is_web_url( string $url ): bool {
		// Only the characters RFC 3986 allows in a URI; anything else must be percent-encoded.
		if ( ! preg_match( '/^[A-Za-z0-9\-._~:\/?#\[\]@!$&\'()*+,;=%]+$/D', $url ) ) {
			return false;
		}
		$parts = wp_parse_url( $url );
		return is_array( $parts )
			&& in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true )
			&& '' !== ( $parts['host'] ?? '' )
			&& ! isset( $parts['user'] ) && ! isset( $parts['pass'] );
	}

	/**
	 * Whether a YYYY-MM-DD string names a real calendar day.
	 *
	 * @param string $date A date string.
	 */
	private static function is_date( string $date ): bool {
		return 1 === preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/D', $date, $m ) && checkdate( (int) $m[2], (int) $m[3], (int) $m[1] );
	}

	/**
	 * Core's messages start with the parameter name; the path is reported on its own.
	 *
	 * @param string $message Core's message.
	 * @param string $path    The JSON path it starts with.
	 */
	private static function without_path( string $message, string $path ): string {
		return '' !== $path && str_starts_with( $message, $path . ' ' ) ? substr( $message, strlen( $path ) + 1 ) : $message;
	}

	/**
	 * A property's path under its parent's.
	 *
	 * @param string $path The parent's JSON path.
	 * @param string $key  The property name.
	 */
	private static function join( string $path, string $key ): string {
		return '' === $path ? $key : "{$path}.{$key}";
	}

	/**
	 * Records one error.
	 *
	 * @param string $path    JSON path of the field.
	 * @param string $code    Machine-readable reason.
	 * @param string $message Human-readable reason, without the path.
	 */
	private function add( string $path, string $code, string $message ): void {
		if ( count( $this->errors ) < self::MAX_ERRORS ) {
			$this->errors[] = array(
				'path'    => $path,
				'code'    => $code,
				'message' => $message,
			);
		}
	}
}

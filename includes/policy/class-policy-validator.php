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
 */
final class Policy_Validator {

	/** No more errors than this are collected: enough to fix, small enough to send. */
	private const MAX_ERRORS = 200;

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
		$validator->check( $document, Schema_Node::root(), '' );
		if ( is_array( $document ) && is_array( $document['processors'] ?? null ) ) {
			$validator->check_parents( $document['processors'] );
		}
		if ( is_array( $document ) && is_array( $document['translations'] ?? null ) ) {
			$validator->check_translations( $document );
		}
		return $validator->errors;
	}

	/**
	 * Checks that each sub-processor's `parentId` names another processor, and that following
	 * the parents from any processor ends at one of the organisation's own, not in a cycle.
	 * Reported with the other errors; left to them when an entry or an id is not what the schema
	 * says, since the other errors name that.
	 *
	 * @param array<mixed> $processors The processors.
	 */
	private function check_parents( array $processors ): void {
		$parents = array();
		foreach ( $processors as $processor ) {
			if ( ! is_array( $processor ) || ! is_string( $processor['id'] ?? null ) || ! is_string( $processor['parentId'] ?? '' ) ) {
				return;
			}
			$parents[ $processor['id'] ] = $processor['parentId'] ?? '';
		}
		foreach ( $processors as $index => $processor ) {
			$id     = (string) $processor['id'];
			$parent = $parents[ $id ];
			if ( '' === $parent ) {
				continue;
			}
			$path = self::item_path( 'processors', (int) $index, 'parentId' );
			if ( ! isset( $parents[ $parent ] ) ) {
				/* translators: %s: the id the field names. */
				$this->add( $path, 'infosec_policy_unknown_parent', sprintf( __( 'names %s, which is not the id of a processor.', 'infosec-policy' ), $parent ) );
				continue;
			}
			// At most as many steps as there are processors, unless the chain goes round.
			$step = $parent;
			$most = count( $parents );
			for ( $hops = 0; '' !== $step && $step !== $id && $hops < $most; ++$hops ) {
				$step = $parents[ $step ] ?? '';
			}
			if ( '' !== $step ) {
				$this->add( $path, 'infosec_policy_parent_cycle', __( 'makes a circle: following the processors this one works for never reaches one of your own.', 'infosec-policy' ) );
			}
		}
	}

	/**
	 * Checks that each translation is into another language than the texts', and names only
	 * measures and processors the document has. Left to the other errors where a list or an id is
	 * not what the schema says.
	 *
	 * @param array<mixed> $document The document.
	 */
	private function check_translations( array $document ): void {
		$original = Policy_Store::language( $document );
		foreach ( (array) $document['translations'] as $language => $translation ) {
			$path = self::join( 'translations', (string) $language );
			if ( (string) $language === $original ) {
				/* translators: %s: a language code such as nl. */
				$this->add( $path, 'infosec_policy_translation_of_original', sprintf( __( 'is the language the texts are written in (%s): a translation must be into another language.', 'infosec-policy' ), $original ) );
				continue;
			}
			foreach ( array( 'measures', 'processors' ) as $list ) {
				$ids = array();
				foreach ( is_array( $document[ $list ] ?? null ) ? $document[ $list ] : array() as $entry ) {
					if ( is_array( $entry ) && is_string( $entry['id'] ?? null ) ) {
						$ids[ $entry['id'] ] = true;
					}
				}
				$translated = is_array( $translation ) && is_array( $translation[ $list ] ?? null ) ? $translation[ $list ] : array();
				foreach ( $translated as $index => $entry ) {
					$id = is_array( $entry ) ? ( $entry['id'] ?? null ) : null;
					if ( is_string( $id ) && '' !== $id && ! isset( $ids[ $id ] ) ) {
						$message = 'measures' === $list
							/* translators: %s: the id the field names. */
							? sprintf( __( 'names %s, which is not the id of a measure.', 'infosec-policy' ), $id )
							/* translators: %s: the id the field names. */
							: sprintf( __( 'names %s, which is not the id of a processor.', 'infosec-policy' ), $id );
						$this->add( self::item_path( self::join( $path, $list ), (int) $index, 'id' ), 'infosec_policy_unknown_translated', $message );
					}
				}
			}
		}
	}

	/**
	 * Checks one value against its field. The callers let a scalar that passes() by without its
	 * JSON path being written out: only a value that may fail gets one, and its errors.
	 *
	 * @param mixed       $value The value.
	 * @param Schema_Node $node  Its field.
	 * @param string      $path  Its JSON path, e.g. `processors[2].country`.
	 */
	private function check( mixed $value, Schema_Node $node, string $path ): void {
		if ( count( $this->errors ) >= self::MAX_ERRORS ) {
			return;
		}
		if ( 'object' === $node->type ) {
			$this->check_object( $value, $node, $path );
		} elseif ( 'array' === $node->type ) {
			$this->check_array( $value, $node, $path );
		} else {
			$this->check_scalar( $value, $node, $path );
		}
	}

	/**
	 * Checks an object: its type, required and unknown properties, then each property.
	 *
	 * @param mixed       $value The value.
	 * @param Schema_Node $node  Its field.
	 * @param string      $path  Its JSON path.
	 */
	private function check_object( mixed $value, Schema_Node $node, string $path ): void {
		// JSON's {} decodes to an empty PHP array, so an empty list is an empty object too.
		if ( ! is_array( $value ) || ( array() !== $value && array_is_list( $value ) ) ) {
			$this->add( $path, 'rest_invalid_type', __( 'must be an object.', 'infosec-policy' ) );
			return;
		}
		foreach ( $node->required as $required ) {
			if ( ! array_key_exists( $required, $value ) ) {
				$this->add( self::join( $path, $required ), 'rest_property_required', __( 'is required.', 'infosec-policy' ) );
			}
		}
		if ( null !== $node->max_properties && count( $value ) > $node->max_properties ) {
			/* translators: %d: the largest number of fields allowed. */
			$this->add( $path, 'rest_too_many_properties', sprintf( _n( 'must have at most %d field.', 'must have at most %d fields.', $node->max_properties, 'infosec-policy' ), $node->max_properties ) );
			return;
		}
		foreach ( $value as $key => $item ) {
			$property = $node->properties[ $key ] ?? self::by_pattern( $node, (string) $key );
			if ( null !== $property ) {
				if ( ! $property->scalar || ! self::passes( $item, $property ) ) {
					$this->check( $item, $property, self::join( $path, (string) $key ) );
				}
			} elseif ( $node->closed ) {
				$this->add(
					self::join( $path, (string) $key ),
					'rest_additional_properties_forbidden',
					// Only the translations are keyed by a pattern: their languages.
					array() === $node->pattern_properties ? __( 'is not a field of the policy format.', 'infosec-policy' ) : __( 'is not a language code: two or three lower-case letters, such as en or nl.', 'infosec-policy' )
				);
			}
		}
	}

	/**
	 * The field an object's key names through a pattern, or null.
	 *
	 * @param Schema_Node $node An object's field.
	 * @param string      $key  A key of the object.
	 */
	private static function by_pattern( Schema_Node $node, string $key ): ?Schema_Node {
		foreach ( $node->pattern_properties as $regex => $property ) {
			if ( 1 === preg_match( $regex, $key ) ) {
				return $property;
			}
		}
		return null;
	}

	/**
	 * Checks a list: its type and length, uniqueness, then each item.
	 *
	 * @param mixed       $value The value.
	 * @param Schema_Node $node  Its field.
	 * @param string      $path  Its JSON path.
	 */
	private function check_array( mixed $value, Schema_Node $node, string $path ): void {
		if ( ! is_array( $value ) || ! array_is_list( $value ) ) {
			$this->add( $path, 'rest_invalid_type', __( 'must be a list.', 'infosec-policy' ) );
			return;
		}
		if ( null !== $node->max_items && count( $value ) > $node->max_items ) {
			/* translators: %d: the largest number of items allowed. */
			$this->add( $path, 'rest_too_many_items', sprintf( _n( 'must have at most %d item.', 'must have at most %d items.', $node->max_items, 'infosec-policy' ), $node->max_items ) );
			return;
		}
		$items  = $node->items;
		$scalar = $items->scalar;
		foreach ( $value as $index => $item ) {
			if ( ! $scalar || ! self::passes( $item, $items ) ) {
				$this->check( $item, $items, "{$path}[{$index}]" );
			}
		}
		if ( $node->unique_items ) {
			$this->check_unique( $value, $path, null );
		}
		foreach ( $node->unique_keys as $key ) {
			$this->check_unique( $value, $path, $key );
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
			// Its JSON type and value: 1, "1" and true are three values.
			$marker = match ( true ) {
				is_string( $unique ) => "s:{$unique}",
				is_bool( $unique )   => $unique ? 'true' : 'false',
				is_int( $unique )    => "i:{$unique}",
				// Every digit a float has, whatever the site's serialize_precision (a string of
				// one rounds it to 14 digits).
				default              => 'd:' . sprintf( '%.17g', $unique ),
			};
			if ( isset( $seen[ $marker ] ) ) {
				$this->add(
					self::item_path( $path, $index, $key ),
					'rest_duplicate_item',
					/* translators: %s: JSON path of the earlier item, e.g. processors[0].id */
					sprintf( __( 'repeats %s; each must be unique.', 'infosec-policy' ), self::item_path( $path, $seen[ $marker ], $key ) )
				);
			} else {
				$seen[ $marker ] = $index;
			}
		}
	}

	/**
	 * The JSON path of a list's item, or of a field of it.
	 *
	 * @param string      $path  The list's JSON path.
	 * @param int         $index The item's place.
	 * @param string|null $key   The field, or null for the item.
	 */
	private static function item_path( string $path, int $index, ?string $key ): string {
		return null === $key ? "{$path}[{$index}]" : self::join( "{$path}[{$index}]", $key );
	}

	/**
	 * Whether a value surely passes every check of its scalar field, decided without words or
	 * paths: the common case, a valid string of a field core has nothing to add to. False sends the
	 * value to check_scalar(), which says what is wrong with it, if anything.
	 *
	 * @param mixed       $value The value.
	 * @param Schema_Node $node  A scalar field.
	 */
	private static function passes( mixed $value, Schema_Node $node ): bool {
		return is_string( $value ) && 'string' === $node->type && $node->length_only
			&& self::matches_enum_and_pattern( $value, $node )
			&& self::length_fits( $value, $node )
			&& ( array() === $node->formats || '' === $value || self::has_a_format( $value, $node ) );
	}

	/**
	 * Checks a string, integer or boolean, and reports what is wrong with it.
	 *
	 * @param mixed       $value The value.
	 * @param Schema_Node $node  Its field.
	 * @param string      $path  Its JSON path.
	 */
	private function check_scalar( mixed $value, Schema_Node $node, string $path ): void {
		$type = $node->type;
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
		if ( ! self::matches_enum_and_pattern( $value, $node ) ) {
			$schema = $node->schema;
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
		$result = $node->length_only && self::length_fits( $value, $node ) ? true : rest_validate_value_from_schema( $value, $node->core, $path );
		if ( is_wp_error( $result ) ) {
			$this->add( $path, (string) $result->get_error_code(), self::without_path( $result->get_error_message(), $path ) );
			return;
		}
		if ( is_string( $value ) && '' !== $value && array() !== $node->formats ) {
			$this->check_format( $value, $node, $path );
		}
	}

	/**
	 * Whether a string's length is within its field's bounds, counted in characters as core
	 * counts it. A string has no more characters than bytes, and at least one when it has a byte,
	 * so most lengths are settled without counting.
	 *
	 * @param string|int|bool $value The value.
	 * @param Schema_Node     $node  Its field.
	 */
	private static function length_fits( string|int|bool $value, Schema_Node $node ): bool {
		if ( ! is_string( $value ) || self::fits_by_bytes( strlen( $value ), $node ) ) {
			return true;
		}
		$length = mb_strlen( $value );
		return $length >= $node->min_length && $length <= $node->max_length;
	}

	/**
	 * Whether a string of this many bytes is within its field's bounds whatever its characters.
	 *
	 * @param int         $bytes The string's length in bytes.
	 * @param Schema_Node $node  Its field.
	 */
	private static function fits_by_bytes( int $bytes, Schema_Node $node ): bool {
		return $bytes <= $node->max_length && $bytes >= $node->min_length && $node->min_length <= 1;
	}

	/**
	 * Whether a value passes its field's enum and pattern. Checked here, not by core: core's
	 * messages would show a regular expression or 249 country codes, and its pattern check lets "$"
	 * match before a final newline.
	 *
	 * @param string|int|bool $value The value.
	 * @param Schema_Node     $node  Its field.
	 */
	private static function matches_enum_and_pattern( string|int|bool $value, Schema_Node $node ): bool {
		if ( null !== $node->enum_set && ! ( is_string( $value ) && isset( $node->enum_set[ $value ] ) ) ) {
			return false;
		}
		if ( null !== $node->enum && ! in_array( $value, $node->enum, true ) ) {
			return false;
		}
		return null === $node->regex || ! is_string( $value ) || 1 === preg_match( $node->regex, $value );
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
			'http-url'  => __( 'must be a web address such as https://example.com/, starting with http:// or https://.', 'infosec-policy' ),
			'https-url' => __( 'must be a web address such as https://example.com/, starting with https://.', 'infosec-policy' ),
			'contact-point' => __( 'must be an e-mail address, or a web address such as https://example.com/privacy, starting with https://.', 'infosec-policy' ),
			'country'   => __( 'is not an ISO 3166-1 alpha-2 country code.', 'infosec-policy' ),
			'language'  => __( 'must be a language code: two or three lower-case letters, such as en or nl.', 'infosec-policy' ),
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
	 * @param string      $value A non-empty string.
	 * @param Schema_Node $node  Its field, which has formats.
	 * @param string      $path  Its JSON path.
	 */
	private function check_format( string $value, Schema_Node $node, string $path ): void {
		if ( self::has_a_format( $value, $node ) ) {
			return;
		}
		$format = count( $node->formats ) > 1 ? 'any' : $node->formats[0]['format'];
		if ( 'email' === $format ) {
			$this->add( $path, 'rest_invalid_email', __( 'is not a valid e-mail address.', 'infosec-policy' ) );
		} elseif ( 'uri' === $format ) {
			$this->add( $path, 'rest_invalid_url', __( 'is not a valid web address (http or https, with a host name).', 'infosec-policy' ) );
		} elseif ( 'date' === $format ) {
			$this->add( $path, 'rest_invalid_date', __( 'is not a valid date (YYYY-MM-DD).', 'infosec-policy' ) );
		} else {
			$this->add( $path, 'rest_invalid_format', self::kind_message( (string) ( $node->schema['kind'] ?? '' ) ) );
		}
	}

	/**
	 * Whether a non-empty string has one of its field's formats, and that format's pattern.
	 *
	 * @param string      $value A non-empty string.
	 * @param Schema_Node $node  Its field.
	 */
	private static function has_a_format( string $value, Schema_Node $node ): bool {
		foreach ( $node->formats as $format ) {
			if ( self::format_fits( $value, $format['format'] ) && ( null === $format['regex'] || 1 === preg_match( $format['regex'], $value ) ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a non-empty string has a format: email, uri or date (any other passes).
	 *
	 * @param string $value  A non-empty string.
	 * @param string $format The format.
	 */
	private static function format_fits( string $value, string $format ): bool {
		return match ( $format ) {
			'email' => self::is_email_address( $value ),
			'uri'   => self::is_web_url( $value ),
			'date'  => self::is_date( $value ),
			default => true,
		};
	}

	/**
	 * Whether a string is an e-mail address that WordPress can send to and that RFC 5322 allows:
	 * is_email() lets the part before the @ start or end with a dot or hold two in a row, which a
	 * dot-atom does not, and which standard validators of the schema's `email` format refuse.
	 *
	 * @param string $email A non-empty string.
	 */
	private static function is_email_address( string $email ): bool {
		$local = substr( $email, 0, (int) strrpos( $email, '@' ) );
		return false !== is_email( $email ) && ! str_starts_with( $local, '.' ) && ! str_ends_with( $local, '.' ) && ! str_contains( $local, '..' );
	}

	/**
	 * Whether a string is an absolute http(s) URL with a host, without credentials, made only of the
	 * characters a URI may hold. The scheme itself is pinned by each field's pattern.
	 *
	 * @param string $url A URL.
	 */
	private static function is_web_url( string $url ): bool {
		// Only the characters RFC 3986 allows in a URI, and "%" only as a percent-encoding.
		if ( ! preg_match( '/^[A-Za-z0-9\-._~:\/?#\[\]@!$&\'()*+,;=%]+$/D', $url ) || preg_match( '/%(?![0-9A-Fa-f]{2})/', $url ) ) {
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

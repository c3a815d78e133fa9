<?php
/**
 * The policy document's JSON Schema, shared with the TypeScript side.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

use InfosecPolicy\Json_File;

defined( 'ABSPATH' ) || exit;

/**
 * Loads schema/policy.schema.json, the single description of the policy document: PHP validates
 * with it, and the TypeScript types are generated from it.
 */
final class Policy_Schema {

	public const FORMAT_VERSION = 1;

	/**
	 * The decoded schema, read once per request.
	 *
	 * @var array<string, mixed>|null
	 */
	private static ?array $schema = null;

	/**
	 * The whole schema.
	 *
	 * @return array<string, mixed>
	 */
	public static function get(): array {
		if ( null === self::$schema ) {
			self::$schema = Json_File::read( 'schema/policy.schema.json' );
		}
		return self::$schema;
	}

	/**
	 * A definition from the schema's `definitions`, by name.
	 *
	 * @param string $name Definition name, e.g. `processor`.
	 * @return array<string, mixed>
	 */
	public static function definition( string $name ): array {
		$definitions = self::get()['definitions'] ?? array();
		return is_array( $definitions ) && isset( $definitions[ $name ] ) && is_array( $definitions[ $name ] ) ? $definitions[ $name ] : array();
	}
}

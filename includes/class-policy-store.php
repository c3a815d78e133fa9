<?php
/**
 * Reads the stored policy document.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

/**
 * The policy document (data contract, format version 1) as stored in a WordPress option.
 *
 * The option is autoloaded, so a page view that renders policy blocks costs no extra query.
 *
 * @phpstan-type Measure array{ id: string, category: 'organizational'|'technical', title: string, description: string }
 */
final class Policy_Store {

	public const OPTION = 'infosec_policy';

	/**
	 * The measures, in the admin's order, optionally only those of one category.
	 *
	 * @param string|null $category `organizational`, `technical`, or null for all.
	 * @return list<Measure>
	 */
	public static function measures( ?string $category = null ): array {
		$policy   = get_option( self::OPTION, array() );
		$measures = is_array( $policy ) && isset( $policy['measures'] ) && is_array( $policy['measures'] )
			? $policy['measures']
			: array();

		$result = array();
		foreach ( $measures as $measure ) {
			if ( ! self::is_measure( $measure ) ) {
				continue;
			}
			if ( null === $category || $measure['category'] === $category ) {
				$result[] = $measure;
			}
		}
		return $result;
	}

	/**
	 * Whether a stored value has the shape of a measure; anything else is skipped, never rendered.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true Measure $value
	 */
	private static function is_measure( mixed $value ): bool {
		return is_array( $value )
			&& isset( $value['id'], $value['category'], $value['title'], $value['description'] )
			&& is_string( $value['id'] ) && is_string( $value['title'] ) && is_string( $value['description'] )
			&& in_array( $value['category'], array( 'organizational', 'technical' ), true );
	}
}

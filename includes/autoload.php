<?php
/**
 * Class autoloader: InfosecPolicy\Foo_Bar lives in includes/class-foo-bar.php, and
 * InfosecPolicy\Rest\Policy_Controller in includes/rest/class-policy-controller.php (WordPress file
 * naming): each sub-namespace is a domain folder, so a class's folder tells what it belongs to.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = __NAMESPACE__ . '\\';
		if ( ! str_starts_with( $class_name, $prefix ) ) {
			return;
		}
		$parts = explode( '\\', substr( $class_name, strlen( $prefix ) ) );
		$class = array_pop( $parts );
		$dirs  = array_map( static fn( string $part ): string => strtolower( str_replace( '_', '-', $part ) ) . '/', $parts );
		$file  = __DIR__ . '/' . implode( '', $dirs ) . 'class-' . strtolower( str_replace( '_', '-', $class ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);

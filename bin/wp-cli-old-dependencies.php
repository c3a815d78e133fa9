<?php
/**
 * Keeps WP-CLI's outdated dependencies quiet about PHP 8.1's deprecations, for development and tests.
 *
 * WP-CLI is a development tool here (composer.json). The Packagist copy this project reaches has
 * only old releases of two of its libraries, and both pass null where PHP 8.1+ wants a string:
 *
 * - mustache/mustache 2.13.0 (aliased as 2.14.1, which WP-CLI asks for), on every command, since
 *   WP-CLI renders the help's global parameters even when it shows no help;
 * - wp-cli/php-cli-tools 0.11.11, on every table drawn for a terminal.
 *
 * Under WP_DEBUG each would print "Deprecated: … Passing null to parameter" and log it, hundreds of
 * times for one table, and fail the test layers, which treat any logged deprecation as a failure.
 * Newer releases of both fixed it. This swallows exactly that: E_DEPRECATED raised inside those two
 * libraries' own source; every other error goes on to PHP's handler as before.
 *
 * Loaded before WordPress through WP-CLI's `require` (wp-cli.yml in the project's folder; the tests
 * pass --require). Remove it, and the alias in composer.json, once newer releases of both can be
 * installed (mustache 2.14.1 or later; php-cli-tools later than 0.11.11), and check that a table
 * on a terminal prints no deprecation.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- a development-only shim: it swallows E_DEPRECATED raised inside WP-CLI's old Mustache and php-cli-tools, nothing else.
set_error_handler(
	static fn( int $level, string $message, string $file ): bool => E_DEPRECATED === $level
		&& 1 === preg_match( '#/(mustache/mustache/src|wp-cli/php-cli-tools/lib)/#', str_replace( '\\', '/', $file ) ),
	E_DEPRECATED
);

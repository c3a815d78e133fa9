<?php
/**
 * Keeps WP-CLI quiet about one deprecation of its template library, for development and tests.
 *
 * WP-CLI (a development tool here: composer.json) renders the global parameters of every command's
 * help with mustache/mustache, even when it runs a command without showing help. The Packagist copy
 * this project reaches has only mustache 2.13.0, which passes null to trim() there: under PHP 8.1+
 * and WP_DEBUG, every `wp infosec-policy …` would print and log "trim(): Passing null to parameter
 * #1" (and fail the test layers, which treat any logged deprecation as a failure). Mustache 2.14
 * fixed it. This swallows exactly that: E_DEPRECATED raised inside mustache's own source; every
 * other error goes on to PHP's handler as before.
 *
 * Loaded before WordPress through WP-CLI's `require` (wp-cli.yml in the project's folder; the tests
 * pass --require). Remove it, and the alias in composer.json, once mustache 2.14.1 or newer can be
 * installed.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

// phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler -- the point of this file; see above.
set_error_handler(
	static fn( int $level, string $message, string $file ): bool => E_DEPRECATED === $level
		&& str_contains( str_replace( '\\', '/', $file ), '/mustache/mustache/src/' ),
	E_DEPRECATED
);

<?php
/**
 * Constants that WordPress defines at run time, for PHPStan.
 *
 * @package InfosecPolicy
 */

define( 'ABSPATH', '/tmp/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'DAY_IN_SECONDS', 86400 );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'WP_LANG_DIR', '/tmp/wordpress/wp-content/languages' );
define( 'WP_CONTENT_DIR', '/tmp/wordpress/wp-content' );

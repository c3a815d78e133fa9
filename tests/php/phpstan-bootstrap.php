<?php
/**
 * Constants that WordPress defines at run time, for PHPStan.
 *
 * @package InfosecPolicy
 */

define( 'ABSPATH', '/tmp/wordpress/' );

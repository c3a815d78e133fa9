<?php
/**
 * The change log could not be written.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Changes;

defined( 'ABSPATH' ) || exit;

/**
 * Thrown when the database refuses a change log entry. The save it describes has already
 * happened; whoever saved reports it as a warning, never as a failed save.
 */
final class Change_Log_Unavailable extends \RuntimeException {
}

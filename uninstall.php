<?php
/**
 * Removes everything the plugin stored when an administrator deletes it. Deactivation keeps it all.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

Policy_Store::delete();
Change_Log::drop();
delete_option( Tls_Results::OPTION );
delete_option( Tls_Rest_Controller::LOCK );
Tls_Results::unschedule();

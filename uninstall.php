<?php
/**
 * Removes everything the plugin stored when an administrator deletes it. Deactivation keeps it all.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

use InfosecPolicy\Admin\Setup_Notice;
use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Rest\Tls_Controller;
use InfosecPolicy\Subscribers\Notice_Sender;
use InfosecPolicy\Subscribers\Rate_Limit;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscription_Requests;
use InfosecPolicy\Tls\Https_Facts;
use InfosecPolicy\Tls\Tls_Results;

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/autoload.php';

Policy_Store::delete();
Change_Log_Table::drop();
Published_Log::delete();
delete_option( Tls_Results::OPTION );
delete_option( Https_Facts::OPTION );
delete_option( Tls_Controller::LOCK );
Tls_Results::unschedule();
Subscriber_Tables::drop();
Notice_Sender::unschedule();
Rate_Limit::forget_all();
delete_option( Subscription_Requests::CAP_REACHED_OPTION );
delete_metadata( 'user', 0, Setup_Notice::DISMISSED_META, '', true );

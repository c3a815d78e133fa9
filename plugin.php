<?php
/**
 * Plugin Name:       Infosec Policy
 * Plugin URI:        https://github.com/infosec-policy/infosec-policy
 * Description:       Publish your information-security and data-protection statement from structured data: measures, processors, and the TLS certificates actually served.
 * Version:           0.1.0
 * Requires at least: 6.8
 * Requires PHP:      8.1
 * Author:            Infosec Policy
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       infosec-policy
 * Domain Path:       /languages
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy;

defined( 'ABSPATH' ) || exit;

const VERSION     = '0.1.0';
const PLUGIN_FILE = __FILE__;
const PLUGIN_DIR  = __DIR__;

require_once __DIR__ . '/includes/autoload.php';

Plugin::boot();

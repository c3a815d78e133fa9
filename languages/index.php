<?php
/**
 * The plugin's translations (Domain Path: /languages) live in this folder; nothing here runs.
 *
 * @package InfosecPolicy
 */

// Silence is golden: a web server that lists folders shows nothing here.

<?php
/**
 * Activation of the plugin in a real WordPress.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

/**
 * Activation of the plugin in a real WordPress.
 *
 * Not in a transaction like the other tests: activation happens in a second process, which must be
 * able to write to the database (SQLite locks it for the length of a transaction).
 */
final class PluginActivationTest extends \PHPUnit\Framework\TestCase {

	public function test_activates_without_errors_notices_or_output(): void {
		$command = array( PHP_BINARY, '-d', 'error_reporting=-1', __DIR__ . '/fixtures/activate-plugin.php', rtrim( ABSPATH, '/' ) );
		$process = proc_open(
			$command,
			array(
				1 => array( 'pipe', 'w' ),
				2 => array(
					'pipe',
					'w',
				),
			),
			$pipes
		);
		$this->assertIsResource( $process );
		$stdout = (string) stream_get_contents( $pipes[1] );
		$stderr = (string) stream_get_contents( $pipes[2] );
		$status = proc_close( $process );

		$this->assertSame( 0, $status, $stderr . $stdout );
		$report = json_decode( $stdout, true );
		$this->assertIsArray( $report, 'not a JSON report: ' . $stdout . $stderr );
		$this->assertFalse( $report['loadedBefore'], 'the plugin was loaded before activation, so this test proved nothing' );
		$this->assertNull( $report['result'] );
		$this->assertTrue( $report['active'] );
		$this->assertSame( '', $report['dbError'] );
		$this->assertTrue( $report['tableCreated'], 'activation must create the change log table' );
		$this->assertTrue( $report['feedRule'], 'activation must add the feed to the rewrite rules' );
		$this->assertSame( '', $report['output'] );
		$this->assertSame( array(), $report['errors'] );
	}

	public function test_is_active_in_the_test_instance(): void {
		$this->assertTrue( is_plugin_active( 'infosec-policy/plugin.php' ) );
		$this->assertTrue( class_exists( \InfosecPolicy\Plugin::class ) );
	}
}

<?php
/**
 * Base class for tests that run the plugin's WP-CLI commands in a process of their own.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Changes\Change_Log_Table;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Tls\Tls_Results;

/**
 * Runs real WP-CLI (`php vendor/wp-cli/wp-cli/php/boot-fs.php --path=<the test instance>`), as an
 * operator would, and reads the database afterwards.
 *
 * Not in a transaction like the other tests: WP-CLI has a connection of its own, which SQLite
 * would keep waiting behind this process's open write transaction, and whose writes no rollback
 * here could undo. So every test starts from, and leaves, what the test instance had: no stored
 * policy, no TLS results, an empty change log.
 */
abstract class CommandTestCase extends \PHPUnit\Framework\TestCase {

	/**
	 * Seconds a command may take before it is stopped and the test fails.
	 */
	private const TIMEOUT = 60;

	/**
	 * A folder of this test's own, for the files it imports and exports.
	 *
	 * @var string
	 */
	protected string $dir = '';

	/**
	 * Environment variables for the commands, on top of this process's.
	 *
	 * @var array<string, string>
	 */
	protected array $env = array();

	protected function setUp(): void {
		parent::setUp();
		self::forget_everything_stored();
		$this->dir = sys_get_temp_dir() . '/infosec-policy-cli-' . getmypid() . '-' . wp_rand();
		mkdir( $this->dir, 0700 );
	}

	protected function tearDown(): void {
		self::forget_everything_stored();
		foreach ( (array) glob( $this->dir . '/*' ) as $file ) {
			unlink( (string) $file );
		}
		rmdir( $this->dir );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * Removes what the commands write: the policy, the TLS results, the change log and its
	 * published copy.
	 */
	private static function forget_everything_stored(): void {
		global $wpdb;
		delete_option( Policy_Store::OPTION );
		delete_option( Tls_Results::OPTION );
		delete_option( \InfosecPolicy\Tls\Https_Facts::OPTION );
		delete_option( Published_Log::OPTION );
		$wpdb->query( 'DELETE FROM ' . Change_Log_Table::name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table name, no input.
		foreach ( array( Subscriber_Tables::DELIVERIES, Subscriber_Tables::NOTICES, Subscriber_Tables::SUBSCRIBERS, Subscriber_Tables::OBJECTIONS ) as $table ) {
			$wpdb->query( 'DELETE FROM ' . Subscriber_Tables::name( $table ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table name, no input.
		}
		wp_clear_scheduled_hook( \InfosecPolicy\Subscribers\Notice_Sender::HOOK );
		wp_cache_flush();
	}

	/**
	 * The command line and environment of a run of WP-CLI itself, with the test's own configuration.
	 *
	 * @param list<string> $args WP-CLI's arguments.
	 * @return array{ 0: list<string>, 1: array<string, string> }
	 */
	protected function command( array $args ): array {
		$root    = dirname( __DIR__, 3 );
		$command = array_merge(
			array( PHP_BINARY, $root . '/vendor/wp-cli/wp-cli/php/boot-fs.php', '--path=' . ABSPATH, '--allow-root', '--require=' . $root . '/bin/wp-cli-old-dependencies.php' ),
			array_values( $args )
		);
		// No one's WP-CLI configuration but the test's: none, and no packages.
		$env = array_merge(
			getenv(),
			array(
				'WP_CLI_CONFIG_PATH'  => $this->dir . '/no-config.yml',
				'WP_CLI_PACKAGES_DIR' => $this->dir . '/no-packages',
				'WP_CLI_CACHE_DIR'    => $this->dir . '/no-cache',
			),
			$this->env
		);
		return array( $command, $env );
	}

	/**
	 * Runs `wp <args>` against the test instance and returns its exit status and output.
	 *
	 * The global --require of bin/wp-cli-old-dependencies.php keeps the deprecations of WP-CLI's
	 * outdated libraries out of the log (see that file); anything else PHP reports reaches the
	 * instance's debug.log, which fails the test layer.
	 *
	 * @param string ...$args The command and its arguments, e.g. `infosec-policy`, `export`.
	 * @return array{ status: int, stdout: string, stderr: string }
	 */
	protected function wp( string ...$args ): array {
		list( $command, $env ) = $this->command( array_values( $args ) );
		$process               = proc_open(
			$command,
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			$this->dir,
			$env
		);
		$this->assertIsResource( $process );
		$output = $this->read_until_closed( $process, $pipes[1], $pipes[2] );
		// Waits for the process, whose output has ended, and answers its exit status.
		$status = proc_close( $process );
		return array(
			'status' => $status,
			'stdout' => $output[0],
			'stderr' => $output[1],
		);
	}

	/**
	 * Reads a process's standard output and error until it closes them; stops it, failing the test,
	 * after TIMEOUT seconds.
	 *
	 * @param resource $process The process.
	 * @param resource $stdout  Its standard output.
	 * @param resource $stderr  Its standard error.
	 * @return array{ 0: string, 1: string }
	 */
	private function read_until_closed( $process, $stdout, $stderr ): array {
		$streams  = array( $stdout, $stderr );
		$output   = array( '', '' );
		$open     = array( 0, 1 );
		$deadline = microtime( true ) + self::TIMEOUT;
		stream_set_blocking( $stdout, false );
		stream_set_blocking( $stderr, false );
		while ( array() !== $open ) {
			$left = $deadline - microtime( true );
			if ( $left <= 0 ) {
				proc_terminate( $process, 9 );
				$this->fail( 'wp did not finish within ' . self::TIMEOUT . " s.\nstdout: {$output[0]}\nstderr: {$output[1]}" );
			}
			$read   = array_map( static fn( int $index ) => $streams[ $index ], $open );
			$write  = null;
			$except = null;
			if ( false === stream_select( $read, $write, $except, 0, (int) min( 200000, $left * 1000000 ) ) ) {
				$this->fail( 'could not read the output of wp' );
			}
			foreach ( $open as $key => $index ) {
				$output[ $index ] .= (string) fread( $streams[ $index ], 65536 );
				if ( feof( $streams[ $index ] ) ) {
					fclose( $streams[ $index ] );
					unset( $open[ $key ] );
				}
			}
		}
		return $output;
	}

	/**
	 * Writes a document as a JSON file in the test's folder and returns its path.
	 *
	 * @param string $name     The file's name.
	 * @param mixed  $document The document.
	 */
	protected function write_json( string $name, mixed $document ): string {
		$path = $this->dir . '/' . $name;
		file_put_contents( $path, (string) wp_json_encode( $document, JSON_PRETTY_PRINT ) );
		return $path;
	}

	/**
	 * An option exactly as it is in the database, bypassing every cache; null when there is none.
	 *
	 * @param string $name The option.
	 */
	protected function option_raw( string $name ): ?string {
		global $wpdb;
		$raw = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", $name ) );
		return null === $raw ? null : (string) $raw;
	}

	/**
	 * How many entries the change log has, read from its table.
	 */
	protected function log_size(): int {
		global $wpdb;
		return (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Change_Log_Table::name() ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table name, no input.
	}

	/**
	 * The stored policy and revision as the commands left them (the cache of this process knows
	 * nothing of their writes).
	 *
	 * @return array{ revision: int, policy: array<string, mixed> }
	 */
	protected function stored(): array {
		wp_cache_flush();
		$stored = Policy_Store::get();
		return array(
			'revision' => $stored['revision'],
			'policy'   => $stored['policy'],
		);
	}

	/**
	 * The demo policy: the reference page (a Dutch firm's security statement).
	 *
	 * @return array<string, mixed>
	 */
	protected function demo_policy(): array {
		return infosec_policy_demo_policy();
	}

	/**
	 * The id of the test instance's administrator, made by the set-up (admin / password).
	 */
	protected function admin_id(): int {
		$admin = get_user_by( 'login', 'admin' );
		$this->assertInstanceOf( \WP_User::class, $admin );
		return $admin->ID;
	}

	/**
	 * Asserts that a command ended with an exit status, showing its output if it did not.
	 *
	 * @param int                                                  $status The expected exit status.
	 * @param array{ status: int, stdout: string, stderr: string } $run    What wp() returned.
	 */
	protected function assertExitStatus( int $status, array $run ): void {
		$this->assertSame( $status, $run['status'], "stdout:\n{$run['stdout']}\nstderr:\n{$run['stderr']}" );
	}
}

<?php
/**
 * The readme against the WordPress the tests run on.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

/**
 * "Tested up to" is a promise: it names the newest WordPress the tests run on, no more, no less.
 * (tests/js/release.test.ts keeps the versions of readme.txt, the plugin header and package.json in
 * step.)
 */
final class ReadmeTest extends \PHPUnit\Framework\TestCase {

	/**
	 * The readme's "Tested up to".
	 */
	private function tested_up_to(): string {
		$readme = (string) file_get_contents( \InfosecPolicy\PLUGIN_DIR . '/readme.txt' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin's own.
		$this->assertSame( 1, preg_match( '/^Tested up to:\s*(\d+\.\d+)\s*$/m', $readme, $match ) );
		return $match[1] ?? '';
	}

	/**
	 * The major and minor version of the WordPress these tests run on.
	 */
	private function running(): string {
		return implode( '.', array_slice( explode( '.', (string) get_bloginfo( 'version' ) ), 0, 2 ) );
	}

	public function test_tested_up_to_names_the_newest_wordpress_the_tests_run_on(): void {
		$tested  = $this->tested_up_to();
		$running = $this->running();
		// INFOSEC_WP_VERSION picks an older WordPress on purpose (CI's second pass, on 6.8); unset, the
		// tests run on the newest WordPress that bin/lib.sh finds, and the readme must name that one.
		if ( '' === (string) getenv( 'INFOSEC_WP_VERSION' ) ) {
			$this->assertSame( $running, $tested, 'readme.txt: Tested up to' );
		} else {
			$this->assertTrue( version_compare( $tested, $running, '>' ), "readme.txt says Tested up to $tested, older than or equal to the older WordPress $running" );
		}
	}
}

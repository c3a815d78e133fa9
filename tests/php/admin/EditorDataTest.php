<?php
/**
 * What the block editor is told about the policy, and the fixture the JavaScript tests read.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Editor_Data;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Results;

/**
 * The editor summary carries each finding with what it concerns; tests/js/fixtures/editor-data.json
 * is this summary for the reference page, so the blocks' JavaScript tests read what PHP sends.
 */
final class EditorDataTest extends TestCase {

	private const FIXTURE = 'tests/js/fixtures/editor-data.json';

	protected function setUp(): void {
		parent::setUp();
		Policy_Store::save( $this->demo_policy(), 0 );
		update_option(
			Tls_Results::OPTION,
			array(
				// The reference page declares the retired "Let's Encrypt Authority X3".
				'regioingenieur.nl' => array(
					'status'             => 'valid',
					'validTo'            => time() + 60 * DAY_IN_SECONDS,
					'issuerOrganization' => 'Let\'s Encrypt',
					'issuerCommonName'   => 'R11',
				),
				'mailchimp.com'     => array(
					'status'  => 'expiring',
					'validTo' => time() + 5 * DAY_IN_SECONDS,
				),
			)
		);
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The summary as the fixture keeps it: the settings address of this run's instance replaced.
	 *
	 * @return array<string, mixed>
	 */
	private function summary(): array {
		$data = Editor_Data::data();
		$this->assertNotSame( '', $data['settingsUrl'] );
		$data['settingsUrl'] = '/wp-admin/options-general.php?page=infosec-policy';
		return $data;
	}

	public function test_findings_about_processors_and_hosts_say_which_each_under_its_own_key(): void {
		$findings = $this->summary()['findings'];
		$about    = array_map( static fn( array $finding ): string => $finding['rule'] . ' ' . $finding['kind'] . ':' . $finding['id'], $findings );
		$this->assertContains( 'privacy-shield processor:mailchimp', $about );
		$this->assertNotContains( 'review-due organization:', $about, 'no block shows findings about the organisation' );
		$this->assertSame( array( 'processor', 'host' ), array_values( array_unique( array_column( $findings, 'kind' ) ) ) );
		$this->assertContains( 'certificate-expiring host:mailchimp.com', $about );
		$this->assertContains( 'issuer-contradicted host:regioingenieur.nl', $about );
		$keys = array_column( $findings, 'key' );
		$this->assertSame( $keys, array_values( array_unique( $keys ) ) );
	}

	public function test_the_site_host_is_the_one_the_certificate_checks_use(): void {
		$this->assertSame( 'regioingenieur.nl', $this->summary()['siteHost'] );
	}

	public function test_the_javascript_fixture_is_what_php_sends_now(): void {
		$json = wp_json_encode( $this->summary(), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
		$file = dirname( __DIR__, 3 ) . '/' . self::FIXTURE;
		if ( getenv( 'INFOSEC_UPDATE_FIXTURES' ) ) {
			file_put_contents( $file, $json ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a test fixture of the project, written on request.
		}
		$this->assertSame( $json, (string) file_get_contents( $file ), self::FIXTURE . ' is out of date: run INFOSEC_UPDATE_FIXTURES=1 npm test -- php' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the project.
	}
}

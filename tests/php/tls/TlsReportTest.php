<?php
/**
 * The TLS routes, the declared-against-live comparison, Site Health, and the editor's notice.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Editor_Data;
use InfosecPolicy\Admin\Site_Health;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Results;

/**
 * What the admin, the editor and Site Health learn from the stored checks.
 */
final class TlsReportTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		Policy_Store::save( $this->demo_policy(), 0 );
		delete_option( \InfosecPolicy\Rest\Tls_Controller::LOCK );
	}

	/**
	 * Stores check results by host.
	 *
	 * @param array<string, array<string, mixed>> $results Results.
	 */
	private function store_results( array $results ): void {
		update_option( Tls_Results::OPTION, $results );
	}

	public function test_the_routes_are_for_administrators_only(): void {
		foreach ( array(
			'/tls'       => 'GET',
			'/tls/check' => 'POST',
		) as $route => $method ) {
			$this->assertSame( 401, $this->rest( $method, $route )->get_status(), $route );
			wp_set_current_user( $this->create_user( 'editor' ) );
			$this->assertSame( 403, $this->rest( $method, $route )->get_status(), $route );
			wp_set_current_user( 0 );
		}
		$this->assertFalse( get_option( \InfosecPolicy\Rest\Tls_Controller::LOCK ), 'a refused request must not use up the rate limit' );
	}

	public function test_check_now_checks_every_host_and_is_rate_limited(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$first = $this->rest( 'POST', '/tls/check' );
		$this->assertSame( 200, $first->get_status() );
		$results = $first->get_data()['results'];
		$this->assertSame( array( 'regioingenieur.nl', 'mailchimp.com', 'analytics.google.com' ), array_column( $results, 'host' ) );
		// This machine blocks external requests (WP_HTTP_BLOCK_EXTERNAL): no connection is made.
		$this->assertSame( array( 'blocked', 'blocked', 'blocked' ), array_column( $results, 'status' ) );

		$second = $this->rest( 'POST', '/tls/check' );
		$this->assertSame( 429, $second->get_status() );
		$this->assertSame( 'infosec_policy_rate_limited', $second->get_data()['code'] );
		$this->assertGreaterThan( 0, $second->get_data()['data']['retryAfter'] );
		$this->assertSame( (string) $second->get_data()['data']['retryAfter'], $second->get_headers()['Retry-After'] ?? null, 'the 429 says when to try again' );
	}

	public function test_check_now_is_allowed_again_once_the_interval_has_passed(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		update_option( \InfosecPolicy\Rest\Tls_Controller::LOCK, (string) ( time() - 120 ), false );
		$this->assertSame( 200, $this->rest( 'POST', '/tls/check' )->get_status() );
		$this->assertSame( 429, $this->rest( 'POST', '/tls/check' )->get_status() );
	}

	public function test_get_reports_unchecked_hosts_and_a_declared_issuer_the_live_check_contradicts(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$this->store_results(
			array(
				'regioingenieur.nl' => array(
					'status'             => 'valid',
					'issuerOrganization' => 'Let\'s Encrypt',
					'issuerCommonName'   => 'R11',
				),
			)
		);
		$results = $this->rest( 'GET', '/tls' )->get_data()['results'];
		$this->assertSame( 'valid', $results[0]['status'] );
		$this->assertSame( 'Let\'s Encrypt Authority X3', $results[0]['declaredIssuer'] );
		$this->assertTrue( $results[0]['issuerMismatch'] );
		$this->assertSame( 'unchecked', $results[1]['status'] );
		$this->assertFalse( $results[1]['issuerMismatch'] );
	}

	/**
	 * Declared issuers against live ones.
	 *
	 * @return array<string, array{ string, string, string, bool }>
	 */
	public static function issuers(): array {
		return array(
			'retired intermediate' => array( 'Let\'s Encrypt Authority X3', 'Let\'s Encrypt', 'R11', true ),
			'organisation only'    => array( 'Let’s Encrypt', 'Let\'s Encrypt', 'R11', false ),
			'organisation and CN'  => array( 'Let\'s Encrypt R11', 'Let\'s Encrypt', 'R11', false ),
			'another CA'           => array( 'Symantec Class 3 G4', 'DigiCert Inc', 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', true ),
			'nothing declared'     => array( '', 'DigiCert Inc', 'X', false ),
			'nothing live'         => array( 'Anything', '', '', false ),
		);
	}

	/**
	 * Each pair is judged as a person would.
	 *
	 * @param string $declared     Declared issuer.
	 * @param string $organization Live issuer organisation.
	 * @param string $common_name  Live issuer common name.
	 * @param bool   $mismatch     Whether they disagree.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'issuers' )]
	public function test_judges_declared_against_live_issuers( string $declared, string $organization, string $common_name, bool $mismatch ): void {
		$result = array(
			'issuerOrganization' => $organization,
			'issuerCommonName'   => $common_name,
		);
		$this->assertSame( $mismatch, Tls_Results::issuer_mismatch( $declared, $result ) );
	}

	public function test_editors_are_told_when_the_live_issuer_contradicts_the_declared_one(): void {
		$this->store_results(
			array(
				'mailchimp.com' => array(
					'status'             => 'valid',
					'issuerOrganization' => 'DigiCert Inc',
					'issuerCommonName'   => 'DigiCert Global G2',
				),
			)
		);
		$findings = array_values( array_filter( Editor_Data::data()['findings'], static fn( array $f ): bool => str_contains( $f['message'], 'live check' ) ) );
		$this->assertCount( 1, $findings );
		$this->assertSame( array( 'host', 'mailchimp.com' ), array( $findings[0]['kind'], $findings[0]['id'] ), 'a finding about the certificate of the processor’s host' );
		$this->assertStringContainsString( 'Symantec Class 3 G4', $findings[0]['message'] );
	}

	public function test_site_health_is_critical_for_an_expired_site_certificate(): void {
		$this->store_results( array( 'regioingenieur.nl' => array( 'status' => 'expired' ) ) );
		$this->assertSame( 'critical', Site_Health::site_certificate()['status'] );
	}

	public function test_site_health_recommends_renewing_an_expiring_site_certificate(): void {
		$this->store_results(
			array(
				'regioingenieur.nl' => array(
					'status'   => 'expiring',
					'daysLeft' => 9,
				),
			)
		);
		$test = Site_Health::site_certificate();
		$this->assertSame( 'recommended', $test['status'] );
		$this->assertStringContainsString( '9 days', $test['label'] );
	}

	public function test_site_health_is_good_for_a_valid_site_certificate_and_names_failing_processors(): void {
		$this->store_results(
			array(
				'regioingenieur.nl'    => array( 'status' => 'valid' ),
				'mailchimp.com'        => array( 'status' => 'untrusted' ),
				'analytics.google.com' => array( 'status' => 'valid' ),
			)
		);
		$this->assertSame( 'good', Site_Health::site_certificate()['status'] );
		$processors = Site_Health::processor_certificates();
		$this->assertSame( 'recommended', $processors['status'] );
		$this->assertStringContainsString( 'mailchimp.com', $processors['label'] );
		$this->assertStringNotContainsString( 'analytics.google.com', $processors['label'] );
	}

	public function test_site_health_says_not_checked_for_processor_hosts_no_check_reached(): void {
		$hosts                         = array_fill_keys( \InfosecPolicy\Tls\Tls_Results::hosts(), array( 'status' => 'valid' ) );
		$hosts['mailchimp.com']        = array( 'status' => 'unreachable' );
		$hosts['analytics.google.com'] = array( 'status' => 'blocked' );
		$this->store_results( $hosts );
		$processors = Site_Health::processor_certificates();
		$this->assertSame( 'recommended', $processors['status'] );
		$this->assertStringContainsString( 'not checked', $processors['label'] );
		$this->assertStringContainsString( 'mailchimp.com', $processors['label'] );
		$this->assertStringContainsString( 'analytics.google.com', $processors['label'] );
	}

	public function test_site_health_is_good_only_when_every_processor_host_answered_and_none_fails(): void {
		$this->store_results( array_fill_keys( \InfosecPolicy\Tls\Tls_Results::hosts(), array( 'status' => 'valid' ) ) );
		$this->assertSame( 'good', Site_Health::processor_certificates()['status'] );
		$this->store_results( array() );
		$this->assertSame( 'recommended', Site_Health::processor_certificates()['status'], 'nothing checked is not fine' );
	}

	public function test_site_health_lists_both_tests(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array() ) );
		$this->assertArrayHasKey( 'infosec_policy_site_certificate', $tests['direct'] );
		$this->assertArrayHasKey( 'infosec_policy_processor_certificates', $tests['direct'] );
	}
}

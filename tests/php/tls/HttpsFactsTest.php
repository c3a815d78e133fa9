<?php
/**
 * The site's stored HTTPS facts: refreshed in the background, read by the block, the findings and
 * the register.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Register;
use InfosecPolicy\Tls\Https_Facts;
use InfosecPolicy\Tls\Https_Inspector;
use InfosecPolicy\Tls\Tls_Results;

/**
 * What visitors, the admin and procurement tools learn of how the site's host answers, from
 * servers on 127.0.0.1 standing in for it.
 */
final class HttpsFactsTest extends TestCase {

	/**
	 * The servers of this class's tests.
	 *
	 * @var TlsTestServers
	 */
	private static TlsTestServers $servers;

	/**
	 * Ports by case.
	 *
	 * @var array<string, int>
	 */
	private static array $ports = array();

	/**
	 * Hosts the guard looked up: every check starts there.
	 *
	 * @var list<string>
	 */
	private array $resolved = array();

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers = new TlsTestServers();
		self::$ports   = array(
			'redirects' => self::$servers->serve_http( "HTTP/1.1 308 Permanent Redirect\r\nLocation: https://site.test/" ),
			'serves'    => self::$servers->serve_http( 'HTTP/1.1 200 OK' ),
			'good'      => self::$servers->serve_http( "HTTP/1.1 200 OK\r\nStrict-Transport-Security: max-age=63072000; includeSubDomains", 'site.test' ),
			'legacy'    => self::$servers->serve_http( 'HTTP/1.1 200 OK', 'site.test', array( '1.0', '1.1', '1.2' ) ),
		);
	}

	public static function tearDownAfterClass(): void {
		self::$servers->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$policy                              = $this->demo_policy();
		$policy['site']['host']              = 'site.test';
		$policy['site']['tlsIssuerDeclared'] = '';
		$policy['processors']                = array_slice( $policy['processors'], 0, 2 );
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );
		update_option( Https_Facts::OPTION, array() );
		self::$servers->resolve_to_loopback( 'site.test', $this->resolved );
		$this->serve( 'redirects', 'good' );
	}

	protected function tearDown(): void {
		foreach ( array( 'infosec_policy_tls_allow_loopback', 'infosec_policy_tls_cafile', 'infosec_policy_tls_resolver', 'infosec_policy_tls_port', 'infosec_policy_http_port', 'infosec_policy_tls_checks_enabled' ) as $hook ) {
			remove_all_filters( $hook );
		}
		parent::tearDown();
	}

	/**
	 * Points the checks of site.test at two of the servers.
	 *
	 * @param string $http  Case of the plain-HTTP server, or "none" for a port nothing listens on.
	 * @param string $https Case of the HTTPS server, or "none".
	 */
	private function serve( string $http, string $https ): void {
		remove_all_filters( 'infosec_policy_http_port' );
		remove_all_filters( 'infosec_policy_tls_port' );
		$port = static fn( string $which ): int => self::$ports[ $which ] ?? TlsTestServers::free_port();
		add_filter( 'infosec_policy_http_port', static fn(): int => $port( $http ) );
		add_filter( 'infosec_policy_tls_port', static fn(): int => $port( $https ) );
	}

	/**
	 * The website facts block's paragraphs.
	 *
	 * @return list<string>
	 */
	private function block(): array {
		return $this->texts( $this->parse_html( do_blocks( '<!-- wp:infosec-policy/site-facts /-->' ) ), '//p' );
	}

	/**
	 * The rules of the findings about site.test.
	 *
	 * @return list<string>
	 */
	private function host_findings(): array {
		$findings = array_filter( Compliance_Checks::for_stored_policy(), static fn( array $finding ): bool => 'host' === $finding['concerns']['kind'] && 'site.test' === $finding['concerns']['id'] );
		return array_values( array_column( $findings, 'rule' ) );
	}

	public function test_the_cron_refresh_stores_the_facts_and_the_block_tells_visitors(): void {
		$this->assertSame( array( 'Where this website stores its data: Netherlands.', 'The firewall lets through only these ports: 80 (HTTP), 443 (HTTPS), 25 (SMTP).' ), $this->block(), 'nothing is said before a check' );

		do_action( Tls_Results::CRON_HOOK );
		$facts = Https_Facts::get();
		$this->assertSame( 'checked', $facts['status'] ?? null );
		$this->assertSame(
			array(
				'Where this website stores its data: Netherlands.',
				'The firewall lets through only these ports: 80 (HTTP), 443 (HTTPS), 25 (SMTP).',
				'Visitors who open this website with http:// are sent on to https://.',
				'Browsers are told to use only https:// for this website and its subdomains, for 2 years (HSTS).',
				'Connections to this website are encrypted with TLS 1.2 and TLS 1.3.',
				'The outdated TLS 1.0 and TLS 1.1 are refused.',
				'These connection facts were checked on ' . wp_date( (string) get_option( 'date_format' ), (int) $facts['checkedAt'] ) . '.',
			),
			$this->block()
		);
		$this->assertSame( array(), $this->host_findings(), 'nothing to find on a host that does it all right' );

		$this->assertContains( 'site.test', $this->resolved, 'the premise: a check starts with a lookup' );
		$this->resolved = array();
		$stored         = get_option( Https_Facts::OPTION );
		do_blocks( \InfosecPolicy\Blocks\Statement_Pattern::content() );
		$this->assertSame( array(), $this->resolved, 'a page view looked the host up' );
		$this->assertSame( $stored, get_option( Https_Facts::OPTION ) );
	}

	public function test_a_host_that_falls_short_is_described_as_it_is_and_gives_findings(): void {
		$this->serve( 'serves', 'legacy' );
		Https_Facts::refresh();
		$block = $this->block();
		$this->assertContains( 'This website also answers plain http:// without sending visitors on to https://.', $block );
		$this->assertContains( 'This website does not send HSTS, the header that tells browsers to use only https://.', $block );
		$this->assertContains( 'Connections to this website are encrypted with TLS 1.2.', $block );
		$this->assertContains( 'The outdated TLS 1.0 and TLS 1.1 are still accepted.', $block );
		$this->assertSame( array( 'http-not-redirected', 'hsts-missing', 'tls-outdated' ), $this->host_findings() );

		$this->serve( 'none', 'good' );
		Https_Facts::refresh();
		$this->assertContains( 'This website does not answer plain http:// at all, only https://.', $this->block() );
		$this->assertSame( array(), $this->host_findings(), 'no plain HTTP at all is as safe as a redirect' );
	}

	public function test_a_check_that_cannot_reach_the_host_keeps_the_last_facts_marked_stale(): void {
		Https_Facts::refresh();
		$good = (array) Https_Facts::get();
		$this->serve( 'none', 'none' );
		$kept = Https_Facts::refresh();
		$this->assertSame( 'checked', $kept['status'] ?? null );
		$this->assertTrue( $kept['stale'] ?? false );
		$this->assertSame( $good['checkedAt'], $kept['checkedAt'] );
		$this->assertSame( $good['tlsVersions'], $kept['tlsVersions'] );
		$this->assertContains( 'These connection facts were checked on ' . wp_date( (string) get_option( 'date_format' ), (int) $good['checkedAt'] ) . '; later checks could not reach the website.', $this->block() );

		update_option( Https_Facts::OPTION, array() );
		$this->assertSame( 'unreachable', Https_Facts::refresh()['status'] ?? null, 'with nothing known before, unreachable is stored as such' );
		$this->assertCount( 2, $this->block(), 'and says nothing to visitors' );
	}

	public function test_facts_of_a_host_the_policy_no_longer_names_are_not_shown(): void {
		Https_Facts::refresh();
		$this->assertNotNull( Https_Facts::get() );
		$policy                 = Policy_Store::policy();
		$policy['site']['host'] = 'other.test';
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );
		$this->assertNull( Https_Facts::get() );
		$this->assertCount( 2, $this->block() );
		$this->assertArrayNotHasKey( 'https', Register::document()['site'] );
	}

	public function test_checks_turned_off_connect_nowhere(): void {
		add_filter( 'infosec_policy_tls_checks_enabled', '__return_false' );
		$asked = array();
		Https_Facts::refresh(
			new Https_Inspector(
				static function ( string $address ) use ( &$asked ): string {
					$asked[] = $address;
					return 'recorded, not connected';
				}
			)
		);
		do_action( Tls_Results::CRON_HOOK );
		$this->assertSame( array(), $asked );
		$this->assertSame( array(), $this->resolved );
		$this->assertNull( Https_Facts::get() );
	}

	public function test_check_now_refreshes_them_and_shows_them_to_the_admin(): void {
		delete_option( \InfosecPolicy\Rest\Tls_Controller::LOCK );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', '/tls/check' );
		$this->assertSame( 200, $response->get_status() );
		$site = $response->get_data()['results'][0];
		$this->assertSame( 'site.test', $site['host'] );
		$this->assertSame( 'sent', $site['https']['hsts'] ?? null );
		$this->assertContains( 'Visitors who open this website with http:// are sent on to https://.', $site['httpsSentences'] );
		$this->assertSame( 'mailchimp.com', $response->get_data()['results'][1]['host'] );
		$this->assertArrayNotHasKey( 'https', $response->get_data()['results'][1], 'a processor\'s host is not the site' );
	}

	public function test_the_register_publishes_what_was_checked_not_how(): void {
		$saved = Policy_Store::updated_at();
		Https_Facts::refresh();
		$facts    = (array) Https_Facts::get();
		$register = Register::document();
		$this->assertSame(
			array(
				'host'                  => 'site.test',
				'checkedAt'             => gmdate( 'Y-m-d\TH:i:s\Z', (int) $facts['checkedAt'] ),
				'stale'                 => false,
				'httpRedirect'          => 'https',
				'hsts'                  => 'sent',
				'hstsMaxAge'            => 63072000,
				'hstsIncludeSubDomains' => true,
				'hstsPreload'           => false,
				'tlsVersions'           => array(
					'1.0' => 'refused',
					'1.1' => 'refused',
					'1.2' => 'accepted',
					'1.3' => 'accepted',
				),
			),
			$register['site']['https']
		);
		$this->assertTrue( rest_validate_value_from_schema( json_decode( (string) wp_json_encode( $register ), true ), Register::schema() ) );
		$this->assertSame( max( $saved, (int) $facts['checkedAt'] ), Register::modified(), 'a newer check is a newer register' );
	}

	public function test_a_dutch_visitor_reads_them_in_dutch(): void {
		Https_Facts::refresh();
		switch_to_locale( 'nl_NL' );
		try {
			$this->assertSame(
				array(
					'Bezoekers die deze website met http:// openen, worden doorgestuurd naar https://.',
					'Browsers krijgen de opdracht voor deze website en haar subdomeinen alleen https:// te gebruiken, gedurende 2 jaar (HSTS).',
					'Verbindingen met deze website zijn versleuteld met TLS 1.2 en TLS 1.3.',
					'De verouderde TLS 1.0 en TLS 1.1 worden geweigerd.',
				),
				array_slice( $this->block(), 2, 4 )
			);
		} finally {
			restore_current_locale();
		}
	}

	public function test_facts_another_plugin_stored_print_nothing_they_should_not(): void {
		update_option(
			Https_Facts::OPTION,
			array(
				'host'         => 'site.test',
				'status'       => 'checked',
				'checkedAt'    => time(),
				'httpRedirect' => '<script>alert(1)</script>',
				'hsts'         => 'sent',
				'hstsMaxAge'   => '<b>forever</b>',
				'tlsVersions'  => array(
					'<img src=x onerror=alert(1)>' => 'accepted',
					'1.2'                          => 'accepted',
				),
			)
		);
		$html = do_blocks( '<!-- wp:infosec-policy/site-facts /-->' );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( 'forever', $html );
		$this->assertContains( 'Connections to this website are encrypted with TLS 1.2.', $this->block() );
		$this->assertContains( 'Browsers are told to use only https:// for this website, for 0 seconds (HSTS).', $this->block() );
	}
}

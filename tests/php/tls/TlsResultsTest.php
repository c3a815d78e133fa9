<?php
/**
 * Stored TLS results: the cron refresh, stale results, and the badge that shows them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Tls\Tls_Inspector;
use InfosecPolicy\Tls\Tls_Results;

/**
 * The live badge, refreshed off the visitor's request.
 */
final class TlsResultsTest extends TestCase {

	/**
	 * The TLS servers of this class.
	 *
	 * @var TlsTestServers
	 */
	private static TlsTestServers $servers;

	/**
	 * The port of a server with a valid certificate for site.test.
	 *
	 * @var int
	 */
	private static int $port = 0;

	/**
	 * Hosts the resolver was asked about.
	 *
	 * @var list<string>
	 */
	private array $resolved = array();

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$servers = new TlsTestServers();
		self::$port    = self::$servers->serve( 'site.test' );
	}

	public static function tearDownAfterClass(): void {
		self::$servers->stop();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		$policy                              = $this->demo_policy();
		$policy['site']['host']              = 'site.test';
		$policy['site']['tlsIssuerDeclared'] = 'Let\'s Encrypt Authority X3';
		$policy['processors']                = array_slice( $policy['processors'], 0, 1 );
		Policy_Store::save( $policy, 0 );
		self::$servers->resolve_to_loopback( 'site.test', $this->resolved );
		add_filter( 'infosec_policy_tls_port', static fn(): int => self::$port );
	}

	protected function tearDown(): void {
		foreach ( array( 'infosec_policy_tls_allow_loopback', 'infosec_policy_tls_cafile', 'infosec_policy_tls_resolver', 'infosec_policy_tls_port', 'infosec_policy_tls_checks_enabled' ) as $hook ) {
			remove_all_filters( $hook );
		}
		parent::tearDown();
	}

	/**
	 * The rendered site badge.
	 */
	private function badge(): \DOMXPath {
		return $this->parse_html( do_blocks( '<!-- wp:infosec-policy/tls-badge /-->' ) );
	}

	public function test_the_cron_refresh_stores_the_live_result_and_the_badge_shows_it(): void {
		$this->assertSame( array( 'unchecked' ), $this->texts( $this->badge(), '//div/@data-status' ) );
		do_action( Tls_Results::CRON_HOOK );
		$xpath = $this->badge();
		$this->assertSame( array( 'valid' ), $this->texts( $xpath, '//div/@data-status' ) );
		$this->assertSame( array( 'Infosec Policy Tests (Infosec Policy Test CA)' ), $this->texts( $xpath, '//dd[contains(@class,"__issuer")]' ) );
		$this->assertCount( 1, $this->texts( $xpath, '//dd[contains(@class,"__valid-to")]/time' ) );
		$this->assertContains( $this->texts( $xpath, '//dd[contains(@class,"__protocol")]' )[0] ?? '', array( 'TLSv1.2', 'TLSv1.3' ) );
	}

	public function test_checks_turned_off_connect_nowhere_and_come_off_the_schedule(): void {
		Tls_Results::schedule();
		$this->assertNotFalse( wp_next_scheduled( Tls_Results::CRON_HOOK ), 'the premise: the refresh is on the schedule' );
		add_filter( 'infosec_policy_tls_checks_enabled', '__return_false' );
		do_action( Tls_Results::CRON_HOOK );
		Tls_Results::refresh();
		$this->assertSame( array(), $this->resolved, 'a check that is turned off looked a host up' );
		$this->assertSame( array(), Tls_Results::all() );
		Tls_Results::schedule();
		$this->assertFalse( wp_next_scheduled( Tls_Results::CRON_HOOK ) );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$response = $this->rest( 'POST', '/tls/check' );
		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'infosec_policy_tls_disabled', $response->get_data()['code'] );
		$this->assertSame( array(), $this->resolved );
	}

	public function test_a_refresh_that_cannot_reach_the_host_keeps_the_last_result_marked_stale(): void {
		Tls_Results::refresh();
		$good = Tls_Results::get( 'site.test' );
		$this->assertSame( 'valid', $good['status'] ?? null );

		add_filter( 'infosec_policy_tls_port', static fn(): int => TlsTestServers::free_port(), 20 );
		Tls_Results::refresh();
		$kept = Tls_Results::get( 'site.test' );
		$this->assertSame( 'valid', $kept['status'] ?? null );
		$this->assertTrue( $kept['stale'] ?? false );
		$this->assertSame( 'unreachable', $kept['lastFailure']['status'] ?? null );
		$this->assertSame( $good['validTo'], $kept['validTo'] );

		// Visitors read the certificate as last seen, and when: why later checks failed is the admin's.
		$xpath = $this->badge();
		$this->assertSame( array( 'valid' ), $this->texts( $xpath, '//div/@data-status' ) );
		$this->assertSame( array( gmdate( 'c', (int) $good['checkedAt'] ) ), $this->texts( $xpath, '//dd[contains(@class,"__checked")]/time/@datetime' ) );
		$this->assertStringNotContainsString( 'reach', implode( ' ', $this->texts( $xpath, '//div' ) ) );
	}

	public function test_hosts_without_an_answer_are_stored_as_such_when_nothing_was_known(): void {
		add_filter( 'infosec_policy_tls_port', static fn(): int => TlsTestServers::free_port(), 20 );
		Tls_Results::refresh();
		$this->assertSame( 'unreachable', Tls_Results::get( 'site.test' )['status'] ?? null );
		$this->assert_badge_shows_only_the_declared_issuer();
	}

	/**
	 * The badge of a check that reached no host: the declared issuer, marked as declared; no
	 * internal reason and no "Last checked".
	 */
	private function assert_badge_shows_only_the_declared_issuer(): void {
		$xpath = $this->badge();
		$this->assertSame( array( 'unchecked' ), $this->texts( $xpath, '//div/@data-status' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//dd[contains(@class,"__checked")]' ) );
		$text = implode( ' ', $this->texts( $xpath, '//div' ) );
		foreach ( array( 'unreachable', 'allowed', 'timed out', 'blocked' ) as $reason ) {
			$this->assertStringNotContainsStringIgnoringCase( $reason, $text );
		}
		$this->assertSame( 1, $this->count_matches( $xpath, '//*[contains(@class,"__source")]' ), 'the issuer is marked as declared' );
	}

	public function test_a_page_view_with_every_block_opens_no_connection(): void {
		Tls_Results::refresh();
		$this->resolved = array();
		$before         = Tls_Results::all();
		$html           = do_blocks( \InfosecPolicy\Blocks\Statement_Pattern::content() );
		$this->assertStringContainsString( 'data-status="valid"', $html );
		// Every check starts with the guard's lookup; none happened, and nothing was stored.
		$this->assertSame( array(), $this->resolved, 'a page view looked a host up' );
		$this->assertSame( $before, Tls_Results::all() );
	}

	public function test_hosts_the_policy_no_longer_names_are_forgotten(): void {
		Tls_Results::refresh();
		$policy                 = Policy_Store::policy();
		$policy['site']['host'] = 'other.test';
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );
		Tls_Results::refresh( new Tls_Inspector( static fn(): string => 'recorded, not connected' ) );
		$this->assertNull( Tls_Results::get( 'site.test' ) );
		$this->assertNotNull( Tls_Results::get( 'other.test' ) );
	}

	public function test_the_refresh_is_scheduled_twice_a_day_on_activation_and_cleared_on_deactivation(): void {
		$basename = plugin_basename( \InfosecPolicy\PLUGIN_FILE );
		Tls_Results::unschedule();
		do_action( 'activate_' . $basename, false );
		$event = wp_get_scheduled_event( Tls_Results::CRON_HOOK );
		$this->assertNotFalse( $event );
		$this->assertSame( 'twicedaily', $event->schedule );
		do_action( 'deactivate_' . $basename, false );
		$this->assertFalse( wp_next_scheduled( Tls_Results::CRON_HOOK ) );
		// As in a real admin request: core's own admin_init callbacks expect the admin screen.
		require_once ABSPATH . 'wp-admin/includes/admin.php';
		set_current_screen( 'dashboard' );
		try {
			do_action( 'admin_init' );
		} finally {
			unset( $GLOBALS['current_screen'] );
		}
		$this->assertNotFalse( wp_next_scheduled( Tls_Results::CRON_HOOK ), 'admin_init puts it back for sites activated before' );
	}

	public function test_a_stored_result_past_its_expiry_reads_as_expired(): void {
		update_option(
			Tls_Results::OPTION,
			array(
				'site.test' => array(
					'status'  => 'valid',
					'validTo' => time() - DAY_IN_SECONDS,
					'stale'   => true,
				),
			)
		);
		$this->assertSame( 'expired', Tls_Results::get( 'site.test' )['status'] ?? null );
		$this->assertSame( array( 'expired' ), $this->texts( $this->badge(), '//div/@data-status' ) );
	}

	public function test_a_host_that_now_resolves_to_an_internal_address_loses_its_old_result(): void {
		Tls_Results::refresh();
		add_filter( 'infosec_policy_tls_resolver', static fn(): array => array( '10.0.0.8' ), 20 );
		Tls_Results::refresh();
		$this->assertSame( 'blocked', Tls_Results::get( 'site.test' )['status'] ?? null );
		$this->assertFalse( Tls_Results::get( 'site.test' )['stale'] ?? true );
		$this->assert_badge_shows_only_the_declared_issuer();
	}
}

<?php
/**
 * Server rendering of the TLS badge block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * The TLS badge before live checks: the declared issuer, status `unchecked`.
 */
final class TlsBadgeBlockTest extends TestCase {

	/**
	 * Renders the badge.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render( array $attributes = array() ): \DOMXPath {
		$comment = array() === $attributes ? '' : ' ' . wp_json_encode( $attributes );
		return $this->parse_html( do_blocks( '<!-- wp:infosec-policy/tls-badge' . $comment . ' /-->' ) );
	}

	public function test_shows_the_sites_declared_issuer_as_unchecked_by_default(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->render();
		$this->assertSame( array( 'unchecked' ), $this->texts( $xpath, '//div[contains(@class,"wp-block-infosec-policy-tls-badge")]/@data-status' ) );
		$this->assertSame( array( 'regioingenieur.nl' ), $this->texts( $xpath, '//dd[contains(@class,"__host")]' ) );
		$this->assertStringStartsWith( 'Let\'s Encrypt Authority X3', $this->texts( $xpath, '//dd[contains(@class,"__issuer")]' )[0] );
		$this->assertSame( array( 'Not checked yet' ), $this->texts( $xpath, '//*[contains(@class,"__status-text")]' ) );
	}

	public function test_shows_one_processors_host_and_issuer(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$xpath = $this->render( array( 'processorId' => 'mailchimp' ) );
		$this->assertSame( array( 'mailchimp.com' ), $this->texts( $xpath, '//dd[contains(@class,"__host")]' ) );
		$this->assertStringStartsWith( 'Symantec Class 3 G4', $this->texts( $xpath, '//dd[contains(@class,"__issuer")]' )[0] );
		$this->assertSame( array( 'Certificate of Mailchimp' ), $this->texts( $xpath, '//*[contains(@class,"__label")]' ) );
	}

	public function test_a_processor_without_a_host_or_an_unknown_one_shows_an_empty_state(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		foreach ( array( 'make-it-workpress', 'no-such-processor' ) as $id ) {
			$xpath = $this->render( array( 'processorId' => $id ) );
			$this->assertSame( 0, $this->count_matches( $xpath, '//dl' ), $id );
			$this->assertSame( array( 'unchecked' ), $this->texts( $xpath, '//div/@data-status' ), $id );
		}
	}

	public function test_without_a_stored_policy_it_shows_the_sites_own_host(): void {
		$xpath = $this->render();
		$this->assertSame( array( 'localhost' ), $this->texts( $xpath, '//dd[contains(@class,"__host")]' ) );
		$this->assertSame( array( 'Not stated' ), $this->texts( $xpath, '//dd[contains(@class,"__issuer")]' ) );
	}

	public function test_escapes_xss_payloads(): void {
		$policy                                       = $this->demo_policy();
		$policy['site']['tlsIssuerDeclared']          = '<script>alert(1)</script>" onmouseover="alert(1)';
		$policy['processors'][1]['name']              = '<img src=x onerror=alert(1)>';
		$policy['processors'][1]['tlsIssuerDeclared'] = '<svg onload=alert(1)>';
		Policy_Store::save( $policy, 0 );
		foreach ( array( array(), array( 'processorId' => 'mailchimp' ) ) as $attributes ) {
			$xpath = $this->render( $attributes );
			$this->assertSame( 0, $this->count_matches( $xpath, '//script|//img|//svg' ) );
			$this->assertSame( 0, $this->count_matches( $xpath, '//@*[starts-with(name(),"on")]' ) );
		}
	}
}

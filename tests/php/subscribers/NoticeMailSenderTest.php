<?php
/**
 * Who the plugin's e-mails are from.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Notice_Mail;
use InfosecPolicy\Subscribers\Subscribers;

/**
 * The organisation's name as the sender, at an address on the site's own domain (SPF, DMARC), its
 * own address for replies, and the mark of an automatic e-mail on every message.
 *
 * @phpstan-import-type Subscriber from Subscribers
 */
final class NoticeMailSenderTest extends TestCase {

	/**
	 * Serves the site from a host for the rest of the test.
	 *
	 * @param string $host The host.
	 */
	private function site_on( string $host ): void {
		// A single site's network home is its home (what wp_mail() itself names its sender by).
		add_filter( 'home_url', static fn(): string => 'https://' . $host . '/' );
	}

	/**
	 * Saves the demo policy with this organisation e-mail.
	 *
	 * @param string $email The address.
	 */
	private function organization_email( string $email ): void {
		$policy                          = $this->demo_policy();
		$policy['organization']['email'] = $email;
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );
	}

	public function test_an_organisation_address_on_the_sites_domain_is_the_sender(): void {
		$this->site_on( 'www.regioingenieur.nl' );
		$this->organization_email( 'info@regioingenieur.nl' );
		$this->assertSame(
			array(
				'name'  => Policy_Store::organization_name(),
				'email' => 'info@regioingenieur.nl',
			),
			Notice_Mail::from()
		);
	}

	public function test_an_address_elsewhere_leaves_the_sites_own_sender_with_the_organisations_name(): void {
		$this->site_on( 'www.regioingenieur.nl' );
		$this->organization_email( 'regio.ingenieur@gmail.com' );
		$this->assertSame( 'wordpress@regioingenieur.nl', Notice_Mail::from()['email'] );
		$this->assertSame( Policy_Store::organization_name(), Notice_Mail::from()['name'] );
	}

	public function test_a_filter_changes_the_sender(): void {
		add_filter(
			'infosec_policy_mail_from',
			static fn(): array => array(
				'name'  => 'Security desk',
				'email' => 'security@example.org',
			)
		);
		$mail = Notice_Mail::confirmation( $this->pending() );
		$this->assertContains( 'From: "Security desk" <security@example.org>', $mail['headers'] );
	}

	public function test_every_e_mail_says_it_is_automatic_and_replies_go_to_the_organisation(): void {
		$this->organization_email( 'info@regioingenieur.nl' );
		$confirmation = Notice_Mail::confirmation( $this->pending() );
		$this->assertContains( 'Auto-Submitted: auto-generated', $confirmation['headers'] );
		$this->assertContains( 'Reply-To: info@regioingenieur.nl', $confirmation['headers'] );
	}

	public function test_a_name_cannot_start_a_header_or_break_out_of_its_quotes(): void {
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = "Evil\" <x@evil.test>\r\nBcc: victim@example.com";
		Policy_Store::save( $policy, Policy_Store::get()['revision'] );
		$from = array_values( array_filter( Notice_Mail::confirmation( $this->pending() )['headers'], static fn( string $h ): bool => str_starts_with( $h, 'From:' ) ) );
		$this->assertCount( 1, $from );
		$this->assertSame( 1, substr_count( $from[0], '<' ) );
		$this->assertSame( 2, substr_count( $from[0], '"' ) );
		$this->assertStringNotContainsString( "\n", $from[0] );
	}

	/**
	 * A pending subscriber.
	 *
	 * @return Subscriber
	 */
	private function pending(): array {
		$subscriber = Subscribers::add( 'reader@example.com', 'en_US', 'pending', 'form' );
		$this->assertNotNull( $subscriber );
		return $subscriber;
	}
}

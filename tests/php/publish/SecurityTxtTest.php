<?php
/**
 * The security.txt file, as a reporter's tool reads it.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Items;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Publish\Security_Txt;

/**
 * RFC 9116's fields from the organisation's contact data, only when the admin turned it on.
 */
final class SecurityTxtTest extends TestCase {

	/**
	 * A real security.txt a test put in place, removed after it.
	 *
	 * @var string
	 */
	private string $real_file = '';

	/**
	 * The request URI before the test.
	 *
	 * @var mixed
	 */
	private mixed $request_uri = null;

	protected function setUp(): void {
		parent::setUp();
		$this->request_uri = $_SERVER['REQUEST_URI'] ?? null; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- kept as it is, to be put back after the test.
	}

	protected function tearDown(): void {
		if ( '' !== $this->real_file && file_exists( $this->real_file ) ) {
			unlink( $this->real_file );
			rmdir( dirname( $this->real_file ) );
		}
		restore_current_locale();
		$_SERVER['REQUEST_URI'] = $this->request_uri;
		parent::tearDown();
	}

	/**
	 * Stores the demo policy, security.txt on or off, with changes to its organisation.
	 *
	 * @param bool                 $on           Whether security.txt is on.
	 * @param array<string, mixed> $organization Fields of the organisation to replace.
	 */
	private function store( bool $on, array $organization = array() ): void {
		$policy                        = $this->demo_policy();
		$policy['site']['securityTxt'] = $on;
		$policy['organization']        = array_merge( $policy['organization'], $organization );
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	/**
	 * The file's fields, as RFC 9116 parses them: "Name: value", one per line.
	 *
	 * @return array<string, list<string>>
	 */
	private function fields(): array {
		$document = Security_Txt::document();
		$this->assertIsString( $document );
		$fields = array();
		foreach ( explode( "\n", rtrim( $document, "\n" ) ) as $line ) {
			$this->assertMatchesRegularExpression( '/^[A-Za-z-]+: \S/', $line );
			list( $name, $value ) = explode( ': ', $line, 2 );
			$fields[ $name ][]    = $value;
		}
		return $fields;
	}

	public function test_off_unless_the_admin_turns_it_on(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertNull( Security_Txt::document() );
		$this->store( false );
		$this->assertNull( Security_Txt::document() );
	}

	public function test_every_field_from_the_organisation_and_the_statement_page(): void {
		// The test site's statement page, made at set-up from the pattern; a later copy is no rival.
		$statement = get_page_by_path( 'information-security' );
		$this->assertInstanceOf( \WP_Post::class, $statement );
		$copy = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Informatieveiligheid',
				'post_content' => '<!-- wp:infosec-policy/processor-table /-->',
			),
			true
		);
		$this->assertIsInt( $copy );
		$this->store( true );
		$fields = $this->on_https( fn(): array => $this->fields() );
		$this->assertSame( array( 'Contact', 'Expires', 'Preferred-Languages', 'Canonical', 'Policy' ), array_keys( $fields ) );
		$this->assertSame( array( 'mailto:info@regioingenieur.nl' ), $fields['Contact'] );
		$this->assertSame( array( 'en' ), $fields['Preferred-Languages'] );
		$this->assertSame( array( 'https://' . wp_parse_url( home_url(), PHP_URL_HOST ) . ( wp_parse_url( home_url(), PHP_URL_PORT ) ? ':' . wp_parse_url( home_url(), PHP_URL_PORT ) : '' ) . '/.well-known/security.txt' ), $fields['Canonical'] );
		$this->assertSame( array( str_replace( 'http://', 'https://', (string) get_permalink( $statement ) ) ), $fields['Policy'] );

		// Expires: ISO 8601 in UTC, in the future, under a year ahead, as the RFC recommends.
		$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/', $fields['Expires'][0] );
		$expires = (int) strtotime( $fields['Expires'][0] );
		$this->assertGreaterThan( time() + 30 * DAY_IN_SECONDS, $expires );
		$this->assertLessThan( time() + 365 * DAY_IN_SECONDS, $expires );
	}

	public function test_a_site_on_plain_http_names_no_web_address_rfc_9116_forbids(): void {
		$this->assertStringStartsWith( 'http://', home_url(), 'the test site is served over http' );
		$this->store( true, array( 'website' => 'http://regioingenieur.nl' ) );
		$fields = $this->fields();
		$this->assertSame( array( 'Contact', 'Expires', 'Preferred-Languages' ), array_keys( $fields ), 'no Canonical, no Policy' );
		$this->assertSame( array( 'mailto:info@regioingenieur.nl' ), $fields['Contact'] );
		foreach ( $fields as $name => $values ) {
			$this->assertStringNotContainsString( 'http://', implode( ' ', $values ), $name );
		}
	}

	/**
	 * What a function returns while the site is served over https.
	 *
	 * @template T
	 * @param callable(): T $read What to run.
	 * @return T
	 */
	private function on_https( callable $read ): mixed {
		$https = static fn( mixed $url ): mixed => is_string( $url ) ? (string) preg_replace( '#^http://#', 'https://', $url ) : $url;
		add_filter( 'option_home', $https );
		try {
			return $read();
		} finally {
			remove_filter( 'option_home', $https );
		}
	}

	public function test_a_filter_names_another_statement_page(): void {
		$this->store( true );
		add_filter( 'infosec_policy_statement_url', static fn(): string => 'https://regioingenieur.nl/informatieveiligheid/' );
		$this->assertSame( array( 'https://regioingenieur.nl/informatieveiligheid/' ), $this->fields()['Policy'] );
		remove_all_filters( 'infosec_policy_statement_url' );
	}

	public function test_expires_is_renewed_from_the_day_it_is_read(): void {
		$this->store( true );
		$this->assertStringContainsString( 'Expires: 2031-06-29T00:00:00Z', (string) Security_Txt::document( (int) strtotime( '2030-12-31 15:00:00 UTC' ) ) );
	}

	public function test_a_dutch_site_prefers_dutch_then_english(): void {
		$this->store( true );
		switch_to_locale( 'nl_NL' );
		$this->assertSame( array( 'nl, en' ), $this->fields()['Preferred-Languages'] );
	}

	public function test_without_an_address_the_website_is_the_contact_and_without_either_there_is_no_file(): void {
		$this->store(
			true,
			array(
				'email'   => '',
				'website' => 'https://regioingenieur.nl/contact',
			)
		);
		$this->assertSame( array( 'https://regioingenieur.nl/contact' ), $this->fields()['Contact'] );
		$this->store(
			true,
			array(
				'email'   => '',
				'website' => 'http://regioingenieur.nl',
			)
		);
		$this->assertNull( Security_Txt::document(), 'a plain-http contact is no safe channel' );
	}

	public function test_a_line_break_in_a_value_never_starts_a_field(): void {
		$this->store(
			true,
			array(
				'email'   => '',
				'website' => "https://regioingenieur.nl/\r\nEncryption: https://attacker.test/key",
			)
		);
		$document = (string) $this->on_https( static fn(): ?string => Security_Txt::document() );
		$this->assertDoesNotMatchRegularExpression( '/^Encryption:/m', $document );
		$this->assertSame( 5, substr_count( $document, "\n" ) );
	}

	public function test_a_real_file_wins(): void {
		$this->store( true );
		$this->real_file = ABSPATH . '.well-known/security.txt';
		wp_mkdir_p( dirname( $this->real_file ) );
		file_put_contents( $this->real_file, "Contact: mailto:real@example.com\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a test's own file in the test site.
		$this->assertNull( Security_Txt::document() );
	}

	public function test_only_its_own_path_is_answered(): void {
		foreach ( array( '/.well-known/security.txt', '/.well-known/security.txt?x=1' ) as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertTrue( Security_Txt::requested(), $uri );
		}
		foreach ( array( '/security.txt', '/.well-known/security.txt/', '/page/.well-known/security.txt' ) as $uri ) {
			$_SERVER['REQUEST_URI'] = $uri;
			$this->assertFalse( Security_Txt::requested(), $uri );
		}
	}

	public function test_turning_it_on_stays_out_of_the_published_log(): void {
		$before = $this->demo_policy();
		$after  = $before;

		$after['site']['securityTxt'] = true;
		$items                        = Change_Items::between( $before, $after );
		$this->assertCount( 1, $items );
		$this->assertFalse( Change_Items::is_public( $items[0] ) );
		$this->assertSame( 'Changed whether the website serves security.txt from no to yes', \InfosecPolicy\Changes\Change_Sentences::sentence( $items[0] ) );
	}
}

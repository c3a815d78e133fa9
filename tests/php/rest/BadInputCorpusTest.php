<?php
/**
 * A corpus of hostile and malformed input against PUT /policy.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;

/**
 * Every input gets a clear 400 that names the field, or is stored as inert text; none causes a 500,
 * a PHP notice (PHPUnit fails on those), or a write after a 400.
 */
final class BadInputCorpusTest extends TestCase {

	private const MARKUP_PAYLOADS = array(
		'<script>alert(1)</script>',
		'" onmouseover="alert(1)" x="',
		'<img src=x onerror=alert(1)>',
		'jaVasCript:/*-/*`/*\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\x3csVg/<sVg/oNloAd=alert()//>\x3e',
		'{{constructor.constructor(\'alert(1)\')()}}',
		'\'; DROP TABLE wp_options; --',
	);

	/** Every text field of the format, as a path into the demo policy. */
	private const TEXT_FIELDS = array(
		'organization.name',
		'organization.standards.0.name',
		'measures.0.title',
		'measures.0.description',
		'processors.0.role',
		'processors.0.name',
		'processors.0.legalEntity',
		'processors.0.description',
		'processors.0.tlsIssuerDeclared',
		'processors.0.certifications',
		'site.tlsIssuerDeclared',
	);

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	/**
	 * The demo policy with one field set.
	 *
	 * @param string $path  Dotted path, numeric parts for list items.
	 * @param mixed  $value New value.
	 * @return array<string, mixed>
	 */
	private function with( string $path, mixed $value ): array {
		$policy = $this->demo_policy();
		$node   = &$policy;
		foreach ( explode( '.', $path ) as $key ) {
			$node = &$node[ is_numeric( $key ) ? (int) $key : $key ];
		}
		$node = $value;
		return $policy;
	}

	/**
	 * PUTs a document at the current revision.
	 *
	 * @param mixed $policy The document.
	 */
	private function put( mixed $policy ): \WP_REST_Response {
		return $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $policy,
				'revision' => Policy_Store::get()['revision'],
			)
		);
	}

	/**
	 * Asserts a 400 that names the field and left the stored policy as it was.
	 *
	 * @param mixed       $policy The document.
	 * @param string      $path   The JSON path that must be named.
	 * @param string|null $before The stored value before.
	 */
	private function assert_rejected( mixed $policy, string $path, ?string $before ): void {
		$response = $this->put( $policy );
		$this->assertSame( 400, $response->get_status(), $path );
		$this->assertContains( $path, array_column( $response->get_data()['data']['errors'], 'path' ), $path );
		$this->assertSame( $before, $this->stored_raw(), $path );
	}

	public function test_markup_and_script_in_every_text_field_is_stored_as_inert_text(): void {
		foreach ( self::TEXT_FIELDS as $field ) {
			foreach ( self::MARKUP_PAYLOADS as $payload ) {
				$value    = 'processors.0.certifications' === $field ? array( mb_substr( $payload, 0, 100 ) ) : mb_substr( $payload, 0, 100 );
				$response = $this->put( $this->with( $field, $value ) );
				$this->assertSame( 200, $response->get_status(), $field . ': ' . wp_json_encode( $response->get_data() ) );
				$this->assertSame( $this->with( $field, $value ), Policy_Store::policy(), 'stored exactly as sent, not altered: ' . $field );
				$this->assertSame( array(), \InfosecPolicy\Policy\Policy_Validator::validate( Policy_Store::policy() ), 'the stored value passes the schema: ' . $field );
			}
		}
	}

	public function test_strings_over_their_length_limit_are_rejected(): void {
		$before = $this->stored_raw();
		$limits = array(
			'organization.name'        => 200,
			'measures.0.title'         => 200,
			'measures.0.description'   => 5000,
			'processors.0.role'        => 100,
			'processors.0.description' => 5000,
			'processors.0.legalEntity' => 200,
			'site.tlsIssuerDeclared'   => 200,
			'organization.website'     => 2000,
		);
		foreach ( $limits as $field => $limit ) {
			$long = 'organization.website' === $field ? 'https://example.com/' . str_repeat( 'a', $limit ) : str_repeat( 'ä', $limit + 1 );
			$this->assert_rejected( $this->with( $field, $long ), str_replace( array( '.0.', '.0' ), array( '[0].', '[0]' ), $field ), $before );
		}
		$this->assert_rejected( $this->with( 'measures.0.description', str_repeat( 'x', 1024 * 1024 ) ), 'measures[0].description', $before );
	}

	public function test_wrong_types_in_every_field_are_rejected(): void {
		$before = $this->stored_raw();
		$fields = array(
			'formatVersion'               => 'formatVersion',
			'organization'                => 'organization',
			'organization.name'           => 'organization.name',
			'organization.standards'      => 'organization.standards',
			'measures'                    => 'measures',
			'measures.0'                  => 'measures[0]',
			'measures.0.category'         => 'measures[0].category',
			'processors'                  => 'processors',
			'processors.0.dataLocations'  => 'processors[0].dataLocations',
			'processors.0.dpaSigned'      => 'processors[0].dpaSigned',
			'processors.0.firewall'       => 'processors[0].firewall',
			'processors.0.certifications' => 'processors[0].certifications',
			'site'                        => 'site',
			'site.firewallPorts'          => 'site.firewallPorts',
		);
		foreach ( $fields as $field => $path ) {
			$text_field = in_array( $field, array( 'organization.name', 'measures.0.category' ), true );
			foreach ( array( 12.5, null, $text_field ? array( 'text' ) : 'text' ) as $wrong ) {
				$this->assert_rejected( $this->with( $field, $wrong ), $path, $before );
			}
		}
	}

	public function test_unknown_keys_at_every_level_are_rejected(): void {
		$before = $this->stored_raw();
		foreach ( array( 'x', 'organization.x', 'organization.standards.0.x', 'measures.0.x', 'processors.0.x', 'site.x' ) as $field ) {
			$this->assert_rejected( $this->with( $field, 1 ), str_replace( '.0.', '[0].', $field ), $before );
		}
		$this->assert_rejected( $this->with( '__proto__', array( 'admin' => true ) ), '__proto__', $before );
	}

	public function test_duplicate_ids_are_rejected(): void {
		$before = $this->stored_raw();
		$this->assert_rejected( $this->with( 'processors.1.id', 'make-it-workpress' ), 'processors[1].id', $before );
		$this->assert_rejected( $this->with( 'measures.6.id', 'werkproces' ), 'measures[6].id', $before );
	}

	public function test_script_and_data_urls_are_rejected(): void {
		$before = $this->stored_raw();
		foreach ( array( 'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', '//evil.example', 'https://evil.example/"><script>' ) as $url ) {
			$this->assert_rejected( $this->with( 'organization.website', $url ), 'organization.website', $before );
			$this->assert_rejected( $this->with( 'processors.1.securityUrl', $url ), 'processors[1].securityUrl', $before );
		}
	}

	public function test_invalid_country_codes_are_rejected(): void {
		$before = $this->stored_raw();
		foreach ( array( 'XX', 'nl', 'NLD', 'EU', 'UK', '', '<b>' ) as $code ) {
			$this->assert_rejected( $this->with( 'processors.1.country', $code ), 'processors[1].country', $before );
			$this->assert_rejected( $this->with( 'site.dataLocations', array( $code ) ), 'site.dataLocations[0]', $before );
		}
	}

	public function test_a_deeply_nested_document_is_rejected_without_a_server_error(): void {
		$deep = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$deep = array( 'x' => $deep );
		}
		$before = $this->stored_raw();
		$this->assert_rejected( $this->with( 'organization', $deep ), 'organization.x', $before );
		$this->assert_rejected( $this->with( 'organization.name', $deep ), 'organization.name', $before );
		$this->assert_rejected( $this->with( 'processors.0.dataLocations', array( $deep ) ), 'processors[0].dataLocations[0]', $before );
		$this->assertSame( array(), Policy_Validator::validate( Policy_Store::policy() ) );
	}
}

<?php
/**
 * The policy schema's rules, as the validator applies them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * Each rule of schema/policy.schema.json, with a document that breaks it and one that keeps it.
 */
final class PolicyValidatorTest extends TestCase {

	public function test_the_reference_page_expressed_as_a_policy_is_valid(): void {
		$this->assertSame( array(), Policy_Validator::validate( $this->demo_policy() ) );
	}

	public function test_the_default_policy_of_a_new_site_is_valid(): void {
		$this->assertSame( array(), Policy_Validator::validate( Policy_Store::default_policy() ) );
	}

	/**
	 * Documents that break one rule each: [ change to the demo policy, JSON path, error code ].
	 *
	 * @return array<string, array{ 0: callable(array<string, mixed>): array<string, mixed>, 1: string, 2: string }>
	 */
	public static function broken_documents(): array {
		$set   = static fn( string $path, mixed $value ): callable => static function ( array $policy ) use ( $path, $value ): array {
			$node = &$policy;
			foreach ( explode( '.', $path ) as $key ) {
				$node = &$node[ is_numeric( $key ) ? (int) $key : $key ];
			}
			$node = $value;
			return $policy;
		};
		$unset = static fn( string $parent, string $key ): callable => static function ( array $policy ) use ( $parent, $key ): array {
			$node = &$policy;
			foreach ( '' === $parent ? array() : explode( '.', $parent ) as $part ) {
				$node = &$node[ is_numeric( $part ) ? (int) $part : $part ];
			}
			unset( $node[ $key ] );
			return $policy;
		};
		return array(
			'format version other than 1'    => array( $set( 'formatVersion', 2 ), 'formatVersion', 'rest_not_in_enum' ),
			'format version as a string'     => array( $set( 'formatVersion', '1' ), 'formatVersion', 'rest_invalid_type' ),
			'missing organisation name'      => array( $unset( 'organization', 'name' ), 'organization.name', 'rest_property_required' ),
			'empty organisation name'        => array( $set( 'organization.name', '' ), 'organization.name', 'rest_too_short' ),
			'organisation name of 201 chars' => array( $set( 'organization.name', str_repeat( 'a', 201 ) ), 'organization.name', 'rest_too_long' ),
			'organisation name on two lines' => array( $set( 'organization.name', "a\nb" ), 'organization.name', 'rest_invalid_pattern' ),
			'e-mail address without an @'    => array( $set( 'organization.email', 'info.example.com' ), 'organization.email', 'rest_invalid_email' ),
			'website with javascript:'       => array( $set( 'organization.website', 'javascript:alert(1)' ), 'organization.website', 'rest_invalid_pattern' ),
			'website with data:'             => array( $set( 'organization.website', 'data:text/html,<script>alert(1)</script>' ), 'organization.website', 'rest_invalid_pattern' ),
			'website without a host'         => array( $set( 'organization.website', 'https://' ), 'organization.website', 'rest_invalid_pattern' ),
			'website with credentials'       => array( $set( 'organization.website', 'https://user:secret@example.com/' ), 'organization.website', 'rest_invalid_pattern' ),
			'website with a space'           => array( $set( 'organization.website', 'https://exa mple.com/' ), 'organization.website', 'rest_invalid_url' ),
			'unknown country code'           => array( $set( 'organization.country', 'XX' ), 'organization.country', 'rest_not_in_enum' ),
			'lower-case country code'        => array( $set( 'organization.country', 'nl' ), 'organization.country', 'rest_not_in_enum' ),
			'standard status not allowed'    => array( $set( 'organization.standards.0.status', 'maybe' ), 'organization.standards[0].status', 'rest_not_in_enum' ),
			'standard valid until 30 Feb'    => array( $set( 'organization.standards.0.validUntil', '2027-02-30' ), 'organization.standards[0].validUntil', 'rest_invalid_date' ),
			'review date in another format'  => array( $set( 'organization.reviewedAt', '28-11-2026' ), 'organization.reviewedAt', 'rest_invalid_pattern' ),
			'measure id that is not a slug'  => array( $set( 'measures.0.id', 'Not A Slug' ), 'measures[0].id', 'rest_invalid_pattern' ),
			'duplicate measure id'           => array( $set( 'measures.1.id', 'werkproces' ), 'measures[1].id', 'rest_duplicate_item' ),
			'measure category not allowed'   => array( $set( 'measures.0.category', 'physical' ), 'measures[0].category', 'rest_not_in_enum' ),
			'measure description too long'   => array( $set( 'measures.0.description', str_repeat( 'a', 5001 ) ), 'measures[0].description', 'rest_too_long' ),
			'measure description with NUL'   => array( $set( 'measures.0.description', "a\0b" ), 'measures[0].description', 'rest_invalid_pattern' ),
			'measure with an unknown field'  => array( $set( 'measures.0.owner', 'IT' ), 'measures[0].owner', 'rest_additional_properties_forbidden' ),
			'more than 500 measures'         => array( $set( 'measures', array_fill( 0, 501, array() ) ), 'measures', 'rest_too_many_items' ),
			'measures as an object'          => array( $set( 'measures', array( 'a' => 1 ) ), 'measures', 'rest_invalid_type' ),
			'language that is no code'       => array( $set( 'organization.language', 'Dutch' ), 'organization.language', 'rest_invalid_pattern' ),
			'language in capitals'           => array( $set( 'organization.language', 'NL' ), 'organization.language', 'rest_invalid_pattern' ),
			'translation keyed by a name'    => array( $set( 'translations', array( 'English' => array() ) ), 'translations.English', 'rest_additional_properties_forbidden' ),
			'translation of a country'       => array(
				$set(
					'translations.en.processors',
					array(
						array(
							'id'      => 'mailchimp',
							'country' => 'US',
						),
					)
				),
				'translations.en.processors[0].country',
				'rest_additional_properties_forbidden',
			),
			'translation of a measure id'    => array(
				$set(
					'translations.en.measures',
					array(
						array(
							'id'    => 'backups',
							'title' => 'Backups',
						),
					)
				),
				'translations.en.measures[0].id',
				'infosec_policy_unknown_translated',
			),
			'translation of a processor id'  => array(
				$set(
					'translations.en.processors',
					array(
						array(
							'id'   => 'brevo',
							'role' => 'Newsletter',
						),
					)
				),
				'translations.en.processors[0].id',
				'infosec_policy_unknown_translated',
			),
			'translated entry without id'    => array( $set( 'translations.en.measures', array( array( 'title' => 'Work process' ) ) ), 'translations.en.measures[0].id', 'rest_property_required' ),
			'translation repeating an id'    => array( $set( 'translations.en.measures', array( array( 'id' => 'werkproces' ), array( 'id' => 'werkproces' ) ) ), 'translations.en.measures[1].id', 'rest_duplicate_item' ),
			'translated title on two lines'  => array(
				$set(
					'translations.en.measures',
					array(
						array(
							'id'    => 'werkproces',
							'title' => "Work\nprocess",
						),
					)
				),
				'translations.en.measures[0].title',
				'rest_invalid_pattern',
			),
			'translation into the original'  => array( $set( 'translations.nl', array() ), 'translations.nl', 'infosec_policy_translation_of_original' ),
			'translations into 21 languages' => array( $set( 'translations', array_fill_keys( array( 'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bh', 'bi', 'bm', 'bn', 'bo', 'br' ), array() ) ), 'translations', 'rest_too_many_properties' ),
			'duplicate processor id'         => array( $set( 'processors.2.id', 'mailchimp' ), 'processors[2].id', 'rest_duplicate_item' ),
			'processor without a country'    => array( $unset( 'processors.1', 'country' ), 'processors[1].country', 'rest_property_required' ),
			'data location not a country'    => array( $set( 'processors.1.dataLocations', array( 'USA' ) ), 'processors[1].dataLocations[0]', 'rest_not_in_enum' ),
			'data location listed twice'     => array( $set( 'processors.1.dataLocations', array( 'US', 'US' ) ), 'processors[1].dataLocations[1]', 'rest_duplicate_item' ),
			'unknown transfer basis'         => array( $set( 'processors.1.transferBasis', 'safe-harbor' ), 'processors[1].transferBasis', 'rest_not_in_enum' ),
			'processing agreement as text'   => array( $set( 'processors.1.dpaSigned', 'true' ), 'processors[1].dpaSigned', 'rest_invalid_type' ),
			'processing agreement date'      => array( $set( 'processors.1.dpaDate', 'yesterday' ), 'processors[1].dpaDate', 'rest_invalid_pattern' ),
			'security page over http'        => array( $set( 'processors.1.securityUrl', 'http://mailchimp.com/security' ), 'processors[1].securityUrl', 'rest_invalid_pattern' ),
			'host with a scheme'             => array( $set( 'processors.1.host', 'https://mailchimp.com' ), 'processors[1].host', 'rest_invalid_pattern' ),
			'host with a port'               => array( $set( 'processors.1.host', 'mailchimp.com:443' ), 'processors[1].host', 'rest_invalid_pattern' ),
			'host that is an IP address'     => array( $set( 'processors.1.host', '10.0.0.1' ), 'processors[1].host', 'rest_invalid_pattern' ),
			'host of one label'              => array( $set( 'processors.1.host', 'localhost' ), 'processors[1].host', 'rest_invalid_pattern' ),
			'firewall as a number'           => array( $set( 'processors.1.firewall', 1 ), 'processors[1].firewall', 'rest_invalid_type' ),
			'empty certification'            => array( $set( 'processors.1.certifications', array( '' ) ), 'processors[1].certifications[0]', 'rest_too_short' ),
			'port 0'                         => array( $set( 'site.firewallPorts', array( 0 ) ), 'site.firewallPorts[0]', 'rest_out_of_bounds' ),
			'port 65536'                     => array( $set( 'site.firewallPorts', array( 65536 ) ), 'site.firewallPorts[0]', 'rest_out_of_bounds' ),
			'port as a string'               => array( $set( 'site.firewallPorts', array( '80' ) ), 'site.firewallPorts[0]', 'rest_invalid_type' ),
			'unknown top-level field'        => array( $set( 'extra', true ), 'extra', 'rest_additional_properties_forbidden' ),
			'site as a list'                 => array( $set( 'site', array( 1, 2 ) ), 'site', 'rest_invalid_type' ),
			// PCRE's "$" also matches before a final newline; the validator must not.
			'id with a trailing newline'     => array( $set( 'measures.0.id', "werkproces2\n" ), 'measures[0].id', 'rest_invalid_pattern' ),
			'host with a trailing newline'   => array( $set( 'processors.1.host', "mailchimp.com\n" ), 'processors[1].host', 'rest_invalid_pattern' ),
			'URL with a trailing newline'    => array( $set( 'organization.website', "https://example.com/\n" ), 'organization.website', 'rest_invalid_url' ),
			'date with a trailing newline'   => array( $set( 'organization.reviewedAt', "2024-01-01\n" ), 'organization.reviewedAt', 'rest_invalid_pattern' ),
			'name with a trailing newline'   => array( $set( 'organization.name', "Name\n" ), 'organization.name', 'rest_invalid_pattern' ),
			'category not in the enum'       => array( $set( 'measures.0.category', "technical\n" ), 'measures[0].category', 'rest_not_in_enum' ),
			'notice period of 181 days'      => array( $set( 'organization.noticePeriodDays', 181 ), 'organization.noticePeriodDays', 'rest_out_of_bounds' ),
			'negative notice period'         => array( $set( 'organization.noticePeriodDays', -1 ), 'organization.noticePeriodDays', 'rest_out_of_bounds' ),
			'notice period as a string'      => array( $set( 'organization.noticePeriodDays', '30' ), 'organization.noticePeriodDays', 'rest_invalid_type' ),
			'postal address of 301 chars'    => array( $set( 'processors.1.address', str_repeat( 'a', 301 ) ), 'processors[1].address', 'rest_too_long' ),
			'postal address with a NUL'      => array( $set( 'processors.1.address', "a\0b" ), 'processors[1].address', 'rest_invalid_pattern' ),
			'contact point over http'        => array( $set( 'processors.1.contactPoint', 'http://mailchimp.com/privacy' ), 'processors[1].contactPoint', 'rest_invalid_format' ),
			'contact point neither'          => array( $set( 'processors.1.contactPoint', 'call us' ), 'processors[1].contactPoint', 'rest_invalid_format' ),
			'purpose of 501 chars'           => array( $set( 'processors.1.purpose', str_repeat( 'a', 501 ) ), 'processors[1].purpose', 'rest_too_long' ),
			'21 data categories'             => array( $set( 'processors.1.dataCategories', array_map( 'strval', range( 1, 21 ) ) ), 'processors[1].dataCategories', 'rest_too_many_items' ),
			'an empty data category'         => array( $set( 'processors.1.dataCategories', array( '' ) ), 'processors[1].dataCategories[0]', 'rest_too_short' ),
			'a data category twice'          => array( $set( 'processors.1.dataCategories', array( 'names', 'names' ) ), 'processors[1].dataCategories[1]', 'rest_duplicate_item' ),
			'retention on two lines'         => array( $set( 'processors.1.retention', "a\nb" ), 'processors[1].retention', 'rest_invalid_pattern' ),
			'parent that is no processor'    => array( $set( 'processors.1.parentId', 'brevo' ), 'processors[1].parentId', 'infosec_policy_unknown_parent' ),
			'parent that is itself'          => array( $set( 'processors.1.parentId', 'mailchimp' ), 'processors[1].parentId', 'infosec_policy_parent_cycle' ),
			'parent not a slug'              => array( $set( 'processors.1.parentId', 'Make It' ), 'processors[1].parentId', 'rest_invalid_pattern' ),
			'sub-processor list over http'   => array( $set( 'processors.1.subprocessorsUrl', 'http://mailchimp.com/sub' ), 'processors[1].subprocessorsUrl', 'rest_invalid_pattern' ),
		);
	}

	/**
	 * The documents of tests/fixtures/policy-documents.json, which the JavaScript tests also give to a
	 * standard JSON Schema validator (ajv) with the shipped schema: [ document, the plugin's verdict ].
	 *
	 * @return array<string, array{ 0: string, 1: array<string, mixed>, 2: bool }>
	 */
	public static function shared_documents(): array {
		$read     = static fn( string $file ): array => json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/' . $file ), true, 512, JSON_THROW_ON_ERROR ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the project.
		$fixture  = $read( 'tests/fixtures/policy-documents.json' );
		$base     = $read( (string) $fixture['base'] );
		$examples = array();
		foreach ( $fixture['cases'] as $case ) {
			$document = $base;
			foreach ( $case['set'] as $pointer => $value ) {
				$node = &$document;
				foreach ( array_slice( explode( '/', (string) $pointer ), 1 ) as $key ) {
					$node = &$node[ is_numeric( $key ) ? (int) $key : $key ];
				}
				$node = $value;
				unset( $node );
			}
			$examples[ (string) $case['name'] ] = array( (string) $case['name'], $document, (bool) $case['valid'] );
		}
		return $examples;
	}

	/**
	 * The plugin and a standard validator with the shipped schema agree: the JavaScript side of this
	 * is tests/js/policy-schema.test.ts.
	 *
	 * @param string               $name     What the document shows.
	 * @param array<string, mixed> $document A policy document.
	 * @param bool                 $valid    Whether the plugin takes it.
	 */
	#[DataProvider( 'shared_documents' )]
	public function test_takes_and_refuses_the_documents_a_standard_validator_is_checked_against( string $name, array $document, bool $valid ): void {
		$errors = Policy_Validator::validate( $document );
		$this->assertSame( $valid, array() === $errors, $name . ': ' . wp_json_encode( $errors ) );
	}

	/**
	 * Each broken document is reported at the broken field, for the broken rule, and nowhere else.
	 *
	 * @param callable(array<string, mixed>): array<string, mixed> $break Makes the document invalid.
	 * @param string                                               $path  Where the error must be.
	 * @param string                                               $code  Which rule it breaks.
	 */
	#[DataProvider( 'broken_documents' )]
	public function test_rejects_a_broken_rule_at_its_path( callable $break, string $path, string $code ): void {
		$errors = Policy_Validator::validate( $break( $this->demo_policy() ) );
		$this->assertSame( array( $path ), array_values( array_unique( array_column( $errors, 'path' ) ) ), (string) wp_json_encode( $errors ) );
		$this->assertSame( $code, $errors[0]['code'] ?? null, (string) wp_json_encode( $errors ) );
		$this->assertNotSame( '', $errors[0]['message'] ?? '' );
	}

	public function test_a_chain_of_sub_processors_is_valid_and_a_circle_is_refused_at_each_of_its_processors(): void {
		$policy                                      = $this->demo_policy();
		$policy['processors'][1]['parentId']         = 'make-it-workpress';
		$policy['processors'][2]['parentId']         = 'mailchimp';
		$policy['processors'][1]['address']          = "675 Ponce de Leon Ave NE\nAtlanta, GA 30308";
		$policy['processors'][1]['contactPoint']     = 'https://mailchimp.com/contact/';
		$policy['processors'][2]['contactPoint']     = 'privacy@google.com';
		$policy['processors'][1]['dataCategories']   = array( 'names', 'e-mail addresses' );
		$policy['processors'][1]['subprocessorsUrl'] = 'https://mailchimp.com/legal/subprocessors/';
		$policy['organization']['noticePeriodDays']  = 0;
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );

		$policy['processors'][0]['parentId'] = 'google-analytics';
		$errors                              = Policy_Validator::validate( $policy );
		$this->assertSame( array( 'processors[0].parentId', 'processors[1].parentId', 'processors[2].parentId' ), array_column( $errors, 'path' ) );
		$this->assertSame( array( 'infosec_policy_parent_cycle' ), array_values( array_unique( array_column( $errors, 'code' ) ) ) );
	}

	public function test_lengths_are_counted_in_characters_not_bytes(): void {
		$policy                               = $this->demo_policy();
		$policy['organization']['name']       = str_repeat( 'é', 200 ); // 400 bytes, the limit in characters.
		$policy['processors'][0]['name']      = '🔒'; // One character of four bytes: the least a name may have.
		$policy['measures'][0]['description'] = str_repeat( '€', 5000 );
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );

		$policy['organization']['name']       = str_repeat( 'é', 201 );
		$policy['processors'][0]['name']      = '';
		$policy['measures'][0]['description'] = str_repeat( '€', 5001 );
		$this->assertSame(
			array( 'organization.name', 'measures[0].description', 'processors[0].name' ),
			array_column( Policy_Validator::validate( $policy ), 'path' )
		);
	}

	public function test_a_repeat_is_the_same_json_value_not_one_that_reads_alike(): void {
		$policy                          = $this->demo_policy();
		$policy['site']['firewallPorts'] = array( 443, '443', true, 443.0, 0.1 + 0.2, 0.3, 443 );
		$errors                          = Policy_Validator::validate( $policy );
		$repeats                         = array_values( array_filter( $errors, static fn ( array $error ): bool => 'rest_duplicate_item' === $error['code'] ) );
		$this->assertSame( array( 'site.firewallPorts[6]' ), array_column( $repeats, 'path' ), 'only the second 443 repeats one' );
		$this->assertStringContainsString( 'site.firewallPorts[0]', $repeats[0]['message'] );
	}

	public function test_reports_every_bad_field_at_once(): void {
		$policy                                 = $this->demo_policy();
		$policy['organization']['country']      = 'XX';
		$policy['processors'][0]['securityUrl'] = 'javascript:alert(1)';
		$policy['site']['firewallPorts']        = array( 99999 );
		$paths                                  = array_column( Policy_Validator::validate( $policy ), 'path' );
		$this->assertSame( array( 'organization.country', 'processors[0].securityUrl', 'site.firewallPorts[0]' ), $paths );
	}

	public function test_short_enums_name_their_values(): void {
		$policy                                   = $this->demo_policy();
		$policy['processors'][0]['transferBasis'] = 'safe-harbor';
		$this->assertSame( 'must be one of: eea, adequacy, dpf, scc, bcr, derogation, privacy-shield.', Policy_Validator::validate( $policy )[0]['message'] ?? '' );
	}

	public function test_country_errors_name_the_rule_not_the_whole_list_of_codes(): void {
		$policy                            = $this->demo_policy();
		$policy['organization']['country'] = 'XX';
		$message                           = Policy_Validator::validate( $policy )[0]['message'] ?? '';
		$this->assertSame( 'is not an ISO 3166-1 alpha-2 country code.', $message );
	}

	public function test_optional_strings_may_be_empty(): void {
		$policy                                 = $this->demo_policy();
		$policy['organization']['email']        = '';
		$policy['organization']['website']      = '';
		$policy['organization']['country']      = '';
		$policy['processors'][1]['securityUrl'] = '';
		$policy['processors'][1]['host']        = '';
		$policy['processors'][1]['dpaDate']     = '';
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );
	}

	public function test_html_and_script_in_text_fields_are_valid_plain_text(): void {
		$policy                               = $this->demo_policy();
		$policy['organization']['name']       = '<script>alert(1)</script>';
		$policy['measures'][0]['title']       = '" onmouseover="alert(1)';
		$policy['processors'][0]['role']      = '<img src=x onerror=alert(1)>';
		$policy['measures'][0]['description'] = "<b>bold</b>\n\n<a href=\"javascript:alert(1)\">x</a>";
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );
	}

	public function test_valid_dates_ports_and_hosts_pass(): void {
		$policy                               = $this->demo_policy();
		$policy['organization']['reviewedAt'] = '2024-02-29';
		$policy['organization']['standards'][0]['validUntil'] = '2027-12-31';
		$policy['processors'][1]['host']                      = 'xn--bcher-kva.example';
		$policy['site']['firewallPorts']                      = array( 1, 65535 );
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );
	}

	public function test_the_document_itself_must_be_an_object(): void {
		$this->assertSame( array( '' ), array_column( Policy_Validator::validate( 'policy' ), 'path' ) );
		$this->assertSame( array( '' ), array_column( Policy_Validator::validate( array( 1, 2 ) ), 'path' ) );
	}
}

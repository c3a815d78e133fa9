<?php
/**
 * Errors people understand: the field's label and the entry's name, beside path and code.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Field_Labels;
use InfosecPolicy\Policy\Policy_Validator;

/**
 * `processors[1].host` is "Mailchimp: Host name for the TLS check", not the second processor
 * counted from zero.
 */
final class FieldLabelsTest extends TestCase {

	public function test_a_rejected_save_names_the_entry_and_the_fields_label_and_keeps_path_and_code(): void {
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$policy                            = $this->demo_policy();
		$policy['processors'][1]['host']   = 'https://mailchimp.com/';
		$policy['organization']['website'] = 'www.regioingenieur.nl';
		$response                          = $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'   => $policy,
				'revision' => 0,
			)
		);
		$this->assertSame( 400, $response->get_status() );
		$data   = $response->get_data();
		$errors = array_column( $data['data']['errors'], null, 'path' );
		$host   = $errors['processors[1].host'] ?? array();
		$this->assertSame( 'rest_invalid_pattern', $host['code'] ?? null );
		$this->assertSame( 'Host name for the TLS check', $host['label'] ?? null );
		$this->assertSame( 'Mailchimp', $host['entry'] ?? null );
		$this->assertSame( 'Website', $errors['organization.website']['label'] ?? null );
		$this->assertSame( '', $errors['organization.website']['entry'] ?? null );
		$this->assertStringContainsString( 'Mailchimp: Host name for the TLS check must be', $data['message'] );
		$this->assertStringNotContainsString( 'processors[1]', $data['message'] );
	}

	public function test_a_translated_text_is_named_as_its_original_in_its_language(): void {
		$policy                 = $this->demo_policy();
		$policy['translations'] = array(
			'en' => array(
				'processors' => array(
					array(
						'id'   => 'google-analytics',
						'role' => str_repeat( 'x', 101 ),
					),
				),
			),
		);
		$errors                 = Field_Labels::describe( Policy_Validator::validate( $policy ), $policy );
		$this->assertSame( 'translations.en.processors[0].role', $errors[0]['path'] ?? null );
		$this->assertSame( 'Role in English', $errors[0]['label'] ?? null, 'the label of the field it translates' );
		$this->assertSame( 'Google Analytics', $errors[0]['entry'] ?? null, 'the processor it translates, not the first of the list' );
		$this->assertSame( 'Translation into German', Field_Labels::label( 'translations.de' ) );
	}

	public function test_an_entry_without_a_name_is_named_by_its_place_counted_from_one(): void {
		$policy                          = $this->demo_policy();
		$policy['processors'][2]['name'] = '';
		$this->assertSame( 'Processor 3', Field_Labels::entry( 'processors[2].name', $policy ) );
		$this->assertSame( 'Measure 1', Field_Labels::entry( 'measures[0].title', array( 'measures' => array( array( 'title' => ' ' ) ) ) ) );
	}

	public function test_every_field_of_the_schema_has_a_label(): void {
		$schema = json_decode( (string) file_get_contents( \InfosecPolicy\PLUGIN_DIR . '/schema/policy.schema.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin.
		$paths  = array();
		foreach ( array( 'organization', 'site' ) as $object ) {
			foreach ( array_keys( $schema['definitions'][ $object ]['properties'] ) as $field ) {
				$paths[] = "$object.$field";
			}
		}
		foreach ( array_keys( $schema['definitions']['processor']['properties'] ) as $field ) {
			$paths[] = "processors[0].$field";
		}
		foreach ( array_keys( $schema['definitions']['measure']['properties'] ) as $field ) {
			$paths[] = "measures[0].$field";
		}
		foreach ( array_keys( $schema['definitions']['standard']['properties'] ) as $field ) {
			$paths[] = "organization.standards[0].$field";
		}
		foreach ( $paths as $path ) {
			$this->assertNotSame( '', Field_Labels::label( $path ), $path );
		}
	}
}

<?php
/**
 * Server rendering of the processor table block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Blocks\Processor_Table;
use InfosecPolicy\Objections\Objection_Links;
use InfosecPolicy\Policy\Policy_Store;

/**
 * The processor table: default columns, every attribute, empty policy, and hostile text.
 */
final class ProcessorTableBlockTest extends TestCase {

	/**
	 * Saves the demo policy, changed by a callback.
	 *
	 * @param callable|null $change Changes the policy before it is saved.
	 */
	private function store( ?callable $change = null ): void {
		$policy = $this->demo_policy();
		if ( $change ) {
			$policy = $change( $policy );
		}
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	/**
	 * The body cells of a column, found by its heading (the cells carry no attribute of their own).
	 *
	 * @param string $column A column key.
	 */
	private static function cells( string $column ): string {
		return sprintf( '//tbody/tr/*[position() = count(//thead/tr/th[@data-column="%s"]/preceding-sibling::th) + 1]', $column );
	}

	/**
	 * Renders the block with attributes.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render( array $attributes = array() ): \DOMXPath {
		$comment = array() === $attributes ? '' : ' ' . wp_json_encode( $attributes );
		return $this->parse_html( do_blocks( '<!-- wp:infosec-policy/processor-table' . $comment . ' /-->' ) );
	}

	public function test_default_columns_are_role_name_description_location_and_basis(): void {
		$this->store();
		$xpath = $this->render();
		$this->assertSame( array( 'Service', 'Processor', 'Description', 'Country and data location', 'Legal basis for transfer' ), $this->texts( $xpath, '//thead/tr/th[@scope="col"]' ) );
		$this->assertSame( array( 'Make it WorkPress', 'Mailchimp', 'Google Analytics' ), $this->texts( $xpath, '//tbody/tr/th[@scope="row"]' ) );
		$this->assertSame( 3, $this->count_matches( $xpath, '//tbody/tr' ) );
		$this->assertSame( 'Processors that handle personal data for RegioIngenieur', $this->texts( $xpath, '//table/caption' )[0] );
		$this->assertSame( array( 'Inside the EEA', 'EU-US Privacy Shield (invalid since 16 July 2020)', 'EU-US Privacy Shield (invalid since 16 July 2020)' ), $this->texts( $xpath, self::cells( 'transferBasis' ) ) );
		$this->assertSame( array( 'Netherlands', 'United States', 'United States' ), $this->texts( $xpath, self::cells( 'location' ) ) );
	}

	public function test_wrapper_has_the_block_class(): void {
		$this->store();
		$this->assertSame( 1, $this->count_matches( $this->render(), '//div[contains(concat(" ",@class," ")," wp-block-infosec-policy-processor-table ")]' ) );
	}

	public function test_columns_attribute_chooses_and_orders_the_columns(): void {
		$this->store();
		$xpath = $this->render( array( 'columns' => array( 'name', 'legalEntity', 'tlsIssuer', 'firewall', 'dpa', 'securityUrl' ) ) );
		$this->assertSame( array( 'Processor', 'Legal entity', 'Certificate issuer', 'Firewall', 'Processing agreement', 'Security information' ), $this->texts( $xpath, '//thead/tr/th' ) );
		$this->assertSame( array( 'Make it WorkPress', 'The Rocket Science Group LLC', 'Google LLC' ), $this->texts( $xpath, self::cells( 'legalEntity' ) ) );
		$this->assertSame( array( 'Symantec Class 3 G4' ), array_slice( $this->texts( $xpath, self::cells( 'tlsIssuer' ) ), 1, 1 ) );
		$this->assertSame( array( 'Yes', 'Yes', 'Yes' ), $this->texts( $xpath, self::cells( 'firewall' ) ) );
		$this->assertSame( array( 'Signed', 'Signed', 'Signed' ), $this->texts( $xpath, self::cells( 'dpa' ) ) );
		$this->assertSame( array( 'https://mailchimp.com/about/security/', 'https://support.google.com/analytics/answer/6004245' ), $this->attribute_values( $xpath, self::cells( 'securityUrl' ) . '/a/@href' ) );
	}

	public function test_repeated_columns_show_once_and_unknown_ones_fall_back_to_the_default(): void {
		$this->store();
		$this->assertSame( array( 'Processor', 'Service' ), $this->texts( $this->render( array( 'columns' => array( 'name', 'name', 'role' ) ) ), '//thead/tr/th' ) );
		// Core drops an attribute that breaks block.json's enum, so the default columns apply.
		$xpath = $this->render( array( 'columns' => array( 'name', '<script>' ) ) );
		$this->assertSame( array( 'Service', 'Processor', 'Description', 'Country and data location', 'Legal basis for transfer' ), $this->texts( $xpath, '//thead/tr/th' ) );
	}

	public function test_every_column_block_json_offers_has_a_heading_and_nothing_else_does(): void {
		$type = \WP_Block_Type_Registry::get_instance()->get_registered( Processor_Table::BLOCK );
		$this->assertNotNull( $type );
		$this->assertSame( $type->attributes['columns']['items']['enum'] ?? null, array_keys( Processor_Table::headings() ) );
	}

	public function test_an_empty_column_choice_shows_the_default_block_json_names(): void {
		$this->store();
		$type = \WP_Block_Type_Registry::get_instance()->get_registered( Processor_Table::BLOCK );
		$this->assertNotNull( $type );
		$this->assertSame(
			array_map( static fn( string $column ): string => Processor_Table::headings()[ $column ], $type->attributes['columns']['default'] ?? array() ),
			$this->texts( $this->render( array( 'columns' => array() ) ), '//thead/tr/th' )
		);
	}

	public function test_role_filter_shows_only_that_role(): void {
		$this->store();
		$this->assertSame( array( 'Mailchimp' ), $this->texts( $this->render( array( 'role' => 'nieuwsbrief' ) ), '//tbody/tr/th' ) );
	}

	public function test_country_filter_matches_the_entity_or_where_the_data_lives(): void {
		$this->store(
			static function ( array $policy ): array {
				$policy['processors'][2]['dataLocations'] = array( 'IE' );
				return $policy;
			}
		);
		$this->assertSame( array( 'Mailchimp', 'Google Analytics' ), $this->texts( $this->render( array( 'country' => 'US' ) ), '//tbody/tr/th' ) );
		$this->assertSame( array( 'Google Analytics' ), $this->texts( $this->render( array( 'country' => 'IE' ) ), '//tbody/tr/th' ) );
	}

	public function test_data_locations_other_than_the_country_are_named(): void {
		$this->store(
			static function ( array $policy ): array {
				$policy['processors'][2]['dataLocations'] = array( 'IE', 'US' );
				return $policy;
			}
		);
		$xpath = $this->render();
		$this->assertSame( array( 'Data stored in: Ireland, United States' ), $this->texts( $xpath, self::cells( 'location' ) . '/span' ) );
		$this->assertStringStartsWith( 'United States', $this->texts( $xpath, self::cells( 'location' ) )[2] );
	}

	public function test_caption_attribute_replaces_the_default(): void {
		$this->store();
		$this->assertSame( array( 'Our sub-processors' ), $this->texts( $this->render( array( 'caption' => 'Our sub-processors' ) ), '//caption' ) );
	}

	public function test_a_signed_agreement_shows_its_date(): void {
		$this->store(
			static function ( array $policy ): array {
				$policy['processors'][0]['dpaDate']   = '2024-03-01';
				$policy['processors'][1]['dpaSigned'] = false;
				return $policy;
			}
		);
		$cells = $this->texts( $this->render( array( 'columns' => array( 'dpa' ) ) ), '//td' );
		$this->assertSame( 'Signed on ' . mysql2date( get_option( 'date_format' ), '2024-03-01' ), $cells[0] );
		$this->assertSame( 'Not signed', $cells[1] );
	}

	public function test_urls_in_descriptions_become_links_and_nothing_else_does(): void {
		$this->store(
			static function ( array $policy ): array {
				$policy['processors'][0]['description'] = "See https://example.com/security.\n\nNot javascript:alert(1) nor www.example.com.";
				return $policy;
			}
		);
		$xpath = $this->render();
		$this->assertSame( array( 'https://example.com/security' ), $this->attribute_values( $xpath, self::cells( 'description' ) . '//a/@href' ) );
		$this->assertSame( 2, $this->count_matches( $xpath, '(' . self::cells( 'description' ) . ')[1]/p' ) );
	}

	public function test_an_empty_policy_shows_an_empty_state(): void {
		$xpath = $this->render();
		$this->assertSame( 0, $this->count_matches( $xpath, '//table' ) );
		$this->assertSame( array( 'No processors have been published yet.' ), $this->texts( $xpath, '//p' ) );
	}

	public function test_escapes_xss_payloads_in_every_text_field(): void {
		$payloads = array(
			'<script>alert(1)</script>',
			'" onmouseover="alert(1)',
			'<img src=x onerror=alert(1)>',
			'jaVasCript:/*-/*`/*\`/*\'/*"/**/(/* */oNcliCk=alert() )//</stYle/</scRipt/--!>\x3csVg/<sVg/oNloAd=alert()//>',
		);
		$this->store(
			static function ( array $policy ) use ( $payloads ): array {
				foreach ( $payloads as $index => $payload ) {
					$processor = $policy['processors'][1];
					foreach ( array( 'role', 'name', 'legalEntity', 'description', 'tlsIssuerDeclared' ) as $field ) {
						$processor[ $field ] = $payload;
					}
					$processor['id']           = "xss-$index";
					$processor['description'] .= "\n\nhttps://example.com/\"><script>alert(1)</script>";
					$processor['securityUrl']  = 'https://example.com/?q="><script>alert(1)</script>';
					// The notes under a name repeat the parent's name; one is announced.
					$processor['parentId']          = $index > 0 ? 'xss-0' : '';
					$processor['effectiveFrom']     = 0 === $index ? '2099-01-01' : '';
					$policy['processors'][]         = $processor;
					$policy['organization']['name'] = $payload;
				}
				return $policy;
			}
		);
		$html  = do_blocks( '<!-- wp:infosec-policy/processor-table {"columns":["role","name","legalEntity","description","location","transferBasis","tlsIssuer","firewall","dpa","securityUrl"]} /-->' );
		$xpath = $this->parse_html( $html );
		$this->assertSame( 0, $this->count_matches( $xpath, '//script|//svg|//img|//style|//iframe' ), $html );
		$this->assertSame( 0, $this->count_matches( $xpath, '//@*[starts-with(translate(name(),"ON","on"),"on")]' ), $html );
		foreach ( $this->attribute_values( $xpath, '//a/@href' ) as $href ) {
			$this->assertMatchesRegularExpression( '#^(https?://|mailto:)#', $href );
		}
		$this->assertContains( '<script>alert(1)</script>', $this->texts( $xpath, '//tbody/tr/th/text()' ) );
		$this->assertContains( 'Sub-processor of <script>alert(1)</script>', $this->texts( $xpath, '//tbody/tr/td/span[@class="wp-block-infosec-policy-processor-table__note"]' ) );
	}

	public function test_an_announced_processor_shows_when_it_starts_and_until_when_objections_are_taken(): void {
		$this->store(
			static function ( array $policy ): array {
				$policy['processors'][1]['effectiveFrom'] = '2099-01-01';
				$policy['processors'][2]['effectiveFrom'] = (string) wp_date( 'Y-m-d' );
				return $policy;
			}
		);
		foreach ( array( array(), array( 'columns' => array( 'role', 'location' ) ) ) as $attributes ) {
			$xpath = $this->render( $attributes );
			$this->assertSame( 3, $this->count_matches( $xpath, '//tbody/tr' ) );
			$this->assertSame( 1, $this->count_matches( $xpath, '//tbody/tr[@class="is-announced"]' ) );
			// In the first cell, not the row's header: a screen reader repeats the header.
			$this->assertSame(
				array( 'Announced, in use from ' . mysql2date( (string) get_option( 'date_format' ), '2099-01-01' ) . '; objections until then' ),
				$this->texts( $xpath, '//tbody/tr[2]/td[1]/span[@class="wp-block-infosec-policy-processor-table__note"]' )
			);
			$this->assertSame( 0, $this->count_matches( $xpath, '//tbody//th//span' ) );
			// Beside it, where a customer asks for a link to object; named for a screen reader.
			$processor = Policy_Store::processors()[1];
			$this->assertSame( array( Objection_Links::request_url( $processor['id'] ) ), $this->attribute_values( $xpath, '//tbody/tr[2]/td[1]/a[@class="wp-block-infosec-policy-processor-table__object"]/@href' ) );
			$this->assertSame( array( 'Object (' . $processor['name'] . ')' ), $this->texts( $xpath, '//tbody//a[@class="wp-block-infosec-policy-processor-table__object"]' ) );
			// From its day on, in use like the others.
			// A span that marks a Dutch text's language on this English site is no note.
			$this->assertSame( 0, $this->count_matches( $xpath, '//tbody/tr[3][@class] | //tbody/tr[3]//span[not(@lang)] | //tbody/tr[3]//a' ) );
		}
	}

	public function test_each_processor_has_its_own_sub_processors_beneath_it(): void {
		$this->store(
			static function ( array $policy ): array {
				$first = $policy['processors'][0];
				// Google Analytics works for Mailchimp; AWS for Google Analytics (rank 3), listed first.
				$policy['processors'][2]['parentId'] = 'mailchimp';
				array_unshift(
					$policy['processors'],
					array_merge(
						$first,
						array(
							'id'       => 'aws',
							'name'     => 'Amazon Web Services',
							'parentId' => 'google-analytics',
						)
					)
				);
				$policy['processors'][] = array_merge(
					$first,
					array(
						'id'       => 'sendgrid',
						'name'     => 'SendGrid',
						'parentId' => 'mailchimp',
					)
				);
				return $policy;
			}
		);
		$xpath = $this->render();
		$this->assertSame( array( 'Make it WorkPress', 'Mailchimp', 'Google Analytics', 'Amazon Web Services', 'SendGrid' ), $this->texts( $xpath, '//tbody/tr/th/text()' ) );
		$classes = array();
		$rows    = $xpath->query( '//tbody/tr' );
		$this->assertNotFalse( $rows );
		foreach ( $rows as $row ) {
			$classes[] = $row instanceof \DOMElement ? $row->getAttribute( 'class' ) : '';
		}
		$this->assertSame( array( '', '', 'is-sub-processor is-depth-1', 'is-sub-processor is-depth-2', 'is-sub-processor is-depth-1' ), $classes );
		$this->assertSame( array( 'Sub-processor of Mailchimp', 'Sub-processor of Google Analytics', 'Sub-processor of Mailchimp' ), $this->texts( $xpath, '//tbody/tr/td[1]/span[@class="wp-block-infosec-policy-processor-table__note"]' ) );

		// Filtered, a sub-processor whose processor is not shown still says whose it is.
		$xpath = $this->render( array( 'role' => 'Websitehosting' ) );
		$this->assertSame( array( 'Sub-processor of Google Analytics' ), $this->texts( $xpath, '//tbody/tr[th/text()="Amazon Web Services"]/td[1]/span[@class="wp-block-infosec-policy-processor-table__note"]' ) );
	}

	/**
	 * The values of the attributes an XPath expression selects.
	 *
	 * @param \DOMXPath $xpath      Parsed HTML.
	 * @param string    $expression XPath selecting attributes.
	 * @return list<string>
	 */
	private function attribute_values( \DOMXPath $xpath, string $expression ): array {
		return $this->texts( $xpath, $expression );
	}

	/**
	 * The inline CSS the block's stylesheet carries.
	 */
	private static function inline_css(): string {
		$after = wp_styles()->get_data( generate_block_asset_handle( 'infosec-policy/processor-table', 'style' ), 'after' );
		return is_array( $after ) ? implode( "\n", $after ) : '';
	}

	public function test_the_stacked_labels_come_from_the_stylesheet_once_per_column(): void {
		$this->store();
		$xpath = $this->render( array( 'columns' => array( 'name', 'role', 'location' ) ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//tbody//*[@data-label or @data-column]' ), 'no label in any cell' );
		$class = $this->texts( $xpath, '//table/@class' )[0] ?? '';
		$this->assertMatchesRegularExpression( '/ (wp-block-infosec-policy-processor-table__labels-[0-9a-f]{8})$/', $class );
		$labels = substr( $class, strrpos( $class, ' ' ) + 1 );
		$css    = self::inline_css();
		$this->assertStringContainsString( ".$labels>tbody>tr>:nth-child(1)::before{content:\"Processor\"}.$labels>tbody>tr>:nth-child(2)::before{content:\"Service\"}.$labels>tbody>tr>:nth-child(3)::before{content:\"Country and data location\"}", $css );
		$this->render( array( 'columns' => array( 'name', 'role', 'location' ) ) );
		$this->assertSame( 1, substr_count( self::inline_css(), ".$labels>tbody>tr>:nth-child(1)" ), 'a second table adds nothing' );
	}

	public function test_a_heading_cannot_break_out_of_the_stylesheet(): void {
		$this->store();
		$evil = static fn( string $translation, string $text ): string => 'Service' === $text ? 'Dienst"}</style><script>alert(1)</script>\\' : $translation;
		add_filter( 'gettext_infosec-policy', $evil, 10, 2 );
		try {
			$this->render( array( 'columns' => array( 'role' ) ) );
		} finally {
			remove_filter( 'gettext_infosec-policy', $evil, 10 );
		}
		$css = self::inline_css();
		$this->assertStringNotContainsString( '</style', $css );
		$this->assertStringNotContainsString( '<script', $css );
		$this->assertStringContainsString( '::before{content:"Dienst\\22 }\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e \\5c "}', $css );
	}
}

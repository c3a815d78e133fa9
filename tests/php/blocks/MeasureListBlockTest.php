<?php
/**
 * Server rendering of the measure list block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Policy\Policy_Store;

/**
 * Server rendering of the measure list block.
 */
final class MeasureListBlockTest extends TestCase {

	private const XSS_PAYLOADS = array(
		'<script>alert(1)</script>',
		'" onmouseover="alert(1)',
		'javascript:alert(1)',
		'jaVasCript:/*-/*`/*\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\x3csVg/<sVg/oNloAd=alert()//>\x3e',
	);

	/**
	 * Saves a policy with these measures, the way the REST API does.
	 *
	 * @param list<array<string, string>> $measures Measures.
	 */
	private function store_measures( array $measures ): void {
		$policy             = $this->demo_policy();
		$policy['measures'] = $measures;
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	/**
	 * Renders the block with the given attributes, through the same path as a page view.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render( array $attributes = array() ): string {
		$comment = array() === $attributes ? '' : ' ' . wp_json_encode( $attributes );
		return do_blocks( '<!-- wp:infosec-policy/measure-list' . $comment . ' /-->' );
	}

	public function test_block_is_registered_from_its_metadata(): void {
		$block = \WP_Block_Type_Registry::get_instance()->get_registered( 'infosec-policy/measure-list' );
		$this->assertNotNull( $block );
		$this->assertSame( 3, $block->api_version );
		$this->assertSame( 'all', $block->get_attributes()['category']['default'] ?? null );
		$this->assertTrue( $block->is_dynamic() );
	}

	public function test_renders_an_empty_state_without_measures(): void {
		$xpath = $this->parse_html( $this->render() );
		$this->assertSame( 1, $this->count_matches( $xpath, '//div[contains(@class,"wp-block-infosec-policy-measure-list")]' ) );
		$this->assertSame(
			'No security measures have been published yet.',
			trim( (string) $xpath->evaluate( 'string(//p[contains(@class,"__empty")])' ) )
		);
	}

	public function test_renders_each_measure_with_title_heading_and_paragraphs(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'backup',
					'category'    => 'technical',
					'title'       => 'Back-ups',
					'description' => "Daily.\n\nKept for 30 days.",
				),
				array(
					'id'          => 'nda',
					'category'    => 'organizational',
					'title'       => 'Confidentiality',
					'description' => 'Staff sign an NDA.',
				),
			)
		);
		$xpath = $this->parse_html( $this->render() );
		$this->assertSame( array( 'Back-ups', 'Confidentiality' ), $this->texts( $xpath, '//li/h3' ) );
		$this->assertSame( array( 'Daily.', 'Kept for 30 days.', 'Staff sign an NDA.' ), $this->texts( $xpath, '//li//p' ) );
	}

	public function test_category_attribute_shows_only_that_category(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'backup',
					'category'    => 'technical',
					'title'       => 'Back-ups',
					'description' => '',
				),
				array(
					'id'          => 'nda',
					'category'    => 'organizational',
					'title'       => 'Confidentiality',
					'description' => '',
				),
			)
		);
		$xpath = $this->parse_html( $this->render( array( 'category' => 'organizational' ) ) );
		$this->assertSame( array( 'Confidentiality' ), $this->texts( $xpath, '//li/h3' ) );
	}

	public function test_heading_level_attribute_sets_the_title_element(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'a',
					'category'    => 'technical',
					'title'       => 'A',
					'description' => '',
				),
			)
		);
		$this->assertSame( array( 'A' ), $this->texts( $this->parse_html( $this->render( array( 'headingLevel' => 5 ) ) ), '//li/h5' ) );
	}

	public function test_out_of_range_heading_level_falls_back_to_h3(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'a',
					'category'    => 'technical',
					'title'       => 'A',
					'description' => '',
				),
			)
		);
		$this->assertSame( array( 'A' ), $this->texts( $this->parse_html( $this->render( array( 'headingLevel' => 1 ) ) ), '//li/h3' ) );
	}

	public function test_malformed_stored_entries_are_skipped(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'a',
					'category'    => 'technical',
					'title'       => 'Kept',
					'description' => '',
				),
				array(
					'id'          => 'b',
					'category'    => 'nonsense',
					'title'       => 'Dropped',
					'description' => '',
				),
				array( 'title' => 'No id' ),
			)
		);
		$this->assertSame( array( 'Kept' ), $this->texts( $this->parse_html( $this->render() ), '//li/h3' ) );
	}

	public function test_escapes_xss_payloads_in_every_text_field(): void {
		$measures = array();
		foreach ( self::XSS_PAYLOADS as $index => $payload ) {
			$measures[] = array(
				'id'          => "x$index",
				'category'    => 'technical',
				'title'       => $payload,
				'description' => $payload . "\n\n" . $payload,
			);
		}
		$this->store_measures( $measures );
		$html  = $this->render();
		$xpath = $this->parse_html( $html );

		$this->assertSame( 0, $this->count_matches( $xpath, '//script|//svg|//style|//iframe' ), $html );
		$this->assertSame( 0, $this->count_matches( $xpath, '//@*[starts-with(translate(name(),"ON","on"),"on")]' ), $html );
		$this->assertSame( 0, $this->count_matches( $xpath, '//a' ), $html );
		$this->assertSame( self::XSS_PAYLOADS, $this->texts( $xpath, '//li/h3' ) );
	}

	public function test_renders_on_a_published_page(): void {
		$this->store_measures(
			array(
				array(
					'id'          => 'a',
					'category'    => 'technical',
					'title'       => 'Encryption in transit',
					'description' => 'TLS 1.2 or newer.',
				),
			)
		);
		$page_id = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Security',
				'post_content' => '<!-- wp:infosec-policy/measure-list /-->',
			)
		);
		$this->assertIsInt( $page_id );
		$page = get_post( $page_id );
		$this->assertInstanceOf( \WP_Post::class, $page );
		$GLOBALS['post'] = $page;
		setup_postdata( $page );
		$html = (string) apply_filters( 'the_content', get_the_content() );
		wp_reset_postdata();
		$this->assertSame( array( 'Encryption in transit' ), $this->texts( $this->parse_html( $html ), '//li/h3' ) );
	}
}

<?php
/**
 * The blocks' HTML on a page view: what `the_content`'s text filters may and may not touch.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Blocks\Content_Shield;
use InfosecPolicy\Policy\Policy_Store;

/**
 * A visitor sees the organisation's data as the blocks render it: core's filters for authored prose
 * (texturize, shortcodes, smilies, capital_P_dangit) still run over the author's own text around
 * them, but not over the blocks.
 */
final class ContentShieldTest extends TestCase {

	private const TRICKY = '"Quoted" Wordpress :) [infosec_shield_test]';

	protected function setUp(): void {
		parent::setUp();
		add_shortcode( 'infosec_shield_test', static fn (): string => 'SHORTCODE RAN' );
		$policy                                 = $this->demo_policy();
		$policy['processors'][0]['name']        = self::TRICKY;
		$policy['processors'][0]['description'] = 'Described: ' . self::TRICKY;
		$this->assertIsInt( Policy_Store::save( $policy, Policy_Store::get()['revision'] ) );
	}

	protected function tearDown(): void {
		remove_shortcode( 'infosec_shield_test' );
		parent::tearDown();
	}

	public function test_a_page_view_shows_the_blocks_as_rendered_and_formats_the_authors_text_around_them(): void {
		$table = do_blocks( '<!-- wp:infosec-policy/processor-table /-->' );
		$this->assertStringContainsString( esc_html( self::TRICKY ), $table );

		$page = apply_filters( 'the_content', '<!-- wp:paragraph --><p>' . self::TRICKY . '</p><!-- /wp:paragraph -->' . "\n\n" . '<!-- wp:infosec-policy/processor-table /-->' );

		$this->assertStringContainsString( trim( $table ), $page, 'the table is exactly what the block rendered' );
		$this->assertSame( 1, substr_count( $page, 'SHORTCODE RAN' ), 'the author\'s paragraph runs its shortcode; a processor\'s name does not' );
		$this->assertStringContainsString( '&#8220;Quoted&#8221; WordPress', $page, 'the author\'s paragraph is still texturized' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_a_block_rendered_after_the_text_filters_is_left_as_it_is(): void {
		$late = static fn ( string $content ): string => $content . do_blocks( '<!-- wp:infosec-policy/processor-table /-->' );
		add_filter( 'the_content', $late, 50 );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:paragraph --><p>Intro</p><!-- /wp:paragraph -->' );
		} finally {
			remove_filter( 'the_content', $late, 50 );
		}
		$this->assertStringContainsString( esc_html( self::TRICKY ), $page );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	/**
	 * A page whose `the_content` shows another post at a priority, after its own content.
	 *
	 * @param string $page     The page's content.
	 * @param string $inner    The other post's content.
	 * @param int    $priority Where in the page's filters the other post is rendered.
	 */
	private function page_showing_a_post( string $page, string $inner, int $priority ): string {
		$nested = static function ( string $content ) use ( &$nested, $inner, $priority ): string {
			// The inner post's own filters run without this one, as a block that shows a post does.
			remove_filter( 'the_content', $nested, $priority );
			return $content . apply_filters( 'the_content', $inner );
		};
		add_filter( 'the_content', $nested, $priority );
		try {
			return apply_filters( 'the_content', $page );
		} finally {
			remove_filter( 'the_content', $nested, $priority );
		}
	}

	public function test_a_post_rendered_inside_another_gives_each_its_own_blocks_back(): void {
		$page = $this->page_showing_a_post( '<!-- wp:infosec-policy/processor-table /-->', '<!-- wp:infosec-policy/contact /-->', 15 );
		$this->assertStringContainsString( esc_html( self::TRICKY ), $page, 'the outer post\'s table' );
		$this->assertStringContainsString( 'wp-block-infosec-policy-contact', $page, 'the inner post\'s contact block' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_a_post_rendered_late_inside_another_still_has_its_blocks_held(): void {
		$page = $this->page_showing_a_post( '<!-- wp:paragraph --><p>Outer</p><!-- /wp:paragraph -->', '<!-- wp:infosec-policy/processor-table /-->', 30 );
		$this->assertStringContainsString( esc_html( self::TRICKY ), $page, 'the inner post\'s table, untouched by its own text filters' );
		$this->assertStringNotContainsString( 'SHORTCODE RAN', $page );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_a_post_rendered_while_the_outer_blocks_render_gives_each_its_own_blocks_back(): void {
		// As a block that shows another post does: the inner call runs inside the outer do_blocks().
		$shows_post = static function ( string $html ): string {
			static $depth = 0;
			if ( $depth > 0 ) {
				return $html;
			}
			++$depth;
			try {
				return $html . apply_filters( 'the_content', '<!-- wp:infosec-policy/contact /-->' );
			} finally {
				--$depth;
			}
		};
		$table      = trim( do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ) );
		add_filter( 'render_block_core/paragraph', $shows_post );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /--><!-- wp:paragraph --><p>Between</p><!-- /wp:paragraph --><!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			remove_filter( 'render_block_core/paragraph', $shows_post );
		}
		$this->assertSame( 2, substr_count( $page, $table ), 'both outer tables, as rendered' );
		$this->assertSame( 1, substr_count( $page, 'class="wp-block-infosec-policy-contact' ), 'the inner post\'s contact block, once' );
		$this->assertStringNotContainsString( 'SHORTCODE RAN', $page );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_an_exception_caught_out_of_a_nested_post_loses_no_block(): void {
		// A block that shows another post, and catches what goes wrong there.
		$breaks     = static function (): string {
			throw new \RuntimeException( 'A filter of the inner post failed.' );
		};
		$shows_post = static function ( string $html ) use ( $breaks ): string {
			add_filter( 'the_content', $breaks, 15 );
			try {
				return $html . apply_filters( 'the_content', '<!-- wp:infosec-policy/contact /-->' );
			} catch ( \RuntimeException $e ) {
				return $html;
			} finally {
				remove_filter( 'the_content', $breaks, 15 );
			}
		};
		$table      = trim( do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ) );
		add_filter( 'render_block_core/paragraph', $shows_post );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /--><!-- wp:paragraph --><p>Between</p><!-- /wp:paragraph --><!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			remove_filter( 'render_block_core/paragraph', $shows_post );
		}
		$this->assertSame( 2, substr_count( $page, $table ), 'both tables, as rendered' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
		$this->assertStringContainsString( esc_html( self::TRICKY ), do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ), 'a block rendered after the page is not held' );
	}

	public function test_an_exception_caught_outside_any_filter_leaves_later_blocks_alone(): void {
		global $wp_current_filter;
		$running = $wp_current_filter;
		$breaks  = static function (): string {
			throw new \RuntimeException( 'A filter of the post failed.' );
		};
		add_filter( 'the_content', $breaks, 15 );
		try {
			apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
			$this->fail( 'the filter throws' );
		} catch ( \RuntimeException $e ) {
			// WordPress now believes the_content still runs; a widget rendered next is shown.
			$this->assertStringContainsString( esc_html( self::TRICKY ), do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ) );
		} finally {
			remove_filter( 'the_content', $breaks, 15 );
			$wp_current_filter = $running; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- undoes what the exception left, for the tests after this one.
		}
	}

	public function test_a_call_over_part_of_the_page_leaves_the_pages_blocks_to_the_page(): void {
		$table = trim( do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ) );

		// A filter that runs the content filters over a copy, to measure it.
		$measures = static function ( string $content ) use ( &$measures ): string {
			remove_filter( 'the_content', $measures, 15 );
			apply_filters( 'the_content', $content );
			add_filter( 'the_content', $measures, 15 );
			return $content;
		};
		add_filter( 'the_content', $measures, 15 );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			remove_filter( 'the_content', $measures, 15 );
		}
		$this->assertSame( 1, substr_count( $page, $table ), 'the table, once, as rendered' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );

		// An enclosing shortcode whose handler runs the content filters over what it encloses.
		add_shortcode( 'infosec_tabs', static fn ( $atts, ?string $inner = null ): string => '<div class="tabs">' . apply_filters( 'the_content', (string) $inner ) . '</div>' );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:shortcode -->[infosec_tabs]<!-- /wp:shortcode --><!-- wp:infosec-policy/processor-table /--><!-- wp:shortcode -->[/infosec_tabs]<!-- /wp:shortcode -->' );
		} finally {
			remove_shortcode( 'infosec_tabs' );
		}
		$this->assertStringContainsString( '<div class="tabs">', $page );
		$this->assertSame( 1, substr_count( $page, $table ), 'the table, once, untouched by the text filters' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_a_comment_an_author_types_cannot_take_a_block_from_the_page(): void {
		$forged = '';
		for ( $i = 0; $i <= 5; $i++ ) {
			$forged .= '<!--infosec-policy-block-' . $i . '-->';
		}
		$table = trim( do_blocks( '<!-- wp:infosec-policy/processor-table /-->' ) );
		// As at the start of a request: the place-holding comments are numbered from 1 again.
		( \Closure::bind(
			static function (): void {
				Content_Shield::$count = 0;
				Content_Shield::$token = '';
			},
			null,
			Content_Shield::class
		) )();
		$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /--><!-- wp:html -->' . $forged . '<!-- /wp:html -->' );
		$this->assertSame( 1, substr_count( $page, $table ), 'the table is shown once, where its block is' );

		// A post shown inside the page (a Query Loop) cannot take the page's blocks either.
		$inner = static function ( string $content ) use ( &$inner, $forged ): string {
			remove_filter( 'the_content', $inner, 15 );
			return $content . apply_filters( 'the_content', '<!-- wp:html -->' . $forged . '<!-- /wp:html -->' );
		};
		add_filter( 'the_content', $inner, 15 );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			remove_filter( 'the_content', $inner, 15 );
		}
		$this->assertSame( 1, substr_count( $page, $table ) );
	}

	public function test_the_blocks_own_render_filter_sees_their_html(): void {
		$seen   = array();
		$filter = static function ( string $html ) use ( &$seen ): string {
			$seen[] = $html;
			return $html;
		};
		add_filter( 'render_block_infosec-policy/processor-table', $filter );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			remove_filter( 'render_block_infosec-policy/processor-table', $filter );
		}
		$this->assertCount( 1, $seen );
		$this->assertStringContainsString( esc_html( self::TRICKY ), $seen[0] );
		$this->assertStringContainsString( trim( $seen[0] ), $page );
	}

	public function test_nothing_is_held_when_another_plugin_removed_the_restore(): void {
		remove_filter( 'the_content', array( Content_Shield::class, 'restore' ), Content_Shield::RESTORE_PRIORITY );
		try {
			$page = apply_filters( 'the_content', '<!-- wp:infosec-policy/processor-table /-->' );
		} finally {
			add_filter( 'the_content', array( Content_Shield::class, 'restore' ), Content_Shield::RESTORE_PRIORITY );
		}
		$this->assertStringContainsString( 'wp-block-infosec-policy-processor-table', $page, 'the table is shown, through the text filters' );
		$this->assertStringNotContainsString( '<!--infosec-policy-block-', $page );
	}

	public function test_the_editor_preview_renders_the_block_directly(): void {
		$this->assertStringContainsString( esc_html( self::TRICKY ), render_block( parse_blocks( '<!-- wp:infosec-policy/processor-table /-->' )[0] ) );
	}
}

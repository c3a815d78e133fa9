<?php
/**
 * Keeps the blocks' rendered HTML out of the text filters of `the_content`.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * `the_content` renders blocks at priority 9 and then runs core's filters for prose an author
 * wrote over the whole page: wptexturize, do_shortcode, capital_P_dangit, wp_filter_content_tags,
 * convert_smilies. Over the blocks' HTML they would change the organisation's data as shown
 * (curly quotes in a processor's name; a shortcode or a smiley in a description run as one), and
 * they are what a large table costs: at 5,000 processors wptexturize and convert_smilies each
 * split the page into an array of its tags, more memory than a visitor's request has.
 *
 * So while `the_content` is before those filters, each block's HTML is set aside and a comment
 * holds its place; right after core's last text filter the HTML goes back in. A block rendered
 * anywhere else (the editor's preview, a widget, a filter after that point) is left as it is.
 */
final class Content_Shield {

	/**
	 * Where the HTML goes back: after convert_smilies (20), the last of core's text filters, and
	 * before any filter that comes later, which sees the page whole.
	 */
	public const RESTORE_PRIORITY = 21;

	/**
	 * How a place-holding comment begins.
	 */
	private const MARK = '<!--infosec-policy-block-';

	/**
	 * The HTML set aside, by its place-holding comment.
	 *
	 * @var array<string, string>
	 */
	private static array $held = array();

	/**
	 * Numbers the place-holding comments of one request.
	 *
	 * @var int
	 */
	private static int $count = 0;

	/**
	 * On `render_block`, last (after block supports have added their classes to the block's HTML):
	 * a comment in place of one of the plugin's blocks while `the_content` is before
	 * RESTORE_PRIORITY, else the block's HTML as it is.
	 *
	 * @param mixed                $content The block's HTML.
	 * @param array<string, mixed> $block   The parsed block.
	 * @return mixed
	 */
	public static function hold( $content, array $block ) {
		global $wp_filter;
		if (
			! is_string( $content ) || '' === $content
			|| ! str_starts_with( (string) ( $block['blockName'] ?? '' ), 'infosec-policy/' )
			|| ! doing_filter( 'the_content' )
			|| ! isset( $wp_filter['the_content'] )
		) {
			return $content;
		}
		$priority = $wp_filter['the_content']->current_priority();
		if ( false === $priority || $priority >= self::RESTORE_PRIORITY ) {
			return $content;
		}
		$mark                = self::MARK . ( ++self::$count ) . '-->';
		self::$held[ $mark ] = $content;
		return $mark;
	}

	/**
	 * On `the_content`: the HTML back in place of each comment this content holds. Comments of an
	 * outer `the_content` (a post rendered inside another) stay held for that one.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function restore( $content ) {
		if ( array() === self::$held || ! is_string( $content ) || ! str_contains( $content, self::MARK ) ) {
			return $content;
		}
		preg_match_all( '/<!--infosec-policy-block-\d+-->/', $content, $found );
		$back = array_intersect_key( self::$held, array_flip( $found[0] ) );
		foreach ( array_keys( $back ) as $mark ) {
			unset( self::$held[ $mark ] );
		}
		return strtr( $content, $back );
	}
}

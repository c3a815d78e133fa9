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
 * So each call of `the_content` opens a frame first. While the frame is open, each of the plugin's
 * blocks rendered in it is set aside and a comment holds its place; right after core's last text
 * filter the frame gives its own HTML back and closes. A post rendered inside another (a Query
 * Loop, a block that shows a post) has a frame of its own. The comments carry a token drawn for
 * the request, so no stored content can name one. A block rendered anywhere else (the editor's
 * preview, a widget, a filter after that point) is left as it is.
 */
final class Content_Shield {

	/**
	 * Where the HTML goes back: after convert_smilies (20), the last of core's text filters, and
	 * before any filter that comes later, which sees the page whole.
	 */
	public const RESTORE_PRIORITY = 21;

	/**
	 * One frame per `the_content` call under way, innermost last: the HTML it holds by its
	 * place-holding comment, or null once the frame is closed (or never opened: another plugin
	 * removed the restore, which would leave comments in the page).
	 *
	 * @var array<int, array<string, string>|null>
	 */
	private static array $frames = array();

	/**
	 * Numbers the place-holding comments of one request.
	 *
	 * @var int
	 */
	private static int $count = 0;

	/**
	 * This request's token in the place-holding comments.
	 *
	 * @var string
	 */
	private static string $token = '';

	/**
	 * Hooks the frames into `the_content`. Runs once, at boot.
	 */
	public static function register(): void {
		add_filter( 'the_content', array( self::class, 'open' ), PHP_INT_MIN );
		add_filter( 'the_content', array( self::class, 'restore' ), self::RESTORE_PRIORITY );
		add_filter( 'the_content', array( self::class, 'discard' ), PHP_INT_MAX );
	}

	/**
	 * Covers one of the plugin's blocks: last on its own `render_block_{name}`, which runs after
	 * the generic `render_block` and after block supports have added their classes.
	 *
	 * @param string $block_name The block's name.
	 */
	public static function cover( string $block_name ): void {
		add_filter( 'render_block_' . $block_name, array( self::class, 'hold' ), PHP_INT_MAX );
	}

	/**
	 * On `the_content`, first: a frame for this call. It holds nothing when the restore is not
	 * where it should be.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function open( $content ) {
		$restores       = self::RESTORE_PRIORITY === has_filter( 'the_content', array( self::class, 'restore' ) )
			&& PHP_INT_MAX === has_filter( 'the_content', array( self::class, 'discard' ) );
		self::$frames[] = $restores ? array() : null;
		return $content;
	}

	/**
	 * On the block's own render filter: a comment in place of the block's HTML while the innermost
	 * `the_content` call's frame is open, else the HTML as it is.
	 *
	 * @param mixed $content The block's HTML.
	 * @return mixed
	 */
	public static function hold( $content ) {
		$frame = array_key_last( self::$frames );
		if ( null === $frame || null === self::$frames[ $frame ] || ! is_string( $content ) || '' === $content || ! doing_filter( 'the_content' ) ) {
			return $content;
		}
		if ( '' === self::$token ) {
			self::$token = bin2hex( random_bytes( 8 ) );
		}
		$mark                            = '<!--infosec-policy-block-' . self::$token . '-' . ( ++self::$count ) . '-->';
		self::$frames[ $frame ][ $mark ] = $content;
		return $mark;
	}

	/**
	 * On `the_content` at RESTORE_PRIORITY: the innermost frame's HTML back in place of its
	 * comments, and the frame closed.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function restore( $content ) {
		$frame = array_key_last( self::$frames );
		if ( null === $frame ) {
			return $content;
		}
		$held                   = self::$frames[ $frame ];
		self::$frames[ $frame ] = null;
		return is_string( $content ) && $held ? strtr( $content, $held ) : $content;
	}

	/**
	 * On `the_content`, last: the innermost frame is done. What it still held was dropped by a
	 * filter between the blocks and the restore, so it is not shown.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function discard( $content ) {
		array_pop( self::$frames );
		return $content;
	}
}

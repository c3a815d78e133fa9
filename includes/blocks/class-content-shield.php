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
 * So while a call of `the_content` renders its blocks, each of the plugin's blocks is set aside and
 * a comment holds its place; right after core's last text filter the HTML goes back in. A post rendered inside another (a Query Loop, a block that
 * shows a post) is a call of its own, and gets its own blocks back at its own restore. The comments
 * carry a token drawn for the request, so no stored content can name one. A block rendered
 * anywhere else (the editor's preview, a widget, a filter after that point) is left as it is.
 *
 * What this does not cover: a block theme's template runs wptexturize and convert_smilies once
 * more over the whole page it assembles, after `the_content`, with no filter after them.
 */
final class Content_Shield {

	/**
	 * Where the HTML goes back: after convert_smilies (20), the last of core's text filters, and
	 * before any filter that comes later, which sees the page whole.
	 */
	public const RESTORE_PRIORITY = 21;

	/**
	 * Whether each `the_content` call under way holds blocks, by its depth (1 for the outermost).
	 * A call holds none once restored, nor when another plugin removed the restore, which would
	 * leave the comments in the page.
	 *
	 * @var array<int, bool>
	 */
	private static array $open = array();

	/**
	 * The HTML set aside, by its place-holding comment, with the depth of the call that holds it.
	 *
	 * @var array<string, array{ int, string }>
	 */
	private static array $held = array();

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
	 * Hooks the calls' opening, restore and end into `the_content`. Runs once, at boot.
	 */
	public static function register(): void {
		add_filter( 'the_content', array( self::class, 'open' ), PHP_INT_MIN );
		// After core's do_blocks() at the same priority, which renders the post's blocks.
		add_filter( 'the_content', array( self::class, 'stop_holding' ), 9 );
		add_filter( 'the_content', array( self::class, 'restore' ), self::RESTORE_PRIORITY );
		add_filter( 'the_content', array( self::class, 'close' ), PHP_INT_MAX );
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
	 * On `the_content`, first: this call holds the blocks rendered in it until its blocks are
	 * rendered, if the restore is there.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function open( $content ) {
		$depth = self::depth();
		self::forget_from( $depth );
		self::$open[ $depth ] = self::RESTORE_PRIORITY === has_filter( 'the_content', array( self::class, 'restore' ) )
			&& PHP_INT_MAX === has_filter( 'the_content', array( self::class, 'close' ) )
			&& 9 === has_filter( 'the_content', array( self::class, 'stop_holding' ) );
		return $content;
	}

	/**
	 * On the block's own render filter: a comment in place of the block's HTML while the
	 * `the_content` call it is rendered in holds blocks, else the HTML as it is.
	 *
	 * @param mixed $content The block's HTML.
	 * @return mixed
	 */
	public static function hold( $content ) {
		$depth = self::depth();
		if ( ! is_string( $content ) || '' === $content || ! ( self::$open[ $depth ] ?? false ) ) {
			return $content;
		}
		if ( '' === self::$token ) {
			self::$token = bin2hex( random_bytes( 8 ) );
		}
		$mark                = '<!--infosec-policy-block-' . self::$token . '-' . ( ++self::$count ) . '-->';
		self::$held[ $mark ] = array( $depth, $content );
		return $mark;
	}

	/**
	 * On `the_content` at 9, after core's do_blocks(): the post's blocks are rendered, so this call
	 * holds no more. A block a later filter renders is left as it is; and should an exception end
	 * the call where no filter catches it (WordPress then believes the call still runs), blocks
	 * rendered for the rest of the request are not held for a restore that never comes.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function stop_holding( $content ) {
		self::$open[ self::depth() ] = false;
		return $content;
	}

	/**
	 * On `the_content` at RESTORE_PRIORITY: the HTML back in place of each comment in this content
	 * that this call held, or a call inside it that an exception ended. A comment an outer call
	 * holds stays for that call's restore: this call may be one that a filter or a shortcode of the
	 * outer call runs over part of its content.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function restore( $content ) {
		$depth                = self::depth();
		self::$open[ $depth ] = false;
		if ( array() === self::$held || ! is_string( $content ) || ! str_contains( $content, '<!--infosec-policy-block-' ) ) {
			return $content;
		}
		preg_match_all( '/<!--infosec-policy-block-' . self::$token . '-\d+-->/', $content, $found );
		$back = array();
		foreach ( $found[0] as $mark ) {
			if ( isset( self::$held[ $mark ] ) && self::$held[ $mark ][0] >= $depth ) {
				$back[ $mark ] = self::$held[ $mark ][1];
				unset( self::$held[ $mark ] );
			}
		}
		return array() === $back ? $content : strtr( $content, $back );
	}

	/**
	 * On `the_content`, last: this call is done.
	 *
	 * @param mixed $content The content.
	 * @return mixed
	 */
	public static function close( $content ) {
		self::forget_from( self::depth() );
		return $content;
	}

	/**
	 * How deep in `the_content` calls this runs, 0 outside any: counted on WordPress's own list of
	 * the filters running. An exception thrown out of a nested call and caught in another filter
	 * leaves that list as long as before (core's array_pop ends the catching filter's entry).
	 */
	private static function depth(): int {
		global $wp_current_filter;
		return count( array_keys( (array) $wp_current_filter, 'the_content', true ) );
	}

	/**
	 * Forgets the calls from this depth on: ended, or left behind by an exception.
	 *
	 * @param int $depth A depth.
	 */
	private static function forget_from( int $depth ): void {
		foreach ( array_keys( self::$open ) as $call ) {
			if ( $call >= $depth ) {
				unset( self::$open[ $call ] );
			}
		}
	}
}

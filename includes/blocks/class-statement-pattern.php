<?php
/**
 * The block pattern "Information security statement".
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Blocks;

defined( 'ABSPATH' ) || exit;

/**
 * A whole statement laid out like the reference page: introduction, organisational measures,
 * technical measures, the site's TLS badge, the processor table, a contact line, and when the
 * policy was last updated and reviewed. The headings
 * and introduction are the editor's to change; everything else comes from the policy.
 */
final class Statement_Pattern {

	public const NAME = 'infosec-policy/statement';

	/**
	 * Registers the pattern. Runs on `init`.
	 */
	public static function register(): void {
		register_block_pattern(
			self::NAME,
			array(
				'title'       => __( 'Information security statement', 'infosec-policy' ),
				'description' => __( 'A complete statement of your security measures, certificate, processors and their changes, from Settings → Information security.', 'infosec-policy' ),
				'categories'  => array( 'text' ),
				'keywords'    => array( 'security', 'privacy', 'GDPR', 'processors' ),
				// Offered in the "Choose a pattern" window of a new page, and inserted as its content.
				'blockTypes'  => array( 'core/post-content' ),
				'postTypes'   => array( 'page' ),
				'content'     => self::content(),
			)
		);
	}

	/**
	 * The pattern's block markup.
	 */
	public static function content(): string {
		return self::heading( 2, __( 'Why we tell you about information security', 'infosec-policy' ) )
			. self::paragraph( __( 'We take the protection of your personal data seriously. This page describes the organisational and technical measures we take, the certificate that protects your connection to this site, and the processors that handle personal data for us.', 'infosec-policy' ) )
			. self::heading( 2, __( 'Standards', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/standards /-->' . "\n\n"
			. self::heading( 2, __( 'Organisational measures', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/measure-list {"category":"organizational"} /-->' . "\n\n"
			. self::heading( 2, __( 'Technical measures', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/measure-list {"category":"technical"} /-->' . "\n\n"
			. self::heading( 2, __( 'Secure connection', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/tls-badge /-->' . "\n\n"
			. '<!-- wp:infosec-policy/site-facts /-->' . "\n\n"
			. self::heading( 2, __( 'Processors', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/processor-table /-->' . "\n\n"
			. self::heading( 2, __( 'Changes', 'infosec-policy' ) )
			. self::paragraph( __( 'Changes to the processors and security measures on this page, newest first. A processor we are about to add is listed here before it starts handling personal data.', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/change-log /-->' . "\n\n"
			. self::heading( 3, __( 'Hear about changes by e-mail', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/subscribe /-->' . "\n\n"
			. self::heading( 2, __( 'Questions', 'infosec-policy' ) )
			. '<!-- wp:infosec-policy/contact /-->' . "\n\n"
			. '<!-- wp:infosec-policy/policy-dates /-->';
	}

	/**
	 * A core heading block. Section headings take the theme's x-large size rather than its h2
	 * size, which in Twenty Twenty-Three is 42 px at least: "Organisatorische maatregelen" did not
	 * fit a phone and the page scrolled sideways.
	 *
	 * @param int    $level Heading level.
	 * @param string $text  Plain text.
	 */
	private static function heading( int $level, string $text ): string {
		$tag        = 'h' . $level;
		$attributes = 2 === $level ? array( 'fontSize' => 'x-large' ) : array( 'level' => $level );
		return sprintf(
			"<!-- wp:heading %s -->\n<%s class=\"wp-block-heading%s\">%s</%s>\n<!-- /wp:heading -->\n\n",
			wp_json_encode( $attributes ),
			tag_escape( $tag ),
			2 === $level ? ' has-x-large-font-size' : '',
			esc_html( $text ),
			tag_escape( $tag )
		);
	}

	/**
	 * A core paragraph block.
	 *
	 * @param string $text Plain text.
	 */
	private static function paragraph( string $text ): string {
		return "<!-- wp:paragraph -->\n<p>" . esc_html( $text ) . "</p>\n<!-- /wp:paragraph -->\n\n";
	}
}

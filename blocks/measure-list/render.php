<?php
/**
 * Server rendering of the measure list block: the measures kept in Settings -> Information security.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Blocks\Plain_Text;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;

defined( 'ABSPATH' ) || exit;

$category      = in_array( $attributes['category'] ?? 'all', array( 'organizational', 'technical' ), true )
	? $attributes['category']
	: null;
$heading_level = in_array( $attributes['headingLevel'] ?? 3, array( 2, 3, 4, 5, 6 ), true )
	? (int) $attributes['headingLevel']
	: 3;
$heading_tag   = 'h' . $heading_level;
$measures      = Policy_Store::measures( $category );
$texts         = Translated_Policy::page();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( array() === $measures ) : ?>
		<p class="wp-block-infosec-policy-measure-list__empty">
			<?php esc_html_e( 'No security measures have been published yet.', 'infosec-policy' ); ?>
		</p>
	<?php else : ?>
		<ul class="wp-block-infosec-policy-measure-list__list">
			<?php
			foreach ( $measures as $stored ) :
				$measure = $texts->measure( $stored );
				?>
				<li class="wp-block-infosec-policy-measure-list__item">
					<<?php echo tag_escape( $heading_tag ); ?> class="wp-block-infosec-policy-measure-list__title"<?php echo Translated_Policy::attribute( $texts->lang( 'measures', $stored, 'title' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by attribute(). ?>><?php echo esc_html( $measure['title'] ); ?></<?php echo tag_escape( $heading_tag ); ?>>
					<div class="wp-block-infosec-policy-measure-list__description"<?php echo Translated_Policy::attribute( $texts->lang( 'measures', $stored, 'description' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped by attribute(). ?>>
						<?php foreach ( Plain_Text::paragraphs( $measure['description'] ) as $paragraph ) : ?>
							<p><?php echo wp_kses( Plain_Text::paragraph_html( $paragraph ), Plain_Text::ALLOWED_HTML ); ?></p>
						<?php endforeach; ?>
					</div>
				</li>
			<?php endforeach; ?>
		</ul>
	<?php endif; ?>
</div>

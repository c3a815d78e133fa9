<?php
/**
 * Server rendering of the standards block.
 *
 * @package InfosecPolicy
 */

use InfosecPolicy\Blocks\Standards;

defined( 'ABSPATH' ) || exit;

$sentences = Standards::sentences();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( array() === $sentences ) : ?>
		<p class="wp-block-infosec-policy-standards__empty"><?php esc_html_e( 'No standards have been published yet.', 'infosec-policy' ); ?></p>
	<?php else : ?>
		<ul class="wp-block-infosec-policy-standards__list">
			<?php foreach ( $sentences as $sentence ) : ?>
				<li><?php echo esc_html( $sentence ); ?></li>
			<?php endforeach; ?>
		</ul>
	<?php endif; ?>
</div>

<?php
/**
 * Server rendering of the website facts block.
 *
 * @package InfosecPolicy
 */

use InfosecPolicy\Blocks\Site_Facts;

defined( 'ABSPATH' ) || exit;

$sentences = Site_Facts::sentences();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( array() === $sentences ) : ?>
		<p class="wp-block-infosec-policy-site-facts__empty"><?php esc_html_e( 'No facts about the website have been published yet.', 'infosec-policy' ); ?></p>
	<?php else : ?>
		<?php foreach ( $sentences as $sentence ) : ?>
			<p><?php echo esc_html( $sentence ); ?></p>
		<?php endforeach; ?>
	<?php endif; ?>
</div>

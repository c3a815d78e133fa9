<?php
/**
 * Server rendering of the policy dates block: last updated (the last save) and last reviewed, each
 * a line of its own.
 *
 * @package InfosecPolicy
 */

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

$updated      = Policy_Store::updated_at();
$organization = Policy_Store::policy()['organization'] ?? array();
$reviewed     = is_array( $organization ) && is_string( $organization['reviewedAt'] ?? null ) ? $organization['reviewedAt'] : '';
$date_format  = (string) get_option( 'date_format' );
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<p class="wp-block-infosec-policy-policy-dates__updated">
		<?php esc_html_e( 'Last updated:', 'infosec-policy' ); ?>
		<?php if ( $updated > 0 ) : ?>
			<time datetime="<?php echo esc_attr( gmdate( 'Y-m-d', $updated ) ); ?>"><?php echo esc_html( (string) wp_date( $date_format, $updated ) ); ?></time>
		<?php else : ?>
			<?php esc_html_e( 'not yet', 'infosec-policy' ); ?>
		<?php endif; ?>
	</p>
	<p class="wp-block-infosec-policy-policy-dates__reviewed">
		<?php esc_html_e( 'Last reviewed:', 'infosec-policy' ); ?>
		<?php if ( '' !== $reviewed ) : ?>
			<time datetime="<?php echo esc_attr( $reviewed ); ?>"><?php echo esc_html( (string) mysql2date( $date_format, $reviewed ) ); ?></time>
		<?php else : ?>
			<?php esc_html_e( 'not yet', 'infosec-policy' ); ?>
		<?php endif; ?>
	</p>
</div>

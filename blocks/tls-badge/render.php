<?php
/**
 * Server rendering of the TLS badge block.
 *
 * The markup is a contract that the live TLS check keeps: the wrapper's `data-status` is one of
 * valid, expiring, expired, untrusted, mismatch or unchecked (a check that reached no host leaves
 * the badge unchecked: its reason is the admin's), and the facts sit in a description list, each
 * label and value in a div of their own (HTML allows it), so a narrow row stacks them.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Blocks\Tls_Badge;
use InfosecPolicy\Tls\Tls_Status;

defined( 'ABSPATH' ) || exit;

$badge = Tls_Badge::for_subject( (string) ( $attributes['processorId'] ?? '' ) );
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes( array( 'data-status' => $badge['status'] ) ) ); ?>>
	<?php if ( null === $badge['host'] ) : ?>
		<p class="wp-block-infosec-policy-tls-badge__empty"><?php esc_html_e( 'No host has been named for this certificate yet.', 'infosec-policy' ); ?></p>
	<?php else : ?>
		<p class="wp-block-infosec-policy-tls-badge__status">
			<span class="wp-block-infosec-policy-tls-badge__label"><?php echo esc_html( $badge['label'] ); ?></span>
			<span class="wp-block-infosec-policy-tls-badge__status-text"><?php echo esc_html( Tls_Status::text( $badge['status'] ) ); ?></span>
		</p>
		<dl class="wp-block-infosec-policy-tls-badge__facts">
			<div>
				<dt><?php esc_html_e( 'Host', 'infosec-policy' ); ?></dt>
				<dd class="wp-block-infosec-policy-tls-badge__host"><?php echo esc_html( $badge['host'] ); ?></dd>
			</div>
			<div>
				<dt><?php esc_html_e( 'Certificate issuer', 'infosec-policy' ); ?></dt>
				<dd class="wp-block-infosec-policy-tls-badge__issuer">
					<?php echo esc_html( '' === $badge['issuer'] ? __( 'Not stated', 'infosec-policy' ) : $badge['issuer'] ); ?>
					<?php if ( ! $badge['live'] && '' !== $badge['issuer'] ) : ?>
						<span class="wp-block-infosec-policy-tls-badge__source"><?php esc_html_e( '(as declared)', 'infosec-policy' ); ?></span>
					<?php endif; ?>
				</dd>
			</div>
			<?php if ( $badge['validTo'] > 0 ) : ?>
				<div>
					<dt><?php esc_html_e( 'Valid until', 'infosec-policy' ); ?></dt>
					<dd class="wp-block-infosec-policy-tls-badge__valid-to"><time datetime="<?php echo esc_attr( gmdate( 'c', $badge['validTo'] ) ); ?>"><?php echo esc_html( (string) wp_date( (string) get_option( 'date_format' ), $badge['validTo'] ) ); ?></time></dd>
				</div>
			<?php endif; ?>
			<?php if ( '' !== $badge['protocol'] ) : ?>
				<div>
					<dt><?php esc_html_e( 'Protocol', 'infosec-policy' ); ?></dt>
					<dd class="wp-block-infosec-policy-tls-badge__protocol"><?php echo esc_html( $badge['protocol'] ); ?></dd>
				</div>
			<?php endif; ?>
			<?php if ( $badge['checkedAt'] > 0 ) : ?>
				<div>
					<dt><?php esc_html_e( 'Last checked', 'infosec-policy' ); ?></dt>
					<dd class="wp-block-infosec-policy-tls-badge__checked"><time datetime="<?php echo esc_attr( gmdate( 'c', $badge['checkedAt'] ) ); ?>"><?php echo esc_html( (string) wp_date( (string) get_option( 'date_format' ), $badge['checkedAt'] ) ); ?></time></dd>
				</div>
			<?php endif; ?>
		</dl>
	<?php endif; ?>
</div>

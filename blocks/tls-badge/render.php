<?php
/**
 * Server rendering of the TLS badge block.
 *
 * The markup is a contract that the live TLS check keeps: the wrapper's `data-status` is one of
 * valid, expiring, expired, untrusted, mismatch, unreachable, timeout, blocked or unchecked, and the
 * facts sit in a description list.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Tls_Badge;

defined( 'ABSPATH' ) || exit;

$badge = Tls_Badge::for_subject( (string) ( $attributes['processorId'] ?? '' ) );
?>
<div <?php echo get_block_wrapper_attributes( array( 'data-status' => $badge['status'] ) ); ?>>
	<?php if ( null === $badge['host'] ) : ?>
		<p class="wp-block-infosec-policy-tls-badge__empty"><?php esc_html_e( 'No host has been named for this certificate yet.', 'infosec-policy' ); ?></p>
	<?php else : ?>
		<p class="wp-block-infosec-policy-tls-badge__status">
			<span class="wp-block-infosec-policy-tls-badge__label"><?php echo esc_html( $badge['label'] ); ?></span>
			<span class="wp-block-infosec-policy-tls-badge__status-text"><?php echo esc_html( Tls_Badge::status_text( $badge['status'] ) ); ?></span>
		</p>
		<dl class="wp-block-infosec-policy-tls-badge__facts">
			<dt><?php esc_html_e( 'Host', 'infosec-policy' ); ?></dt>
			<dd class="wp-block-infosec-policy-tls-badge__host"><?php echo esc_html( $badge['host'] ); ?></dd>
			<dt><?php esc_html_e( 'Certificate issuer', 'infosec-policy' ); ?></dt>
			<dd class="wp-block-infosec-policy-tls-badge__issuer">
				<?php echo esc_html( '' === $badge['issuer'] ? __( 'Not stated', 'infosec-policy' ) : $badge['issuer'] ); ?>
				<?php if ( 'unchecked' === $badge['status'] && '' !== $badge['issuer'] ) : ?>
					<span class="wp-block-infosec-policy-tls-badge__source"><?php esc_html_e( '(as declared; not yet checked)', 'infosec-policy' ); ?></span>
				<?php endif; ?>
			</dd>
		</dl>
	<?php endif; ?>
</div>

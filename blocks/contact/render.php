<?php
/**
 * Server rendering of the security contact block.
 *
 * @package InfosecPolicy
 */

use InfosecPolicy\Policy\Policy_Store;

defined( 'ABSPATH' ) || exit;

$organization = Policy_Store::policy()['organization'] ?? array();
$email        = is_array( $organization ) && is_string( $organization['email'] ?? null ) && is_email( $organization['email'] ) ? $organization['email'] : '';
$name         = Policy_Store::organization_name();
?>
<p <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( '' === $email ) : ?>
		<?php esc_html_e( 'No contact address has been published yet.', 'infosec-policy' ); ?>
	<?php else : ?>
		<?php
		printf(
			/* translators: 1: the organisation's name, 2: its e-mail address as a link. */
			esc_html__( 'Questions about the security of your personal data? Contact %1$s at %2$s.', 'infosec-policy' ),
			esc_html( $name ),
			'<a href="' . esc_url( 'mailto:' . $email, array( 'mailto' ) ) . '">' . esc_html( $email ) . '</a>'
		);
		?>
	<?php endif; ?>
</p>

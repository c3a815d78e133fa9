<?php
/**
 * Server rendering of the subscribe block: a form that works without JavaScript.
 *
 * @package InfosecPolicy
 */

use InfosecPolicy\Blocks\Subscribe_Form;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Subscribers\Subscription_Pages;

defined( 'ABSPATH' ) || exit;

$infosec_policy_id      = wp_unique_id( 'infosec-policy-subscribe-' );
$infosec_policy_anchor  = Subscribe_Form::anchor();
$infosec_policy_outcome = '' === $infosec_policy_anchor ? '' : Subscription_Pages::outcome();
$infosec_policy_invalid = 'invalid' === $infosec_policy_outcome;
$infosec_policy_message = Subscribe_Form::message( $infosec_policy_outcome );
$infosec_policy_attrs   = array( 'class' => '' );
if ( '' !== $infosec_policy_anchor ) {
	$infosec_policy_attrs['id'] = $infosec_policy_anchor;
}
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes( $infosec_policy_attrs ) ); ?>>
	<form method="post" class="wp-block-infosec-policy-subscribe__form">
		<p id="<?php echo esc_attr( $infosec_policy_id . '-about' ); ?>">
			<?php
			/* translators: %s: the organisation's name. */
			echo esc_html( sprintf( __( 'Get an e-mail from %s each time this statement changes, such as a new processor before it starts handling personal data. You confirm your address first; each e-mail has a link to stop them, and the address is used for nothing else.', 'infosec-policy' ), Policy_Store::organization_name() ) );
			?>
		</p>
		<?php if ( '' !== $infosec_policy_message ) : ?>
			<p id="<?php echo esc_attr( $infosec_policy_id . '-message' ); ?>" class="wp-block-infosec-policy-subscribe__message" role="<?php echo $infosec_policy_invalid ? 'alert' : 'status'; ?>"><?php echo esc_html( $infosec_policy_message ); ?></p>
		<?php endif; ?>
		<label class="wp-block-infosec-policy-subscribe__label" for="<?php echo esc_attr( $infosec_policy_id . '-email' ); ?>"><?php esc_html_e( 'Your e-mail address', 'infosec-policy' ); ?></label>
		<div class="wp-block-infosec-policy-subscribe__field">
			<input type="email" id="<?php echo esc_attr( $infosec_policy_id . '-email' ); ?>" name="infosec_policy_email" autocomplete="email" required maxlength="191" aria-describedby="<?php echo esc_attr( $infosec_policy_id . '-about' . ( '' !== $infosec_policy_message ? ' ' . $infosec_policy_id . '-message' : '' ) ); ?>"<?php echo $infosec_policy_invalid ? ' aria-invalid="true"' : ''; ?>>
			<button type="submit" class="wp-element-button"><?php esc_html_e( 'Subscribe', 'infosec-policy' ); ?></button>
		</div>
		<input type="hidden" name="<?php echo esc_attr( Subscription_Pages::FORM_FIELD ); ?>" value="1">
		<input type="hidden" name="infosec_policy_locale" value="<?php echo esc_attr( get_locale() ); ?>">
		<p class="wp-block-infosec-policy-subscribe__trap" aria-hidden="true">
			<label for="<?php echo esc_attr( $infosec_policy_id . '-website' ); ?>"><?php esc_html_e( 'Leave this field empty', 'infosec-policy' ); ?></label>
			<input type="text" id="<?php echo esc_attr( $infosec_policy_id . '-website' ); ?>" name="<?php echo esc_attr( Subscription_Pages::TRAP_FIELD ); ?>" tabindex="-1" autocomplete="off">
		</p>
	</form>
</div>

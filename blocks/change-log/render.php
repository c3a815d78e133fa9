<?php
/**
 * Server rendering of the change log block: the published changes, newest first.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Policy\Page_Language;

defined( 'ABSPATH' ) || exit;

$limit       = max( 1, min( Published_Log::LIMIT, (int) ( $attributes['limit'] ?? 5 ) ) );
$entries     = Published_Log::entries( $limit, Page_Language::current() );
$date_format = (string) get_option( 'date_format' );
$anchored    = Change_Feed::claim_anchors();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( array() === $entries ) : ?>
		<p class="wp-block-infosec-policy-change-log__empty"><?php esc_html_e( 'No changes have been published yet.', 'infosec-policy' ); ?></p>
	<?php else : ?>
		<ol class="wp-block-infosec-policy-change-log__list">
			<?php foreach ( $entries as $entry ) : ?>
				<li class="wp-block-infosec-policy-change-log__entry"<?php echo $anchored ? ' id="' . esc_attr( Change_Feed::anchor( $entry['id'] ) ) . '"' : ''; ?>>
					<p class="wp-block-infosec-policy-change-log__date"><time datetime="<?php echo esc_attr( gmdate( 'c', $entry['createdAt'] ) ); ?>"><?php echo esc_html( (string) wp_date( $date_format, $entry['createdAt'] ) ); ?></time></p>
					<?php if ( '' !== $entry['note'] ) : ?>
						<p class="wp-block-infosec-policy-change-log__note"><?php echo nl2br( esc_html( $entry['note'] ), false ); ?></p>
					<?php endif; ?>
					<ul class="wp-block-infosec-policy-change-log__changes">
						<?php foreach ( $entry['items'] as $item ) : ?>
							<li><?php echo esc_html( Change_Sentences::sentence( $item ) ); ?></li>
						<?php endforeach; ?>
						<?php if ( $entry['more'] > 0 ) : ?>
							<?php /* translators: %d: how many changes are not listed. */ ?>
							<li><?php echo esc_html( sprintf( _n( 'And %d more change.', 'And %d more changes.', $entry['more'], 'infosec-policy' ), $entry['more'] ) ); ?></li>
						<?php endif; ?>
					</ul>
				</li>
			<?php endforeach; ?>
		</ol>
	<?php endif; ?>
	<?php if ( false !== ( $attributes['showFeedLink'] ?? true ) ) : ?>
		<p class="wp-block-infosec-policy-change-log__feed">
			<a href="<?php echo esc_url( Change_Feed::url() ); ?>" type="application/rss+xml"><?php esc_html_e( 'Follow these changes (RSS feed)', 'infosec-policy' ); ?></a>
		</p>
	<?php endif; ?>
</div>

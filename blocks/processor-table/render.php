<?php
/**
 * Server rendering of the processor table block.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Processor_Table;

defined( 'ABSPATH' ) || exit;

$columns    = Processor_Table::columns( $attributes['columns'] ?? null );
$processors = Processor_Table::processors( (string) ( $attributes['role'] ?? '' ), (string) ( $attributes['country'] ?? '' ) );
$caption    = trim( (string) ( $attributes['caption'] ?? '' ) );
?>
<div <?php echo get_block_wrapper_attributes(); ?>>
	<?php if ( array() === $processors ) : ?>
		<p class="wp-block-infosec-policy-processor-table__empty">
			<?php esc_html_e( 'No processors have been published yet.', 'infosec-policy' ); ?>
		</p>
	<?php else : ?>
		<table class="wp-block-infosec-policy-processor-table__table">
			<caption><?php echo esc_html( '' === $caption ? Processor_Table::default_caption() : $caption ); ?></caption>
			<thead>
				<tr>
					<?php foreach ( $columns as $column ) : ?>
						<th scope="col"><?php echo esc_html( Processor_Table::heading( $column ) ); ?></th>
					<?php endforeach; ?>
				</tr>
			</thead>
			<tbody>
				<?php foreach ( $processors as $processor ) : ?>
					<tr>
						<?php foreach ( $columns as $column ) : ?>
							<?php $cell_tag = 'name' === $column ? 'th' : 'td'; ?>
							<<?php echo tag_escape( $cell_tag ); ?> <?php echo 'th' === $cell_tag ? 'scope="row"' : ''; ?> class="wp-block-infosec-policy-processor-table__<?php echo esc_attr( $column ); ?>" data-label="<?php echo esc_attr( Processor_Table::heading( $column ) ); ?>">
								<?php echo wp_kses_post( Processor_Table::cell_html( $column, $processor ) ); ?>
							</<?php echo tag_escape( $cell_tag ); ?>>
						<?php endforeach; ?>
					</tr>
				<?php endforeach; ?>
			</tbody>
		</table>
	<?php endif; ?>
</div>

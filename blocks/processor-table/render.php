<?php
/**
 * Server rendering of the processor table block.
 *
 * @package InfosecPolicy
 *
 * @var array<string, mixed> $attributes The block's attributes.
 */

use InfosecPolicy\Blocks\Plain_Text;
use InfosecPolicy\Blocks\Processor_Table;

defined( 'ABSPATH' ) || exit;

$columns    = Processor_Table::columns( $attributes['columns'] ?? null );
$processors = Processor_Table::processors( (string) ( $attributes['role'] ?? '' ), (string) ( $attributes['country'] ?? '' ) );
$caption    = trim( (string) ( $attributes['caption'] ?? '' ) );
$headings   = Processor_Table::headings();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
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
						<th scope="col"><?php echo esc_html( $headings[ $column ] ); ?></th>
					<?php endforeach; ?>
				</tr>
			</thead>
			<tbody>
		<?php
		// One line per row, without template indentation: a thousand rows must not carry kilobytes
		// of tabs. Every value is escaped here, as it is printed.
		foreach ( $processors as $processor ) {
			echo '<tr>';
			foreach ( $columns as $column ) {
				$cell_tag = 'name' === $column ? 'th' : 'td';
				printf(
					'<%1$s%2$s data-column="%3$s" data-label="%4$s">',
					tag_escape( $cell_tag ),
					'th' === $cell_tag ? ' scope="row"' : '',
					esc_attr( $column ),
					esc_attr( $headings[ $column ] )
				);
				if ( 'description' === $column ) {
					foreach ( Plain_Text::paragraphs( $processor['description'] ) as $paragraph ) {
						echo '<p>' . wp_kses( Plain_Text::paragraph_html( $paragraph ), Plain_Text::ALLOWED_HTML ) . '</p>';
					}
				} elseif ( 'securityUrl' === $column && '' !== $processor['securityUrl'] ) {
					printf(
						'<a href="%s">%s</a>',
						esc_url( $processor['securityUrl'], array( 'https' ) ),
						/* translators: %s: a processor's name. */
						esc_html( sprintf( __( 'Security at %s', 'infosec-policy' ), $processor['name'] ) )
					);
				} else {
					echo esc_html( Processor_Table::cell_text( $column, $processor ) );
				}
				if ( 'location' === $column && null !== Processor_Table::other_data_locations( $processor ) ) {
					echo '<br><span class="wp-block-infosec-policy-processor-table__data-locations">' . esc_html( (string) Processor_Table::other_data_locations( $processor ) ) . '</span>';
				}
				echo '</' . tag_escape( $cell_tag ) . '>';
			}
			echo "</tr>\n";
		}
		?>
			</tbody>
		</table>
	<?php endif; ?>
</div>

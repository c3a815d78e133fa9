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
use InfosecPolicy\Policy\Translated_Policy;

defined( 'ABSPATH' ) || exit;

$columns    = Processor_Table::columns( $attributes['columns'] ?? null );
$processors = Processor_Table::processors( (string) ( $attributes['role'] ?? '' ), (string) ( $attributes['country'] ?? '' ) );
$caption    = trim( (string) ( $attributes['caption'] ?? '' ) );
$caption    = '' === $caption ? Processor_Table::default_caption() : $caption;
$headings   = Processor_Table::headings();
?>
<div <?php echo wp_kses_data( get_block_wrapper_attributes() ); ?>>
	<?php if ( array() === $processors ) : ?>
		<p class="wp-block-infosec-policy-processor-table__empty">
			<?php esc_html_e( 'No processors have been published yet.', 'infosec-policy' ); ?>
		</p>
	<?php else : ?>
		<?php
		// A table wider than its column (long words in a narrow theme, before it stacks) scrolls
		// in its own region, which the keyboard can reach, rather than the whole page sideways.
		?>
		<div class="wp-block-infosec-policy-processor-table__scroll" role="region" tabindex="0" aria-label="<?php echo esc_attr( $caption ); ?>">
		<table class="wp-block-infosec-policy-processor-table__table <?php echo esc_attr( Processor_Table::stacked_labels( $columns ) ); ?>">
			<caption><?php echo esc_html( $caption ); ?></caption>
			<thead>
				<tr>
					<?php foreach ( $columns as $column ) : ?>
						<th scope="col" data-column="<?php echo esc_attr( $column ); ?>"><?php echo esc_html( $headings[ $column ] ); ?></th>
					<?php endforeach; ?>
				</tr>
			</thead>
			<tbody>
		<?php
		// One line per row, without template indentation or attributes per cell: a thousand rows
		// must not carry kilobytes of tabs and labels (the stacked layout's labels come from the
		// stylesheet, once per column). Every value is escaped here, as it is printed.
		foreach ( Processor_Table::rows( $processors, $columns ) as $row ) {
			$classes = array_filter(
				array(
					$row['depth'] > 0 ? 'is-sub-processor is-depth-' . min( 3, $row['depth'] ) : '',
					$row['announced'] ? 'is-announced' : '',
				)
			);
			echo array() === $classes ? '<tr>' : '<tr class="' . esc_attr( implode( ' ', $classes ) ) . '">';
			foreach ( $row['cells'] as $column => $cell ) {
				if ( 'name' === $column ) {
					echo '<th scope="row">' . esc_html( $cell['text'] );
				} elseif ( 'description' === $column ) {
					echo '<td>';
					$lang = Translated_Policy::attribute( $cell['lang'] );
					foreach ( $cell['paragraphs'] as $paragraph ) {
						echo '<p' . $lang . '>' . Plain_Text::paragraph_html( $paragraph ) . '</p>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- paragraph_html() escapes each part as it builds the HTML, here at output (esc_html, esc_url); wp_kses() over it again cost a tenth of a page view with a thousand processors.
					}
				} elseif ( 'securityUrl' === $column ) {
					echo '<td>';
					if ( '' !== $cell['url'] ) {
						echo '<a href="' . esc_url( $cell['url'], array( 'https' ) ) . '">' . esc_html( $cell['text'] ) . '</a>';
					}
				} else {
					echo '<td>' . Translated_Policy::marked( esc_html( $cell['text'] ), $cell['lang'] ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- escaped here; marked() escapes the language.
				}
				if ( '' !== $cell['more'] ) {
					echo '<br><span class="wp-block-infosec-policy-processor-table__data-locations">' . esc_html( $cell['more'] ) . '</span>';
				}
				// Whom a sub-processor works for, when an announced one starts: in the row's first cell.
				foreach ( $cell['notes'] as $note ) {
					echo '<span class="wp-block-infosec-policy-processor-table__note">' . esc_html( $note ) . '</span>';
				}
				if ( '' !== $cell['objectUrl'] ) {
					// "Object", and for a screen reader's list of links also whom to.
					echo '<a class="wp-block-infosec-policy-processor-table__object" href="' . esc_url( $cell['objectUrl'] ) . '">' . esc_html_x( 'Object', 'a link beside an announced processor', 'infosec-policy' )
						/* translators: %s: the name of the processor an "Object" link is for, read by screen readers after the link's text. */
						. '<span class="wp-block-infosec-policy-processor-table__hidden"> ' . esc_html( sprintf( _x( '(%s)', 'whom an Object link is for', 'infosec-policy' ), $row['name'] ) ) . '</span></a>';
				}
				echo 'name' === $column ? '</th>' : '</td>';
			}
			echo "</tr>\n";
		}
		?>
			</tbody>
		</table>
		</div>
	<?php endif; ?>
</div>

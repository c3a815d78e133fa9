<?php
/**
 * The changes list command.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Policy\Policy_Service;

/**
 * The change log, newest first, as an import through WP-CLI left it.
 */
final class ChangesCommandTest extends CommandTestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->admin_id() );
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0, 'import', 'First publication.' )->is_saved() );
		wp_set_current_user( 0 );
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = 'RegioIngenieur B.V.';
		$policy['processors']           = array_slice( $policy['processors'], 0, 2 );
		$run                            = $this->wp( '--user=admin', 'infosec-policy', 'import', $this->write_json( 'policy.json', $policy ), '--note=Google Analytics is gone.' );
		$this->assertExitStatus( 0, $run );
	}

	public function test_json_lists_the_import_first_with_its_lines(): void {
		$run = $this->wp( 'infosec-policy', 'changes', 'list', '--format=json' );
		$this->assertExitStatus( 0, $run );
		$entries = json_decode( $run['stdout'], true );
		$this->assertIsArray( $entries, $run['stdout'] );
		$this->assertCount( 2, $entries );
		$newest = $entries[0];
		$this->assertSame( array( 'id', 'revision', 'date', 'author', 'source', 'internal', 'note', 'lines' ), array_keys( $newest ) );
		$this->assertSame(
			array( 2, 'admin', 'import', false, 'Google Analytics is gone.' ),
			array( $newest['revision'], $newest['author'], $newest['source'], $newest['internal'], $newest['note'] )
		);
		$this->assertSame(
			array( 'Removed processor Google Analytics', 'Changed the name of the organisation from “RegioIngenieur” to “RegioIngenieur B.V.”' ),
			$newest['lines']
		);
		$this->assertMatchesRegularExpression( '/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/', $newest['date'] );
		$this->assertSame( 1, $entries[1]['revision'] );
	}

	public function test_csv_pages_the_log_and_joins_each_entrys_lines(): void {
		$run = $this->wp( 'infosec-policy', 'changes', 'list', '--format=csv', '--per-page=1', '--page=1' );
		$this->assertExitStatus( 0, $run );
		$rows = array_map( 'str_getcsv', explode( "\n", rtrim( $run['stdout'] ) ) );
		$this->assertSame( array( 'id', 'revision', 'date', 'author', 'source', 'internal', 'note', 'lines' ), $rows[0] );
		$this->assertCount( 2, $rows, 'one entry a page' );
		$this->assertSame( '2', $rows[1][1] );
		$this->assertSame( 'false', $rows[1][5] );
		$this->assertSame( 'Removed processor Google Analytics; Changed the name of the organisation from “RegioIngenieur” to “RegioIngenieur B.V.”', $rows[1][7] );
	}

	public function test_a_table_for_a_terminal_wraps_its_cells_and_raises_no_deprecation(): void {
		// WP-CLI draws a table only for a terminal: SHELL_PIPE=0 says this is one, 100 columns wide,
		// too narrow for the lines, so their cell wraps (where php-cli-tools 0.11 passes null around).
		$this->env = array(
			'SHELL_PIPE' => '0',
			'COLUMNS'    => '100',
		);
		$run       = $this->wp( 'infosec-policy', 'changes', 'list', '--per-page=1' );
		$this->assertExitStatus( 0, $run );
		$this->assertStringStartsWith( '+--', $run['stdout'], 'no table was drawn, so this test proved nothing' );
		$this->assertMatchesRegularExpression( '/^\| \d+ +\| 2 +\| 20\S+ +\| admin +\| import +\| no +\| Google Analy.* \| Removed proc.* \|$/m', $run['stdout'] );
		$this->assertGreaterThan( 6, substr_count( $run['stdout'], "\n" ), 'the cells did not wrap, so this test proved nothing' );
		$this->assertStringEndsWith( "Page 1 of 2; 2 entries in all.\n", $run['stdout'] );
		$this->assertSame( '', $run['stderr'] );
	}

	public function test_a_page_past_the_last_exits_1(): void {
		$run = $this->wp( 'infosec-policy', 'changes', 'list', '--per-page=1', '--page=3' );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( "Error: There is no page 3: the change log has 2 pages.\n", $run['stderr'] );
	}

	public function test_a_page_size_out_of_bounds_exits_1_naming_the_option(): void {
		$run = $this->wp( 'infosec-policy', 'changes', 'list', '--per-page=101' );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( "Error: --per-page must be a whole number from 1 to 100.\n", $run['stderr'] );
	}
}

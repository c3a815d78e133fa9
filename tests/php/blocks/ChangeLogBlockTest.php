<?php
/**
 * Server rendering of the change log block.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;

/**
 * The block lists the published changes, newest first, never an internal one, every text escaped.
 */
final class ChangeLogBlockTest extends TestCase {

	/**
	 * The rendered block.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 */
	private function render( array $attributes = array() ): \DOMXPath {
		return $this->parse_html( do_blocks( '<!-- wp:infosec-policy/change-log ' . wp_json_encode( (object) $attributes ) . ' /-->' ) );
	}

	/**
	 * Records a change of the organisation's name.
	 *
	 * @param string $name     The new name.
	 * @param string $note     The public note.
	 * @param bool   $internal Whether it is internal.
	 */
	private function rename( string $name, string $note = '', bool $internal = false ): int {
		if ( 0 === Policy_Store::get()['revision'] ) {
			// A statement to rename, first published internally so that only the renames show.
			$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0, 'save', '', true )->is_saved() );
		}
		$policy                         = Policy_Store::policy();
		$policy['organization']['name'] = $name;
		$saved                          = Policy_Service::save( $policy, Policy_Store::get()['revision'], 'save', $note, $internal );
		$this->assertTrue( $saved->is_saved(), $saved->status );
		$this->assertNotNull( $saved->change_id, 'the rename was not recorded' );
		return $saved->change_id;
	}

	public function test_without_published_changes_it_says_so_and_links_the_feed(): void {
		$xpath = $this->render();
		$this->assertSame( array( 'No changes have been published yet.' ), $this->texts( $xpath, '//p[contains(@class,"__empty")]' ) );
		$this->assertSame( array( Change_Feed::url() ), $this->texts( $xpath, '//p[contains(@class,"__feed")]/a/@href' ) );
	}

	public function test_lists_published_changes_newest_first_up_to_its_limit(): void {
		$this->rename( 'First' );
		$this->rename( 'Second', 'A new name.' );
		$this->rename( 'Third' );
		$xpath = $this->render( array( 'limit' => 2 ) );
		$this->assertSame(
			array(
				'Changed the name of the organisation from “Second” to “Third”',
				'Changed the name of the organisation from “First” to “Second”',
			),
			$this->texts( $xpath, '//li[contains(@class,"__entry")]//ul/li' )
		);
		$this->assertSame( array( 'A new name.' ), $this->texts( $xpath, '//p[contains(@class,"__note")]' ) );
		$this->assertSame( 2, $this->count_matches( $xpath, '//li[contains(@class,"__entry")]//time[@datetime]' ) );
	}

	public function test_never_shows_an_internal_change(): void {
		$this->rename( 'Public name' );
		$this->rename( 'Secret project name', 'Internal reorganisation', true );
		$html = do_blocks( '<!-- wp:infosec-policy/change-log /-->' );
		$this->assertStringNotContainsString( 'Secret project name', $html );
		$this->assertStringNotContainsString( 'Internal reorganisation', $html );
		$this->assertStringContainsString( 'Public name', $html );
	}

	public function test_a_change_marked_internal_later_disappears(): void {
		$id = $this->rename( 'Soon hidden' );
		$this->assertStringContainsString( 'Soon hidden', do_blocks( '<!-- wp:infosec-policy/change-log /-->' ) );
		Change_Log::annotate( $id, '', true );
		$this->assertStringNotContainsString( 'Soon hidden', do_blocks( '<!-- wp:infosec-policy/change-log /-->' ) );
	}

	public function test_escapes_names_and_notes(): void {
		$this->rename( '<img src=x onerror=alert(1)> & "Co"', "<script>alert('note')</script>\nLine two" );
		$xpath = $this->render();
		$this->assertSame( 0, $this->count_matches( $xpath, '//img | //script' ) );
		$this->assertStringContainsString( '<img src=x onerror=alert(1)> & "Co"', implode( ' ', $this->texts( $xpath, '//ul/li' ) ) );
		$this->assertStringContainsString( "<script>alert('note')</script>", implode( ' ', $this->texts( $xpath, '//p[contains(@class,"__note")]' ) ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//p[contains(@class,"__note")]/br' ), 'a line break of the note stays one' );
	}

	public function test_renders_without_a_database_query(): void {
		global $wpdb;
		$this->rename( 'Cached' );
		wp_cache_flush();
		wp_load_alloptions();
		$queries = $wpdb->num_queries;
		$this->render();
		$this->assertSame( $queries, $wpdb->num_queries );
	}

	public function test_hides_the_feed_link_when_asked(): void {
		$this->assertSame( 0, $this->count_matches( $this->render( array( 'showFeedLink' => false ) ), '//a' ) );
	}
}

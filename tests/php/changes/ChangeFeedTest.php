<?php
/**
 * The RSS feed of published changes, and announced processors.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Policy_Store;

/**
 * The feed is valid RSS 2.0 (parsed by libxml, not matched as text), escapes every text, never
 * lists an internal change, and announces a processor before the processor table shows it.
 */
final class ChangeFeedTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
		// The changes these tests make are typed in English (a processor for "Backups"), so the
		// texts are English: the feed is in the texts' language (see the tests of ?lang= below).
		$policy                             = $this->demo_policy();
		$policy['organization']['language'] = 'en';
		Policy_Store::save( $policy, 0 );
	}

	/**
	 * Saves a changed policy through the REST API, with the change's note and flag.
	 *
	 * @param callable(array<string, mixed>): array<string, mixed> $change   Changes the stored policy.
	 * @param string                                               $note     Public note.
	 * @param bool                                                 $internal Internal flag.
	 */
	private function save( callable $change, string $note = '', bool $internal = false ): void {
		$this->save_through_rest(
			$change,
			array(
				'changeNote'     => $note,
				'changeInternal' => $internal,
			)
		);
	}

	/**
	 * A policy change that adds a processor.
	 *
	 * @param string $id             Its id.
	 * @param string $name           Its name.
	 * @param string $effective_from Its effective date, or ''.
	 * @return callable(array<string, mixed>): array<string, mixed>
	 */
	private static function add_processor( string $id, string $name, string $effective_from = '' ): callable {
		return static function ( array $policy ) use ( $id, $name, $effective_from ): array {
			$policy['processors'][] = array_merge(
				$policy['processors'][0],
				array(
					'id'            => $id,
					'name'          => $name,
					'role'          => 'Backups',
					'country'       => 'DE',
					'effectiveFrom' => $effective_from,
				)
			);
			return $policy;
		};
	}

	/**
	 * The feed, parsed as XML; the test fails if it is not well-formed.
	 */
	private function feed(): \DOMXPath {
		ob_start();
		Change_Feed::render();
		$xml      = (string) ob_get_clean();
		$document = new \DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$loaded   = $document->loadXML( $xml, LIBXML_NONET );
		$errors   = libxml_get_errors();
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		$this->assertTrue( $loaded, 'not well-formed XML: ' . implode( ' ', array_map( static fn( \LibXMLError $error ): string => trim( $error->message ), $errors ) ) . "\n" . $xml );
		$xpath = new \DOMXPath( $document );
		$xpath->registerNamespace( 'atom', 'http://www.w3.org/2005/Atom' );
		return $xpath;
	}

	/**
	 * The text of each node an XPath expression matches, untrimmed.
	 *
	 * @param \DOMXPath $xpath      The feed.
	 * @param string    $expression XPath.
	 * @return list<string>
	 */
	private function values( \DOMXPath $xpath, string $expression ): array {
		$nodes = $xpath->query( $expression );
		$this->assertInstanceOf( \DOMNodeList::class, $nodes, $expression );
		$values = array();
		foreach ( $nodes as $node ) {
			$values[] = $node instanceof \DOMNode ? $node->textContent : '';
		}
		return $values;
	}

	public function test_is_rss_2_with_every_required_element(): void {
		$this->save( self::add_processor( 'backup-co', 'Backup Co' ), 'We now keep off-site backups.' );
		$xpath = $this->feed();
		$this->assertSame( array( '2.0' ), $this->values( $xpath, '/rss/@version' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '/rss/channel' ) );
		foreach ( array( 'title', 'link', 'description' ) as $required ) {
			$values = $this->values( $xpath, "/rss/channel/$required" );
			$this->assertCount( 1, $values, "channel/$required" );
			$this->assertNotSame( '', trim( $values[0] ), "channel/$required" );
		}
		$this->assertSame( array( 'Changes to the information security policy of RegioIngenieur' ), $this->values( $xpath, '/rss/channel/title' ) );
		$this->assertSame( array( Change_Feed::url() ), $this->values( $xpath, '/rss/channel/atom:link[@rel="self"]/@href' ) );
		$this->assertNotFalse( \DateTimeImmutable::createFromFormat( \DATE_RSS, $this->values( $xpath, '/rss/channel/lastBuildDate' )[0] ?? '' ) );

		$this->assertSame( 1, $this->count_matches( $xpath, '/rss/channel/item' ) );
		$this->assertSame( array( 'Added processor Backup Co (Backups, Germany)' ), $this->values( $xpath, '/rss/channel/item/title' ) );
		$this->assertSame( array( 'false' ), $this->values( $xpath, '/rss/channel/item/guid/@isPermaLink' ) );
		$this->assertMatchesRegularExpression( '/^tag:[^,]+,\d{4}-\d{2}-\d{2}:infosec-policy-change-\d+$/', $this->values( $xpath, '/rss/channel/item/guid' )[0] ?? '' );
		$published = \DateTimeImmutable::createFromFormat( \DATE_RSS, $this->values( $xpath, '/rss/channel/item/pubDate' )[0] ?? '' );
		$this->assertNotFalse( $published );
		$this->assertEqualsWithDelta( time(), $published->getTimestamp(), 60 );
		$description = $this->parse_html( $this->values( $xpath, '/rss/channel/item/description' )[0] ?? '' );
		$this->assertSame( array( 'We now keep off-site backups.' ), $this->texts( $description, '//p' ) );
		$this->assertSame( array( 'Added processor Backup Co (Backups, Germany)' ), $this->texts( $description, '//li' ) );
	}

	public function test_items_link_to_their_entry_on_the_statement_page_and_the_channel_to_that_page(): void {
		$this->save( self::add_processor( 'backup-co', 'Backup Co' ) );
		$statement = \InfosecPolicy\Publish\Security_Txt::statement_url();
		$this->assertNotSame( '', $statement, 'the test site publishes a statement page' );
		$xpath = $this->feed();
		$this->assertSame( array( $statement ), $this->values( $xpath, '/rss/channel/link' ) );
		$entry = Published_Log::entries( 1 )[0];
		$this->assertSame( array( $statement . '#infosec-policy-change-' . $entry['id'] ), $this->values( $xpath, '/rss/channel/item/link' ) );

		// The anchor is there: the change log block gives each entry its id.
		( new \ReflectionProperty( Change_Feed::class, 'anchored' ) )->setValue( null, false );
		$block = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/change-log /--><!-- wp:infosec-policy/change-log /-->' ) );
		$this->assertSame( 1, $this->count_matches( $block, '//li[@id="infosec-policy-change-' . $entry['id'] . '"]' ), 'once, in the first change log of the page' );
	}

	public function test_lists_entries_newest_first_and_titles_a_several_change_entry(): void {
		$this->save( self::add_processor( 'one', 'One' ) );
		$this->save(
			static function ( array $policy ): array {
				$policy = self::add_processor( 'two', 'Two' )( $policy );
				$policy = self::add_processor( 'three', 'Three' )( $policy );
				return $policy;
			}
		);
		$this->assertSame(
			array( 'Added processor Two (Backups, Germany), and 1 more change', 'Added processor One (Backups, Germany)' ),
			$this->values( $this->feed(), '/rss/channel/item/title' )
		);
	}

	public function test_escapes_every_text(): void {
		$name = '<b>Evil</b> & "Co" ]]> \'x\' &amp;';
		$note = "<script>alert(1)</script> & ]]> \u{1F512}";
		$this->save( self::add_processor( 'evil', $name ), $note );
		$xpath = $this->feed();
		// Titles lose what looks like a tag, as core's feeds do: readers may show a title as HTML.
		$this->assertSame( array( 'Added processor Evil & "Co" ]]> \'x\' &amp; (Backups, Germany)' ), $this->values( $xpath, '/rss/channel/item/title' ) );
		$description = $this->parse_html( $this->values( $xpath, '/rss/channel/item/description' )[0] ?? '' );
		$this->assertSame( 0, $this->count_matches( $description, '//script | //b' ) );
		$this->assertSame( array( $note ), $this->texts( $description, '//p' ) );
		$this->assertSame( array( "Added processor $name (Backups, Germany)" ), $this->texts( $description, '//li' ) );
	}

	public function test_a_character_xml_forbids_does_not_break_the_feed(): void {
		$this->save( self::add_processor( 'odd', "Odd\u{FFFF}Name" ), "Note\u{FFFE}" );
		$this->assertSame( array( "Added processor Odd\u{FFFD}Name (Backups, Germany)" ), $this->values( $this->feed(), '/rss/channel/item/title' ) );
	}

	public function test_core_answers_conditional_requests_with_the_feeds_own_last_change(): void {
		global $wp;
		$this->save( self::add_processor( 'one', 'One' ) );
		$saved = $wp->query_vars;
		try {
			$wp->query_vars = array( 'feed' => Change_Feed::NAME );
			$expected       = max( \InfosecPolicy\Changes\Published_Log::built_at(), Policy_Store::updated_at() );
			$this->assertSame( gmdate( 'Y-m-d H:i:s', $expected ), get_lastpostmodified( 'gmt' ) );
			$this->assertSame( wp_date( 'Y-m-d H:i:s', $expected ), get_lastpostmodified( 'blog' ) );
			$wp->query_vars = array( 'feed' => 'rss2' );
			$this->assertNotSame( gmdate( 'Y-m-d H:i:s', $expected ), get_lastpostmodified( 'gmt' ), 'other feeds keep the posts\' date' );
		} finally {
			$wp->query_vars = $saved;
		}
	}

	public function test_never_lists_an_internal_change(): void {
		$this->save( self::add_processor( 'public', 'Public Processor' ) );
		$this->save( self::add_processor( 'secret', 'Secret Processor' ), 'Internal only', true );
		$xpath = $this->feed();
		$all   = implode( ' ', $this->values( $xpath, '//item' ) );
		$this->assertStringContainsString( 'Public Processor', $all );
		$this->assertStringNotContainsString( 'Secret Processor', $all );
		$this->assertStringNotContainsString( 'Internal only', $all );
	}

	public function test_announces_a_future_processor_at_once_and_the_table_marks_it_until_its_date(): void {
		$tomorrow = (string) wp_date( 'Y-m-d', time() + DAY_IN_SECONDS );
		$this->save( self::add_processor( 'upcoming', 'Upcoming Storage', $tomorrow ) );
		$this->assertSame(
			array( 'Announced processor Upcoming Storage (Backups, Germany), in use from ' . mysql2date( (string) get_option( 'date_format' ), $tomorrow ) . '; objections are taken until then' ),
			$this->values( $this->feed(), '/rss/channel/item/title' )
		);
		$this->assertSame( array( 'Upcoming Storage' ), $this->table_names( true ) );
		$this->assertContains( 'Mailchimp', $this->table_names() );

		// Withdrawn before its day: told as withdrawn, not as a processor that stopped.
		$this->save(
			static function ( array $policy ): array {
				$policy['processors'] = array_values( array_filter( $policy['processors'], static fn( array $p ): bool => 'upcoming' !== $p['id'] ) );
				return $policy;
			}
		);
		$this->assertSame( 'Withdrew the announcement of processor Upcoming Storage', $this->values( $this->feed(), '/rss/channel/item/title' )[0] );
	}

	/**
	 * "From its date" is the site's date: in a time zone fourteen hours ahead of UTC or eleven
	 * behind, whatever the hour, one of the two dates differs from UTC's, and the table follows the site.
	 */
	public function test_the_table_counts_the_effective_date_in_the_sites_time_zone(): void {
		foreach ( array( 'Pacific/Kiritimati', 'Pacific/Pago_Pago' ) as $zone ) {
			update_option( 'timezone_string', $zone );
			$today    = (string) wp_date( 'Y-m-d' );
			$tomorrow = (string) wp_date( 'Y-m-d', time() + DAY_IN_SECONDS );
			$this->save(
				static function ( array $policy ) use ( $today, $tomorrow ): array {
					$policy = self::add_processor( 'starts-today', 'Starts Today', $today )( $policy );
					return self::add_processor( 'starts-tomorrow', 'Starts Tomorrow', $tomorrow )( $policy );
				}
			);
			$this->assertContains( 'Starts Today', $this->table_names(), $zone );
			$this->assertSame( array( 'Starts Tomorrow' ), $this->table_names( true ), $zone );
			$this->save(
				static function ( array $policy ): array {
					$policy['processors'] = array_values( array_filter( $policy['processors'], static fn( array $p ): bool => ! str_starts_with( $p['id'], 'starts-' ) ) );
					return $policy;
				}
			);
		}
	}

	/**
	 * The names in the processor table as a visitor sees it today: all, or the announced ones.
	 *
	 * @param bool $announced Whether to list only the rows marked announced.
	 * @return list<string>
	 */
	private function table_names( bool $announced = false ): array {
		return $this->texts( $this->parse_html( do_blocks( '<!-- wp:infosec-policy/processor-table {"columns":["name"]} /-->' ) ), $announced ? '//tbody/tr[contains(@class,"is-announced")]/th/text()' : '//tbody/tr/th/text()' );
	}

	public function test_editors_are_told_when_an_announced_processor_appears(): void {
		$tomorrow = (string) wp_date( 'Y-m-d', time() + DAY_IN_SECONDS );
		$this->save( self::add_processor( 'upcoming', 'Upcoming Storage', $tomorrow ) );
		$this->assertSame(
			array(
				array(
					'processorId' => 'upcoming',
					'message'     => 'Upcoming Storage is announced: this table shows it as announced, with objections taken, until it starts on ' . mysql2date( (string) get_option( 'date_format' ), $tomorrow ) . '.',
				),
			),
			\InfosecPolicy\Admin\Editor_Data::data()['upcoming']
		);
	}

	public function test_pages_that_show_the_policy_link_to_the_feed(): void {
		global $wp_query, $wp_the_query;
		$with    = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Security',
				'post_content' => '<!-- wp:infosec-policy/processor-table /-->',
			)
		);
		$without = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'About',
				'post_content' => '<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->',
			)
		);
		$saved   = $wp_query;
		try {
			foreach ( array(
				$with    => 1,
				$without => 0,
			) as $page => $links ) {
				$wp_query     = new \WP_Query( array( 'page_id' => $page ) ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- a page view, as core sets it up.
				$wp_the_query = $wp_query; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- idem.
				ob_start();
				Change_Feed::print_discovery_link();
				$head  = $this->parse_html( (string) ob_get_clean() );
				$hrefs = $this->texts( $head, '//link[@rel="alternate"][@type="application/rss+xml"]/@href' );
				$this->assertSame( $links ? array( Change_Feed::url() ) : array(), $hrefs );
			}
		} finally {
			$wp_query     = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- restores it.
			$wp_the_query = $saved; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- idem.
		}
	}
}

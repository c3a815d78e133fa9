<?php
/**
 * The admin's own texts in the reader's language: translations, their fallbacks and where they
 * are read.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Changes\Change_Feed;
use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Changes\Published_Log;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;

/**
 * The demo policy is typed in Dutch (`organization.language` nl) and the test site is English, so
 * an English reader gets the English translation where there is one, and the Dutch original,
 * marked `lang="nl"`, where there is none.
 */
final class StatementLanguagesTest extends TestCase {

	protected function setUp(): void {
		parent::setUp();
		wp_set_current_user( $this->create_user( 'administrator' ) );
	}

	protected function tearDown(): void {
		remove_all_filters( 'wpml_current_language' );
		while ( is_locale_switched() ) {
			restore_previous_locale();
		}
		unset( $_GET['lang'] ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- what the feed test set.
		parent::tearDown();
	}

	/**
	 * The demo policy with an English translation of one measure's title and one processor's
	 * service and data, the rest left in Dutch.
	 *
	 * @return array<string, mixed>
	 */
	private function translated_policy(): array {
		$policy                 = $this->demo_policy();
		$policy['translations'] = array(
			'en' => array(
				'measures'   => array(
					array(
						'id'    => 'werkproces',
						'title' => 'Work process',
					),
				),
				'processors' => array(
					array(
						'id'             => 'mailchimp',
						'role'           => 'Newsletter',
						'description'    => 'Sends our newsletter.',
						'dataCategories' => array( 'e-mail addresses' ),
						// An empty translation is none: the original is shown.
						'purpose'        => '',
					),
				),
			),
		);
		return $policy;
	}

	/**
	 * Saves a document through the one way a policy is saved.
	 *
	 * @param array<string, mixed> $policy The document.
	 */
	private function save( array $policy ): int {
		$saved = Policy_Service::save( $policy, Policy_Store::get()['revision'] );
		$this->assertTrue( $saved->is_saved(), (string) wp_json_encode( $saved->errors ) );
		return (int) $saved->change_id;
	}

	public function test_the_first_save_writes_the_site_language_and_a_later_one_keeps_the_stored_one(): void {
		$policy = $this->demo_policy();
		unset( $policy['organization']['language'] );
		$this->save( $policy );
		$this->assertSame( 'en', Policy_Store::policy()['organization']['language'], 'the site is English' );

		$policy['organization']['language'] = 'nl';
		$this->save( $policy );
		$policy['organization']['name'] = 'Renamed';
		unset( $policy['organization']['language'] );
		$this->save( $policy );
		$this->assertSame( 'nl', Policy_Store::policy()['organization']['language'], 'a document without the field is in the stored language' );
	}

	public function test_writing_out_the_site_language_is_no_change_and_changing_it_is_worded(): void {
		$policy = $this->demo_policy();
		unset( $policy['organization']['language'] );
		Policy_Store::save( $policy, 0 );
		$policy['organization']['language'] = 'en';
		$this->assertNull( Policy_Service::save( $policy, Policy_Store::get()['revision'] )->change_id, 'English is the site’s language: nothing changed' );

		$policy['organization']['language'] = 'nl';
		$entry                              = Change_Log::get( $this->save( $policy ) );
		$this->assertNotNull( $entry );
		$this->assertSame( array( 'Changed the language of the statement’s texts from English to Dutch' ), Change_Sentences::sentences( $entry['items'] ) );
	}

	public function test_an_english_reader_gets_the_translation_and_the_untranslated_original_marked_dutch(): void {
		$this->save( $this->translated_policy() );
		$this->assertSame( 'en', Page_Language::current() );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/measure-list /--><!-- wp:infosec-policy/processor-table /-->' ) );

		$this->assertSame( array( 'Work process', 'Rapportage' ), array_slice( $this->texts( $xpath, '//h3[contains(@class,"measure-list__title")]' ), 0, 2 ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//li[1]/h3[@lang]' ), 'a translated title needs no mark' );
		$this->assertSame( 1, $this->count_matches( $xpath, '//li[2]/h3[@lang="nl"]' ), 'an untranslated title is marked Dutch' );
		$this->assertSame( 7, $this->count_matches( $xpath, '//div[contains(@class,"measure-list__description")][@lang="nl"]' ), 'no description is translated' );

		$this->assertSame( array( 'Newsletter' ), $this->texts( $xpath, '//tbody/tr[2]/td[1]' ), 'the translated service, unmarked' );
		$this->assertSame( 0, $this->count_matches( $xpath, '//tbody/tr[2]/td[1]//*[@lang]' ) );
		$this->assertSame( array( 'Sends our newsletter.' ), $this->texts( $xpath, '//tbody/tr[2]/td[2]/p' ) );
		$this->assertSame( 0, $this->count_matches( $xpath, '//tbody/tr[2]/td[2]/p[@lang]' ) );
		$this->assertSame( 1, $this->count_matches( $xpath, '//tbody/tr[1]/td[1]/span[@lang="nl"]' ), 'an untranslated service is marked Dutch' );
		$this->assertGreaterThan( 0, $this->count_matches( $xpath, '//tbody/tr[1]/td[2]/p[@lang="nl"]' ), 'so is each paragraph of an untranslated description' );
	}

	public function test_a_reader_of_the_texts_language_gets_them_as_typed_without_marks(): void {
		$this->save( $this->translated_policy() );
		$this->assertTrue( switch_to_locale( 'nl_NL' ) );
		$this->assertSame( 'nl', Page_Language::current() );
		$html = do_blocks( '<!-- wp:infosec-policy/measure-list /--><!-- wp:infosec-policy/processor-table /-->' );
		$this->assertStringContainsString( 'Werkproces', $html );
		$this->assertStringNotContainsString( 'Work process', $html );
		$this->assertStringNotContainsString( 'Newsletter', $html );
		$this->assertStringNotContainsString( ' lang=', $html );
	}

	public function test_a_language_without_a_translation_shows_every_text_marked_as_the_original(): void {
		$this->save( $this->translated_policy() );
		add_filter( 'wpml_current_language', static fn(): string => 'de' );
		$this->assertSame( 'de', Page_Language::current(), 'WPML’s language is the page’s' );
		$xpath = $this->parse_html( do_blocks( '<!-- wp:infosec-policy/measure-list /-->' ) );
		$this->assertSame( 7, $this->count_matches( $xpath, '//h3[@lang="nl"]' ) );
		$this->assertSame( 'Werkproces', $this->texts( $xpath, '//h3' )[0] ?? '' );
	}

	public function test_the_register_is_read_in_each_language_with_its_own_etag_and_links_to_the_others(): void {
		$this->save( $this->translated_policy() );
		wp_set_current_user( 0 );
		$get = static function ( string $query ): \WP_REST_Response {
			$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/register' );
			parse_str( $query, $params );
			$request->set_query_params( $params );
			return rest_get_server()->dispatch( $request );
		};

		$dutch = $get( '' );
		$this->assertSame( 200, $dutch->get_status() );
		$this->assertSame( 'nl', $dutch->get_data()['language'], 'without lang: the texts’ own language' );
		$this->assertSame( array( 'nl', 'en' ), $dutch->get_data()['languages'] );
		$this->assertSame( 'Werkproces', $dutch->get_data()['measures'][0]['title'] );
		$this->assertArrayNotHasKey( 'untranslated', $dutch->get_data()['measures'][0] );
		$this->assertArrayNotHasKey( 'translations', $dutch->get_data() );
		$this->assertSame( 'nl', $dutch->get_headers()['Content-Language'] );
		$this->assertSame( '<' . rest_url( 'infosec-policy/v1/register' ) . '?lang=en>; rel="alternate"; hreflang="en"', $dutch->get_headers()['Link'] );

		$english = $get( 'lang=en' );
		$this->assertSame( 200, $english->get_status() );
		$data = $english->get_data();
		$this->assertSame( 'en', $data['language'] );
		$this->assertSame( 'Work process', $data['measures'][0]['title'] );
		$this->assertSame( array( 'description' ), $data['measures'][0]['untranslated'] );
		$this->assertSame( array( 'title', 'description' ), $data['measures'][1]['untranslated'] );
		$this->assertSame( 'Newsletter', $data['processors'][1]['role'] );
		$this->assertSame( array( 'e-mail addresses' ), $data['processors'][1]['dataCategories'] );
		$this->assertSame( 'en', $english->get_headers()['Content-Language'] );
		$this->assertSame( '<' . rest_url( 'infosec-policy/v1/register' ) . '>; rel="alternate"; hreflang="nl"', $english->get_headers()['Link'] );
		$this->assertNotSame( $dutch->get_headers()['ETag'], $english->get_headers()['ETag'], 'a cache keeps each language apart' );

		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/register/processors.csv' );
		$request->set_query_params( array( 'lang' => 'en' ) );
		$csv = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $csv->get_status() );
		$this->assertStringContainsString( 'Newsletter', (string) $csv->get_data() );
		$this->assertSame( 'en', $csv->get_headers()['Content-Language'] );

		foreach ( array( 'de', 'EN', 'english', '../x' ) as $bad ) {
			$refused = $get( 'lang=' . rawurlencode( $bad ) );
			$this->assertSame( 400, $refused->get_status(), $bad );
			$this->assertSame( 'rest_invalid_param', $refused->get_data()['code'] );
			$this->assertArrayHasKey( 'lang', $refused->get_data()['data']['params'], 'the answer names the field' );
		}
	}

	public function test_the_statement_page_lists_the_feed_and_the_register_in_each_language(): void {
		$this->save( $this->translated_policy() );
		$page = wp_insert_post(
			array(
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_title'   => 'Security',
				'post_content' => '<!-- wp:infosec-policy/measure-list /-->',
			)
		);
		$this->assertIsInt( $page );
		$main                    = array( $GLOBALS['wp_query'], $GLOBALS['wp_the_query'] );
		$GLOBALS['wp_query']     = new \WP_Query( array( 'page_id' => $page ) ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the page's main query, as a request for it would set.
		$GLOBALS['wp_the_query'] = $GLOBALS['wp_query']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the same.
		ob_start();
		try {
			Change_Feed::print_discovery_link();
			\InfosecPolicy\Rest\Register_Controller::print_discovery_link();
		} finally {
			$head = (string) ob_get_clean();
			list( $GLOBALS['wp_query'], $GLOBALS['wp_the_query'] ) = $main; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- put back.
		}
		$xpath = $this->parse_html( $head );
		// The page's language (the English site's) first, for a reader that takes the first.
		$this->assertSame( array( 'en', 'nl' ), $this->texts( $xpath, '//link[@type="application/rss+xml"]/@hreflang' ) );
		$this->assertSame( array( 'en', 'nl' ), $this->texts( $xpath, '//link[@type="application/json"]/@hreflang' ) );
		$this->assertSame( array( add_query_arg( 'lang', 'en', Change_Feed::url() ), Change_Feed::url() ), $this->texts( $xpath, '//link[@type="application/rss+xml"]/@href' ) );
	}

	public function test_a_changed_translation_is_a_change_told_only_to_readers_of_its_language(): void {
		$this->save( $this->translated_policy() );
		$policy = $this->translated_policy();
		$policy['translations']['en']['measures'][0]['title']  = 'How we work';
		$policy['translations']['en']['processors'][0]['role'] = 'Newsletter';
		$entry = Change_Log::get( $this->save( $policy ) );
		$this->assertNotNull( $entry );
		$this->assertSame( array( 'Changed the translation of measure Werkproces into English' ), Change_Sentences::sentences( $entry['items'] ), 'one line per entry, none for what did not change' );
		$this->assertSame( 'en', $entry['items'][0]['language'] ?? null );

		$policy['translations']['de'] = array(
			'measures' => array(
				array(
					'id'    => 'werkproces',
					'title' => 'Arbeitsprozess',
				),
			),
		);
		$this->save( $policy );
		unset( $policy['translations']['en'] );
		$this->save( $policy );

		$english = array_map( static fn( array $entry ): array => Change_Sentences::sentences( $entry['items'] ), Published_Log::entries( 5, 'en' ) );
		$dutch   = array_map( static fn( array $entry ): array => Change_Sentences::sentences( $entry['items'] ), Published_Log::entries( 5, 'nl' ) );
		$german  = array_map( static fn( array $entry ): array => Change_Sentences::sentences( $entry['items'] ), Published_Log::entries( 5, 'de' ) );
		$this->assertSame(
			array(
				array( 'Removed the translation of this statement into English' ),
				array( 'Changed the translation of measure Werkproces into English' ),
				array( 'First publication of this statement' ),
			),
			$english
		);
		$this->assertSame( array( array( 'First publication of this statement' ) ), $dutch, 'a Dutch reader is told of no translation' );
		$this->assertSame( array( array( 'Added a translation of this statement into German' ), array( 'First publication of this statement' ) ), $german );

		// The change-log block of a page in Dutch says the same as the Dutch log.
		$this->assertTrue( switch_to_locale( 'nl_NL' ) );
		$html = do_blocks( '<!-- wp:infosec-policy/change-log {"limit":10} /-->' );
		$this->assertStringNotContainsString( 'Engels', $html );
		$this->assertStringNotContainsString( 'Duits', $html );
	}

	public function test_the_feed_is_in_the_texts_language_unless_another_is_asked_for(): void {
		$this->save( $this->translated_policy() );
		$policy = $this->translated_policy();
		$policy['translations']['en']['measures'][0]['title'] = 'How we work';
		$this->save( $policy );

		$feed  = function (): string {
			ob_start();
			Change_Feed::render();
			return (string) ob_get_clean();
		};
		$dutch = $feed();
		$this->assertStringContainsString( '<language>nl</language>', $dutch );
		$this->assertStringContainsString( 'Eerste publicatie van deze verklaring', $dutch, 'in Dutch, Dutch being installed' );
		$this->assertStringNotContainsString( 'Engels', $dutch );

		$_GET['lang'] = 'en';
		$english      = $feed();
		$this->assertStringContainsString( '<language>en</language>', $english );
		$this->assertStringContainsString( 'Changed the translation of measure Werkproces into English', $english );
		$this->assertStringContainsString( 'First publication of this statement', $english );
		$this->assertSame( 'en_US', get_locale(), 'the feed switches back' );
	}

	public function test_the_feed_is_also_read_in_the_site_language_without_a_translation(): void {
		$this->save( $this->demo_policy() );
		$this->assertSame( array( 'nl', 'en' ), Change_Feed::languages(), 'Dutch texts on an English site' );
		$_GET['lang'] = 'en';
		ob_start();
		Change_Feed::render();
		$english = (string) ob_get_clean();
		$this->assertStringContainsString( '<language>en</language>', $english );
		$this->assertStringContainsString( 'First publication of this statement', $english );
	}

	public function test_changes_to_one_translation_do_not_push_everyone_elses_out_of_the_published_log(): void {
		$this->save( $this->translated_policy() );
		$policy = $this->translated_policy();
		for ( $i = 1; $i <= Published_Log::LIMIT + 5; $i++ ) {
			$policy['translations']['en']['measures'][0]['title'] = "Work process $i";
			$this->save( $policy );
		}
		$this->assertCount( Published_Log::LIMIT, Published_Log::entries( Published_Log::LIMIT, 'en' ) );
		$dutch = Published_Log::entries( Published_Log::LIMIT, 'nl' );
		$this->assertCount( 1, $dutch );
		$this->assertSame( array( 'First publication of this statement' ), Change_Sentences::sentences( $dutch[0]['items'] ) );
	}

	public function test_a_translation_without_texts_is_none(): void {
		$this->save( $this->demo_policy() );
		$policy                 = $this->demo_policy();
		$policy['translations'] = array(
			'en' => array(
				'measures'   => array( array( 'id' => 'werkproces' ) ),
				'processors' => array(),
			),
			'de' => array(),
		);
		$saved                  = Policy_Service::save( $policy, Policy_Store::get()['revision'] );
		$this->assertTrue( $saved->is_saved() );
		$this->assertNull( $saved->change_id, 'nothing is translated: no change' );
		$this->assertArrayNotHasKey( 'translations', Policy_Store::policy() );
		$this->assertSame( array( 'nl' ), Translated_Policy::languages( Policy_Store::policy() ) );
	}

	public function test_an_empty_lang_is_the_texts_own_language(): void {
		$this->save( $this->translated_policy() );
		wp_set_current_user( 0 );
		$request = new \WP_REST_Request( 'GET', '/infosec-policy/v1/register' );
		$request->set_query_params( array( 'lang' => '' ) );
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'nl', $response->get_data()['language'] );
	}

	public function test_the_texts_a_language_lacks_are_listed_field_by_field(): void {
		$texts = Translated_Policy::for( $this->translated_policy(), 'en' );
		$this->assertTrue( $texts->is_translation() );
		$missing = $texts->missing( $this->translated_policy() );
		$this->assertSame( array( 'description' ), $missing['measures']['werkproces'] );
		$this->assertSame( array( 'title', 'description' ), $missing['measures']['rapportage'] );
		$this->assertSame( array( 'role', 'description' ), $missing['processors']['make-it-workpress'] );
		$this->assertArrayNotHasKey( 'mailchimp', $missing['processors'], 'its service and description are translated, and it has no other text' );
		$this->assertSame( array(), Translated_Policy::for( $this->translated_policy(), 'nl' )->missing( $this->translated_policy() ), 'the original lacks nothing' );
	}
}

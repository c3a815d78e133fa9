<?php
/**
 * The export, import, validate and findings commands, run as an operator runs them.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Policy\Policy_Service;
use InfosecPolicy\Policy\Policy_Store;
use PHPUnit\Framework\Attributes\DataProvider;

/**
 * The policy commands against the test instance's real database.
 */
final class PolicyCommandTest extends CommandTestCase {

	/**
	 * Stores the demo policy as the first revision, as the demo set-up does.
	 */
	private function save_demo(): void {
		$this->assertTrue( Policy_Service::save( $this->demo_policy(), 0, 'import' )->is_saved() );
	}

	/**
	 * The demo policy with a new processor and a changed one.
	 *
	 * @return array<string, mixed>
	 */
	private function changed_policy(): array {
		$policy                                   = $this->demo_policy();
		$policy['processors'][]                   = array_merge(
			$policy['processors'][1],
			array(
				'id'            => 'brevo',
				'role'          => 'Newsletter',
				'name'          => 'Brevo',
				'country'       => 'FR',
				'dataLocations' => array( 'FR' ),
				'transferBasis' => 'eea',
				'host'          => 'brevo.com',
			)
		);
		$policy['processors'][2]['dataLocations'] = array( 'IE' );
		return $policy;
	}

	/**
	 * What the change log says about changed_policy().
	 */
	private const CHANGED_LINES = array(
		'Added processor Brevo (Newsletter, France)',
		'Changed the data locations of processor Google Analytics from United States to Ireland',
	);

	/**
	 * The demo policy with three bad fields.
	 *
	 * @return array<string, mixed>
	 */
	private function invalid_policy(): array {
		$policy                                 = $this->demo_policy();
		$policy['processors'][1]['country']     = 'XX';
		$policy['processors'][2]['securityUrl'] = 'javascript:alert(1)';
		$policy['sponsor']                      = 'unknown';
		return $policy;
	}

	/**
	 * The lines that name the bad fields of invalid_policy().
	 */
	private const INVALID_LINES = array(
		'processors[1].country is not an ISO 3166-1 alpha-2 country code.',
		'processors[2].securityUrl must be a web address such as https://example.com/, starting with https://.',
		'sponsor is not a field of the policy format.',
	);

	public function test_export_then_import_of_the_same_file_changes_nothing(): void {
		$this->save_demo();
		$before = $this->stored();
		$file   = $this->dir . '/policy.json';

		$export = $this->wp( 'infosec-policy', 'export', '--file=' . $file );
		$this->assertExitStatus( 0, $export );
		$this->assertSame( "Success: Wrote revision 1 of the policy to $file.\n", $export['stdout'] );
		$this->assertSame( $before['policy'], json_decode( (string) file_get_contents( $file ), true ) );
		$this->assertSame( (string) file_get_contents( $file ), $this->wp( 'infosec-policy', 'export' )['stdout'], 'standard output and the file differ' );

		$import = $this->wp( 'infosec-policy', 'import', $file );
		$this->assertExitStatus( 0, $import );
		$this->assertSame( "Success: Imported $file as revision 2. Nothing changed, so the change log has no new entry.\n", $import['stdout'] );
		$this->assertSame( '', $import['stderr'] );
		$this->assertSame( $before['policy'], $this->stored()['policy'] );
		$this->assertSame( 1, $this->log_size() );
	}

	public function test_import_dry_run_prints_the_change_sentences_and_writes_nothing(): void {
		$this->save_demo();
		$raw  = $this->option_raw( Policy_Store::OPTION );
		$file = $this->write_json( 'changed.json', $this->changed_policy() );

		$run = $this->wp( 'infosec-policy', 'import', $file, '--dry-run', '--note=Not saved.' );
		$this->assertExitStatus( 0, $run );
		$this->assertSame( array_merge( array( "Importing $file would make 2 changes (nothing was saved):" ), self::CHANGED_LINES ), explode( "\n", rtrim( $run['stdout'] ) ) );
		$this->assertSame( $raw, $this->option_raw( Policy_Store::OPTION ) );
		$this->assertSame( 1, $this->log_size() );
	}

	public function test_import_saves_through_the_change_log_with_its_note_and_internal_flag(): void {
		$this->save_demo();
		$file = $this->write_json( 'changed.json', $this->changed_policy() );

		$run = $this->wp( '--user=admin', 'infosec-policy', 'import', $file, '--note=Brevo sends the newsletter now.', '--internal', '--revision=1' );
		$this->assertExitStatus( 0, $run );
		$stored = $this->stored();
		$this->assertSame( 2, $stored['revision'] );
		$this->assertSame( $this->changed_policy(), $stored['policy'] );
		$entry = Change_Log::page( 1, 1 )['entries'][0] ?? null;
		$this->assertNotNull( $entry );
		$this->assertSame(
			array( 2, 'import', 'Brevo sends the newsletter now.', true, 'admin' ),
			array( $entry['revision'], $entry['source'], $entry['note'], $entry['internal'], $entry['author'] )
		);
		$this->assertSame( array_merge( array( "Success: Imported $file: revision 2, change log entry {$entry['id']}." ), self::CHANGED_LINES ), explode( "\n", rtrim( $run['stdout'] ) ) );
	}

	public function test_an_invalid_document_exits_1_naming_every_bad_field_and_writes_nothing(): void {
		$this->save_demo();
		$raw  = $this->option_raw( Policy_Store::OPTION );
		$file = $this->write_json( 'invalid.json', $this->invalid_policy() );

		$run = $this->wp( 'infosec-policy', 'import', $file );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( '', $run['stdout'] );
		$this->assertSame( array_merge( array( "Error: Nothing was saved: $file is not a valid policy. 3 problems:" ), self::INVALID_LINES ), explode( "\n", rtrim( $run['stderr'] ) ) );
		$this->assertSame( $raw, $this->option_raw( Policy_Store::OPTION ) );
		$this->assertSame( 1, $this->log_size() );
	}

	/**
	 * Notes the REST API would refuse, and a --note without its text.
	 *
	 * @return array<string, array{ string, string }>
	 */
	public static function bad_notes(): array {
		return array(
			'too long'          => array( '--note=' . str_repeat( 'a', Change_Log::NOTE_MAX_LENGTH + 1 ), 'Error: --note must be at most 500 characters long.' ),
			'control character' => array( "--note=Bell \x07 here", 'Error: --note must be plain text without control characters.' ),
			'no text'           => array( '--note', 'Error: --note needs a text, as in --note="…".' ),
		);
	}

	/**
	 * A bad note is refused before anything is written.
	 *
	 * @param string $option The --note option as typed.
	 * @param string $error  The error it gets.
	 */
	#[DataProvider( 'bad_notes' )]
	public function test_a_bad_note_is_refused_and_nothing_is_written( string $option, string $error ): void {
		$this->save_demo();
		$raw = $this->option_raw( Policy_Store::OPTION );

		$run = $this->wp( 'infosec-policy', 'import', $this->write_json( 'changed.json', $this->changed_policy() ), $option );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( $error, $run['stderr'] );
		$this->assertSame( $raw, $this->option_raw( Policy_Store::OPTION ) );
		$this->assertSame( 1, $this->log_size() );
	}

	/**
	 * Switches typed with a value, which WP-CLI passes on as text.
	 *
	 * @return array<string, array{ string }>
	 */
	public static function switches_with_a_value(): array {
		return array(
			'--dry-run=1'    => array( '--dry-run=1' ),
			'--dry-run=yes'  => array( '--dry-run=yes' ),
			'--internal=yes' => array( '--internal=yes' ),
		);
	}

	/**
	 * A switch with a value is refused, so a dry run is never read as a real import, nor an internal
	 * change as a published one.
	 *
	 * @param string $option The switch as typed.
	 */
	#[DataProvider( 'switches_with_a_value' )]
	public function test_a_switch_typed_with_a_value_is_refused_and_nothing_is_written( string $option ): void {
		$this->save_demo();
		$raw = $this->option_raw( Policy_Store::OPTION );

		$run = $this->wp( 'infosec-policy', 'import', $this->write_json( 'changed.json', $this->changed_policy() ), $option );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( 'takes no value: write it alone.', $run['stderr'] );
		$this->assertSame( $raw, $this->option_raw( Policy_Store::OPTION ) );
		$this->assertSame( 1, $this->log_size() );
	}

	public function test_a_line_break_in_a_note_is_kept(): void {
		$this->save_demo();
		$run = $this->wp( 'infosec-policy', 'import', $this->write_json( 'changed.json', $this->changed_policy() ), "--note=First line.\nSecond line." );
		$this->assertExitStatus( 0, $run );
		$this->assertSame( "First line.\nSecond line.", Change_Log::page( 1, 1 )['entries'][0]['note'] ?? null );
	}

	public function test_a_stale_revision_is_refused_saying_which_revision_is_stored_and_who_saved_it(): void {
		$this->save_demo();
		wp_set_current_user( $this->admin_id() );
		$policy                         = $this->demo_policy();
		$policy['organization']['name'] = 'Saved meanwhile';
		$this->assertTrue( Policy_Service::save( $policy, 1 )->is_saved() );
		$raw = $this->option_raw( Policy_Store::OPTION );

		$run = $this->wp( 'infosec-policy', 'import', $this->write_json( 'changed.json', $this->changed_policy() ), '--revision=1' );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( 'Error: Nothing was saved: the policy was saved again after revision 1; revision 2 is stored.', $run['stderr'] );
		$this->assertMatchesRegularExpression( '/^Revision 2 was saved by admin at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\.$/m', $run['stderr'] );
		$this->assertSame( $raw, $this->option_raw( Policy_Store::OPTION ) );
		$this->assertSame( 2, $this->log_size() );
	}

	public function test_a_change_log_that_refuses_the_entry_warns_but_the_import_stands(): void {
		$this->save_demo();
		$file = $this->write_json( 'changed.json', $this->changed_policy() );

		$run = $this->wp( '--require=' . dirname( __DIR__ ) . '/fixtures/wp-cli-refuse-change-log.php', 'infosec-policy', 'import', $file );
		$this->assertExitStatus( 0, $run );
		$this->assertSame( "Warning: The policy was saved, but its change could not be recorded in the change log.\n", $run['stderr'] );
		$this->assertStringStartsWith( "Success: Imported $file as revision 2, without a change log entry.\n", $run['stdout'] );
		$this->assertSame( $this->changed_policy(), $this->stored()['policy'] );
		$this->assertSame( 1, $this->log_size() );
	}

	/**
	 * Files that hold no document, and what is said about each.
	 *
	 * @return array<string, array{ string|null, string }>
	 */
	public static function unusable_files(): array {
		return array(
			'missing'      => array( null, 'Error: There is no file at %s.' ),
			'invalid JSON' => array( '{"formatVersion": 1,', 'Error: The file %s is not valid JSON: Syntax error.' ),
			'empty'        => array( '', 'Error: The file %s is not valid JSON: Syntax error.' ),
		);
	}

	/**
	 * A file that holds no document is an error naming the file, for import and validate alike.
	 *
	 * @param string|null $content The file's content; null for no file.
	 * @param string      $error   The error, with %s for the file.
	 */
	#[DataProvider( 'unusable_files' )]
	public function test_a_file_that_holds_no_document_is_an_error_naming_it( ?string $content, string $error ): void {
		$file = $this->dir . '/policy.json';
		if ( null !== $content ) {
			file_put_contents( $file, $content );
		}
		foreach ( array( 'import', 'validate' ) as $command ) {
			$run = $this->wp( 'infosec-policy', $command, $file );
			$this->assertExitStatus( 1, $run );
			$this->assertSame( sprintf( $error, $file ) . "\n", $run['stderr'], $command );
		}
		$this->assertNull( $this->option_raw( Policy_Store::OPTION ) );
	}

	public function test_a_file_that_cannot_be_written_is_an_error_naming_it_and_exit_1(): void {
		$this->save_demo();
		$file = $this->dir . '/no-such-folder/policy & <notes>.json';

		$run = $this->wp( 'infosec-policy', 'export', '--file=' . $file );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( "Error: The file $file cannot be written.\n", $run['stderr'], 'the path as typed, not HTML-escaped' );
		$this->assertSame( '', $run['stdout'] );
	}

	public function test_validate_accepts_a_good_file_and_names_every_bad_field_of_a_bad_one(): void {
		$good = $this->write_json( 'good.json', $this->demo_policy() );
		$bad  = $this->write_json( 'bad.json', $this->invalid_policy() );

		$run = $this->wp( 'infosec-policy', 'validate', $good );
		$this->assertExitStatus( 0, $run );
		$this->assertSame( "Success: $good holds a valid policy.\n", $run['stdout'] );

		$run = $this->wp( 'infosec-policy', 'validate', $bad );
		$this->assertExitStatus( 1, $run );
		$this->assertSame( array_merge( array( "Error: $bad is not a valid policy. 3 problems:" ), self::INVALID_LINES ), explode( "\n", rtrim( $run['stderr'] ) ) );
		$this->assertNull( $this->option_raw( Policy_Store::OPTION ), 'validate wrote a policy' );
		$this->assertSame( 0, $this->log_size() );
	}

	public function test_a_sub_processor_chain_round_trips_and_a_circle_is_named_at_its_field(): void {
		$policy                                     = $this->demo_policy();
		$policy['processors'][2]['parentId']        = 'mailchimp';
		$policy['processors'][2]['dataCategories']  = array( 'IP addresses' );
		$policy['organization']['noticePeriodDays'] = 14;
		$file                                       = $this->write_json( 'chain.json', $policy );
		$this->assertExitStatus( 0, $this->wp( 'infosec-policy', 'import', $file ) );
		$export = json_decode( $this->wp( 'infosec-policy', 'export' )['stdout'], true );
		$this->assertSame( 'mailchimp', $export['processors'][2]['parentId'] );
		$this->assertSame( 14, $export['organization']['noticePeriodDays'] );

		$policy['processors'][1]['parentId'] = 'google-analytics';
		$circle                              = $this->write_json( 'circle.json', $policy );
		$run                                 = $this->wp( 'infosec-policy', 'validate', $circle );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( 'processors[1].parentId makes a circle', $run['stderr'] );
		$this->assertStringContainsString( 'processors[2].parentId makes a circle', $run['stderr'] );
	}

	public function test_translations_round_trip_and_a_translation_of_an_unknown_entry_is_named_at_its_field(): void {
		$policy                 = $this->demo_policy();
		$policy['translations'] = array(
			'en' => array(
				'measures' => array(
					array(
						'id'    => 'werkproces',
						'title' => 'Work process',
					),
				),
			),
		);
		$file                   = $this->write_json( 'translated.json', $policy );
		$dry                    = $this->wp( 'infosec-policy', 'import', $file, '--dry-run' );
		$this->assertExitStatus( 0, $dry );
		$this->save_demo();
		$run = $this->wp( 'infosec-policy', 'import', $file );
		$this->assertExitStatus( 0, $run );
		$this->assertStringContainsString( 'Added a translation of this statement into English', $run['stdout'] );
		$export = json_decode( $this->wp( 'infosec-policy', 'export' )['stdout'], true );
		$this->assertSame( $policy['translations'], $export['translations'] );
		$this->assertSame( 'nl', $export['organization']['language'] );

		$policy['translations']['en']['measures'][0]['id'] = 'backups';
		$run = $this->wp( 'infosec-policy', 'validate', $this->write_json( 'unknown.json', $policy ) );
		$this->assertExitStatus( 1, $run );
		$this->assertStringContainsString( 'translations.en.measures[0].id names backups, which is not the id of a measure.', $run['stderr'] );
	}

	/**
	 * On a Dutch site the commands' own words are Dutch (WP-CLI's "Success:" and "Error:" are its own).
	 */
	public function test_on_a_dutch_site_the_commands_speak_dutch(): void {
		$good = $this->write_json( 'good.json', $this->demo_policy() );
		$bad  = $this->write_json( 'bad.json', $this->invalid_policy() );
		update_option( 'WPLANG', 'nl_NL' );
		try {
			$valid   = $this->wp( 'infosec-policy', 'validate', $good );
			$invalid = $this->wp( 'infosec-policy', 'validate', $bad );
		} finally {
			update_option( 'WPLANG', '' );
		}

		switch_to_locale( 'nl_NL' );
		/* translators: %s: a file's path. */
		$holds = sprintf( __( '%s holds a valid policy.', 'infosec-policy' ), $good );
		/* translators: 1: how many problems, 2: a file's path. */
		$problems = sprintf( _n( '%2$s is not a valid policy. %1$d problem:', '%2$s is not a valid policy. %1$d problems:', 3, 'infosec-policy' ), 3, $bad );
		restore_current_locale();
		$this->assertSame( "$good bevat een geldig beleid.", $holds, 'the catalogue translates it' );
		$this->assertExitStatus( 0, $valid );
		$this->assertSame( "Success: $holds\n", $valid['stdout'] );
		$this->assertExitStatus( 1, $invalid );
		$this->assertStringStartsWith( "Error: $problems\n", $invalid['stderr'] );
		$this->assertStringNotContainsString( 'is not a valid policy', $invalid['stderr'] );
	}

	public function test_findings_as_json_lists_the_privacy_shield_findings_of_the_demo_policy(): void {
		$this->save_demo();

		$run = $this->wp( 'infosec-policy', 'findings', '--format=json' );
		$this->assertExitStatus( 0, $run );
		$findings = json_decode( $run['stdout'], true );
		$this->assertIsArray( $findings, $run['stdout'] );
		$this->assertSame( array( 'rule', 'severity', 'subject', 'path', 'message' ), array_keys( $findings[0] ?? array() ) );
		$privacy_shield = array_values( array_filter( $findings, static fn( array $finding ): bool => 'privacy-shield' === $finding['rule'] ) );
		$this->assertSame(
			array(
				array( 'error', 'Mailchimp', 'processors[1].transferBasis' ),
				array( 'error', 'Google Analytics', 'processors[2].transferBasis' ),
			),
			array_map( static fn( array $finding ): array => array( $finding['severity'], $finding['subject'], $finding['path'] ), $privacy_shield )
		);
		$this->assertStringContainsString( 'Privacy Shield', $privacy_shield[0]['message'] );
	}

	public function test_help_for_import_documents_its_options_and_exit_status(): void {
		$run = $this->wp( 'help', 'infosec-policy', 'import' );
		$this->assertExitStatus( 0, $run );
		foreach ( array( 'wp infosec-policy import <file> [--dry-run] [--note=<text>] [--internal]', '[--revision=<n>]', 'EXIT STATUS', 'EXAMPLES' ) as $part ) {
			$this->assertStringContainsString( $part, $run['stdout'] );
		}
		$this->assertSame( '', $run['stderr'] );
	}
}

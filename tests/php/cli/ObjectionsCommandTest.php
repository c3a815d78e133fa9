<?php
/**
 * The objections commands.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Cli;

use InfosecPolicy\Objections\Objections;

/**
 * The commands `wp infosec-policy objections list` and `answer`, through the real WP-CLI.
 */
final class ObjectionsCommandTest extends CommandTestCase {

	/**
	 * The objection the admin answers.
	 *
	 * @var int
	 */
	private int $objection;

	protected function setUp(): void {
		parent::setUp();
		$form = array(
			'organization' => 'Gemeente Voorbeeld',
			'name'         => 'Jan Jansen',
			'reason'       => 'Our data must stay in the EEA.',
		);
		$made = Objections::record(
			array(
				'id'   => 'brevo',
				'name' => 'Brevo',
			),
			'jan@example.nl',
			$form,
			'nl_NL'
		);
		Objections::record(
			array(
				'id'   => 'mailchimp',
				'name' => 'Mailchimp',
			),
			'piet@example.nl',
			$form,
			'nl_NL'
		);
		$this->assertNotNull( $made );
		$this->objection = $made['id'];
	}

	public function test_list_filters_by_processor_and_status(): void {
		$run = $this->wp( 'infosec-policy', 'objections', 'list', '--processor=brevo', '--format=json' );
		$this->assertExitStatus( 0, $run );
		$listed = json_decode( $run['stdout'], true );
		$this->assertIsArray( $listed, $run['stdout'] );
		$this->assertSame( array( 'jan@example.nl' ), array_column( $listed, 'email' ) );
		$this->assertSame( 'Our data must stay in the EEA.', $listed[0]['reason'] );

		$run = $this->wp( 'infosec-policy', 'objections', 'list', '--status=answered', '--format=csv' );
		$this->assertExitStatus( 0, $run );
		$this->assertSame( 1, substr_count( trim( $run['stdout'] ), "\n" ) + 1, 'the header only: ' . $run['stdout'] );
	}

	public function test_answer_sets_the_status_and_the_note(): void {
		$run = $this->wp( 'infosec-policy', 'objections', 'answer', (string) $this->objection, '--note=We keep the data in Frankfurt.' );
		$this->assertExitStatus( 0, $run );
		$this->assertStringContainsString( 'Objection ' . $this->objection . ' to Brevo, status: Answered.', $run['stdout'] );
		$stored = Objections::get( $this->objection );
		$this->assertSame( array( 'answered', 'We keep the data in Frankfurt.' ), array( $stored['status'] ?? '', $stored['note'] ?? '' ) );

		$run = $this->wp( 'infosec-policy', 'objections', 'answer', (string) $this->objection, '--status=withdrawn' );
		$this->assertExitStatus( 0, $run );
		$stored = Objections::get( $this->objection );
		$this->assertSame( array( 'withdrawn', 'We keep the data in Frankfurt.' ), array( $stored['status'] ?? '', $stored['note'] ?? '' ), 'the note stays' );
	}

	public function test_bad_input_exits_1_and_changes_nothing(): void {
		foreach (
			array(
				array( 'answer', '999999' ),
				array( 'answer', 'one' ),
				array( 'answer', (string) $this->objection, '--status=closed' ),
				array( 'answer', (string) $this->objection, '--note=' . str_repeat( 'x', 2001 ) ),
				array( 'list', '--processor=Brevo%' ),
				array( 'list', '--page=3' ),
			) as $args
		) {
			$run = $this->wp( 'infosec-policy', 'objections', ...$args );
			$this->assertExitStatus( 1, $run );
			$this->assertStringStartsWith( 'Error: ', $run['stderr'], implode( ' ', $args ) );
		}
		$this->assertSame( 'open', Objections::get( $this->objection )['status'] ?? '' );
	}
}

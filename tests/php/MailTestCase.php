<?php
/**
 * Base for tests whose e-mail goes to a real SMTP server on loopback.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

/**
 * One SMTP server per test class (SmtpTestServer), empty at the start of each test, with
 * wp_mail() routed to it for the test's length.
 */
abstract class MailTestCase extends TestCase {

	/**
	 * The SMTP server the tests' mail goes to.
	 *
	 * @var SmtpTestServer
	 */
	protected static SmtpTestServer $smtp;

	/**
	 * Undoes the routing of wp_mail() to the test server.
	 *
	 * @var callable(): void
	 */
	private $unroute;

	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::$smtp = new SmtpTestServer();
	}

	public static function tearDownAfterClass(): void {
		self::$smtp->destroy();
		parent::tearDownAfterClass();
	}

	protected function setUp(): void {
		parent::setUp();
		// A test that stops the server to see a failure leaves it stopped.
		self::$smtp->start();
		self::$smtp->clear();
		$this->unroute = self::$smtp->route_wp_mail();
	}

	protected function tearDown(): void {
		( $this->unroute )();
		parent::tearDown();
	}
}

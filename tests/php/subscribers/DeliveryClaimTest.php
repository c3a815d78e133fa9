<?php
/**
 * Two workers claiming deliveries of one batch at the same moment, each on a database connection
 * of its own, as two cron processes are.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests\Subscribers;

use InfosecPolicy\Subscribers\Delivery_Queue;
use InfosecPolicy\Subscribers\Subscriber_Tables;
use InfosecPolicy\Subscribers\Subscribers;
use InfosecPolicy\Tests\TestCase;

/**
 * On MariaDB a claim is an UPDATE that locks what it reads. The deliveries of one batch share their
 * status and due time, so a claim that found its row through that index locked the whole batch:
 * the second worker waited on the first, and two such claims deadlocked. A claim must lock its own
 * row alone. (SQLite locks the whole database for each write, so there two claims never overlap,
 * and the test shows the compare-and-swap alone.)
 *
 * @phpstan-import-type Delivery from Delivery_Queue
 */
final class DeliveryClaimTest extends TestCase {

	public function test_two_workers_each_claim_their_own_delivery_at_once_and_never_each_others(): void {
		global $wpdb;
		// Each worker's connection opens a real transaction of its own, not a savepoint in the test's.
		remove_filter( 'query', array( TestCase::class, 'nested_transaction' ) );
		$sqlite = 'sqlite' === ( defined( 'DB_ENGINE' ) ? constant( 'DB_ENGINE' ) : '' ); // The SQLite plugin's drop-in defines it.
		$first  = $sqlite ? $wpdb : $this->connection();
		$second = $sqlite ? $wpdb : $this->connection();
		$shared = $wpdb;
		$open   = false;
		try {
			$wpdb = $first; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the first worker's connection.
			if ( ! $sqlite ) {
				$this->remove_batch();
			}
			$batch = $this->batch( 2 );

			// The first worker's claim is still running (its statement has not ended) ...
			if ( ! $sqlite ) {
				$first->query( 'START TRANSACTION' );
				$open = true;
			}
			$this->assertTrue( Delivery_Queue::claim( $batch[0], 'worker-1' ) );

			// ... while the second claims the next delivery of the same batch, and gives up on
			// any lock after a second rather than MariaDB's fifty.
			$wpdb = $second; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the second worker's connection.
			if ( ! $sqlite ) {
				$second->query( 'SET SESSION innodb_lock_wait_timeout = 1' );
			}
			$second->suppress_errors( true );
			$this->assertTrue( Delivery_Queue::claim( $batch[1], 'worker-2' ), 'the second worker gets its delivery at once: ' . $second->last_error );
			$second->suppress_errors( false );

			$wpdb = $first; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the first worker's connection.
			if ( ! $sqlite ) {
				$first->query( 'COMMIT' );
				$open = false;
			}
			$wpdb = $second; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the second worker's connection.
			$this->assertFalse( Delivery_Queue::claim( $batch[0], 'worker-2' ), 'the first worker\'s delivery is not the second\'s to take' );
			$this->assertSame( 'sending', Delivery_Queue::get( $batch[0]['id'] )['status'] ?? null );
			$this->assertSame( 'sending', Delivery_Queue::get( $batch[1]['id'] )['status'] ?? null );
		} finally {
			$second->suppress_errors( false );
			$wpdb = $first; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- clean up on the connection that wrote.
			if ( ! $sqlite ) {
				// A failed assertion inside the first worker's transaction leaves it open: the
				// claim is undone, and the batch's committed rows are removed all the same.
				if ( $open ) {
					$first->query( 'ROLLBACK' );
				}
				$this->remove_batch();
				$first->close();
				$second->close();
			}
			$wpdb = $shared; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the test's own connection back.
		}
	}

	/**
	 * A database connection of its own, outside the test's transaction.
	 */
	private function connection(): \wpdb {
		global $wpdb;
		$connection = new \wpdb( (string) constant( 'DB_USER' ), (string) constant( 'DB_PASSWORD' ), (string) constant( 'DB_NAME' ), (string) constant( 'DB_HOST' ) );
		$connection->set_prefix( $wpdb->prefix );
		return $connection;
	}

	/**
	 * Confirmed subscribers, each with a waiting delivery of one notice, due at the same second as a
	 * queued batch is; committed, so that every connection sees them.
	 *
	 * @param int $count How many.
	 * @return list<Delivery>
	 */
	private function batch( int $count ): array {
		global $wpdb;
		$due   = gmdate( 'Y-m-d H:i:s' );
		$batch = array();
		for ( $i = 1; $i <= $count; $i++ ) {
			$subscriber = Subscribers::add( "claim-$i@example.com", 'en_US', 'confirmed', 'test' );
			$this->assertNotNull( $subscriber );
			$this->assertNotFalse(
				$wpdb->insert(
					Subscriber_Tables::name( Subscriber_Tables::DELIVERIES ),
					array(
						'kind'            => 'notice',
						'change_id'       => 990001,
						'subscriber_id'   => $subscriber['id'],
						'status'          => 'waiting',
						'attempts'        => 0,
						'next_attempt_at' => $due,
					)
				)
			);
			$delivery = Delivery_Queue::get( (int) $wpdb->insert_id );
			$this->assertNotNull( $delivery );
			$batch[] = $delivery;
		}
		return $batch;
	}

	/**
	 * Removes what batch() committed.
	 */
	private function remove_batch(): void {
		global $wpdb;
		$wpdb->delete( Subscriber_Tables::name( Subscriber_Tables::DELIVERIES ), array( 'change_id' => 990001 ) );
		$wpdb->query( $wpdb->prepare( 'DELETE FROM ' . Subscriber_Tables::name( Subscriber_Tables::SUBSCRIBERS ) . ' WHERE email LIKE %s', 'claim-%@example.com' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the table name is a constant.
	}
}

<?php
/**
 * What became of a save.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * The outcome of Policy_Service::save() or ::preview(), whoever asked (REST, WP-CLI, set-up,
 * tests): one of
 *
 * - `saved`: stored at `revision`, with `items` (what changed) recorded as change `change_id`
 *   (null when nothing changed, or when the log refused it: then `warnings` says so);
 * - `previewed`: valid, nothing written; `items` is what a save would change;
 * - `invalid`: nothing written; `errors` names every bad field;
 * - `conflict`: nothing written, someone saved meanwhile; `revision` is theirs;
 * - `failed`: nothing written, the database refused the policy.
 *
 * @phpstan-import-type ValidationError from Policy_Validator
 * @phpstan-import-type Item from \InfosecPolicy\Changes\Change_Items
 */
final class Save_Result {

	public const SAVED     = 'saved';
	public const PREVIEWED = 'previewed';
	public const INVALID   = 'invalid';
	public const CONFLICT  = 'conflict';
	public const FAILED    = 'failed';

	/**
	 * A result; use the named constructors.
	 *
	 * @param self::SAVED|self::PREVIEWED|self::INVALID|self::CONFLICT|self::FAILED $status    What happened.
	 * @param array<string, mixed>                                                  $policy    The document saved or previewed; empty otherwise.
	 * @param array<string, mixed>                                                  $replaced  The document it replaces (or would); empty when none was stored.
	 * @param int                                                                   $revision  The revision now stored.
	 * @param int|null                                                              $change_id The change log entry, if one was recorded.
	 * @param list<Item>                                                            $items     What changed, or would.
	 * @param list<ValidationError>                                                 $errors    Why the document is invalid.
	 * @param list<string>                                                          $warnings  What went wrong after the save stood.
	 * @param \WP_Error|null                                                        $error     The conflict or storage error.
	 */
	private function __construct(
		public readonly string $status,
		public readonly array $policy = array(),
		public readonly array $replaced = array(),
		public readonly int $revision = 0,
		public readonly ?int $change_id = null,
		public readonly array $items = array(),
		public readonly array $errors = array(),
		public readonly array $warnings = array(),
		public readonly ?\WP_Error $error = null
	) {}

	/**
	 * A policy stored.
	 *
	 * @param array<string, mixed> $policy    The document saved.
	 * @param array<string, mixed> $replaced  The document it replaced.
	 * @param int                  $revision  The new revision.
	 * @param list<Item>           $items     What changed.
	 * @param int|null             $change_id The change log entry.
	 * @param list<string>         $warnings  What went wrong after the save stood.
	 */
	public static function saved( array $policy, array $replaced, int $revision, array $items, ?int $change_id, array $warnings = array() ): self {
		return new self( self::SAVED, $policy, $replaced, $revision, $change_id, $items, array(), $warnings );
	}

	/**
	 * A valid policy, not saved.
	 *
	 * @param array<string, mixed> $policy   The document.
	 * @param array<string, mixed> $replaced The stored document it would replace.
	 * @param int                  $revision The stored revision.
	 * @param list<Item>           $items    What a save would change.
	 */
	public static function previewed( array $policy, array $replaced, int $revision, array $items ): self {
		return new self( self::PREVIEWED, $policy, $replaced, $revision, null, $items );
	}

	/**
	 * An invalid document.
	 *
	 * @param list<ValidationError> $errors Every bad field.
	 */
	public static function invalid( array $errors ): self {
		return new self( self::INVALID, errors: $errors );
	}

	/**
	 * A save refused by the store: a conflict (409) or a database failure (500).
	 *
	 * @param \WP_Error $error The store's error.
	 */
	public static function refused( \WP_Error $error ): self {
		$data     = $error->get_error_data();
		$revision = is_array( $data ) && is_int( $data['revision'] ?? null ) ? $data['revision'] : 0;
		$status   = 'infosec_policy_conflict' === $error->get_error_code() ? self::CONFLICT : self::FAILED;
		return new self( $status, revision: $revision, error: $error );
	}

	/**
	 * Whether the policy was stored.
	 */
	public function is_saved(): bool {
		return self::SAVED === $this->status;
	}
}

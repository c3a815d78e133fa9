<?php
/**
 * Reads and writes the stored policy document.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Policy;

defined( 'ABSPATH' ) || exit;

/**
 * The policy document (data contract, format version 1) and its revision, kept together in one
 * WordPress option so that they can never disagree.
 *
 * Autoloading follows core's size rule (`wp_determine_option_autoload_value()`): a policy of
 * ordinary size is autoloaded, so a page view that renders policy blocks costs no extra query; one
 * larger than core's limit (150 KB by default, a thousand or so processors) is not, so it does not
 * weigh on every request of the site.
 *
 * @phpstan-type Measure array{ id: string, category: 'organizational'|'technical', title: string, description: string }
 * @phpstan-type Processor array{ id: string, role: string, name: string, legalEntity: string, description: string, country: string, dataLocations: list<string>, transferBasis: string, dpaSigned: bool, dpaDate?: string, dpfListingUrl?: string, effectiveFrom?: string, securityUrl: string, host: string, tlsIssuerDeclared: string, firewall: bool, certifications: list<string>, address?: string, contactPoint?: string, purpose?: string, dataCategories?: list<string>, retention?: string, parentId?: string, subprocessorsUrl?: string }
 * @phpstan-type Stored array{ revision: int, policy: array<string, mixed>, updatedAt?: int }
 */
final class Policy_Store {

	public const OPTION = 'infosec_policy';

	/** How many days before its start a new processor is announced, when the policy does not say. */
	public const NOTICE_PERIOD_DAYS = 30;

	/**
	 * The stored bytes the last read unserialized, and what it gave.
	 *
	 * @var array{ raw: string, stored: Stored }|null
	 */
	private static ?array $read = null;

	/**
	 * What was worked out from that read (the processors that pass the shape check), dropped with it.
	 *
	 * @var array<string, mixed>
	 */
	private static array $derived = array();

	/**
	 * The stored policy and its revision; a default policy at revision 0 when none is stored.
	 *
	 * WordPress's get_option() unserializes the whole document on every call, which with a
	 * thousand processors was a sixth of a page view. The result is kept for as long as the cached
	 * bytes are the same ones: any write (update_option(), save(), another process seen through a
	 * flushed or persistent cache) changes them, and the next read unserializes again. With a
	 * filter on the option, every read goes through get_option().
	 *
	 * @return Stored
	 */
	public static function get(): array {
		$raw = self::cached_raw();
		if ( null !== $raw && null !== self::$read && $raw === self::$read['raw'] ) {
			return self::$read['stored'];
		}
		$stored = get_option( self::OPTION, null );
		// What get_option() just read is in the cache now; the next call need not read it again.
		$raw           = $raw ?? self::cached_raw();
		$stored        = self::is_stored( $stored ) ? $stored : array(
			'revision' => 0,
			'policy'   => self::default_policy(),
		);
		self::$read    = null === $raw ? null : array(
			'raw'    => $raw,
			'stored' => $stored,
		);
		self::$derived = array();
		return $stored;
	}

	/**
	 * The option's serialized bytes as WordPress's option cache holds them, when it holds them and
	 * no filter changes what get_option() returns; null otherwise.
	 */
	private static function cached_raw(): ?string {
		if ( has_filter( 'pre_option_' . self::OPTION ) || has_filter( 'option_' . self::OPTION ) || has_filter( 'pre_option' ) ) {
			return null;
		}
		$alloptions = wp_cache_get( 'alloptions', 'options' );
		if ( is_array( $alloptions ) && isset( $alloptions[ self::OPTION ] ) ) {
			return is_string( $alloptions[ self::OPTION ] ) ? $alloptions[ self::OPTION ] : null;
		}
		$raw = wp_cache_get( self::OPTION, 'options' );
		return is_string( $raw ) ? $raw : null;
	}

	/**
	 * The stored policy document.
	 *
	 * @return array<string, mixed>
	 */
	public static function policy(): array {
		return self::get()['policy'];
	}

	/**
	 * When the policy was last saved (Unix time), or 0 if never.
	 */
	public static function updated_at(): int {
		return (int) ( self::get()['updatedAt'] ?? 0 );
	}

	/**
	 * Saves a valid policy if the stored revision is still the one the client read.
	 *
	 * The check and the write are one conditional UPDATE (compare-and-swap on the stored value), so
	 * two saves from the same revision can never both succeed, whatever their timing.
	 *
	 * @param array<string, mixed>      $policy            A document that passed Policy_Validator.
	 * @param int                       $expected_revision The revision the client last read.
	 * @param array<string, mixed>|null $replaced          Set to the document the save replaced, read
	 *                                                     from the row the compare-and-swap checked
	 *                                                     (never a cache); an empty array when none was stored.
	 * @param-out array<string, mixed>|null $replaced
	 * @return int|\WP_Error The new revision; an `infosec_policy_conflict` error naming the current one;
	 *                       or `infosec_policy_storage_failed` when the database refused the write.
	 */
	public static function save( array $policy, int $expected_revision, ?array &$replaced = null ): int|\WP_Error {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- compare-and-swap reads and writes the row itself, never a cache; forget_cached() drops the cached copy after the write.
		$raw      = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::OPTION ) );
		$current  = null === $raw ? null : maybe_unserialize( $raw );
		$revision = self::is_stored( $current ) ? $current['revision'] : 0;
		if ( $revision !== $expected_revision ) {
			return self::conflict( $revision );
		}

		$next       = array(
			'revision'  => $revision + 1,
			'policy'    => $policy,
			'updatedAt' => time(),
		);
		$serialized = maybe_serialize( $next );
		$autoload   = wp_determine_option_autoload_value( self::OPTION, $next, $serialized, null );

		if ( null === $raw ) {
			// The option_name key is unique: of two first saves, one insert fails.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- compare-and-swap reads and writes the row itself, never a cache; forget_cached() drops the cached copy after the write.
			$written = $wpdb->query(
				$wpdb->prepare(
					"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %s, %s)",
					self::OPTION,
					$serialized,
					$autoload
				)
			);
		} elseif ( ! self::column_holds( $serialized ) ) {
			// What the column cannot hold (a character outside its character set) would be cut out
			// on the way in, and the document with it: refused instead.
			$written = false;
		} else {
			// The swap compares the stored value's digest rather than the value: as exact for our
			// purpose, without sending (and, on SQLite, translating) the old document a second time.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery, WordPress.DB.DirectDatabaseQuery.NoCaching -- compare-and-swap reads and writes the row itself, never a cache; forget_cached() drops the cached copy after the write.
			$written = $wpdb->query(
				$wpdb->prepare(
					"UPDATE `{$wpdb->options}` SET option_value = %s, autoload = %s WHERE option_name = %s AND MD5(option_value) = %s",
					$serialized,
					$autoload,
					self::OPTION,
					md5( $raw )
				)
			);
		}
		self::forget_cached();
		if ( false === $written ) {
			return new \WP_Error(
				'infosec_policy_storage_failed',
				__( 'The database did not accept the policy. Nothing was saved.', 'infosec-policy' ),
				array( 'status' => 500 )
			);
		}
		if ( 1 !== $written ) {
			$now = self::get();
			return self::conflict( $now['revision'] );
		}
		$replaced = self::is_stored( $current ) ? $current['policy'] : array();
		return $next['revision'];
	}

	/**
	 * Whether the options table's value column holds a serialized document unchanged. A utf8mb4
	 * column, as WordPress creates it, holds any valid UTF-8, which PHP checks at a fraction of the
	 * cost of wpdb's own check (a regular expression over the whole document, a tenth of a save at
	 * 1,000 processors); any other character set gets wpdb's check.
	 *
	 * @param string $serialized The document, serialized.
	 */
	private static function column_holds( string $serialized ): bool {
		global $wpdb;
		if ( 'utf8mb4' === $wpdb->get_col_charset( $wpdb->options, 'option_value' ) ) {
			// PCRE's own check of the subject (mbstring is optional for WordPress).
			return 1 === preg_match( '//u', $serialized );
		}
		return $wpdb->strip_invalid_text_for_column( $wpdb->options, 'option_value', $serialized ) === $serialized;
	}

	/**
	 * Removes the stored policy (uninstall).
	 */
	public static function delete(): void {
		delete_option( self::OPTION );
	}

	/**
	 * The measures, in the admin's order, optionally only those of one category.
	 *
	 * @param string|null $category `organizational`, `technical`, or null for all.
	 * @return list<Measure>
	 */
	public static function measures( ?string $category = null ): array {
		$measures = self::policy()['measures'] ?? array();
		$result   = array();
		foreach ( is_array( $measures ) ? $measures : array() as $measure ) {
			if ( self::is_measure( $measure ) && ( null === $category || $measure['category'] === $category ) ) {
				$result[] = $measure;
			}
		}
		return $result;
	}

	/**
	 * The processors, in the admin's order.
	 *
	 * @return list<Processor>
	 */
	public static function processors(): array {
		$processors = self::policy()['processors'] ?? array();
		// policy() has just made sure the kept read, and what was derived from it, is current.
		if ( null !== self::$read && isset( self::$derived['processors'] ) ) {
			return self::$derived['processors'];
		}
		$valid = array_values( array_filter( is_array( $processors ) ? $processors : array(), array( self::class, 'is_processor' ) ) );
		if ( null !== self::$read ) {
			self::$derived['processors'] = $valid;
		}
		return $valid;
	}

	/**
	 * Something worked out from the stored document, kept until the document changes.
	 *
	 * @template T
	 * @param string        $key  What it is.
	 * @param callable(): T $make Works it out.
	 * @return T
	 */
	public static function derived( string $key, callable $make ): mixed {
		self::get();
		if ( null === self::$read ) {
			return $make();
		}
		if ( ! array_key_exists( $key, self::$derived ) ) {
			self::$derived[ $key ] = $make();
		}
		return self::$derived[ $key ];
	}

	/**
	 * Whether a processor is announced but not in use yet: its effective date (`effectiveFrom`) is
	 * after today. The statement shows it from that date; the change log announces it at once.
	 *
	 * @param Processor $processor A processor.
	 * @param string    $today     Today, `YYYY-MM-DD`, in the site's time zone.
	 */
	public static function is_upcoming( array $processor, string $today ): bool {
		return ( $processor['effectiveFrom'] ?? '' ) > $today;
	}

	/**
	 * The processors in use today (in the site's time zone), in the admin's order.
	 *
	 * @return list<Processor>
	 */
	public static function processors_in_use(): array {
		$today = (string) wp_date( 'Y-m-d' );
		return array_values( array_filter( self::processors(), static fn( array $processor ): bool => ! self::is_upcoming( $processor, $today ) ) );
	}

	/**
	 * The language a document's texts are written in: its `organization.language`, or the site's
	 * when it has none (a document saved before the field, or typed by hand).
	 *
	 * @param array<mixed>|null $policy A document; null for the stored one.
	 */
	public static function language( ?array $policy = null ): string {
		$organization = ( $policy ?? self::policy() )['organization'] ?? null;
		$language     = is_array( $organization ) ? ( $organization['language'] ?? null ) : null;
		return is_string( $language ) && 1 === preg_match( '/^[a-z]{2,3}$/D', $language ) ? $language : self::site_language();
	}

	/**
	 * The site's language (not the visitor's or the user's): the primary subtag of its locale.
	 */
	public static function site_language(): string {
		return Page_Language::primary( get_locale() );
	}

	/**
	 * The organisation's name, for captions and headings.
	 */
	public static function organization_name(): string {
		$organization = self::policy()['organization'] ?? array();
		return is_array( $organization ) && is_string( $organization['name'] ?? null ) ? $organization['name'] : '';
	}

	/**
	 * The policy a new site starts from: the site's own name, address and host, nothing declared.
	 *
	 * @return array<string, mixed>
	 */
	public static function default_policy(): array {
		$home = home_url( '/' );
		$host = (string) wp_parse_url( $home, PHP_URL_HOST );
		$name = trim( wp_strip_all_tags( get_bloginfo( 'name' ) ) );
		return array(
			'formatVersion' => Policy_Schema::FORMAT_VERSION,
			'organization'  => array(
				'name'       => '' === $name ? $host : mb_substr( $name, 0, 200 ),
				// Not the site's admin e-mail: WordPress never publishes it, and the register serves
				// this document to anyone until the first save.
				'email'      => '',
				'website'    => $home,
				'country'    => '',
				'language'   => self::site_language(),
				'standards'  => array(),
				'reviewedAt' => '',
			),
			'measures'      => array(),
			'processors'    => array(),
			'site'          => array(
				'host'              => str_contains( $host, '.' ) ? $host : '',
				'tlsIssuerDeclared' => '',
				'firewallPorts'     => array(),
				'dataLocations'     => array(),
			),
		);
	}

	/**
	 * The conflict error: someone else saved since the client read.
	 *
	 * @param int $current_revision The revision now stored.
	 */
	public static function conflict( int $current_revision ): \WP_Error {
		return new \WP_Error(
			'infosec_policy_conflict',
			__( 'Someone else saved the policy after you opened it. Nothing was overwritten.', 'infosec-policy' ),
			array(
				'status'   => 409,
				'revision' => $current_revision,
			)
		);
	}

	/**
	 * Drops the option from the object cache after a write that bypassed update_option().
	 */
	private static function forget_cached(): void {
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
	}

	/**
	 * Whether a stored value has the shape this class writes.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true Stored $value
	 */
	private static function is_stored( mixed $value ): bool {
		return is_array( $value ) && isset( $value['revision'], $value['policy'] ) && is_int( $value['revision'] ) && is_array( $value['policy'] );
	}

	/**
	 * Whether a stored value has the shape of a processor; anything else is skipped, never rendered.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true Processor $value
	 */
	private static function is_processor( mixed $value ): bool {
		if ( ! is_array( $value ) ) {
			return false;
		}
		foreach ( array( 'id', 'role', 'name', 'legalEntity', 'description', 'country', 'transferBasis', 'securityUrl', 'host', 'tlsIssuerDeclared' ) as $key ) {
			if ( ! is_string( $value[ $key ] ?? null ) ) {
				return false;
			}
		}
		return is_bool( $value['dpaSigned'] ?? null ) && is_bool( $value['firewall'] ?? null )
			&& is_array( $value['dataLocations'] ?? null ) && array_is_list( $value['dataLocations'] )
			&& array_filter( $value['dataLocations'], 'is_string' ) === $value['dataLocations']
			&& is_array( $value['certifications'] ?? null );
	}

	/**
	 * Whether a stored value has the shape of a measure; anything else is skipped, never rendered.
	 *
	 * @param mixed $value A stored value.
	 * @phpstan-assert-if-true Measure $value
	 */
	private static function is_measure( mixed $value ): bool {
		return is_array( $value )
			&& isset( $value['id'], $value['category'], $value['title'], $value['description'] )
			&& is_string( $value['id'] ) && is_string( $value['title'] ) && is_string( $value['description'] )
			&& in_array( $value['category'], array( 'organizational', 'technical' ), true );
	}
}

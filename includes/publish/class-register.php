<?php
/**
 * The public register: what the statement shows, as data.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Publish;

use InfosecPolicy\Blocks\Site_Facts;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Tls\Https_Facts;
use InfosecPolicy\Tls\Https_Inspector;

defined( 'ABSPATH' ) || exit;

/**
 * The statement's facts for procurement tools and auditors: the organisation with its standards,
 * the measures, every processor (`"status": "active"`, or `"announced"` with the date it starts and
 * the date until which objections are taken, GDPR Art. 28(2)), the site's public
 * facts, and when the policy was last updated and reviewed. Built field by field from a list of
 * what is public, so that a field added to the policy stays out until it is added here. The open
 * firewall ports appear only when the admin publishes them, as the site facts block shows them;
 * the live HTTPS facts of the site's host (Https_Facts) as the last background check found them.
 *
 * @phpstan-type Document array{ formatVersion: int, language: string, languages: list<string>, organization: array<string, mixed>, measures: list<array<string, mixed>>, processors: list<array<string, mixed>>, site: array<string, mixed>, updatedAt: string|null, reviewedAt: string|null }
 */
final class Register {

	/**
	 * The register's own format, which changes only when a field is removed or renamed.
	 */
	public const FORMAT_VERSION = 1;

	private const ORGANIZATION = array( 'name', 'email', 'website', 'country', 'standards', 'noticePeriodDays' );

	private const STANDARD = array( 'name', 'status', 'validUntil' );

	private const MEASURE = array( 'id', 'category', 'title', 'description' );

	private const PROCESSOR = array( 'id', 'role', 'name', 'legalEntity', 'description', 'country', 'dataLocations', 'transferBasis', 'dpaSigned', 'dpaDate', 'securityUrl', 'dpfListingUrl', 'effectiveFrom', 'host', 'tlsIssuerDeclared', 'firewall', 'certifications', 'address', 'contactPoint', 'purpose', 'dataCategories', 'retention', 'parentId', 'subprocessorsUrl' );

	/**
	 * What a processor's optional identity fields mean when the policy leaves them out: the
	 * register always has them, so that a reader's tooling can rebuild the chain of sub-processors.
	 */
	private const PROCESSOR_DEFAULTS = array(
		'address'          => '',
		'contactPoint'     => '',
		'purpose'          => '',
		'dataCategories'   => array(),
		'retention'        => '',
		'parentId'         => '',
		'subprocessorsUrl' => '',
	);

	private const SITE = array( 'host', 'tlsIssuerDeclared', 'dataLocations' );

	private const HTTPS = array( 'host', 'checkedAt', 'stale', 'httpRedirect', 'hsts', 'hstsMaxAge', 'hstsIncludeSubDomains', 'hstsPreload', 'tlsVersions' );

	/**
	 * The processors' columns in the CSV, in order.
	 */
	public const CSV_COLUMNS = array( 'id', 'role', 'name', 'legalEntity', 'country', 'dataLocations', 'transferBasis', 'dpaSigned', 'dpaDate', 'effectiveFrom', 'securityUrl', 'dpfListingUrl', 'certifications', 'address', 'contactPoint', 'purpose', 'dataCategories', 'retention', 'parentId', 'subprocessorsUrl', 'status', 'objectionDeadline' );

	/**
	 * The register of the stored policy, its texts in a language: translated where the policy has
	 * them, else in the original, each entry naming its `untranslated` texts. Reads the policy
	 * option and nothing else.
	 *
	 * @param string|null $language A language of Translated_Policy::languages(); null for the
	 *                              texts' own.
	 * @return Document
	 */
	public static function document( ?string $language = null ): array {
		$stored       = Policy_Store::get();
		$language   ??= Policy_Store::language( $stored['policy'] );
		$texts        = Translated_Policy::for( $stored['policy'], $language );
		$policy       = $texts->document( $stored['policy'] );
		$missing      = $texts->missing( $stored['policy'] );
		$organization = self::pick( is_array( $policy['organization'] ?? null ) ? $policy['organization'] : array(), self::ORGANIZATION );
		if ( isset( $organization['standards'] ) && is_array( $organization['standards'] ) ) {
			$organization['standards'] = self::each( $organization['standards'], self::STANDARD );
		}
		$organization['noticePeriodDays'] = is_int( $organization['noticePeriodDays'] ?? null ) ? $organization['noticePeriodDays'] : Policy_Store::NOTICE_PERIOD_DAYS;
		$updated                          = (int) ( $stored['updatedAt'] ?? 0 );
		$reviewed                         = is_array( $policy['organization'] ?? null ) ? ( $policy['organization']['reviewedAt'] ?? null ) : null;
		$measures                         = is_array( $policy['measures'] ?? null ) ? $policy['measures'] : array();
		$processors                       = is_array( $policy['processors'] ?? null ) ? $policy['processors'] : array();
		$site                             = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
		$open                             = Site_Facts::published_ports( $site );
		$today                            = (string) wp_date( 'Y-m-d' );
		return array(
			'formatVersion' => self::FORMAT_VERSION,
			'language'      => $language,
			'languages'     => Translated_Policy::languages( $stored['policy'] ),
			'organization'  => $organization,
			'measures'      => self::untranslated( self::each( $measures, self::MEASURE ), $missing['measures'] ?? array() ),
			'processors'    => self::untranslated( self::processors( $processors, $today ), $missing['processors'] ?? array() ),
			'site'          => self::pick( $site, self::SITE ) + ( array() === $open ? array() : array( 'firewallPorts' => $open ) ) + self::https(),
			'updatedAt'     => $updated > 0 ? gmdate( 'Y-m-d\TH:i:s\Z', $updated ) : null,
			'reviewedAt'    => is_string( $reviewed ) && '' !== $reviewed ? $reviewed : null,
		);
	}

	/**
	 * The processors' public fields, each with its optional fields' defaults and its status. One
	 * pass, building one list: at 5,000 processors a copy of the list per step did not fit in a
	 * visitor's 40 MB.
	 *
	 * @param array<mixed> $processors The stored processors.
	 * @param string       $today      Today, `YYYY-MM-DD`.
	 * @return list<array<string, mixed>>
	 */
	private static function processors( array $processors, string $today ): array {
		$listed = array();
		foreach ( $processors as $processor ) {
			if ( is_array( $processor ) ) {
				$listed[] = self::pick( $processor + self::PROCESSOR_DEFAULTS, self::PROCESSOR ) + self::status( $processor, $today );
			}
		}
		return $listed;
	}

	/**
	 * Entries of the register, each with the names of its texts left in the original language.
	 *
	 * @param list<array<string, mixed>>  $entries The register's measures or processors.
	 * @param array<string, list<string>> $missing Fields without a translation, by id.
	 * @return list<array<string, mixed>>
	 */
	private static function untranslated( array $entries, array $missing ): array {
		if ( array() === $missing ) {
			return $entries;
		}
		foreach ( $entries as $index => $entry ) {
			$fields = $missing[ (string) ( $entry['id'] ?? '' ) ] ?? array();
			if ( array() !== $fields ) {
				$entries[ $index ]['untranslated'] = $fields;
			}
		}
		return $entries;
	}

	/**
	 * Whether a processor is in use or announced: announced until the day it starts (its
	 * `effectiveFrom`, in the site's time zone), which is also the day objections close.
	 *
	 * @param array<string, mixed> $processor A processor of the register.
	 * @param string               $today     Today, `YYYY-MM-DD`.
	 * @return array{ status: 'active'|'announced', objectionDeadline?: string }
	 */
	private static function status( array $processor, string $today ): array {
		$from = is_string( $processor['effectiveFrom'] ?? null ) ? $processor['effectiveFrom'] : '';
		return $from > $today
			? array(
				'status'            => 'announced',
				'objectionDeadline' => $from,
			)
			: array( 'status' => 'active' );
	}

	/**
	 * The live HTTPS facts, when a check reached the site's host: `{ https: { … } }`, else nothing.
	 * What was checked, not how (no address, no error text).
	 *
	 * @return array<string, mixed>
	 */
	private static function https(): array {
		$facts = Https_Facts::checked();
		if ( null === $facts ) {
			return array();
		}
		$https              = self::pick( $facts, self::HTTPS );
		$https['checkedAt'] = gmdate( 'Y-m-d\TH:i:s\Z', (int) ( $facts['checkedAt'] ?? 0 ) );
		return array( 'https' => $https );
	}

	/**
	 * When the register last changed (Unix time), or 0 if never: the policy's last save, the last
	 * HTTPS check, or the start of the day an announced processor came into use (its status
	 * changed then, with no save), whichever came last.
	 */
	public static function modified(): int {
		$now     = time();
		$started = 0;
		foreach ( Policy_Store::processors() as $processor ) {
			$from = $processor['effectiveFrom'] ?? '';
			if ( is_string( $from ) && 1 === preg_match( '/^\d{4}-\d{2}-\d{2}$/', $from ) ) {
				$start   = ( new \DateTimeImmutable( $from . ' 00:00:00', wp_timezone() ) )->getTimestamp();
				$started = $start <= $now ? max( $started, $start ) : $started;
			}
		}
		return max( Policy_Store::updated_at(), (int) ( Https_Facts::checked()['checkedAt'] ?? 0 ), $started );
	}

	/**
	 * The processors as CSV (RFC 4180), or in the form Excel opens in any region
	 * (Spreadsheet_File): a header row of CSV_COLUMNS, then one row per processor, a list's items
	 * one per line within its cell (no item can hold a line break, so splitting the cell at line
	 * breaks gives the items back, where "; " would split "HDS; France" in two).
	 *
	 * @param Document $register The register.
	 * @param bool     $excel    Whether to write the Excel form.
	 */
	public static function processors_csv( array $register, bool $excel = false ): string {
		return Spreadsheet_File::file( self::processor_rows( $register ), $excel )[0];
	}

	/**
	 * The processors' rows: the header, then one per processor.
	 *
	 * @param Document $register The register.
	 * @return list<list<string>>
	 */
	private static function processor_rows( array $register ): array {
		$rows = array( self::CSV_COLUMNS );
		foreach ( $register['processors'] as $processor ) {
			$row = array();
			foreach ( self::CSV_COLUMNS as $column ) {
				$value = $processor[ $column ] ?? '';
				$row[] = match ( true ) {
					is_bool( $value )  => $value ? 'yes' : 'no',
					is_array( $value ) => implode( "\n", array_map( 'strval', $value ) ),
					default            => is_scalar( $value ) ? (string) $value : '',
				};
			}
			$rows[] = $row;
		}
		return $rows;
	}

	/**
	 * The listed fields of each object of a list, in the list's order.
	 *
	 * @param array<mixed> $entries The list.
	 * @param list<string> $fields  The fields to keep.
	 * @return list<array<string, mixed>>
	 */
	private static function each( array $entries, array $fields ): array {
		$picked = array();
		foreach ( $entries as $entry ) {
			if ( is_array( $entry ) ) {
				$picked[] = self::pick( $entry, $fields );
			}
		}
		return $picked;
	}

	/**
	 * The listed fields of an object that it has, in the list's order.
	 *
	 * @param array<mixed> $entry  The object.
	 * @param list<string> $fields The fields to keep.
	 * @return array<string, mixed>
	 */
	private static function pick( array $entry, array $fields ): array {
		$picked = array();
		foreach ( $fields as $field ) {
			if ( array_key_exists( $field, $entry ) ) {
				$picked[ $field ] = $entry[ $field ];
			}
		}
		return $picked;
	}

	/**
	 * The register's JSON Schema, published beside it. No $ref, so that WordPress's own validator
	 * (rest_validate_value_from_schema) can check a register against it too.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		$text         = array( 'type' => 'string' );
		$date         = array(
			'type'   => 'string',
			'format' => 'date',
		);
		$countries    = array(
			'type'  => 'array',
			'items' => array(
				'type'    => 'string',
				'pattern' => '^[A-Z]{2}$',
			),
		);
		$object       = static fn( array $properties, array $required ): array => array(
			'type'                 => 'object',
			'additionalProperties' => false,
			'required'             => $required,
			'properties'           => $properties,
		);
		$language     = array(
			'type'        => 'string',
			'pattern'     => '^[a-z]{2,3}$',
			'description' => 'A language, as a BCP 47 primary subtag: nl, en.',
		);
		$untranslated = array(
			'type'        => 'array',
			'description' => 'The texts of this entry that have no translation into the register\'s language, and are in the language of the statement\'s texts (the first of languages).',
			'items'       => $text,
		);
		$versions     = array_fill_keys(
			array_keys( Https_Inspector::VERSIONS ),
			array(
				'type' => 'string',
				'enum' => array( 'accepted', 'refused', 'unknown' ),
			)
		);
		return array(
			'$schema'              => 'http://json-schema.org/draft-07/schema#',
			'title'                => 'infosec-policy-register',
			'description'          => 'What the information-security statement publishes, as data.',
			'type'                 => 'object',
			'additionalProperties' => false,
			'required'             => array( 'formatVersion', 'language', 'languages', 'organization', 'measures', 'processors', 'site', 'updatedAt', 'reviewedAt' ),
			'properties'           => array(
				'formatVersion' => array(
					'type' => 'integer',
					'enum' => array( self::FORMAT_VERSION ),
				),
				'language'      => $language,
				'languages'     => array(
					'type'        => 'array',
					'description' => 'Every language the register can be read in (?lang=), the texts\' own first.',
					'items'       => $language,
				),
				'organization'  => $object(
					array(
						'name'             => $text,
						'email'            => $text,
						'website'          => $text,
						'country'          => $text,
						'noticePeriodDays' => array(
							'type'    => 'integer',
							'minimum' => 0,
						),
						'standards'        => array(
							'type'  => 'array',
							'items' => $object(
								array(
									'name'       => $text,
									'status'     => array(
										'type' => 'string',
										'enum' => array( 'certified', 'aligned', 'considered' ),
									),
									'validUntil' => $date,
								),
								array( 'name', 'status' )
							),
						),
					),
					array( 'name' )
				),
				'measures'      => array(
					'type'  => 'array',
					'items' => $object(
						array(
							'id'           => $text,
							'category'     => array(
								'type' => 'string',
								'enum' => array( 'organizational', 'technical' ),
							),
							'title'        => $text,
							'description'  => $text,
							'untranslated' => $untranslated,
						),
						array( 'id', 'category', 'title', 'description' )
					),
				),
				'processors'    => array(
					'type'  => 'array',
					'items' => $object(
						array(
							'id'                => $text,
							'role'              => $text,
							'name'              => $text,
							'legalEntity'       => $text,
							'description'       => $text,
							'country'           => $text,
							'dataLocations'     => $countries,
							'transferBasis'     => array(
								'type' => 'string',
								'enum' => array( 'eea', 'adequacy', 'dpf', 'scc', 'bcr', 'derogation', 'privacy-shield' ),
							),
							'dpaSigned'         => array( 'type' => 'boolean' ),
							'dpaDate'           => $date,
							'securityUrl'       => $text,
							'dpfListingUrl'     => $text,
							'effectiveFrom'     => $date,
							'host'              => $text,
							'tlsIssuerDeclared' => $text,
							'firewall'          => array( 'type' => 'boolean' ),
							'certifications'    => array(
								'type'  => 'array',
								'items' => $text,
							),
							'address'           => $text,
							'contactPoint'      => $text,
							'purpose'           => $text,
							'dataCategories'    => array(
								'type'  => 'array',
								'items' => $text,
							),
							'retention'         => $text,
							'parentId'          => $text,
							'subprocessorsUrl'  => $text,
							'status'            => array(
								'type' => 'string',
								'enum' => array( 'active', 'announced' ),
							),
							'objectionDeadline' => $date,
							'untranslated'      => $untranslated,
						),
						array( 'id', 'name', 'status' )
					),
				),
				'site'          => $object(
					array(
						'host'              => $text,
						'tlsIssuerDeclared' => $text,
						'dataLocations'     => $countries,
						'firewallPorts'     => array(
							'type'  => 'array',
							'items' => array( 'type' => 'integer' ),
						),
						'https'             => $object(
							array(
								'host'                  => $text,
								'checkedAt'             => array(
									'type'   => 'string',
									'format' => 'date-time',
								),
								'stale'                 => array( 'type' => 'boolean' ),
								'httpRedirect'          => array(
									'type' => 'string',
									'enum' => array( 'https', 'none', 'closed', 'unknown' ),
								),
								'hsts'                  => array(
									'type' => 'string',
									'enum' => array( 'sent', 'missing', 'unknown' ),
								),
								'hstsMaxAge'            => array(
									'type'    => 'integer',
									'minimum' => 0,
								),
								'hstsIncludeSubDomains' => array( 'type' => 'boolean' ),
								'hstsPreload'           => array( 'type' => 'boolean' ),
								'tlsVersions'           => $object( $versions, array_keys( $versions ) ),
							),
							array( 'host', 'checkedAt', 'httpRedirect', 'hsts', 'tlsVersions' )
						),
					),
					array()
				),
				'updatedAt'     => array(
					'type'   => array( 'string', 'null' ),
					'format' => 'date-time',
				),
				'reviewedAt'    => array(
					'type'   => array( 'string', 'null' ),
					'format' => 'date',
				),
			),
		);
	}
}

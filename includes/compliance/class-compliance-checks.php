<?php
/**
 * Checks a policy for statements that are wrong or out of date.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Compliance;

use InfosecPolicy\Blocks\Standards;
use InfosecPolicy\Changes\Change_Log;
use InfosecPolicy\Changes\Change_Sentences;
use InfosecPolicy\Json_File;
use InfosecPolicy\Objections\Objections;
use InfosecPolicy\Policy\Countries;
use InfosecPolicy\Policy\Page_Language;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Translated_Policy;
use InfosecPolicy\Tls\Https_Facts;
use InfosecPolicy\Tls\Https_Inspector;
use InfosecPolicy\Tls\Tls_Results;
use InfosecPolicy\Tls\Tls_Status;

defined( 'ABSPATH' ) || exit;

/**
 * The one rule engine behind the settings page's findings, the editor's notices and Site Health.
 * Each finding names its rule, severity, the entry and field it concerns (a JSON path the settings
 * page can jump to), what is wrong in plain words, and what to do. Findings never block a save.
 *
 * The facts the rules rely on (EEA members, adequacy decisions with their dates, stale wording)
 * are data, in data/transfer-rules.json.
 *
 * Each finding also says what it concerns (`concerns`: the organisation, the site, a processor or
 * a measure by id, or a host by name), so the editor shows a certificate finding on that host's
 * badge and a processor's finding on the processor table, and a `key` unique among the findings.
 *
 * The rules are a function of their arguments: the TLS facts come in as the report the stored
 * checks make (Tls_Results::report()), never read behind the caller's back.
 *
 * @phpstan-type Concerns array{ kind: 'organization'|'site'|'processor'|'measure'|'host', id: string }
 * @phpstan-type Finding array{ key: string, rule: string, severity: 'error'|'warning', path: string, subject: string, concerns: Concerns, message: string, action: string }
 * @phpstan-type Certificate array{ host: string, status?: string, declaredIssuer: string, issuerMismatch: bool, https?: array<string, mixed>|null }
 */
final class Compliance_Checks {

	/**
	 * The facts, read once per request.
	 *
	 * @var array{ eea: list<string>, adequacy: list<string>, dpf: array{ country: string }, staleWording: list<array{ pattern: string, instead: string, severity: 'error'|'warning' }> }|null
	 */
	private static ?array $facts = null;

	/**
	 * The retired certificate authorities, read once per request.
	 *
	 * @var list<array{ pattern: string, since: string }>|null
	 */
	private static ?array $retired = null;

	/**
	 * Every finding for a policy.
	 *
	 * @param array<string, mixed>    $policy       A valid policy document.
	 * @param array<int, Certificate> $certificates What the stored TLS checks know of each host the
	 *                                              policy names (Tls_Results::report()).
	 * @param int|null                $now          The time to judge review dates by; now by default.
	 * @param array<string, int>      $announced    When each announced processor was told to the
	 *                                              public (Change_Log::announced_on()), by id.
	 * @param array<string, int>      $objections   How many open objections each processor has, by id.
	 * @param list<string>            $offered      The languages the site offers its pages in
	 *                                              (Page_Language::offered()), besides those the
	 *                                              policy has a translation into.
	 * @return list<Finding>
	 */
	public static function run( array $policy, array $certificates, ?int $now = null, array $announced = array(), array $objections = array(), array $offered = array() ): array {
		$now          = $now ?? time();
		$findings     = array();
		$processors   = is_array( $policy['processors'] ?? null ) ? $policy['processors'] : array();
		$organization = is_array( $policy['organization'] ?? null ) ? $policy['organization'] : array();
		$notice       = is_int( $organization['noticePeriodDays'] ?? null ) ? $organization['noticePeriodDays'] : Policy_Store::NOTICE_PERIOD_DAYS;
		foreach ( $processors as $index => $processor ) {
			if ( is_array( $processor ) ) {
				$findings = array_merge( $findings, self::transfer( $processor, (int) $index ), self::agreement( $processor, (int) $index ), self::notice( $processor, (int) $index, $notice, $announced, $now ), self::objected( $processor, (int) $index, $objections[ (string) ( $processor['id'] ?? '' ) ] ?? 0, $now ) );
			}
		}
		return self::with_keys( array_merge( $findings, self::review( $organization, $now ), self::standards( $organization, $now ), self::retired_issuers( $policy ), self::certificates( $certificates ), self::wording( $policy ), self::untranslated( $policy, $offered ) ) );
	}

	/**
	 * Texts a visitor of a language the site offers, or the policy has a translation into, reads
	 * in the original: one finding per language, naming the first entries that lack texts.
	 *
	 * @param array<string, mixed> $policy  The policy.
	 * @param list<string>         $offered The languages the site offers.
	 * @return list<Finding>
	 */
	private static function untranslated( array $policy, array $offered ): array {
		$findings = array();
		$original = Policy_Store::language( $policy );
		foreach ( array_unique( array_merge( $offered, Translated_Policy::languages( $policy ) ) ) as $language ) {
			if ( $language === $original ) {
				continue;
			}
			$missing = Translated_Policy::for( $policy, $language )->missing( $policy );
			$names   = array();
			$count   = 0;
			foreach ( array(
				'measures'   => 'title',
				'processors' => 'name',
			) as $list => $label ) {
				$entries = array_column( is_array( $policy[ $list ] ?? null ) ? array_filter( $policy[ $list ], 'is_array' ) : array(), $label, 'id' );
				foreach ( $missing[ $list ] ?? array() as $id => $fields ) {
					$count  += count( $fields );
					$names[] = (string) ( $entries[ $id ] ?? $id );
				}
			}
			if ( 0 === $count ) {
				continue;
			}
			$name       = Page_Language::name( $language );
			$listed     = implode( wp_get_list_item_separator(), array_slice( $names, 0, 5 ) );
			$more       = count( $names ) - 5;
			$findings[] = self::finding(
				'translation-missing',
				'warning',
				'translations.' . $language,
				$name,
				array(
					'kind' => 'organization',
					'id'   => '',
				),
				$more > 0
					/* translators: 1: a number of texts, 2: a language, such as "English", 3: names of measures and processors, 4: how many more there are. */
					? sprintf( _n( '%1$d text has no %2$s translation, in %3$s and %4$d more.', '%1$d texts have no %2$s translation, in %3$s and %4$d more.', $count, 'infosec-policy' ), $count, $name, $listed, $more )
					/* translators: 1: a number of texts, 2: a language, such as "English", 3: names of measures and processors. */
					: sprintf( _n( '%1$d text has no %2$s translation, in %3$s.', '%1$d texts have no %2$s translation, in %3$s.', $count, 'infosec-policy' ), $count, $name, $listed ),
				/* translators: %s: a language, such as "English". */
				sprintf( __( 'Visitors reading %s see these texts in the original language. Translate them under Texts in other languages.', 'infosec-policy' ), $name )
			);
		}
		return $findings;
	}

	/**
	 * The findings for the stored policy and the stored TLS checks.
	 *
	 * @return list<Finding>
	 */
	public static function for_stored_policy(): array {
		$today     = (string) wp_date( 'Y-m-d' );
		$announced = array_column( array_filter( Policy_Store::processors(), static fn( array $processor ): bool => Policy_Store::is_upcoming( $processor, $today ) ), 'id' );
		$open      = array_map( static fn( array $counts ): int => $counts['open'], Objections::counts() );
		return self::run( Policy_Store::policy(), Tls_Results::report(), null, Change_Log::announced_on( $announced ), $open, Page_Language::offered() );
	}

	/**
	 * The findings, each with a key unique among them: its rule, what it concerns and its field,
	 * numbered when one field breaks one rule twice (two outdated phrases in one text).
	 *
	 * @param list<Finding> $findings Findings.
	 * @return list<Finding>
	 */
	private static function with_keys( array $findings ): array {
		$seen = array();
		foreach ( $findings as $index => $finding ) {
			$key                       = implode( ':', array( $finding['rule'], $finding['concerns']['kind'], $finding['concerns']['id'], $finding['path'] ) );
			$seen[ $key ]              = ( $seen[ $key ] ?? 0 ) + 1;
			$findings[ $index ]['key'] = 1 === $seen[ $key ] ? $key : $key . '#' . $seen[ $key ];
		}
		return $findings;
	}

	/**
	 * The transfer basis against the countries involved.
	 *
	 * @param array<string, mixed> $processor A processor.
	 * @param int                  $index     Its position.
	 * @return list<Finding>
	 */
	private static function transfer( array $processor, int $index ): array {
		$name      = (string) ( $processor['name'] ?? '' );
		$basis     = (string) ( $processor['transferBasis'] ?? '' );
		$path      = "processors[$index].transferBasis";
		$countries = array_values( array_unique( array_merge( array( (string) ( $processor['country'] ?? '' ) ), array_map( 'strval', (array) ( $processor['dataLocations'] ?? array() ) ) ) ) );
		$outside   = array_values( array_diff( $countries, self::facts()['eea'] ) );
		$adequate  = self::facts()['adequacy'];
		$concerns  = self::entry( 'processor', $processor );

		if ( 'privacy-shield' === $basis ) {
			return array(
				self::finding(
					'privacy-shield',
					'error',
					$path,
					$name,
					$concerns,
					/* translators: %s: a processor's name. */
					sprintf( __( '%s names the EU-US Privacy Shield as its transfer basis, which is invalid since 16 July 2020 (Schrems II).', 'infosec-policy' ), $name ),
					__( 'If the organisation is certified under the EU-US Data Privacy Framework, choose that basis and link its listing; otherwise choose standard contractual clauses.', 'infosec-policy' )
				),
			);
		}
		if ( 'eea' === $basis && array() !== $outside ) {
			return array(
				self::finding(
					'eea-outside',
					'error',
					$path,
					$name,
					$concerns,
					/* translators: 1: a processor's name, 2: countries. */
					sprintf( __( '%1$s is said to keep data inside the EEA, but involves %2$s.', 'infosec-policy' ), $name, Countries::names( $outside ) ),
					__( 'Choose the basis that covers the transfer, or correct the country and data locations.', 'infosec-policy' )
				),
			);
		}
		if ( 'dpf' === $basis ) {
			if ( ( $processor['country'] ?? '' ) !== self::facts()['dpf']['country'] ) {
				return array(
					self::finding(
						'dpf-not-us',
						'error',
						$path,
						$name,
						$concerns,
						/* translators: %s: a processor's name. */
						sprintf( __( '%s uses the EU-US Data Privacy Framework as its basis, which only covers organisations in the United States.', 'infosec-policy' ), $name ),
						__( 'Choose the basis that fits its country, or correct the country.', 'infosec-policy' )
					),
				);
			}
			if ( '' === (string) ( $processor['dpfListingUrl'] ?? '' ) ) {
				return array(
					self::finding(
						'dpf-listing',
						'warning',
						"processors[$index].dpfListingUrl",
						$name,
						$concerns,
						/* translators: %s: a processor's name. */
						sprintf( __( '%s relies on the EU-US Data Privacy Framework, but no link to its listing is given.', 'infosec-policy' ), $name ),
						__( 'Add the address of its entry on dataprivacyframework.gov, so readers can verify the certification.', 'infosec-policy' )
					),
				);
			}
		}
		if ( 'adequacy' === $basis ) {
			$without = array_values( array_diff( $outside, $adequate ) );
			if ( array() !== $without ) {
				return array(
					self::finding(
						'adequacy-missing',
						'error',
						$path,
						$name,
						$concerns,
						/* translators: 1: a processor's name, 2: countries. */
						sprintf( __( '%1$s relies on an EU adequacy decision, but there is none for %2$s.', 'infosec-policy' ), $name, Countries::names( $without ) ),
						__( 'Choose standard contractual clauses or another valid basis.', 'infosec-policy' )
					),
				);
			}
		}
		return array();
	}

	/**
	 * A processor without a signed processing agreement.
	 *
	 * @param array<string, mixed> $processor A processor.
	 * @param int                  $index     Its position.
	 * @return list<Finding>
	 */
	private static function agreement( array $processor, int $index ): array {
		if ( true === ( $processor['dpaSigned'] ?? false ) ) {
			return array();
		}
		$name = (string) ( $processor['name'] ?? '' );
		return array(
			self::finding(
				'dpa-missing',
				'warning',
				"processors[$index].dpaSigned",
				$name,
				self::entry( 'processor', $processor ),
				/* translators: %s: a processor's name. */
				sprintf( __( 'There is no signed processing agreement with %s (GDPR Art. 28).', 'infosec-policy' ), $name ),
				__( 'Sign one, then tick “Processing agreement signed” and give its date.', 'infosec-policy' )
			),
		);
	}

	/**
	 * A processor announced with less than the notice period before it starts: its customers had
	 * less time to object than the organisation promised (GDPR Art. 28(2)). Counted in days from
	 * the day the change log told it to the public to its start date, in the site's time zone; a
	 * processor no public entry announced is not judged.
	 *
	 * @param array<string, mixed> $processor A processor.
	 * @param int                  $index     Its position.
	 * @param int                  $notice    The notice period in days.
	 * @param array<string, int>   $announced When each announced processor was told, by id.
	 * @param int                  $now       The time to judge by.
	 * @return list<Finding>
	 */
	private static function notice( array $processor, int $index, int $notice, array $announced, int $now ): array {
		$from = is_string( $processor['effectiveFrom'] ?? null ) ? $processor['effectiveFrom'] : '';
		$told = $announced[ (string) ( $processor['id'] ?? '' ) ] ?? null;
		if ( null === $told || 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}$/', $from ) || $from <= wp_date( 'Y-m-d', $now ) ) {
			return array();
		}
		$day  = (string) wp_date( 'Y-m-d', $told );
		$days = (int) round( ( (int) strtotime( $from . ' UTC' ) - (int) strtotime( $day . ' UTC' ) ) / DAY_IN_SECONDS );
		if ( $days >= $notice ) {
			return array();
		}
		$name     = (string) ( $processor['name'] ?? '' );
		$earliest = gmdate( 'Y-m-d', (int) strtotime( $day . ' UTC' ) + $notice * DAY_IN_SECONDS );
		return array(
			self::finding(
				'notice-period',
				'warning',
				"processors[$index].effectiveFrom",
				$name,
				self::entry( 'processor', $processor ),
				sprintf(
					/* translators: 1: a processor's name, 2: the date it was announced, 3: a number of days, 4: the date it starts. */
					_n( '%1$s was announced on %2$s, %3$d day before it starts on %4$s.', '%1$s was announced on %2$s, %3$d days before it starts on %4$s.', $days, 'infosec-policy' ),
					$name,
					Change_Sentences::date( $day ),
					$days,
					Change_Sentences::date( $from )
				) . ' ' . sprintf(
					/* translators: %d: the notice period in days. */
					_n( 'The notice period is %d day.', 'The notice period is %d days.', $notice, 'infosec-policy' ),
					$notice
				),
				/* translators: %s: the earliest start date that gives the whole notice period. */
				sprintf( __( 'Move its start date to %s or later, so that customers have the whole notice period to object, or shorten the notice period if your agreements allow it.', 'infosec-policy' ), Change_Sentences::date( $earliest ) )
			),
		);
	}

	/**
	 * A processor in use while customers' objections to it are still open: each needs an answer
	 * before, not after, the processor handles their data (GDPR Art. 28(2)).
	 *
	 * @param array<string, mixed> $processor A processor.
	 * @param int                  $index     Its position.
	 * @param int                  $open      How many open objections it has.
	 * @param int                  $now       The time to judge by.
	 * @return list<Finding>
	 */
	private static function objected( array $processor, int $index, int $open, int $now ): array {
		$from = is_string( $processor['effectiveFrom'] ?? null ) ? $processor['effectiveFrom'] : '';
		if ( 0 === $open || $from > wp_date( 'Y-m-d', $now ) ) {
			return array();
		}
		$name = (string) ( $processor['name'] ?? '' );
		return array(
			self::finding(
				'objections-open',
				'warning',
				"processors[$index].effectiveFrom",
				$name,
				self::entry( 'processor', $processor ),
				'' === $from
					/* translators: 1: a processor's name, 2: a number of objections. */
					? sprintf( _n( '%1$s is in use with %2$d objection still open.', '%1$s is in use with %2$d objections still open.', $open, 'infosec-policy' ), $name, $open )
					/* translators: 1: a processor's name, 2: a date, 3: a number of objections. */
					: sprintf( _n( '%1$s has been in use since %2$s with %3$d objection still open.', '%1$s has been in use since %2$s with %3$d objections still open.', $open, 'infosec-policy' ), $name, Change_Sentences::date( $from ), $open ),
				__( 'Answer each objection under Objections, and record what you decided: the customer may end the agreement, or the processor may not handle their data.', 'infosec-policy' )
			),
		);
	}

	/**
	 * A review date older than twelve months, or none.
	 *
	 * @param array<string, mixed> $organization The organisation.
	 * @param int                  $now          The time to judge by.
	 * @return list<Finding>
	 */
	private static function review( array $organization, int $now ): array {
		$reviewed = (string) ( $organization['reviewedAt'] ?? '' );
		$time     = '' === $reviewed ? false : strtotime( $reviewed . ' +12 months' );
		if ( false !== $time && $time >= $now ) {
			return array();
		}
		return array(
			self::finding(
				'review-due',
				'warning',
				'organization.reviewedAt',
				(string) ( $organization['name'] ?? '' ),
				array(
					'kind' => 'organization',
					'id'   => '',
				),
				'' === $reviewed
					? __( 'The policy has no review date.', 'infosec-policy' )
					/* translators: %s: a date. */
					: sprintf( __( 'The policy was last reviewed on %s, more than twelve months ago.', 'infosec-policy' ), Change_Sentences::date( $reviewed ) ),
				__( 'Review the measures and processors, then set “Last reviewed” to today.', 'infosec-policy' )
			),
		);
	}

	/**
	 * Certifications whose end date has passed: the statement must not claim them any longer.
	 *
	 * @param array<string, mixed> $organization The organisation.
	 * @param int                  $now          The time to judge by.
	 * @return list<Finding>
	 */
	private static function standards( array $organization, int $now ): array {
		$today    = wp_date( 'Y-m-d', $now );
		$findings = array();
		foreach ( is_array( $organization['standards'] ?? null ) ? $organization['standards'] : array() as $index => $standard ) {
			if ( ! is_array( $standard ) || ! Standards::expired( $standard, (string) $today ) ) {
				continue;
			}
			$name       = (string) ( $standard['name'] ?? '' );
			$findings[] = self::finding(
				'standard-expired',
				'warning',
				"organization.standards[$index].validUntil",
				$name,
				array(
					'kind' => 'organization',
					'id'   => '',
				),
				/* translators: 1: a standard, e.g. "ISO/IEC 27001:2022", 2: the date its certificate ended. */
				sprintf( __( 'The certificate for %1$s ended on %2$s.', 'infosec-policy' ), $name, Change_Sentences::date( (string) $standard['validUntil'] ) ),
				__( 'Enter the renewed certificate’s end date, or change the standard’s status to what is true today.', 'infosec-policy' )
			);
		}
		return $findings;
	}

	/**
	 * Declared issuers, of the site and of each processor, that name a certificate authority that
	 * no longer issues trusted certificates: whatever the live check says, the words are out of date.
	 *
	 * @param array<string, mixed> $policy The policy.
	 * @return list<Finding>
	 */
	private static function retired_issuers( array $policy ): array {
		$declared                           = array();
		$site                               = is_array( $policy['site'] ?? null ) ? $policy['site'] : array();
		$declared['site.tlsIssuerDeclared'] = array(
			(string) ( $site['tlsIssuerDeclared'] ?? '' ),
			__( 'this website', 'infosec-policy' ),
			array(
				'kind' => 'site',
				'id'   => '',
			),
		);
		foreach ( self::rows( $policy['processors'] ?? null ) as $index => $processor ) {
			$declared[ "processors[$index].tlsIssuerDeclared" ] = array( (string) ( $processor['tlsIssuerDeclared'] ?? '' ), (string) ( $processor['name'] ?? '' ), self::entry( 'processor', $processor ) );
		}
		$findings = array();
		foreach ( $declared as $path => $issuer_subject_concerns ) {
			list( $issuer, $subject, $concerns ) = $issuer_subject_concerns;
			$since                               = self::retired_since( $issuer );
			if ( '' === $since ) {
				continue;
			}
			$findings[] = self::finding(
				'issuer-retired',
				'warning',
				(string) $path,
				$subject,
				$concerns,
				sprintf(
					/* translators: 1: who the certificate is for ("this website" or a processor's name), 2: the declared issuer, 3: a date. */
					__( 'The certificate issuer declared for %1$s, “%2$s”, has not issued trusted certificates since %3$s.', 'infosec-policy' ),
					$subject,
					$issuer,
					(string) wp_date( (string) get_option( 'date_format' ), (int) strtotime( $since . ' 12:00:00 UTC' ) )
				),
				__( 'Leave the declared issuer empty, so that the badge shows the issuer the live check finds, or write the issuer the host serves today.', 'infosec-policy' )
			);
		}
		return $findings;
	}

	/**
	 * The day from which a declared issuer is out of date, or '' when it names no retired authority.
	 *
	 * @param string $issuer A declared issuer.
	 */
	public static function retired_since( string $issuer ): string {
		$words = trim( (string) preg_replace( '/[^a-z0-9]+/', ' ', strtolower( $issuer ) ) );
		if ( '' === $words ) {
			return '';
		}
		if ( null === self::$retired ) {
			$file          = Json_File::read( 'data/retired-certificate-authorities.json' );
			self::$retired = array();
			foreach ( self::rows( $file['authorities'] ?? null ) as $row ) {
				self::$retired[] = array(
					'pattern' => (string) ( $row['pattern'] ?? '' ),
					'since'   => (string) ( $row['since'] ?? '' ),
				);
			}
		}
		foreach ( self::$retired as $authority ) {
			if ( '' !== $authority['pattern'] && 1 === preg_match( '/' . str_replace( '/', '\/', $authority['pattern'] ) . '/', $words ) ) {
				return $authority['since'];
			}
		}
		return '';
	}

	/**
	 * Certificates the live checks found failing or expiring, and declared issuers they contradict.
	 *
	 * @param array<int, Certificate> $certificates What the stored checks know of each host.
	 * @return list<Finding>
	 */
	private static function certificates( array $certificates ): array {
		$findings = array();
		foreach ( $certificates as $entry ) {
			$host     = $entry['host'];
			$status   = (string) ( $entry['status'] ?? '' );
			$concerns = array(
				'kind' => 'host',
				'id'   => strtolower( $host ),
			);
			if ( 'expiring' === $status || in_array( $status, Tls_Status::FAILING, true ) ) {
				$findings[] = self::finding(
					'certificate-' . $status,
					'expiring' === $status ? 'warning' : 'error',
					'',
					$host,
					$concerns,
					/* translators: 1: host name, 2: the check's status in words. */
					sprintf( __( 'The certificate of %1$s: %2$s.', 'infosec-policy' ), $host, Tls_Status::text( $status ) ),
					__( 'Renew or replace the certificate, or ask the processor to.', 'infosec-policy' )
				);
			}
			if ( $entry['issuerMismatch'] ) {
				$findings[] = self::finding(
					'issuer-contradicted',
					'warning',
					'',
					$host,
					$concerns,
					/* translators: 1: host name, 2: the declared issuer. */
					sprintf( __( 'The policy declares that %1$s uses a certificate from “%2$s”, but the live check found another issuer.', 'infosec-policy' ), $host, (string) $entry['declaredIssuer'] ),
					__( 'Correct the declared issuer, or leave it empty and let the badge show the live one.', 'infosec-policy' )
				);
			}
			if ( is_array( $entry['https'] ?? null ) ) {
				$findings = array_merge( $findings, self::https( $host, $concerns, $entry['https'] ) );
			}
		}
		return $findings;
	}

	/**
	 * What the live HTTPS check of the site's host found lacking: plain HTTP served, no HSTS,
	 * outdated TLS versions accepted.
	 *
	 * @param string               $host     The site's host.
	 * @param Concerns             $concerns The host, as findings name it.
	 * @param array<string, mixed> $facts    Its stored HTTPS facts (Https_Facts).
	 * @return list<Finding>
	 */
	private static function https( string $host, array $concerns, array $facts ): array {
		if ( 'checked' !== ( $facts['status'] ?? '' ) ) {
			return array();
		}
		$findings = array();
		if ( 'none' === ( $facts['httpRedirect'] ?? '' ) ) {
			$findings[] = self::finding(
				'http-not-redirected',
				'warning',
				'',
				$host,
				$concerns,
				/* translators: %s: host name. */
				sprintf( __( '%s answers plain http:// without sending visitors on to https://.', 'infosec-policy' ), $host ),
				__( 'Have the web server answer every http:// request with a permanent redirect (301 or 308) to the same address with https://.', 'infosec-policy' )
			);
		}
		if ( 'missing' === ( $facts['hsts'] ?? '' ) ) {
			$findings[] = self::finding(
				'hsts-missing',
				'warning',
				'',
				$host,
				$concerns,
				/* translators: %s: host name. */
				sprintf( __( '%s does not send HSTS (the Strict-Transport-Security header), so a browser may still try http:// first.', 'infosec-policy' ), $host ),
				__( 'Have the web server send “Strict-Transport-Security: max-age=31536000” with every answer over https://.', 'infosec-policy' )
			);
		}
		$versions = is_array( $facts['tlsVersions'] ?? null ) ? $facts['tlsVersions'] : array();
		$outdated = array_values( array_filter( Https_Inspector::OUTDATED, static fn( string $version ): bool => 'accepted' === ( $versions[ $version ] ?? '' ) ) );
		if ( array() !== $outdated ) {
			$findings[] = self::finding(
				'tls-outdated',
				'warning',
				'',
				$host,
				$concerns,
				/* translators: 1: host name, 2: TLS versions, e.g. "TLS 1.0 and TLS 1.1". */
				sprintf( __( '%1$s still accepts %2$s, which no browser needs any more (RFC 8996).', 'infosec-policy' ), $host, Https_Facts::versions_text( $outdated ) ),
				__( 'Switch TLS 1.0 and 1.1 off on the web server; every current browser speaks TLS 1.2 or 1.3.', 'infosec-policy' )
			);
		}
		return $findings;
	}

	/**
	 * Out-of-date wording in measure and processor texts.
	 *
	 * @param array<string, mixed> $policy The policy.
	 * @return list<Finding>
	 */
	private static function wording( array $policy ): array {
		$texts = array();
		foreach ( (array) ( $policy['measures'] ?? array() ) as $index => $measure ) {
			$measure                                 = (array) $measure;
			$title                                   = (string) ( $measure['title'] ?? '' );
			$texts[ "measures[$index].title" ]       = array( $title, $title, self::entry( 'measure', $measure ) );
			$texts[ "measures[$index].description" ] = array( (string) ( $measure['description'] ?? '' ), $title, self::entry( 'measure', $measure ) );
		}
		foreach ( (array) ( $policy['processors'] ?? array() ) as $index => $processor ) {
			$processor                                 = (array) $processor;
			$texts[ "processors[$index].description" ] = array( (string) ( $processor['description'] ?? '' ), (string) ( $processor['name'] ?? '' ), self::entry( 'processor', $processor ) );
		}
		$findings = array();
		foreach ( $texts as $path => $text_subject_concerns ) {
			list( $text, $subject, $concerns ) = $text_subject_concerns;
			foreach ( self::facts()['staleWording'] as $stale ) {
				if ( 1 === preg_match( '/' . str_replace( '/', '\/', (string) $stale['pattern'] ) . '/iu', $text, $match ) ) {
					$findings[] = self::finding(
						'stale-wording',
						$stale['severity'],
						(string) $path,
						$subject,
						$concerns,
						/* translators: 1: the outdated words, 2: where they stand. */
						sprintf( __( '“%1$s” in %2$s is out of date.', 'infosec-policy' ), $match[0], $subject ),
						self::instead( $stale['instead'] )
					);
				}
			}
		}
		return $findings;
	}

	/**
	 * What to write instead of outdated wording, by the key data/transfer-rules.json gives it.
	 *
	 * @param string $key `dpf-or-sccs-dated`, `dpf-or-sccs`, `modern-tls` or `live-issuer`.
	 */
	private static function instead( string $key ): string {
		return match ( $key ) {
			'dpf-or-sccs-dated' => __( 'Write instead: EU-US Data Privacy Framework (adequacy decision of 10 July 2023) or standard contractual clauses.', 'infosec-policy' ),
			'dpf-or-sccs'       => __( 'Write instead: EU-US Data Privacy Framework or standard contractual clauses.', 'infosec-policy' ),
			'modern-tls'        => __( 'Write instead: TLS 1.2 or 1.3.', 'infosec-policy' ),
			'live-issuer'       => __( 'Write instead: the issuer the live TLS check reports (Let’s Encrypt’s current intermediates are R10–R14 and E5–E9).', 'infosec-policy' ),
			default             => __( 'Write what is true today.', 'infosec-policy' ),
		};
	}

	/**
	 * The facts from data/transfer-rules.json.
	 *
	 * @return array{ eea: list<string>, adequacy: list<string>, dpf: array{ country: string }, staleWording: list<array{ pattern: string, instead: string, severity: 'error'|'warning' }> }
	 */
	private static function facts(): array {
		if ( null === self::$facts ) {
			$facts    = Json_File::read( 'data/transfer-rules.json' );
			$adequacy = array();
			foreach ( self::rows( $facts['adequacy'] ?? null ) as $row ) {
				$adequacy[] = (string) ( $row['country'] ?? '' );
			}
			$wording = array();
			foreach ( self::rows( $facts['staleWording'] ?? null ) as $row ) {
				$wording[] = array(
					'pattern'  => (string) ( $row['pattern'] ?? '' ),
					'instead'  => (string) ( $row['instead'] ?? '' ),
					'severity' => 'error' === ( $row['severity'] ?? '' ) ? 'error' : 'warning',
				);
			}
			$dpf         = is_array( $facts['dpf'] ?? null ) ? $facts['dpf'] : array();
			self::$facts = array(
				'eea'          => array_values( array_filter( is_array( $facts['eea'] ?? null ) ? $facts['eea'] : array(), 'is_string' ) ),
				'adequacy'     => $adequacy,
				'dpf'          => array( 'country' => (string) ( $dpf['country'] ?? '' ) ),
				'staleWording' => $wording,
			);
		}
		return self::$facts;
	}

	/**
	 * The objects of a decoded JSON list; anything else in it is skipped.
	 *
	 * @param mixed $list A decoded JSON value.
	 * @return list<array<string, mixed>>
	 */
	private static function rows( mixed $list ): array {
		return array_values( array_filter( is_array( $list ) ? $list : array(), 'is_array' ) );
	}

	/**
	 * One finding.
	 *
	 * @param string            $rule     Rule id.
	 * @param 'error'|'warning' $severity Severity.
	 * @param string            $path     JSON path of the field, or ''.
	 * @param string            $subject  The entry it concerns, by name.
	 * @param Concerns          $concerns The entry it concerns, by kind and id.
	 * @param string            $message  What is wrong.
	 * @param string            $action   What to do.
	 * @return Finding
	 */
	private static function finding( string $rule, string $severity, string $path, string $subject, array $concerns, string $message, string $action ): array {
		return array(
			'key'      => '', // Set by with_keys(), once all findings are known.
			'rule'     => $rule,
			'severity' => $severity,
			'path'     => $path,
			'subject'  => $subject,
			'concerns' => $concerns,
			'message'  => $message,
			'action'   => $action,
		);
	}

	/**
	 * What a finding about a processor or a measure concerns.
	 *
	 * @param 'processor'|'measure' $kind  The kind of entry.
	 * @param array<string, mixed>  $entry The entry.
	 * @return Concerns
	 */
	private static function entry( string $kind, array $entry ): array {
		return array(
			'kind' => $kind,
			'id'   => (string) ( $entry['id'] ?? '' ),
		);
	}
}

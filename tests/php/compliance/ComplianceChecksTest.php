<?php
/**
 * The compliance rules, with the reference page's policy and with clean data.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

namespace InfosecPolicy\Tests;

use InfosecPolicy\Admin\Site_Health;
use InfosecPolicy\Compliance\Compliance_Checks;
use InfosecPolicy\Policy\Policy_Store;
use InfosecPolicy\Policy\Policy_Validator;
use InfosecPolicy\Tls\Tls_Results;

/**
 * Each rule finds what it names, at the field it names, and a clean policy passes.
 */
final class ComplianceChecksTest extends TestCase {

	private const NOW = 1795132800; // 2026-11-20.

	/**
	 * A policy that breaks no rule.
	 *
	 * @return array<string, mixed>
	 */
	private function clean_policy(): array {
		$policy                               = $this->demo_policy();
		$policy['organization']['reviewedAt'] = '2026-06-01';
		// Typed in the language the (English) test site offers: no text lacks a translation.
		$policy['organization']['language']       = 'en';
		$policy['site']['tlsIssuerDeclared']      = '';
		$policy['processors'][1]                  = array_merge(
			$policy['processors'][1],
			array(
				'transferBasis' => 'dpf',
				'dpfListingUrl' => 'https://www.dataprivacyframework.gov/participant/5365',
			)
		);
		$policy['processors'][2]['transferBasis'] = 'scc';
		// Issuers that still issue, so that no declared one is retired.
		$policy['processors'][1]['tlsIssuerDeclared'] = 'Sectigo RSA Domain Validation Secure Server CA';
		$policy['processors'][2]['tlsIssuerDeclared'] = 'Google Trust Services (WR2)';
		foreach ( $policy['measures'] as $index => $measure ) {
			$policy['measures'][ $index ]['description'] = str_replace( 'Let’s Encrypt Authority X3', 'Let’s Encrypt', $measure['description'] );
		}
		$this->assertSame( array(), Policy_Validator::validate( $policy ) );
		return $policy;
	}

	/**
	 * Findings as rule => paths.
	 *
	 * @param array<string, mixed> $policy A policy.
	 * @return array<string, list<string>>
	 */
	private function rules( array $policy ): array {
		$rules = array();
		foreach ( Compliance_Checks::run( $policy, array(), self::NOW ) as $finding ) {
			$rules[ $finding['rule'] ][] = $finding['path'];
		}
		return $rules;
	}

	public function test_the_reference_page_cites_privacy_shield_twice_and_has_no_review_date(): void {
		$rules = $this->rules( $this->demo_policy() );
		$this->assertSame( array( 'processors[1].transferBasis', 'processors[2].transferBasis' ), $rules['privacy-shield'] ?? array() );
		$this->assertSame( array( 'organization.reviewedAt' ), $rules['review-due'] ?? array() );
		$this->assertSame( array( 'measures[3].description' ), $rules['stale-wording'] ?? array(), 'the retired X3 intermediate' );
	}

	public function test_the_reference_page_declares_three_retired_issuers(): void {
		$rules = $this->rules( $this->demo_policy() );
		$this->assertSame( array( 'site.tlsIssuerDeclared', 'processors[1].tlsIssuerDeclared', 'processors[2].tlsIssuerDeclared' ), $rules['issuer-retired'] ?? array() );
		$finding = array_values( array_filter( Compliance_Checks::run( $this->demo_policy(), array(), self::NOW ), static fn( array $f ): bool => 'processors[1].tlsIssuerDeclared' === $f['path'] ) )[0];
		$this->assertStringContainsString( '“Symantec Class 3 G4”', $finding['message'] );
		$this->assertStringContainsString( (string) wp_date( (string) get_option( 'date_format' ), (int) strtotime( '2018-10-16 12:00:00 UTC' ) ), $finding['message'] );
		$this->assertStringContainsString( 'Leave the declared issuer empty', $finding['action'] );
	}

	/**
	 * Declared issuers and whether each is retired.
	 *
	 * @return array<string, array{ 0: string, 1: bool }>
	 */
	public static function declared_issuers(): array {
		return array(
			'Let’s Encrypt X3'        => array( 'Let’s Encrypt Authority X3', true ),
			'Let\'s Encrypt X1 typed' => array( "Let's Encrypt Authority X1", true ),
			'Let’s Encrypt R3'        => array( 'Let’s Encrypt (R3)', true ),
			'DST Root CA X3'          => array( 'DST Root CA X3', true ),
			'Symantec'                => array( 'Symantec Class 3 Secure Server CA - G4', true ),
			'VeriSign'                => array( 'VeriSign Class 3 Public Primary Certification Authority - G5', true ),
			'GIAG2'                   => array( 'Google Internet Authority G2', true ),
			'GIAG3'                   => array( 'Google Internet Authority G3', true ),
			'Entrust'                 => array( 'Entrust Certification Authority - L1K', true ),
			'Let’s Encrypt R11'       => array( 'Let’s Encrypt (R11)', false ),
			'Let’s Encrypt alone'     => array( 'Let’s Encrypt', false ),
			'GTS'                     => array( 'Google Trust Services (WR2)', false ),
			'DigiCert’s GeoTrust TLS' => array( 'GeoTrust TLS RSA CA G1', false ),
			'DigiCert’s RapidSSL TLS' => array( 'RapidSSL TLS RSA CA G1', false ),
			'Sectigo'                 => array( 'Sectigo RSA Domain Validation Secure Server CA', false ),
			'empty'                   => array( '', false ),
		);
	}

	/**
	 * Retired authorities are known by their words, however typed; current ones are not taken for them.
	 *
	 * @param string $issuer  A declared issuer.
	 * @param bool   $retired Whether it is retired.
	 */
	#[\PHPUnit\Framework\Attributes\DataProvider( 'declared_issuers' )]
	public function test_knows_retired_certificate_authorities( string $issuer, bool $retired ): void {
		$since = Compliance_Checks::retired_since( $issuer );
		if ( $retired ) {
			$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}$/', $since );
		} else {
			$this->assertSame( '', $since );
		}
	}

	public function test_every_retired_authority_has_a_date_and_a_source(): void {
		$file = json_decode( (string) file_get_contents( \InfosecPolicy\PLUGIN_DIR . '/data/retired-certificate-authorities.json' ), true );
		$this->assertNotEmpty( $file['authorities'] );
		foreach ( $file['authorities'] as $authority ) {
			$this->assertMatchesRegularExpression( '/^\d{4}-\d{2}-\d{2}$/', $authority['since'], $authority['name'] );
			$this->assertStringStartsWith( 'https://', $authority['source'], $authority['name'] );
			$this->assertNotFalse( @preg_match( '/' . $authority['pattern'] . '/', '' ), $authority['name'] ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the check is whether it compiles.
		}
	}

	public function test_privacy_shield_findings_say_why_and_what_to_do(): void {
		$finding = Compliance_Checks::run( $this->demo_policy(), array(), self::NOW )[0];
		$this->assertSame( 'error', $finding['severity'] );
		$this->assertSame( 'Mailchimp', $finding['subject'] );
		$this->assertStringContainsString( 'Schrems II', $finding['message'] );
		$this->assertStringContainsString( 'Data Privacy Framework', $finding['action'] );
	}

	public function test_a_clean_policy_has_no_findings(): void {
		$this->assertSame( array(), Compliance_Checks::run( $this->clean_policy(), array(), self::NOW ) );
	}

	public function test_eea_basis_with_data_outside_the_eea_is_a_contradiction(): void {
		$policy                                   = $this->clean_policy();
		$policy['processors'][0]['dataLocations'] = array( 'NL', 'US' );
		$this->assertSame( array( 'eea-outside' => array( 'processors[0].transferBasis' ) ), $this->rules( $policy ) );
	}

	public function test_dpf_only_fits_organisations_in_the_united_states(): void {
		$policy                             = $this->clean_policy();
		$policy['processors'][1]['country'] = 'IN';
		$this->assertSame( array( 'dpf-not-us' => array( 'processors[1].transferBasis' ) ), $this->rules( $policy ) );
	}

	public function test_dpf_asks_for_the_listing_link(): void {
		$policy                                   = $this->clean_policy();
		$policy['processors'][1]['dpfListingUrl'] = '';
		$this->assertSame( array( 'dpf-listing' => array( 'processors[1].dpfListingUrl' ) ), $this->rules( $policy ) );
	}

	public function test_adequacy_only_fits_countries_with_a_decision(): void {
		$policy                                   = $this->clean_policy();
		$policy['processors'][2]['transferBasis'] = 'adequacy';
		$policy['processors'][2]['country']       = 'JP';
		$policy['processors'][2]['dataLocations'] = array( 'JP' );
		$this->assertSame( array(), $this->rules( $policy ), 'Japan has an adequacy decision' );
		$policy['processors'][2]['dataLocations'] = array( 'JP', 'IN' );
		$this->assertSame( array( 'adequacy-missing' => array( 'processors[2].transferBasis' ) ), $this->rules( $policy ) );
	}

	public function test_a_processor_without_a_signed_agreement_is_named(): void {
		$policy                               = $this->clean_policy();
		$policy['processors'][0]['dpaSigned'] = false;
		$this->assertSame( array( 'dpa-missing' => array( 'processors[0].dpaSigned' ) ), $this->rules( $policy ) );
	}

	public function test_a_processor_announced_with_less_than_the_notice_period_is_named(): void {
		$policy                                   = $this->clean_policy();
		$policy['processors'][1]['effectiveFrom'] = '2026-11-30';
		$run                                      = static fn( array $policy, array $announced ): array => Compliance_Checks::run( $policy, array(), self::NOW, $announced );
		// Told on 20 November, starting ten days later: twenty days short of the default thirty.
		$findings = $run( $policy, array( 'mailchimp' => self::NOW ) );
		$this->assertSame( array( 'notice-period' ), array_column( $findings, 'rule' ) );
		$this->assertSame( 'processors[1].effectiveFrom', $findings[0]['path'] );
		$this->assertSame(
			array(
				'kind' => 'processor',
				'id'   => 'mailchimp',
			),
			$findings[0]['concerns']
		);
		$this->assertSame( 'Mailchimp was announced on November 20, 2026, 10 days before it starts on November 30, 2026. The notice period is 30 days.', $findings[0]['message'] );
		$this->assertStringContainsString( 'Move its start date to December 20, 2026 or later', $findings[0]['action'] );

		$this->assertSame( array(), $run( $policy, array( 'mailchimp' => self::NOW - 20 * DAY_IN_SECONDS ) ), 'told thirty days before' );
		$this->assertSame( array(), $run( $policy, array() ), 'never told to the public: not judged' );
		$policy['organization']['noticePeriodDays'] = 10;
		$this->assertSame( array(), $run( $policy, array( 'mailchimp' => self::NOW ) ), 'within a shorter notice period' );
		$policy['organization']['noticePeriodDays'] = 11;
		$this->assertSame( array( 'notice-period' ), array_column( $run( $policy, array( 'mailchimp' => self::NOW ) ), 'rule' ) );
		$policy['processors'][1]['effectiveFrom'] = '2026-11-20';
		$this->assertSame( array(), $run( $policy, array( 'mailchimp' => self::NOW ) ), 'started: nothing left to object to' );
	}

	/**
	 * The paths of the notice-period findings of the stored policy, as the settings page gets them.
	 *
	 * @phpstan-impure
	 * @return list<string>
	 */
	private function late(): array {
		$findings = $this->rest( 'GET', '/policy/findings' )->get_data()['findings'];
		return array_values( array_column( array_filter( $findings, static fn( array $finding ): bool => 'notice-period' === $finding['rule'] ), 'path' ) );
	}

	public function test_the_notice_period_is_counted_from_the_public_announcement_in_the_log(): void {
		$admin = $this->create_user( 'administrator' );
		wp_set_current_user( $admin );
		$policy = $this->clean_policy();
		// The first publication, through the REST API, in the log as such.
		$this->assertSame(
			200,
			$this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $policy,
					'revision' => 0,
				)
			)->get_status()
		);
		$policy['processors'][1]['effectiveFrom'] = (string) wp_date( 'Y-m-d', time() + 40 * DAY_IN_SECONDS );
		$policy['processors'][2]['effectiveFrom'] = (string) wp_date( 'Y-m-d', time() + 5 * DAY_IN_SECONDS );
		$this->assertSame(
			200,
			$this->rest(
				'PUT',
				'/policy',
				array(
					'policy'   => $policy,
					'revision' => Policy_Store::get()['revision'],
				)
			)->get_status()
		);
		$this->assertSame( array( 'processors[2].effectiveFrom' ), $this->late() );

		// Told twenty days ago of a start five days from now: 25 days. Moving the start to fifteen
		// days from now gives customers 35 days from when they were told, which is enough; counted
		// from the move, it would be 15.
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . \InfosecPolicy\Changes\Change_Log_Table::name() . ' SET created_at = %s', gmdate( 'Y-m-d H:i:s', time() - 20 * DAY_IN_SECONDS ) ) ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- the plugin's own table name, no input.
		$this->assertSame( array( 'processors[2].effectiveFrom' ), $this->late() );
		$policy['processors'][2]['effectiveFrom'] = (string) wp_date( 'Y-m-d', time() + 15 * DAY_IN_SECONDS );
		$put                                      = fn( array $document, bool $internal = false ): int => $this->rest(
			'PUT',
			'/policy',
			array(
				'policy'         => $document,
				'revision'       => Policy_Store::get()['revision'],
				'changeInternal' => $internal,
			)
		)->get_status();
		$this->assertSame( 200, $put( $policy ) );
		$this->assertSame( array(), $this->late() );

		// Added in an internal change: told to no one, so not judged by when.
		$policy['processors'][] = array_merge(
			$policy['processors'][0],
			array(
				'id'            => 'quiet',
				'name'          => 'Quiet',
				'effectiveFrom' => (string) wp_date( 'Y-m-d', time() + 2 * DAY_IN_SECONDS ),
			)
		);
		$this->assertSame( 200, $put( $policy, true ) );
		$this->assertSame( array(), $this->late() );
	}

	public function test_a_review_older_than_twelve_months_is_due(): void {
		$policy                               = $this->clean_policy();
		$policy['organization']['reviewedAt'] = '2025-11-19';
		$this->assertSame( array( 'review-due' => array( 'organization.reviewedAt' ) ), $this->rules( $policy ) );
		$policy['organization']['reviewedAt'] = '2025-11-21';
		$this->assertSame( array(), $this->rules( $policy ) );
	}

	public function test_stale_wording_gets_a_suggestion(): void {
		$policy                               = $this->clean_policy();
		$policy['measures'][0]['description'] = 'We only allow TLS 1.0 and the Privacy Shield.';
		$findings                             = Compliance_Checks::run( $policy, array(), self::NOW );
		$this->assertSame( array( 'stale-wording', 'stale-wording' ), array_column( $findings, 'rule' ) );
		$this->assertStringContainsString( 'TLS 1.2 or 1.3', $findings[0]['action'] . $findings[1]['action'] );
	}

	public function test_a_text_that_names_an_invalid_transfer_basis_is_an_error_in_site_health_too(): void {
		$policy                               = $this->clean_policy();
		$policy['measures'][4]['description'] = 'Gegevens kunnen naar de VS gaan, omdat Mailchimp deel uitmaakt van het EU-US Privacy Shield.';
		$findings                             = Compliance_Checks::run( $policy, array(), self::NOW );
		$this->assertSame( array( 'error' ), array_column( $findings, 'severity' ) );
		$this->assertSame( 'measures[4].description', $findings[0]['path'] );
		$policy['measures'][4]['description'] = 'We allow only TLS 1.2 and 1.3; TLS 1.0 is switched off.';
		$this->assertSame( array( 'warning' ), array_column( Compliance_Checks::run( $policy, array(), self::NOW ), 'severity' ), 'dated wording is to check, not wrong' );

		$policy['measures'][4]['description'] = 'Mailchimp is part of the EU-US Privacy Shield.';
		Policy_Store::save( $policy, 0 );
		$this->assertSame( 'critical', Site_Health::compliance()['status'] );
	}

	public function test_stale_wording_is_found_in_dutch_texts_too(): void {
		$policy                               = $this->clean_policy();
		$policy['measures'][0]['description'] = 'Doorgifte op basis van het EU-VS-privacyschild.';
		$findings                             = Compliance_Checks::run( $policy, array(), self::NOW );
		$this->assertSame( array( 'stale-wording' ), array_column( $findings, 'rule' ) );
		$this->assertStringContainsString( 'standard contractual clauses', $findings[0]['action'] );
	}

	public function test_certificates_the_live_check_finds_failing_or_contradicting_are_reported(): void {
		Policy_Store::save( $this->clean_policy(), 0 );
		$policy = Policy_Store::policy();
		update_option(
			Tls_Results::OPTION,
			array(
				'regioingenieur.nl' => array( 'status' => 'expired' ),
				'mailchimp.com'     => array(
					'status'             => 'valid',
					'validTo'            => time() + 90 * DAY_IN_SECONDS,
					'issuerOrganization' => 'DigiCert Inc',
					'issuerCommonName'   => 'DigiCert Global G2',
				),
			)
		);
		$rules = array_column( Compliance_Checks::run( $policy, Tls_Results::report(), self::NOW ), 'subject', 'rule' );
		$this->assertSame( 'regioingenieur.nl', $rules['certificate-expired'] ?? null );
		$this->assertSame( 'mailchimp.com', $rules['issuer-contradicted'] ?? null );
	}

	public function test_the_rules_judge_the_certificates_they_are_given_not_the_stored_checks(): void {
		Policy_Store::save( $this->clean_policy(), 0 );
		update_option( Tls_Results::OPTION, array( 'regioingenieur.nl' => array( 'status' => 'expired' ) ) );
		$this->assertSame( array(), Compliance_Checks::run( Policy_Store::policy(), array(), self::NOW ) );
		$given = array(
			array(
				'host'           => 'regioingenieur.nl',
				'status'         => 'untrusted',
				'declaredIssuer' => '',
				'issuerMismatch' => false,
			),
		);
		$this->assertSame( array( 'certificate-untrusted' ), array_column( Compliance_Checks::run( Policy_Store::policy(), $given, self::NOW ), 'rule' ) );
	}

	public function test_each_finding_says_what_it_concerns_and_has_a_key_of_its_own(): void {
		$policy                               = $this->demo_policy();
		$policy['measures'][3]['description'] = 'Privacy Shield, TLS 1.0 and SSL 3.0.';
		$certificate                          = array(
			'host'           => 'MailChimp.com',
			'status'         => 'expiring',
			'declaredIssuer' => 'Someone else',
			'issuerMismatch' => true,
		);
		$findings                             = Compliance_Checks::run( $policy, array( $certificate ), self::NOW );
		$concerns                             = array();
		foreach ( $findings as $finding ) {
			$concerns[ $finding['rule'] ][] = $finding['concerns']['kind'] . ':' . $finding['concerns']['id'];
		}
		$this->assertSame( array( 'processor:mailchimp', 'processor:google-analytics' ), $concerns['privacy-shield'] );
		$this->assertSame( array( 'organization:' ), $concerns['review-due'] );
		$this->assertSame( array( 'host:mailchimp.com' ), $concerns['certificate-expiring'] );
		$this->assertSame( array( 'host:mailchimp.com' ), $concerns['issuer-contradicted'] );
		$this->assertSame( array_fill( 0, 3, 'measure:' . $policy['measures'][3]['id'] ), $concerns['stale-wording'] );
		$keys = array_column( $findings, 'key' );
		$this->assertSame( $keys, array_values( array_unique( $keys ) ), 'two findings share a key' );
		$this->assertCount( 3, (array) preg_grep( '/^stale-wording:measure:/', $keys ), 'three outdated phrases in one text, three keys' );
	}

	public function test_texts_without_a_translation_into_a_language_the_site_offers_are_one_finding_per_language(): void {
		$policy = $this->clean_policy();
		$this->assertSame( array(), array_column( Compliance_Checks::run( $policy, array(), self::NOW, array(), array(), array( 'en' ) ), 'rule' ), 'the texts are in the site’s language' );

		$policy['organization']['language'] = 'nl';
		$policy['translations']             = array(
			'de' => array(
				'measures' => array(
					array(
						'id'          => 'werkproces',
						'title'       => 'Arbeitsprozess',
						'description' => 'Wie wir arbeiten.',
					),
				),
			),
		);
		$findings                           = Compliance_Checks::run( $policy, array(), self::NOW, array(), array(), array( 'en', 'nl' ) );
		$this->assertSame( array( 'translation-missing', 'translation-missing' ), array_column( $findings, 'rule' ) );
		$this->assertSame( array( 'translations.en', 'translations.de' ), array_column( $findings, 'path' ) );
		$this->assertSame( '20 texts have no English translation, in Werkproces, Rapportage, Ontwikkeling, Internetconnecties, Dataopslag and 5 more.', $findings[0]['message'] );
		$this->assertSame( '18 texts have no German translation, in Rapportage, Ontwikkeling, Internetconnecties, Dataopslag, Streng wachtwoordbeleid and 4 more.', $findings[1]['message'] );
		$this->assertSame( 'warning', $findings[0]['severity'] );
	}

	public function test_site_health_is_critical_for_errors_and_good_when_clean(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertSame( 'critical', Site_Health::compliance()['status'] );
		Policy_Store::save( $this->clean_policy(), 1 );
		$clean = Site_Health::compliance();
		$this->assertSame( 'good', $clean['status'], $clean['description'] );
	}

	public function test_the_findings_route_is_for_administrators_and_reports_the_stored_policy(): void {
		Policy_Store::save( $this->demo_policy(), 0 );
		$this->assertSame( 401, $this->rest( 'GET', '/policy/findings' )->get_status() );
		wp_set_current_user( $this->create_user( 'administrator' ) );
		$findings = $this->rest( 'GET', '/policy/findings' )->get_data()['findings'];
		$this->assertContains( 'privacy-shield', array_column( $findings, 'rule' ) );
	}
}

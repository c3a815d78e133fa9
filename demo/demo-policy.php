<?php
/**
 * The demo policy for set-up, benchmarks and tests; never loaded by the plugin itself.
 *
 * @package InfosecPolicy
 */

declare(strict_types=1);

/**
 * The reference page's policy (regioingenieur.policy.json), optionally with its processors replaced
 * by this many copies of Mailchimp's entry, each with its own id and name, for tests of scale.
 *
 * @param int|null $processors How many processors; null for the reference page's three.
 * @return array<string, mixed>
 * @throws RuntimeException When the demo file is not valid JSON.
 */
function infosec_policy_demo_policy( ?int $processors = null ): array {
	$policy = json_decode( (string) file_get_contents( __DIR__ . '/regioingenieur.policy.json' ), true );
	if ( ! is_array( $policy ) ) {
		throw new RuntimeException( 'demo/regioingenieur.policy.json is not valid JSON' );
	}
	if ( null !== $processors ) {
		$template             = $policy['processors'][1];
		$policy['processors'] = array();
		for ( $i = 0; $i < $processors; $i++ ) {
			$policy['processors'][] = array_merge(
				$template,
				array(
					'id'   => "processor-$i",
					'name' => "Processor $i",
				)
			);
		}
	}
	return $policy;
}

/**
 * ESLint: WordPress's recommended rules (with TypeScript) through @wordpress/eslint-plugin.
 */
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	{
		// .wp/ holds WordPress instances that link back to this folder; never crawl them.
		ignores: [
			'.wp/**',
			'.cache/**',
			'build/**',
			'node_modules/**',
			'vendor/**',
			'test-results/**',
			'playwright-report/**',
			'artifacts/**',
			'src/policy/policy.generated.ts',
		],
	},
	...wpPlugin.configs.recommended,
	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/js/**/*.{js,jsx,ts,tsx}' ],
	} ) ),
	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'tests/e2e/**/*.{js,ts}' ],
	} ) ),
	{
		settings: {
			'import/resolver': {
				node: { extensions: [ '.js', '.jsx', '.ts', '.tsx' ] },
				typescript: true,
			},
		},
	},
];

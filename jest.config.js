/**
 * Jest runs through `wp-scripts test-unit-js` with WordPress's preset; the roots keep it out of the
 * WordPress instances under .wp/ and the caches.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

module.exports = {
	...defaultConfig,
	roots: [ '<rootDir>/blocks', '<rootDir>/src', '<rootDir>/tests/js' ],
	// Some of @wordpress/components' dependencies ship only ES modules (.mjs); Babel compiles them.
	transform: {
		'\\.m?[jt]sx?$':
			Object.values( defaultConfig.transform ?? {} )[ 0 ] ??
			require.resolve( 'babel-jest' ),
	},
	transformIgnorePatterns: [
		'/node_modules/(?!(uuid|marked|parsel-js|@wordpress)/)',
	],
	testMatch: [ '<rootDir>/tests/js/**/*.test.[jt]s?(x)' ],
	setupFilesAfterEnv: [
		...( defaultConfig.setupFilesAfterEnv ?? [] ),
		'@testing-library/jest-dom',
		'<rootDir>/tests/js/setup-jsdom.ts',
	],
};

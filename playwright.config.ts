/**
 * External dependencies
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the WordPress instance that `npm run test:e2e`
 * starts for the run (WP_BASE_URL). Playwright cannot download a browser here, and needs none.
 */
const baseURL = process.env.WP_BASE_URL ?? 'http://localhost:8889';
process.env.WP_BASE_URL = baseURL;
process.env.STORAGE_STATE_PATH ??= `${ __dirname }/artifacts/storage-states/admin.json`;

/**
 * The WordPress the tests run on, as major.minor: the visual baselines are kept per version, since
 * each brings its own default themes and block styles.
 */
function wordpressVersion(): string {
	try {
		const source = readFileSync(
			`${ process.env.INFOSEC_SITE_DIR }/wordpress/wp-includes/version.php`,
			'utf8'
		);
		return /\$wp_version = '(\d+\.\d+)/.exec( source )?.[ 1 ] ?? 'unknown';
	} catch {
		return 'unknown';
	}
}

export default defineConfig( {
	testDir: './tests/e2e',
	snapshotPathTemplate: `{testDir}/__screenshots__/wordpress-${ wordpressVersion() }/{arg}{ext}`,
	globalSetup: require.resolve( './tests/e2e/global-setup.ts' ),
	outputDir: './artifacts/test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: true,
	timeout: 60_000,
	expect: {
		timeout: 10_000,
		// A moved block shifts thousands of pixels; anti-aliasing noise, a few dozen.
		toHaveScreenshot: { maxDiffPixelRatio: 0.001 },
	},
	reporter: 'list',
	use: {
		baseURL,
		storageState: process.env.STORAGE_STATE_PATH,
		headless: true,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
} );

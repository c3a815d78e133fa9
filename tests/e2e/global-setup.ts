/**
 * External dependencies
 */
import { request, type FullConfig } from '@playwright/test';

/**
 * WordPress dependencies
 */
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Logs the admin in once and saves the session for every test.
 *
 * @param config Playwright's resolved configuration.
 */
async function globalSetup( config: FullConfig ) {
	const { baseURL, storageState } = config.projects[ 0 ]!.use;
	const requestContext = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( requestContext, {
		storageStatePath: storageState as string,
	} );
	await requestUtils.setupRest();
	await requestContext.dispose();
}

export default globalSetup;

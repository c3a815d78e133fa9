/**
 * wp-scripts' configuration, plus the settings page app as an entry of its own. Blocks are found by
 * their block.json under blocks/ (--webpack-src-dir); everything lands in build/.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: async () => ( {
		...( await defaultConfig.entry() ),
		'admin/index': path.resolve( __dirname, 'src/admin/index.tsx' ),
	} ),
};

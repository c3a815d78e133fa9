/**
 * WordPress dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { App } from './app';
import './style.scss';

const root = document.getElementById( 'infosec-policy-admin' );
if ( root ) {
	createRoot( root ).render( <App /> );
}

/**
 * WordPress dependencies
 */
import { createReduxStore, register } from '@wordpress/data';

/**
 * Internal dependencies
 */
import * as actions from './actions';
import { reducer, type State } from './reducer';
import * as selectors from './selectors';

export const STORE_NAME = 'infosec-policy/editor';

/** The settings page's state: the draft policy, its revision, and the server's verdicts. */
export const store = createReduxStore<
	State,
	typeof actions,
	typeof selectors
>( STORE_NAME, { reducer, actions, selectors } );

register( store );

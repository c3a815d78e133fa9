/**
 * WordPress dependencies
 */
import { CheckboxControl, FormTokenField } from '@wordpress/components';
import { useDispatch } from '@wordpress/data';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Site } from '../policy/types';
import { store } from '../store';
import { CountryList } from './country-controls';
import { FieldError, PolicyTextField, tokenFieldMessages } from './fields';

/**
 * Ports as the admin typed them, or null when one is not a port number.
 *
 * @param tokens What the token field holds.
 */
export function parsePorts( tokens: string[] ): number[] | null {
	const ports = tokens.map( ( token ) => Number( token.trim() ) );
	return ports.every(
		( port ) => Number.isInteger( port ) && port >= 1 && port <= 65535
	)
		? ports
		: null;
}

/**
 * The site's own facts: its host, declared certificate issuer, open ports and data locations, and
 * whether it serves security.txt.
 *
 * @param props      Props.
 * @param props.site The site facts.
 */
export function SiteSection( { site }: { site: Site } ) {
	const { editSite } = useDispatch( store );
	const [ portError, setPortError ] = useState( false );
	return (
		<div className="infosec-policy-section__fields">
			<PolicyTextField
				path="site.host"
				type="host"
				label={ __( 'Host name', 'infosec-policy' ) }
				value={ site.host ?? '' }
				onChange={ ( host ) => editSite( { host } ) }
				help={ __(
					'The host name this site is served from, such as example.com.',
					'infosec-policy'
				) }
			/>
			<PolicyTextField
				path="site.tlsIssuerDeclared"
				label={ __( 'Declared certificate issuer', 'infosec-policy' ) }
				value={ site.tlsIssuerDeclared ?? '' }
				onChange={ ( tlsIssuerDeclared ) =>
					editSite( { tlsIssuerDeclared } )
				}
			/>
			<div data-field-path="site.firewallPorts">
				<FormTokenField
					messages={ tokenFieldMessages() }
					help={ __(
						'Separate with commas or the Enter key.',
						'infosec-policy'
					) }
					label={ __( 'Open firewall ports', 'infosec-policy' ) }
					value={ ( site.firewallPorts ?? [] ).map( String ) }
					onChange={ ( tokens ) => {
						const ports = parsePorts(
							tokens.map( ( token ) =>
								typeof token === 'string' ? token : token.value
							)
						);
						setPortError( ports === null );
						if ( ports ) {
							editSite( {
								firewallPorts: [ ...new Set( ports ) ],
							} );
						}
					} }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
				/>
				{ portError && (
					<p className="infosec-policy-field__error" role="alert">
						{ __(
							'A port is a whole number from 1 to 65535.',
							'infosec-policy'
						) }
					</p>
				) }
				<FieldError path="site.firewallPorts" />
			</div>
			<div data-field-path="site.publishFirewallPorts">
				<CheckboxControl
					label={ __(
						'Show the open ports on the statement',
						'infosec-policy'
					) }
					help={ __(
						'In the website facts block and the public register. Off, the ports stay in this page and the admin’s change log.',
						'infosec-policy'
					) }
					checked={ site.publishFirewallPorts ?? false }
					onChange={ ( publishFirewallPorts ) =>
						editSite( { publishFirewallPorts } )
					}
					__nextHasNoMarginBottom
				/>
				<FieldError path="site.publishFirewallPorts" />
			</div>
			<CountryList
				path="site.dataLocations"
				label={ __( 'Where the site stores data', 'infosec-policy' ) }
				value={ site.dataLocations ?? [] }
				onChange={ ( dataLocations ) => editSite( { dataLocations } ) }
			/>
			<div data-field-path="site.securityTxt">
				<CheckboxControl
					label={ __( 'Publish security.txt', 'infosec-policy' ) }
					help={ sprintf(
						/* translators: %s: the file's address. */
						__(
							'Serves %s (RFC 9116): where to report a security problem, from the organisation’s e-mail address, with a link to the statement page. A real file of that name takes precedence.',
							'infosec-policy'
						),
						`${ window.location.origin }/.well-known/security.txt`
					) }
					checked={ site.securityTxt ?? false }
					onChange={ ( securityTxt ) => editSite( { securityTxt } ) }
					__nextHasNoMarginBottom
				/>
				<FieldError path="site.securityTxt" />
			</div>
		</div>
	);
}

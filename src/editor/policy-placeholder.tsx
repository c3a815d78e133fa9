/**
 * WordPress dependencies
 */
import { ExternalLink, Placeholder } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { editorData } from './editor-data';

interface Props {
	label: string;
	instructions: string;
}

/**
 * Shown in the editor when the policy has nothing for this block yet, with a link to the settings
 * page for those who may open it.
 *
 * @param props              Props.
 * @param props.label        The block's name.
 * @param props.instructions What to add, and where.
 */
export function PolicyPlaceholder( { label, instructions }: Props ) {
	const { settingsUrl } = editorData();
	return (
		<Placeholder
			icon="shield"
			label={ label }
			instructions={ instructions }
		>
			{ settingsUrl ? (
				<ExternalLink href={ settingsUrl }>
					{ __(
						'Open Settings → Information security',
						'infosec-policy'
					) }
				</ExternalLink>
			) : (
				<p>
					{ __(
						'Ask an administrator to fill in the policy.',
						'infosec-policy'
					) }
				</p>
			) }
		</Placeholder>
	);
}

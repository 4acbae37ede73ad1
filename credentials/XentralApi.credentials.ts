import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { bearerTokenAuth, tokenField } from '../nodes/shared/tokenAuth';

/** Where a Xentral admin issues a personal access token, in the words of Xentral's own menu. */
export const XENTRAL_TOKEN_HINT =
	'Issue a new one in Xentral under Account settings → Developer Settings → Personal Access Tokens (admin rights needed; from release 26.47 a token expires after at most 180 days) and paste it into the Xentral credential.';

/**
 * The zone in which Xentral states times that carry no offset: Xentral is a German ERP, and the
 * offsets its documents show (+01:00 in winter, +02:00 in summer) are those of Europe/Berlin.
 */
export const XENTRAL_DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** An instance ID as in https://{id}.xentral.biz. */
export const XENTRAL_INSTANCE_ID = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The API base of an instance: `https://{id}.xentral.biz` for an instance ID, else the URL as given
 * without a trailing slash. Https is required; plain http only for localhost and 127.0.0.1 (a
 * local test server). Undefined for anything else.
 */
export function xentralBaseUrl(instance: unknown): string | undefined {
	const text = typeof instance === 'string' ? instance.trim() : '';
	if (XENTRAL_INSTANCE_ID.test(text)) return `https://${text.toLowerCase()}.xentral.biz`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return undefined;
	}
	const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
	if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return undefined;
	if (url.username || url.password || url.search || url.hash) return undefined;
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

const baseUrlExpression =
	"={{ /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test($credentials.instance.trim()) ? 'https://' + $credentials.instance.trim().toLowerCase() + '.xentral.biz' : $credentials.instance.trim().replace(/\\/+$/, '') }}";

/** Xentral ERP: a personal access token, sent as a Bearer token to the instance's API. */
export class XentralApi implements ICredentialType {
	name = 'xentralApi';

	displayName = 'Xentral API';

	documentationUrl = 'https://developer.xentral.com/reference/authentication';

	icon: Icon = {
		light: 'file:../nodes/Xentral/xentral.svg',
		dark: 'file:../nodes/Xentral/xentral.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Instance',
			name: 'instance',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'mycompany or https://erp.mycompany.com',
			description:
				'Your Xentral instance: its ID as in https://&lt;ID&gt;.xentral.biz, or the full https URL of a custom domain',
		},
		tokenField(
			'Personal Access Token',
			'Created in Xentral under Account settings → Developer Settings → Personal Access Tokens',
		),
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: XENTRAL_DEFAULT_TIME_ZONE,
			placeholder: XENTRAL_DEFAULT_TIME_ZONE,
			description:
				"The IANA time zone in which this instance states times without an offset, such as a customer's creation time. Xentral runs in Germany: keep Europe/Berlin unless your instance is set up for another zone.",
		},
	];

	authenticate: IAuthenticateGeneric = bearerTokenAuth;

	test: ICredentialTestRequest = {
		request: {
			baseURL: baseUrlExpression,
			url: '/api/v1/paymentMethods',
			method: 'GET',
			qs: { 'page[number]': 1, 'page[size]': 10 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: `Xentral refused the personal access token: it has expired, was revoked or is wrong. ${XENTRAL_TOKEN_HINT}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Xentral API at this address. Check the Instance: the ID as in https://<ID>.xentral.biz, or the full URL of your custom domain.',
				},
			},
		],
	};
}

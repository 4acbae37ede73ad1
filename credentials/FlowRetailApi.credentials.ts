import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { bearerTokenAuth, tokenField } from '../nodes/shared/tokenAuth';

export const FLOW_RETAIL_PRODUCTION_API = 'https://api.flowretail.com/v2';
export const FLOW_RETAIL_STAGE_API = 'https://api.stage.flowretail.com/v2';
/** Flow Retail is Norwegian; its documents give Europe/Oslo as the tenant's zone. */
export const FLOW_RETAIL_DEFAULT_TIME_ZONE = 'Europe/Oslo';

const apiBaseExpression = `={{ $credentials.environment === 'custom' ? $credentials.baseUrl.replace(/\\/+$/, '') : ($credentials.environment === 'stage' ? '${FLOW_RETAIL_STAGE_API}' : '${FLOW_RETAIL_PRODUCTION_API}') }}`;

/**
 * Flow Retail API v2: an integration user's token (long-lived, shown once in Flow Retail Admin)
 * sent as a Bearer token, and the tenant every path is scoped to.
 */
export class FlowRetailApi implements ICredentialType {
	name = 'flowRetailApi';

	displayName = 'Flow Retail API';

	documentationUrl = 'https://docs.flowretail.com/api/introduction/authentication';

	icon: Icon = {
		light: 'file:../nodes/FlowRetail/flowRetail.svg',
		dark: 'file:../nodes/FlowRetail/flowRetail.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: FLOW_RETAIL_PRODUCTION_API },
				{ name: 'Stage', value: 'stage', description: FLOW_RETAIL_STAGE_API },
				{
					name: 'Custom',
					value: 'custom',
					description: 'Any other API base, for example a local test server',
				},
			],
			default: 'production',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: FLOW_RETAIL_PRODUCTION_API,
			description:
				'The API base URL including /v2, without a trailing slash. Must use https, except for localhost.',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Tenant UID',
			name: 'tenantUid',
			type: 'string',
			default: '',
			required: true,
			description: 'The UID of your Flow Retail tenant; every request is scoped to it',
		},
		tokenField(
			'Integration Token',
			'The token of an integration user (API user), generated in Flow Retail Admin. It is shown only once.',
		),
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: FLOW_RETAIL_DEFAULT_TIME_ZONE,
			placeholder: FLOW_RETAIL_DEFAULT_TIME_ZONE,
			description:
				"The tenant's time zone (its timezone setting), as an IANA name such as Europe/Oslo. Flow Retail times that come without an offset are read in it, never in the n8n server's zone.",
		},
	];

	authenticate: IAuthenticateGeneric = bearerTokenAuth;

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiBaseExpression,
			url: '=/tenants/{{ encodeURIComponent($credentials.tenantUid) }}/customers',
			method: 'GET',
			qs: { pageSize: 1 },
		},
	};
}

import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { PACKAGE_AGENT, PACKAGE_VERSION } from '../nodes/shared/package';

export const JTL_PRODUCTION_API = 'https://api.jtl-cloud.com/erp';
export const JTL_BETA_API = 'https://api.beta.jtl-cloud.com/erp';
export const JTL_TOKEN_URL = 'https://auth.jtl-cloud.com/oauth2/token';

const apiBaseExpression = `={{ $credentials.environment === 'custom' ? $credentials.baseUrl.replace(/\\/+$/, '') : ($credentials.environment === 'beta' ? '${JTL_BETA_API}' : '${JTL_PRODUCTION_API}') }}`;

/**
 * JTL Cloud ERP: OAuth2 client credentials (client ID and secret go in a Basic header; JTL rejects
 * them in the body), plus the tenant and app identification headers the transport adds to each call.
 */
export class JtlWawiOAuth2Api implements ICredentialType {
	name = 'jtlWawiOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'JTL-Wawi OAuth2 API';

	documentationUrl =
		'https://developer.jtl-software.com/cloud/guides/cloud-apps/service-account-authentication';

	icon: Icon = {
		light: 'file:../nodes/JtlWawi/jtlWawi.svg',
		dark: 'file:../nodes/JtlWawi/jtlWawi.dark.svg',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: JTL_PRODUCTION_API,
				},
				{ name: 'Beta', value: 'beta', description: JTL_BETA_API },
				{
					name: 'Custom',
					value: 'custom',
					description: 'Any other API base and token URL, for example a local test server',
				},
			],
			default: 'production',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://api.jtl-cloud.com/erp',
			description: 'The ERP API base URL, without a trailing slash',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Token URL',
			name: 'customTokenUrl',
			type: 'string',
			default: '',
			placeholder: JTL_TOKEN_URL,
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ $self.environment === 'custom' ? $self.customTokenUrl : '${JTL_TOKEN_URL}' }}`,
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'header',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: '',
			description: 'Leave empty for JTL Cloud; set it only if your token endpoint requires one',
		},
		{
			displayName: 'Tenant ID',
			name: 'tenantId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '00000000-0000-0000-0000-000000000000',
			description:
				'The UUID of your JTL-Wawi tenant, as in https://app.jtl-software.com/tenant/&lt;ID&gt;/dashboard. Sent as the X-Tenant-ID header.',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: PACKAGE_AGENT,
			description: 'Identifies the calling app to JTL (x-appid header)',
		},
		{
			displayName: 'App Version',
			name: 'appVersion',
			type: 'string',
			default: PACKAGE_VERSION,
			description: 'The version of the calling app (x-appversion header)',
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiBaseExpression,
			url: '/info',
			method: 'GET',
			headers: {
				'x-tenant-id': '={{ $credentials.tenantId }}',
				'x-appid': '={{ $credentials.appId }}',
				'x-appversion': '={{ $credentials.appVersion }}',
			},
		},
	};
}

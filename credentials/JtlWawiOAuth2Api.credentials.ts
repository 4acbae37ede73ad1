import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { PACKAGE_AGENT, PACKAGE_VERSION } from '../nodes/shared/package';

export const JTL_PRODUCTION_API = 'https://api.jtl-cloud.com/erp';
export const JTL_BETA_API = 'https://api.beta.jtl-cloud.com/erp';
export const JTL_TOKEN_URL = 'https://auth.jtl-cloud.com/oauth2/token';
/** JTL-Wawi's zone for times it sends without an offset: JTL is a German vendor (Hückelhoven). */
export const JTL_TIME_ZONE = 'Europe/Berlin';

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
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			placeholder: '1 or b45f6432-2462-4c6f-b00f-1d9d01000000',
			description:
				"Optional. The company (firm) of your JTL-Wawi to work in, as a whole number or a UUID; sent as the x-companyid header. Leave empty for JTL-Wawi's default company.",
		},
		{
			displayName: 'Run As User ID',
			name: 'runAs',
			type: 'string',
			default: '',
			placeholder: '1 or b45f6432-2462-4c6f-b00f-1d9d01000000',
			description:
				'Optional. A JTL-Wawi user to act on behalf of, as a whole number or a UUID; sent as the x-runas header. The app needs the scope Application.RunAs.',
		},
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'string',
			default: '',
			placeholder: '1.0',
			description:
				'Optional. Pins the JTL API version (api-version header), such as 1.0. Leave empty to get the newest version, which JTL Cloud chooses when the header is absent.',
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: JTL_TIME_ZONE,
			placeholder: JTL_TIME_ZONE,
			description:
				'The time zone of your JTL-Wawi, as an IANA name. JTL sends some times without a UTC offset; they are read in this zone, never in the zone of the n8n server.',
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

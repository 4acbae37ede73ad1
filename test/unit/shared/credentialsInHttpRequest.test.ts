/**
 * Every credential of the package works in n8n's HTTP Request node as a predefined credential
 * type. n8n 2.41 lists a credential there when it extends oAuth2Api or oAuth1Api or has an
 * `authenticate` block (HTTP Request V3, parameter `nodeCredentialType`:
 * `credentialTypes: ['extends:oAuth2Api', 'extends:oAuth1Api', 'has:authenticate']`). It then signs
 * an OAuth2 child with its token only (`requestOAuth2`), and applies the generic `authenticate`
 * block of any other credential by resolving each key and value as an expression over
 * `$credentials` (the CLI's CredentialsHelper.authenticate). These tests apply the blocks that same
 * way, with n8n-workflow's own expression engine. The real-n8n proof is the e2e case file
 * test/e2e/cases/http-request-credentials.mjs.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeProperties,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { packageEntries } from '../../harness/packageEntries';

const credentials = packageEntries<ICredentialType>('credentials');
const byName = Object.fromEntries(credentials.map((c) => [c.instance.name, c.instance]));

const NODE: INode = {
	id: 'http',
	name: 'HTTP Request',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [0, 0],
	parameters: {},
};

/** Applies a credential's generic `authenticate` block to `request` as n8n 2.41 does. */
function applyAuthenticate(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
	request: IHttpRequestOptions,
): IHttpRequestOptions {
	const auth = type.authenticate;
	if (!auth || typeof auth !== 'object' || auth.type !== 'generic')
		throw new Error(`${type.name} has no generic authenticate block`);
	const workflow = new Workflow({
		nodes: [NODE],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => undefined as never,
			getByNameAndVersion: () => undefined as never,
			getKnownTypes: () => ({}),
		},
	});
	const resolve = (value: string) =>
		String(
			workflow.expression.getSimpleParameterValue(
				NODE,
				value,
				'internal',
				{ $credentials: data },
				undefined,
				'',
			) ?? '',
		);
	const out = request as unknown as Record<string, Record<string, string>>;
	out.headers = out.headers ?? {};
	for (const [outerKey, inner] of Object.entries(auth.properties)) {
		for (const [key, value] of Object.entries(inner as Record<string, string>)) {
			out[outerKey] = out[outerKey] ?? {};
			out[outerKey][resolve(key)] = resolve(value);
		}
	}
	return request;
}

const propertyNamed = (type: ICredentialType, name: string): INodeProperties | undefined =>
	type.properties.find((p) => p.name === name);

describe('the credentials in n8n’s HTTP Request node (Predefined Credential Type)', () => {
	it('lists all three credentials of package.json', () => {
		expect(Object.keys(byName).sort()).toEqual(['flowRetailApi', 'jtlWawiOAuth2Api', 'xentralApi']);
	});

	it.each(credentials.map((c) => [c.instance.name, c.instance] as const))(
		'%s is offered there: it extends oAuth2Api or has an authenticate block',
		(_name, type) => {
			const oauth = (type.extends ?? []).some((p) => p === 'oAuth2Api' || p === 'oAuth1Api');
			expect(oauth || type.authenticate !== undefined).toBe(true);
		},
	);

	it.each([['xentralApi'], ['flowRetailApi']])(
		'%s sends its token as a Bearer header, and nothing else, on a request the user wrote',
		(name) => {
			const request: IHttpRequestOptions = {
				url: 'https://erp.example.com/anything?x=1',
				method: 'GET',
				headers: { 'x-user-header': 'kept' },
				qs: { page: 2 },
			};
			const data = { token: 'tok-123', instance: 'acme', tenantUid: 'tenant-1' };
			const signed = applyAuthenticate(byName[name], data, request);
			expect(signed.headers).toEqual({ 'x-user-header': 'kept', Authorization: 'Bearer tok-123' });
			expect(signed.qs).toEqual({ page: 2 });
			expect(signed.body).toBeUndefined();
			expect(signed.url).toBe('https://erp.example.com/anything?x=1');
		},
	);

	it('jtlWawiOAuth2Api lets n8n fetch the token itself: client credentials, client ID and secret in a Basic header', () => {
		const jtl = byName.jtlWawiOAuth2Api;
		expect(jtl.extends).toEqual(['oAuth2Api']);
		expect(propertyNamed(jtl, 'grantType')).toMatchObject({
			type: 'hidden',
			default: 'clientCredentials',
		});
		expect(propertyNamed(jtl, 'authentication')).toMatchObject({
			type: 'hidden',
			default: 'header',
		});
		expect(propertyNamed(jtl, 'accessTokenUrl')?.type).toBe('hidden');
	});

	it('jtlWawiOAuth2Api has no authenticate block: n8n never applies one to an OAuth2 credential, so the tenant headers are the user’s to add (README)', () => {
		// requestOAuth2 (n8n-core 2.41) signs with the token only; a block here would look as if it
		// sent x-tenant-id in HTTP Request and would not. The e2e case "... no headers is refused for
		// the missing tenant" watches n8n's behaviour.
		expect(byName.jtlWawiOAuth2Api.authenticate).toBeUndefined();
		expect(propertyNamed(byName.jtlWawiOAuth2Api, 'tenantId')?.required).toBe(true);
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- n8n objects in assertions */
import { NodeOperationError } from 'n8n-workflow';

import {
	FLOW_RETAIL_PRODUCTION_API,
	FlowRetailApi,
} from '../../../credentials/FlowRetailApi.credentials';
import { FlowRetail } from '../../../nodes/FlowRetail/FlowRetail.node';
import {
	flowPath,
	flowApiRequest,
	flowVendor,
	parseFlowError,
} from '../../../nodes/FlowRetail/transport';
import { testNode } from '../../harness/mockContext';

describe('Flow Retail API credential', () => {
	const credential = new FlowRetailApi();

	it('has Production, Stage and Custom, a tenant UID and the token as a password', () => {
		expect(credential.name).toBe('flowRetailApi');
		const env = credential.properties.find((p) => p.name === 'environment')!;
		expect((env.options as any[]).map((o) => o.value)).toEqual(['production', 'stage', 'custom']);
		const token = credential.properties.find((p) => p.name === 'token')!;
		expect(token.typeOptions).toEqual({ password: true });
		expect(credential.properties.find((p) => p.name === 'tenantUid')!.required).toBe(true);
	});

	it('sends the integration token as Bearer and tests with one customer of the tenant', () => {
		expect(credential.authenticate).toEqual({
			type: 'generic',
			properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
		});
		expect(credential.test.request).toMatchObject({
			method: 'GET',
			url: '=/tenants/{{ encodeURIComponent($credentials.tenantUid) }}/customers',
			qs: { pageSize: 1 },
		});
		expect(String(credential.test.request.baseURL)).toContain(FLOW_RETAIL_PRODUCTION_API);
	});
});

describe('Flow Retail node description', () => {
	const node = new FlowRetail();
	it('is usable as a tool and lists the six resources', () => {
		expect(node.description.usableAsTool).toBe(true);
		const resource = node.description.properties.find((p) => p.name === 'resource')!;
		expect((resource.options as any[]).map((o) => o.value)).toEqual([
			'customer',
			'customerAddress',
			'customerContact',
			'customerGroup',
			'price',
			'priceList',
		]);
		expect(Object.keys(node.methods.loadOptions).sort()).toEqual([
			'getCustomerGroups',
			'getPriceLists',
			'getStores',
		]);
		expect(Object.keys(node.methods.listSearch).sort()).toEqual([
			'searchCustomerGroups',
			'searchCustomers',
			'searchPriceLists',
		]);
	});
});

describe('Flow Retail error bodies', () => {
	it.each([
		[
			{ message: 'Customer x was not found.', code: 'NotFound' },
			404,
			'Flow Retail: Customer x was not found. [NotFound]',
			undefined,
		],
		[
			{ status: 400, message: 'Invalid', errors: { lastname: 'Required' } },
			400,
			'Flow Retail: Invalid',
			'Field errors: lastname: Required.',
		],
		[{ error: 'Forbidden' }, 403, 'Flow Retail: Forbidden', undefined],
		[
			{ errors: [{ field: 'email', message: 'Bad' }] },
			400,
			'Flow Retail: HTTP 400',
			'Field errors: email: Bad.',
		],
		['plain text', 500, 'Flow Retail: plain text', undefined],
	])('%j (%i)', (body, status, message, description) => {
		expect(parseFlowError(body, status)).toEqual({ message, description });
	});
	it('ignores HTML and empty bodies', () => {
		expect(parseFlowError('<html>', 502)).toBeUndefined();
		expect(parseFlowError({}, 502)).toBeUndefined();
	});
	it('names the token as the secret to scrub', () => {
		expect(flowVendor.secretsOf!({ token: 'abcd-secret' })).toEqual(['abcd-secret']);
	});
});

describe('Flow Retail transport', () => {
	const ctx = (credentials: Record<string, unknown>, calls: any[] = []) =>
		({
			getNode: () => testNode,
			getCredentials: async () => credentials,
			getNodeParameter: () => 30,
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: any) => {
					calls.push(options);
					return { statusCode: 200, headers: {}, body: { ok: true } };
				},
			},
		}) as any;

	it('puts the tenant in the path and encodes every value as one segment', async () => {
		const calls: any[] = [];
		await flowApiRequest(
			ctx({ environment: 'custom', baseUrl: 'http://localhost:4300/v2/', tenantUid: 't-1' }, calls),
			'GET',
			flowPath`/customers/${'a.b/../c'}`,
		);
		expect(calls[0].url).toBe('http://localhost:4300/v2/tenants/t-1/customers/a%2Eb%2F%2E%2E%2Fc');
	});

	it('uses the production and stage URLs', async () => {
		const calls: any[] = [];
		await flowApiRequest(
			ctx({ environment: 'stage', tenantUid: 't' }, calls),
			'GET',
			flowPath`/stores`,
		);
		expect(calls[0].url).toBe('https://api.stage.flowretail.com/v2/tenants/t/stores');
	});

	it.each([
		[
			{ environment: 'custom', baseUrl: 'http://example.com/v2', tenantUid: 't' },
			/must start with https/,
		],
		[{ environment: 'production', tenantUid: 'bad tenant' }, /no valid Tenant UID/],
	])('refuses %j', async (credentials, message) => {
		const error = await flowApiRequest(ctx(credentials), 'GET', flowPath`/customers`).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toMatch(message);
	});
});

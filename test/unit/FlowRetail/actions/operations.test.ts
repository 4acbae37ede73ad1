/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Every Flow Retail operation run on a mocked transport: the exact requests it sends for valid
 * parameters and what it returns. The HTTP core, the sandbox and n8n are exercised by the workflow
 * tests; here each operation's own logic is pinned down.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resources } from '../../../../nodes/FlowRetail/actions/router';
import { flowApiRequest } from '../../../../nodes/FlowRetail/transport';
import { answer, mockExecuteContext } from '../../../harness/mockContext';
import { VALID, respond } from '../fixtures';

jest.mock('../../../../nodes/FlowRetail/transport', () => ({
	...jest.requireActual('../../../../nodes/FlowRetail/transport'),
	flowApiRequest: jest.fn(),
	// The credential's zone for times without an offset; the transport is mocked here.
	flowTimeZone: async () => 'Europe/Oslo',
}));

const request = flowApiRequest as jest.MockedFunction<typeof flowApiRequest>;
let calls: Array<{ method: string; path: string; qs?: unknown; body?: unknown }> = [];

beforeEach(() => {
	calls = [];
	request.mockReset();
	request.mockImplementation(async (_ctx, method, path, req = {}) => {
		calls.push({
			method,
			path,
			...(req.qs ? { qs: req.qs } : {}),
			...(req.body ? { body: req.body } : {}),
		});
		return respond(method, path, req.body) as any;
	});
});

async function run(key: string, params = VALID[key], extra: Record<string, unknown> = {}) {
	const [resource, operation] = key.split('.');
	const ctx = { ...mockExecuteContext(params), continueOnFail: () => false, ...extra } as any;
	return await resources[resource].operations[operation].execute.call(ctx, 0);
}

const EXPECTED: Record<string, Array<Record<string, unknown>>> = {
	'customer.addExtension': [
		{
			method: 'POST',
			path: '/customers/cust-1/extensions/TWO_INVOICE',
			body: { storeUid: 'store-1' },
		},
	],
	'customer.batch': [
		{
			method: 'POST',
			path: '/customers/batch',
			body: {
				create: [{ firstname: 'Ada', lastname: 'Lo', countryCode: 'NO', customerUid: 'new-1' }],
			},
		},
	],
	'customer.create': [
		{
			method: 'POST',
			path: '/customers',
			body: {
				firstname: 'Ada',
				lastname: 'Lo',
				countryCode: 'NO',
				ehf: { enabled: true },
				customerUid: 'new-1',
			},
		},
	],
	'customer.delete': [{ method: 'DELETE', path: '/customers/cust-1' }],
	'customer.export': [{ method: 'GET', path: '/customers/cust-1/export' }],
	'customer.externalSearch': [
		{
			method: 'POST',
			path: '/customers/search/external',
			qs: { pageNumber: 1, pageSize: 10 },
			body: { query: 'Ada' },
		},
	],
	'customer.get': [{ method: 'GET', path: '/customers/cust-1' }],
	'customer.getAll': [
		{
			method: 'GET',
			path: '/customers',
			qs: {
				sortBy: 'lastModifiedAt',
				sortDirection: 'DESC',
				customerExternalId: 'EXT-1',
				pageNumber: 1,
				pageSize: 10,
			},
		},
	],
	'customer.getForStore': [{ method: 'GET', path: '/stores/store-1/customers/cust-1' }],
	'customer.removeExtension': [
		{
			method: 'DELETE',
			path: '/customers/cust-1/extensions/TWO_INVOICE',
			body: { storeUid: 'store-1' },
		},
	],
	'customer.search': [
		{
			method: 'POST',
			path: '/customers/search',
			qs: { pageNumber: 1, pageSize: 10 },
			body: {
				query: 'Ada',
				exactMatch: true,
				storeUid: 'store-1',
				createdAt: '2026-01-01T00:00:00.000Z',
			},
		},
	],
	'customer.update': [
		{
			method: 'PUT',
			path: '/customers/cust-1',
			body: { city: 'Oslo', ehf: { address: '9908:1' } },
		},
	],
	'customer.upsert': [
		{
			method: 'GET',
			path: '/customers',
			qs: { customerExternalId: 'EXT-1', pageNumber: 1, pageSize: 2 },
		},
		{ method: 'PUT', path: '/customers/cust-1', body: { city: 'Oslo' } },
	],
	'customerAddress.create': [
		{
			method: 'POST',
			path: '/customers/cust-1/addresses',
			body: { type: 'DELIVERY_ADDRESS', city: 'Oslo', customerAddressUid: 'ad-1' },
		},
	],
	'customerAddress.delete': [{ method: 'DELETE', path: '/customers/cust-1/addresses/ad-1' }],
	'customerAddress.get': [{ method: 'GET', path: '/customers/cust-1/addresses/ad-1' }],
	'customerAddress.getAll': [
		{ method: 'GET', path: '/customers/cust-1/addresses', qs: { pageNumber: 1, pageSize: 10 } },
	],
	'customerAddress.update': [
		{ method: 'PUT', path: '/customers/cust-1/addresses/ad-1', body: { city: 'Bergen' } },
	],
	'customerContact.create': [
		{
			method: 'POST',
			path: '/customers/cust-1/contacts',
			body: {
				firstname: 'Ada',
				lastname: 'Lo',
				email: 'ada@example.no',
				customerContactUid: 'ct-1',
			},
		},
	],
	'customerContact.delete': [{ method: 'DELETE', path: '/customers/cust-1/contacts/ct-1' }],
	'customerContact.get': [{ method: 'GET', path: '/customers/cust-1/contacts/ct-1' }],
	'customerContact.getAll': [
		{ method: 'GET', path: '/customers/cust-1/contacts', qs: { pageNumber: 1, pageSize: 10 } },
	],
	'customerContact.update': [
		{ method: 'PUT', path: '/customers/cust-1/contacts/ct-1', body: { mobile: '+4712345678' } },
	],
	'customerGroup.create': [
		{ method: 'POST', path: '/customer-groups', body: { name: 'VIP', customerGroupUid: 'g-1' } },
	],
	'customerGroup.get': [{ method: 'GET', path: '/customer-groups/g-1' }],
	'customerGroup.getAll': [
		{ method: 'GET', path: '/customer-groups', qs: { pageNumber: 1, pageSize: 10 } },
	],
	'customerGroup.update': [{ method: 'PUT', path: '/customer-groups/g-1', body: { name: 'VIP+' } }],
	'price.create': [
		{
			method: 'POST',
			path: '/pricelists/pl-1/prices',
			body: { productUid: 'prod-1', price: 12900, priceUid: 'pr-1' },
		},
	],
	'price.get': [{ method: 'GET', path: '/pricelists/pl-1/prices/pr-1' }],
	'price.getAll': [
		{ method: 'GET', path: '/pricelists/pl-1/prices', qs: { pageNumber: 1, pageSize: 10 } },
	],
	'price.update': [{ method: 'PUT', path: '/pricelists/pl-1/prices/pr-1', body: { price: 9900 } }],
	'priceList.create': [
		{
			method: 'POST',
			path: '/pricelists',
			body: { name: 'Outlet', externalId: 'OUT', pricelistUid: 'pl-9' },
		},
	],
	'priceList.get': [{ method: 'GET', path: '/pricelists/pl-1' }],
	'priceList.getAll': [
		{
			method: 'GET',
			path: '/pricelists',
			qs: { pricelistName: 'Out', pageNumber: 1, pageSize: 10 },
		},
	],
	'priceList.update': [{ method: 'PUT', path: '/pricelists/pl-1', body: { externalId: 'OUT-2' } }],
};

const operations = Object.entries(resources).flatMap(([resource, module]) =>
	Object.keys(module.operations).map((operation) => `${resource}.${operation}`),
);

describe('Flow Retail operations on a mocked transport', () => {
	it('cover all 35 operations', () => {
		expect(operations.sort()).toEqual(Object.keys(EXPECTED).sort());
		expect(operations).toHaveLength(35);
	});

	it.each(operations)('%s sends exactly its requests and returns records', async (key) => {
		const out = await run(key);
		expect(calls).toEqual(EXPECTED[key]);
		expect(Array.isArray(out)).toBe(true);
		expect(out.length).toBeGreaterThan(0);
	});

	it.each(operations.filter((k) => VALID[k].simplify === true))(
		'%s with Simplify off returns the vendor record',
		async (key) => {
			const on = await run(key);
			const off = await run(key, { ...VALID[key], simplify: false });
			expect(off).not.toEqual(on);
		},
	);

	it('Customer > Get in the common shape', async () => {
		expect((await run('customer.get'))[0]).toEqual({
			id: 'cust-1',
			legacyId: null,
			number: null,
			externalId: null,
			type: 'person',
			company: null,
			firstName: 'Ada',
			lastName: 'Lo',
			email: null,
			phone: null,
			mobile: null,
			street: null,
			postalCode: null,
			city: null,
			countryIso: 'NO',
			groupId: 'group-1',
			languageIso: null,
			createdAt: '2026-01-01T00:00:00.000Z',
			updatedAt: '2026-01-02T00:00:00.000Z',
			customerSince: null,
			isLocked: null,
			source: 'flowRetail',
		});
	});

	it('Customer > Create makes a UID when none is given, different per call', async () => {
		await run('customer.create', { ...VALID['customer.create'], clientUid: '' });
		await run('customer.create', { ...VALID['customer.create'], clientUid: '' });
		const uids = calls.map((c) => (c.body as any).customerUid);
		expect(uids[0]).toMatch(/^n8n-[0-9a-f-]{36}$/);
		expect(uids[0]).not.toBe(uids[1]);
	});

	it('Customer > Create or Update creates with the external ID when none has it, and refuses two', async () => {
		request.mockImplementation(async (_ctx, method, path, req = {}) => {
			calls.push({ method, path, body: req.body });
			if (method === 'GET') return answer({ items: [], paging: { totalCount: 0 } }) as any;
			return respond(method, path, req.body) as any;
		});
		await run('customer.upsert');
		expect(calls[1]).toMatchObject({
			method: 'POST',
			path: '/customers',
			body: { city: 'Oslo', externalId: 'EXT-1' },
		});
		request.mockImplementation(
			async () =>
				answer({
					items: [{ customerUid: 'a' }, { customerUid: 'b' }],
					paging: { totalCount: 2 },
				}) as any,
		);
		await expect(run('customer.upsert')).rejects.toThrow(
			'More than one customer has the external ID "EXT-1" (item 0)',
		);
	});

	it('Customer > Batch pairs a 207 answer to its items, success and error each', async () => {
		request.mockImplementation(
			async () =>
				answer(
					{
						results: {
							create: [
								{
									index: 1,
									status: 400,
									customerUid: 'b',
									message: 'Bad',
									errors: { lastname: 'Required' },
								},
								{ index: 0, status: 201, customerUid: 'a', customer: { customerUid: 'a' } },
							],
						},
					},
					207,
				) as any,
		);
		const params = [
			{ ...VALID['customer.batch'], batchUid: 'a' },
			{ ...VALID['customer.batch'], batchUid: 'b' },
		];
		const batch = resources.customer.operations.batch;
		const ctx = { ...mockExecuteContext(params), continueOnFail: () => false } as any;
		const outcomes = await batch.executeAll!.call(ctx, 2);
		expect(outcomes[0]).toEqual([
			expect.objectContaining({ success: true, status: 201, customerUid: 'a' }),
		]);
		expect(outcomes[1]).toEqual([
			{
				success: false,
				operation: 'create',
				status: 400,
				customerUid: 'b',
				error: 'Flow Retail: Bad',
				fieldErrors: { lastname: 'Required' },
			},
		]);
	});

	it('Customer > Batch sends requests of Batch Size entries', async () => {
		const params = Array.from({ length: 5 }, (_, i) => ({
			...VALID['customer.batch'],
			batchUid: `u-${i}`,
			batchSize: 2,
		}));
		const ctx = { ...mockExecuteContext(params), continueOnFail: () => false } as any;
		const outcomes = await resources.customer.operations.batch.executeAll!.call(ctx, 5);
		expect(calls.map((c) => (c.body as any).create.length)).toEqual([2, 2, 1]);
		expect(outcomes.every((o) => Array.isArray(o) && o[0].success === true)).toBe(true);
	});

	it('an API failure reaches the caller as it was raised', async () => {
		const failure = new NodeApiError(
			{ id: '1', name: 'x' } as any,
			{ message: 'Flow Retail: Nope' } as any,
			{ httpCode: '403' },
		);
		request.mockRejectedValue(failure);
		await expect(run('customer.get')).rejects.toBe(failure);
	});

	it('an answer of the wrong shape is an unexpected answer', async () => {
		request.mockResolvedValue(answer(['not', 'a', 'record']) as any);
		await expect(run('customer.get')).rejects.toThrow(
			'Flow Retail answered with an unexpected body: expected a customer',
		);
		request.mockResolvedValue(answer({ items: 'x' }) as any);
		await expect(run('customer.getAll')).rejects.toThrow('expected a page {items, paging}');
	});

	it.each([
		['customer.get', { customerUid: 'a/b' }, 'Customer (item 0) must be a Flow Retail UID'],
		[
			'customer.update',
			{ customerUid: 'cust-1', updateFields: {} },
			'Update Fields (item 0) is empty',
		],
		[
			'customer.create',
			{ fields: { ledgerNumber: '12a' }, clientUid: '' },
			'Fields > Ledger Number (item 0) must hold digits only',
		],
		[
			'customer.create',
			{ fields: { mobile: '12 34' }, clientUid: '' },
			'Fields > Mobile (item 0) must hold digits',
		],
		[
			'customer.create',
			{ fields: { pricelistUid: 'a b' }, clientUid: '' },
			'Fields > Price List Name or ID (item 0) must be a Flow Retail UID',
		],
		[
			'customer.getForStore',
			{ storeUid: '../x', customerUid: 'c' },
			'Store Name or ID (item 0) must be a Flow Retail UID',
		],
		[
			'customer.addExtension',
			{ customerUid: 'c', extensionCode: 'OTHER', storeUid: 's' },
			'Extension (item 0) must be TWO_INVOICE',
		],
		[
			'price.create',
			{ pricelistUid: 'pl', productUid: 'p', price: -1, clientUid: '' },
			'Price (Minor Units) (item 0) must be 0 or greater',
		],
		['customerGroup.create', { name: '', clientUid: '' }, 'Name (item 0) is required'],
	])('%s refuses bad input before any request', async (key, params, message) => {
		const error = await run(key, params as any).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain(message);
		expect(calls).toHaveLength(0);
	});
});

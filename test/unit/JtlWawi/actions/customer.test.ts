/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { NodeOperationError } from 'n8n-workflow';

import * as create from '../../../../nodes/JtlWawi/actions/customer/create.operation';
import * as del from '../../../../nodes/JtlWawi/actions/customer/delete.operation';
import * as get from '../../../../nodes/JtlWawi/actions/customer/get.operation';
import * as getAll from '../../../../nodes/JtlWawi/actions/customer/getAll.operation';
import * as update from '../../../../nodes/JtlWawi/actions/customer/update.operation';
import * as upsert from '../../../../nodes/JtlWawi/actions/customer/upsert.operation';
import { customer } from '../../../../nodes/JtlWawi/actions/customer';
import { jtlApiRequest } from '../../../../nodes/JtlWawi/transport';
import { answer, locator, mockExecuteContext } from '../../../harness/mockContext';

jest.mock('../../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));
const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const UUID = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
const ADDRESS = '11111111-2222-4333-8444-555555555555';
const groups = [
	{ Id: 1, Name: 'Endkunden' },
	{ Id: 2, Name: 'Händler' },
];
const companies = [{ Id: 1, Name: 'Firma' }];
const v1Customer = {
	Id: 7,
	Number: 'K7',
	CustomerGroupId: 1,
	LanguageIso: 'DE',
	CustomerSince: '2026-01-02T00:00:00Z',
	IsLocked: false,
	BillingAddress: {
		Company: 'ACME',
		FirstName: 'A',
		LastName: 'B',
		City: 'Kiel',
		CountryIso: 'DE',
		EmailAddress: 'a@b.de',
	},
};

/** Answers reference-list reads from fixtures and hands everything else to `other`. */
function routes(other: (method: string, path: string, req: any) => unknown) {
	request.mockImplementation(async (_ctx, method, path, req) => {
		if (method === 'GET' && path === '/customerGroups') return answer(groups) as any;
		if (method === 'GET' && path === '/companies') return answer(companies) as any;
		return answer(other(method, path, req)) as any;
	});
}

const createParams = (overrides: Record<string, unknown> = {}) => ({
	simplify: false,
	customerGroupId: 2,
	companyId: 1,
	languageIso: 'de',
	billingCity: 'Kiel',
	billingCountryIso: 'DE',
	billingAddress: { Company: 'ACME' },
	additionalFields: {},
	shippingAddress: {},
	paymentSettings: {},
	options: {},
	...overrides,
});

beforeEach(() => request.mockReset());

describe('customer resource description', () => {
	it('offers the six customer operations with n8n labels', () => {
		const op = customer.description.find((p) => p.name === 'operation')!;
		expect((op.options as Array<{ value: string }>).map((o) => o.value)).toEqual([
			'create',
			'upsert',
			'delete',
			'get',
			'getAll',
			'update',
		]);
		expect(Object.keys(customer.operations).sort()).toEqual([
			'create',
			'delete',
			'get',
			'getAll',
			'update',
			'upsert',
		]);
	});
});

describe('Customer > Create', () => {
	it('posts a PascalCase CreateCustomer body with the required fields and upper-case language', async () => {
		routes(() => v1Customer);
		const out = await create.execute.call(
			mockExecuteContext(
				createParams({
					additionalFields: { Website: 'https://acme.example' },
					paymentSettings: { PaymentTarget: 14 },
					options: { disableAutomaticWorkflows: true },
				}),
			),
			0,
		);
		expect(out).toEqual([v1Customer]);
		const post = request.mock.calls.find((c) => c[1] === 'POST')!;
		expect(post[2]).toBe('/customers');
		expect(post[3]).toEqual({
			body: {
				CustomerGroupId: 2,
				InternalCompanyId: 1,
				LanguageIso: 'DE',
				BillingAddress: { City: 'Kiel', CountryIso: 'DE', Company: 'ACME' },
				Website: 'https://acme.example',
				PaymentSettings: { PaymentTarget: 14 },
			},
			qs: { disableAutomaticWorkflows: true },
			itemIndex: 0,
		});
	});

	it('reads the reference lists once for many items', async () => {
		routes(() => v1Customer);
		const ctx = mockExecuteContext([createParams(), createParams(), createParams()]);
		for (const i of [0, 1, 2]) await create.execute.call(ctx, i);
		expect(request.mock.calls.filter((c) => c[2] === '/customerGroups')).toHaveLength(1);
		expect(request.mock.calls.filter((c) => c[1] === 'POST')).toHaveLength(3);
	});

	it.each([
		[{ customerGroupId: 9 }, 'Customer Group Name or ID (item 0) 9 does not exist in JTL-Wawi'],
		[{ customerGroupId: 'x' }, 'Customer Group Name or ID (item 0) must be a whole number'],
		[
			{ languageIso: 'deu' },
			'Language (item 0) must be a two-letter ISO 639-1 language code such as de',
		],
		[{ billingCountryIso: '' }, 'Billing Country Code (item 0) is required'],
		[{ billingCity: '  ' }, 'Billing City (item 0) is required'],
		[
			{ billingAddress: { EmailAddress: 'nope' } },
			'Billing Address > Email (item 0) must be an email address',
		],
		[{ shippingAddress: { Street: 'x' } }, 'Shipping Address > City (item 0) is required'],
		[
			{ paymentSettings: { Discount: 120 } },
			'Payment Settings > Discount (%) (item 0) must be between 0 and 100',
		],
		[
			{ additionalFields: { Colour: 'red' } },
			'Additional Fields > Colour (item 0) is not a known field',
		],
	])('rejects %j without posting', async (overrides, message) => {
		routes(() => v1Customer);
		const error = await create.execute
			.call(mockExecuteContext(createParams(overrides)), 0)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(request.mock.calls.some((c) => c[1] === 'POST')).toBe(false);
	});
});

describe('Customer > Create or Update', () => {
	it('patches the one customer with the same number', async () => {
		routes((method, path) =>
			method === 'GET' && path === '/customers'
				? { Items: [v1Customer], HasNextPage: false }
				: v1Customer,
		);
		await upsert.execute.call(
			mockExecuteContext({
				...createParams(),
				billingAddress: { City: 'Kiel', CountryIso: 'DE', Company: 'ACME' },
				customerNumber: 'K7',
			}),
			0,
		);
		const find = request.mock.calls.find((c) => c[2] === '/customers' && c[1] === 'GET')!;
		expect(find[3]?.qs).toMatchObject({ number: 'K7' });
		const write = request.mock.calls.filter((c) => c[1] !== 'GET');
		expect(write.map((c) => `${c[1]} ${c[2]}`)).toEqual(['PATCH /customers/7']);
		expect((write[0][3]?.body as any).Number).toBe('K7');
	});

	it('ignores partial matches of the search and creates', async () => {
		routes((method, path) =>
			method === 'GET' && path === '/customers'
				? { Items: [{ ...v1Customer, Number: 'K77' }], HasNextPage: false }
				: v1Customer,
		);
		await upsert.execute.call(
			mockExecuteContext({
				...createParams(),
				billingAddress: { City: 'Kiel', CountryIso: 'DE', Company: 'ACME' },
				customerNumber: 'K7',
			}),
			0,
		);
		expect(request.mock.calls.filter((c) => c[1] !== 'GET').map((c) => `${c[1]} ${c[2]}`)).toEqual([
			'POST /customers',
		]);
	});

	it('stops when two customers share the number', async () => {
		routes(() => ({ Items: [v1Customer, { ...v1Customer, Id: 8 }], HasNextPage: false }));
		const error = await upsert.execute
			.call(
				mockExecuteContext({
					...createParams(),
					billingAddress: { City: 'Kiel', CountryIso: 'DE', Company: 'ACME' },
					customerNumber: 'K7',
				}),
				0,
			)
			.catch((e) => e);
		expect(error.message).toBe('Customer Number (item 0) K7 matches 2 customers');
		expect(request.mock.calls.some((c) => c[1] !== 'GET')).toBe(false);
	});
});

const GROUP_UUID = 'aaaaaaaa-0000-4000-8000-000000000007';

describe('Customer > Get and Delete choose the API by the ID', () => {
	it.each([
		[7, '/customers/7'],
		['7', '/customers/7'],
		[UUID, `/v2/customers/${UUID}`],
	])('get %s reads %s', async (id, path) => {
		request.mockResolvedValue(answer(v1Customer) as any);
		await get.execute.call(mockExecuteContext({ customerId: locator(id), simplify: false }), 0);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'GET', path, { itemIndex: 0 });
	});

	it('simplifies a v1 customer with both IDs: its v2 UUID is found by number in the v2 list', async () => {
		request.mockImplementation(async (_ctx, _method, path) =>
			path === '/v2/customers'
				? (answer({
						items: [{ id: UUID, customerNumber: 'K7', customerGroupId: GROUP_UUID }],
						hasNextPage: false,
					}) as any)
				: (answer(v1Customer) as any),
		);
		const [out] = await get.execute.call(
			mockExecuteContext({ customerId: locator(7), simplify: true }),
			0,
		);
		expect(request.mock.calls.map((c) => [c[2], c[3]?.qs])).toEqual([
			['/customers/7', undefined],
			[
				'/v2/customers',
				{ pageNumber: 1, pageSize: 100, sortBy: 'customerNumber,id', sortDescending: false },
			],
		]);
		expect(out).toEqual({
			id: UUID,
			legacyId: '7',
			number: 'K7',
			externalId: null,
			type: 'company',
			// v1 has no creation time; CustomerSince is the business date.
			createdAt: null,
			updatedAt: null,
			customerSince: '2026-01-02',
			company: 'ACME',
			firstName: 'A',
			lastName: 'B',
			email: 'a@b.de',
			phone: null,
			mobile: null,
			street: null,
			postalCode: null,
			city: 'Kiel',
			countryIso: 'DE',
			// One ID space: the v2 group UUID, taken from the customer's v2 record.
			groupId: GROUP_UUID,
			languageIso: 'de',
			isLocked: false,
			source: 'jtlWawi',
		});
	});

	it('deletes through v2 for a UUID and reports what was deleted', async () => {
		request.mockResolvedValue(answer(undefined, 204) as any);
		expect(
			await del.execute.call(mockExecuteContext({ simplify: false, customerId: locator(UUID) }), 0),
		).toEqual([{ deleted: true, customerId: UUID }]);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'DELETE', `/v2/customers/${UUID}`, {
			itemIndex: 0,
		});
	});

	it('rejects anything else before a request', async () => {
		const error = await del.execute
			.call(mockExecuteContext({ simplify: false, customerId: locator('K10001') }), 3)
			.catch((e) => e);
		expect(error.message).toBe(
			'Customer (item 3) must be a positive whole number (v1) or a UUID (v2)',
		);
		expect(error.context.itemIndex).toBe(3);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Customer > Get Many', () => {
	const v2Page = (ids: string[], hasNextPage: boolean) => ({
		items: ids.map((id) => ({ id, customerNumber: id, addresses: [] })),
		hasNextPage,
		totalItems: 999,
	});

	it('uses the v2 list by default and stops at the limit', async () => {
		request.mockResolvedValueOnce(answer(v2Page(['a', 'b', 'c'], true)) as any);
		const out = await getAll.execute.call(
			mockExecuteContext({
				returnAll: false,
				limit: 3,
				filters: {},
				sort: {},
				simplify: false,
			}),
			0,
		);
		expect(out.map((c: any) => c.id)).toEqual(['a', 'b', 'c']);
		expect(request).toHaveBeenCalledTimes(1);
		expect(request.mock.calls[0][2]).toBe('/v2/customers');
		expect(request.mock.calls[0][3]?.qs).toEqual({ pageNumber: 1, pageSize: 3 });
	});

	it('sends v2 date filters as ISO instants and sorting with a tie-breaker', async () => {
		request.mockResolvedValueOnce(answer(v2Page([], false)) as any);
		await getAll.execute.call(
			mockExecuteContext({
				returnAll: true,
				filters: { createdDateAfter: '2026-03-01T10:00:00Z' },
				sort: { sortBy: 'createdDate', descending: true },
				simplify: true,
			}),
			0,
		);
		expect(request.mock.calls[0][3]?.qs).toEqual({
			createdDateAfter: '2026-03-01T10:00:00.000Z',
			sortBy: 'createdDate,id',
			sortDescending: true,
			pageNumber: 1,
			pageSize: 100,
		});
	});

	it('uses the v1 list for search filters and follows HasNextPage', async () => {
		request
			.mockResolvedValueOnce(
				answer({
					Items: Array.from({ length: 100 }, (_, i) => ({ ...v1Customer, Id: i + 1 })),
					HasNextPage: true,
				}) as any,
			)
			.mockResolvedValueOnce(
				answer({ Items: [{ ...v1Customer, Id: 101 }], HasNextPage: false }) as any,
			);
		const out = await getAll.execute.call(
			mockExecuteContext({
				returnAll: true,
				filters: { searchKeyWord: 'kiel', groupId: '2' },
				sort: {},
				simplify: false,
			}),
			0,
		);
		expect(out).toHaveLength(101);
		expect(request.mock.calls.map((c) => c[3]?.qs)).toEqual([
			{ searchKeyWord: 'kiel', groupId: 2, pageNumber: 1, pageSize: 100 },
			{ searchKeyWord: 'kiel', groupId: 2, pageNumber: 2, pageSize: 100 },
		]);
	});

	it('rejects mixing v1 filters with v2 filters, and bad dates, before a request', async () => {
		const mixed = await getAll.execute
			.call(
				mockExecuteContext({
					returnAll: true,
					filters: { number: 'K1', lastChangedBefore: '2026-01-01' },
					sort: {},
					simplify: true,
				}),
				1,
			)
			.catch((e) => e);
		expect(mixed.message).toBe(
			'Filters (item 1) cannot combine Customer Number with Changed Before',
		);
		const badDate = await getAll.execute
			.call(
				mockExecuteContext({
					returnAll: true,
					filters: { createdDateBefore: 'yesterday' },
					sort: {},
					simplify: true,
				}),
				0,
			)
			.catch((e) => e);
		expect(badDate.message).toBe(
			'Filters > Created Before (item 0) must be a date and time such as 2026-03-01T00:00:00Z',
		);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Customer > Update (command body)', () => {
	const params = (overrides: Record<string, unknown> = {}) => ({
		simplify: false,
		customerId: locator(UUID),
		updateFields: {},
		paymentSettings: {},
		addresses: {},
		...overrides,
	});

	it('builds a camelCase body of only the set fields, numbers from expressions converted', async () => {
		const saved = { id: UUID, customerNumber: 'K1', addresses: [] };
		const v1 = { Id: 1, Number: 'K1', BillingAddress: { City: 'Kiel' } };
		let patched = false;
		request.mockImplementation(async (_ctx, method, path) => {
			if (method === 'PATCH') {
				patched = true;
				return answer('Customer changed successfully') as any;
			}
			// The new address (type 1) appears among the v1 shipping addresses.
			if (path === '/customers') return answer({ Items: [v1], HasNextPage: false }) as any;
			if (path === '/customers/1')
				return answer(patched ? { ...v1, Shipmentaddress: { Street: 'Neu 2' } } : v1) as any;
			return answer(saved) as any;
		});
		const out = await update.execute.call(
			mockExecuteContext(
				params({
					updateFields: { accountsReceivableNumber: '4711', isLocked: true, customerGroupId: UUID },
					paymentSettings: { discount: '2.5' },
					addresses: {
						address: [
							{ customerAddressId: ADDRESS, fields: { city: 'Kiel' } },
							{ customerAddressId: '', fields: { addressType: 1, street: 'Neu 2' } },
						],
					},
				}),
			),
			0,
		);
		expect(request).toHaveBeenCalledWith(expect.anything(), 'PATCH', '/v2/customer/update', {
			body: {
				customerId: UUID,
				accountsReceivableNumber: 4711,
				isLocked: true,
				customerGroupId: UUID,
				paymentSettings: { discount: 2.5 },
				addresses: [
					{ customerAddressId: ADDRESS, city: 'Kiel' },
					{ addressType: 1, street: 'Neu 2' },
				],
			},
			itemIndex: 0,
			// It adds an address, so a lost answer must not lead to a second one.
			idempotent: false,
		});
		// The command answers without the customer: it is read back and returned. A typed address
		// is checked against the v1 record before and after the write.
		expect(request.mock.calls.map((c) => `${c[1]} ${c[2]}`)).toEqual([
			`GET /v2/customers/${UUID}`,
			'GET /customers',
			'GET /customers/1',
			'PATCH /v2/customer/update',
			`GET /v2/customers/${UUID}`,
			'GET /customers/1',
		]);
		expect(out).toEqual([saved]);
	});

	it.each([
		[
			{ addresses: { address: [{ customerAddressId: '', fields: { street: 'x' } }] } },
			'Addresses > Address 1 > Address Type (item 0) is required to add an address',
		],
		[
			{ updateFields: { languageIso: 'deutsch' } },
			'Update Fields > Language (item 0) must be a two-letter ISO 639-1 language code such as de',
		],
		[
			{ updateFields: { birthday: 'someday' } },
			'Update Fields > Birthday (item 0) must be a date and time such as 2026-03-01T00:00:00Z',
		],
		[
			{ paymentSettings: { discount: -1 } },
			'Payment Settings > Discount (%) (item 0) must be between 0 and 100',
		],
		[
			{},
			'Nothing to update (item 0): add at least one field under Update Fields, Payment Settings, Addresses or Extra Body Fields',
		],
	])('rejects %j before any request', async (overrides, message) => {
		const error = await update.execute
			.call(mockExecuteContext(params(overrides)), 0)
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(request).not.toHaveBeenCalled();
	});
});

describe('Credit limit and payment term are whole numbers (int32 in both APIs)', () => {
	const updateParams = (paymentSettings: Record<string, unknown>) => ({
		simplify: false,
		customerId: locator(UUID),
		updateFields: {},
		paymentSettings,
		addresses: {},
	});

	it.each([
		[1.5, 'must be a whole number'],
		[-1, 'must be 0 or greater'],
		['2.5', 'must be a whole number'],
	])(
		'Create refuses Credit Limit %j with the field and item named, before any request',
		async (value, problem) => {
			routes(() => v1Customer);
			const ctx = mockExecuteContext([
				createParams(),
				createParams({ paymentSettings: { CreditLimit: value } }),
			]);
			const error = await create.execute.call(ctx, 1).catch((e) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(`Payment Settings > Credit Limit (item 1) ${problem}`);
			expect(request).not.toHaveBeenCalled();
		},
	);

	it.each([
		[{ creditLimit: 1.5 }, 'Credit Limit (item 1) must be a whole number'],
		[{ creditLimit: -1 }, 'Credit Limit (item 1) must be 0 or greater'],
		[{ paymentDueDateInDays: 1.5 }, 'Payment Due (Days) (item 1) must be a whole number'],
		[{ creditLimit: 2 ** 31 }, 'Credit Limit (item 1) must fit a 32-bit integer'],
	])(
		'Update refuses %j with the field and item named, before any request',
		async (settings, message) => {
			const ctx = mockExecuteContext([updateParams({}), updateParams(settings)]);
			const error = await update.execute.call(ctx, 1).catch((e) => e);
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(`Payment Settings > ${message}`);
			expect(request).not.toHaveBeenCalled();
		},
	);

	it('Update sends a whole-number credit limit under the v2 name, Create under the v1 name', async () => {
		request.mockImplementation(
			async (_ctx, method) => answer(method === 'GET' ? { id: UUID } : '') as any,
		);
		await update.execute.call(
			mockExecuteContext(updateParams({ creditLimit: '5000', paymentDueDateInDays: 30 })),
			0,
		);
		expect(request.mock.calls[0][3]).toMatchObject({
			body: { customerId: UUID, paymentSettings: { creditLimit: 5000, paymentDueDateInDays: 30 } },
		});

		request.mockReset();
		routes(() => v1Customer);
		await create.execute.call(
			mockExecuteContext(
				createParams({ paymentSettings: { CreditLimit: 5000, PaymentTarget: 30 } }),
			),
			0,
		);
		const post = request.mock.calls.find((c) => c[1] === 'POST')!;
		expect((post[3] as any).body.PaymentSettings).toEqual({ CreditLimit: 5000, PaymentTarget: 30 });
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

describe('Customer > Create (POST /customers)', () => {
	it('creates the customer with its billing address and returns the created record', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}]);
		expect(result.error).toBeUndefined();
		const [created] = result.output('JTL-Wawi');
		expect(created).toMatchObject({
			CustomerGroupId: 1,
			InternalCompanyId: 1,
			LanguageIso: 'DE',
			Website: 'https://nordlicht.example',
			BillingAddress: expect.objectContaining({
				Company: 'Nordlicht Handel GmbH',
				City: 'Kiel',
				CountryIso: 'DE',
			}),
			PaymentSettings: expect.objectContaining({ PaymentTarget: 14, Discount: 3 }),
		});
		expect(await jtl.direct.get(`/customers/${created.Id}`)).toEqual(created);
		const [post] = await jtl.writes();
		expect(post).toMatchObject({ method: 'POST', path: '/erp/customers' });
		expect(Object.keys(post.body as object).sort()).toEqual(
			[
				'BillingAddress',
				'CustomerGroupId',
				'InternalCompanyId',
				'IsLocked',
				'LanguageIso',
				'PaymentSettings',
				'Website',
			].sort(),
		);
	});

	it.each([
		[
			'an unknown customer group',
			{ groupId: 99 },
			'Customer Group Name or ID (item 0) 99 does not exist in JTL-Wawi',
		],
		[
			'a customer group that is not a number',
			{ groupId: 'gold' },
			'Customer Group Name or ID (item 0) must be a whole number',
		],
		[
			'an unknown company',
			{ companyId: 7 },
			'Company Name or ID (item 0) 7 does not exist in JTL-Wawi',
		],
		['a billing address without city', { city: '' }, 'Billing City (item 0) is required'],
	])('rejects %s without writing anything', async (_label, input, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [input]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(await jtl.writes()).toHaveLength(0);
	});

	it('does not retry a create that met a 503, so no duplicate customer can appear', async () => {
		await jtl.sandbox.fault({ method: 'POST', path: '/erp/customers', status: 503, times: 1 });
		await jtl.sandbox.clearRequests();
		const before = (await jtl.direct.get('/customers?pageSize=1')).TotalItems;
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		expect((await jtl.writes()).filter((r) => r.method === 'POST')).toHaveLength(1);
		expect((await jtl.direct.get('/customers?pageSize=1')).TotalItems).toBe(before);
	});
});

describe('Customer > Create or Update (match on customer number)', () => {
	it('updates the existing customer with that number', async () => {
		const existing = await jtl.direct.get('/customers/3');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [
			{ number: existing.Number, city: 'Lübeck' },
		]);
		expect(result.error).toBeUndefined();
		const [out] = result.output('JTL-Wawi') as any[];
		expect(out.Id).toBe(3);
		expect(out.BillingAddress.City).toBe('Lübeck');
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(
			expect.arrayContaining(['GET /erp/customers', 'PATCH /erp/customers/3']),
		);
		expect(
			calls.find((c) => c.path === '/erp/customers' && c.method === 'GET')?.query,
		).toMatchObject({ number: existing.Number });
		expect(calls.some((c) => c.method === 'POST')).toBe(false);
	});

	it('creates the customer when no customer has that number', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number: 'N-4711' }]);
		expect(result.error).toBeUndefined();
		const [out] = result.output('JTL-Wawi');
		expect(out.Number).toBe('N-4711');
		expect((await jtl.direct.get('/customers?number=N-4711')).Items).toHaveLength(1);
		expect((await jtl.writes()).map((c) => c.method)).toEqual(['POST']);
	});

	it('run twice with the same number, creates once and then updates', async () => {
		await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number: 'N-0815', city: 'Kiel' }]);
		await jtl.run('JtlWawi/customer-upsert.workflow.json', [
			{ number: 'N-0815', city: 'Flensburg' },
		]);
		const found = (await jtl.direct.get('/customers?number=N-0815')).Items;
		expect(found).toHaveLength(1);
		expect(found[0].BillingAddress.City).toBe('Flensburg');
	});

	it('rejects an empty customer number before any request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number: '  ' }]);
		expect(result.error?.message).toBe('Customer Number (item 0) is required');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});
});

describe('Customer > Get', () => {
	it('reads a numeric ID through v1 and a UUID through v2, simplified to the same shape', async () => {
		const v2 = (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];
		const v1 = await jtl.direct.get('/customers/1');
		expect(v1.Number).toBe(v2.customerNumber);
		const byNumber = await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: 1 }]);
		const byUuid = await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: v2.id }]);
		const a = byNumber.output('JTL-Wawi')[0];
		const b = byUuid.output('JTL-Wawi')[0];
		// Both IDs whichever ID was given: id is the v2 UUID, legacyId the v1 number.
		expect(a).toMatchObject({
			id: v2.id,
			legacyId: '1',
			number: v1.Number,
			company: v1.BillingAddress.Company,
			city: v1.BillingAddress.City,
		});
		expect(b).toMatchObject({
			id: v2.id,
			legacyId: '1',
			number: v2.customerNumber,
			company: a.company,
			city: a.city,
			email: a.email,
		});
		expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
	});

	it('returns the full vendor record with Simplify off', async () => {
		const result = await jtl.run('JtlWawi/customer-get.workflow.json', [
			{ customerId: 2, simplify: false },
		]);
		expect(result.output('JTL-Wawi')).toEqual([await jtl.direct.get('/customers/2')]);
	});

	it('rejects an ID that is neither a number nor a UUID', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: 'K10001' }]);
		expect(result.error?.message).toBe(
			'Customer (item 0) must be a positive whole number (v1) or a UUID (v2)',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});
});

describe('Customer > Get Many', () => {
	it('pages through the v2 list and fetches no more pages than needed', async () => {
		await jtl.sandbox.clearRequests();
		const limited = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 7 }]);
		expect(limited.output('JTL-Wawi')).toHaveLength(7);
		const calls = await jtl.apiCalls();
		const pages = calls.filter((c) => c.path === '/erp/v2/customers');
		expect(pages).toHaveLength(1);
		expect(pages[0].query).toMatchObject({ pageNumber: '1', pageSize: '7' });
		// A list carries the IDs its API gives: no lookup per listed customer.
		expect(calls.filter((c) => c.path === '/erp/customers')).toHaveLength(0);
	});

	it('returns all 25 seeded customers over several pages with Return All', async () => {
		await jtl.sandbox.clearRequests();
		const all = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.returnAll = true;
		});
		const out = all.output('JTL-Wawi');
		expect(out).toHaveLength(25);
		expect(new Set(out.map((c) => c.id)).size).toBe(25);
	});

	it('sorts and filters by change date through the v2 list', async () => {
		const everyone = (await jtl.direct.get('/v2/customers?pageSize=100')).items as any[];
		const sorted = [...everyone].sort((a, b) =>
			a.lastChanged < b.lastChanged ? 1 : a.lastChanged > b.lastChanged ? -1 : a.id < b.id ? 1 : -1,
		);
		const cutoff = sorted[10].lastChanged;
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.returnAll = true;
			p.filters = { lastChangedAfter: cutoff };
			p.sort = { sortBy: 'lastChanged', descending: true };
		});
		const out = result.output('JTL-Wawi');
		const expected = everyone.filter((c) => c.lastChanged > cutoff).map((c) => c.id);
		expect(out.map((c) => c.id).sort()).toEqual(expected.sort());
		for (let i = 1; i < out.length; i++)
			expect(String(out[i - 1].lastChanged) >= String(out[i].lastChanged)).toBe(true);
		expect((await jtl.apiCalls())[0].query).toMatchObject({
			sortBy: 'lastChanged,id',
			sortDescending: 'true',
			lastChangedAfter: new Date(cutoff).toISOString(),
		});
	});

	it('searches through the v1 list by keyword and group', async () => {
		const one = await jtl.direct.get('/customers/5');
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { searchKeyWord: one.BillingAddress.City, groupId: one.CustomerGroupId };
		});
		const out = result.output('JTL-Wawi');
		expect(out.map((c) => c.legacyId)).toContain('5');
		// One ID space whichever list answered: the v2 UUIDs of the customer and its group.
		const twin = await jtl.direct.get(`/v2/customers/${out.find((c) => c.legacyId === '5')!.id}`);
		expect(twin.customerNumber).toBe(one.Number);
		for (const c of out) expect(c.groupId).toBe(twin.customerGroupId);
		const call = (await jtl.apiCalls()).find((c) => c.path === '/erp/customers');
		expect(call?.query).toMatchObject({
			searchKeyWord: one.BillingAddress.City,
			groupId: String(one.CustomerGroupId),
		});
	});

	it('refuses to combine a v1 search filter with v2 sorting, before any request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { searchKeyWord: 'Wien' };
			p.sort = { sortBy: 'createdDate' };
		});
		expect(result.error?.message).toBe('Filters (item 0) cannot combine Search Keyword with Sort');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});
});

describe('Customer > Delete', () => {
	it('deletes by numeric ID (v1) and by UUID (v2)', async () => {
		const byNumber = await jtl.run('JtlWawi/customer-delete.workflow.json', [{ customerId: 4 }]);
		expect(byNumber.output('JTL-Wawi')).toEqual([{ deleted: true, customerId: '4' }]);
		expect((await jtl.direct.call('GET', '/customers/4')).status).toBe(404);

		const v2 = (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];
		const byUuid = await jtl.run('JtlWawi/customer-delete.workflow.json', [{ customerId: v2.id }]);
		expect(byUuid.output('JTL-Wawi')).toEqual([{ deleted: true, customerId: v2.id }]);
		expect((await jtl.direct.call('GET', `/v2/customers/${v2.id}`)).status).toBe(404);
	});

	it('reports a missing customer as a 404 NodeApiError', async () => {
		const result = await jtl.run('JtlWawi/customer-delete.workflow.json', [{ customerId: 4242 }]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Customer > Update (PATCH /v2/customer/update)', () => {
	async function firstCustomer() {
		const page = await jtl.direct.get('/v2/customers?pageSize=1');
		return page.items[0];
	}

	it('sends only the fields that were set, with the right types, and changes the customer', async () => {
		const before = await firstCustomer();
		const address = before.addresses[0];
		await jtl.sandbox.clearRequests();

		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [
			{ customerUuid: before.id, addressUuid: address.customerAddressId },
		]);

		expect(result.error).toBeUndefined();
		// The customer is read back and returned (Simplify is off in this workflow).
		expect(result.output('JTL-Wawi')).toEqual([await jtl.direct.get(`/v2/customers/${before.id}`)]);
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => c.method)).toEqual(['PATCH', 'GET']);
		expect(calls[0].method).toBe('PATCH');
		expect(calls[0].path).toBe('/erp/v2/customer/update');
		expect(calls[0].body).toEqual({
			customerId: before.id,
			homepage: 'https://shop.example.com',
			isLocked: false,
			languageIso: 'en',
			accountsReceivableNumber: 40001,
			paymentSettings: {
				creditLimit: 2500,
				paymentDueDateInDays: 30,
				discount: 2.5,
				isDunningBlocked: false,
			},
			addresses: [
				{
					customerAddressId: address.customerAddressId,
					street: 'Neue Straße 5',
					city: 'Hamburg',
					postalCode: '20095',
				},
			],
		});

		const after = await jtl.direct.get(`/v2/customers/${before.id}`);
		expect(after.homepage).toBe('https://shop.example.com');
		expect(after.languageIso).toBe('en');
		expect(after.paymentSettings).toEqual({
			creditLimit: 2500,
			paymentDueDateInDays: 30,
			discount: 2.5,
			isDunningBlocked: false,
		});
		const changed = after.addresses.find(
			(a: any) => a.customerAddressId === address.customerAddressId,
		);
		expect(changed).toMatchObject({
			street: 'Neue Straße 5',
			city: 'Hamburg',
			postalCode: '20095',
			lastName: address.lastName,
		});
		// untouched fields stay
		expect(after.customerNumber).toBe(before.customerNumber);
		expect(after.addresses).toHaveLength(before.addresses.length);
	});

	it('adds a new address when no address ID is given and an address type is set', async () => {
		const before = await firstCustomer();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: before.id }],
			(p) => {
				p.updateFields = {};
				p.paymentSettings = {};
				p.addresses = {
					address: [
						{
							customerAddressId: '',
							fields: { addressType: 1, street: 'Lagerweg 1', city: 'Bremen', countryIso: 'DE' },
						},
					],
				};
			},
		);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/v2/customers/${before.id}`);
		expect(after.addresses).toHaveLength(before.addresses.length + 1);
		expect(after.addresses).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					addressType: 1,
					street: 'Lagerweg 1',
					city: 'Bremen',
					countryIso: 'DE',
				}),
			]),
		);
	});

	it.each([
		[
			'a customer ID that is neither a number nor a UUID',
			{ customerUuid: 'K17' },
			'Customer (item 0) must be a positive whole number (v1) or a UUID (v2)',
		],
		[
			'a bad customer group',
			{ customerUuid: '98e85ee9-0c73-4e03-8075-cb4ecfe86c2f', group: 'gold' },
			'Update Fields > Customer Group Name or ID (item 0) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
		],
		[
			'a negative debtor number',
			{ customerUuid: '98e85ee9-0c73-4e03-8075-cb4ecfe86c2f', debtor: -5 },
			'Update Fields > Accounts Receivable Number (item 0) must be 0 or greater',
		],
		[
			'a bad address ID',
			{ customerUuid: '98e85ee9-0c73-4e03-8075-cb4ecfe86c2f', addressUuid: '12' },
			'Addresses > Address 1 > Address ID (item 0) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
		],
	])('rejects %s before sending anything', async (_label, input, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ addressUuid: 'b45f6432-2462-4c6f-b00f-1d9d01000000', ...input }],
			(p) => {
				if ('group' in input) p.updateFields.customerGroupId = '={{ $json.group }}';
			},
		);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.itemIndex).toBe(0);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('rejects an update with nothing to change', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: '98e85ee9-0c73-4e03-8075-cb4ecfe86c2f' }],
			(p) => {
				p.updateFields = {};
				p.paymentSettings = {};
				p.addresses = {};
			},
		);
		expect(result.error?.message).toMatch(/^Nothing to update \(item 0\)/);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('reports the vendor field errors of a 400 as a NodeApiError', async () => {
		const before = await firstCustomer();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: before.id }],
			(p) => {
				// a well-formed UUID that does not exist as a customer group
				p.updateFields = { customerGroupId: '00000000-0000-4000-8000-000000000000' };
				p.paymentSettings = {};
				p.addresses = {};
			},
		);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('400');
		expect(`${result.error?.message} ${result.error?.description}`).toContain('customerGroupId');
	});

	it('retries the idempotent update command through a 503', async () => {
		const before = await firstCustomer();
		await jtl.sandbox.fault({
			method: 'PATCH',
			path: '/erp/v2/customer/update',
			status: 503,
			times: 1,
		});
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [
			{ customerUuid: before.id, addressUuid: before.addresses[0].customerAddressId },
		]);
		// PATCH is idempotent here (same body, same result), so a 503 is retried once and succeeds
		expect(result.error).toBeUndefined();
		expect((await jtl.apiCalls()).filter((r) => r.method === 'PATCH')).toHaveLength(2);
	});
});

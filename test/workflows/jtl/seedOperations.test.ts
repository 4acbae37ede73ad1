/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';
import { loadWorkflow, runWorkflow } from '../../harness/runWorkflow';

const jtl = useJtlSandbox();

describe('Contact > Get Many (GET /customers/{customerId}/contacts)', () => {
	it('returns one item per contact, paired with its input item', async () => {
		const expected = await jtl.direct.get('/customers/1/contacts');
		expect(expected.length).toBeGreaterThan(0);
		await jtl.sandbox.clearRequests();

		const result = await jtl.run('jtl/contact-getAll.workflow.json', [{ customerId: 1 }]);

		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(expected);
		expect(result.pairedItems('JTL-Wawi')).toEqual(expected.map(() => 0));
		const calls = await jtl.apiCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'GET', path: '/erp/customers/1/contacts' });
		expect(calls[0].headers).toMatchObject({
			authorization: 'Bearer ***',
			'x-tenant-id': '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
			'x-appid': 'n8n-nodes-erp-customers/0.1.0',
			'x-appversion': '0.1.0',
		});
	});

	it('runs once per input item and pairs each contact with the item it came from', async () => {
		const c1 = await jtl.direct.get('/customers/1/contacts');
		const c2 = await jtl.direct.get('/customers/2/contacts');
		const result = await jtl.run('jtl/contact-getAll.workflow.json', [
			{ customerId: 1 },
			{ customerId: 2 },
		]);
		expect(result.output('JTL-Wawi')).toEqual([...c1, ...c2]);
		expect(result.pairedItems('JTL-Wawi')).toEqual([...c1.map(() => 0), ...c2.map(() => 1)]);
	});

	it('honours the limit when Return All is off', async () => {
		const all = await jtl.direct.get('/customers/1/contacts');
		expect(all.length).toBeGreaterThan(1);
		const result = await jtl.run('jtl/contact-getAll.workflow.json', [{ customerId: 1 }], (p) => {
			p.returnAll = false;
			p.limit = 1;
		});
		expect(result.output('JTL-Wawi')).toEqual([all[0]]);
	});

	it.each([
		['abc', 'must be a whole number'],
		['12.5', 'must be a whole number'],
		['-3', 'must be 1 or greater'],
		['99999999999', 'must fit a 32-bit integer'],
		['b45f6432-2462-4c6f-b00f-1d9d01000000', 'must be a whole number'],
	])('rejects customer ID %s before sending anything', async (value, reason) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('jtl/contact-getAll.workflow.json', [
			{ customerId: 1 },
			{ customerId: value },
		]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(`Customer (item 1) ${reason}`);
		expect(result.error?.itemIndex).toBe(1);
		// item 0 was valid and fetched; item 1 never reached the API
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => c.path)).toEqual(['/erp/customers/1/contacts']);
	});

	it('turns a 404 into a NodeApiError with the vendor message and the item index', async () => {
		const result = await jtl.run('jtl/contact-getAll.workflow.json', [
			{ customerId: 1 },
			{ customerId: 999999 },
		]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^JTL-Wawi: .*999999|^JTL-Wawi: .*not found/i);
		expect(result.error?.itemIndex).toBe(1);
	});

	it('with Continue On Fail, reports the failing item and keeps the others', async () => {
		const c1 = await jtl.direct.get('/customers/1/contacts');
		const result = await jtl.run(
			'jtl/contact-getAll.workflow.json',
			[{ customerId: 'x' }, { customerId: 1 }],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0]).toMatchObject({ error: 'Customer (item 0) must be a whole number' });
		expect(out.slice(1)).toEqual(c1);
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, ...c1.map(() => 1)]);
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

		const result = await jtl.run('jtl/customer-update.workflow.json', [
			{ customerUuid: before.id, addressUuid: address.customerAddressId },
		]);

		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{ success: true, customerId: before.id, message: 'Customer changed successfully' },
		]);
		const calls = await jtl.apiCalls();
		expect(calls).toHaveLength(1);
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
			'jtl/customer-update.workflow.json',
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
			'a numeric customer ID',
			{ customerUuid: '17' },
			'Customer (item 0) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
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
			'jtl/customer-update.workflow.json',
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
			'jtl/customer-update.workflow.json',
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
			'jtl/customer-update.workflow.json',
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
		const result = await jtl.run('jtl/customer-update.workflow.json', [
			{ customerUuid: before.id, addressUuid: before.addresses[0].customerAddressId },
		]);
		// PATCH is idempotent here (same body, same result), so a 503 is retried once and succeeds
		expect(result.error).toBeUndefined();
		expect((await jtl.apiCalls()).filter((r) => r.method === 'PATCH')).toHaveLength(2);
	});
});

describe('Customer Price > Get Many (GET /items/{itemId}/customerPrices)', () => {
	async function itemWithPrices(min: number) {
		for (let id = 1; id <= 10; id++) {
			const prices = await jtl.direct.get(`/items/${id}/customerPrices`);
			if (prices.length >= min) return { id, prices };
		}
		throw new Error('no seeded item has enough prices');
	}

	it('returns the prices of the item', async () => {
		const { id, prices } = await itemWithPrices(2);
		const result = await jtl.run('jtl/customerPrice-getAll.workflow.json', [{ itemId: id }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(prices);
		for (const price of result.output('JTL-Wawi')) {
			const kinds = [price.NetPrice, price.ReduceStandardPriceByPercent].filter(
				(v) => v !== null && v !== undefined,
			);
			expect(kinds).toHaveLength(1);
		}
	});

	it('applies the limit and the customer filter', async () => {
		const { id, prices } = await itemWithPrices(2);
		const limited = await jtl.run('jtl/customerPrice-getAll.workflow.json', [
			{ itemId: id, limit: 1 },
		]);
		expect(limited.output('JTL-Wawi')).toEqual([prices[0]]);

		const customerId = prices[prices.length - 1].CustomerId;
		const filtered = await jtl.run(
			'jtl/customerPrice-getAll.workflow.json',
			[{ itemId: id }],
			(p) => {
				p.filters = { customerId: String(customerId) };
				p.returnAll = true;
			},
		);
		expect(filtered.output('JTL-Wawi')).toEqual(
			prices.filter((p: any) => p.CustomerId === customerId),
		);
	});

	it('rejects a bad item ID and a bad limit before sending anything', async () => {
		await jtl.sandbox.clearRequests();
		const bad = await jtl.run('jtl/customerPrice-getAll.workflow.json', [{ itemId: 'SKU-1' }]);
		expect(bad.error?.message).toBe('Item ID (item 0) must be a whole number');
		const badLimit = await jtl.run('jtl/customerPrice-getAll.workflow.json', [
			{ itemId: 1, limit: 0 },
		]);
		expect(badLimit.error?.message).toBe('Limit (item 0) must be 1 or greater');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('retries a GET through a 503 and a dropped connection', async () => {
		const { id, prices } = await itemWithPrices(1);
		await jtl.sandbox.fault([
			{ method: 'GET', path: `/erp/items/${id}/customerPrices`, status: 503, times: 1 },
			{ method: 'GET', path: `/erp/items/${id}/customerPrices`, drop: true, times: 1 },
		]);
		const result = await jtl.run('jtl/customerPrice-getAll.workflow.json', [{ itemId: id }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(prices);
	});
});

describe('Authentication against the sandbox', () => {
	it('fetches a client-credentials token once with HTTP Basic and reuses it', async () => {
		const shared = await import('../../harness/credentialsHelper');
		const helper = new shared.TestCredentialsHelper(jtl.credentials());
		await runWorkflow(loadWorkflow('jtl/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		await runWorkflow(loadWorkflow('jtl/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 2 }],
		});
		const state = (await jtl.sandbox.control('GET', 'state')) as { tokensIssued: number };
		expect(state.tokensIssued).toBe(1);
		expect(helper.tokenUpdates).toBe(1);
	});

	it('renews an expired token and repeats the request once', async () => {
		const shared = await import('../../harness/credentialsHelper');
		const helper = new shared.TestCredentialsHelper(jtl.credentials());
		const first = await runWorkflow(loadWorkflow('jtl/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		expect(first.error).toBeUndefined();
		await jtl.sandbox.advanceClock(7200);
		const second = await runWorkflow(loadWorkflow('jtl/contact-getAll.workflow.json'), helper, {
			items: [{ customerId: 1 }],
		});
		expect(second.error).toBeUndefined();
		expect(second.output('JTL-Wawi')).toEqual(first.output('JTL-Wawi'));
		const state = (await jtl.sandbox.control('GET', 'state')) as { tokensIssued: number };
		expect(state.tokensIssued).toBe(2);
	});

	it('fails with a clear error when the tenant ID in the credential is not a UUID', async () => {
		await jtl.sandbox.clearRequests();
		const result = await runWorkflow(
			loadWorkflow('jtl/contact-getAll.workflow.json'),
			jtl.credentials({ tenantId: 'my-shop' }),
		);
		expect(result.error?.message).toBe(
			'The JTL-Wawi credential has no valid Tenant ID: it must be a UUID',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('reports wrong client credentials without leaking the secret', async () => {
		const result = await runWorkflow(
			loadWorkflow('jtl/contact-getAll.workflow.json'),
			jtl.credentials({ clientSecret: 'wrong-secret-value' }),
		);
		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.error)).not.toContain('wrong-secret-value');
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

const pricesOf = async (itemId: number) => await jtl.direct.get(`/items/${itemId}/customerPrices`);

/** A seeded price of the given kind; tests may change or delete it, reset restores it. */
async function seededPrice(kind: 'net' | 'percent') {
	for (let id = 1; id <= 10; id++) {
		const price = (await pricesOf(id)).find((p: any) =>
			kind === 'net' ? p.NetPrice > 0 : p.ReduceStandardPriceByPercent > 0,
		);
		if (price) return price;
	}
	throw new Error(`no seeded ${kind} price`);
}

/** An item and a customer without any price between them. */
async function freeKey() {
	for (let itemId = 1; itemId <= 10; itemId++) {
		const taken = new Set((await pricesOf(itemId)).map((p: any) => p.CustomerId));
		for (let customerId = 1; customerId <= 25; customerId++) {
			if (!taken.has(customerId)) return { itemId, customerId };
		}
	}
	throw new Error('no free item/customer pair');
}

describe('Customer Price > Create (POST /items/{itemId}/customerPrices)', () => {
	const file = 'JtlWawi/customerPrice-create.workflow.json';

	it('creates a net price and returns it', async () => {
		const { itemId, customerId } = await freeKey();
		const before = await pricesOf(itemId);
		await jtl.sandbox.clearRequests();

		const result = await jtl.run(file, [{ itemId, customerId, fromQuantity: 5, netPrice: 19.99 }]);

		expect(result.error).toBeUndefined();
		const created = {
			ItemId: itemId,
			CustomerId: customerId,
			FromQuantity: 5,
			NetPrice: 19.99,
			// JTL's schema: both are required numbers; the unused one comes as 0.
			ReduceStandardPriceByPercent: 0,
		};
		expect(result.output('JTL-Wawi')).toEqual([created]);
		const after = await pricesOf(itemId);
		expect(after).toHaveLength(before.length + 1);
		expect(after).toContainEqual(created);

		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
			['POST', `/erp/items/${itemId}/customerPrices`, 201],
		]);
		expect(calls[0].body).toEqual({ CustomerId: customerId, FromQuantity: 5, NetPrice: 19.99 });
	});

	it('sends no price of 0 that nobody entered: an untouched Net Price stops the item', async () => {
		const { itemId, customerId } = await freeKey();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ itemId, customerId }], (p) => {
			delete p.netPrice;
		});
		expect(result.error?.message).toBe(
			'Net Price or Percent Reduction (item 0) is required; give exactly one of them',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
		// Entered on purpose, 0 is a price like any other.
		const free = await jtl.run(file, [{ itemId, customerId, netPrice: 0 }]);
		expect(free.error).toBeUndefined();
		expect(free.output('JTL-Wawi')[0]).toMatchObject({ NetPrice: 0 });
	});

	it('creates a percent reduction when Price Type says so', async () => {
		const { itemId, customerId } = await freeKey();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ itemId, customerId, percent: 7.5, netPrice: 3 }], (p) => {
			p.priceType = 'percent';
			p.reduceStandardPriceByPercent = '={{ $json.percent }}';
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{
				ItemId: itemId,
				CustomerId: customerId,
				FromQuantity: 0,
				NetPrice: 0,
				ReduceStandardPriceByPercent: 7.5,
			},
		]);
		// the hidden Net Price field is not sent, whatever the item holds
		expect((await jtl.apiCalls())[0].body).toEqual({
			CustomerId: customerId,
			FromQuantity: 0,
			ReduceStandardPriceByPercent: 7.5,
		});
	});

	it('turns a duplicate price (409) into a NodeApiError with the vendor message', async () => {
		const existing = await seededPrice('net');
		const before = await pricesOf(existing.ItemId);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{
				itemId: existing.ItemId,
				customerId: existing.CustomerId,
				fromQuantity: existing.FromQuantity,
				netPrice: 1,
			},
		]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('409');
		expect(result.error?.message).toBe(
			`JTL-Wawi: A customer price for customer ${existing.CustomerId} from quantity ${existing.FromQuantity} already exists. [Conflict]`,
		);
		expect(result.error?.itemIndex).toBe(0);
		expect((await jtl.apiCalls()).filter((r) => r.method === 'POST')).toHaveLength(1);
		expect(await pricesOf(existing.ItemId)).toEqual(before);
	});

	it('after a 503 looks the price up first and sends it again only because it was not applied: one price', async () => {
		const { itemId, customerId } = await freeKey();
		const before = await pricesOf(itemId);
		await jtl.sandbox.fault({
			method: 'POST',
			path: `/erp/items/${itemId}/customerPrices`,
			status: 503,
			times: 1,
		});
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ itemId, customerId, netPrice: 10 }]);
		expect(result.error).toBeUndefined();
		const calls = (await jtl.apiCalls()).map((r) => `${r.method} ${r.status}`);
		expect(calls.filter((c) => c.startsWith('POST'))).toEqual(['POST 503', 'POST 201']);
		expect(calls).toContain('GET 200'); // the look-up by item, customer and from-quantity
		const after = await pricesOf(itemId);
		expect(after).toHaveLength(before.length + 1);
	});

	it.each([
		['a negative net price', { netPrice: -1 }, 'Net Price (item 0) must be 0 or greater'],
		[
			'no net price',
			{},
			'Net Price or Percent Reduction (item 0) is required; give exactly one of them',
		],
		[
			'a fractional from-quantity',
			{ netPrice: 1, fromQuantity: 1.5 },
			'From Quantity (item 0) must be a whole number',
		],
		[
			'an item number instead of an ID',
			{ netPrice: 1, itemId: 'SKU-1' },
			'Item (item 0) must be a whole number',
		],
		[
			'a customer ID beyond int32',
			{ netPrice: 1, customerId: 2147483648 },
			'Customer (item 0) must fit a 32-bit integer',
		],
	])('rejects %s before sending anything', async (_label, input, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ itemId: 2, customerId: 1, ...input }]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.itemIndex).toBe(0);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('with Continue On Fail, a duplicate becomes an error item and the other price is created', async () => {
		const existing = await seededPrice('percent');
		const { itemId, customerId } = await freeKey();
		const result = await jtl.run(
			file,
			[
				{
					itemId: existing.ItemId,
					customerId: existing.CustomerId,
					fromQuantity: existing.FromQuantity,
					netPrice: 1,
				},
				{ itemId, customerId, netPrice: 2 },
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0].error).toMatch(/^JTL-Wawi: A customer price .* already exists/);
		expect(out[1]).toMatchObject({ ItemId: itemId, CustomerId: customerId, NetPrice: 2 });
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
	});
});

describe('Customer Price > Update (PATCH /items/{itemId}/customerPrices/{customerId}/{fromQuantity})', () => {
	const file = 'JtlWawi/customerPrice-update.workflow.json';

	it('switches a net price to a percent reduction and returns the price as read back', async () => {
		const price = await seededPrice('net');
		const key = `${price.ItemId}/customerPrices/${price.CustomerId}/${price.FromQuantity}`;
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{
				itemId: price.ItemId,
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity,
				priceType: 'percent',
				percent: 12,
			},
		]);
		expect(result.error).toBeUndefined();
		const expected = { ...price, NetPrice: 0, ReduceStandardPriceByPercent: 12 };
		expect(result.output('JTL-Wawi')).toEqual([expected]);
		expect(await pricesOf(price.ItemId)).toContainEqual(expected);

		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
			['PATCH', `/erp/items/${key}`, 204],
			['GET', `/erp/items/${price.ItemId}/customerPrices`, 200],
		]);
		expect(calls[0].body).toEqual({ ReduceStandardPriceByPercent: 12 });
	});

	it('changes a net price', async () => {
		const price = await seededPrice('net');
		const result = await jtl.run(file, [
			{
				itemId: price.ItemId,
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity,
				netPrice: 0,
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([{ ...price, NetPrice: 0 }]);
	});

	it.each([
		[
			'both values',
			{ priceType: 'netPrice', netPrice: 5, percent: 5 },
			'Net Price and Percent Reduction (item 0) are both set; give exactly one of them',
		],
		[
			'neither value',
			{ priceType: 'percent' },
			'Net Price or Percent Reduction (item 0) is required; give exactly one of them',
		],
		[
			'a value of the other type',
			{ priceType: 'percent', netPrice: 5 },
			'Price Type (item 0) is percent, but only Net Price has a value',
		],
		[
			'a reduction above 100 %',
			{ priceType: 'percent', percent: 101 },
			'Percent Reduction (item 0) must be between 0 and 100',
		],
		[
			'an unknown price type',
			{ priceType: 'gross', netPrice: 5 },
			'Price Type (item 0) must be netPrice (Net Price) or percent (Percent Reduction of the Standard Price)',
		],
	])('rejects %s (expression-built input) before sending anything', async (_l, input, message) => {
		const price = await seededPrice('net');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{
				itemId: price.ItemId,
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity,
				...input,
			},
		]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(result.error?.itemIndex).toBe(0);
		expect(await jtl.apiCalls()).toHaveLength(0);
		expect(await pricesOf(price.ItemId)).toContainEqual(price);
	});

	it('turns a price that does not exist (404) into a NodeApiError', async () => {
		const price = await seededPrice('net');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{
				itemId: price.ItemId,
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity + 1,
				netPrice: 5,
			},
		]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^JTL-Wawi: Customer price .* was not found/);
		// no re-read after a failed PATCH
		expect((await jtl.apiCalls()).map((c) => c.method)).toEqual(['PATCH']);
	});

	it('with Continue On Fail, reports the failing item and updates the others', async () => {
		const price = await seededPrice('percent');
		const result = await jtl.run(
			file,
			[
				{ itemId: price.ItemId, customerId: price.CustomerId, netPrice: 1, percent: 1 },
				{
					itemId: price.ItemId,
					customerId: price.CustomerId,
					fromQuantity: price.FromQuantity,
					priceType: 'percent',
					percent: 3,
				},
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			expect.objectContaining({
				error: 'Net Price and Percent Reduction (item 0) are both set; give exactly one of them',
			}),
			{ ...price, ReduceStandardPriceByPercent: 3 },
		]);
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
	});
});

describe('Customer Price > Delete (DELETE /items/{itemId}/customerPrices/{customerId}/{fromQuantity})', () => {
	const file = 'JtlWawi/customerPrice-delete.workflow.json';

	it('deletes the price and reports it', async () => {
		const price = await seededPrice('net');
		const before = await pricesOf(price.ItemId);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{
				itemId: String(price.ItemId),
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity,
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{
				deleted: true,
				itemId: price.ItemId,
				customerId: price.CustomerId,
				fromQuantity: price.FromQuantity,
			},
		]);
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
			[
				'DELETE',
				`/erp/items/${price.ItemId}/customerPrices/${price.CustomerId}/${price.FromQuantity}`,
				204,
			],
		]);
		const after = await pricesOf(price.ItemId);
		expect(after).toHaveLength(before.length - 1);
		expect(after).not.toContainEqual(price);
	});

	it('turns a price that does not exist (404) into a NodeApiError', async () => {
		const { itemId, customerId } = await freeKey();
		const result = await jtl.run(file, [{ itemId, customerId }]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
	});

	it('rejects a negative from-quantity before sending anything', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ itemId: 1, customerId: 1, fromQuantity: -10 }]);
		expect(result.error?.message).toBe('From Quantity (item 0) must be 0 or greater');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('with Continue On Fail, reports the failing item and deletes the others', async () => {
		const price = await seededPrice('percent');
		const result = await jtl.run(
			file,
			[
				{ itemId: 'x', customerId: 1 },
				{ itemId: price.ItemId, customerId: price.CustomerId, fromQuantity: price.FromQuantity },
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0]).toMatchObject({ error: 'Item (item 0) must be a whole number' });
		expect(out[1]).toEqual({
			deleted: true,
			itemId: price.ItemId,
			customerId: price.CustomerId,
			fromQuantity: price.FromQuantity,
		});
		expect(await pricesOf(price.ItemId)).not.toContainEqual(price);
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
		const result = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [{ itemId: id }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(prices);
		for (const price of result.output('JTL-Wawi')) {
			// Both are numbers (JTL's schema); a price uses one of them, the other is 0.
			expect(typeof price.NetPrice).toBe('number');
			expect(typeof price.ReduceStandardPriceByPercent).toBe('number');
			expect(
				[price.NetPrice, price.ReduceStandardPriceByPercent].filter((v) => v !== 0),
			).toHaveLength(1);
		}
	});

	it('applies the limit and the customer filter', async () => {
		const { id, prices } = await itemWithPrices(2);
		const limited = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [
			{ itemId: id, limit: 1 },
		]);
		expect(limited.output('JTL-Wawi')).toEqual([prices[0]]);

		const customerId = prices[prices.length - 1].CustomerId;
		const filtered = await jtl.run(
			'JtlWawi/customerPrice-getAll.workflow.json',
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
		const bad = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [{ itemId: 'SKU-1' }]);
		expect(bad.error?.message).toBe('Item (item 0) must be a whole number');
		const badLimit = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [
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
		const result = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [{ itemId: id }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(prices);
	});
});

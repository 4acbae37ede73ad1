import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

describe('Sales Price (v1 /api/v1/salesPrices)', () => {
	it('creates a customer price with quantity tier, price, currency and start date', async () => {
		const result = await xentral.run('Xentral/salesPrice-create.workflow.json', [
			{
				customerId: '2',
				productId: '14',
				fromQuantity: 10,
				price: 24.2,
				currency: 'eur',
				validFrom: '2026-03-01',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toEqual({
			id: '7',
			productId: '14',
			customerId: '2',
			customerNumber: '10002',
			customerGroupId: null,
			fromQuantity: 10,
			price: 24.2,
			currency: 'EUR',
			validFrom: '2026-03-01',
			validTo: null,
		});
		const [post] = await xentral.apiCalls();
		expect(post.body).toEqual({
			product: { id: '14' },
			customer: { id: '2' },
			amount: 10,
			price: { amount: '24.2', currency: 'EUR' },
			validFrom: '2026-03-01',
		});
	});

	it('finds the price after a lost answer instead of creating it twice', async () => {
		await xentral.sandbox.fault({
			method: 'POST',
			path: '/api/v1/salesPrices',
			drop: true,
			afterHandler: true,
		});
		const result = await xentral.run('Xentral/salesPrice-create.workflow.json', [
			{
				customerId: '2',
				productId: '14',
				fromQuantity: 10,
				price: 24.2,
				currency: 'EUR',
				validFrom: '2026-03-01',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '7', price: 24.2 });
		expect((await xentral.writes()).length).toBe(1);
		const all = await xentral.direct('GET', '/api/v1/salesPrices?page[number]=1&page[size]=50');
		expect(all.body.extra.totalCount).toBe(7);
	});

	it('refuses a negative price before any request', async () => {
		const result = await xentral.run('Xentral/salesPrice-create.workflow.json', [
			{
				customerId: '2',
				productId: '14',
				fromQuantity: 1,
				price: -1,
				currency: 'EUR',
				validFrom: '2026-03-01',
			},
		]);
		expect(result.error?.message).toBe('Price (item 0) must be 0 or greater');
		expect(await xentral.apiCalls()).toEqual([]);
	});

	it('gets one, lists all sorted by price, updates the price keeping the currency, deletes', async () => {
		const got = await xentral.run('Xentral/salesPrice-get.workflow.json', [{ salesPriceId: '6' }]);
		expect(got.output('Xentral')[0]).toMatchObject({
			id: '6',
			customerGroupId: '1',
			fromQuantity: 10,
			price: 9.5,
		});

		await xentral.sandbox.clearRequests();
		const list = await xentral.run('Xentral/salesPrice-getAll.workflow.json', [{}]);
		expect(list.output('Xentral').map((p) => [p.price, p.customerNumber])).toEqual([
			[15, '10005'],
			[14, '10004'],
			[13, '10003'],
			[12, '10002'],
			[11, '10001'],
			[9.5, null],
		]);
		// The five customers' numbers in one list read.
		const numberReads = (await xentral.apiCalls()).filter((c) => c.path === '/api/v2/customers');
		expect(numberReads).toHaveLength(1);
		expect(numberReads[0].query['filter[0][op]']).toBe('in');
		const listCall = (await xentral.apiCalls()).find((c) => c.path === '/api/v1/salesPrices')!;
		expect(listCall.query).toMatchObject({ 'order[0][field]': 'price', 'order[0][dir]': 'desc' });

		const updated = await xentral.run('Xentral/salesPrice-update.workflow.json', [
			{ salesPriceId: '6', price: 8.75 },
		]);
		expect(updated.error).toBeUndefined();
		expect(updated.output('Xentral')[0]).toMatchObject({ price: 8.75, currency: 'EUR' });

		const deleted = await xentral.run('Xentral/salesPrice-delete.workflow.json', [
			{ salesPriceId: '6' },
		]);
		expect(deleted.output('Xentral')).toEqual([{ deleted: true, salesPriceId: '6' }]);
		expect((await xentral.direct('GET', '/api/v1/salesPrices/6')).status).toBe(404);
	});
});

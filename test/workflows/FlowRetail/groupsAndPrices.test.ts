import { useFlowRetailSandbox } from '../../harness/flowRetailSuite';

const flow = useFlowRetailSandbox();
const W = (name: string) => `FlowRetail/${name}.workflow.json`;

describe('Customer Group', () => {
	it('Create (201) with a client UID, Get, Get Many, Update', async () => {
		const created = await flow.run(W('customerGroup-create'), [{ name: 'VIP', uid: 'g-vip' }]);
		expect(created.output('Flow Retail')[0]).toMatchObject({
			customerGroupUid: 'g-vip',
			name: 'VIP',
		});
		expect((await flow.writes())[0].status).toBe(201);
		const got = await flow.run(W('customerGroup-get'), [{ recordUid: 'g-vip' }]);
		expect(got.output('Flow Retail')[0]).toMatchObject({ name: 'VIP' });
		const many = await flow.run(W('customerGroup-getAll'), [{}]);
		expect(many.output('Flow Retail')).toHaveLength(4);
		const updated = await flow.run(W('customerGroup-update'), [
			{ recordUid: 'g-vip', name: 'VIP+' },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({ name: 'VIP+' });
	});
	it('a second create with the same UID is a 409 NodeApiError, not a second group', async () => {
		const result = await flow.run(W('customerGroup-create'), [{ name: 'Again', uid: 'group-1' }]);
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '409' });
		expect((await flow.direct.get('/customer-groups')).paging.totalCount).toBe(3);
	});
});

describe('Price List', () => {
	it('Create (200), Get, Get Many by external ID, Update', async () => {
		const created = await flow.run(W('priceList-create'), [
			{ name: 'Outlet', externalId: 'OUT', uid: 'pl-out' },
		]);
		expect(created.output('Flow Retail')[0]).toMatchObject({
			pricelistUid: 'pl-out',
			externalId: 'OUT',
		});
		expect((await flow.writes())[0].status).toBe(200);
		const got = await flow.run(W('priceList-get'), [{ recordUid: 'pl-out' }]);
		expect(got.output('Flow Retail')[0]).toMatchObject({ name: 'Outlet' });
		const many = await flow.run(W('priceList-getAll'), [{ externalId: 'OUT' }]);
		expect(many.output('Flow Retail').map((p) => p.pricelistUid)).toEqual(['pl-out']);
		const updated = await flow.run(W('priceList-update'), [
			{ recordUid: 'pl-out', name: 'Outlet 2' },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({ name: 'Outlet 2' });
	});
});

describe('Price (of a price list)', () => {
	it('Create, Get, Get Many, Update', async () => {
		const created = await flow.run(W('price-create'), [
			{ pricelistUid: 'pricelist-1', productUid: 'product-9', price: 12900, uid: 'pr-1' },
		]);
		expect(created.error).toBeUndefined();
		expect(created.output('Flow Retail')[0]).toMatchObject({ priceUid: 'pr-1', price: 12900 });
		const got = await flow.run(W('price-get'), [
			{ pricelistUid: 'pricelist-1', recordUid: 'pr-1' },
		]);
		expect(got.output('Flow Retail')[0]).toMatchObject({ productUid: 'product-9' });
		const many = await flow.run(W('price-getAll'), [{ pricelistUid: 'pricelist-1' }]);
		expect(many.output('Flow Retail')).toHaveLength(4);
		const updated = await flow.run(W('price-update'), [
			{ pricelistUid: 'pricelist-1', recordUid: 'pr-1', price: 9900 },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({ price: 9900 });
	});
	it('refuses a fractional price naming field and item', async () => {
		const result = await flow.run(W('price-create'), [
			{ pricelistUid: 'pricelist-1', productUid: 'p', price: 1.5 },
		]);
		expect(result.error?.message).toBe('Price (Minor Units) (item 0) must be a whole number');
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

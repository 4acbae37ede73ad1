import { useFlowRetailSandbox } from '../../harness/flowRetailSuite';

const flow = useFlowRetailSandbox();
const C = (op: string) => `FlowRetail/customerContact-${op}.workflow.json`;
const A = (op: string) => `FlowRetail/customerAddress-${op}.workflow.json`;

describe('Customer Contact', () => {
	it('Create sends a client UID, Get / Get Many / Update / Delete follow it', async () => {
		const created = await flow.run(C('create'), [
			{
				customerUid: 'cust-0001',
				firstname: 'Per',
				lastname: 'Ås',
				email: 'per@example.no',
				uid: 'ct-1',
			},
		]);
		expect(created.error).toBeUndefined();
		// The contact names its customer; Flow Retail has no customer number (docs/flow-retail.md).
		expect(created.output('Flow Retail')[0]).toEqual({
			id: 'ct-1',
			customerId: 'cust-0001',
			customerNumber: null,
			salutation: null,
			firstName: 'Per',
			lastName: 'Ås',
			email: 'per@example.no',
			phone: null,
			mobilePhone: null,
			fax: null,
			department: null,
		});
		const got = await flow.run(C('get'), [{ customerUid: 'cust-0001', recordUid: 'ct-1' }]);
		expect(got.output('Flow Retail')[0]).toMatchObject({ id: 'ct-1' });
		const many = await flow.run(C('getAll'), [{ customerUid: 'cust-0001' }]);
		expect(many.output('Flow Retail').map((c) => c.id)).toEqual(['ct-1']);
		const updated = await flow.run(C('update'), [
			{ customerUid: 'cust-0001', recordUid: 'ct-1', email: 'new@example.no' },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({ email: 'new@example.no' });
		const deleted = await flow.run(C('delete'), [{ customerUid: 'cust-0001', recordUid: 'ct-1' }]);
		expect(deleted.output('Flow Retail')[0]).toEqual({
			deleted: true,
			customerUid: 'cust-0001',
			customerContactUid: 'ct-1',
		});
		expect((await flow.direct.send('GET', '/customers/cust-0001/contacts/ct-1')).status).toBe(404);
	});

	it('a contact create retried after a lost answer leaves one contact', async () => {
		await flow.sandbox.fault({
			method: 'POST',
			pathRegex: '/contacts$',
			drop: true,
			afterHandler: true,
		});
		const result = await flow.run(C('create'), [
			{ customerUid: 'cust-0002', firstname: 'A', lastname: 'B', email: 'a@b.no' },
		]);
		expect(result.error).toBeUndefined();
		expect((await flow.direct.get('/customers/cust-0002/contacts')).paging.totalCount).toBe(1);
	});

	it('refuses an empty last name and a bad record UID naming field and item', async () => {
		const empty = await flow.run(C('create'), [
			{ customerUid: 'cust-0001', firstname: 'A', lastname: ' ', email: 'a@b.no' },
		]);
		expect(empty.error?.message).toBe('Last Name (item 0) is required');
		const bad = await flow.run(C('get'), [{ customerUid: 'cust-0001', recordUid: 'x y' }]);
		expect(bad.error?.message).toMatch(/^Contact UID \(item 0\) must be a Flow Retail UID/);
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

describe('Customer Address', () => {
	it('Create (INVOICE_ADDRESS), Get, Get Many, Update and Delete', async () => {
		const created = await flow.run(A('create'), [
			{
				customerUid: 'cust-0003',
				type: 'INVOICE_ADDRESS',
				street: 'Storgata 1',
				city: 'Oslo',
				uid: 'ad-1',
			},
		]);
		expect(created.error).toBeUndefined();
		expect(created.output('Flow Retail')[0]).toMatchObject({
			id: 'ad-1',
			customerId: 'cust-0003',
			type: 'billing',
			street: 'Storgata 1',
			city: 'Oslo',
			countryIso: 'NO',
		});
		const [call] = await flow.writes();
		expect(call.body).toEqual({
			type: 'INVOICE_ADDRESS',
			address: 'Storgata 1',
			city: 'Oslo',
			countryCode: 'NO',
			customerAddressUid: 'ad-1',
		});
		const got = await flow.run(A('get'), [{ customerUid: 'cust-0003', recordUid: 'ad-1' }], (p) => {
			p.simplify = false;
		});
		expect(got.output('Flow Retail')[0]).toMatchObject({
			customerAddressUid: 'ad-1',
			type: 'INVOICE_ADDRESS',
			phone: '',
		});
		const many = await flow.run(A('getAll'), [{ customerUid: 'cust-0003' }]);
		expect(many.output('Flow Retail')).toHaveLength(1);
		const updated = await flow.run(A('update'), [
			{ customerUid: 'cust-0003', recordUid: 'ad-1', city: 'Bergen' },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({ city: 'Bergen' });
		const deleted = await flow.run(A('delete'), [{ customerUid: 'cust-0003', recordUid: 'ad-1' }]);
		expect(deleted.output('Flow Retail')[0]).toMatchObject({ deleted: true });
	});
	it('refuses an address type outside the two', async () => {
		const result = await flow.run(A('create'), [
			{ customerUid: 'cust-0003', type: 'HOME', street: 'x', city: 'y' },
		]);
		expect(result.error?.message).toMatch(/^Type \(item 0\) must be one of Delivery Address/);
	});
});

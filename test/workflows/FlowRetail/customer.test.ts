import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';

const flow = useFlowRetailSandbox();
const W = (op: string) => `FlowRetail/customer-${op}.workflow.json`;
const COMMON_KEYS = [
	'id',
	'legacyId',
	'number',
	'externalId',
	'type',
	'company',
	'firstName',
	'lastName',
	'email',
	'phone',
	'mobile',
	'street',
	'postalCode',
	'city',
	'countryIso',
	'groupId',
	'languageIso',
	'createdAt',
	'updatedAt',
	'customerSince',
	'isLocked',
	'source',
];

describe('Customer > Get Many (GET /customers)', () => {
	it('reads every customer page by page in the common shape', async () => {
		const result = await flow.run(W('getAll'), [{ returnAll: true }], (p) => {
			p.limit = 10;
		});
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out).toHaveLength(25);
		expect(Object.keys(out[0])).toEqual(COMMON_KEYS);
		expect(out[0]).toMatchObject({ source: 'flowRetail', countryIso: 'NO' });
		expect(new Set(out.map((c) => c.id)).size).toBe(25);
	});

	it('filters by external ID, sorts, and stops at the limit', async () => {
		const one = await flow.run(W('getAll'), [{ externalId: 'EXT-3' }]);
		expect(one.output('Flow Retail').map((c) => c.id)).toEqual(['cust-0003']);
		await flow.sandbox.clearRequests();
		const sorted = await flow.run(W('getAll'), [
			{ limit: 5, sortBy: 'createdAt', sortDirection: 'DESC' },
		]);
		const ids = sorted.output('Flow Retail').map((c) => c.id);
		expect(ids).toEqual(['cust-0025', 'cust-0024', 'cust-0023', 'cust-0022', 'cust-0021']);
		const calls = await flow.apiCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toMatchObject({
			pageNumber: '1',
			pageSize: '5',
			sortBy: 'createdAt',
			sortDirection: 'DESC',
		});
	});

	it('refuses a Sort By outside the list before any request', async () => {
		const result = await flow.run(W('getAll'), [{ sortBy: 'password' }]);
		expect(result.error?.message).toMatch(/^Sort By \(item 0\) must be one of/);
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

describe('Customer > Create (POST /customers, 201)', () => {
	it('creates with a client-made UID and returns the common shape', async () => {
		const result = await flow.run(W('create'), [
			{
				firstname: 'Kari',
				lastname: 'Nordmann',
				countryCode: 'no',
				email: 'kari@example.no',
				city: 'Oslo',
			},
		]);
		expect(result.error).toBeUndefined();
		const [created] = result.output('Flow Retail');
		expect(created).toMatchObject({
			type: 'person',
			firstName: 'Kari',
			lastName: 'Nordmann',
			countryIso: 'NO',
			city: 'Oslo',
			source: 'flowRetail',
		});
		expect(String(created.id)).toMatch(/^n8n-[0-9a-f-]{36}$/);
		const [call] = await flow.writes();
		expect(call).toMatchObject({ method: 'POST', status: 201 });
		expect((call.body as { customerUid: string }).customerUid).toBe(created.id);
		expect((await flow.direct.get(`/customers/${created.id}`)).email).toBe('kari@example.no');
	});

	it('passes the API refusal on as a NodeApiError with the vendor message', async () => {
		const result = await flow.run(W('create'), [{ firstname: 'Kari', countryCode: 'NO' }], (p) => {
			delete p.fields.lastname;
			delete p.fields.email;
			delete p.fields.city;
		});
		expect(result.error).toMatchObject({ name: 'NodeApiError', httpCode: '400' });
		expect(result.error?.message).toMatch(/^Flow Retail: /);
		expect(result.error?.description).toMatch(/lastname: A person needs a last name/);
	});

	it('refuses a bad UID and a bad email naming field and item', async () => {
		const bad = await flow.run(W('create'), [
			{ firstname: 'A', lastname: 'B', countryCode: 'NO', email: 'a@b.no', city: 'X' },
			{ firstname: 'A', lastname: 'B', countryCode: 'NO', email: 'a@b.no', city: 'X', uid: '../x' },
		]);
		expect(bad.error?.message).toMatch(/^UID \(item 1\) must be a Flow Retail UID/);
		const email = await flow.run(W('create'), [
			{ firstname: 'A', lastname: 'B', countryCode: 'NO', email: 'nope', city: 'X' },
		]);
		expect(email.error?.message).toMatch(/^Fields > Email \(item 0\) must be an email address/);
	});

	it('a create retried after a lost answer leaves one customer', async () => {
		const before = (await flow.direct.get('/customers?pageSize=1')).paging.totalCount;
		await flow.sandbox.fault({
			method: 'POST',
			pathRegex: '/customers$',
			drop: true,
			afterHandler: true,
		});
		const result = await flow.run(W('create'), [
			{
				firstname: 'Lost',
				lastname: 'Answer',
				countryCode: 'NO',
				email: 'l@a.no',
				city: 'Bodø',
				uid: 'lost-1',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail')[0]).toMatchObject({ id: 'lost-1', city: 'Bodø' });
		expect((await flow.direct.get('/customers?pageSize=1')).paging.totalCount).toBe(before + 1);
		const posts = (await flow.writes()).filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(1);
	});

	it('a 409 on a repeated send reads the record back', async () => {
		// The first send is applied but its answer lost; neither look-up finds it yet (by UID a 404,
		// by external ID an empty page, as a list that lags would answer), so the create is sent
		// again and answered 409: the record is read back, not doubled.
		await flow.sandbox.fault([
			{ method: 'POST', pathRegex: '/customers$', drop: true, afterHandler: true },
			{ method: 'GET', pathRegex: '/customers/dup-1$', status: 404, times: 1 },
			{
				method: 'GET',
				pathRegex: '/customers$',
				status: 200,
				body: { items: [], paging: { pageNumber: 1, pageSize: 2, totalCount: 0 } },
				times: 1,
			},
		]);
		const result = await flow.run(
			W('create'),
			[
				{
					firstname: 'Dup',
					lastname: 'Check',
					countryCode: 'NO',
					email: 'd@c.no',
					city: 'Oslo',
					uid: 'dup-1',
				},
			],
			(p) => {
				p.extraBodyFields = '{"externalId": "ERP-DUP-1"}';
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail')[0]).toMatchObject({ id: 'dup-1' });
		const all = await flow.direct.all('/customers');
		expect(all.filter((c: { customerUid: string }) => c.customerUid === 'dup-1')).toHaveLength(1);
	});
});

describe('Customer > Search (POST /customers/search)', () => {
	it('sends the criteria in the body and paging in the query', async () => {
		const result = await flow.run(W('search'), [
			{ email: 'customer7@example.no', exactMatch: true },
		]);
		expect(result.output('Flow Retail').map((c) => c.id)).toEqual(['cust-0007']);
		const [call] = await flow.apiCalls();
		expect(call.body).toEqual({ email: 'customer7@example.no', exactMatch: true });
		expect(call.query).toMatchObject({ pageNumber: '1', pageSize: '1000' });
	});
});

describe('Customer > External Search (POST /customers/search/external)', () => {
	it('returns the CRM records as sent', async () => {
		const result = await flow.run(W('externalSearch'), [{ query: 'VOY-1002' }]);
		expect(result.output('Flow Retail')).toEqual([
			expect.objectContaining({ externalId: 'VOY-1002', source: 'VOYADO' }),
		]);
	});
	it('reads the whole CRM list without a query, sorted (query is optional in the seed)', async () => {
		const result = await flow.run(W('externalSearch'), [{ query: '  ' }], (p) => {
			p.sortBy = 'externalId';
			p.sortDirection = 'DESC';
		});
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail').map((e) => e.externalId)).toEqual([
			'VOY-1003',
			'VOY-1002',
			'VOY-1001',
		]);
		const [call] = await flow.apiCalls();
		expect(call.body).toEqual({});
		expect(call.query).toMatchObject({ sortBy: 'externalId', sortDirection: 'DESC' });
	});
	it('refuses a Sort By that is no field name before any request', async () => {
		const result = await flow.run(W('externalSearch'), [{ query: 'x' }], (p) => {
			p.sortBy = 'name&x=1';
		});
		expect(result.error?.message).toBe('Sort By (item 0) must be a field name such as externalId');
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

describe('Customer > Export (GET /customers/{uid}/export)', () => {
	it('returns {customer, orders} as JSON', async () => {
		const result = await flow.run(W('export'), [{ customerUid: 'cust-0001' }]);
		const [out] = result.output('Flow Retail');
		expect(out.customer).toMatchObject({ customerUid: 'cust-0001' });
		expect(out.orders).toEqual([expect.objectContaining({ customerUid: 'cust-0001' })]);
	});
});

describe('Customer > Get and Get for Store', () => {
	it('gets one customer, the vendor record with Simplify off', async () => {
		const result = await flow.run(W('get'), [{ customerUid: 'cust-0002' }], (p) => {
			p.simplify = false;
		});
		expect(result.output('Flow Retail')[0]).toEqual(await flow.direct.get('/customers/cust-0002'));
	});
	it('answers 404 as a NodeApiError and refuses a UID with a slash before any request', async () => {
		const missing = await flow.run(W('get'), [{ customerUid: 'nobody' }]);
		expect(missing.error).toMatchObject({ name: 'NodeApiError', httpCode: '404' });
		await flow.sandbox.clearRequests();
		const bad = await flow.run(W('get'), [{ customerUid: 'a/../b' }]);
		expect(bad.error?.message).toMatch(/^Customer \(item 0\) must be a Flow Retail UID/);
		expect(await flow.apiCalls()).toHaveLength(0);
	});
	it('gets the store view', async () => {
		const result = await flow.run(
			W('getForStore'),
			[{ storeUid: 'store-bergen', customerUid: 'cust-0001' }],
			(p) => {
				p.simplify = false;
			},
		);
		expect(result.output('Flow Retail')[0].store).toMatchObject({ storeUid: 'store-bergen' });
		const [call] = await flow.apiCalls();
		expect(call.path).toBe('/v2/tenants/sandbox-tenant/stores/store-bergen/customers/cust-0001');
	});
});

describe('Customer > Update (PUT, partial)', () => {
	it('sends only the fields set, with the ehf object instead of the deprecated flag', async () => {
		const result = await flow.run(W('update'), [
			{ customerUid: 'cust-0004', city: 'Molde', ehfEnabled: true },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail')[0]).toMatchObject({ id: 'cust-0004', city: 'Molde' });
		const [call] = await flow.writes();
		expect(call).toMatchObject({ method: 'PUT', body: { city: 'Molde', ehf: { enabled: true } } });
		expect(Object.keys(call.body as object).sort()).toEqual(['city', 'ehf']);
	});
	it('refuses an empty update naming the collection', async () => {
		const result = await flow.run(W('update'), [{ customerUid: 'cust-0004' }], (p) => {
			p.updateFields = {};
		});
		expect(result.error?.message).toBe(
			'Update Fields (item 0) is empty: add at least one field to send',
		);
	});
});

describe('Customer > Delete', () => {
	it('deletes and reports it; a second item for the same customer fails alone with Continue On Fail', async () => {
		const result = await flow.run(
			W('delete'),
			[{ customerUid: 'cust-0005' }, { customerUid: 'cust-0005' }],
			continueOnFail,
		);
		const out = result.output('Flow Retail');
		expect(out[0]).toEqual({ deleted: true, customerUid: 'cust-0005' });
		expect(out[1].error).toMatch(/^Flow Retail: Customer cust-0005 was not found/);
		expect(result.pairedItems('Flow Retail')).toEqual([0, 1]);
	});
});

describe('Customer > Add / Remove Extension', () => {
	it('adds TWO_INVOICE for the store and removes it again', async () => {
		const added = await flow.run(W('addExtension'), [
			{ customerUid: 'cust-0001', storeUid: 'store-tromso' },
		]);
		expect(added.output('Flow Retail')[0].extensions).toEqual([
			{ extensionCode: 'TWO_INVOICE', organizationUid: 'org-2' },
		]);
		const removed = await flow.run(W('removeExtension'), [
			{ customerUid: 'cust-0001', storeUid: 'store-tromso' },
		]);
		expect(removed.output('Flow Retail')[0]).toMatchObject({
			removed: true,
			extensionCode: 'TWO_INVOICE',
		});
		expect((await flow.direct.get('/customers/cust-0001')).extensions).toEqual([]);
	});
});

describe('Customer > Create or Update (by external ID)', () => {
	it('updates the customer with the external ID, creates one when none has it', async () => {
		const result = await flow.run(W('upsert'), [
			{ externalId: 'EXT-6', firstname: 'Ola', lastname: 'Updated', city: 'Hamar' },
			{ externalId: 'NEW-1', firstname: 'Ny', lastname: 'Kunde', city: 'Alta' },
		]);
		expect(result.error).toBeUndefined();
		const [updated, created] = result.output('Flow Retail');
		expect(updated).toMatchObject({
			id: 'cust-0006',
			lastName: 'Updated',
			number: null,
			externalId: 'EXT-6',
		});
		expect(created).toMatchObject({ externalId: 'NEW-1', city: 'Alta' });
		const again = await flow.run(W('upsert'), [
			{ externalId: 'NEW-1', firstname: 'Ny', lastname: 'Kunde', city: 'Vardø' },
		]);
		expect(again.output('Flow Retail')[0]).toMatchObject({ id: created.id, city: 'Vardø' });
		expect(await flow.direct.get('/customers?customerExternalId=NEW-1')).toMatchObject({
			paging: { totalCount: 1 },
		});
	});
});

describe('the common shape from a Flow Retail customer', () => {
	it('takes every field from its one Flow Retail source (docs/flow-retail.md: the common shape)', async () => {
		await flow.direct.send('PUT', '/customers/cust-0003', {
			customerGroupUids: ['group-2', 'group-1'],
		});
		const raw = await flow.direct.get('/customers/cust-0003');
		const result = await flow.run(W('get'), [{ customerUid: 'cust-0003' }]);
		expect(result.output('Flow Retail')[0]).toEqual({
			id: raw.customerUid,
			legacyId: null,
			number: null,
			externalId: 'EXT-3',
			type: 'person',
			company: null,
			firstName: raw.firstname,
			lastName: raw.lastname,
			email: raw.email,
			phone: null,
			mobile: raw.mobile,
			street: raw.address,
			postalCode: raw.postalCode,
			city: raw.city,
			countryIso: 'NO',
			groupId: 'group-2',
			languageIso: null,
			createdAt: raw.createdAt,
			updatedAt: raw.lastModifiedAt,
			customerSince: null,
			isLocked: null,
			source: 'flowRetail',
		});
	});
});

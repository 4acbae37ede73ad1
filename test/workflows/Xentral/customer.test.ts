import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

describe('Customer > Create (POST /api/v2/customers, then GET the Location)', () => {
	const file = 'Xentral/customer-create.workflow.json';

	it('creates a company, reads the new ID from Location and returns the common customer shape', async () => {
		const result = await xentral.run(file, [
			{
				customerType: 'company',
				companyName: 'Nordlicht Handel GmbH',
				email: 'info@nordlicht.example',
			},
		]);
		expect(result.error).toBeUndefined();
		const [customer] = result.output('Xentral');
		expect(customer).toMatchObject({
			id: '26',
			number: '10026',
			type: 'company',
			company: 'Nordlicht Handel GmbH',
			firstName: null,
			email: 'info@nordlicht.example',
			source: 'xentral',
		});
		const calls = await xentral.apiCalls();
		expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
			'POST /api/v2/customers 201',
			'GET /api/v2/customers/26 200',
		]);
		expect(calls[0].body).toEqual({
			customerType: 'company',
			name: 'Nordlicht Handel GmbH',
			contactDetails: { email: 'info@nordlicht.example' },
		});
		expect(calls[0].headers.authorization).toBe('Bearer ***');
	});

	it('creates a person with first and last name', async () => {
		const result = await xentral.run(file, [
			{ customerType: 'person', firstName: 'Lena', lastName: 'Vogel', email: 'lena@example.com' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({
			type: 'person',
			firstName: 'Lena',
			lastName: 'Vogel',
			company: null,
		});
	});

	it('stops a person without a last name before any request, naming the field and the item', async () => {
		const result = await xentral.run(
			file,
			[
				{ customerType: 'person', firstName: 'Lena', lastName: 'Vogel', email: 'a@b.de' },
				{ customerType: 'person', firstName: 'Max', lastName: '', email: 'a@b.de' },
			],
			continueOnFail,
		);
		const out = result.output('Xentral');
		expect(out[1].error).toBe('Last Name (item 1) is required for a person customer');
		expect((await xentral.writes()).length).toBe(1);
	});

	it('turns a problem+json answer into the title and each field message', async () => {
		const result = await xentral.run(
			file,
			[{ customerType: 'company', companyName: 'X GmbH', email: 'info@x.example' }],
			(parameters) => {
				parameters.additionalFields.number = '10001';
			},
		);
		expect(result.error?.message).toBe(
			'Xentral: Conflict A customer with the number 10001 already exists.',
		);
		expect(result.error?.httpCode).toBe('409');
	});

	it('says where to issue a new token when the token was revoked', async () => {
		const result = await xentral.run(
			file,
			[{ customerType: 'company', companyName: 'X GmbH', email: 'info@x.example' }],
			undefined,
			{ token: 'sandbox-expired-token' },
		);
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('Personal Access Tokens');
		expect(JSON.stringify(result.error)).not.toContain('sandbox-expired-token');
	});
});

describe('Customer > Get (GET /api/v2/customers/{id})', () => {
	const file = 'Xentral/customer-get.workflow.json';

	it('returns the customer with its main address in the common shape', async () => {
		const stored = await xentral.get('/api/v2/customers/4');
		const result = await xentral.run(file, [{ customerId: '4' }]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toEqual({
			id: '4',
			legacyId: null,
			number: '10004',
			externalId: null,
			type: stored.customerType,
			company: stored.customerType === 'company' ? stored.name : null,
			firstName: stored.firstname,
			lastName: stored.lastname,
			email: 'kunde4@example.com',
			phone: '+49 30 1004',
			mobile: null,
			street: stored.address.street,
			postalCode: stored.address.zip,
			city: stored.address.city,
			countryIso: stored.address.country,
			groupId: null,
			languageIso: 'de',
			createdAt: stored.createdAt,
			updatedAt: stored.updatedAt,
			customerSince: null,
			isLocked: null,
			source: 'xentral',
		});
	});

	it('returns the vendor record with Simplify off', async () => {
		const result = await xentral.run(file, [{ customerId: '4' }], (p) => (p.simplify = false));
		expect(result.output('Xentral')[0]).toEqual(await xentral.get('/api/v2/customers/4'));
	});

	it('refuses an ID that is not digits before any request', async () => {
		const result = await xentral.run(file, [{ customerId: '../v1/customers/4' }]);
		expect(result.error?.message).toBe('Customer (item 0) must be a Xentral ID: digits such as 17');
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Get Many (GET /api/v2/customers)', () => {
	const file = 'Xentral/customer-getAll.workflow.json';

	it('sends the indexed filter and pages of 50 up to the limit', async () => {
		const result = await xentral.run(file, [
			{ returnAll: false, limit: 3, key: 'id', op: 'greaterThan', value: '20' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral').map((c) => c.id)).toEqual(['21', '22', '23']);
		const [call] = await xentral.apiCalls();
		expect(call.query).toEqual({
			'filter[0][key]': 'id',
			'filter[0][op]': 'greaterThan',
			'filter[0][value]': '20',
			'page[number]': '1',
			'page[size]': '3',
		});
	});

	it('sends in-lists as value[j]', async () => {
		const result = await xentral.run(file, [
			{ returnAll: true, limit: 1, key: 'id', op: 'in', value: '3, 7' },
		]);
		expect(result.output('Xentral').map((c) => c.id)).toEqual(['3', '7']);
		const [call] = await xentral.apiCalls();
		expect(call.query['filter[0][value][0]']).toBe('3');
		expect(call.query['filter[0][value][1]']).toBe('7');
	});

	it('refuses an operator the endpoint does not allow before any request', async () => {
		const result = await xentral.run(file, [
			{ returnAll: true, limit: 1, key: 'name', op: 'contains', value: 'x' },
		]);
		expect(result.error?.message).toMatch(
			/^Filters > Condition 1 > Operator \(item 0\) must be one of equals/,
		);
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Update (PATCH /api/v2/customers/{id})', () => {
	const file = 'Xentral/customer-update.workflow.json';

	it('patches the given fields and returns the changed customer', async () => {
		const result = await xentral.run(file, [
			{ customerId: '5', email: 'neu@example.com', department: 'Einkauf' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '5', email: 'neu@example.com' });
		const calls = await xentral.apiCalls();
		expect(calls[0]).toMatchObject({
			method: 'PATCH',
			path: '/api/v2/customers/5',
			status: 204,
			body: { contactDetails: { email: 'neu@example.com' }, department: 'Einkauf' },
		});
		expect((await xentral.get('/api/v2/customers/5')).department).toBe('Einkauf');
	});

	it('names the field of a bad e-mail', async () => {
		const result = await xentral.run(file, [{ customerId: '5', email: 'nope', department: 'x' }]);
		expect(result.error?.message).toBe('Update Fields > Email (item 0) must be an email address');
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Customer > Delete (DELETE /api/v1/customers/{id})', () => {
	const file = 'Xentral/customer-delete.workflow.json';

	it('deletes through the v1 path', async () => {
		const result = await xentral.run(file, [{ customerId: '6' }]);
		expect(result.output('Xentral')).toEqual([{ deleted: true, customerId: '6' }]);
		const calls = await xentral.apiCalls();
		expect(calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
			'DELETE /api/v1/customers/6 204',
		]);
		expect((await xentral.direct('GET', '/api/v2/customers/6')).status).toBe(404);
	});

	it('reports a missing customer as not found', async () => {
		const result = await xentral.run(file, [{ customerId: '999' }]);
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('Customer > Create or Update (match on number or e-mail)', () => {
	const file = 'Xentral/customer-upsert.workflow.json';

	it('updates the one customer with the number', async () => {
		const result = await xentral.run(file, [
			{ matchOn: 'number', number: '10007', companyName: 'Neu AG', email: 'neu@example.com' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '7', company: 'Neu AG' });
		const writes = await xentral.writes();
		expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['PATCH /api/v2/customers/7']);
	});

	it('creates a customer when nobody has the e-mail', async () => {
		const result = await xentral.run(file, [
			{ matchOn: 'email', number: '77777', companyName: 'Neu AG', email: 'niemand@example.com' },
		]);
		expect(result.output('Xentral')[0]).toMatchObject({ number: '77777', company: 'Neu AG' });
		expect((await xentral.writes()).map((w) => w.method)).toEqual(['POST']);
	});

	it('stops the item when two customers have the e-mail, and writes nothing', async () => {
		await xentral.direct('PATCH', '/api/v2/customers/9', {
			contactDetails: { email: 'kunde8@example.com' },
		});
		const result = await xentral.run(file, [
			{ matchOn: 'email', number: '1', companyName: 'Neu AG', email: 'kunde8@example.com' },
		]);
		expect(result.error?.message).toBe(
			'2 customers match Email "kunde8@example.com" (item 0); the node does not guess which one to update',
		);
		expect(await xentral.writes()).toEqual([]);
	});
});

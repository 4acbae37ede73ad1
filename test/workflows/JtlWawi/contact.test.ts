import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

/** A seeded contact (and its customer) that tests may change or delete; reset restores it. */
async function seededContact(customerId = 3) {
	const contacts = await jtl.direct.get(`/customers/${customerId}/contacts`);
	expect(contacts.length).toBeGreaterThan(1);
	return { customerId, contact: contacts[0], count: contacts.length };
}

describe('Contact > Create (POST /customers/{customerId}/contacts)', () => {
	const file = 'JtlWawi/contact-create.workflow.json';

	it('creates the contact with the set fields and returns it', async () => {
		const before = await jtl.direct.get('/customers/3/contacts');
		await jtl.sandbox.clearRequests();

		const result = await jtl.run(file, [
			{
				customerId: 3,
				salutation: 'Frau',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		]);

		expect(result.error).toBeUndefined();
		const [created] = result.output('JTL-Wawi');
		expect(created).toEqual({
			Id: expect.any(Number),
			Department: 'Einkauf',
			Honorific: 'Frau',
			FirstName: 'Lena',
			LastName: 'Vogel',
			PhoneNumber: '',
			MobilePhoneNumber: '',
			EmailAddress: 'lena.vogel@example.com',
			Fax: '',
		});
		expect(result.output('JTL-Wawi')).toHaveLength(1);
		expect(await jtl.direct.get(`/customers/3/contacts/${created.Id}`)).toEqual(created);
		expect(await jtl.direct.get('/customers/3/contacts')).toHaveLength(before.length + 1);

		const calls = await jtl.apiCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'POST',
			path: '/erp/customers/3/contacts',
			status: 201,
			body: {
				Department: 'Einkauf',
				Honorific: 'Frau',
				FirstName: 'Lena',
				LastName: 'Vogel',
				EmailAddress: 'lena.vogel@example.com',
			},
		});
		expect(Object.keys(calls[0].body as object)).toHaveLength(5);
	});

	it('leaves out fields whose expression gives nothing', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId: 3, lastName: 'Vogel', email: '' }]);
		expect(result.error).toBeUndefined();
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => c.body)).toEqual([{ LastName: 'Vogel' }]);
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ LastName: 'Vogel', FirstName: '' });
	});

	it.each([
		['no field at all', { customerId: 3 }, /^Nothing to create \(item 1\): add at least one field/],
		[
			'a bad email',
			{ customerId: 3, email: 'lena at example' },
			/^Fields > Email \(item 1\) must be an email address$/,
		],
		[
			'a customer ID that is neither a number nor a UUID',
			{ customerId: 'K10003', firstName: 'A' },
			/^Customer \(item 1\) must be a positive whole number \(v1\) or a UUID \(v2\)$/,
		],
	])('rejects %s before sending anything for that item', async (_label, input, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId: 3, firstName: 'Ok' }, input]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.itemIndex).toBe(1);
		// item 0 was valid and sent; item 1 never reached the API
		expect((await jtl.apiCalls()).map((c) => c.method)).toEqual(['POST']);
	});

	it('does not retry a POST that met a 503, so no duplicate can be created', async () => {
		const before = await jtl.direct.get('/customers/3/contacts');
		await jtl.sandbox.fault({
			method: 'POST',
			path: '/erp/customers/3/contacts',
			status: 503,
			times: 1,
		});
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId: 3, firstName: 'Lena' }]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('503');
		const posts = (await jtl.apiCalls()).filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(1);
		expect(await jtl.direct.get('/customers/3/contacts')).toEqual(before);
	});

	it('turns an unknown customer (404) into a NodeApiError with the vendor message', async () => {
		const result = await jtl.run(file, [{ customerId: 999999, firstName: 'Lena' }]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^JTL-Wawi: .*999999/);
	});

	it('with Continue On Fail, reports the failing item and creates the others', async () => {
		const result = await jtl.run(
			file,
			[
				{ customerId: 3, email: 'not-an-email' },
				{ customerId: 3, firstName: 'Lena' },
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0]).toMatchObject({ error: 'Fields > Email (item 0) must be an email address' });
		expect(out[1]).toMatchObject({ Id: expect.any(Number), FirstName: 'Lena' });
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
		expect((await jtl.apiCalls()).filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});

describe('Contact > Get (GET /customers/{customerId}/contacts/{customerContactId})', () => {
	const file = 'JtlWawi/contact-get.workflow.json';

	it('returns the contact, paired with its input item', async () => {
		const { customerId, contact } = await seededContact();
		const other = (await jtl.direct.get('/customers/1/contacts'))[0];
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{ customerId, contactId: contact.Id },
			{ customerId: 1, contactId: String(other.Id) },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([contact, other]);
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
		expect((await jtl.apiCalls()).map((c) => `${c.method} ${c.path}`)).toEqual([
			`GET /erp/customers/${customerId}/contacts/${contact.Id}`,
			`GET /erp/customers/1/contacts/${other.Id}`,
		]);
	});

	it("turns another customer's contact ID (404) into a NodeApiError", async () => {
		const { contact } = await seededContact();
		const result = await jtl.run(file, [{ customerId: 1, contactId: contact.Id }]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toMatch(/^JTL-Wawi: /);
	});

	it.each([
		['abc', 'Contact (item 0) must be a whole number'],
		['0', 'Contact (item 0) must be 1 or greater'],
		['4294967296', 'Contact (item 0) must fit a 32-bit integer'],
	])('rejects contact ID %s before sending anything', async (contactId, message) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId: 3, contactId }]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(message);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});
});

describe('Contact > Update (PATCH /customers/{customerId}/contacts/{customerContactId})', () => {
	const file = 'JtlWawi/contact-update.workflow.json';

	it('changes only the set fields, then returns the contact as read back', async () => {
		const { customerId, contact } = await seededContact();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{ customerId, contactId: contact.Id, lastName: 'Neumann', phone: '+49 40 123456' },
		]);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/customers/${customerId}/contacts/${contact.Id}`);
		expect(after).toEqual({ ...contact, LastName: 'Neumann', PhoneNumber: '+49 40 123456' });
		expect(result.output('JTL-Wawi')).toEqual([after]);

		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
			['PATCH', `/erp/customers/${customerId}/contacts/${contact.Id}`, 204],
			['GET', `/erp/customers/${customerId}/contacts/${contact.Id}`, 200],
		]);
		expect(calls[0].body).toEqual({ LastName: 'Neumann', PhoneNumber: '+49 40 123456' });
	});

	it('clears a field given as an empty value', async () => {
		const { customerId, contact } = await seededContact();
		expect(contact.EmailAddress).not.toBe('');
		const result = await jtl.run(file, [{ customerId, contactId: contact.Id, email: '' }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([{ ...contact, EmailAddress: '' }]);
	});

	it('rejects an update with nothing to change', async () => {
		const { customerId, contact } = await seededContact();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId, contactId: contact.Id }]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Nothing to update (item 0): add at least one field under Update Fields or Extra Body Fields',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('rejects a bad email before sending anything', async () => {
		const { customerId, contact } = await seededContact();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId, contactId: contact.Id, email: 'x@' }]);
		expect(result.error?.message).toBe('Update Fields > Email (item 0) must be an email address');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('retries the idempotent PATCH through a 503', async () => {
		const { customerId, contact } = await seededContact();
		await jtl.sandbox.fault({
			method: 'PATCH',
			path: `/erp/customers/${customerId}/contacts/${contact.Id}`,
			status: 503,
			times: 1,
		});
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [
			{ customerId, contactId: contact.Id, lastName: 'Neumann' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ LastName: 'Neumann' });
		expect((await jtl.apiCalls()).filter((r) => r.method === 'PATCH')).toHaveLength(2);
	});

	it('with Continue On Fail, a 404 becomes an error item and the other item is updated', async () => {
		const { customerId, contact } = await seededContact();
		const result = await jtl.run(
			file,
			[
				{ customerId, contactId: 999999, lastName: 'X' },
				{ customerId, contactId: contact.Id, lastName: 'Neumann' },
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0].error).toMatch(/^JTL-Wawi: /);
		expect(out[1]).toEqual({ ...contact, LastName: 'Neumann' });
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
	});
});

describe('Contact > Delete (DELETE /customers/{customerId}/contacts/{customerContactId})', () => {
	const file = 'JtlWawi/contact-delete.workflow.json';

	it('deletes the contact and reports it', async () => {
		const { customerId, contact, count } = await seededContact();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId, contactId: String(contact.Id) }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{ deleted: true, customerId, contactId: contact.Id },
		]);
		const calls = await jtl.apiCalls();
		expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
			['DELETE', `/erp/customers/${customerId}/contacts/${contact.Id}`, 204],
		]);
		const gone = await jtl.direct.call('GET', `/customers/${customerId}/contacts/${contact.Id}`);
		expect(gone.status).toBe(404);
		expect(await jtl.direct.get(`/customers/${customerId}/contacts`)).toHaveLength(count - 1);
	});

	it('turns a contact that does not exist (404) into a NodeApiError naming the item', async () => {
		const { customerId, contact, count } = await seededContact();
		const result = await jtl.run(file, [
			{ customerId, contactId: contact.Id },
			{ customerId, contactId: contact.Id },
		]);
		// the second item tries to delete the same contact again
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.itemIndex).toBe(1);
		expect(await jtl.direct.get(`/customers/${customerId}/contacts`)).toHaveLength(count - 1);
	});

	it('rejects a bad customer before sending anything', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(file, [{ customerId: '-4', contactId: 1 }]);
		expect(result.error?.message).toBe('Customer (item 0) must be 1 or greater');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('with Continue On Fail, reports the failing item and deletes the others', async () => {
		const { customerId, contact } = await seededContact();
		const result = await jtl.run(
			'JtlWawi/contact-delete.workflow.json',
			[
				{ customerId, contactId: 'first' },
				{ customerId, contactId: contact.Id },
			],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{
				error: 'Contact (item 0) must be a whole number',
				description: expect.stringContaining('"first"'),
			},
			{ deleted: true, customerId, contactId: contact.Id },
		]);
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, 1]);
	});
});

describe('Contact > Get Many (GET /customers/{customerId}/contacts)', () => {
	it('returns one item per contact, paired with its input item', async () => {
		const expected = await jtl.direct.get('/customers/1/contacts');
		expect(expected.length).toBeGreaterThan(0);
		await jtl.sandbox.clearRequests();

		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [{ customerId: 1 }]);

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
		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [
			{ customerId: 1 },
			{ customerId: 2 },
		]);
		expect(result.output('JTL-Wawi')).toEqual([...c1, ...c2]);
		expect(result.pairedItems('JTL-Wawi')).toEqual([...c1.map(() => 0), ...c2.map(() => 1)]);
	});

	it('honours the limit when Return All is off', async () => {
		const all = await jtl.direct.get('/customers/1/contacts');
		expect(all.length).toBeGreaterThan(1);
		const result = await jtl.run(
			'JtlWawi/contact-getAll.workflow.json',
			[{ customerId: 1 }],
			(p) => {
				p.returnAll = false;
				p.limit = 1;
			},
		);
		expect(result.output('JTL-Wawi')).toEqual([all[0]]);
	});

	it.each([
		['abc', 'must be a positive whole number (v1) or a UUID (v2)'],
		['12.5', 'must be a positive whole number (v1) or a UUID (v2)'],
		['-3', 'must be 1 or greater'],
		['99999999999', 'must fit a 32-bit integer'],
	])('rejects customer ID %s before sending anything', async (value, reason) => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [
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
		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [
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
			'JtlWawi/contact-getAll.workflow.json',
			[{ customerId: 'x' }, { customerId: 1 }],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0]).toMatchObject({
			error: 'Customer (item 0) must be a positive whole number (v1) or a UUID (v2)',
		});
		expect(out.slice(1)).toEqual(c1);
		expect(result.pairedItems('JTL-Wawi')).toEqual([0, ...c1.map(() => 1)]);
	});
});

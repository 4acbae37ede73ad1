import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

describe('Contact Person (v1 /api/v1/customers/{id}/contactPerson)', () => {
	it('creates one and returns it from the Location', async () => {
		const result = await xentral.run('Xentral/contactPerson-create.workflow.json', [
			{ customerId: '1', name: 'Eva Kurz', email: 'eva@example.com', department: 'Vertrieb' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toEqual({
			id: '11',
			customerId: '1',
			customerNumber: '10001',
			salutation: null,
			firstName: 'Eva',
			lastName: 'Kurz',
			email: 'eva@example.com',
			phone: null,
			mobilePhone: null,
			fax: null,
			department: 'Vertrieb',
		});
		const calls = await xentral.apiCalls();
		expect(calls[0]).toMatchObject({
			method: 'POST',
			path: '/api/v1/customers/1/contactPerson',
			status: 201,
			body: { name: 'Eva Kurz', contact: { email: 'eva@example.com' }, department: 'Vertrieb' },
		});
		// No read of the new contact person (Return Full Record is off); the customer's number: one
		// list read by ID.
		expect(calls[1]).toMatchObject({
			path: '/api/v2/customers',
			query: { 'filter[0][key]': 'id', 'filter[0][op]': 'in', 'filter[0][value][0]': '1' },
		});
		expect(calls).toHaveLength(2);
	});

	it('sends the salutation text, the groups and the other documented fields, and extra body fields', async () => {
		const result = await xentral.run(
			'Xentral/contactPerson-create.workflow.json',
			[
				{
					customerId: '1',
					name: 'Dr. Petra von der Linde',
					email: 'petra@example.com',
					department: 'Einkauf',
				},
			],
			(p) => {
				Object.assign(p.additionalFields, {
					salutation: 'Sehr geehrte Frau Dr. von der Linde',
					groupIds: '17, 22',
					state: 'BY',
					birthdayShowInCalendar: true,
					sendBirthdayCard: false,
					others: 'Messe 2026',
				});
				p.extraBodyFields = '{"position": "Leitung"}';
			},
		);
		expect(result.error).toBeUndefined();
		const [post] = await xentral.apiCalls();
		expect(post.status).toBe(201);
		expect(post.body).toEqual({
			name: 'Dr. Petra von der Linde',
			department: 'Einkauf',
			contact: { email: 'petra@example.com', salutation: 'Sehr geehrte Frau Dr. von der Linde' },
			groups: ['17', '22'],
			address: { state: 'BY' },
			birthdayShowInCalendar: true,
			sendBirthdayCard: false,
			others: 'Messe 2026',
			position: 'Leitung',
		});
		expect(result.output('Xentral')[0]).toMatchObject({
			firstName: 'Dr. Petra',
			lastName: 'von der Linde',
			customerNumber: '10001',
		});
	});

	it('refuses group IDs that are not digits before any request', async () => {
		const result = await xentral.run(
			'Xentral/contactPerson-create.workflow.json',
			[{ customerId: '1', name: 'Eva', email: 'e@x.example', department: 'V' }],
			(p) => (p.additionalFields.groupIds = 'Einkauf'),
		);
		expect(result.error?.message).toBe(
			'Additional Fields > Group IDs (item 0) must be IDs separated by commas, such as 17, 22: "Einkauf" is not one',
		);
		expect(await xentral.apiCalls()).toEqual([]);
	});

	it('reports the outcome as unknown when the answer of the create is lost, and does not repeat it', async () => {
		await xentral.sandbox.fault({
			method: 'POST',
			path: '/api/v1/customers/1/contactPerson',
			drop: true,
			afterHandler: true,
		});
		const result = await xentral.run(
			'Xentral/contactPerson-create.workflow.json',
			[{ customerId: '1', name: 'Eva Kurz', email: 'eva@example.com', department: 'V' }],
			continueOnFail,
		);
		expect(result.output('Xentral')[0].error).toBe(
			'Outcome unknown: the write may have been applied, so the contact person may exist (item 0)',
		);
		expect((await xentral.writes()).length).toBe(1);
	});

	it('gets, lists, updates and deletes', async () => {
		const got = await xentral.run('Xentral/contactPerson-get.workflow.json', [
			{ customerId: '1', contactPersonId: '1' },
		]);
		expect(got.output('Xentral')[0]).toMatchObject({
			id: '1',
			salutation: 'Herr',
			department: 'Einkauf',
		});

		await xentral.sandbox.clearRequests();
		const list = await xentral.run('Xentral/contactPerson-getAll.workflow.json', [
			{ customerId: '1' },
		]);
		expect(list.output('Xentral').map((p) => [p.id, p.customerId, p.customerNumber])).toEqual([
			['1', '1', '10001'],
			['2', '1', '10001'],
		]);
		// One customer read for the whole list.
		expect((await xentral.apiCalls()).filter((c) => c.path === '/api/v2/customers')).toHaveLength(
			1,
		);

		const updated = await xentral.run('Xentral/contactPerson-update.workflow.json', [
			{ customerId: '1', contactPersonId: '2', position: 'Leitung' },
		]);
		expect(updated.error).toBeUndefined();
		expect((await xentral.get('/api/v1/customers/1/contactPerson/2')).position).toBe('Leitung');

		const deleted = await xentral.run('Xentral/contactPerson-delete.workflow.json', [
			{ customerId: '1', contactPersonId: '2' },
		]);
		expect(deleted.output('Xentral')).toEqual([
			{ deleted: true, customerId: '1', contactPersonId: '2' },
		]);
		expect((await xentral.direct('GET', '/api/v1/customers/1/contactPerson/2')).status).toBe(404);
	});

	it('refuses an empty Update Fields, naming it', async () => {
		const result = await xentral.run(
			'Xentral/contactPerson-update.workflow.json',
			[{ customerId: '1', contactPersonId: '2' }],
			(p) => (p.updateFields = {}),
		);
		expect(result.error?.message).toBe(
			'Update Fields (item 0) is empty: add at least one field to change',
		);
	});
});

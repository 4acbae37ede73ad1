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
			customerId: null,
			customerNumber: null,
			salutation: null,
			firstName: null,
			lastName: 'Eva Kurz',
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
		expect(calls[1].path).toBe('/api/v1/customers/1/contactPerson/11');
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

		const list = await xentral.run('Xentral/contactPerson-getAll.workflow.json', [
			{ customerId: '1' },
		]);
		expect(list.output('Xentral').map((p) => p.id)).toEqual(['1', '2']);

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

import { useJtlSandbox } from '../../harness/jtlSuite';

/** A JTL-Wawi before 2.2: no `GET /v2/customers`, so no UUID can be found by number. */
const jtl = useJtlSandbox(['--without-v2-customer-list']);

describe('One customer, any ID, on a JTL-Wawi without the v2 customer list', () => {
	it('Simplify keeps the v1 ID, leaves the UUID null and asks for the missing list once per run', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-get.workflow.json', [
			{ customerId: 1 },
			{ customerId: 2 },
			{ customerId: 3 },
		]);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out).toHaveLength(3);
		for (const customer of out) {
			expect(customer.id).toBeNull();
			expect(customer.legacyId).toMatch(/^\d+$/);
		}
		const lists = (await jtl.apiCalls()).filter((c) => c.path === '/erp/v2/customers');
		expect(lists).toHaveLength(1);
	});

	it('the v1 search still answers, with the UUID null and the group UUID from the group lists', async () => {
		const groups = (await jtl.direct.get('/v2/customerGroups')) as Array<{
			id: string;
			name: string;
		}>;
		const v1Groups = (await jtl.direct.get('/customerGroups')) as Array<{
			Id: number;
			Name: string;
		}>;
		const uuidOf = (v1Id: number) =>
			groups.find((g) => g.name === v1Groups.find((v) => v.Id === v1Id)?.Name)?.id;
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { searchKeyWord: 'K1000' };
		});
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out.length).toBeGreaterThan(1);
		for (const customer of out) {
			const v1 = await jtl.direct.get(`/customers/${customer.legacyId}`);
			expect(customer.id).toBeNull();
			expect(customer.groupId).toBe(uuidOf(v1.CustomerGroupId));
		}
		const paths = (await jtl.apiCalls()).map((c) => c.path);
		expect(paths.filter((p) => p === '/erp/v2/customers')).toHaveLength(1);
		expect(paths.filter((p) => p === '/erp/v2/customerGroups')).toHaveLength(1);
	});

	it('an operation that needs the UUID says which version it needs', async () => {
		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [
			{ customerUuid: 3, addressUuid: 'b45f6432-2462-4c6f-b00f-1d9d01000000' },
		]);
		expect(result.error?.message).toMatch(/^This operation needs JTL-Wawi 2\.2 or newer/);
	});
});

import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';

/** The reference lists a customer write is checked against are read once per run. */
const jtl = useJtlSandbox();

describe('Customer > Create reference checks', () => {
	it('read each list once for all items', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}, {}, {}]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toHaveLength(3);
		const groupReads = (await jtl.apiCalls()).filter((c) => c.path === '/erp/customerGroups');
		expect(groupReads).toHaveLength(1);
	});

	it('keep no failed read: one failed lookup fails one item, not the whole batch', async () => {
		// 403: a failure that is not retried (a 500 on a read is, and would recover).
		await jtl.sandbox.fault({ method: 'GET', path: '/erp/customerGroups', status: 403 });
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-create.workflow.json',
			[{ city: 'One' }, { city: 'Two' }, { city: 'Three' }],
			continueOnFail,
		);
		const out = result.output('JTL-Wawi');
		expect(out).toHaveLength(3);
		expect(out[0].error).toBeDefined();
		expect(out.slice(1).map((c) => c.error)).toEqual([undefined, undefined]);
		const posts = (await jtl.apiCalls()).filter((c) => c.method === 'POST');
		expect(posts).toHaveLength(2);
	});
});

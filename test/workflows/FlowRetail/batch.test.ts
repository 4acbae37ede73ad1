import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';

const flow = useFlowRetailSandbox(['--max-batch-size', '100']);
const FILE = 'FlowRetail/customer-batch.workflow.json';
const person = (i: number) => ({ firstname: `F${i}`, lastname: `L${i}`, countryCode: 'NO' });

describe('Customer > Batch (POST /customers/batch, 200 / 207)', () => {
	it('500 items with 3 bad ones: 5 requests, 497 successes and 3 errors, each paired to its item', async () => {
		const bad = new Set([7, 250, 499]);
		const items = Array.from({ length: 500 }, (_, i) =>
			bad.has(i) ? { firstname: `F${i}`, lastname: '', countryCode: 'NO' } : person(i),
		);
		const result = await flow.run(FILE, items);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out).toHaveLength(500);
		expect(result.pairedItems('Flow Retail')).toEqual(items.map((_, i) => i));
		const failed = out.flatMap((o, i) => (o.success ? [] : [i]));
		expect(failed).toEqual([7, 250, 499]);
		for (const i of failed) {
			expect(out[i]).toMatchObject({ success: false, operation: 'create', status: 400 });
			expect(out[i].fieldErrors).toMatchObject({ lastname: 'A person needs a last name.' });
		}
		out.forEach((o, i) => {
			if (!bad.has(i))
				expect(o).toMatchObject({ success: true, status: 201, customer: { firstName: `F${i}` } });
		});
		const calls = await flow.writes();
		expect(calls.map((c) => c.status)).toEqual([207, 200, 207, 200, 207]);
		expect((await flow.direct.get('/customers?pageSize=1')).paging.totalCount).toBe(25 + 497);
	});

	it('updates, upserts and deletes by UID', async () => {
		const up = await flow.run(
			FILE,
			[
				{ uid: 'cust-0001', city: 'Hamar' },
				{ uid: 'nobody', city: 'Hamar' },
			],
			(p) => {
				p.batchMode = 'update';
				p.batchUid = '={{ $json.uid }}';
				p.fields = { city: '={{ $json.city }}' };
			},
		);
		expect(up.output('Flow Retail').map((o) => [o.success, o.status])).toEqual([
			[true, 200],
			[false, 404],
		]);
		const del = await flow.run(FILE, [{ uid: 'cust-0002' }], (p) => {
			p.batchMode = 'delete';
			p.batchUid = '={{ $json.uid }}';
		});
		expect(del.output('Flow Retail')[0]).toMatchObject({
			success: true,
			status: 204,
			customerUid: 'cust-0002',
		});
		const [call] = (await flow.writes()).slice(-1);
		expect(call.body).toEqual({ delete: [{ customerUid: 'cust-0002' }] });
	});

	it('refuses bad input before any request, naming field and item; with Continue On Fail only that item fails', async () => {
		const items = [person(1), { ...person(2), countryCode: 'Norway' }];
		const stopped = await flow.run(FILE, items);
		expect(stopped.error?.message).toMatch(
			/^Fields > Country Code \(item 1\) must be a two-letter/,
		);
		expect(await flow.writes()).toHaveLength(0);
		const going = await flow.run(FILE, items, continueOnFail);
		const out = going.output('Flow Retail');
		expect(out[0]).toMatchObject({ success: true });
		expect(out[1].error).toMatch(/Country Code \(item 1\)/);
		expect(going.pairedItems('Flow Retail')).toEqual([0, 1]);
	});

	it('a batch whose answer was lost is sent again without doubling a customer', async () => {
		await flow.sandbox.fault({
			method: 'POST',
			pathRegex: '/customers/batch$',
			drop: true,
			afterHandler: true,
		});
		const result = await flow.run(FILE, [person(1), person(2)]);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out.every((o) => o.success)).toBe(true);
		expect((await flow.direct.get('/customers?pageSize=1')).paging.totalCount).toBe(27);
	});
});

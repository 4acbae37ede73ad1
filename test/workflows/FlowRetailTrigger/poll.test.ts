/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { flowRetailSandboxCredential, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { createPoller } from '../../harness/poll';

const flow = useFlowRetailSandbox();
const NODE_CREDENTIALS = {
	flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' },
};

const poller = (event: string, options: Record<string, string | boolean> = {}) =>
	createPoller({
		type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
		parameters: { event, options },
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: NODE_CREDENTIALS,
	});
const person = (uid: string) => ({
	customerUid: uid,
	firstname: 'P',
	lastname: uid,
	countryCode: 'NO',
});
const ids = (out: any) => (out ? out[0].map((i: any) => i.json.id) : []);

describe('Flow Retail Poll Trigger', () => {
	it('New Customer: the first poll records the time only; later polls emit each new customer once', async () => {
		const p = poller('newCustomer');
		expect(await p.poll()).toBeNull();
		expect(p.staticData().cursor).toEqual(expect.any(String));
		await flow.sandbox.advanceClock(60);
		await flow.direct.send('POST', '/customers', person('new-1'));
		await flow.direct.send('POST', '/customers', person('new-2'));
		expect(ids(await p.poll())).toEqual(['new-1', 'new-2']);
		await flow.sandbox.advanceClock(60);
		await flow.direct.send('PUT', '/customers/new-1', { city: 'Oslo' });
		expect(await p.poll()).toBeNull();
	});

	it('Updated Customer: each change once, never a creation; sorted by lastModifiedAt DESC', async () => {
		const p = poller('updatedCustomer', { simplify: false });
		await p.poll();
		await flow.sandbox.advanceClock(60);
		await flow.direct.send('POST', '/customers', person('fresh'));
		await flow.direct.send('PUT', '/customers/cust-0004', { city: 'Bodø' });
		const out = await p.poll();
		expect(out![0].map((i: any) => i.json.customerUid)).toEqual(['cust-0004']);
		expect(out![0][0].json.city).toBe('Bodø');
		await flow.sandbox.advanceClock(60);
		await flow.direct.send('PUT', '/customers/cust-0004', { city: 'Alta' });
		expect((await p.poll())![0].map((i: any) => i.json.city)).toEqual(['Alta']);
		expect(await p.poll()).toBeNull();
		const reads = (await flow.apiCalls()).filter((r) => r.method === 'GET');
		expect(reads.at(-1)!.query).toMatchObject({ sortBy: 'lastModifiedAt', sortDirection: 'DESC' });
	});

	it('reads past a page boundary: 150 changes in one window are all emitted', async () => {
		const p = poller('updatedCustomer');
		await p.poll();
		await flow.sandbox.advanceClock(60);
		for (let i = 1; i <= 25; i++)
			await flow.direct.send('PUT', `/customers/cust-${String(i).padStart(4, '0')}`, {
				city: `C${i}`,
			});
		const batch = Array.from({ length: 125 }, (_, i) => person(`bulk-${i}`));
		await flow.direct.send('POST', '/customers/batch', { create: batch.slice(0, 100) });
		await flow.direct.send('POST', '/customers/batch', { create: batch.slice(100) });
		await flow.sandbox.advanceClock(1);
		for (const part of [batch.slice(0, 100), batch.slice(100)]) {
			const res = await flow.direct.send('POST', '/customers/batch', {
				update: part.map((b) => ({ customerUid: b.customerUid, city: 'Moved' })),
			});
			expect(res.status).toBe(200);
		}
		const out = await p.poll();
		expect(new Set(ids(out)).size).toBe(150);
	});

	it('a failed poll leaves the cursor, and the next poll emits what the failed one missed', async () => {
		const p = poller('newCustomer');
		await p.poll();
		const cursor = p.staticData().cursor;
		await flow.sandbox.advanceClock(60);
		await flow.direct.send('POST', '/customers', person('late-1'));
		await flow.sandbox.fault({ method: 'GET', pathRegex: '/customers$', status: 400, times: 1 });
		await expect(p.poll()).rejects.toThrow(/Flow Retail/);
		expect(p.staticData().cursor).toBe(cursor);
		expect(ids(await p.poll())).toEqual(['late-1']);
	});

	it('manual mode returns the newest customer and leaves the state alone', async () => {
		const p = poller('newCustomer');
		const out = await p.poll('manual');
		expect(ids(out)).toEqual(['cust-0025']);
		expect(p.staticData()).toEqual({});
	});
});

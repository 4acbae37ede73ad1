/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Flow Retail times without an offset are wall-clock times of the tenant's zone (the credential's
 * Time Zone, Europe/Oslo unless set), never of the n8n server's. The sandbox's local-times mode
 * sends them so; `npm test` runs this file again under TZ=Europe/Berlin and TZ=America/New_York
 * (scripts/zone-tests.mjs), so a time read in the server's zone fails here.
 */
import { flowDirect, flowPoller, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import type { RunningSandbox } from '../../harness/sandbox';
import { startSandbox } from '../../harness/sandbox';

const GET_ALL = 'FlowRetail/customer-getAll.workflow.json';

/** The same seed in UTC: the times as instants, to compare the node's reading with. */
let truth: RunningSandbox;
beforeAll(async () => {
	truth = await startSandbox('flowRetail', ['--rate-limit', '0']);
});
afterAll(async () => await truth.stop());
const utcTimes = async () =>
	new Map(
		(await flowDirect(truth).all('/customers')).map((c: any) => [
			c.customerUid,
			{ createdAt: c.createdAt, updatedAt: c.lastModifiedAt },
		]),
	);

describe('a tenant in Europe/Oslo that sends times without an offset', () => {
	const flow = useFlowRetailSandbox(['--local-times']);

	it('sends them so (the sandbox mode), and the node reads them in Oslo, whatever TZ n8n has', async () => {
		const raw = await flow.direct.get('/customers/cust-0001');
		expect(raw.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		const result = await flow.run(GET_ALL, [{ returnAll: true }]);
		expect(result.error).toBeUndefined();
		const expected = await utcTimes();
		const out = result.output('Flow Retail');
		expect(out).toHaveLength(25);
		for (const c of out)
			expect({ id: c.id, createdAt: c.createdAt, updatedAt: c.updatedAt }).toEqual({
				id: c.id,
				...expected.get(String(c.id)),
			});
	});

	it('checks a date order in the tenant zone too', async () => {
		const result = await flow.run(GET_ALL, [
			{ limit: 5, sortBy: 'createdAt', sortDirection: 'DESC' },
		]);
		expect(result.error).toBeUndefined();
		const newest = [25, 24, 23, 22, 21].map((n) => `cust-00${n}`);
		expect(result.output('Flow Retail').map((c) => c.id)).toEqual(newest);
	});

	it('the Poll Trigger does not take a change from before its start for a new one', async () => {
		const poller = flowPoller(flow.sandbox, 'updatedCustomer');
		// Changed two hours before the trigger starts: outside every window the trigger reads.
		await flow.sandbox.advanceClock(-2 * 3600);
		await flow.direct.send('PUT', '/customers/cust-0004', { city: 'Bodø' });
		await flow.sandbox.advanceClock(2 * 3600);
		expect(await poller.poll()).toBeNull();
		await flow.sandbox.advanceClock(60);
		expect(await poller.poll()).toBeNull();
		// A change after the start is emitted once, at its instant.
		await flow.direct.send('PUT', '/customers/cust-0005', { city: 'Alta' });
		const out = await poller.poll();
		expect(out![0].map((i: any) => [i.json.id, i.json.city])).toEqual([['cust-0005', 'Alta']]);
		const local = (await flow.direct.get('/customers/cust-0005')).lastModifiedAt;
		const oslo = Date.parse(`${local}Z`) - Date.parse(String(out![0][0].json.updatedAt));
		expect([3600 * 1000, 7200 * 1000]).toContain(oslo);
	});
});

describe('a tenant in America/New_York', () => {
	const flow = useFlowRetailSandbox(['--local-times', '--timezone', 'America/New_York']);

	it('is read in the zone the credential names', async () => {
		const expected = await utcTimes();
		const result = await flow.run(GET_ALL, [{ returnAll: true }], undefined, {
			timeZone: 'America/New_York',
		});
		for (const c of result.output('Flow Retail'))
			expect(c.createdAt).toBe(expected.get(String(c.id))?.createdAt);
		// With the default (Europe/Oslo) the same texts are six hours off: the credential decides.
		const oslo = await flow.run(GET_ALL, [{ limit: 1 }]);
		const [first] = oslo.output('Flow Retail');
		const hours =
			(Date.parse(String(expected.get(String(first.id))?.createdAt)) -
				Date.parse(String(first.createdAt))) /
			3600_000;
		expect(hours).toBe(6);
	});

	it('refuses a Time Zone that is none, naming the credential field', async () => {
		const result = await flow.run(GET_ALL, [{ limit: 1 }], undefined, { timeZone: 'Mars/Olympus' });
		expect(result.error?.message).toBe(
			'The Flow Retail credential\'s Time Zone "Mars/Olympus" is not a time zone',
		);
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

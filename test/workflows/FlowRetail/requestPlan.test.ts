/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * How many requests the Flow Retail node sends and how it spreads them, counted by the sandbox:
 * reads in pages of 1000 (or of the size the tenant grants), items side by side, items that write
 * the same customer one after another, and a tenant that answers 429.
 */
import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import type { FlowSuite } from '../../harness/flowRetailSuite';

const W = (op: string) => `FlowRetail/customer-${op}.workflow.json`;
const N = 2345;

/** Get Many with Return All (or a limit): the customers read and the requests the node sent. */
async function readAll(flow: FlowSuite, limit?: number) {
	const result = await flow.run(W('getAll'), [
		limit === undefined ? { returnAll: true } : { limit },
	]);
	expect(result.error).toBeUndefined();
	const ids = result.output('Flow Retail').map((c) => String(c.id));
	return { ids, calls: await flow.apiCalls() };
}

const seeded = (n: number) =>
	Array.from({ length: n }, (_, i) => `cust-${String(i + 1).padStart(4, '0')}`);

describe('reads at the default settings', () => {
	const flow = useFlowRetailSandbox(['--customers', String(N)]);

	it(`reads ${N} customers in ceil(N / 1000) requests of pageSize 1000`, async () => {
		const { ids, calls } = await readAll(flow);
		expect(ids).toEqual(seeded(N));
		expect(calls).toHaveLength(Math.ceil(N / 1000));
		expect(calls.map((c) => c.query.pageSize)).toEqual(['1000', '1000', '1000']);
		// Page 1 first: it tells the total; pages 2 and 3 follow side by side, in any order.
		expect(calls[0].query.pageNumber).toBe('1');
		expect(calls.map((c) => c.query.pageNumber).sort()).toEqual(['1', '2', '3']);
	});

	it('reads a limit in one request of that size', async () => {
		const { ids, calls } = await readAll(flow, 50);
		expect(ids).toEqual(seeded(50));
		expect(calls.map((c) => c.query.pageSize)).toEqual(['50']);
	});

	it('asks for the Page Size the user set', async () => {
		const result = await flow.run(W('getAll'), [{ returnAll: true }], (p) => {
			p.options = { pageSize: 500 };
		});
		expect(result.output('Flow Retail')).toHaveLength(N);
		const calls = await flow.apiCalls();
		expect(calls).toHaveLength(Math.ceil(N / 500));
		expect(new Set(calls.map((c) => c.query.pageSize))).toEqual(new Set(['500']));
	});

	it('stops an item whose Page Size is not a whole number of 1 or more, before any request', async () => {
		const result = await flow.run(W('getAll'), [{ returnAll: true }], (p) => {
			p.options = { pageSize: 0 };
		});
		expect(result.error?.message).toMatch(/Page Size/);
		expect(await flow.apiCalls()).toHaveLength(0);
	});
});

describe.each([
	['reports the size it granted in paging.pageSize', 'granted'],
	['cuts the page to 100 without a word', 'silent'],
])('a tenant whose largest page is 100 and %s', (_, reading) => {
	const flow = useFlowRetailSandbox([
		'--customers',
		String(N),
		'--max-page-size',
		'100',
		'--unknown-page-size',
		reading,
	]);

	it(`still reads all ${N} customers once each, in ceil(N / 100) requests`, async () => {
		const { ids, calls } = await readAll(flow);
		expect(ids).toEqual(seeded(N));
		expect(calls).toHaveLength(Math.ceil(N / 100));
		// The first page asks for 1000; every later page for the 100 granted.
		expect(calls[0].query.pageSize).toBe('1000');
		expect(new Set(calls.slice(1).map((c) => c.query.pageSize))).toEqual(new Set(['100']));
	});

	it('reads a limit of 250 in three requests', async () => {
		const { ids, calls } = await readAll(flow, 250);
		expect(ids).toEqual(seeded(250));
		expect(calls).toHaveLength(3);
	});
});

describe('a long read', () => {
	// Each answer is held 50 ms, so that pages asked for side by side meet in the sandbox.
	const flow = useFlowRetailSandbox(['--customers', '9500', '--latency', '50']);

	it('reads the pages after the first at most 4 at a time, each page once', async () => {
		const { ids, calls } = await readAll(flow);
		expect(ids).toEqual(seeded(9500));
		expect(calls).toHaveLength(10);
		expect(calls[0].query.pageNumber).toBe('1');
		// Page 1 alone: nothing else is asked before its total is known.
		expect((calls[0] as any).inFlight).toBe(1);
		const pages = calls.map((c) => Number(c.query.pageNumber)).sort((a, b) => a - b);
		expect(pages).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
		const peak = Math.max(...calls.map((c) => (c as any).inFlight));
		expect(peak).toBe(4);
	});
});

/** Create or Update items with new external IDs (a lookup and a create each). */
const newCustomers = (n: number, prefix: string) =>
	Array.from({ length: n }, (_, i) => ({
		externalId: `${prefix}-${i}`,
		firstname: 'Par',
		lastname: `Allel ${i}`,
		city: 'Bergen',
	}));

describe('Create or Update of many items', () => {
	// Each answer is held 50 ms, so that requests sent side by side meet in the sandbox.
	const flow = useFlowRetailSandbox(['--latency', '50']);

	it('runs the items side by side, at most 10 at once, output in item order', async () => {
		const items = newCustomers(30, 'PAR');
		const result = await flow.run(W('upsert'), items);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out.map((c) => c.externalId)).toEqual(items.map((i) => i.externalId));
		expect(result.pairedItems('Flow Retail')).toEqual(items.map((_, i) => i));
		const calls = (await flow.apiCalls()) as any[];
		// One lookup and one create per item, no more.
		expect(calls.filter((c) => c.method === 'GET')).toHaveLength(30);
		expect(calls.filter((c) => c.method === 'POST')).toHaveLength(30);
		const peak = Math.max(...calls.map((c) => c.inFlight));
		expect(peak).toBeGreaterThan(1);
		expect(peak).toBeLessThanOrEqual(10);
		const all = await flow.direct.all('/customers');
		for (const item of items)
			expect(all.filter((c: any) => c.externalId === item.externalId)).toHaveLength(1);
	});

	it('runs the items one by one with Items in Parallel 1', async () => {
		await flow.run(W('upsert'), newCustomers(5, 'ONE'), (p) => {
			p.parallelItems = 1;
		});
		const calls = (await flow.apiCalls()) as any[];
		expect(calls).toHaveLength(10);
		expect(Math.max(...calls.map((c) => c.inFlight))).toBe(1);
	});

	it('never creates one external ID twice when several items carry it', async () => {
		const items = [
			{ externalId: 'SAME-1', firstname: 'Ein', lastname: 'A', city: 'Oslo' },
			{ externalId: 'OTHER-1', firstname: 'To', lastname: 'B', city: 'Oslo' },
			{ externalId: 'SAME-1', firstname: 'Ein', lastname: 'C', city: 'Molde' },
			{ externalId: 'SAME-1', firstname: 'Ein', lastname: 'D', city: 'Bodø' },
		];
		const result = await flow.run(W('upsert'), items);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out.map((c) => c.lastName)).toEqual(['A', 'B', 'C', 'D']);
		expect(new Set([out[0].id, out[2].id, out[3].id]).size).toBe(1);
		const same = await flow.direct.get('/customers?customerExternalId=SAME-1');
		expect(same.paging.totalCount).toBe(1);
		// The last item in item order wins.
		expect(same.items[0]).toMatchObject({ lastname: 'D', city: 'Bodø' });
		const writes = await flow.writes();
		expect(writes.map((w) => w.method).sort()).toEqual(['POST', 'POST', 'PUT', 'PUT']);
	});
});

describe('a tenant that answers 429 past 5 requests a second per endpoint', () => {
	const flow = useFlowRetailSandbox(['--rate-limit', '5', '--rate-interval', '1']);
	jest.setTimeout(120_000);

	it('slows down, honours Retry-After and finishes every item once, with no error', async () => {
		const items = newCustomers(20, 'RATE');
		const result = await flow.run(W('upsert'), items, continueOnFail);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
		expect(out.map((c) => c.externalId)).toEqual(items.map((i) => i.externalId));
		const calls = (await flow.apiCalls()) as any[];
		const limited = calls.filter((c) => c.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		// Every item's lookup and create went through once; the 429s were sent again.
		expect(calls.filter((c) => c.status !== 429)).toHaveLength(40);
		const all = await flow.direct.all('/customers');
		for (const item of items)
			expect(all.filter((c: any) => c.externalId === item.externalId)).toHaveLength(1);
	});
});

describe('a tenant that refuses a page above its largest (100) with a 400', () => {
	const flow = useFlowRetailSandbox([
		'--customers',
		'250',
		'--max-page-size',
		'100',
		'--unknown-page-size',
		'refused',
	]);

	it("passes Flow Retail's refusal on, and reads everything with Page Size 100", async () => {
		const refused = await flow.run(W('getAll'), [{ returnAll: true }]);
		expect(refused.error?.message).toMatch(/Flow Retail/);
		expect(JSON.stringify(refused.error)).toMatch(/pageSize/);
		const read = await flow.run(W('getAll'), [{ returnAll: true }], (p) => {
			p.options = { pageSize: 100 };
		});
		expect(read.output('Flow Retail').map((c) => String(c.id))).toEqual(seeded(250));
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Create or Update of 300 customers, half of them existing, under the sandbox's 60 requests per
 * 10 s per endpoint, under both readings of "endpoint" (method and path template, the default;
 * the path template alone, `--rate-limit-per-path`). The node's waits run on a virtual clock that
 * moves the sandbox's clock along, so windows are counted, not timed. Counts are what the sandbox
 * received.
 */
import { clock } from '../../../nodes/shared/clock';
import { rateLimitGate } from '../../../nodes/shared/rateLimit';
import { useJtlSandbox } from '../../harness/jtlSuite';

const WINDOW_MS = 10_000;

/**
 * The node's clock runs ahead of the wall clock by what it waited, and moves the sandbox's clock
 * along. Items wait side by side: a wait ends at the same virtual time whoever else waits, so the
 * clock moves by the longest of waits that overlap, not by their sum. `waited()` is that total.
 */
function useVirtualClock(jtl: ReturnType<typeof useJtlSandbox>) {
	let virtualMs = 0;
	let advancing = Promise.resolve();
	beforeEach(() => {
		virtualMs = 0;
		advancing = Promise.resolve();
		rateLimitGate.reset();
		jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + virtualMs);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
			const wakeAt = clock.now() + Math.max(0, ms);
			// The sandbox's clock moves first and the node's after it: an item that is not asleep
			// never sees a window begin before the sandbox has begun it (which would be a 429 the
			// node was not at fault for, seen under load).
			advancing = advancing.then(async () => {
				const ahead = Math.max(0, wakeAt - clock.now());
				if (ahead === 0) return;
				await jtl.sandbox.advanceClock(ahead / 1000);
				virtualMs += ahead;
			});
			await advancing;
		});
	});
	afterEach(() => jest.restoreAllMocks());
	return { waited: () => virtualMs };
}

/**
 * The node's answered requests as `METHOD /path` with ids as `{id}`, counted; every status seen
 * besides 429; and the 429s. A 429 is never applied, and the node sends that request again after
 * the wait the vendor asks: the node's window starts at a request's send time, the vendor's at its
 * arrival, so a request sent just before the vendor's window ends can meet one (more often on a
 * loaded machine, where the test's two clocks move a few milliseconds apart). Pacing keeps them
 * to a few at most; without it every request past the 60th of a window would get one.
 */
async function census(jtl: ReturnType<typeof useJtlSandbox>) {
	const all = await jtl.apiCalls();
	const calls = all.filter((c) => c.status !== 429);
	const counts: Record<string, number> = {};
	for (const c of calls) {
		const route = `${c.method} ${c.path.replace(/^\/erp/, '').replace(/\/\d+$/, '/{id}')}`;
		counts[route] = (counts[route] ?? 0) + 1;
	}
	return {
		total: calls.length,
		counts,
		statuses: new Set(calls.map((c) => c.status)),
		tooMany: all.length - calls.length,
	};
}

describe.each([
	['per method and path template', []],
	['per path template', ['--rate-limit-per-path']],
])('300 upserts, half existing, 60 per 10 s %s', (_reading, flags) => {
	// 150 customers: the two pages of the directory; each existing one is updated once.
	const jtl = useJtlSandbox(['--customers', '150', ...flags]);
	const time = useVirtualClock(jtl);

	async function input() {
		const pages = await Promise.all(
			[1, 2].map(async (p) => await jtl.direct.get(`/customers?pageSize=100&pageNumber=${p}`)),
		);
		const existing = pages.flatMap((p: any) => p.Items.map((c: any) => c.Number as string));
		expect(existing).toHaveLength(150);
		return Array.from({ length: 300 }, (_, i) => ({
			number: i % 2 === 0 ? existing[i / 2] : `PACE-${i}`,
			city: 'Lübeck',
		}));
	}

	// The reference checks (customer group, company: one read each per run), the directory (2 pages),
	// 150 PATCH and 150 POST.
	const writesAndReads = {
		'GET /customerGroups': 1,
		'GET /companies': 1,
		'GET /customers': 2,
		'PATCH /customers/{id}': 150,
		'POST /customers': 150,
	};

	it('Simplify off: 304 requests, at most a few 429s, two windows of waiting (ceil(150 / 60) - 1)', async () => {
		const items = await input();
		await jtl.sandbox.clearRequests();
		const startedAt = clock.now();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', items);
		const elapsed = clock.now() - startedAt;
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi').map((o) => o.Number)).toEqual(items.map((i) => i.number));
		const seen = await census(jtl);
		expect(seen.counts).toEqual(writesAndReads);
		expect(seen.total).toBe(304);
		expect([...seen.statuses].sort()).toEqual([200, 201]);
		expect(seen.tooMany).toBeLessThanOrEqual(4);
		expect(time.waited()).toBeLessThanOrEqual(2 * WINDOW_MS);
		// 150 creates at 60 per window span two window starts on the node's clock: waited, or
		// passed for real on a loaded machine (which shortens the waits, not the span).
		expect(elapsed).toBeGreaterThan(WINDOW_MS);
	});

	it('Simplify on: 307 requests, the v2 UUIDs from one read of the v2 list after the writes (3 pages)', async () => {
		const items = await input();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', items, (p) => {
			p.simplify = true;
		});
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi') as any[];
		const seen = await census(jtl);
		expect(seen.counts).toEqual({ ...writesAndReads, 'GET /v2/customers': 3 });
		expect(seen.total).toBe(307);
		expect([...seen.statuses].sort()).toEqual([200, 201]);
		expect(seen.tooMany).toBeLessThanOrEqual(4);
		expect(time.waited()).toBeLessThanOrEqual(2 * WINDOW_MS);

		// Every item has its own customer's two IDs, as JTL's v2 list pairs them.
		const v2 = new Map<string, string>();
		for (const p of [1, 2, 3]) {
			const page = await jtl.direct.get(`/v2/customers?pageSize=100&pageNumber=${p}`);
			for (const c of page.items) v2.set(c.customerNumber, c.id);
		}
		expect(out.map((o) => o.number)).toEqual(items.map((i) => i.number));
		for (const o of out) {
			expect(o.id).toBe(v2.get(o.number));
			expect(o.legacyId).toMatch(/^\d+$/);
		}
		expect(new Set(out.map((o) => o.id)).size).toBe(300);
	});
});

describe.each([
	['per method and path template', [], 0],
	['per path template', ['--rate-limit-per-path'], 1],
])('9 new customers looked up one by one, 10 per 10 s %s', (_reading, flags, windows) => {
	const jtl = useJtlSandbox(['--rate-limit', '10', ...flags]);
	const time = useVirtualClock(jtl);

	it(`shares the window of GET and POST /customers only where JTL does: ${windows} window(s) of waiting, at most a few 429s`, async () => {
		const items = Array.from({ length: 9 }, (_, i) => ({ number: `ONE-${i}`, city: 'Wismar' }));
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', items);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toHaveLength(9);
		const seen = await census(jtl);
		// 9 lookups and 9 creates on /customers: 18 against a budget of 10 where they share it.
		expect(seen.counts).toEqual({
			'GET /customerGroups': 1,
			'GET /companies': 1,
			'GET /customers': 9,
			'POST /customers': 9,
		});
		expect([...seen.statuses].sort()).toEqual([200, 201]);
		expect(seen.tooMany).toBeLessThanOrEqual(4);
		expect(time.waited()).toBeLessThanOrEqual(windows * WINDOW_MS);
		if (windows > 0) expect(time.waited()).toBeGreaterThan(0);
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issue 8 against the Flow Retail sandbox, with seeded random faults at 20%:
 * 500/502/503/504, 429 with Retry-After, dropped connections, answers delayed beyond the timeout,
 * and writes applied whose answer is lost. Waits run on a virtual clock.
 */
import { clock } from '../../../nodes/shared/clock';
import type { NodeChange } from '../../harness/jtlSuite';
import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { expectLoudFailure } from '../../harness/runWorkflow';

const flow = useFlowRetailSandbox(['--customers', '1000', '--max-batch-size', '100']);
const TIMEOUT_SECONDS = 0.15;
const randomFaults = (seed: number) =>
	flow.sandbox.fault({
		pathRegex: '^/v2/',
		random: { rate: 0.2, seed, delayMs: 400, retryAfterMax: 1 },
	});

async function injected(): Promise<number> {
	const res = await fetch(`${flow.sandbox.url}/__sandbox/faults`);
	const faults = (await res.json()) as Array<{ injected?: number }>;
	return faults.reduce((sum, f) => sum + (f.injected ?? 0), 0);
}
const clearFaults = async () =>
	await fetch(`${flow.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });

let virtualMs = 0;
beforeEach(() => {
	virtualMs = 0;
	jest.spyOn(clock, 'now').mockImplementation(() => Date.now() + virtualMs);
	jest.spyOn(clock, 'sleep').mockImplementation(async (ms: number) => {
		virtualMs += Math.max(0, ms);
	});
});
afterEach(() => jest.restoreAllMocks());

const tally = {
	failedLoudly: 0,
	runs: 0,
	faults: 0,
	records: 0,
	lost: 0,
	doubled: 0,
	appliedButFailed: 0,
	leaked: 0,
};
afterAll(() => {
	expect(tally.lost + tally.doubled + tally.appliedButFailed + tally.leaked).toBe(0);
});

const withTimeout =
	(change?: NodeChange): NodeChange =>
	(p, node) => {
		p.requestTimeout = TIMEOUT_SECONDS;
		change?.(p, node);
	};

const TOKEN = 'flow-sandbox-integration-token';
const noLeak = (value: unknown) => {
	if (JSON.stringify(value).includes(TOKEN)) tally.leaked++;
};

describe('a 1,000-customer read at 20% faults', () => {
	it('completes in 15 seeded runs with every customer exactly once', async () => {
		const expected = (await flow.direct.all('/customers')).map((c: any) => c.customerUid).sort();
		expect(expected).toHaveLength(1000);
		for (let seed = 1; seed <= 15; seed++) {
			await flow.sandbox.reset();
			await randomFaults(seed);
			const result = await flow.run(
				'FlowRetail/customer-getAll.workflow.json',
				[{ returnAll: true }],
				withTimeout(),
			);
			if (result.error) {
				// Five faults in a row on one request use up its retries (0.2^5 per request): the read
				// then fails loudly, with no partial list. At most two runs may end so.
				expectLoudFailure(result, 'Flow Retail');
				tally.failedLoudly++;
				continue;
			}
			const ids = result.output('Flow Retail').map((c) => String(c.id));
			const distinct = new Set(ids);
			tally.doubled += ids.length - distinct.size;
			tally.lost += expected.filter((n: string) => !distinct.has(n)).length;
			expect(ids.sort()).toEqual(expected);
			tally.runs++;
			tally.records += ids.length;
			tally.faults += await injected();
		}
		expect(tally.failedLoudly).toBeLessThanOrEqual(2);
		expect(tally.faults).toBeGreaterThan(15 * 2);
	});
});

describe('200-item writes at 20% faults', () => {
	async function writeAll(file: string, items: object[], seed: number, change?: NodeChange) {
		await randomFaults(seed);
		const result = await flow.run(
			file,
			items,
			withTimeout((p, n) => {
				continueOnFail(p, n);
				change?.(p, n);
			}),
		);
		expect(result.error).toBeUndefined();
		const out = result.output('Flow Retail');
		expect(out).toHaveLength(items.length);
		expect(result.pairedItems('Flow Retail')).toEqual(items.map((_, i) => i));
		noLeak(out);
		tally.faults += await injected();
		await clearFaults();
		tally.runs++;
		return out;
	}

	function check(
		out: any[],
		countOf: (i: number) => number,
		failed = (o: any) => o.error !== undefined,
	) {
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			if (!failed(json) && count === 0) tally.lost++;
			if (failed(json) && count > 0) tally.appliedButFailed++;
			tally.records++;
			expect({ item: i, count }).toEqual({ item: i, count: failed(json) ? 0 : 1 });
		});
	}

	it.each([101, 102])(
		'Customer > Create of 200 (seed %i): none lost, doubled or failed when applied',
		async (seed) => {
			const items = Array.from({ length: 200 }, (_, i) => ({
				firstname: 'Fault',
				lastname: `Run ${seed}-${i}`,
				countryCode: 'NO',
				email: `f${i}@example.no`,
				city: 'Oslo',
			}));
			const out = await writeAll('FlowRetail/customer-create.workflow.json', items, seed);
			const all = await flow.direct.all('/customers');
			check(out, (i) => all.filter((c: any) => c.lastname === `Run ${seed}-${i}`).length);
			expect(out.filter((o) => o.error === undefined).length).toBeGreaterThan(150);
		},
	);

	it('Customer Contact > Create of 200: client UIDs make every create safe to retry', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			customerUid: `cust-${String(1 + (i % 20)).padStart(4, '0')}`,
			firstname: 'Fault',
			lastname: `Run ${i}`,
			email: `c${i}@example.no`,
		}));
		const out = await writeAll('FlowRetail/customerContact-create.workflow.json', items, 301);
		const contacts: any[] = [];
		for (let c = 1; c <= 20; c++)
			contacts.push(
				...(await flow.direct.all(`/customers/cust-${String(c).padStart(4, '0')}/contacts`)),
			);
		check(out, (i) => contacts.filter((c) => c.lastname === `Run ${i}`).length);
	});

	it('Customer > Batch create of 200 in batches of 20: every item its own result, none doubled', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			firstname: 'Batch',
			lastname: `B${i}`,
			countryCode: 'NO',
		}));
		const out = await writeAll('FlowRetail/customer-batch.workflow.json', items, 401, (p) => {
			p.batchSize = 20;
		});
		const all = await flow.direct.all('/customers');
		check(
			out,
			(i) => all.filter((c: any) => c.lastname === `B${i}`).length,
			(o) => o.error !== undefined || o.success === false,
		);
	});
});

describe('servers that echo the request', () => {
	it.each([400, 401, 403, 404, 409, 500, 502])(
		'an error %i that echoes the headers and body leaks no token into output or error',
		async (status) => {
			await flow.sandbox.fault({ pathRegex: '^/v2/', status, echo: true, times: 10 });
			const got = await flow.run(
				'FlowRetail/customer-get.workflow.json',
				[{ customerUid: 'cust-0001' }],
				withTimeout(continueOnFail),
			);
			const created = await flow.run(
				'FlowRetail/customer-create.workflow.json',
				[{ firstname: 'E', lastname: 'Cho', countryCode: 'NO', email: 'e@x.no', city: 'Oslo' }],
				withTimeout(),
			);
			for (const value of [got.output('Flow Retail'), got.run, created.error, created.run]) {
				expect(JSON.stringify(value)).not.toContain(TOKEN);
				noLeak(value);
			}
			expect(got.output('Flow Retail')[0].error).toBeDefined();
			expect(created.error).toBeDefined();
			tally.runs += 2;
		},
	);
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issue 8 against the Xentral sandbox, with seeded random faults at 20%: server
 * errors, 429 with Retry-After, dropped connections, answers delayed beyond the node's timeout, and
 * writes applied whose answer is then lost. The node's waits run on a virtual clock.
 */
import { clock } from '../../../nodes/shared/clock';
import { continueOnFail } from '../../harness/jtlSuite';
import type { NodeChange } from '../../harness/jtlSuite';
import { expectLoudFailure } from '../../harness/runWorkflow';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox(['--customers', '1000', '--rate-limit', '0']);

const TIMEOUT_SECONDS = 0.15;
const randomFaults = (seed: number) =>
	xentral.sandbox.fault({
		pathRegex: '^/api/',
		random: { rate: 0.2, seed, delayMs: 400, retryAfterMax: 1 },
	});

async function injected(): Promise<number> {
	const res = await fetch(`${xentral.sandbox.url}/__sandbox/faults`);
	const faults = (await res.json()) as Array<{ injected?: number }>;
	return faults.reduce((sum, f) => sum + (f.injected ?? 0), 0);
}

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
};
afterAll(() => {
	expect(tally.lost + tally.doubled + tally.appliedButFailed).toBe(0);
});

const withTimeout =
	(change?: NodeChange): NodeChange =>
	(p, node) => {
		p.requestTimeout = TIMEOUT_SECONDS;
		change?.(p, node);
	};

/** Every record of a list, read directly once the faults are gone. */
async function directAll(path: string): Promise<any[]> {
	const all: any[] = [];
	for (let page = 1; ; page++) {
		const sep = path.includes('?') ? '&' : '?';
		const res = await xentral.direct('GET', `${path}${sep}page[number]=${page}&page[size]=50`);
		all.push(...res.body.data);
		if (res.body.data.length < 50) return all;
	}
}

describe('a 1,000-customer read at 20% faults', () => {
	it('completes in 20 seeded runs with every customer exactly once', async () => {
		const expected = (await directAll('/api/v2/customers')).map((c) => String(c.id)).sort();
		expect(expected).toHaveLength(1000);
		for (let seed = 1; seed <= 20; seed++) {
			await xentral.sandbox.reset();
			await randomFaults(seed);
			const result = await xentral.run(
				'Xentral/customer-getAll.workflow.json',
				[{ returnAll: true, limit: 1, key: 'id', op: 'greaterThan', value: '0' }],
				withTimeout(),
			);
			if (result.error) {
				// Five faults in a row on one request use up its retries (0.2^5 per request): the read
				// then fails loudly, with no partial list. At most two runs may end so.
				expectLoudFailure(result, 'Xentral');
				tally.failedLoudly++;
				continue;
			}
			const ids = result.output('Xentral').map((c) => String(c.id));
			const distinct = new Set(ids);
			tally.doubled += ids.length - distinct.size;
			tally.lost += expected.filter((n) => !distinct.has(n)).length;
			expect(ids.sort()).toEqual(expected);
			tally.runs++;
			tally.records += ids.length;
			tally.faults += await injected();
		}
		expect(tally.failedLoudly).toBeLessThanOrEqual(2);
		expect(tally.faults).toBeGreaterThan(20);
	});
});

describe('200-item writes at 20% faults', () => {
	async function writeAll(file: string, items: object[], seed: number) {
		await randomFaults(seed);
		const result = await xentral.run(file, items, withTimeout(continueOnFail));
		expect(result.error).toBeUndefined();
		const out = result.output('Xentral');
		expect(out).toHaveLength(items.length);
		tally.faults += await injected();
		await fetch(`${xentral.sandbox.url}/__sandbox/faults`, { method: 'DELETE' });
		tally.runs++;
		return out;
	}

	function check(out: any[], countOf: (i: number) => number) {
		out.forEach((json, i) => {
			const count = countOf(i);
			if (count > 1) tally.doubled += count - 1;
			if (json.error === undefined && count === 0) tally.lost++;
			if (json.error !== undefined && count > 0) tally.appliedButFailed++;
			tally.records++;
			expect({ item: i, count, error: json.error }).toEqual({
				item: i,
				count: json.error === undefined ? 1 : 0,
				error: json.error,
			});
		});
	}

	it.each([101, 102])(
		'Customer > Create or Update of 200 new numbers (seed %i): none lost, doubled or failed when applied',
		async (seed) => {
			const items = Array.from({ length: 200 }, (_, i) => ({
				matchOn: 'number',
				number: `FR-${seed}-${i}`,
				companyName: `Fault Run ${i}`,
				email: `fr${i}@example.com`,
			}));
			const out = await writeAll('Xentral/customer-upsert.workflow.json', items, seed);
			const numbers = (await directAll('/api/v2/customers')).map((c) => String(c.number));
			check(out, (i) => numbers.filter((n) => n === `FR-${seed}-${i}`).length);
			expect(out.filter((o) => o.error === undefined).length).toBeGreaterThan(150);
		},
	);

	it('Sales Price > Create of 200 prices: none lost, doubled or failed when applied', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			productId: String(100 + (i % 10)),
			customerId: String(1 + Math.floor(i / 10)),
			fromQuantity: 1000 + i,
			price: 10 + i / 100,
			currency: 'EUR',
			validFrom: '2026-05-01',
		}));
		const out = await writeAll('Xentral/salesPrice-create.workflow.json', items, 201);
		const prices = await directAll('/api/v1/salesPrices');
		check(
			out,
			(i) =>
				prices.filter(
					(p) =>
						p.product.id === items[i].productId &&
						p.customer?.id === items[i].customerId &&
						p.amount === items[i].fromQuantity,
				).length,
		);
	});

	it('Contact Person > Create of 200: an unknown outcome says so, with no advice to retry', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			customerId: String(1 + (i % 20)),
			name: `Run ${i}`,
			email: `run${i}@example.com`,
			department: 'Fault',
		}));
		const out = await writeAll('Xentral/contactPerson-create.workflow.json', items, 301);
		const unknown = out.filter((o) => /^Outcome unknown/.test(String(o.error ?? '')));
		expect(unknown.length).toBeGreaterThan(0);
		for (const o of out.filter((x) => x.error !== undefined))
			expect(`${o.error} ${o.description ?? ''}`).not.toMatch(/retry|try again/i);
		const people: any[] = [];
		for (let c = 1; c <= 20; c++)
			people.push(...(await directAll(`/api/v1/customers/${c}/contactPerson`)));
		out.forEach((json, i) => {
			const count = people.filter((p) => p.name === `Run ${i}`).length;
			if (count > 1) tally.doubled += count - 1;
			if (json.error === undefined) expect(count).toBe(1);
			else if (!/^Outcome unknown/.test(String(json.error))) expect(count).toBe(0);
		});
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issue 8 against the Xentral sandbox, with seeded random faults at 20%: server
 * errors, 429 with Retry-After, dropped connections, answers delayed beyond the node's timeout, and
 * writes applied whose answer is then lost. The node's waits run on a virtual clock.
 */
import { APPLIED_THEN_5XX, useFaultRuns } from '../../harness/faultRuns';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox([
	'--customers',
	'1000',
	'--rate-limit',
	'0',
	// The list carries the main address: the runs measure paging and writes, not address reads.
	'--view-address',
]);
// Hundreds of requests per test: on a busy machine they take longer than jest's default 30 s.
jest.setTimeout(180_000);
const { tally, readRuns, writeAll, check, checkUnknownOutcomes } = useFaultRuns(xentral, {
	pathRegex: '^/api/',
	nodeName: 'Xentral',
});

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

/** 200 sales prices: 10 products × 20 customers, quantities from `from` on. */
const priceItems = (from: number, validFrom: string) =>
	Array.from({ length: 200 }, (_, i) => ({
		productId: String(100 + (i % 10)),
		customerId: String(1 + Math.floor(i / 10)),
		fromQuantity: from + i,
		price: 10 + i / 100,
		currency: 'EUR',
		validFrom,
	}));

/** How often each price of `items` exists, read directly once the faults are gone. */
async function priceCounts(items: ReturnType<typeof priceItems>) {
	const prices = await directAll('/api/v1/salesPrices');
	return (i: number) =>
		prices.filter(
			(p) =>
				p.product.id === items[i].productId &&
				p.customer?.id === items[i].customerId &&
				p.amount === items[i].fromQuantity,
		).length;
}

describe('a 1,000-customer read at 20% faults', () => {
	it('completes in 20 seeded runs with every customer exactly once', async () => {
		const expected = (await directAll('/api/v2/customers')).map((c) => String(c.id)).sort();
		expect(expected).toHaveLength(1000);
		await readRuns({
			seeds: 20,
			expected,
			file: 'Xentral/customer-getAll.workflow.json',
			items: [{ returnAll: true, limit: 1, key: 'id', op: 'greaterThan', value: '0' }],
			idOf: (c) => String(c.id),
		});
		expect(tally.faults).toBeGreaterThan(20);
	});
});

describe('200-item writes at 20% faults', () => {
	it.each([101, 102])(
		'Customer > Create or Update of 200 new numbers (seed %i): none lost, doubled or failed when applied',
		async (seed) => {
			const items = Array.from({ length: 200 }, (_, i) => ({
				matchOn: 'number',
				number: `FR-${seed}-${i}`,
				companyName: `Fault Run ${i}`,
				email: `fr${i}@example.com`,
				projectId: '1',
			}));
			const out = await writeAll('Xentral/customer-upsert.workflow.json', items, seed);
			const numbers = (await directAll('/api/v2/customers')).map((c) => String(c.number));
			check(out, (i) => numbers.filter((n) => n === `FR-${seed}-${i}`).length);
			expect(out.filter((o) => o.error === undefined).length).toBeGreaterThan(150);
		},
	);

	it('Sales Price > Create of 200 prices: none lost, doubled or failed when applied', async () => {
		const items = priceItems(1000, '2026-05-01');
		const out = await writeAll('Xentral/salesPrice-create.workflow.json', items, 201);
		check(out, await priceCounts(items));
	});

	it('Contact Person > Create of 200: an unknown outcome says so, with no advice to retry', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			customerId: String(1 + (i % 20)),
			name: `Run ${i}`,
			email: `run${i}@example.com`,
			department: 'Fault',
		}));
		const out = await writeAll('Xentral/contactPerson-create.workflow.json', items, 301);
		const people: any[] = [];
		for (let c = 1; c <= 20; c++)
			people.push(...(await directAll(`/api/v1/customers/${c}/contactPerson`)));
		checkUnknownOutcomes(out, (i) => people.filter((p) => p.name === `Run ${i}`).length);
	});
});

describe('200-item writes where every fifth write is applied, then answered 500/502/503/504', () => {
	it('Customer > Create or Update of 200 new numbers: none failed although applied', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			matchOn: 'number',
			number: `AP-${i}`,
			companyName: `Applied ${i}`,
			email: `ap${i}@example.com`,
			projectId: '1',
		}));
		const out = await writeAll(
			'Xentral/customer-upsert.workflow.json',
			items,
			501,
			undefined,
			APPLIED_THEN_5XX,
		);
		const numbers = (await directAll('/api/v2/customers')).map((c) => String(c.number));
		check(out, (i) => numbers.filter((n) => n === `AP-${i}`).length);
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
	});

	it('Sales Price > Create of 200 prices: none failed although applied', async () => {
		const items = priceItems(3000, '2026-06-01');
		const out = await writeAll(
			'Xentral/salesPrice-create.workflow.json',
			items,
			502,
			undefined,
			APPLIED_THEN_5XX,
		);
		check(out, await priceCounts(items));
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
	});

	it('Contact Person > Create of 200: each applied one says it may have been applied', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			customerId: String(1 + (i % 20)),
			name: `Five ${i}`,
			email: `five${i}@example.com`,
			department: 'Applied',
		}));
		const out = await writeAll(
			'Xentral/contactPerson-create.workflow.json',
			items,
			503,
			undefined,
			APPLIED_THEN_5XX,
		);
		const people: any[] = [];
		for (let c = 1; c <= 20; c++)
			people.push(...(await directAll(`/api/v1/customers/${c}/contactPerson`)));
		checkUnknownOutcomes(out, (i) => people.filter((p) => p.name === `Five ${i}`).length);
	});
});

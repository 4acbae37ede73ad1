/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The fault runs of issue 8 against the Flow Retail sandbox, with seeded random faults at 20%:
 * 500/502/503/504, 429 with Retry-After, dropped connections, answers delayed beyond the timeout,
 * and writes applied whose answer is lost. Waits run on a virtual clock.
 */
import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { APPLIED_THEN_5XX, useFaultRuns } from '../../harness/faultRuns';

const flow = useFlowRetailSandbox(['--customers', '1000', '--max-batch-size', '100']);
// Hundreds of requests per test: on a busy machine they take longer than jest's default 30 s.
jest.setTimeout(180_000);

const { tally, withTimeout, readRuns, writeAll, check } = useFaultRuns(flow, {
	pathRegex: '^/v2/',
	nodeName: 'Flow Retail',
	afterWrite: (result, items, out) => {
		expect(result.pairedItems('Flow Retail')).toEqual(items.map((_, i) => i));
		noLeak(out);
	},
});

const TOKEN = 'flow-sandbox-integration-token';
const noLeak = (value: unknown) => {
	if (JSON.stringify(value).includes(TOKEN)) tally.leaked++;
};

describe('a 1,000-customer read at 20% faults', () => {
	it('completes in 15 seeded runs with every customer exactly once', async () => {
		const expected = (await flow.direct.all('/customers')).map((c: any) => c.customerUid).sort();
		expect(expected).toHaveLength(1000);
		await readRuns({
			seeds: 15,
			expected,
			file: 'FlowRetail/customer-getAll.workflow.json',
			items: [{ returnAll: true }],
			// Pages of 100 (not the 1000 the node asks by default): ten pages per run for faults to hit.
			change: (p) => {
				p.options = { pageSize: 100 };
			},
			idOf: (c) => String(c.id),
		});
		expect(tally.faults).toBeGreaterThan(15 * 2);
	});
});

describe('200-item writes at 20% faults', () => {
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
		const out = await writeAll('FlowRetail/customer-batch.workflow.json', items, 403, (p) => {
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

describe('200-item writes where every fifth write is applied, then answered 500/502/503/504', () => {
	it('Customer > Create of 200: none failed although applied', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			firstname: 'Applied',
			lastname: `Five ${i}`,
			countryCode: 'NO',
			email: `a${i}@example.no`,
			city: 'Oslo',
		}));
		const out = await writeAll(
			'FlowRetail/customer-create.workflow.json',
			items,
			501,
			undefined,
			APPLIED_THEN_5XX,
		);
		const all = await flow.direct.all('/customers');
		check(out, (i) => all.filter((c: any) => c.lastname === `Five ${i}`).length);
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
	});

	it('Customer Contact > Create of 200: none failed although applied', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			customerUid: `cust-${String(1 + (i % 20)).padStart(4, '0')}`,
			firstname: 'Applied',
			lastname: `Five ${i}`,
			email: `c${i}@example.no`,
		}));
		const out = await writeAll(
			'FlowRetail/customerContact-create.workflow.json',
			items,
			502,
			undefined,
			APPLIED_THEN_5XX,
		);
		const contacts: any[] = [];
		for (let c = 1; c <= 20; c++)
			contacts.push(
				...(await flow.direct.all(`/customers/cust-${String(c).padStart(4, '0')}/contacts`)),
			);
		check(out, (i) => contacts.filter((c) => c.lastname === `Five ${i}`).length);
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
	});

	it('Customer > Batch create of 200 in batches of 5: every entry created once and reported so', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			firstname: 'Applied',
			lastname: `Batch ${i}`,
			countryCode: 'NO',
		}));
		const out = await writeAll(
			'FlowRetail/customer-batch.workflow.json',
			items,
			503,
			(p) => {
				p.batchSize = 5;
			},
			APPLIED_THEN_5XX,
		);
		const all = await flow.direct.all('/customers');
		check(
			out,
			(i) => all.filter((c: any) => c.lastname === `Batch ${i}`).length,
			(o) => o.error !== undefined || o.success === false,
		);
		expect(out.filter((o) => o.success !== true)).toEqual([]);
	});
});

describe('servers that echo the request', () => {
	it.each([400, 401, 403, 404, 409, 500, 502])(
		'an error %i that echoes the headers and body leaks no token into output or error',
		async (status) => {
			await flow.sandbox.fault({ pathRegex: '^/v2/', status, echo: true, times: 30 });
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

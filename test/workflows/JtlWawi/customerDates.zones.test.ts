/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The dates of the common customer shape, under every reading of what JTL leaves open, and in
 * every zone of the n8n server (this file runs under TZ=Europe/Berlin and America/New_York too):
 *
 * - `createdAt` is null: JTL has no creation time the node can vouch for (v2 `createdDate` can be
 *   set by the update command, seed 001).
 * - `customerSince` is the date of v1 `CustomerSince`, whether JTL keeps it as one field with v2
 *   `createdDate` (the sandbox default) or as two (`--customer-since-separate`); never the v2
 *   `createdDate`.
 * - `updatedAt` is the instant of v2 `lastChanged`, whether JTL sends it with `Z` (the default) or
 *   as a wall-clock time of its zone (`--offset-less-times`, Europe/Berlin).
 *
 * An oracle sandbox with the same seed and the default readings tells the true instants.
 */
import { useJtlSandbox, useJtlTrigger } from '../../harness/jtlSuite';

const oracle = useJtlSandbox();

/** `lastChanged` of every seeded customer by number, as instants (from the oracle). */
async function trueLastChanged(): Promise<Map<string, string>> {
	const body = await oracle.direct.get('/v2/customers?pageSize=100');
	return new Map(
		body.items.map((c: any) => [c.customerNumber, new Date(c.lastChanged).toISOString()]),
	);
}

const READINGS: Array<[string, string[]]> = [
	['one field, times with Z (default)', []],
	['two fields', ['--customer-since-separate']],
	['one field, times without offset', ['--offset-less-times']],
	['two fields, times without offset', ['--customer-since-separate', '--offset-less-times']],
];

describe.each(READINGS)('Customer dates: %s', (_name, args) => {
	const jtl = useJtlSandbox([...args, '--rate-limit', '0']);

	async function both(v1Id: number) {
		const v1 = await jtl.direct.get(`/customers/${v1Id}`);
		const list = await jtl.direct.get('/v2/customers?pageSize=100');
		const v2 = list.items.find((c: any) => c.customerNumber === v1.Number);
		return { v1, v2 };
	}

	it('Get by either ID: customerSince is v1 CustomerSince, createdAt null, updatedAt the true instant', async () => {
		const { v1, v2 } = await both(3);
		const truth = await trueLastChanged();
		for (const id of [3, v2.id]) {
			const result = await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: id }]);
			expect(result.error).toBeUndefined();
			expect(result.output('JTL-Wawi')[0]).toMatchObject({
				id: v2.id,
				legacyId: '3',
				createdAt: null,
				customerSince: String(v1.CustomerSince).slice(0, 10),
				updatedAt: truth.get(v1.Number),
			});
		}
	});

	it('Get Many on the v2 list: updatedAt the true instant; no customerSince without the v1 record', async () => {
		const truth = await trueLastChanged();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 100 }], (p) => {
			p.sort = { sortBy: 'lastChanged' };
		});
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out).toHaveLength(truth.size);
		for (const c of out) {
			expect(c.updatedAt).toBe(truth.get(c.number as string));
			expect(c.createdAt).toBeNull();
			expect(c.customerSince).toBeNull();
		}
	});

	it('Get Many on the v1 list: customerSince from CustomerSince', async () => {
		const { v1 } = await both(5);
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { number: v1.Number };
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			expect.objectContaining({
				legacyId: '5',
				createdAt: null,
				customerSince: String(v1.CustomerSince).slice(0, 10),
			}),
		]);
	});

	describe('JTL-Wawi Trigger', () => {
		const clocks = useJtlTrigger(jtl);

		it('New Customer: more than a page of new customers, each emitted once, in the same shape', async () => {
			const trigger = clocks.poller('newCustomer');
			expect(await trigger.poll()).toBeNull();
			await clocks.advance(5);
			const created: number[] = [];
			for (let i = 0; i < 130; i++) {
				const res = await jtl.direct.call('POST', '/customers', {
					CustomerGroupId: 1,
					InternalCompanyId: 1,
					LanguageIso: 'de',
					Number: `N${20000 + i}`,
					BillingAddress: { City: 'Görlitz', CountryIso: 'DE', LastName: `Neu ${i}` },
				});
				expect(res.status).toBe(201);
				created.push(res.body.Id);
			}
			await clocks.advance(60);
			const emitted = (await trigger.poll())?.[0].map((i) => i.json) ?? [];
			expect(emitted.map((c) => c.number).sort()).toEqual(
				created.map((_, i) => `N${20000 + i}`).sort(),
			);
			for (const c of emitted) {
				expect(c).toMatchObject({ createdAt: null, source: 'jtlWawi', legacyId: null });
				expect(c.id).toMatch(/^[0-9a-f]{8}-/);
				expect(Date.parse(c.updatedAt as string)).toBeGreaterThan(0);
			}
		});
	});
});

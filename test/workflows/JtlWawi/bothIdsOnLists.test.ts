/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Customer > Get Many with Look Up Both IDs: each listed customer carries its v2 UUID (`id`) and its
 * v1 ID (`legacyId`), whichever list read it, at a bounded cost: one lookup per customer for a short
 * list, one read of the other list for a long one.
 */
import { LIST_LOOKUPS_ONE_BY_ONE } from '../../../nodes/JtlWawi/helpers/customerId';
import { useJtlSandbox } from '../../harness/jtlSuite';
import type { NodeChange } from '../../harness/jtlSuite';

const CUSTOMERS = 130;
const jtl = useJtlSandbox(['--customers', String(CUSTOMERS)]);

const bothIds =
	(extra: Record<string, unknown> = {}): NodeChange =>
	(p) => {
		p.lookUpBothIds = true;
		Object.assign(p, extra);
	};

/** Both IDs of every seeded customer by number, read directly. */
async function idsByNumber(): Promise<Map<string, { v1: string; v2: string }>> {
	const out = new Map<string, { v1: string; v2: string }>();
	for (let page = 1; page <= 2; page++) {
		const v1 = await jtl.direct.get(`/customers?pageSize=100&pageNumber=${page}`);
		const v2 = await jtl.direct.get(`/v2/customers?pageSize=100&pageNumber=${page}`);
		for (const c of Array.isArray(v1) ? v1 : v1.Items)
			out.set(c.Number, { ...(out.get(c.Number) as any), v1: String(c.Id) });
		for (const c of v2.items)
			out.set(c.customerNumber, { ...(out.get(c.customerNumber) as any), v2: c.id });
	}
	return out;
}

const customerListCalls = async () =>
	(await jtl.apiCalls()).filter((c) => c.method === 'GET' && c.path === '/erp/customers');

describe('Customer > Get Many, Look Up Both IDs', () => {
	it('a short v2 list: each customer gets its v1 ID through one lookup by number', async () => {
		const known = await idsByNumber();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-getAll.workflow.json',
			[{ limit: 5 }],
			bothIds(),
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out).toHaveLength(5);
		for (const c of out) {
			expect(c.id).toBe(known.get(c.number as string)?.v2);
			expect(c.legacyId).toBe(known.get(c.number as string)?.v1);
		}
		const lookups = await customerListCalls();
		expect(lookups).toHaveLength(5);
		expect(lookups.map((c) => c.query.number).sort()).toEqual(out.map((c) => c.number).sort());
	});

	it('a long v2 list: one read of the whole v1 list, not a lookup per customer', async () => {
		const known = await idsByNumber();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-getAll.workflow.json',
			[{}],
			bothIds({ returnAll: true }),
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out.length).toBeGreaterThan(LIST_LOOKUPS_ONE_BY_ONE);
		expect(out).toHaveLength(CUSTOMERS);
		for (const c of out) {
			expect(c.id).toBe(known.get(c.number as string)?.v2);
			expect(c.legacyId).toBe(known.get(c.number as string)?.v1);
		}
		const reads = await customerListCalls();
		expect(reads.map((c) => c.query.number)).toEqual([undefined, undefined]);
		expect(reads.map((c) => c.query.pageNumber).sort()).toEqual(['1', '2']);
	});

	it('the v1 search list gets the v2 UUIDs', async () => {
		const known = await idsByNumber();
		const [number, ids] = [...known.entries()][7];
		const result = await jtl.run(
			'JtlWawi/customer-getAll.workflow.json',
			[{}],
			bothIds({ filters: { number } }),
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out.find((c: any) => c.number === number)).toMatchObject({
			id: ids.v2,
			legacyId: ids.v1,
		});
		for (const c of out) expect(c.id).toBe(known.get(c.number as string)?.v2);
	});

	it('off (the default): the list carries its own ID and null, with no extra request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 5 }]);
		expect(result.error).toBeUndefined();
		for (const c of result.output('JTL-Wawi')) expect(c.legacyId).toBeNull();
		expect(await customerListCalls()).toHaveLength(0);
	});

	it('a value that is not true or false stops the item before any request', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-getAll.workflow.json',
			[{ limit: 5 }],
			bothIds({ lookUpBothIds: 'yes' }),
		);
		expect(result.error?.message).toBe('Look Up Both IDs (item 0) must be true or false');
		expect(await jtl.apiCalls()).toHaveLength(0);
	});
});

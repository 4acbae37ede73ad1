/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The common shape's `id` is the v2 UUID whichever API answered, so customers read from the v1
 * list (Customer > Get Many with a search filter) carry it too, without Look Up Both IDs, at a
 * bounded cost: the v2 list sorted by number is searched by halves for a few customers and read
 * once for many. `groupId` is the v2 group UUID on both lists.
 */
import { useJtlSandbox } from '../../harness/jtlSuite';

const CUSTOMERS = 2000;
const PAGES = CUSTOMERS / 100;
const jtl = useJtlSandbox(['--customers', String(CUSTOMERS)]);

const v2ListCalls = async () =>
	(await jtl.apiCalls()).filter((c) => c.method === 'GET' && c.path === '/erp/v2/customers');

async function v2Twin(number: string) {
	for (let page = 1; page <= PAGES; page++) {
		const body = await jtl.direct.get(`/v2/customers?pageSize=100&pageNumber=${page}`);
		const found = body.items.find((c: any) => c.customerNumber === number);
		if (found) return found;
	}
	throw new Error(`no v2 customer ${number}`);
}

describe('Customer > Get Many on the v1 list: every customer with its v2 UUID', () => {
	it('one customer costs a search by halves of the v2 list, not a pass over it', async () => {
		const one = await jtl.direct.get('/customers/1234');
		const twin = await v2Twin(one.Number);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { number: one.Number };
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			expect.objectContaining({
				id: twin.id,
				legacyId: '1234',
				number: one.Number,
				groupId: twin.customerGroupId,
			}),
		]);
		const calls = await v2ListCalls();
		// log2(20 pages) + 1: at most 6 pages of the sorted list, never all 20.
		expect(calls.length).toBeGreaterThan(0);
		expect(calls.length).toBeLessThanOrEqual(Math.ceil(Math.log2(PAGES + 1)) + 1);
		for (const call of calls) expect(call.query.sortBy).toBe('customerNumber,id');
	});

	it('many customers cost one read of the v2 list, each page once', async () => {
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { searchKeyWord: 'Berlin' };
			p.returnAll = true;
		});
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out.length).toBeGreaterThan(50);
		for (const c of out) expect(c.id).toMatch(/^[0-9a-f]{8}-/);
		const pages = (await v2ListCalls()).map((c) => c.query.pageNumber);
		expect(pages.sort((a, b) => Number(a) - Number(b))).toEqual(
			Array.from({ length: PAGES }, (_, i) => String(i + 1)),
		);
	});

	it('finds the UUID where JTL orders numbers by other rules than the node (a case mix)', async () => {
		// The sandbox sorts by code point: "k…" after every "K…"; the node ignores case.
		const renamed = await jtl.direct.call('PATCH', '/customers/700', { Number: 'k10700x' });
		expect(renamed.status).toBe(201);
		const twin = await v2Twin('k10700x');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { number: 'k10700x' };
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			expect.objectContaining({ id: twin.id, legacyId: '700' }),
		]);
	});
});

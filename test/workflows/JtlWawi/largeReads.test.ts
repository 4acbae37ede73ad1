import { useJtlSandbox } from '../../harness/jtlSuite';

/** Reading long lists: the pages after the first are read side by side, nothing lost or doubled. */
const jtl = useJtlSandbox(['--customers', '730', '--rate-limit', '1000']);

/** Every record of a list as the API pages it, read one page after another outside the node. */
async function directAll(path: string, items: 'Items' | 'items') {
	const all: Array<Record<string, unknown>> = [];
	for (let page = 1; ; page++) {
		const body = await jtl.direct.get(`${path}pageSize=100&pageNumber=${page}`);
		all.push(...body[items]);
		if (body[items].length < 100) return all;
	}
}

const idsOf = (records: Array<Record<string, unknown>>) => records.map((c) => String(c.Id ?? c.id));

async function getAll(change: (p: Record<string, unknown>) => void) {
	await jtl.sandbox.clearRequests();
	const result = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
		p.returnAll = true;
		p.simplify = false;
		change(p);
	});
	expect(result.error).toBeUndefined();
	const reads = (await jtl.apiCalls()).filter((c) => c.method === 'GET');
	return { out: result.output('JTL-Wawi'), pages: reads.map((r) => Number(r.query.pageNumber)) };
}

describe('Customer > Get Many over many pages', () => {
	it('returns every customer of the v2 list once, in the API order, one request per page', async () => {
		const { out, pages } = await getAll(() => {});
		expect(out).toHaveLength(730);
		expect(idsOf(out)).toEqual(idsOf(await directAll('/v2/customers?', 'items')));
		expect(pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
	});

	it('keeps a sort across the pages read side by side', async () => {
		const { out } = await getAll((p) => (p.sort = { sortBy: 'customerNumber' }));
		const numbers = out.map((c) => String(c.customerNumber));
		expect(numbers).toHaveLength(730);
		expect(numbers).toEqual([...numbers].sort());
	});

	it('returns every match of a v1 search once, in the API order', async () => {
		const group = (await jtl.direct.get('/customers/1')).CustomerGroupId;
		const expected = idsOf(await directAll(`/customers?groupId=${group}&`, 'Items'));
		expect(expected.length).toBeGreaterThan(100);
		const { out, pages } = await getAll((p) => (p.filters = { groupId: group }));
		expect(idsOf(out)).toEqual(expected);
		expect(pages).toHaveLength(Math.ceil(expected.length / 100));
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Customer > Create or Update over many items: one read of the whole customer list instead of a
 * lookup per item, when the list has at most half as many pages as the run has items. Output,
 * pairing and the create-or-update decision stay those of the per-item lookup.
 */
import { useJtlSandbox } from '../../harness/jtlSuite';

// 250 customers: 3 pages of 100.
const jtl = useJtlSandbox(['--customers', '250']);

const listReads = async () =>
	(await jtl.apiCalls()).filter((c) => c.method === 'GET' && c.path === '/erp/customers');

async function existingNumbers(count: number): Promise<string[]> {
	const page = await jtl.direct.get('/customers?pageSize=100&pageNumber=2');
	return page.Items.slice(0, count).map((c: any) => c.Number);
}

describe('Customer > Create or Update, many items', () => {
	it('reads the list once (3 pages for 6 items) and matches every item against it', async () => {
		const [a, b, c] = await existingNumbers(3);
		await jtl.sandbox.clearRequests();
		const input = [
			{ number: a, city: 'Rostock' },
			{ number: 'DIR-1', city: 'Wismar' },
			{ number: b, city: 'Rostock' },
			{ number: 'DIR-2', city: 'Wismar' },
			{ number: 'DIR-1', city: 'Stralsund' },
			{ number: c, city: 'Rostock' },
		];
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi') as any[];
		// One output item per input item, in order, each with its own number.
		expect(out.map((o) => o.Number)).toEqual(input.map((i) => i.number));
		expect(out.map((o) => o.BillingAddress.City)).toEqual(input.map((i) => i.city));

		const reads = await listReads();
		expect(reads.map((r) => r.query.number)).toEqual([undefined, undefined, undefined]);
		expect(reads.map((r) => r.query.pageNumber).sort()).toEqual(['1', '2', '3']);
		// DIR-1 is created by the second item and updated by the fifth: found in the run's directory.
		expect((await jtl.writes()).map((w) => `${w.method} ${w.path.replace(/\d+$/, 'ID')}`)).toEqual([
			'PATCH /erp/customers/ID',
			'POST /erp/customers',
			'PATCH /erp/customers/ID',
			'POST /erp/customers',
			'PATCH /erp/customers/ID',
			'PATCH /erp/customers/ID',
		]);
		const dir1 = (await jtl.direct.get('/customers?number=DIR-1')).Items;
		expect(dir1).toHaveLength(1);
		expect(dir1[0].BillingAddress.City).toBe('Stralsund');
	});

	it('looks items up one by one when the list has more pages than half the items', async () => {
		const [a] = await existingNumbers(1);
		await jtl.sandbox.clearRequests();
		const input = [{ number: a }, { number: 'ONE-1' }, { number: 'ONE-2' }, { number: 'ONE-3' }];
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		const reads = await listReads();
		// Page 1 told the size (3 pages > 4 / 2); then one lookup per item.
		expect(reads.map((r) => r.query.number ?? `page ${r.query.pageNumber}`)).toEqual([
			'page 1',
			a,
			'ONE-1',
			'ONE-2',
			'ONE-3',
		]);
	});

	it('falls back to lookups per item when the list cannot be read, and loses nothing', async () => {
		const [a, b] = await existingNumbers(2);
		await jtl.sandbox.clearRequests();
		// The first read of the list (page 1) is refused; the items are then looked up one by one.
		await jtl.sandbox.fault({ method: 'GET', path: '/erp/customers', status: 400, times: 1 });
		const input = [
			{ number: a, city: 'Greifswald' },
			{ number: b, city: 'Greifswald' },
			{ number: 'FB-1', city: 'Greifswald' },
			{ number: 'FB-2', city: 'Greifswald' },
			{ number: 'FB-3', city: 'Greifswald' },
			{ number: 'FB-4', city: 'Greifswald' },
		];
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toHaveLength(6);
		const lookups = (await listReads()).filter((r) => r.query.number !== undefined);
		expect(lookups.map((r) => r.query.number)).toEqual(input.map((i) => i.number));
		for (const { number } of input) {
			const found = (await jtl.direct.get(`/customers?number=${number}`)).Items;
			expect(found.filter((c: any) => c.Number === number)).toHaveLength(1);
		}
	});
});

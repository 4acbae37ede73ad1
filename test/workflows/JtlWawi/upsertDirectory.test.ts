/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Customer > Create or Update over many items: one read of the whole customer list instead of a
 * lookup per item, when the run has at least DIRECTORY_MIN_ITEMS items and the list has at most half
 * as many pages as the run has items. Output, pairing and the create-or-update decision stay those
 * of the per-item lookup.
 */
import { DIRECTORY_MIN_ITEMS } from '../../../nodes/JtlWawi/helpers/naturalKeys';
import { useJtlSandbox } from '../../harness/jtlSuite';

// 1,150 customers: 12 pages of 100.
const jtl = useJtlSandbox(['--customers', '1150']);

const listReads = async () =>
	(await jtl.apiCalls()).filter((c) => c.method === 'GET' && c.path === '/erp/customers');

async function existingNumbers(count: number): Promise<string[]> {
	const page = await jtl.direct.get('/customers?pageSize=100&pageNumber=2');
	return page.Items.slice(0, count).map((c: any) => c.Number);
}

/** `count` items: existing numbers and new ones alternating, then `extra`. */
async function items(count: number, prefix: string, city: string) {
	const existing = await existingNumbers(count);
	return Array.from({ length: count }, (_, i) => ({
		number: i % 2 === 0 ? existing[i] : `${prefix}-${i}`,
		city,
	}));
}

describe('Customer > Create or Update, many items', () => {
	it('reads the list once (12 pages for 24 items) and matches every item against it', async () => {
		const input = [
			...(await items(22, 'DIR', 'Rostock')),
			{ number: 'DIR-1', city: 'Stralsund' },
			{ number: 'DIR-3', city: 'Stralsund' },
		];
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi') as any[];
		// One output item per input item, in order, each with its own number and values.
		expect(out.map((o) => o.Number)).toEqual(input.map((i) => i.number));
		expect(out.map((o) => o.BillingAddress.City)).toEqual(input.map((i) => i.city));

		const reads = await listReads();
		expect(reads.every((r) => r.query.number === undefined)).toBe(true);
		expect(reads.map((r) => Number(r.query.pageNumber)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 12 }, (_, i) => i + 1),
		);
		// DIR-1 and DIR-3 are created by earlier items and updated by the last two: found in the
		// run's directory, not created twice.
		const writes = (await jtl.writes()).map((w) => w.method);
		expect(writes.filter((m) => m === 'POST')).toHaveLength(11);
		expect(writes.filter((m) => m === 'PATCH')).toHaveLength(13);
		for (const number of ['DIR-1', 'DIR-3']) {
			const found = (await jtl.direct.get(`/customers?number=${number}`)).Items;
			expect(found).toHaveLength(1);
			expect(found[0].BillingAddress.City).toBe('Stralsund');
		}
	});

	it('looks items up one by one when the list has more pages than half the items', async () => {
		const input = await items(DIRECTORY_MIN_ITEMS, 'ONE', 'Wismar');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toHaveLength(input.length);
		// Page 1 told the size (12 pages > 10 / 2); then one lookup per item (items go 4 at a time,
		// so the lookups may arrive in another order).
		const reads = (await listReads()).map((r) => r.query.number ?? `page ${r.query.pageNumber}`);
		expect(reads[0]).toBe('page 1');
		expect(reads.slice(1).sort()).toEqual(input.map((i) => i.number).sort());
	});

	it('looks items up one by one below the minimum number of items, without reading page 1', async () => {
		const input = await items(DIRECTORY_MIN_ITEMS - 1, 'FEW', 'Wismar');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		expect((await listReads()).map((r) => r.query.number).sort()).toEqual(
			input.map((i) => i.number).sort(),
		);
	});

	it('falls back to lookups per item when the list cannot be read, and loses nothing', async () => {
		const input = [...(await items(22, 'FB', 'Greifswald')), { number: 'FB-1', city: 'Anklam' }];
		await jtl.sandbox.clearRequests();
		// The first read of the list (page 1) is refused; the items are then looked up one by one.
		await jtl.sandbox.fault({ method: 'GET', path: '/erp/customers', status: 400, times: 1 });
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', input);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toHaveLength(input.length);
		const lookups = (await listReads()).filter((r) => r.query.number !== undefined);
		expect(lookups.map((r) => r.query.number).sort()).toEqual(input.map((i) => i.number).sort());
		const fb1 = (await jtl.direct.get('/customers?number=FB-1')).Items;
		expect(fb1).toHaveLength(1);
		expect(fb1[0].BillingAddress.City).toBe('Anklam');
	});
});

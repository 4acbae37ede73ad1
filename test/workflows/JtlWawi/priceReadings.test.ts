/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Customer prices under every reading of what JTL's documents leave open: the unused one of
 * NetPrice / ReduceStandardPriceByPercent as 0 (the schema's required number) or null, and a PATCH
 * with one value that clears the other or keeps it. Under each, Customer Price > Update ends with
 * exactly the value it set in force, and Simplify never reports the unused value as a price.
 */
import { useJtlSandbox } from '../../harness/jtlSuite';

const READINGS: Array<[string, string[], { keeps: boolean; unused: 0 | null }]> = [
	['unused 0, update clears (default)', [], { keeps: false, unused: 0 }],
	['unused null, update clears', ['--price-unused-null'], { keeps: false, unused: null }],
	['unused 0, update keeps the other', ['--price-update-keeps'], { keeps: true, unused: 0 }],
	[
		'unused null, update keeps the other',
		['--price-update-keeps', '--price-unused-null'],
		{ keeps: true, unused: null },
	],
];

describe.each(READINGS)('Customer prices, %s', (_name, args, reading) => {
	const jtl = useJtlSandbox(args);
	const pricesOf = async (itemId: number) =>
		(await jtl.direct.get(`/items/${itemId}/customerPrices`)) as any[];

	async function seeded(kind: 'net' | 'percent') {
		for (let id = 1; id <= 10; id++) {
			const price = (await pricesOf(id)).find((p) =>
				kind === 'net' ? p.NetPrice > 0 : p.ReduceStandardPriceByPercent > 0,
			);
			if (price) return price;
		}
		throw new Error(`no seeded ${kind} price`);
	}

	const update = async (price: any, values: object, simplify = true) =>
		await jtl.run(
			'JtlWawi/customerPrice-update.workflow.json',
			[
				{
					itemId: price.ItemId,
					customerId: price.CustomerId,
					fromQuantity: price.FromQuantity,
					...values,
				},
			],
			(p) => {
				p.simplify = simplify;
			},
		);

	const stored = async (price: any) =>
		(await pricesOf(price.ItemId)).find(
			(p) => p.CustomerId === price.CustomerId && p.FromQuantity === price.FromQuantity,
		);

	it('the sandbox reports the unused value as this reading says', async () => {
		const net = await seeded('net');
		expect(net.ReduceStandardPriceByPercent).toBe(reading.unused);
		const percent = await seeded('percent');
		expect(percent.NetPrice).toBe(reading.unused);
	});

	it('a net price switched to a percent reduction holds only the reduction', async () => {
		const price = await seeded('net');
		await jtl.sandbox.clearRequests();
		const result = await update(price, { priceType: 'percent', percent: 12 });
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{
				itemId: String(price.ItemId),
				customerId: String(price.CustomerId),
				customerNumber: `K${10000 + price.CustomerId}`,
				fromQuantity: price.FromQuantity,
				netPrice: null,
				percentReduction: 12,
			},
		]);
		const after = await stored(price);
		expect(after.ReduceStandardPriceByPercent).toBe(12);
		expect([0, null]).toContain(after.NetPrice);

		const writes = (await jtl.writes()).map((c) => c.body);
		expect(writes).toEqual(
			reading.keeps
				? [{ ReduceStandardPriceByPercent: 12 }, { NetPrice: 0 }]
				: [{ ReduceStandardPriceByPercent: 12 }],
		);
		// Never both values in one body: JTL takes "only one".
		for (const body of writes) expect(Object.keys(body as object)).toHaveLength(1);
	});

	it('a percent reduction switched to a net price of 0 is a free item, not a 0 % reduction', async () => {
		const price = await seeded('percent');
		const result = await update(price, { netPrice: 0 });
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ netPrice: 0, percentReduction: null });
		const after = await stored(price);
		expect(after.NetPrice).toBe(0);
		expect([0, null]).toContain(after.ReduceStandardPriceByPercent);
	});

	it('Get Many, simplified, gives each price only the value in force', async () => {
		const price = await seeded('percent');
		const result = await jtl.run(
			'JtlWawi/customerPrice-getAll.workflow.json',
			[{ itemId: price.ItemId }],
			(p) => {
				delete p.simplify;
			},
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out.length).toBeGreaterThan(0);
		for (const p of out) {
			expect([p.netPrice, p.percentReduction].filter((v: unknown) => v !== null)).toHaveLength(1);
			expect(p.customerNumber).toBe(`K${10000 + Number(p.customerId)}`);
		}
		expect(out).toContainEqual(
			expect.objectContaining({
				customerId: String(price.CustomerId),
				netPrice: null,
				percentReduction: price.ReduceStandardPriceByPercent,
			}),
		);
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Typed address writes under both readings of JTL's undocumented `addressType` numbers: the
 * package's assumption (0 billing, 1 shipping, 2 other billing, 3 other shipping, 4 custom) and the
 * order of the GraphQL enum (0 shipping, 1 billing, 2 other). Under either, an address is written as
 * the kind asked for, or the item fails saying so; never an address of the wrong kind in silence.
 */
import { useJtlSandbox } from '../../harness/jtlSuite';

const KINDS = {
	billing: ['BillingAddress', 'OtherBillingAddresses'],
	shipping: ['Shipmentaddress', 'OtherShippingAddresses'],
	custom: ['CustomAddress', 'OtherCustomerAddresses'],
} as const;

/** How many addresses of each kind the v1 record names. */
function kindCounts(v1: any) {
	const count = ([single, list]: readonly [string, string]) =>
		(v1[single] ? 1 : 0) + (v1.OtherAddresses?.[list]?.length ?? 0);
	return {
		billing: count(KINDS.billing),
		shipping: count(KINDS.shipping),
		custom: count(KINDS.custom),
	};
}

const READINGS: Array<[string, string[], { shipping: number; billing: number }]> = [
	["the package's numbers (sandbox default)", [], { shipping: 1, billing: 0 }],
	['the GraphQL enum order', ['--address-types-enum-order'], { shipping: 0, billing: 1 }],
];

describe.each(READINGS)('Typed addresses, %s', (_name, args, numbers) => {
	const jtl = useJtlSandbox(args);

	/** Customer `id` with its UUID; `distinct` gives it a shipping address unlike its billing one. */
	async function customer(id: number, distinct: boolean) {
		if (distinct) {
			const res = await jtl.direct.call('PATCH', `/customers/${id}`, {
				Shipmentaddress: { Street: 'Lagerweg 9', City: 'Kassel', CountryIso: 'DE' },
			});
			expect(res.status).toBe(201);
		}
		const v1 = await jtl.direct.get(`/customers/${id}`);
		const list = await jtl.direct.get('/v2/customers?pageSize=100');
		return { v1, uuid: list.items.find((c: any) => c.customerNumber === v1.Number).id };
	}

	const addAddress = async (items: object[], type: number) =>
		await jtl.run('JtlWawi/address-add.workflow.json', items, (p) => {
			p.addressType = type;
		});

	it('Address > Add (Shipping) files a shipping address, sending this tenant its number', async () => {
		const { v1, uuid } = await customer(4, true);
		await jtl.sandbox.clearRequests();
		const result = await addAddress([{ customerUuid: uuid }], 1);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/customers/${v1.Id}`);
		expect(kindCounts(after)).toEqual({ ...kindCounts(v1), shipping: kindCounts(v1).shipping + 1 });
		const writes = await jtl.writes();
		expect(writes).toHaveLength(1);
		expect((writes[0].body as any).addresses[0].addressType).toBe(numbers.shipping);
	});

	it('Address > Add (Billing) never files a billing address as another kind in silence', async () => {
		// Billing and shipping addresses of these customers have the same content: their own
		// records cannot tell which number is which.
		const first = await customer(2, false);
		const second = await customer(3, false);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/address-add.workflow.json',
			[{ customerUuid: first.uuid }, { customerUuid: second.uuid }],
			(p, node) => {
				p.addressType = 0;
				node.onError = 'continueRegularOutput';
			},
		);
		const out = result.output('JTL-Wawi');
		const after = [
			await jtl.direct.get(`/customers/${first.v1.Id}`),
			await jtl.direct.get(`/customers/${second.v1.Id}`),
		];
		if (numbers.billing === 0) {
			expect(out.map((o: any) => o.error)).toEqual([undefined, undefined]);
			expect(kindCounts(after[0]).billing).toBe(kindCounts(first.v1).billing + 1);
			expect(kindCounts(after[1]).billing).toBe(kindCounts(second.v1).billing + 1);
			return;
		}
		// The first write shows that 0 is a shipping number here: its item fails and names the
		// address; the run then knows 0 is not billing and writes nothing for the second item.
		expect(out[0].error).toBe(
			'Address Type (item 0): JTL-Wawi filed the new address as a shipping address, not as asked',
		);
		const added = after[0].OtherAddresses.OtherShippingAddresses.length;
		expect(added).toBe(first.v1.OtherAddresses.OtherShippingAddresses.length + 1);
		expect(out[1].error).toMatch(
			/^Address Type \(item 1\) cannot be written safely: this JTL-Wawi uses addressType 0 for a shipping address, not for a billing address/,
		);
		expect(kindCounts(after[1])).toEqual(kindCounts(second.v1));
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Customer > Update adds a typed address as the kind asked for', async () => {
		const { v1, uuid } = await customer(6, true);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: uuid }],
			(p) => {
				p.updateFields = {};
				p.paymentSettings = {};
				p.addresses = {
					address: [
						{ customerAddressId: '', fields: { addressType: 1, street: 'Hafen 1', city: 'Kiel' } },
					],
				};
			},
		);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/customers/${v1.Id}`);
		expect(kindCounts(after).shipping).toBe(kindCounts(v1).shipping + 1);
		const patch = (await jtl.writes())[0];
		expect((patch.body as any).addresses[0].addressType).toBe(numbers.shipping);
	});
});

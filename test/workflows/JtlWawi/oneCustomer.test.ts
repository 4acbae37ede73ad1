/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { COMMON_CUSTOMER_KEYS } from '../../../nodes/shared/customer';
import { ADDRESS_SHAPE, CONTACT_SHAPE, PRICE_SHAPE } from '../../../nodes/shared/shapes';
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';
import type { NodeChange } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

/** Simplify on, as a new node has it. */
const simplified: NodeChange = (p) => {
	delete p.simplify;
};

/** The v1 ID and v2 UUID of one seeded customer (the same customer number on both APIs). */
async function bothIds(v1 = 3): Promise<{ v1: number; v2: string; number: string }> {
	const record = await jtl.direct.get(`/customers/${v1}`);
	const list = await jtl.direct.get('/v2/customers?pageSize=100');
	const twin = list.items.find((c: any) => c.customerNumber === record.Number);
	return { v1, v2: twin.id, number: record.Number };
}

describe('One customer, any ID: every customer field takes the v1 ID or the v2 UUID', () => {
	it('Contact > Get Many takes the UUID and reads the v1 contacts of the same customer', async () => {
		const ids = await bothIds(3);
		const contacts = await jtl.direct.get('/customers/3/contacts');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [{ customerId: ids.v2 }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual(contacts);
		// UUID → GET /v2/customers/{id} → number → GET /customers?number= → v1 ID.
		expect((await jtl.apiCalls()).map((c) => `${c.method} ${c.path}`)).toEqual([
			`GET /erp/v2/customers/${ids.v2}`,
			'GET /erp/customers',
			'GET /erp/customers/3/contacts',
		]);
	});

	it('resolves each customer once per run, however many items name it', async () => {
		const ids = await bothIds(3);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/contact-getAll.workflow.json', [
			{ customerId: ids.v2 },
			{ customerId: ids.v2 },
			{ customerId: ids.v2.toUpperCase() },
		]);
		expect(result.error).toBeUndefined();
		const paths = (await jtl.apiCalls()).map((c) => c.path);
		expect(paths.filter((p) => p.startsWith('/erp/v2/'))).toHaveLength(1);
		expect(paths.filter((p) => p === '/erp/customers')).toHaveLength(1);
	});

	it('Customer > Update and Address > Add take the v1 ID and write to the UUID of the same customer', async () => {
		const ids = await bothIds(2);
		const before = await jtl.direct.get(`/v2/customers/${ids.v2}`);
		const address = before.addresses[0];
		const update = await jtl.run(
			'JtlWawi/customer-update.workflow.json',
			[{ customerUuid: ids.v1, addressUuid: address.customerAddressId }],
			simplified,
		);
		expect(update.error).toBeUndefined();
		const [customer] = update.output('JTL-Wawi');
		expect(customer).toMatchObject({ id: ids.v2, legacyId: String(ids.v1), city: 'Hamburg' });

		const add = await jtl.run('JtlWawi/address-add.workflow.json', [{ customerUuid: ids.v1 }]);
		expect(add.error).toBeUndefined();
		expect(add.output('JTL-Wawi')[0]).toMatchObject({ customerId: ids.v2, city: 'Bremen' });
	});

	it('Customer Price > Create and Get Many take the UUID for the customer', async () => {
		const ids = await bothIds(4);
		const created = await jtl.run(
			'JtlWawi/customerPrice-create.workflow.json',
			[{ itemId: 1, customerId: ids.v2, fromQuantity: 77, netPrice: 9.5 }],
			simplified,
		);
		expect(created.error).toBeUndefined();
		expect(created.output('JTL-Wawi')).toEqual([
			{
				itemId: '1',
				customerId: '4',
				customerNumber: 'K10004',
				fromQuantity: 77,
				netPrice: 9.5,
				percentReduction: null,
			},
		]);
		const listed = await jtl.run(
			'JtlWawi/customerPrice-getAll.workflow.json',
			[{ itemId: 1 }],
			(p) => {
				p.filters = { customerId: ids.v2 };
				delete p.simplify;
			},
		);
		expect(listed.error).toBeUndefined();
		const out = listed.output('JTL-Wawi');
		expect(out.length).toBeGreaterThan(0);
		for (const price of out)
			expect(price).toMatchObject({ customerId: '4', customerNumber: 'K10004' });
	});

	it('fails only a customer that cannot be found, naming the ID tried', async () => {
		const unknown = '0b0b0b0b-0000-4000-8000-00000000abcd';
		const result = await jtl.run(
			'JtlWawi/contact-getAll.workflow.json',
			[{ customerId: unknown }, { customerId: 1 }, { customerId: 999999 }],
			continueOnFail,
		);
		expect(result.error).toBeUndefined();
		const out = result.output('JTL-Wawi');
		expect(out[0]).toMatchObject({
			error: `Customer (item 0) was not found: JTL-Wawi has no customer with the UUID ${unknown}`,
		});
		// A v1 ID under a v1 operation needs no lookup: JTL's own 404 names it.
		expect(out[out.length - 1]).toMatchObject({ error: expect.stringContaining('999999') });
		const v2Update = await jtl.run('JtlWawi/customer-update.workflow.json', [
			{ customerUuid: 999999, addressUuid: 'b45f6432-2462-4c6f-b00f-1d9d01000000' },
		]);
		expect(v2Update.error?.message).toBe(
			'Customer (item 0) was not found: JTL-Wawi has no customer with the ID 999999',
		);
	});

	it('the same customer looks the same from Get by ID, Get by UUID, Get Many and the v1 search', async () => {
		const ids = await bothIds(1);
		const byV1 = (await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: 1 }])).output(
			'JTL-Wawi',
		)[0];
		const byV2 = (
			await jtl.run('JtlWawi/customer-get.workflow.json', [{ customerId: ids.v2 }])
		).output('JTL-Wawi')[0];
		expect(Object.keys(byV1)).toEqual([...COMMON_CUSTOMER_KEYS]);
		// Every field means the same whichever API answered: IDs and the group in the v2 ID space,
		// updatedAt from v2, customerSince from v1.
		expect(byV1).toEqual(byV2);
		expect(byV1.groupId).toMatch(/^[0-9a-f-]{36}$/);
		expect(byV1.customerSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(byV1).toMatchObject({ id: ids.v2, legacyId: '1', number: ids.number });
		const searched = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{}], (p) => {
			p.filters = { number: ids.number };
		});
		expect(searched.output('JTL-Wawi')).toEqual([byV1]);
		// The v2 list without Look Up Both IDs: no v1 record read, so no legacyId or customerSince.
		const listed = await jtl.run('JtlWawi/customer-getAll.workflow.json', [{ limit: 100 }]);
		expect(listed.output('JTL-Wawi').find((c: any) => c.id === ids.v2)).toEqual({
			...byV1,
			legacyId: null,
			customerSince: null,
		});
	});
});

describe('One output shape: Simplify (on by default) returns camelCase from every operation', () => {
	it('Customer > Create and Create or Update return the common customer shape with both IDs', async () => {
		const created = await jtl.run('JtlWawi/customer-create.workflow.json', [{}], simplified);
		expect(created.error).toBeUndefined();
		const [customer] = created.output('JTL-Wawi');
		expect(Object.keys(customer)).toEqual([...COMMON_CUSTOMER_KEYS]);
		expect(customer).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f-]{36}$/),
			legacyId: expect.stringMatching(/^\d+$/),
			company: 'Nordlicht Handel GmbH',
			city: 'Kiel',
			source: 'jtlWawi',
		});
		const upserted = await jtl.run(
			'JtlWawi/customer-upsert.workflow.json',
			[{ number: customer.number, city: 'Lübeck' }],
			simplified,
		);
		const after = upserted.output('JTL-Wawi')[0];
		// updatedAt comes from the customer's v2 record: the update moved it on.
		expect(after).toEqual({ ...customer, city: 'Lübeck', updatedAt: after.updatedAt });
		expect(Date.parse(after.updatedAt as string)).toBeGreaterThan(
			Date.parse(customer.updatedAt as string),
		);
	});

	it('contacts, addresses and prices come in their compact shapes', async () => {
		const ids = await bothIds(3);
		const contacts = await jtl.run(
			'JtlWawi/contact-getAll.workflow.json',
			[{ customerId: 3 }],
			simplified,
		);
		for (const c of contacts.output('JTL-Wawi')) {
			expect(Object.keys(c)).toEqual(Object.keys(CONTACT_SHAPE));
			// Each names its customer: the v1 ID contacts belong to, and the number both APIs share.
			expect(c).toMatchObject({ customerId: '3', customerNumber: ids.number });
		}
		const created = await jtl.run(
			'JtlWawi/contact-create.workflow.json',
			[{ customerId: ids.v2, salutation: 'Frau', lastName: 'Vogel' }],
			simplified,
		);
		expect(created.output('JTL-Wawi')[0]).toMatchObject({
			id: expect.stringMatching(/^\d+$/),
			customerId: '3',
			customerNumber: ids.number,
			salutation: 'Frau',
			lastName: 'Vogel',
			firstName: null,
		});

		const v1Addresses = await jtl.run(
			'JtlWawi/address-getAll.workflow.json',
			[{ customerId: 3 }],
			simplified,
		);
		const v2Addresses = await jtl.run(
			'JtlWawi/address-getAll.workflow.json',
			[{ customerId: ids.v2 }],
			simplified,
		);
		for (const a of [...v1Addresses.output('JTL-Wawi'), ...v2Addresses.output('JTL-Wawi')]) {
			expect(Object.keys(a)).toEqual(Object.keys(ADDRESS_SHAPE));
			expect(a.customerNumber).toBe(ids.number);
		}
		// The v1 API gives no address ID, and each answer names the customer by its own ID.
		const billing = (out: any[]) => ({
			...out.find((a) => a.type === 'billing'),
			id: null,
			customerId: null,
		});
		const fromV2 = billing(v2Addresses.output('JTL-Wawi'));
		const fromV1 = billing(v1Addresses.output('JTL-Wawi'));
		expect({ ...fromV1, isDefault: null }).toEqual({ ...fromV2, isDefault: null });

		const prices = await jtl.run('JtlWawi/customerPrice-getAll.workflow.json', [{}], simplified);
		for (const p of prices.output('JTL-Wawi')) {
			expect(Object.keys(p)).toEqual(Object.keys(PRICE_SHAPE));
			expect(p.customerNumber).toBe(`K${10000 + Number(p.customerId)}`);
		}
	});
});

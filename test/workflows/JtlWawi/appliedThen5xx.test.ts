/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { MAY_HAVE_BEEN_APPLIED } from '../../harness/faultRuns';
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';

/**
 * Every write of the JTL-Wawi node that adds something, when JTL applies it and then answers with
 * a server error (500, 502, 503 or 504): a write with a natural key looks the record up and
 * succeeds with it, sent once; one without a key fails saying the write may have been applied,
 * what to check, and nothing about retrying.
 */
const jtl = useJtlSandbox();

const applyThenAnswer = async (method: string, path: string, status: number) =>
	await jtl.sandbox.fault({ method, path, status, afterHandler: true });

const firstV2 = async () => (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];

describe.each([500, 502, 503, 504])('applied, then answered %i', (status) => {
	it('Customer > Create with a number succeeds with the customer it created', async () => {
		const number = `APPLIED-${status}`;
		await applyThenAnswer('POST', '/erp/customers', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}], (p) => {
			p.additionalFields = { ...p.additionalFields, Number: number };
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ Number: number });
		expect(await jtl.writes()).toHaveLength(1);
		const found = await jtl.direct.get(`/customers?number=${number}`);
		expect(found.Items.filter((c: any) => c.Number === number)).toHaveLength(1);
	});

	it('Customer > Create or Update succeeds with the customer it created', async () => {
		const number = `UPSERT-${status}`;
		await applyThenAnswer('POST', '/erp/customers', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number }]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ Number: number });
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Customer Price > Create succeeds with the price it created', async () => {
		await applyThenAnswer('POST', '/erp/items/2/customerPrices', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customerPrice-create.workflow.json', [
			{ itemId: 2, customerId: 4, fromQuantity: 77, netPrice: 4.5 },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ CustomerId: 4, FromQuantity: 77 });
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Address > Add succeeds with the address it added, once', async () => {
		const customer = await firstV2();
		await applyThenAnswer('PATCH', '/erp/v2/customer/update', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/address-add.workflow.json', [
			{ customerUuid: customer.id },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ street: 'Speicherweg 3' });
		expect(await jtl.writes()).toHaveLength(1);
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
	});

	it('Customer > Update with a new address succeeds, the address added once', async () => {
		const customer = await firstV2();
		await applyThenAnswer('PATCH', '/erp/v2/customer/update', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [{}], (p) => {
			p.customerId = { __rl: true, mode: 'id', value: customer.id };
			p.updateFields = {};
			p.paymentSettings = {};
			p.addresses = {
				address: [{ customerAddressId: '', fields: { addressType: 1, city: 'Bremen' } }],
			};
		});
		expect(result.error).toBeUndefined();
		expect(await jtl.writes()).toHaveLength(1);
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
	});

	it('Contact > Create has no key: the item says the write may have been applied', async () => {
		await applyThenAnswer('POST', '/erp/customers/1/contacts', status);
		await jtl.sandbox.clearRequests();
		const result = await jtl.run(
			'JtlWawi/contact-create.workflow.json',
			[{ customerId: 1, firstName: 'Ada', lastName: `Applied ${status}` }],
			continueOnFail,
		);
		const [out] = result.output('JTL-Wawi');
		expect(out.error).toMatch(MAY_HAVE_BEEN_APPLIED);
		expect(out.error).toBe(
			'Outcome unknown: the write may have been applied, so the contact may exist (item 0)',
		);
		expect(out.description).toContain(`answered HTTP ${status}`);
		expect(out.description).toContain('contacts of customer 1');
		expect(`${out.error} ${out.description}`).not.toMatch(/retry|try again/i);
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Customer > Create without a number has no key: the item says so', async () => {
		await applyThenAnswer('POST', '/erp/customers', status);
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}], continueOnFail);
		expect(result.output('JTL-Wawi')[0].error).toBe(
			'Outcome unknown: the write may have been applied, so the customer may exist (item 0)',
		);
	});
});

it('a create answered 500 before anything was written is sent again and succeeds once', async () => {
	await jtl.sandbox.fault({ method: 'POST', path: '/erp/customers', status: 500 });
	await jtl.sandbox.clearRequests();
	const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number: 'AGAIN-1' }]);
	expect(result.error).toBeUndefined();
	expect((await jtl.writes()).map((w) => w.status)).toEqual([500, 201]);
});

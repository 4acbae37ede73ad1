/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { useJtlSandbox } from '../../harness/jtlSuite';

const jtl = useJtlSandbox();

const firstV2 = async () => (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];

describe('Address > Get Many', () => {
	it('flattens a v1 customer into one item per address, each with its type', async () => {
		const customer = await jtl.direct.get('/customers/1');
		const result = await jtl.run('JtlWawi/address-getAll.workflow.json', [{ customerId: 1 }]);
		const out = result.output('JTL-Wawi');
		expect(out[0]).toEqual({ customerId: 1, type: 'billing', ...customer.BillingAddress });
		const others = customer.OtherAddresses;
		const expectedCount =
			1 +
			(customer.Shipmentaddress ? 1 : 0) +
			(customer.CustomAddress ? 1 : 0) +
			others.OtherBillingAddresses.length +
			others.OtherShippingAddresses.length +
			others.OtherCustomerAddresses.length;
		expect(out).toHaveLength(expectedCount);
		expect(new Set(out.map((a) => a.type))).toEqual(
			new Set([
				'billing',
				...(customer.Shipmentaddress ? ['shipping'] : []),
				...(customer.CustomAddress ? ['custom'] : []),
				...(others.OtherBillingAddresses.length ? ['otherBilling'] : []),
				...(others.OtherShippingAddresses.length ? ['otherShipping'] : []),
				...(others.OtherCustomerAddresses.length ? ['otherCustom'] : []),
			]),
		);
	});

	it('returns the v2 addresses with their IDs for a UUID', async () => {
		const customer = await firstV2();
		const result = await jtl.run('JtlWawi/address-getAll.workflow.json', [
			{ customerId: customer.id },
		]);
		expect(result.output('JTL-Wawi')).toEqual(
			customer.addresses.map((a: any) => ({ customerId: customer.id, ...a })),
		);
	});
});

describe('Address > Update', () => {
	it('changes only the given fields of one address and returns it', async () => {
		const customer = await firstV2();
		const target = customer.addresses[customer.addresses.length - 1];
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/address-update.workflow.json', [
			{ customerUuid: customer.id, addressUuid: target.customerAddressId },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')).toEqual([
			{ customerId: customer.id, ...target, street: 'Elbchaussee 1', postalCode: '22763' },
		]);
		const patch = (await jtl.apiCalls()).find((c) => c.method === 'PATCH');
		expect(patch).toMatchObject({
			path: '/erp/v2/customer/update',
			body: {
				customerId: customer.id,
				addresses: [
					{
						customerAddressId: target.customerAddressId,
						street: 'Elbchaussee 1',
						postalCode: '22763',
					},
				],
			},
		});
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(
			after.addresses.filter((a: any) => a.customerAddressId !== target.customerAddressId),
		).toEqual(
			customer.addresses.filter((a: any) => a.customerAddressId !== target.customerAddressId),
		);
	});

	it('rejects a numeric customer ID and a bad address ID before any request', async () => {
		await jtl.sandbox.clearRequests();
		const numeric = await jtl.run('JtlWawi/address-update.workflow.json', [
			{ customerUuid: 1, addressUuid: 'b45f6432-2462-4c6f-b00f-1d9d01000000' },
		]);
		// A v1 ID is resolved to the customer's UUID, whose addresses do not include this one.
		expect(numeric.error?.message).toMatch(
			/^Address \(item 0\) b45f6432-2462-4c6f-b00f-1d9d01000000 is not an address of customer [0-9a-f-]{36}$/,
		);
		await jtl.sandbox.clearRequests();
		const badAddress = await jtl.run('JtlWawi/address-update.workflow.json', [
			{ customerUuid: 'b45f6432-2462-4c6f-b00f-1d9d01000000', addressUuid: 'billing' },
		]);
		expect(badAddress.error?.message).toBe(
			'Address (item 0) must be a UUID such as b45f6432-2462-4c6f-b00f-1d9d01000000',
		);
		expect(await jtl.apiCalls()).toHaveLength(0);
	});

	it('refuses an address the customer does not have before writing', async () => {
		const customer = await firstV2();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/address-update.workflow.json', [
			{ customerUuid: customer.id, addressUuid: '00000000-0000-4000-8000-000000000001' },
		]);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			`Address (item 0) 00000000-0000-4000-8000-000000000001 is not an address of customer ${customer.id}`,
		);
		expect(await jtl.writes()).toHaveLength(0);
	});
});

describe('Address > Add', () => {
	it('adds one address through the update command, sending nothing else, and returns it', async () => {
		const customer = await firstV2();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/address-add.workflow.json', [
			{ customerUuid: customer.id },
		]);
		expect(result.error).toBeUndefined();
		const [added] = result.output('JTL-Wawi');
		expect(added).toMatchObject({
			customerId: customer.id,
			addressType: 1,
			companyName: 'Lager Nord',
			street: 'Speicherweg 3',
			city: 'Bremen',
		});
		expect(added.customerAddressId).toMatch(/^[0-9a-f-]{36}$/);
		const patch = (await jtl.apiCalls()).find((c) => c.method === 'PATCH');
		expect(patch?.path).toBe('/erp/v2/customer/update');
		expect(patch?.body).toEqual({
			customerId: customer.id,
			addresses: [
				{
					addressType: 1,
					companyName: 'Lager Nord',
					street: 'Speicherweg 3',
					postalCode: '28195',
					city: 'Bremen',
					countryIso: 'DE',
				},
			],
		});
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
	});
});

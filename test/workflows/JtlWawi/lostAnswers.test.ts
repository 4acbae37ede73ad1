import { useJtlSandbox } from '../../harness/jtlSuite';

/**
 * Writes that add something are never repeated blindly. The sandbox applies the write and then
 * drops the connection, as a network that loses the answer would.
 */
const jtl = useJtlSandbox();

const firstV2 = async () => (await jtl.direct.get('/v2/customers?pageSize=1')).items[0];

const loseTheAnswer = async () =>
	await jtl.sandbox.fault({
		method: 'PATCH',
		path: '/erp/v2/customer/update',
		afterHandler: true,
		drop: true,
	});

describe('Address > Add after a lost answer', () => {
	it('reads the addresses first and adds the address once', async () => {
		const customer = await firstV2();
		await loseTheAnswer();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/address-add.workflow.json', [
			{ customerUuid: customer.id },
		]);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
		const [added] = result.output('JTL-Wawi');
		expect(added).toMatchObject({ customerId: customer.id, street: 'Speicherweg 3' });
		const patches = (await jtl.apiCalls()).filter((c) => c.method === 'PATCH');
		expect(patches).toHaveLength(1);
	});

	it('sends the address again when the read shows it was not added', async () => {
		const customer = await firstV2();
		// The connection drops before the handler runs: nothing was written.
		await jtl.sandbox.fault({ method: 'PATCH', path: '/erp/v2/customer/update', drop: true });
		const result = await jtl.run('JtlWawi/address-add.workflow.json', [
			{ customerUuid: customer.id },
		]);
		expect(result.error).toBeUndefined();
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
	});
});

describe('Customer > Update with a new address after a lost answer', () => {
	it('is not repeated, so the address is not added twice', async () => {
		const customer = await firstV2();
		await loseTheAnswer();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [{}], (parameters) => {
			parameters.customerId = { __rl: true, mode: 'id', value: customer.id };
			parameters.updateFields = {};
			parameters.paymentSettings = {};
			parameters.addresses = {
				address: [{ customerAddressId: '', fields: { addressType: 1, city: 'Bremen' } }],
			};
		});
		expect(result.error?.name).toBe('NodeApiError');
		const patches = (await jtl.apiCalls()).filter((c) => c.method === 'PATCH');
		expect(patches).toHaveLength(1);
		const after = await jtl.direct.get(`/v2/customers/${customer.id}`);
		expect(after.addresses).toHaveLength(customer.addresses.length + 1);
	});

	it('is repeated when it only sets fields, which is harmless', async () => {
		const customer = await firstV2();
		await loseTheAnswer();
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-update.workflow.json', [{}], (parameters) => {
			parameters.customerId = { __rl: true, mode: 'id', value: customer.id };
			parameters.updateFields = { homepage: 'https://example.com' };
			parameters.paymentSettings = {};
			parameters.addresses = {};
		});
		expect(result.error).toBeUndefined();
		const patches = (await jtl.apiCalls()).filter((c) => c.method === 'PATCH');
		expect(patches).toHaveLength(2);
	});
});

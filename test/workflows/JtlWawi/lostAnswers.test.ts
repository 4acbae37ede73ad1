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
	it('reads the addresses, finds the one it added, and is not repeated', async () => {
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
		expect(result.error).toBeUndefined();
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

describe('Creates whose answer is lost', () => {
	const loseThe = async (path: string) =>
		await jtl.sandbox.fault({ method: 'POST', path, afterHandler: true, drop: true });

	it('Customer > Create with a number finds the customer it created and succeeds with it', async () => {
		await loseThe('/erp/customers');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customer-create.workflow.json', [{}], (p) => {
			p.additionalFields = { ...p.additionalFields, Number: 'LOST-1' };
		});
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ Number: 'LOST-1' });
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Customer > Create or Update creates once when the read shows nothing was created', async () => {
		await jtl.sandbox.fault({ method: 'POST', path: '/erp/customers', drop: true });
		const result = await jtl.run('JtlWawi/customer-upsert.workflow.json', [{ number: 'LOST-2' }]);
		expect(result.error).toBeUndefined();
		const found = await jtl.direct.get('/customers?number=LOST-2');
		expect(found.Items.filter((c: { Number: string }) => c.Number === 'LOST-2')).toHaveLength(1);
	});

	it('Customer Price > Create finds the price it created', async () => {
		await loseThe('/erp/items/1/customerPrices');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/customerPrice-create.workflow.json', [
			{ itemId: 1, customerId: 3, fromQuantity: 7, netPrice: 9.5 },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('JTL-Wawi')[0]).toMatchObject({ CustomerId: 3, FromQuantity: 7 });
		expect(await jtl.writes()).toHaveLength(1);
	});

	it('Contact > Create says the outcome is unknown, what to check, and gives no advice to retry', async () => {
		await loseThe('/erp/customers/1/contacts');
		await jtl.sandbox.clearRequests();
		const result = await jtl.run('JtlWawi/contact-create.workflow.json', [
			{ customerId: 1, firstName: 'Ada', lastName: 'Lovelace' },
		]);
		expect(result.error?.message).toBe(
			'Outcome unknown: the write may have been applied, so the contact may exist (item 0)',
		);
		expect(result.error?.description).toMatch(/contacts of customer 1/);
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(
			/retry the request|try again/i,
		);
		expect(await jtl.writes()).toHaveLength(1);
	});
});

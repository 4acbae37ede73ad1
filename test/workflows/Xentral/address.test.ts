import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

describe('Address > Create (POST /api/v2/customers/{id}/addresses)', () => {
	const file = 'Xentral/address-create.workflow.json';

	it('creates a delivery address with the fields of its type and returns it', async () => {
		const result = await xentral.run(file, [
			{
				customerId: '3',
				addressType: 'deliveryaddress',
				name: 'Lager Nord',
				street: 'Hafenweg 2',
				city: 'Kiel',
				country: 'de',
				zip: '24103',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({
			id: '101',
			customerId: '3',
			type: 'shipping',
			company: 'Lager Nord',
			street: 'Hafenweg 2',
			postalCode: '24103',
			city: 'Kiel',
			countryIso: 'DE',
		});
		const [post, ...after] = await xentral.apiCalls();
		expect(post.body).toEqual({
			type: 'deliveryaddress',
			name: 'Lager Nord',
			street: 'Hafenweg 2',
			city: 'Kiel',
			country: 'DE',
			zip: '24103',
		});
		// No read of the new address (Return Full Record is off): only the customer's number.
		expect(after.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /api/v2/customers']);
	});

	it('creates the billing address, whose ID is its type', async () => {
		const result = await xentral.run(file, [
			{
				customerId: '3',
				addressType: 'billingaddress',
				name: 'Buchhaltung',
				street: 'Weg 1',
				city: 'Bonn',
				country: 'DE',
				zip: '53111',
			},
		]);
		expect(result.output('Xentral')[0]).toMatchObject({
			id: 'billingaddress',
			type: 'billing',
		});
	});

	it('needs a name for a billing address, before any request', async () => {
		const result = await xentral.run(file, [
			{
				customerId: '3',
				addressType: 'billingaddress',
				name: '',
				street: 'Weg 1',
				city: 'Bonn',
				country: 'DE',
				zip: '1',
			},
		]);
		expect(result.error?.message).toBe('Name (item 0) is required for this address type');
		expect(await xentral.apiCalls()).toEqual([]);
	});
});

describe('Address > Get, Get Many, Update, Delete', () => {
	it('gets the master-data address', async () => {
		const result = await xentral.run('Xentral/address-get.workflow.json', [
			{ customerId: '2', addressType: 'masterdata', deliveryAddressId: '' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({
			id: 'masterdata',
			type: 'main',
			isDefault: true,
		});
		expect((await xentral.apiCalls())[0].path).toBe('/api/v2/customers/2/addresses/masterdata');
	});

	it('lists every address of the customer', async () => {
		await xentral.direct('POST', '/api/v2/customers/2/addresses', {
			type: 'deliveryaddress',
			name: 'L',
			street: 'S 1',
			city: 'C',
			country: 'AT',
		});
		const result = await xentral.run('Xentral/address-getAll.workflow.json', [{ customerId: '2' }]);
		expect(result.output('Xentral').map((a) => a.type)).toEqual(['main', 'shipping']);
	});

	it('updates a delivery address by its ID', async () => {
		await xentral.direct('POST', '/api/v2/customers/2/addresses', {
			type: 'deliveryaddress',
			name: 'L',
			street: 'S 1',
			city: 'C',
			country: 'AT',
		});
		const result = await xentral.run('Xentral/address-update.workflow.json', [
			{ customerId: '2', addressType: 'deliveryaddress', deliveryAddressId: '101', city: 'Graz' },
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: '101', city: 'Graz' });
		const [patch] = await xentral.apiCalls();
		expect(patch).toMatchObject({
			method: 'PATCH',
			path: '/api/v2/customers/2/addresses/101',
			body: { city: 'Graz' },
			status: 204,
		});
	});

	it('deletes a delivery address; the master data cannot be deleted', async () => {
		await xentral.direct('POST', '/api/v2/customers/2/addresses', {
			type: 'deliveryaddress',
			name: 'L',
			street: 'S 1',
			city: 'C',
			country: 'AT',
		});
		const file = 'Xentral/address-delete.workflow.json';
		const ok = await xentral.run(file, [
			{ customerId: '2', addressType: 'deliveryaddress', deliveryAddressId: '101' },
		]);
		expect(ok.output('Xentral')).toEqual([{ deleted: true, customerId: '2', addressId: '101' }]);
		const refused = await xentral.run(file, [
			{ customerId: '2', addressType: 'masterdata', deliveryAddressId: '' },
		]);
		expect(refused.error?.message).toBe(
			'Xentral: Validation failed. The master data address cannot be deleted.',
		);
	});

	it('refuses a delivery address ID that is not digits', async () => {
		const result = await xentral.run('Xentral/address-get.workflow.json', [
			{ customerId: '2', addressType: 'deliveryaddress', deliveryAddressId: 'masterdata/../x' },
		]);
		expect(result.error?.message).toBe(
			'Delivery Address ID (item 0) must be a delivery address ID: digits such as 101',
		);
	});
});

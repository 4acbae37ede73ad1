import { MAY_HAVE_BEEN_APPLIED } from '../../harness/faultRuns';
import { continueOnFail } from '../../harness/jtlSuite';
import { useXentralSandbox } from '../../harness/xentralSuite';

/**
 * Every create of the Xentral node, when Xentral applies it and then answers with a server error
 * (500, 502, 503 or 504): a create with a natural key looks the record up and succeeds with it,
 * sent once; one without a key fails saying the write may have been applied and what to check.
 */
const xentral = useXentralSandbox();

const applyThenAnswer = async (path: string, status: number) =>
	await xentral.sandbox.fault({ method: 'POST', path, status, afterHandler: true });

describe.each([500, 502, 503, 504])('applied, then answered %i', (status) => {
	it('Customer > Create or Update succeeds with the customer it created', async () => {
		const number = `A${status}`;
		await applyThenAnswer('/api/v2/customers', status);
		const result = await xentral.run('Xentral/customer-upsert.workflow.json', [
			{
				matchOn: 'number',
				number,
				companyName: 'Applied GmbH',
				email: `a${status}@example.com`,
				projectId: '1',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ number });
		expect(await xentral.writes()).toHaveLength(1);
	});

	it('Customer > Create with a number succeeds with the customer it created', async () => {
		const number = `C${status}`;
		await applyThenAnswer('/api/v2/customers', status);
		const result = await xentral.run(
			'Xentral/customer-create.workflow.json',
			[
				{
					customerType: 'company',
					companyName: 'Applied AG',
					email: 'c@example.com',
					projectId: '1',
				},
			],
			(p) => {
				p.additionalFields.number = number;
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ number });
		expect(await xentral.writes()).toHaveLength(1);
	});

	it('Sales Price > Create succeeds with the price it created', async () => {
		await applyThenAnswer('/api/v1/salesPrices', status);
		const result = await xentral.run('Xentral/salesPrice-create.workflow.json', [
			{
				productId: '101',
				customerId: '4',
				fromQuantity: 500 + status,
				price: 9.5,
				currency: 'EUR',
				validFrom: '2026-05-01',
			},
		]);
		expect(result.error).toBeUndefined();
		expect(await xentral.writes()).toHaveLength(1);
	});

	it('Address > Create of the billing address succeeds with the address it created', async () => {
		await applyThenAnswer('/api/v2/customers/3/addresses', status);
		const result = await xentral.run('Xentral/address-create.workflow.json', [
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
		expect(result.error).toBeUndefined();
		expect(result.output('Xentral')[0]).toMatchObject({ id: 'billingaddress' });
		expect(await xentral.writes()).toHaveLength(1);
	});

	it.each([
		[
			'Contact Person > Create',
			'/api/v1/customers/1/contactPerson',
			'Xentral/contactPerson-create.workflow.json',
			{ customerId: '1', name: 'Eva Kurz', email: 'eva@example.com', department: 'V' },
			'the contact person',
		],
		[
			'Address > Create of a delivery address',
			'/api/v2/customers/3/addresses',
			'Xentral/address-create.workflow.json',
			{
				customerId: '3',
				addressType: 'deliveryaddress',
				name: 'Lager Nord',
				street: 'Hafenweg 2',
				city: 'Kiel',
				country: 'de',
				zip: '24103',
			},
			'the address',
		],
		[
			'Customer > Create without a number',
			'/api/v2/customers',
			'Xentral/customer-create.workflow.json',
			{
				customerType: 'company',
				companyName: 'No Number GmbH',
				email: 'n@example.com',
				projectId: '1',
			},
			'the customer',
		],
	])(
		'%s has no key: the item says the write may have been applied',
		async (_, path, file, item, what) => {
			await applyThenAnswer(path, status);
			const result = await xentral.run(file, [item], continueOnFail);
			const [out] = result.output('Xentral');
			expect(out.error).toMatch(MAY_HAVE_BEEN_APPLIED);
			expect(out.error).toBe(
				`Outcome unknown: the write may have been applied, so ${what} may exist (item 0)`,
			);
			expect(out.description).toContain(`answered HTTP ${status}`);
			expect(`${out.error} ${out.description}`).not.toMatch(/retry|try again/i);
			expect(await xentral.writes()).toHaveLength(1);
		},
	);
});

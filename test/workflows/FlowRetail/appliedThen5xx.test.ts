/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import { continueOnFail, useFlowRetailSandbox } from '../../harness/flowRetailSuite';

/**
 * Every create of the Flow Retail node, when Flow Retail applies it and then answers with a server
 * error (500, 502, 503 or 504): each create carries a client-made UID, so the record is looked up
 * by it and the item succeeds with it, sent once; a batch is sent again and every entry still
 * gets the truth.
 */
const flow = useFlowRetailSandbox(['--max-batch-size', '100']);

const applyThenAnswer = async (pathRegex: string, status: number) =>
	await flow.sandbox.fault({ method: 'POST', pathRegex, status, afterHandler: true });

describe.each([500, 502, 503, 504])('applied, then answered %i', (status) => {
	it.each([
		[
			'Customer > Create',
			'/customers$',
			'FlowRetail/customer-create.workflow.json',
			{ firstname: 'A', lastname: 'Pplied', countryCode: 'NO', email: 'a@x.no', city: 'Oslo' },
		],
		[
			'Customer > Create or Update (create)',
			'/customers$',
			'FlowRetail/customer-upsert.workflow.json',
			{ externalId: 'EXT-APPLIED', firstname: 'U', lastname: 'Psert', city: 'Oslo' },
		],
		[
			'Customer Contact > Create',
			'/contacts$',
			'FlowRetail/customerContact-create.workflow.json',
			{ customerUid: 'cust-0001', firstname: 'C', lastname: 'Ontact', email: 'c@x.no' },
		],
		[
			'Customer Address > Create',
			'/addresses$',
			'FlowRetail/customerAddress-create.workflow.json',
			{ customerUid: 'cust-0001', type: 'DELIVERY_ADDRESS', street: 'Vei 1', city: 'Oslo' },
		],
		[
			'Customer Group > Create',
			'/customer-groups$',
			'FlowRetail/customerGroup-create.workflow.json',
			{ name: 'Applied group' },
		],
		[
			'Price List > Create',
			'/pricelists$',
			'FlowRetail/priceList-create.workflow.json',
			{ name: 'Applied list', externalId: 'PL-A' },
		],
		[
			'Price > Create',
			'/prices$',
			'FlowRetail/price-create.workflow.json',
			{ pricelistUid: 'pricelist-1', productUid: 'product-7', price: 4200 },
		],
	])('%s succeeds with the record it created, sent once', async (_, pathRegex, file, item) => {
		await applyThenAnswer(pathRegex, status);
		const result = await flow.run(file, [item]);
		expect(result.error).toBeUndefined();
		const writes = await flow.writes();
		expect(writes).toHaveLength(1);
		expect(writes[0].status).toBe(status);
		expect(result.output('Flow Retail')).toHaveLength(1);
	});

	it('Customer > Batch create is sent again: every entry created once and reported so', async () => {
		await applyThenAnswer('/customers/batch$', status);
		const items = [1, 2, 3].map((i) => ({
			firstname: 'B',
			lastname: `Atch${status}-${i}`,
			countryCode: 'NO',
		}));
		const result = await flow.run('FlowRetail/customer-batch.workflow.json', items);
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail').map((o) => [o.success, o.status])).toEqual([
			[true, 201],
			[true, 201],
			[true, 201],
		]);
		const all = await flow.direct.all('/customers');
		for (const item of items)
			expect(all.filter((c: any) => c.lastname === item.lastname)).toHaveLength(1);
	});

	it('Customer > Batch delete sent again reports each deleted customer as deleted', async () => {
		await applyThenAnswer('/customers/batch$', status);
		const result = await flow.run(
			'FlowRetail/customer-batch.workflow.json',
			[{ uid: 'cust-0003' }, { uid: 'cust-0004' }],
			(p) => {
				p.batchMode = 'delete';
				p.batchUid = '={{ $json.uid }}';
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.output('Flow Retail').map((o) => [o.success, o.status])).toEqual([
			[true, 204],
			[true, 204],
		]);
	});

	it('Customer > Batch create with a UID the item gave: found by that UID, done, sent once', async () => {
		await applyThenAnswer('/customers/batch$', status);
		const result = await flow.run(
			'FlowRetail/customer-batch.workflow.json',
			[{ uid: `given-${status}`, firstname: 'G', lastname: 'Iven', countryCode: 'NO' }],
			(p) => {
				p.batchUid = '={{ $json.uid }}';
				p.fields = {
					firstname: '={{ $json.firstname }}',
					lastname: '={{ $json.lastname }}',
					countryCode: '={{ $json.countryCode }}',
				};
			},
		);
		const [out] = result.output('Flow Retail');
		expect(out).toMatchObject({ success: true, status: 201, customerUid: `given-${status}` });
		expect((await flow.writes()).map((w) => w.status)).toEqual([status]);
		expect(await flow.direct.all('/customers')).toEqual(
			expect.arrayContaining([expect.objectContaining({ customerUid: `given-${status}` })]),
		);
	});
});

it('a batch answered 503 after it was applied settles each entry by its UID, sent once', async () => {
	await flow.sandbox.fault({
		method: 'POST',
		pathRegex: '/customers/batch$',
		status: 503,
		afterHandler: true,
		times: 5,
	});
	const result = await flow.run(
		'FlowRetail/customer-batch.workflow.json',
		[{ firstname: 'S', lastname: 'Ettled', countryCode: 'NO' }],
		continueOnFail,
	);
	expect((await flow.writes()).map((w) => w.status)).toEqual([503]);
	expect(result.output('Flow Retail')[0]).toMatchObject({ success: true, status: 201 });
});

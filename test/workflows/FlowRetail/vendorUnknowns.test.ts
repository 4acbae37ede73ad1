/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * What Flow Retail's documents leave open, under both readings of the sandbox: `lenient` (what the
 * package assumes) and `strict` (`--vendor-unknowns strict`: customer UIDs made by the API, no PUT
 * or DELETE on contacts and addresses, no price endpoints, sortBy ignored, a batch answer in
 * another shape, HTTP transports without `actions` and without DELETE). Under each the node gives
 * the right result or an error that says what happened, never a second record or a write reported
 * done that was not.
 */
import {
	continueOnFail,
	flowPoller,
	flowRetailSandboxCredential,
	useFlowRetailSandbox,
} from '../../harness/flowRetailSuite';
import type { FlowSuite } from '../../harness/flowRetailSuite';
import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';

const W = (name: string) => `FlowRetail/${name}.workflow.json`;
const NODE_CREDENTIALS = {
	flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' },
};
const person = (lastname: string, extra: Record<string, unknown> = {}) => ({
	firstname: 'Unk',
	lastname,
	countryCode: 'NO',
	email: `${lastname.toLowerCase()}@example.no`,
	city: 'Oslo',
	...extra,
});
const withLastname = async (flow: FlowSuite, lastname: string) =>
	(await flow.direct.all('/customers')).filter((c: any) => c.lastname === lastname);
/** The Flow Retail Trigger on the suite's sandbox, for Customer Created. */
const webhookTrigger = async (flow: FlowSuite) =>
	await createWebhookTrigger({
		type: 'n8n-nodes-erp-customers.flowRetailTrigger',
		parameters: { events: ['CUSTOMER_CREATE'] },
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: NODE_CREDENTIALS,
	});
/** The create's answer is lost after Flow Retail applied it. */
const loseCreateAnswer = (flow: FlowSuite) =>
	flow.sandbox.fault({ method: 'POST', pathRegex: '/customers$', drop: true, afterHandler: true });

describe('lenient reading (the package assumptions)', () => {
	const flow = useFlowRetailSandbox();
	let trigger: WebhookTrigger | undefined;
	afterEach(async () => await trigger?.stop());

	it('a transport made without showing its events is removed again, and the activation fails', async () => {
		// A tenant that takes `actions` but drops it: the answer shows no events.
		await flow.sandbox.fault({
			method: 'POST',
			pathRegex: '/httptransports$',
			afterHandler: true,
			status: 200,
			body: { httpTransportUid: 'x', name: 'n8n', url: 'https://n8n.example/' },
		});
		trigger = await webhookTrigger(flow);
		await expect(trigger.hook('create')).rejects.toThrow(
			"Flow Retail's API on this tenant does not bind events to an HTTP transport the way the trigger sends them (the transport it made shows no actions)",
		);
		expect(await flow.sandbox.control('GET', 'transports')).toEqual([]);
	});

	it('Create keeps the client-made customerUid', async () => {
		const result = await flow.run(W('customer-create'), [person('Kept', { uid: 'keep-1' })]);
		expect(result.output('Flow Retail')[0]).toMatchObject({ id: 'keep-1' });
	});

	it('contact and address Update and Delete work; a missing one reads as not found', async () => {
		const contact = { customerUid: 'cust-0020', recordUid: 'contact-0020-1' };
		const updated = await flow.run(W('customerContact-update'), [
			{ ...contact, email: 'new@example.no' },
		]);
		expect(updated.output('Flow Retail')[0]).toMatchObject({
			email: 'new@example.no',
			customerId: 'cust-0020',
		});
		const missing = await flow.run(W('customerContact-update'), [
			{ ...contact, recordUid: 'nope', email: 'x@example.no' },
		]);
		expect(missing.error?.message).toMatch(
			/^Flow Retail: Contact nope of customer cust-0020 was not found/,
		);
		const gone = await flow.run(W('customerAddress-delete'), [
			{ customerUid: 'cust-0020', recordUid: 'address-0020-d' },
		]);
		expect(gone.output('Flow Retail')[0]).toMatchObject({ deleted: true });
	});

	it('a 405 or 501 on an undocumented endpoint says the tenant does not offer it', async () => {
		await flow.sandbox.fault({ method: 'PUT', pathRegex: '/contacts/', status: 405, times: 1 });
		const put = await flow.run(W('customerContact-update'), [
			{ customerUid: 'cust-0020', recordUid: 'contact-0020-1', email: 'a@example.no' },
		]);
		expect(put.error?.message).toBe(
			"Flow Retail's API on this tenant does not offer updating a contact (405)",
		);
		await flow.sandbox.fault({ method: 'DELETE', pathRegex: '/addresses/', status: 501, times: 1 });
		const del = await flow.run(W('customerAddress-delete'), [
			{ customerUid: 'cust-0020', recordUid: 'address-0020-d' },
		]);
		expect(del.error?.message).toBe(
			"Flow Retail's API on this tenant does not offer deleting an address (501)",
		);
		expect(
			(await flow.direct.send('GET', '/customers/cust-0020/addresses/address-0020-d')).status,
		).toBe(200);
	});

	it('a price that is not there reads as not found, not as an endpoint missing', async () => {
		const result = await flow.run(W('price-get'), [
			{ pricelistUid: 'pricelist-1', recordUid: 'no-such-price' },
		]);
		expect(result.error).toMatchObject({ httpCode: '404' });
		expect(result.error?.message).toMatch(
			/^Flow Retail: Price no-such-price of price list pricelist-1 was not found/,
		);
	});
});

describe('strict reading (--vendor-unknowns strict)', () => {
	const flow = useFlowRetailSandbox(['--vendor-unknowns', 'strict', '--webhook-backoff', '1']);
	let trigger: WebhookTrigger | undefined;
	afterEach(async () => await trigger?.stop());

	describe('customer UIDs made by the API', () => {
		it('Create returns the customer under the UID Flow Retail gave it', async () => {
			const result = await flow.run(W('customer-create'), [person('Given', { uid: 'mine-1' })]);
			expect(result.error).toBeUndefined();
			const [made] = await withLastname(flow, 'Given');
			expect(made.customerUid).not.toBe('mine-1');
			expect(result.output('Flow Retail')[0]).toMatchObject({ id: made.customerUid });
		});

		it('a lost answer without an external ID: "Outcome unknown", one customer, not sent again', async () => {
			await loseCreateAnswer(flow);
			const result = await flow.run(W('customer-create'), [person('Lost')]);
			expect(result.error?.message).toBe(
				'Outcome unknown: the write may have been applied, so the customer may exist (item 0)',
			);
			expect(result.error?.description).not.toMatch(/retry|try again/i);
			expect(await withLastname(flow, 'Lost')).toHaveLength(1);
			expect((await flow.writes()).filter((r) => r.method === 'POST')).toHaveLength(1);
		});

		it('a lost answer with an external ID: found by it, one customer', async () => {
			await loseCreateAnswer(flow);
			const result = await flow.run(W('customer-create'), [person('Found')], (p) => {
				p.fields.externalId = 'ERP-77';
			});
			expect(result.error).toBeUndefined();
			const found = await withLastname(flow, 'Found');
			expect(found).toHaveLength(1);
			expect(result.output('Flow Retail')[0]).toMatchObject({
				id: found[0].customerUid,
				externalId: 'ERP-77',
			});
		});

		it('a run that saw UIDs replaced never sends a lost create again', async () => {
			await flow.sandbox.fault({
				method: 'POST',
				pathRegex: '/customers$',
				drop: true,
				afterHandler: true,
				skip: 1,
			});
			const result = await flow.run(
				W('customer-create'),
				[person('First'), person('Second')],
				continueOnFail,
			);
			const out = result.output('Flow Retail');
			expect(out[0]).toMatchObject({ lastName: 'First' });
			expect(out[1].error).toMatch(/^Outcome unknown/);
			expect(await withLastname(flow, 'Second')).toHaveLength(1);
		});

		it('Create or Update after a lost answer finds the customer by its external ID', async () => {
			await loseCreateAnswer(flow);
			const result = await flow.run(W('customer-upsert'), [
				{ externalId: 'ERP-88', firstname: 'Up', lastname: 'Sert', city: 'Molde' },
			]);
			expect(result.error).toBeUndefined();
			const all = (await flow.direct.all('/customers')).filter(
				(c: any) => c.externalId === 'ERP-88',
			);
			expect(all).toHaveLength(1);
			expect(result.output('Flow Retail')[0]).toMatchObject({
				id: all[0].customerUid,
				city: 'Molde',
			});
		});
	});

	describe('contact and address PUT and DELETE absent (404)', () => {
		const contact = { customerUid: 'cust-0020', recordUid: 'contact-0020-1' };
		it.each([
			['customerContact-update', 'updating a contact', { ...contact, email: 'n@example.no' }],
			['customerContact-delete', 'deleting a contact', contact],
			[
				'customerAddress-update',
				'updating an address',
				{ customerUid: 'cust-0020', recordUid: 'address-0020-i', city: 'Bergen' },
			],
			[
				'customerAddress-delete',
				'deleting an address',
				{ customerUid: 'cust-0020', recordUid: 'address-0020-i' },
			],
		])('%s: "does not offer %s (404)" for a record that is there', async (file, action, item) => {
			const result = await flow.run(W(file), [item]);
			expect(result.error?.message).toBe(
				`Flow Retail's API on this tenant does not offer ${action} (404)`,
			);
			expect(result.error?.description).toMatch(/No Flow Retail document shows this endpoint/);
		});

		it('a record that is not there stays "not found", and Continue On Fail reports it', async () => {
			const result = await flow.run(
				W('customerContact-delete'),
				[{ ...contact, recordUid: 'nope' }],
				continueOnFail,
			);
			const [out] = result.output('Flow Retail');
			expect(out.error).not.toMatch(/does not offer/);
			expect(out.description).toMatch(/not found/i);
			expect(out.deleted).toBeUndefined();
		});
	});

	describe('no price endpoints (404)', () => {
		it.each([
			[
				'price-create',
				'creating a price',
				{ pricelistUid: 'pricelist-1', productUid: 'p-1', price: 100 },
			],
			['price-getAll', 'listing prices', { pricelistUid: 'pricelist-1' }],
			[
				'price-get',
				'reading a price',
				{ pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1' },
			],
			[
				'price-update',
				'updating a price',
				{ pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1', price: 5 },
			],
		])('%s says "does not offer %s (404)"', async (file, action, item) => {
			const result = await flow.run(W(file), [item]);
			expect(result.error?.message).toBe(
				`Flow Retail's API on this tenant does not offer ${action} (404)`,
			);
		});

		it('a price list that is not there stays "not found"', async () => {
			const result = await flow.run(W('price-getAll'), [{ pricelistUid: 'no-list' }]);
			expect(result.error).toMatchObject({ httpCode: '404' });
			expect(result.error?.message).not.toMatch(/does not offer/);
		});
	});

	describe('sortBy ignored', () => {
		it('Get Many sorted by a date stops the item instead of handing back another order', async () => {
			const result = await flow.run(W('customer-getAll'), [
				{ limit: 5, sortBy: 'createdAt', sortDirection: 'DESC' },
			]);
			expect(result.error?.message).toBe(
				"Sort By (item 0): Flow Retail's API on this tenant did not sort the customers by createdAt (DESC)",
			);
		});

		it('the Poll Trigger stops with an error rather than missing changes', async () => {
			const poller = flowPoller(flow.sandbox, 'updatedCustomer');
			await expect(poller.poll()).rejects.toThrow(
				"Flow Retail's API on this tenant did not sort the customers by lastModifiedAt (DESC)",
			);
			expect(poller.staticData().cursor).toBeUndefined();
		});
	});

	describe('a batch answer in another shape', () => {
		it('a 207 reports no entry done: each is "Outcome unknown" (the UIDs cannot be read back)', async () => {
			const before = (await flow.direct.all('/customers')).length;
			const result = await flow.run(W('customer-batch'), [
				person('Ba'),
				{ firstname: 'No', lastname: '', countryCode: 'NO' },
				person('Bc'),
			]);
			expect(result.error).toBeUndefined();
			const out = result.output('Flow Retail');
			expect(out.filter((o) => o.success === true)).toEqual([]);
			expect(out.map((o) => String(o.error).slice(0, 15))).toEqual(
				Array(3).fill('Outcome unknown'),
			);
			// Two were applied; none is claimed, none doubled.
			expect((await flow.direct.all('/customers')).length).toBe(before + 2);
		});

		it('a 200 means every entry was applied', async () => {
			const result = await flow.run(W('customer-batch'), [person('Ca'), person('Cb')]);
			const out = result.output('Flow Retail');
			expect(out.map((o) => o.success)).toEqual([true, true]);
			expect(await withLastname(flow, 'Ca')).toHaveLength(1);
		});

		it('a lost batch answer: the entry with an external ID is found, the others are unknown, none sent again', async () => {
			await flow.sandbox.fault({
				method: 'POST',
				pathRegex: '/customers/batch$',
				drop: true,
				afterHandler: true,
			});
			const result = await flow.run(
				W('customer-batch'),
				[person('La', { externalId: 'ERP-LA' }), person('Lb'), person('Lc')],
				(p) => {
					p.extraBodyFields = '={{ $json.externalId ? { externalId: $json.externalId } : {} }}';
				},
			);
			const out = result.output('Flow Retail');
			expect(out[0]).toMatchObject({ success: true, status: 201 });
			expect(out.slice(1).map((o) => String(o.error).slice(0, 15))).toEqual([
				'Outcome unknown',
				'Outcome unknown',
			]);
			for (const name of ['La', 'Lb', 'Lc']) expect(await withLastname(flow, name)).toHaveLength(1);
			expect((await flow.writes()).filter((r) => r.path.endsWith('/batch'))).toHaveLength(1);
		});
	});

	describe('HTTP transports without `actions`', () => {
		it('activation stops with an error that says why, and leaves no transport', async () => {
			trigger = await webhookTrigger(flow);
			await expect(trigger.hook('create')).rejects.toThrow(
				"Flow Retail's API on this tenant does not bind events to an HTTP transport the way the trigger sends them (it refused the actions field)",
			);
			expect(await flow.sandbox.control('GET', 'transports')).toEqual([]);
		});
	});
});

describe('one reading switched: batch shape only (--unknown-batch-result flat)', () => {
	const flow = useFlowRetailSandbox(['--unknown-batch-result', 'flat']);

	it('a 207: the creates read back by their UID are done, the failed one is not', async () => {
		const result = await flow.run(W('customer-batch'), [
			person('Fa'),
			{ firstname: 'No', lastname: '', countryCode: 'NO' },
		]);
		const out = result.output('Flow Retail');
		expect(out[0]).toMatchObject({ success: true, status: 201, customer: { lastName: 'Fa' } });
		expect(out[1]).toMatchObject({ success: false });
		expect(out[1].error).toMatch(/^Outcome unknown/);
	});
});

describe('one reading switched: transports keep `actions` but have no DELETE', () => {
	const flow = useFlowRetailSandbox([
		'--unknown-transport-writes',
		'absent',
		'--webhook-backoff',
		'1',
	]);
	let trigger: WebhookTrigger | undefined;
	afterEach(async () => await trigger?.stop());
	it('deactivation names the transport to remove by hand', async () => {
		const t = (trigger = await webhookTrigger(flow));
		expect(await t.hook('create')).toBe(true);
		const uid = (t.staticData().webhookRegistration as any).id;
		await expect(t.hook('delete')).rejects.toThrow(
			`Flow Retail's API on this tenant does not offer deleting an HTTP transport (remove transport ${uid} in Flow Retail Backoffice) (405)`,
		);
	});
});

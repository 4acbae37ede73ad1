/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Deliveries sent again to the Flow Retail Trigger: its bearer secret stays the same for the whole
 * activation, so a captured genuine delivery carries a valid token. Sent again, it is answered 200
 * (Flow Retail would otherwise retry) and runs nothing. Flow Retail's payload holds only IDs, the
 * same for every change of a record: a second real change (a new lastModifiedAt) still runs.
 */
import { flowRetailSandboxCredential, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';

const flow = useFlowRetailSandbox(['--webhook-backoff', '1', '--webhook-timeout', '2000']);

let trigger: WebhookTrigger | undefined;
afterEach(async () => await trigger?.stop());

async function activeTrigger(parameters: Record<string, unknown> = {}, queueMode = false) {
	trigger = await createWebhookTrigger({
		queueMode,
		type: 'n8n-nodes-erp-customers.flowRetailTrigger',
		parameters: { events: ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE', 'PRICE_UPDATE'], ...parameters },
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
	});
	expect(await trigger.hook('create')).toBe(true);
	return trigger;
}

const deliveries = async () => (await flow.sandbox.control('GET', 'deliveries')) as any[];
const runs = (t: WebhookTrigger) => t.received.filter((r) => r.workflowData !== undefined);

it.each([true, false])(
	'answers a captured genuine delivery sent again with 200 and runs nothing (Fetch Full Customer %s)',
	async (fetchCustomer) => {
		const t = await activeTrigger({ options: { fetchCustomer } });
		await flow.direct.send('PUT', '/customers/cust-0001', { city: 'Bergen' });
		await deliveries();
		expect(runs(t)).toHaveLength(1);
		expect(t.requests[0].headers.authorization).toMatch(/^Bearer /);
		expect(await t.replay(0)).toBe(200);
		expect(await t.replay(0)).toBe(200);
		expect(t.received.map((r) => [r.status, r.workflowData === undefined])).toEqual([
			[200, false],
			[200, true],
			[200, true],
		]);
		// The same customer changed again: the same body, a new version, so it runs.
		await flow.sandbox.advanceClock(1);
		await flow.direct.send('PUT', '/customers/cust-0001', { city: 'Tromsø' });
		await deliveries();
		expect(t.requests.at(-1)!.body).toBe(t.requests[0].body);
		expect(runs(t)).toHaveLength(2);
		expect(runs(t)[1].workflowData![0][0].json.customerUid).toBe('cust-0001');
	},
);

it('in queue mode too: a delivery sent again runs nothing, and the registration stays', async () => {
	// The execution runs on a worker's copy without static data; the memory is kept by the webhook
	// call on the main process.
	const t = await activeTrigger({}, true);
	await flow.direct.send('PUT', '/customers/cust-0001', { city: 'Bergen' });
	await deliveries();
	expect(runs(t)).toHaveLength(1);
	expect(await t.replay(0)).toBe(200);
	expect(runs(t)).toHaveLength(1);
	expect(t.staticData().webhookRegistration).toEqual(
		expect.objectContaining({ secret: expect.any(String) }),
	);
	// A new change is still accepted: the secret was not wiped by the execution.
	await flow.sandbox.advanceClock(1);
	await flow.direct.send('PUT', '/customers/cust-0001', { city: 'Tromsø' });
	await deliveries();
	expect(t.received.map((r) => [r.status, r.workflowData === undefined])).toEqual([
		[200, false],
		[200, true],
		[200, false],
	]);
});

it('runs each change of a price once, though every delivery of it has the same body', async () => {
	const t = await activeTrigger();
	const [price] = (await flow.direct.all('/pricelists/pricelist-1/prices')) as any[];
	const path = `/pricelists/pricelist-1/prices/${price.priceUid}`;
	await flow.direct.send('PUT', path, { price: 1000 });
	await deliveries();
	await flow.sandbox.advanceClock(1);
	await flow.direct.send('PUT', path, { price: 1100 });
	await deliveries();
	expect(t.requests[0].body).toBe(t.requests[1].body);
	expect(runs(t)).toHaveLength(2);
	expect(await t.replay(1)).toBe(200);
	expect(runs(t)).toHaveLength(2);
});

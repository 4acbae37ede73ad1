/**
 * Deliveries sent again to the Xentral Sales Price Trigger, through n8n-core's real webhook
 * context: a genuine signed delivery replayed byte for byte is answered 200 and runs nothing (its
 * signature covers only the body, so only the trigger's memory of accepted deliveries can tell);
 * an old delivery replayed after a later change does not bring the old price back, while a real
 * change back to that price (the same body again) runs.
 */
import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

let trigger: WebhookTrigger | undefined;
afterEach(async () => await trigger?.stop());

async function activeTrigger(queueMode = false) {
	trigger = await createWebhookTrigger({
		queueMode,
		type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
		parameters: { events: ['created', 'updated'], options: {} },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});
	expect(await trigger.hook('create')).toBe(true);
	return trigger;
}

const deliveries = async () => await xentral.sandbox.control('GET', 'deliveries');
const runs = (t: WebhookTrigger) => t.received.filter((r) => r.workflowData !== undefined);
const priceOf = (t: WebhookTrigger, i: number) => runs(t)[i].workflowData![0][0].json.price;

it.each([
	['n8n start', false],
	['queue mode', true],
])('answers a genuine delivery sent again with 200 and runs nothing (%s)', async (_, queueMode) => {
	const t = await activeTrigger(queueMode);
	await xentral.direct('POST', '/api/v1/salesPrices', {
		product: { id: '14' },
		customer: { id: '2' },
		amount: 5,
		price: { amount: '7.50', currency: 'EUR' },
	});
	await deliveries();
	expect(runs(t)).toHaveLength(1);
	expect(await t.replay(0)).toBe(200);
	expect(await t.replay(0)).toBe(200);
	expect(t.received.map((r) => [r.status, r.workflowData === undefined])).toEqual([
		[200, false],
		[200, true],
		[200, true],
	]);
	expect(t.staticData().deliveries).toHaveLength(1);
	expect(t.staticData().webhookRegistration).toBeDefined();
});

it('does not run an old delivery replayed after a later change, but runs a real change back', async () => {
	const t = await activeTrigger();
	const price = (amount: string) => ({ price: { amount, currency: 'EUR' } });
	await xentral.direct('PATCH', '/api/v1/salesPrices/1', price('2.00'));
	await xentral.direct('PATCH', '/api/v1/salesPrices/1', price('3.00'));
	await deliveries();
	expect([priceOf(t, 0), priceOf(t, 1)]).toEqual([2, 3]);
	await xentral.sandbox.clearRequests();
	// The 2.00 delivery replayed while Xentral holds 3.00: it must not bring 2.00 back.
	expect(await t.replay(0)).toBe(200);
	expect(runs(t)).toHaveLength(2);
	const reads = (await xentral.apiCalls()).map((c) => `${c.method} ${c.path}`);
	expect(reads).toEqual(['GET /api/v1/salesPrices/1']);
	// Changed back to 2.00 in Xentral: the same signed body again, and now it is true.
	await xentral.direct('PATCH', '/api/v1/salesPrices/1', price('2.00'));
	await deliveries();
	expect(t.requests.at(-1)!.body).toBe(t.requests[0].body);
	expect(runs(t)).toHaveLength(3);
	expect(priceOf(t, 2)).toBe(2);
	// ... and once only.
	expect(await t.replay(t.requests.length - 1)).toBe(200);
	expect(runs(t)).toHaveLength(3);
});

/**
 * The Xentral Sales Price Trigger with "Only When These Fields Change", through n8n-core's real
 * webhook and execution contexts (test/harness/webhookTrigger.ts): the sandbox's signed
 * deliveries of changes made through the API.
 */
import type { INodeParameters } from 'n8n-workflow';

import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();

let trigger: WebhookTrigger | undefined;
afterEach(async () => await trigger?.stop());

async function activeTrigger(options: INodeParameters) {
	trigger = await createWebhookTrigger({
		type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
		parameters: { events: ['created', 'updated', 'deleted'], options },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});
	expect(await trigger.hook('create')).toBe(true);
	return trigger;
}

const price = (amount: string) => ({ price: { amount, currency: 'EUR' } });

/** Each change's delivery: the event it ran, or null when it ran nothing. */
async function scenario(options: INodeParameters) {
	const t = await activeTrigger(options);
	const outcomes: Array<string | null> = [];
	const change = async (method: string, path: string, body?: unknown) => {
		const before = t.received.length;
		await xentral.direct(method, path, body);
		await xentral.sandbox.control('GET', 'deliveries');
		expect(t.received.length).toBe(before + 1);
		const last = t.received.at(-1)!;
		expect(last.status).toBe(200);
		outcomes.push(last.workflowData ? String(last.workflowData[0][0].json.event) : null);
	};
	const created = await xentral.direct('POST', '/api/v1/salesPrices', {
		product: { id: '14' },
		customer: { id: '2' },
		amount: 5,
		price: { amount: '7.50', currency: 'EUR' },
	});
	await xentral.sandbox.control('GET', 'deliveries');
	outcomes.push(t.received.at(-1)?.workflowData ? 'created' : null);
	const path = created.location as string;
	const id = path.split('/').pop()!;
	await change('PATCH', `/api/v1/salesPrices/${id}`, { amount: 10 }); // From Quantity
	await change('PATCH', `/api/v1/salesPrices/${id}`, price('8.00'));
	await change('PATCH', `/api/v1/salesPrices/${id}`, { amount: 20 });
	await change('PATCH', '/api/v1/salesPrices/1', price('2.00')); // never emitted before
	await change('DELETE', `/api/v1/salesPrices/${id}`);
	return { t, outcomes, id };
}

describe('Xentral Sales Price Trigger > Only When These Fields Change', () => {
	it('runs a created price, then an update only when a chosen field changed', async () => {
		const { t, outcomes, id } = await scenario({ changeFields: ['price'] });
		expect(outcomes).toEqual(['created', null, 'updated', null, 'updated', 'deleted']);
		const memory = t.staticData().changeFilter as { fields: string[]; hashes: string[][] };
		expect(memory.fields).toEqual(['price']);
		expect(memory.hashes.map(([record]) => record)).toEqual([`salesPrice:${id}`, 'salesPrice:1']);
	});

	it('with no field chosen, runs every delivery as before and keeps no memory', async () => {
		const { t, outcomes } = await scenario({});
		expect(outcomes).toEqual(['created', 'updated', 'updated', 'updated', 'updated', 'deleted']);
		expect(t.staticData().changeFilter).toBeUndefined();
	});
});

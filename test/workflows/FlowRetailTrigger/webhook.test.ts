/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import {
	FLOW_TENANT,
	flowRetailSandboxCredential,
	useFlowRetailSandbox,
} from '../../harness/flowRetailSuite';
import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';

const flow = useFlowRetailSandbox(['--webhook-backoff', '1', '--webhook-timeout', '2000']);
const NODE_CREDENTIALS = {
	flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' },
};

let trigger: WebhookTrigger | undefined;
afterEach(async () => await trigger?.stop());

async function activeTrigger(parameters: Record<string, unknown> = {}) {
	trigger = await createWebhookTrigger({
		type: 'n8n-nodes-erp-customers.flowRetailTrigger',
		parameters: {
			events: ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE', 'CUSTOMER_DELETE'],
			...parameters,
		},
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: NODE_CREDENTIALS,
	});
	expect(await trigger.hook('checkExists')).toBe(false);
	expect(await trigger.hook('create')).toBe(true);
	return trigger;
}

const transports = async () => (await flow.sandbox.control('GET', 'transports')) as any[];
const deliveries = async () => (await flow.sandbox.control('GET', 'deliveries')) as any[];

describe('Flow Retail Trigger: the webhook lifecycle', () => {
	it('registers one HTTP transport with a bearer secret and the chosen actions, and removes it', async () => {
		const t = await activeTrigger();
		const [transport] = await transports();
		const stored = t.staticData().webhookRegistration as any;
		expect(transport).toMatchObject({
			httpTransportUid: stored.id,
			url: t.url,
			securityType: 'BEARER_TOKEN',
			token: stored.secret,
			actions: ['CUSTOMER_CREATE', 'CUSTOMER_DELETE', 'CUSTOMER_UPDATE'],
		});
		expect(stored.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(await t.hook('checkExists')).toBe(true);
		expect(await t.hook('delete')).toBe(true);
		expect(await transports()).toEqual([]);
		expect(t.staticData().webhookRegistration).toBeUndefined();
		// A transport removed in Flow Retail is registered again on the next activation.
		expect(await t.hook('checkExists')).toBe(false);
	});

	it('receives a delivery from the sandbox and fetches the full customer', async () => {
		const t = await activeTrigger();
		const created = await flow.direct.send('POST', '/customers', {
			customerUid: 'hook-1',
			firstname: 'Web',
			lastname: 'Hook',
			countryCode: 'NO',
		});
		expect(created.status).toBe(201);
		const [delivery] = await deliveries();
		expect(delivery).toMatchObject({ outcome: 'delivered', event: 'CUSTOMER_CREATE' });
		expect(t.received).toHaveLength(1);
		const [[item]] = t.received[0].workflowData!;
		expect(item.json).toMatchObject({
			action: 'CUSTOMER_CREATE',
			tenantUid: FLOW_TENANT,
			customerUid: 'hook-1',
			customer: { id: 'hook-1', firstName: 'Web', lastName: 'Hook', source: 'flowRetail' },
		});
	});

	it('emits only the IDs of a deleted customer, and nothing for an event not chosen', async () => {
		const t = await activeTrigger({ events: ['CUSTOMER_DELETE'] });
		await flow.direct.send('PUT', '/customers/cust-0001', { city: 'Oslo' });
		await flow.direct.send('DELETE', '/customers/cust-0002');
		await deliveries();
		expect(t.received).toHaveLength(1);
		expect(t.received[0].workflowData![0][0].json).toEqual({
			action: 'CUSTOMER_DELETE',
			tenantUid: FLOW_TENANT,
			customerUid: 'cust-0002',
		});
	});

	it('refuses a forged delivery without the secret (401, nothing emitted) and the sandbox does not retry it', async () => {
		const t = await activeTrigger();
		for (const authorization of [
			undefined,
			'Bearer wrong',
			`Basic ${Buffer.from('a:b').toString('base64')}`,
		]) {
			const res = await fetch(t.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: JSON.stringify({ action: 'CUSTOMER_CREATE', customer: { Id: 1, Uid: 'cust-0001' } }),
			});
			expect(res.status).toBe(401);
		}
		expect(t.received.map((r) => [r.status, r.workflowData])).toEqual([
			[401, undefined],
			[401, undefined],
			[401, undefined],
		]);
		// With the secret, an action the trigger was not set to is acknowledged and emits nothing.
		const stored0 = t.staticData().webhookRegistration as any;
		const other = await fetch(t.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${stored0.secret}` },
			body: JSON.stringify({ action: 'PRICE_CREATE', price: { Id: 1, Uid: 'p-1' } }),
		});
		expect(other.status).toBe(200);
		expect(t.received.at(-1)).toEqual({ status: 200, workflowData: undefined });
		// A transport whose token was changed behind n8n's back is refused the same way, once.
		const stored = t.staticData().webhookRegistration as any;
		await flow.direct.send('PUT', `/httptransports/${stored.id}`, { token: 'forged' });
		await flow.direct.send('PUT', '/customers/cust-0003', { city: 'Oslo' });
		const last = (await deliveries()).at(-1);
		expect(last).toMatchObject({ outcome: 'refused', attempts: [{ status: 401 }] });
	});
});

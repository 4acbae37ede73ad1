/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * "Only When These Fields Change" in both Flow Retail triggers against the sandbox: the poll
 * trigger's Updated Customer, and the webhook trigger's Customer Created / Updated deliveries
 * (through n8n-core's real webhook and execution contexts, the memory kept in static data as n8n
 * keeps it).
 */
import type { INodeParameters } from 'n8n-workflow';

import { flowRetailSandboxCredential, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { createPoller } from '../../harness/poll';
import { createWebhookTrigger, type WebhookTrigger } from '../../harness/webhookTrigger';

const flow = useFlowRetailSandbox(['--webhook-backoff', '1', '--webhook-timeout', '2000']);
const NODE_CREDENTIALS = {
	flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' },
};

const put = async (uid: string, body: Record<string, unknown>) =>
	expect((await flow.direct.send('PUT', `/customers/${uid}`, body)).status).toBe(200);

describe('Flow Retail Poll Trigger > Updated Customer > Only When These Fields Change', () => {
	const poller = (options: INodeParameters) =>
		createPoller({
			type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
			parameters: { event: 'updatedCustomer', options },
			credentials: [flowRetailSandboxCredential(flow.sandbox)],
			nodeCredentials: NODE_CREDENTIALS,
		});

	async function scenario(options: INodeParameters) {
		const p = poller(options);
		expect(await p.poll()).toBeNull();
		const step = async (changes: () => Promise<void>) => {
			await flow.sandbox.advanceClock(60);
			await changes();
			const out = await p.poll();
			return out ? out[0].map((i: any) => i.json.id ?? i.json.customerUid) : [];
		};
		return [
			// First change of each customer since activation: no hash yet, emitted once.
			await step(async () => {
				await put('cust-0003', { email: 'three@example.com' });
				await put('cust-0004', { email: 'four@example.com' });
			}),
			await step(async () => await put('cust-0003', { city: 'Bergen' })),
			await step(async () => {
				await put('cust-0003', { email: 'three.new@example.com' });
				await put('cust-0004', { city: 'Tromsø' });
			}),
			await step(async () => await put('cust-0003', { email: 'three.new@example.com' })),
		];
	}

	it('emits a customer only when a chosen field changed (Simplify on or off)', async () => {
		const expected = [['cust-0003', 'cust-0004'], [], ['cust-0003'], []];
		expect(await scenario({ changeFields: ['email'] })).toEqual(expected);
		expect(await scenario({ changeFields: ['email'], simplify: false })).toEqual(expected);
	});

	it('with no field chosen, emits every change as before', async () => {
		expect(await scenario({})).toEqual([
			['cust-0003', 'cust-0004'],
			['cust-0003'],
			['cust-0003', 'cust-0004'],
			['cust-0003'],
		]);
	});
});

describe('Flow Retail Trigger (webhook) > Only When These Fields Change', () => {
	let trigger: WebhookTrigger | undefined;
	afterEach(async () => await trigger?.stop());

	async function activeTrigger(options: INodeParameters) {
		trigger = await createWebhookTrigger({
			type: 'n8n-nodes-erp-customers.flowRetailTrigger',
			parameters: {
				events: ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE', 'CUSTOMER_DELETE'],
				options,
			},
			credentials: [flowRetailSandboxCredential(flow.sandbox)],
			nodeCredentials: NODE_CREDENTIALS,
		});
		expect(await trigger.hook('create')).toBe(true);
		return trigger;
	}

	/** Each change's delivery: the action it ran, or null when it ran nothing. */
	async function scenario(options: INodeParameters) {
		const t = await activeTrigger(options);
		const outcomes: Array<string | null> = [];
		const change = async (send: () => Promise<unknown>) => {
			const before = t.received.length;
			await send();
			await flow.sandbox.control('GET', 'deliveries'); // waits for the deliveries to settle
			expect(t.received.length).toBe(before + 1);
			const last = t.received.at(-1)!;
			expect(last.status).toBe(200);
			outcomes.push(last.workflowData ? String(last.workflowData[0][0].json.action) : null);
		};
		await change(
			async () =>
				await flow.direct.send('POST', '/customers', {
					customerUid: 'watched-1',
					firstname: 'Wa',
					lastname: 'Tched',
					email: 'w@example.com',
					countryCode: 'NO',
				}),
		);
		await change(async () => await put('watched-1', { city: 'Oslo' }));
		await change(async () => await put('watched-1', { email: 'w.new@example.com' }));
		await change(async () => await put('watched-1', { email: 'w.new@example.com' }));
		await change(async () => await put('cust-0005', { city: 'Oslo' }));
		await change(async () => await put('cust-0005', { city: 'Bergen' }));
		await change(async () => await flow.direct.send('DELETE', '/customers/watched-1'));
		return { t, outcomes };
	}

	it('runs a created customer, then an update only when a chosen field changed', async () => {
		const { t, outcomes } = await scenario({ changeFields: ['email'] });
		expect(outcomes).toEqual([
			'CUSTOMER_CREATE', // always, and its hash is remembered
			null, // the city: not chosen
			'CUSTOMER_UPDATE', // the e-mail
			null, // the same e-mail again
			'CUSTOMER_UPDATE', // a customer never emitted before: no hash yet, once
			null,
			'CUSTOMER_DELETE', // always
		]);
		const memory = t.staticData().changeFilter as any;
		expect(memory.fields).toEqual(['email']);
		expect(memory.hashes.map(([record]: string[]) => record)).toEqual([
			'customer:watched-1',
			'customer:cust-0005',
		]);
	});

	it('with no field chosen, runs every delivery as before and keeps no memory', async () => {
		const { t, outcomes } = await scenario({});
		expect(outcomes).toEqual([
			'CUSTOMER_CREATE',
			'CUSTOMER_UPDATE',
			'CUSTOMER_UPDATE',
			'CUSTOMER_UPDATE',
			'CUSTOMER_UPDATE',
			'CUSTOMER_UPDATE',
			'CUSTOMER_DELETE',
		]);
		expect(t.staticData().changeFilter).toBeUndefined();
		// The items reach the workflow without the marks the execution reads.
		expect(Object.keys(t.received[1].workflowData![0][0])).toEqual(['json', 'pairedItem']);
	});
});

/* eslint-disable @typescript-eslint/no-explicit-any, @n8n/community-nodes/no-restricted-imports -- vendor JSON in assertions; a test, not shipped */
/**
 * The Xentral Sales Price Trigger against the sandbox: n8n-core's real hook context registers and
 * removes the webhook; the sandbox's signed deliveries reach a local server that hands each one to
 * the node's webhook(), as n8n's webhook server would.
 */
import { createServer, type Server } from 'node:http';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { XentralSalesPriceTrigger } from '../../../nodes/XentralSalesPriceTrigger/XentralSalesPriceTrigger.node';
import { signatureKeyFor } from '../../../nodes/XentralSalesPriceTrigger/signature';
import { createHookContext } from '../../harness/hookContext';
import { useXentralSandbox, XENTRAL_SANDBOX_TOKEN } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();
const trigger = new XentralSalesPriceTrigger();

let receiver: Server;
let receiverUrl = '';
/** What the node's webhook() answered to each delivery. */
const received: Array<{ status: number; output?: IDataObject[]; body: string }> = [];
let staticData: IDataObject = {};
let parameters: IDataObject = {};

/** The IWebhookFunctions n8n gives webhook(): the raw body, headers, parameters, static data. */
function webhookContext(raw: Buffer, headers: IDataObject, answer: { status: number }) {
	return {
		getRequestObject: () => ({ rawBody: raw }),
		getHeaderData: () => headers,
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => `${receiverUrl}/abc/webhook`,
		getCredentials: async () => xentral.credentials()[0].data,
		getResponseObject: () => ({
			status(code: number) {
				answer.status = code;
				return this;
			},
			json() {
				return this;
			},
		}),
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
}

beforeAll(async () => {
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const raw = Buffer.concat(chunks);
			const answer = { status: 200 };
			const result: IWebhookResponseData = await trigger.webhook.call(
				webhookContext(raw, req.headers as IDataObject, answer),
			);
			const output = result.workflowData?.[0].map((i) => i.json);
			received.push({ status: answer.status, output, body: raw.toString('utf8') });
			res.writeHead(answer.status).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/webhook`;
});
afterAll(() => receiver.close());

beforeEach(() => {
	received.length = 0;
	staticData = {};
	parameters = { events: ['created', 'deleted'], options: {} };
});

function hookContext() {
	return createHookContext({
		type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
		parameters,
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
		staticData,
		webhookBaseUrl: receiverUrl,
	});
}

const deliveries = async () => await xentral.sandbox.control('GET', 'deliveries');

describe('Xentral Sales Price Trigger (webhooks at /api/v1/webhooks)', () => {
	it('registers on activation with a generated key, and removes the webhook on deactivation', async () => {
		const hooks = trigger.webhookMethods.default;
		const ctx = hookContext();
		expect(await hooks.checkExists.call(ctx)).toBe(false);
		expect(await hooks.create.call(ctx)).toBe(true);
		const [hook] = (await xentral.sandbox.control('GET', 'webhooks')) as any[];
		expect(hook).toMatchObject({
			id: '1',
			name: 'n8n price sync',
			url: `${receiverUrl}/abc/webhook`,
			events: [
				{ id: 'com.xentral.salesPrice.created.v1' },
				{ id: 'com.xentral.salesPrice.deleted.v1' },
			],
		});
		expect(hook.signatureKey).toMatch(/^[0-9a-f]{64}$/);
		expect(hook.signatureKey).toBe(signatureKeyFor(XENTRAL_SANDBOX_TOKEN, hook.url));
		expect((staticData.webhookRegistration as any).secret).toBe(hook.signatureKey);
		expect(await hooks.checkExists.call(ctx)).toBe(true);

		expect(await hooks.delete.call(ctx)).toBe(true);
		expect(await xentral.sandbox.control('GET', 'webhooks')).toEqual([]);
		expect(staticData.webhookRegistration).toBeUndefined();
	});

	it('emits the signed sales-price events it subscribed to', async () => {
		await trigger.webhookMethods.default.create.call(hookContext());
		await xentral.direct('POST', '/api/v1/salesPrices', {
			product: { id: '14' },
			customer: { id: '2' },
			amount: 5,
			price: { amount: '7.50', currency: 'EUR' },
		});
		await xentral.direct('PATCH', '/api/v1/salesPrices/1', {
			price: { amount: '1.00', currency: 'EUR' },
		});
		await xentral.direct('DELETE', '/api/v1/salesPrices/2');
		await deliveries();
		expect(received.map((r) => r.status)).toEqual([200, 200]);
		expect(received[0].output).toEqual([
			{
				event: 'created',
				id: '7',
				productId: '14',
				customerId: '2',
				customerNumber: null,
				customerGroupId: null,
				fromQuantity: 5,
				price: 7.5,
				currency: 'EUR',
				validFrom: null,
				validTo: null,
			},
		]);
		expect(received[1].output).toEqual([expect.objectContaining({ event: 'deleted', id: '2' })]);
	});

	it('refuses a delivery with a wrong signature and runs no workflow', async () => {
		await trigger.webhookMethods.default.create.call(hookContext());
		const body = JSON.stringify({ type: 'com.xentral.salesPrice.deleted.v1', body: { id: 3 } });
		const forged = await fetch(`${receiverUrl}/abc/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-xentral-signature': 'a'.repeat(64) },
			body,
		});
		expect(forged.status).toBe(401);
		const unsigned = await fetch(`${receiverUrl}/abc/webhook`, { method: 'POST', body });
		expect(unsigned.status).toBe(401);
		expect(received.every((r) => r.output === undefined)).toBe(true);
	});

	it('refuses to register events the instance does not offer', async () => {
		parameters.events = ['renamed'];
		await expect(trigger.webhookMethods.default.create.call(hookContext())).rejects.toThrow(
			'This Xentral instance offers no webhook event com.xentral.salesPrice.renamed.v1',
		);
		expect(await xentral.sandbox.control('GET', 'webhooks')).toEqual([]);
	});
});

describe('without the registration in the static data', () => {
	it('deactivation still removes the webhook of its URL, and re-activation leaves one', async () => {
		const hooks = trigger.webhookMethods.default;
		await hooks.create.call(hookContext());
		// n8n may hand the hooks static data without what activation stored.
		staticData = {};
		await hooks.create.call(hookContext());
		expect((await xentral.sandbox.control('GET', 'webhooks')) as any[]).toHaveLength(1);
		staticData = {};
		await hooks.delete.call(hookContext());
		expect(await xentral.sandbox.control('GET', 'webhooks')).toEqual([]);
	});
});

/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- test infrastructure (vendor JSON), not shipped */
/**
 * Contract test: the requests the Xentral node sends to paths that the Xentral core spec
 * (shared/specs/xentral-core_24.48.10_openapi-3.0.json) still describes must validate against it:
 * contact persons, sales prices, the v1 customer delete, webhooks and payment methods. The v2
 * customer and address endpoints postdate that spec (see ../shared/api/xentral.md) and are not
 * checked here.
 *
 * The workflows run in process against the Xentral sandbox; each logged API request is replayed
 * to Prism mocking the spec (helpers in ./prism.ts).
 */
import { existsSync } from 'node:fs';
import type { IDataObject } from 'n8n-workflow';

import { rateLimitGate } from '../../nodes/shared/rateLimit';
import { XentralSalesPriceTrigger } from '../../nodes/XentralSalesPriceTrigger/XentralSalesPriceTrigger.node';
import { createHookContext } from '../harness/hookContext';
import { loadWorkflow, runWorkflow } from '../harness/runWorkflow';
import type { RunningSandbox, SandboxRequestLog } from '../harness/sandbox';
import { startSandbox, xentralSandboxCredential } from '../harness/sandbox';
import type { Prism, Replay } from './prism';
import { expectValid, PRISM_START_TIMEOUT_MS, sendToPrism, startPrism } from './prism';
import { assertSpecsPresent, XENTRAL_CORE_SPEC_FILE, xentralCoreSpec } from './specs';

let sandbox: RunningSandbox;
let prism: Prism;

jest.setTimeout(120_000);
beforeAll(async () => {
	assertSpecsPresent();
	if (!existsSync(xentralCoreSpec()))
		throw new Error(`Contract tests: no ${XENTRAL_CORE_SPEC_FILE} in the spec folder`);
	[sandbox, prism] = await Promise.all([startSandbox('xentral'), startPrism(xentralCoreSpec())]);
}, PRISM_START_TIMEOUT_MS + 30_000);
afterAll(async () => await Promise.all([sandbox?.stop(), prism?.stop()]));
beforeEach(async () => {
	rateLimitGate.reset();
	await sandbox.reset();
});

/** A logged request as Prism gets it: the same path, query and body, a stand-in token. */
function toReplay(logged: SandboxRequestLog): Replay {
	const headers: Record<string, string> = { authorization: 'Bearer test' };
	for (const name of ['content-type', 'accept'])
		if (logged.headers[name] !== undefined) headers[name] = logged.headers[name];
	return {
		method: logged.method,
		path: logged.path,
		query: logged.query ?? {},
		headers,
		body: logged.body,
	};
}

async function requestsOf(file: string, items: IDataObject[], pathPattern: RegExp) {
	const result = await runWorkflow(loadWorkflow(file), [xentralSandboxCredential(sandbox)], {
		items,
	});
	expect(result.error).toBeUndefined();
	const calls = (await sandbox.requests()).filter((r) => pathPattern.test(r.path));
	expect(calls.length).toBeGreaterThan(0);
	return calls.map(toReplay);
}

const CONTACTS = /^\/api\/v1\/customers\/\d+\/contactPerson/;
const PRICES = /^\/api\/v1\/salesPrices/;

describe('Xentral requests validate against the core spec 24.48.10 (Prism mock)', () => {
	it.each([
		[
			'Contact Person > Create',
			'Xentral/contactPerson-create.workflow.json',
			{ customerId: '1', name: 'Eva', email: 'e@x.example', department: 'V' },
			CONTACTS,
		],
		[
			'Contact Person > Get',
			'Xentral/contactPerson-get.workflow.json',
			{ customerId: '1', contactPersonId: '1' },
			CONTACTS,
		],
		[
			'Contact Person > Get Many',
			'Xentral/contactPerson-getAll.workflow.json',
			{ customerId: '1' },
			CONTACTS,
		],
		[
			'Contact Person > Update',
			'Xentral/contactPerson-update.workflow.json',
			{ customerId: '1', contactPersonId: '1', position: 'CEO' },
			CONTACTS,
		],
		[
			'Contact Person > Delete',
			'Xentral/contactPerson-delete.workflow.json',
			{ customerId: '1', contactPersonId: '1' },
			CONTACTS,
		],
		[
			'Sales Price > Create',
			'Xentral/salesPrice-create.workflow.json',
			{
				customerId: '2',
				productId: '14',
				fromQuantity: 2,
				price: 3.5,
				currency: 'EUR',
				validFrom: '2026-03-01',
			},
			PRICES,
		],
		['Sales Price > Get', 'Xentral/salesPrice-get.workflow.json', { salesPriceId: '1' }, PRICES],
		['Sales Price > Get Many', 'Xentral/salesPrice-getAll.workflow.json', {}, PRICES],
		[
			'Sales Price > Update',
			'Xentral/salesPrice-update.workflow.json',
			{ salesPriceId: '1', price: 2.25 },
			PRICES,
		],
		[
			'Sales Price > Delete',
			'Xentral/salesPrice-delete.workflow.json',
			{ salesPriceId: '1' },
			PRICES,
		],
		[
			'Customer > Delete (v1)',
			'Xentral/customer-delete.workflow.json',
			{ customerId: '3' },
			/^\/api\/v1\/customers\/\d+$/,
		],
	])('%s', async (_label, file, item, pattern) => {
		for (const request of await requestsOf(file, [item as IDataObject], pattern))
			expectValid(request, await sendToPrism(prism, request));
	});

	it('the payment-method list of the dropdown and the credential test', async () => {
		const request: Replay = {
			method: 'GET',
			path: '/api/v1/paymentMethods',
			query: { 'page[number]': '1', 'page[size]': '50' },
			headers: { authorization: 'Bearer test', accept: 'application/json' },
			body: undefined,
		};
		expectValid(request, await sendToPrism(prism, request));
	});

	it('Sales Price Trigger: webhook event types, registration and removal', async () => {
		const hooks = new XentralSalesPriceTrigger().webhookMethods.default;
		const ctx = createHookContext({
			type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
			parameters: { events: ['created', 'updated', 'deleted'] },
			credentials: [xentralSandboxCredential(sandbox)],
			nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
			staticData: {},
			webhookBaseUrl: 'https://n8n.example.com/webhook',
		});
		await hooks.create.call(ctx);
		await hooks.checkExists.call(ctx);
		await hooks.delete.call(ctx);
		const calls = (await sandbox.requests()).filter((r) => r.path.startsWith('/api/v1/webhook'));
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
			'GET /api/v1/webhooks',
			'GET /api/v1/webhookEventTypes',
			'POST /api/v1/webhooks',
			'GET /api/v1/webhooks/1',
			'DELETE /api/v1/webhooks/1',
			'GET /api/v1/webhooks',
		]);
		for (const call of calls) expectValid(toReplay(call), await sendToPrism(prism, toReplay(call)));
	});

	it('the check can fail: a body field the spec does not know is refused', async () => {
		const [post] = await requestsOf(
			'Xentral/salesPrice-create.workflow.json',
			[
				{
					customerId: '2',
					productId: '14',
					fromQuantity: 2,
					price: 3.5,
					currency: 'EUR',
					validFrom: '2026-03-01',
				},
			],
			/^\/api\/v1\/salesPrices$/,
		);
		const tampered = { ...post, body: { ...(post.body as any), unknownField: 1 } };
		expect(() => expectValid(tampered, { status: 0, violations: [], body: '' })).toThrow();
		const answer = await sendToPrism(prism, tampered);
		expect(answer.status).toBeGreaterThanOrEqual(400);
	});
});

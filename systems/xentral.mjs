// Xentral in the project's tooling: its package, its sandbox, the credentials pointing at that
// sandbox (n8n's import file and the jest harness's), its demo and its real-n8n trigger checks. One
// entry of the registry in systems/index.mjs; every tool reads it from there. Never shipped.
import assert from 'node:assert/strict';

import { seedState } from '../sandbox/xentral/data.mjs';
import { pollTriggerWorkflow, workflowWithInput } from './workflows.mjs';

/** The credential n8n and the jest harness get for the sandbox. */
const CREDENTIAL = { id: 'xentralSandbox', name: 'Xentral sandbox', type: 'xentralApi' };
const CREDENTIAL_REF = { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

/** The personal access token the Xentral sandbox accepts by default. */
export const XENTRAL_SANDBOX_TOKEN = 'sandbox-personal-access-token';

/** n8n's import format for the Xentral credential, pointing at a running Xentral sandbox. */
export function xentralSandboxCredentialFile(xentral) {
	return {
		...CREDENTIAL,
		data: { instance: xentral.url, token: xentral.credentials.token },
	};
}

/** A request to the Xentral sandbox as a third party (not through n8n); resolves with the status. */
async function sandboxCall(xentral, method, apiPath, body) {
	const res = await fetch(`${xentral.url}${apiPath}`, {
		method,
		headers: {
			authorization: `Bearer ${xentral.credentials.token}`,
			'content-type': 'application/json',
		},
		body: JSON.stringify(body),
	});
	return res.status;
}

/** The jest harness's Xentral credential for a sandbox process (its URL as the instance). */
function jestCredential(sandbox, overrides = {}) {
	return {
		...CREDENTIAL,
		data: { instance: sandbox.url, token: XENTRAL_SANDBOX_TOKEN, ...overrides },
	};
}

/**
 * A Xentral Trigger workflow (New Customer, polled every minute, into a No Operation node) with
 * the sandbox credential: the demo imports it ready to activate, the e2e run activates it.
 */
export function xentralTriggerWorkflow(triggerName = 'Xentral Trigger') {
	return pollTriggerWorkflow({
		id: 'demoXentralTrigger',
		name: 'Xentral Trigger (New Customer, poll every minute)',
		nodeId: 'xentral-trigger',
		triggerName,
		type: 'n8n-nodes-erp-customers.xentralTrigger',
		event: 'newCustomer',
		credentials: CREDENTIAL_REF,
	});
}

/**
 * A Xentral Sales Price Trigger workflow (webhook; created, updated and deleted) with the sandbox
 * credential: activating it registers the webhook at the sandbox, which then delivers signed events.
 */
export function xentralSalesPriceTriggerWorkflow(events = ['created', 'updated', 'deleted']) {
	return {
		id: 'demoXentralPriceHook',
		name: 'Xentral Sales Price Trigger (webhook)',
		active: false,
		nodes: [
			{
				id: 'price-trigger',
				name: 'Xentral Sales Price Trigger',
				type: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'xentral-sales-prices',
				parameters: { events, options: {} },
				credentials: CREDENTIAL_REF,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/** The Xentral demo workflows: every Xentral test workflow with sample input from the seed. */
function demoWorkflows() {
	const demos = [
		['customer-get', 'demoXentralCustomerGet', { customerId: '1' }],
		[
			'customer-getAll',
			'demoXentralCustomerGetAll',
			{ returnAll: false, limit: 10, key: 'id', op: 'greaterThan', value: '0' },
		],
		[
			'customer-create',
			'demoXentralCustomerCreate',
			{
				customerType: 'company',
				companyName: 'Nordlicht Handel GmbH',
				email: 'info@nordlicht.example',
			},
		],
		[
			'customer-upsert',
			'demoXentralCustomerUpsert',
			{ matchOn: 'number', number: 'DEMO-1', companyName: 'Demo AG', email: 'demo@example.com' },
		],
		[
			'customer-update',
			'demoXentralCustomerUpdate',
			{ customerId: '2', email: 'neu@example.com', department: 'Einkauf' },
		],
		['customer-delete', 'demoXentralCustomerDelete', { customerId: '25' }],
		['address-getAll', 'demoXentralAddressGetAll', { customerId: '1' }],
		[
			'address-get',
			'demoXentralAddressGet',
			{ customerId: '1', addressType: 'masterdata', deliveryAddressId: '' },
		],
		[
			'address-create',
			'demoXentralAddressCreate',
			{
				customerId: '1',
				addressType: 'deliveryaddress',
				name: 'Lager Nord',
				street: 'Hafenweg 2',
				city: 'Kiel',
				country: 'DE',
				zip: '24103',
			},
		],
		[
			'address-update',
			'demoXentralAddressUpdate',
			{ customerId: '1', addressType: 'masterdata', deliveryAddressId: '', city: 'Lübeck' },
		],
		[
			'address-delete',
			'demoXentralAddressDelete',
			{ customerId: '1', addressType: 'deliveryaddress', deliveryAddressId: '101' },
		],
		['contactPerson-getAll', 'demoXentralContacts', { customerId: '1' }],
		['contactPerson-get', 'demoXentralContactGet', { customerId: '1', contactPersonId: '1' }],
		[
			'contactPerson-create',
			'demoXentralContactCreate',
			{
				customerId: '1',
				name: 'Lena Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		],
		[
			'contactPerson-update',
			'demoXentralContactUpdate',
			{ customerId: '1', contactPersonId: '1', position: 'Leitung' },
		],
		['contactPerson-delete', 'demoXentralContactDelete', { customerId: '1', contactPersonId: '2' }],
		['salesPrice-getAll', 'demoXentralPrices', {}],
		['salesPrice-get', 'demoXentralPriceGet', { salesPriceId: '1' }],
		[
			'salesPrice-create',
			'demoXentralPriceCreate',
			{
				customerId: '1',
				productId: '14',
				fromQuantity: 10,
				price: 9.95,
				currency: 'EUR',
				validFrom: '2026-03-01',
			},
		],
		['salesPrice-update', 'demoXentralPriceUpdate', { salesPriceId: '1', price: 8.5 }],
		['salesPrice-delete', 'demoXentralPriceDelete', { salesPriceId: '2' }],
	];
	return demos.map(([file, id, input]) => {
		const wf = workflowWithInput(`Xentral/${file}.workflow.json`, id, input, (node) => {
			delete node.parameters.simplify;
		});
		return { ...wf, name: `Demo: ${wf.name}` };
	});
}

/** `$('Input Items').item.json.<field>`: the benchmark's input item, in any node of its chain. */
const input = (field) => `$('Input Items').item.json.${field}`;

/** The benchmark's facts of Xentral (their fields: systems/index.mjs). */
const bench = {
	node: 'n8n-nodes-erp-customers.xentral',
	isApi: (r) => r.path.startsWith('/api/'),
	// Xentral: 100 requests per minute per instance, every endpoint counted together.
	rate: { limit: 100, intervalSeconds: 60, per: 'instance' },
	read: {
		pageSize: 50,
		parameters: {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			simplify: false,
		},
		url: (sb) => `${sb.url}/api/v2/customers`,
		query: { 'page[size]': '50' },
		pageParameter: 'page[number]',
		complete:
			'={{ $response.body.extra.page.number * $response.body.extra.page.size >= $response.body.extra.totalCount }}',
		itemsField: 'data',
		idField: 'id',
	},
	get: {
		parameters: (id) => ({
			resource: 'customer',
			operation: 'get',
			customerId: { __rl: true, mode: 'id', value: id },
			simplify: false,
		}),
		url: (sb) => `${sb.url}/api/v2/customers/`,
		packageIdField: 'id',
		// The single customer comes in a `data` envelope.
		httpIdField: 'data.id',
	},
	upsert: {
		parameters: {
			resource: 'customer',
			operation: 'upsert',
			matchOn: 'number',
			customerType: 'company',
			companyName: `={{ ${input('name')} }}`,
			projectId: '1',
			additionalFields: { number: `={{ ${input('number')} }}` },
			options: { skipUnchanged: true },
			simplify: false,
		},
		find: (sb) => ({
			url: `${sb.url}/api/v2/customers`,
			query: {
				'filter[0][key]': 'number',
				'filter[0][op]': 'equals',
				'filter[0][value]': `={{ ${input('number')} }}`,
			},
		}),
		found: '={{ $json.data.length > 0 }}',
		update: (sb) => ({
			method: 'PATCH',
			url: `=${sb.url}/api/v2/customers/{{ $json.data[0].id }}`,
			jsonBody: `={{ JSON.stringify({ customerType: 'company', name: ${input('name')} }) }}`,
		}),
		create: (sb) => ({
			method: 'POST',
			url: `${sb.url}/api/v2/customers`,
			jsonBody: `={{ JSON.stringify({ customerType: 'company', name: ${input('name')}, number: ${input('number')}, project: { id: '1' } }) }}`,
		}),
		/**
		 * The fewest requests: lookups of 50 numbers at once (filter `in`), one write per change,
		 * and one read by ID of each customer the list shows unchanged. Xentral does not document
		 * the list's view of a customer as the full record, so "unchanged" read from it alone could
		 * skip a write that was needed (docs/xentral.md, Skip Unchanged).
		 */
		bestPlan: ({ count, existing, unchanged }) => ({
			'GET /v2/customers': Math.ceil(count / 50),
			'GET /v2/customers/{id}': unchanged,
			'PATCH /v2/customers/{id}': existing - unchanged,
			'POST /v2/customers': count - existing,
		}),
		existingKeys: (sb, n) => sb.state.customers.slice(0, n).map((c) => c.number),
		keyOfItem: (item) => item.number,
		item: (number, i, marker) => ({ number, name: `${marker} ${i}` }),
		/** Gives the customer the values its item sends; returns that item. */
		makeUnchanged: (c, number) => {
			Object.assign(c, { customerType: 'company', name: `Bench Co ${number}` });
			return { number, name: c.name };
		},
		customersWithKey: (sb, number) => sb.state.customers.filter((c) => c.number === number),
		holds: (c, item) => c.name === item.name,
	},
	pollTrigger: { title: 'Xentral Trigger, New Customer', workflow: () => xentralTriggerWorkflow() },
};

/** The entry (its fields: systems/index.mjs). */
export default {
	key: 'xentral',
	title: 'Xentral',
	package: {
		name: 'n8n-nodes-xentral',
		docsPage: 'xentral.md',
		description:
			'n8n nodes for customer master data in Xentral: customers, addresses, contact persons and sales prices, with triggers for new customers and sales-price changes.',
		keywords: ['xentral', 'erp', 'customers', 'sales-prices'],
		nodes: ['Xentral', 'XentralTrigger', 'XentralSalesPriceTrigger'],
		credentials: ['XentralApi'],
	},
	sandbox: {
		folder: 'xentral',
		start: async (options) =>
			(await import('../sandbox/xentral/server.mjs')).startXentralSandbox(options),
		seed: seedState,
		demoPort: { env: 'XENTRAL_SANDBOX_PORT', port: 4200 },
		offsetLessTimes: '--offsetless-times',
		customers: { keyOf: (c) => c.id, created: 'createdAt', changed: 'updatedAt' },
	},
	credential: {
		...CREDENTIAL,
		n8n: xentralSandboxCredentialFile,
		jest: jestCredential,
		sandboxToken: XENTRAL_SANDBOX_TOKEN,
		target: (sandbox) => sandbox.url,
	},
	demo: {
		workflows: demoWorkflows,
		triggers: [
			{
				workflow: xentralTriggerWorkflow,
				hint: 'click "Activate", then create a customer',
				active: true,
			},
			{
				workflow: xentralSalesPriceTriggerWorkflow,
				hint: 'click "Activate", then change a price',
				active: false,
			},
		],
	},
	e2e: {
		sandboxOptions: {},
		trigger: {
			name: 'xentral trigger > credential test, output schemas, n8n polls New Customer, runs signed sales-price webhooks and refuses a forged one',
			// A revoked token: the refusal says where to issue a new one.
			credentialTest: {
				spoil: { token: 'sandbox-expired-token' },
				refusal: /Personal Access Tokens/,
				reads: (r) => r.method === 'GET' && r.path === '/api/v1/paymentMethods',
			},
			schemas: [
				['xentral/1.0.0/customer/get.json', 'company'],
				['xentralTrigger/1.0.0.json', 'legacyId'],
				['xentralSalesPriceTrigger/1.0.0.json', 'productId'],
			],
			checks: (xentral) => [
				{
					poll: true,
					workflow: { ...xentralTriggerWorkflow(), id: 'e2eXentralTrigger' },
					trigger: 'Xentral Trigger',
					polls: () =>
						xentral.requests.filter((r) => r.method === 'GET' && r.path === '/api/v2/customers'),
					async change() {
						const created = await sandboxCall(xentral, 'POST', '/api/v2/customers', {
							customerType: 'company',
							name: 'Trigger E2E GmbH',
							project: { id: '1' },
						});
						assert.equal(created, 201);
						const id = String(xentral.state.nextIds.customer);
						return (emitted) =>
							assert.deepEqual(
								emitted.map((c) => [c.id, c.company, c.source]),
								[[id, 'Trigger E2E GmbH', 'xentral']],
							);
					},
				},
				{
					workflow: {
						...xentralSalesPriceTriggerWorkflow(['created', 'deleted']),
						id: 'e2eXentralPriceHook',
					},
					trigger: 'Xentral Sales Price Trigger',
					registrations: () => xentral.state.webhooks,
					checkRegistration: (hook, url) => {
						assert.equal(hook.url, `${url}/webhook/xentral-sales-prices/webhook`);
						assert.match(hook.signatureKey, /^[0-9a-f]{64}$/);
					},
					async deliver() {
						const created = await sandboxCall(xentral, 'POST', '/api/v1/salesPrices', {
							product: { id: '14' },
							customer: { id: '3' },
							amount: 2,
							price: { amount: '5.00', currency: 'EUR' },
						});
						assert.equal(created, 201);
						return ([event]) => {
							assert.equal(event.event, 'created');
							assert.equal(event.productId, '14');
							assert.equal(event.price, 5);
						};
					},
					forgeries: [
						{
							headers: { 'x-xentral-signature': '0'.repeat(64) },
							body: { type: 'com.xentral.salesPrice.deleted.v1', body: { id: 1 } },
						},
					],
				},
			],
		},
	},
	bench,
	schemas: [
		{
			folder: 'nodes/Xentral',
			module: 'nodes/Xentral/helpers/outputShapes',
			export: 'XENTRAL_OUTPUT_SHAPES',
			skipUnchanged: true,
			router: 'nodes/Xentral/actions/router',
		},
		{
			folder: 'nodes/XentralTrigger',
			module: 'nodes/Xentral/helpers/outputShapes',
			export: 'XENTRAL_TRIGGER_OUTPUT_SHAPE',
		},
		{
			folder: 'nodes/XentralSalesPriceTrigger',
			module: 'nodes/Xentral/helpers/outputShapes',
			export: 'XENTRAL_SALES_PRICE_TRIGGER_OUTPUT_SHAPE',
		},
	],
};

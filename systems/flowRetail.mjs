// Flow Retail in the project's tooling: its package, its sandbox, the credentials pointing at
// that sandbox (n8n's import file and the jest harness's), its demo and its real-n8n trigger checks.
// One entry of the registry in systems/index.mjs; every tool reads it from there. Never shipped.
import assert from 'node:assert/strict';

import { seedState } from '../sandbox/flowRetail/data.mjs';
import { noOperationNode, pollTriggerWorkflow, workflowWithInput } from './workflows.mjs';

/** The credential n8n and the jest harness get for the sandbox. */
const CREDENTIAL = { id: 'flowRetailSandbox', name: 'Flow Retail sandbox', type: 'flowRetailApi' };

/** n8n's import format for the Flow Retail credential, pointing at a running Flow Retail sandbox. */
export function flowRetailSandboxCredentialFile(flow) {
	return {
		...CREDENTIAL,
		data: {
			environment: 'custom',
			baseUrl: flow.apiBase,
			tenantUid: flow.credentials.tenantUid,
			token: flow.credentials.token,
		},
	};
}

/** The jest harness's Flow Retail credential for a sandbox process (its default tenant and token). */
function jestCredential(sandbox, overrides = {}) {
	return {
		...CREDENTIAL,
		data: {
			environment: 'custom',
			baseUrl: sandbox.apiBase,
			tenantUid: 'sandbox-tenant',
			token: 'flow-sandbox-integration-token',
			...overrides,
		},
	};
}

/**
 * A Flow Retail Trigger workflow (customer created or updated, full customer fetched) into a No
 * Operation node, with the sandbox credential: activating it registers an HTTP transport.
 */
export function flowRetailTriggerWorkflow(id = 'demoFlowTrigger') {
	return {
		id,
		name: 'Flow Retail Trigger (customer created or updated, webhook)',
		active: false,
		nodes: [
			{
				id: 'flow-trigger',
				name: 'Flow Retail Trigger',
				type: 'n8n-nodes-erp-customers.flowRetailTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: '5f0e7c1a-6a43-4f43-9d8e-2f1b7e3c9a01',
				parameters: { events: ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE'], options: {} },
				credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
			noOperationNode(),
		],
		connections: {
			'Flow Retail Trigger': { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/** The Flow Retail demo workflows: one per operation, with sample input for the seeded sandbox. */
function demoWorkflows() {
	const c = { customerUid: 'cust-0001' };
	const demos = [
		['customer-getAll', { limit: 10 }],
		[
			'customer-create',
			{
				firstname: 'Kari',
				lastname: 'Nordmann',
				countryCode: 'NO',
				email: 'kari@example.no',
				city: 'Oslo',
			},
		],
		['customer-search', { query: 'Oslo' }],
		['customer-externalSearch', { query: 'VOY' }],
		['customer-export', c],
		['customer-get', c],
		['customer-getForStore', { storeUid: 'store-oslo', ...c }],
		['customer-update', { ...c, city: 'Bergen', ehfEnabled: true }],
		['customer-delete', { customerUid: 'cust-0025' }],
		['customer-addExtension', { ...c, storeUid: 'store-oslo' }],
		['customer-removeExtension', { ...c, storeUid: 'store-oslo' }],
		['customer-batch', { firstname: 'Batch', lastname: 'Kunde', countryCode: 'NO' }],
		[
			'customer-upsert',
			{ externalId: 'DEMO-1', firstname: 'Demo', lastname: 'Kunde', city: 'Oslo' },
		],
		[
			'customerContact-create',
			{ ...c, firstname: 'Per', lastname: 'Ås', email: 'per@example.no', uid: 'demo-contact' },
		],
		['customerContact-get', { ...c, recordUid: 'demo-contact' }],
		['customerContact-getAll', c],
		['customerContact-update', { ...c, recordUid: 'demo-contact', email: 'per.as@example.no' }],
		['customerContact-delete', { ...c, recordUid: 'demo-contact' }],
		[
			'customerAddress-create',
			{ ...c, type: 'DELIVERY_ADDRESS', street: 'Storgata 1', city: 'Oslo', uid: 'demo-address' },
		],
		['customerAddress-get', { ...c, recordUid: 'demo-address' }],
		['customerAddress-getAll', c],
		['customerAddress-update', { ...c, recordUid: 'demo-address', city: 'Drammen' }],
		['customerAddress-delete', { ...c, recordUid: 'demo-address' }],
		['customerGroup-create', { name: 'VIP', uid: 'demo-vip' }],
		['customerGroup-get', { recordUid: 'group-1' }],
		['customerGroup-getAll', {}],
		['customerGroup-update', { recordUid: 'group-1', name: 'Retail (renamed)' }],
		['priceList-create', { name: 'Outlet', externalId: 'OUT', uid: 'demo-outlet' }],
		['priceList-get', { recordUid: 'pricelist-1' }],
		['priceList-getAll', { externalId: 'PL-1' }],
		['priceList-update', { recordUid: 'pricelist-1', name: 'Standard (renamed)' }],
		['price-create', { pricelistUid: 'pricelist-1', productUid: 'product-9', price: 12900 }],
		['price-get', { pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1' }],
		['price-getAll', { pricelistUid: 'pricelist-1' }],
		[
			'price-update',
			{ pricelistUid: 'pricelist-1', recordUid: 'pricelist-1-price-1', price: 9900 },
		],
	];
	return demos.map(([file, input], index) => {
		const id = `demoFlow${String(index + 1).padStart(2, '0')}`;
		const wf = workflowWithInput(`FlowRetail/${file}.workflow.json`, id, input);
		return { ...wf, name: `Demo: ${wf.name}` };
	});
}

/** `$('Input Items').item.json.<field>`: the benchmark's input item, in any node of its chain. */
const input = (field) => `$('Input Items').item.json.${field}`;

/** The Flow Retail body of the benchmark's upserts, from the input item. */
const upsertBody = (withKey) =>
	`={{ JSON.stringify({ ${withKey ? `externalId: ${input('externalId')}, ` : ''}firstname: ${input('firstname')}, lastname: ${input('lastname')}, countryCode: 'NO', city: ${input('city')} }) }}`;

/** The Flow Retail Poll Trigger (Updated Customer, every minute) with the sandbox credential. */
export function flowRetailPollTriggerWorkflow() {
	return pollTriggerWorkflow({
		id: 'demoFlowPollTrigger',
		name: 'Flow Retail Poll Trigger (Updated Customer, poll every minute)',
		nodeId: 'flow-poll-trigger',
		triggerName: 'Flow Retail Poll Trigger',
		type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
		event: 'updatedCustomer',
		credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	});
}

/** The benchmark's facts of Flow Retail (their fields: systems/index.mjs). */
const bench = {
	node: 'n8n-nodes-erp-customers.flowRetail',
	isApi: (r) => r.path.startsWith('/v2/'),
	// No limit is documented.
	rate: null,
	// The sandbox's rate limit (its 429 switch, per endpoint), set to bite at the run's size.
	throttled: {
		per: 'endpoint',
		intervalSeconds: 10,
		limit: (count) => Math.max(5, Math.ceil(count / 10)),
	},
	read: {
		// The node's Page Size default.
		pageSize: 1000,
		parameters: {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			externalId: '',
			sortBy: '',
			sortDirection: 'ASC',
			simplify: false,
		},
		url: (sb) => `${sb.apiBase}/tenants/${sb.credentials.tenantUid}/customers`,
		query: { pageSize: '1000' },
		pageParameter: 'pageNumber',
		complete:
			'={{ $response.body.paging.pageNumber * $response.body.paging.pageSize >= $response.body.paging.totalCount }}',
		itemsField: 'items',
		idField: 'customerUid',
	},
	get: {
		parameters: (id) => ({
			resource: 'customer',
			operation: 'get',
			customerUid: { __rl: true, mode: 'id', value: id },
			simplify: false,
		}),
		url: (sb) => `${sb.apiBase}/tenants/${sb.credentials.tenantUid}/customers/`,
		packageIdField: 'customerUid',
		httpIdField: 'customerUid',
	},
	upsert: {
		parameters: {
			resource: 'customer',
			operation: 'upsert',
			externalId: `={{ ${input('externalId')} }}`,
			fields: {
				firstname: `={{ ${input('firstname')} }}`,
				lastname: `={{ ${input('lastname')} }}`,
				countryCode: 'NO',
				city: `={{ ${input('city')} }}`,
			},
			options: { skipUnchanged: true },
			simplify: false,
		},
		find: (sb) => ({
			url: `${sb.apiBase}/tenants/${sb.credentials.tenantUid}/customers`,
			query: { customerExternalId: `={{ ${input('externalId')} }}` },
		}),
		found: '={{ $json.items.length > 0 }}',
		update: (sb) => ({
			method: 'PUT',
			url: `=${sb.apiBase}/tenants/${sb.credentials.tenantUid}/customers/{{ $json.items[0].customerUid }}`,
			jsonBody: upsertBody(false),
		}),
		create: (sb) => ({
			method: 'POST',
			url: `${sb.apiBase}/tenants/${sb.credentials.tenantUid}/customers`,
			jsonBody: upsertBody(true),
		}),
		/** The fewest requests: one read of the list (1,000 a page), batches of 100 changes. */
		bestPlan: ({ count, existing, unchanged }) => ({
			'GET /customers': Math.ceil(existing / 1000),
			'POST /customers/batch': Math.ceil((count - unchanged) / 100),
		}),
		/** The first `n` customers, each given an external ID (the seed gives one to every third). */
		existingKeys: (sb, n) =>
			sb.state.customers.slice(0, n).map((c, i) => {
				c.externalId = `BX${String(i + 1).padStart(5, '0')}`;
				return c.externalId;
			}),
		keyOfItem: (item) => item.externalId,
		item: (externalId, i, marker) => ({
			externalId,
			firstname: 'Bench',
			lastname: `Kunde ${i}`,
			city: marker,
		}),
		/** Gives the customer the values its item sends; returns that item. */
		makeUnchanged: (c, externalId) => {
			Object.assign(c, {
				customerType: 'PERSON',
				firstname: 'Bench',
				lastname: `Kunde ${externalId}`,
				countryCode: 'NO',
			});
			return { externalId, firstname: c.firstname, lastname: c.lastname, city: c.city };
		},
		customersWithKey: (sb, externalId) =>
			sb.state.customers.filter((c) => c.externalId === externalId),
		holds: (c, item) => c.city === item.city && c.lastname === item.lastname,
	},
	pollTrigger: {
		title: 'Flow Retail Poll Trigger, Updated Customer',
		workflow: flowRetailPollTriggerWorkflow,
	},
};

/** The entry (its fields: systems/index.mjs). */
export default {
	key: 'flow',
	title: 'Flow Retail',
	package: {
		name: 'n8n-nodes-flow-retail',
		docsPage: 'flow-retail.md',
		description:
			'n8n nodes for customer master data in Flow Retail (API v2): customers, contacts, addresses, customer groups, price lists and prices, with webhook and polling triggers.',
		keywords: ['flow-retail', 'pos', 'retail', 'customers'],
		nodes: ['FlowRetail', 'FlowRetailTrigger', 'FlowRetailPollTrigger'],
		credentials: ['FlowRetailApi'],
	},
	sandbox: {
		folder: 'flowRetail',
		start: async (options) =>
			(await import('../sandbox/flowRetail/server.mjs')).startFlowRetailSandbox(options),
		seed: seedState,
		demoPort: { env: 'FLOW_SANDBOX_PORT', port: 4300 },
		offsetLessTimes: '--local-times',
		customers: { keyOf: (c) => c.customerUid, created: 'createdAt', changed: 'lastModifiedAt' },
	},
	credential: {
		...CREDENTIAL,
		n8n: flowRetailSandboxCredentialFile,
		jest: jestCredential,
		target: (sandbox) => sandbox.apiBase,
	},
	demo: {
		workflows: demoWorkflows,
		triggers: [
			{
				workflow: () => flowRetailTriggerWorkflow(),
				hint: 'click "Activate": it registers a webhook; then create a customer',
				active: true,
			},
		],
	},
	e2e: {
		sandboxOptions: { webhookBackoffMs: 200 },
		trigger: {
			name: 'flow trigger > credential test, output schemas, activation registers a transport, a sandbox delivery runs the workflow, forged ones are refused',
			// The "Test" request: GET /tenants/{t}/customers?pageSize=1 with the token.
			credentialTest: {
				spoil: { token: 'not-the-token' },
				reads: (r, flow) =>
					r.method === 'GET' && r.path.endsWith(`/tenants/${flow.credentials.tenantUid}/customers`),
			},
			schemas: [
				['flowRetail/1.0.0/customer/get.json', 'legacyId'],
				['flowRetailTrigger/1.0.0.json', 'customerUid'],
				['flowRetailPollTrigger/1.0.0.json', 'legacyId'],
			],
			checks: (flow) => [
				{
					workflow: flowRetailTriggerWorkflow('e2eFlowTrigger'),
					trigger: 'Flow Retail Trigger',
					registrations: () => flow.state.transports,
					checkRegistration: (transport, url) => {
						assert.equal(transport.securityType, 'BEARER_TOKEN');
						assert.match(transport.url, new RegExp(`^${url}/webhook/`));
						assert.deepEqual(transport.actions, ['CUSTOMER_CREATE', 'CUSTOMER_UPDATE']);
					},
					async deliver() {
						const res = await fetch(
							`${flow.apiBase}/tenants/${flow.credentials.tenantUid}/customers`,
							{
								method: 'POST',
								headers: {
									authorization: `Bearer ${flow.credentials.token}`,
									'content-type': 'application/json',
								},
								body: JSON.stringify({
									customerUid: 'e2e-webhook-1',
									firstname: 'Webhook',
									lastname: 'Kunde',
									countryCode: 'NO',
									city: 'Tromsø',
								}),
							},
						);
						assert.equal(res.status, 201, `create customer: ${await res.text()}`);
						return (emitted) => {
							assert.equal(emitted.length, 1, JSON.stringify(emitted));
							assert.equal(emitted[0].action, 'CUSTOMER_CREATE');
							assert.equal(emitted[0].customerUid, 'e2e-webhook-1');
							assert.equal(emitted[0].customer.city, 'Tromsø');
							assert.equal(emitted[0].customer.source, 'flowRetail');
						};
					},
					async delivered() {
						await flow.settleDeliveries();
						assert.deepEqual(
							flow.deliveries().map((d) => d.outcome),
							['delivered'],
						);
					},
					// No token, then a wrong one.
					forgeries: [undefined, 'Bearer forged'].map((authorization) => ({
						headers: authorization ? { authorization } : {},
						body: { action: 'CUSTOMER_CREATE', customer: { Id: 1, Uid: 'cust-0001' } },
					})),
				},
			],
		},
	},
	bench,
	schemas: [
		{
			folder: 'nodes/FlowRetail',
			module: 'nodes/FlowRetail/helpers/outputShapes',
			export: 'FLOW_OUTPUT_SHAPES',
			skipUnchanged: true,
			router: 'nodes/FlowRetail/actions/router',
			unshaped: 'FLOW_UNSHAPED_OPERATIONS',
		},
		{
			folder: 'nodes/FlowRetailTrigger',
			module: 'nodes/FlowRetail/helpers/outputShapes',
			export: 'FLOW_TRIGGER_OUTPUT_SHAPE',
		},
		{
			folder: 'nodes/FlowRetailPollTrigger',
			module: 'nodes/FlowRetail/helpers/outputShapes',
			export: 'FLOW_POLL_TRIGGER_OUTPUT_SHAPE',
		},
	],
};

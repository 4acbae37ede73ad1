// JTL-Wawi in the project's tooling: its package, its sandbox, the credentials pointing at that
// sandbox (n8n's import file and the jest harness's), its demo and its real-n8n trigger checks. One
// entry of the registry in systems/index.mjs; every tool reads it from there. Never shipped.
import assert from 'node:assert/strict';

import { seedState } from '../sandbox/jtl/data.mjs';
import { directCall } from '../test/e2e/cases/jtl-seed.mjs';
import { pollTriggerWorkflow, workflowWithInput } from './workflows.mjs';

/** The credential n8n and the jest harness get for the sandbox. */
const CREDENTIAL = { id: 'jtlSandbox', name: 'JTL-Wawi sandbox', type: 'jtlWawiOAuth2Api' };

/** n8n's import format for the JTL credential, pointing at a running JTL sandbox. */
export function jtlSandboxCredentialFile(jtl) {
	return {
		...CREDENTIAL,
		data: {
			environment: 'custom',
			baseUrl: jtl.apiBase,
			customTokenUrl: jtl.tokenUrl,
			clientId: jtl.credentials.clientId,
			clientSecret: jtl.credentials.clientSecret,
			tenantId: jtl.credentials.tenantId,
			appId: 'n8n-nodes-erp-customers/0.1.0',
			appVersion: '0.1.0',
		},
	};
}

/** The jest harness's JTL credential for a sandbox process (its default client and tenant). */
function jestCredential(sandbox, overrides = {}) {
	return {
		...CREDENTIAL,
		data: {
			environment: 'custom',
			baseUrl: sandbox.apiBase,
			customTokenUrl: sandbox.tokenUrl,
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-secret',
			tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
			...overrides,
		},
	};
}

/**
 * A JTL-Wawi Trigger workflow (Updated Customer, polled every minute, into a No Operation node)
 * with the sandbox credential: the demo imports it ready to activate, the e2e run activates it.
 */
export function jtlTriggerWorkflow(triggerName = 'JTL-Wawi Trigger') {
	return pollTriggerWorkflow({
		id: 'demoJtlTrigger',
		name: 'JTL-Wawi Trigger (Updated Customer, poll every minute)',
		nodeId: 'jtl-trigger',
		triggerName,
		type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
		event: 'updatedCustomer',
		credentials: { [CREDENTIAL.type]: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
	});
}

/** The demo workflows: every test workflow with sample input, runnable from the editor. */
function demoWorkflows(jtl) {
	const customer = jtl.state.customers[0];
	const [contact, otherContact] = jtl.state.contacts.filter((c) => c.customerId === customer.id);
	const price =
		jtl.state.prices.find((p) => p.netPrice !== null && p.netPrice !== undefined) ??
		jtl.state.prices[0];
	const demos = [
		['customer-get', 'demoJtlCustomerGet', { customerId: customer.id }],
		['customer-getAll', 'demoJtlCustomerGetAll', { limit: 10 }],
		[
			'customer-create',
			'demoJtlCustomerCreate',
			{ company: 'Nordlicht Handel GmbH', city: 'Kiel' },
		],
		['customer-upsert', 'demoJtlCustomerUpsert', { number: 'DEMO-1', city: 'Kiel' }],
		[
			'customer-update',
			'demoJtlCustomerUpdate',
			{ customerUuid: customer.uuid, addressUuid: customer.addresses[0].uuid, debtor: 40001 },
		],
		[
			'customer-delete',
			'demoJtlCustomerDelete',
			{ customerId: jtl.state.customers[jtl.state.customers.length - 1].id },
		],
		['address-getAll', 'demoJtlAddressGetAll', { customerId: customer.uuid }],
		[
			'address-update',
			'demoJtlAddressUpdate',
			{
				customerUuid: customer.uuid,
				addressUuid: customer.addresses[0].uuid,
				street: 'Elbchaussee 1',
			},
		],
		['address-add', 'demoJtlAddressAdd', { customerUuid: customer.uuid }],
		['contact-getAll', 'demoJtlContacts', { customerId: customer.id }],
		['contact-get', 'demoJtlContactGet', { customerId: customer.id, contactId: contact?.id }],
		[
			'contact-create',
			'demoJtlContactCreate',
			{
				customerId: customer.id,
				salutation: 'Frau',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena.vogel@example.com',
				department: 'Einkauf',
			},
		],
		[
			'contact-update',
			'demoJtlContactUpdate',
			{
				customerId: customer.id,
				contactId: contact?.id,
				lastName: 'Neumann',
				phone: '+49 40 1234',
			},
		],
		[
			'contact-delete',
			'demoJtlContactDelete',
			{ customerId: customer.id, contactId: otherContact?.id },
		],
		['customerPrice-getAll', 'demoJtlPrices', { itemId: 1, limit: 50 }],
		[
			'customerPrice-create',
			'demoJtlPriceCreate',
			{ itemId: 1, customerId: customer.id, fromQuantity: 500, netPrice: 9.95 },
		],
		[
			'customerPrice-update',
			'demoJtlPriceUpdate',
			{
				itemId: price.itemId,
				customerId: price.customerId,
				fromQuantity: price.fromQuantity,
				priceType: 'netPrice',
				netPrice: 8.5,
			},
		],
		[
			'customerPrice-delete',
			'demoJtlPriceDelete',
			{ itemId: price.itemId, customerId: price.customerId, fromQuantity: price.fromQuantity },
		],
	];
	// In the demo, the dropdowns show picked values rather than the tests' expressions.
	const pickFromLists = (node) => {
		if ('customerGroupId' in node.parameters) node.parameters.customerGroupId = 1;
		if ('companyId' in node.parameters) node.parameters.companyId = 1;
		// Simplify at its default (on), as a new node has it; the tests turn it off.
		delete node.parameters.simplify;
	};
	return demos.map(([file, id, input]) => {
		const wf = workflowWithInput(`JtlWawi/${file}.workflow.json`, id, input, pickFromLists);
		return { ...wf, name: `Demo: ${wf.name}` };
	});
}

/** The main billing address of a sandbox customer. */
const billingOf = (c) => c.addresses.find((a) => a.type === 0 && a.isDefault);

/** `$('Input Items').item.json.<field>`: the benchmark's input item, in any node of its chain. */
const input = (field) => `$('Input Items').item.json.${field}`;

/** The JTL v1 body of the benchmark's upserts, from the input item { number, company, city }. */
const UPSERT_BODY = `={{ JSON.stringify({ Number: ${input('number')}, CustomerGroupId: 1, InternalCompanyId: 1, LanguageIso: 'DE', BillingAddress: { Company: ${input('company')}, City: ${input('city')}, CountryIso: 'DE' } }) }}`;

/** The benchmark's facts of JTL-Wawi (their fields: systems/index.mjs). */
const bench = {
	node: 'n8n-nodes-erp-customers.jtlWawi',
	isApi: (r) => r.path.startsWith('/erp/'),
	isToken: (r) => r.path === '/oauth2/token',
	// A reseed forgets the issued tokens; n8n keeps its token, so the benchmark keeps them valid.
	keepOnReseed: ['tokens', 'tokensIssued'],
	// The OAuth2 credential cannot add the tenant and app headers in HTTP Request (docs/http-request.md).
	httpHeaders: (sb) => ({
		'x-tenant-id': sb.credentials.tenantId,
		'x-appid': 'n8n-http-request/2.41.1',
		'x-appversion': '2.41.1',
	}),
	// JTL: 60 requests per 10 s per endpoint (method and route), fixed windows.
	rate: { limit: 60, intervalSeconds: 10, per: 'endpoint' },
	read: {
		pageSize: 100,
		parameters: {
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters: {},
			sort: {},
			simplify: false,
		},
		url: (sb) => `${sb.apiBase}/v2/customers`,
		query: { pageSize: '100' },
		pageParameter: 'pageNumber',
		complete: '={{ $response.body.hasNextPage === false }}',
		itemsField: 'items',
		idField: 'id',
	},
	get: {
		parameters: (id) => ({
			resource: 'customer',
			operation: 'get',
			customerId: { __rl: true, mode: 'id', value: id },
			simplify: false,
		}),
		url: (sb) => `${sb.apiBase}/v2/customers/`,
		packageIdField: 'id',
		httpIdField: 'id',
	},
	upsert: {
		parameters: {
			resource: 'customer',
			operation: 'upsert',
			customerNumber: `={{ ${input('number')} }}`,
			customerGroupId: 1,
			companyId: 1,
			languageIso: 'DE',
			billingAddress: {
				Company: `={{ ${input('company')} }}`,
				City: `={{ ${input('city')} }}`,
				CountryIso: 'DE',
			},
			additionalFields: {},
			paymentSettings: {},
			shippingAddress: {},
			options: { skipUnchanged: true },
			// The vendor's record, as the HTTP Request flow returns it.
			simplify: false,
		},
		find: (sb) => ({
			url: `${sb.apiBase}/customers`,
			query: { number: `={{ ${input('number')} }}` },
		}),
		found: '={{ $json.Items.length > 0 }}',
		update: (sb) => ({
			method: 'PATCH',
			url: `=${sb.apiBase}/customers/{{ $json.Items[0].Id }}`,
			jsonBody: UPSERT_BODY,
		}),
		create: (sb) => ({ method: 'POST', url: `${sb.apiBase}/customers`, jsonBody: UPSERT_BODY }),
		/** The fewest requests per route: one read of the list (100 a page), one write per change. */
		bestPlan: ({ count, existing, unchanged }) => ({
			'GET /customers': Math.ceil(existing / 100),
			'PATCH /customers/{id}': existing - unchanged,
			'POST /customers': count - existing,
		}),
		existingKeys: (sb, n) => sb.state.customers.slice(0, n).map((c) => c.number),
		keyOfItem: (item) => item.number,
		item: (number, i, marker) => ({ number, company: `Bench Co ${i}`, city: marker }),
		/** Gives the customer the values its item sends; returns that item. */
		makeUnchanged: (c, number) => {
			Object.assign(c, { groupId: 1, companyId: 1, languageIso: 'DE' });
			const address = billingOf(c);
			Object.assign(address, { company: `Bench Co ${number}`, countryIso: 'DE' });
			return { number, company: address.company, city: address.city };
		},
		customersWithKey: (sb, number) => sb.state.customers.filter((c) => c.number === number),
		holds: (c, item) => billingOf(c)?.city === item.city,
	},
	pollTrigger: {
		title: 'JTL-Wawi Trigger, Updated Customer',
		workflow: () => jtlTriggerWorkflow(),
	},
};

/** The entry (its fields: systems/index.mjs). */
export default {
	key: 'jtl',
	title: 'JTL-Wawi',
	package: {
		name: 'n8n-nodes-jtl-wawi',
		docsPage: 'jtl-wawi.md',
		description:
			'n8n nodes for customer master data in JTL-Wawi (JTL Cloud ERP API): customers, addresses, contacts and customer prices, with a trigger for new and changed customers.',
		keywords: ['jtl', 'jtl-wawi', 'jtl-cloud', 'erp', 'customers'],
		nodes: ['JtlWawi', 'JtlWawiTrigger'],
		credentials: ['JtlWawiOAuth2Api'],
	},
	sandbox: {
		folder: 'jtl',
		start: async (options) => (await import('../sandbox/jtl/server.mjs')).startJtlSandbox(options),
		seed: seedState,
		demoPort: { env: 'JTL_SANDBOX_PORT', port: 4100 },
		offsetLessTimes: '--offset-less-times',
		customers: { keyOf: (c) => c.uuid, created: 'createdAt', changed: 'lastChanged' },
	},
	credential: {
		...CREDENTIAL,
		n8n: jtlSandboxCredentialFile,
		jest: jestCredential,
		target: (sandbox) => sandbox.apiBase,
	},
	demo: {
		workflows: demoWorkflows,
		triggers: [
			{
				workflow: jtlTriggerWorkflow,
				hint: 'click "Activate", then change a customer',
				active: true,
			},
		],
	},
	e2e: {
		sandboxOptions: {},
		trigger: {
			name: 'JTL trigger > credential test, output schemas, and n8n polls an active workflow and emits a changed customer once',
			credentialTest: {
				spoil: { clientSecret: 'not-the-secret' },
				reads: (r) => r.method === 'GET' && r.path === '/erp/info',
			},
			schemas: [
				['jtlWawi/1.0.0/customer/get.json', 'legacyId'],
				['jtlWawi/1.0.0/contact/getAll.json', 'department'],
				['jtlWawiTrigger/1.0.0.json', 'legacyId'],
			],
			// Fresh records and clock, and the tokens issued so far still valid: the n8n of the cases
			// holds one in its credential, as a user's n8n would.
			reset: (jtl) => {
				const tokens = [...jtl.state.tokens];
				jtl.reset();
				for (const [token, expiresAt] of tokens) jtl.state.tokens.set(token, expiresAt);
			},
			checks: (jtl) => [
				{
					poll: true,
					workflow: { ...jtlTriggerWorkflow(), id: 'e2eJtlTrigger' },
					trigger: 'JTL-Wawi Trigger',
					polls: () =>
						jtl.requests.filter((r) => r.method === 'GET' && r.path === '/erp/v2/customers'),
					// The poll at activation asks only for JTL's newest customer and stores JTL's time
					// from its Date header as the cursor.
					firstPoll: (r) =>
						assert.equal(r.query.pageSize, '1', 'the first poll reads one customer'),
					async change() {
						const target = jtl.state.customers[9];
						const res = await directCall(jtl, 'PATCH', `/customers/${target.id}`, {
							Website: 'https://trigger-e2e.example.com',
						});
						assert.equal(res.status, 201, `PATCH customer: ${JSON.stringify(res.body)}`);
						return (emitted) => {
							assert.deepEqual(
								emitted.map((j) => j.id),
								[target.uuid],
								`trigger output: ${JSON.stringify(emitted)}`,
							);
							assert.equal(emitted[0].updatedAt, new Date(target.lastChanged).toISOString());
							assert.equal(emitted[0].number, target.number);
							assert.equal(emitted[0].source, 'jtlWawi');
						};
					},
				},
			],
		},
	},
	bench,
	schemas: [
		{
			folder: 'nodes/JtlWawi',
			module: 'nodes/JtlWawi/helpers/outputShapes',
			export: 'JTL_OUTPUT_SHAPES',
			skipUnchanged: true,
			router: 'nodes/JtlWawi/actions/router',
		},
		{
			folder: 'nodes/JtlWawiTrigger',
			module: 'nodes/JtlWawi/helpers/outputShapes',
			export: 'JTL_TRIGGER_OUTPUT_SHAPE',
		},
	],
};

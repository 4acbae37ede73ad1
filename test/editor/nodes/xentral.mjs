// What the editor test needs to know of the Xentral nodes: their sandbox and credential, how a user
// finds them, which credential field holds the secret, and one read per resource to execute.
import { startXentralSandbox } from '../../../sandbox/xentral/server.mjs';
import { xentralSandboxCredentialFile } from '../../../systems/xentral.mjs';

/** The vendor's sandbox for the run, and the n8n credential that points at it. */
export async function editorSandbox() {
	const xentral = await startXentralSandbox({ port: 0 });
	return { sandbox: xentral, credential: xentralSandboxCredentialFile(xentral) };
}

/** @param {any} xentral the running sandbox */
export function editorCases(xentral) {
	const customer = { __rl: true, mode: 'id', value: '1' };
	return [
		{
			slug: 'xentral',
			search: 'Xentral',
			nodeType: 'n8n-nodes-erp-customers.xentral',
			dist: 'dist/nodes/Xentral/Xentral.node.js',
			screenshot: { resource: 'customer', operation: 'create' },
			// Part of a company name: "Alpenblick" for 10003 – Alpenblick Technik AG.
			partialSearch: {
				resource: 'customer',
				operation: 'get',
				field: 'customerId',
				type: 'Alpenblick',
				expect: '10003 – Alpenblick Technik AG',
			},
			credential: {
				id: 'xentralSandbox',
				name: 'Xentral sandbox',
				type: 'xentralApi',
				secretField: 'token',
				goodSecret: xentral.credentials.token,
			},
			executions: [
				{ resource: 'customer', operation: 'getAll', parameters: { limit: 5 } },
				{ resource: 'address', operation: 'getAll', parameters: { customerId: customer } },
				{ resource: 'contactPerson', operation: 'getAll', parameters: { customerId: customer } },
				{ resource: 'salesPrice', operation: 'getAll', parameters: { limit: 5 } },
			],
		},
		{
			slug: 'xentral-trigger',
			search: 'Xentral',
			trigger: 'On new customer',
			nodeType: 'n8n-nodes-erp-customers.xentralTrigger',
			dist: 'dist/nodes/XentralTrigger/XentralTrigger.node.js',
		},
		{
			// Its test event would wait for a delivery; its lifecycle runs in the e2e trigger cases.
			slug: 'xentral-sales-price-trigger',
			search: 'Xentral Sales Price',
			entry: /^On updated$/,
			webhook: true,
			nodeType: 'n8n-nodes-erp-customers.xentralSalesPriceTrigger',
			dist: 'dist/nodes/XentralSalesPriceTrigger/XentralSalesPriceTrigger.node.js',
		},
	];
}

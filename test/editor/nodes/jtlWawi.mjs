// What the editor test needs to know of the JTL-Wawi nodes: their sandbox and credential, how a user
// finds them, which credential field holds the secret, and one read per resource to execute.
import { startJtlSandbox } from '../../../sandbox/jtl/server.mjs';
import { jtlSandboxCredentialFile } from '../../../systems/jtl.mjs';

/** The vendor's sandbox for the run, and the n8n credential that points at it. */
export async function editorSandbox() {
	const jtl = await startJtlSandbox({ port: 0, latencyMs: 0 });
	return { sandbox: jtl, credential: jtlSandboxCredentialFile(jtl) };
}

/** @param {any} jtl the running sandbox */
export function editorCases(jtl) {
	const customer = jtl.state.customers[0];
	const credential = { id: 'jtlSandbox', name: 'JTL-Wawi sandbox', type: 'jtlWawiOAuth2Api' };
	return [
		{
			slug: 'jtl-wawi',
			search: 'JTL-Wawi',
			nodeType: 'n8n-nodes-erp-customers.jtlWawi',
			dist: 'dist/nodes/JtlWawi/JtlWawi.node.js',
			screenshot: { resource: 'customer', operation: 'create' },
			// Part of a company name, through JTL's v1 keyword search (searchKeyWord).
			partialSearch: {
				resource: 'customer',
				operation: 'get',
				field: 'customerId',
				type: 'Donauwerk',
				expect: 'K10022 – Donauwerk Feinkost GmbH & Co. KG',
			},
			credential: {
				...credential,
				secretField: 'clientSecret',
				goodSecret: jtl.credentials.clientSecret,
			},
			executions: [
				{ resource: 'customer', operation: 'getAll', parameters: { limit: 5 } },
				{
					resource: 'address',
					operation: 'getAll',
					parameters: { customerId: { __rl: true, mode: 'id', value: String(customer.id) } },
				},
				{
					resource: 'contact',
					operation: 'getAll',
					parameters: { customerId: { __rl: true, mode: 'id', value: String(customer.id) } },
				},
				{
					resource: 'customerPrice',
					operation: 'getAll',
					parameters: { itemId: { __rl: true, mode: 'id', value: '1' }, limit: 5 },
				},
			],
		},
		{
			slug: 'jtl-wawi-trigger',
			search: 'JTL-Wawi',
			trigger: 'On new customer',
			nodeType: 'n8n-nodes-erp-customers.jtlWawiTrigger',
			dist: 'dist/nodes/JtlWawiTrigger/JtlWawiTrigger.node.js',
		},
	];
}

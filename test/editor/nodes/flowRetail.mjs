// What the editor test needs to know of the Flow Retail nodes: their sandbox and credential, how a
// user finds them, which credential field holds the secret, and one read per resource to execute.
import { startFlowRetailSandbox } from '../../../sandbox/flowRetail/server.mjs';
import { flowRetailSandboxCredentialFile } from '../../../systems/flowRetail.mjs';

/** The vendor's sandbox for the run, and the n8n credential that points at it. */
export async function editorSandbox() {
	const flow = await startFlowRetailSandbox({ port: 0 });
	return { sandbox: flow, credential: flowRetailSandboxCredentialFile(flow) };
}

/** @param {any} flow the running sandbox */
export function editorCases(flow) {
	const customer = { __rl: true, mode: 'id', value: 'cust-0020' };
	return [
		{
			slug: 'flow-retail',
			search: 'Flow Retail',
			nodeType: 'n8n-nodes-erp-customers.flowRetail',
			dist: 'dist/nodes/FlowRetail/FlowRetail.node.js',
			screenshot: { resource: 'customer', operation: 'update' },
			// Part of a company name, through Flow Retail's customer search (query).
			partialSearch: {
				resource: 'customer',
				operation: 'get',
				field: 'customerUid',
				type: 'Fjord',
				expect: 'Fjord Handel AS',
			},
			credential: {
				id: 'flowRetailSandbox',
				name: 'Flow Retail sandbox',
				type: 'flowRetailApi',
				secretField: 'token',
				goodSecret: flow.credentials.token,
			},
			executions: [
				{ resource: 'customer', operation: 'getAll', parameters: { limit: 5 } },
				{ resource: 'customerAddress', operation: 'getAll', parameters: { customerUid: customer } },
				{ resource: 'customerContact', operation: 'getAll', parameters: { customerUid: customer } },
				{ resource: 'customerGroup', operation: 'getAll', parameters: { limit: 5 } },
				{ resource: 'priceList', operation: 'getAll', parameters: { limit: 5 } },
				{
					resource: 'price',
					operation: 'getAll',
					parameters: { pricelistUid: { __rl: true, mode: 'id', value: 'pricelist-1' }, limit: 5 },
				},
			],
		},
		{
			slug: 'flow-retail-poll-trigger',
			search: 'Flow Retail Poll',
			trigger: 'On new customer',
			nodeType: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
			dist: 'dist/nodes/FlowRetailPollTrigger/FlowRetailPollTrigger.node.js',
		},
		{
			// Its test event would wait for a delivery; its lifecycle runs in the e2e trigger cases.
			slug: 'flow-retail-trigger',
			search: 'Flow Retail',
			entry: /webhook|created|event/i,
			webhook: true,
			nodeType: 'n8n-nodes-erp-customers.flowRetailTrigger',
			dist: 'dist/nodes/FlowRetailTrigger/FlowRetailTrigger.node.js',
		},
	];
}

// What the editor test needs to know of the Flow Retail nodes: how a user finds them, which
// credential field holds the secret, and one read per resource to execute in the editor.

/** @param {{ flow: any }} sandboxes */
export function editorCases({ flow }) {
	const customer = { __rl: true, mode: 'id', value: 'cust-0020' };
	return [
		{
			slug: 'flow-retail',
			search: 'Flow Retail',
			nodeType: 'n8n-nodes-erp-customers.flowRetail',
			dist: 'dist/nodes/FlowRetail/FlowRetail.node.js',
			screenshot: { resource: 'customer', operation: 'update' },
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
	];
}

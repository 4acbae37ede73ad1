// Real-n8n cases for the Flow Retail node, Customer resource: one case per operation, each against
// the Flow Retail sandbox (its state is read directly to check what the node did).
import assert from 'node:assert/strict';

const NODE = 'Flow Retail';

/** Several input items: the Input node's one item split into `items`. */
export function withItems(workflow, items) {
	const input = workflow.nodes.find((n) => n.name === 'Input');
	input.parameters.jsonOutput = JSON.stringify({ items });
	workflow.nodes.push({
		id: 'split-items',
		name: 'Split Items',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [180, 0],
		parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
	});
	workflow.connections.Input = { main: [[{ node: 'Split Items', type: 'main', index: 0 }]] };
	workflow.connections['Split Items'] = { main: [[{ node: NODE, type: 'main', index: 0 }]] };
	return workflow;
}

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'flow';

export function cases({ flow, workflowWithInput }) {
	const wf = (op, id, input, change) =>
		workflowWithInput(`FlowRetail/customer-${op}.workflow.json`, id, input, change);
	const find = (uid) => flow.state.customers.find((c) => c.customerUid === uid);
	const ok = (code) => assert.equal(code, 0, 'n8n execute must exit 0');
	return [
		{
			name: 'flow customer: Get Many reads every customer of the tenant in the common shape',
			node: NODE,
			workflow: wf('getAll', 'e2eFlowCustGetAll', { returnAll: true }),
			check: ({ code, items }) => {
				ok(code);
				// The seeded 25 and any that earlier cases made.
				assert.ok(flow.state.customers.length >= 25);
				assert.equal(items.length, flow.state.customers.length);
				assert.equal(items[0].source, 'flowRetail');
			},
		},
		{
			name: 'flow customer: Create sends a client UID and returns the new customer (201)',
			node: NODE,
			workflow: wf('create', 'e2eFlowCustCreate', {
				firstname: 'E2E',
				lastname: 'Create',
				countryCode: 'NO',
				email: 'e2e@example.no',
				city: 'Oslo',
				uid: 'e2e-create-1',
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].id, 'e2e-create-1');
				assert.equal(find('e2e-create-1').email, 'e2e@example.no');
			},
		},
		{
			name: 'flow customer: Search by e-mail, exact match',
			node: NODE,
			workflow: wf('search', 'e2eFlowCustSearch', {
				email: 'customer7@example.no',
				exactMatch: true,
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.deepEqual(
					items.map((c) => c.id),
					['cust-0007'],
				);
			},
		},
		{
			name: 'flow customer: External Search returns the CRM record',
			node: NODE,
			workflow: wf('externalSearch', 'e2eFlowCustExtSearch', { query: 'VOY-1001' }),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].externalId, 'VOY-1001');
			},
		},
		{
			// `query` is optional: the JSON body `{}` must still reach Flow Retail through n8n.
			name: 'flow customer: External Search without a query reads the whole CRM list',
			node: NODE,
			workflow: wf('externalSearch', 'e2eFlowCustExtSearchAll', { query: '' }),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items.length, flow.state.externalCrm.length);
			},
		},
		{
			name: 'flow customer: Export returns customer and orders as JSON',
			node: NODE,
			workflow: wf('export', 'e2eFlowCustExport', { customerUid: 'cust-0001' }),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].customer.customerUid, 'cust-0001');
				assert.ok(Array.isArray(items[0].orders));
			},
		},
		{
			name: 'flow customer: Get one customer',
			node: NODE,
			workflow: wf('get', 'e2eFlowCustGet', { customerUid: 'cust-0002' }),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].id, 'cust-0002');
				assert.equal(items[0].email, 'customer2@example.no');
			},
		},
		{
			name: 'flow customer: Get refuses a UID with a slash, naming field and item',
			node: NODE,
			workflow: wf('get', 'e2eFlowCustGetBad', { customerUid: 'a/../b' }),
			check: ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeOperationError');
				assert.match(error.message, /^Customer \(item 0\) must be a Flow Retail UID/);
			},
		},
		{
			name: 'flow customer: Get for Store returns the store view',
			node: NODE,
			workflow: wf(
				'getForStore',
				'e2eFlowCustStore',
				{ storeUid: 'store-oslo', customerUid: 'cust-0003' },
				(n) => {
					n.parameters.simplify = false;
				},
			),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].store.storeUid, 'store-oslo');
			},
		},
		{
			name: 'flow customer: Update sends only the fields set, with the ehf object',
			node: NODE,
			workflow: wf('update', 'e2eFlowCustUpdate', {
				customerUid: 'cust-0004',
				city: 'Molde',
				ehfEnabled: true,
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].city, 'Molde');
				assert.deepEqual(find('cust-0004').ehf.enabled, true);
				const put = flow.requests.filter((r) => r.method === 'PUT').at(-1);
				assert.deepEqual(Object.keys(put.body).sort(), ['city', 'ehf']);
			},
		},
		{
			name: 'flow customer: Delete removes the customer (204)',
			node: NODE,
			workflow: wf('delete', 'e2eFlowCustDelete', { customerUid: 'cust-0005' }),
			check: ({ code, items }) => {
				ok(code);
				assert.deepEqual(items[0], { deleted: true, customerUid: 'cust-0005' });
				assert.equal(find('cust-0005'), undefined);
			},
		},
		{
			name: 'flow customer: Add Extension TWO_INVOICE for a store',
			node: NODE,
			workflow: wf('addExtension', 'e2eFlowCustAddExt', {
				customerUid: 'cust-0006',
				storeUid: 'store-tromso',
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.deepEqual(items[0].extensions, [
					{ extensionCode: 'TWO_INVOICE', organizationUid: 'org-2' },
				]);
			},
		},
		{
			name: 'flow customer: Remove Extension TWO_INVOICE for that store',
			node: NODE,
			workflow: wf('removeExtension', 'e2eFlowCustRemoveExt', {
				customerUid: 'cust-0006',
				storeUid: 'store-tromso',
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].removed, true);
				assert.deepEqual(find('cust-0006').extensions, []);
			},
		},
		{
			name: 'flow customer: Batch of 4 items with 1 bad: 207, each item its own result',
			node: NODE,
			workflow: withItems(wf('batch', 'e2eFlowCustBatch', {}), [
				{ firstname: 'B1', lastname: 'One', countryCode: 'NO' },
				{ firstname: 'B2', lastname: '', countryCode: 'NO' },
				{ firstname: 'B3', lastname: 'Three', countryCode: 'NO' },
				{ firstname: 'B4', lastname: 'Four', countryCode: 'NO' },
			]),
			check: ({ code, items, run }) => {
				ok(code);
				assert.deepEqual(
					items.map((i) => i.success),
					[true, false, true, true],
				);
				assert.equal(items[1].status, 400);
				const paired = run.data.resultData.runData[NODE][0].data.main[0].map(
					(i) => i.pairedItem.item,
				);
				assert.deepEqual(paired, [0, 1, 2, 3]);
				assert.equal(
					flow.requests.filter((r) => r.path.endsWith('/customers/batch')).at(-1).status,
					207,
				);
			},
		},
		{
			name: 'flow customer: Create or Update by external ID updates the customer that has it',
			node: NODE,
			workflow: wf('upsert', 'e2eFlowCustUpsert', {
				externalId: 'EXT-9',
				firstname: 'Up',
				lastname: 'Sert',
				city: 'Hamar',
			}),
			check: ({ code, items }) => {
				ok(code);
				assert.equal(items[0].id, 'cust-0009');
				assert.equal(find('cust-0009').city, 'Hamar');
			},
		},
	];
}

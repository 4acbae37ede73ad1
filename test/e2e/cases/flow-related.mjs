// Real-n8n cases for the Flow Retail node: contacts, addresses, customer groups, price lists and
// prices, one case per operation, run in order (a create, then reads and changes of that record).
import assert from 'node:assert/strict';

const NODE = 'Flow Retail';

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'flow';

export function cases({ flow, workflowWithInput }) {
	const wf = (name, id, input) => workflowWithInput(`FlowRetail/${name}.workflow.json`, id, input);
	const customer = (uid) => flow.state.customers.find((c) => c.customerUid === uid);
	const ok = (code) => assert.equal(code, 0, 'n8n execute must exit 0');
	const step = (name, file, id, input, check) => ({
		name: `flow ${name}`,
		node: NODE,
		workflow: wf(file, id, input),
		check: ({ code, items, error }) => {
			ok(code);
			check(items, error);
		},
	});
	return [
		step(
			'contact: Create with a client UID',
			'customerContact-create',
			'e2eFlowCtCreate',
			{
				customerUid: 'cust-0010',
				firstname: 'Per',
				lastname: 'Ås',
				email: 'per@example.no',
				uid: 'e2e-ct-1',
			},
			(items) => {
				assert.equal(items[0].id, 'e2e-ct-1');
				// The contact names its customer; Flow Retail has no customer number.
				assert.equal(items[0].customerId, 'cust-0010');
				assert.equal(items[0].customerNumber, null);
				assert.equal(customer('cust-0010').contacts.length, 1);
			},
		),
		step(
			'contact: Get',
			'customerContact-get',
			'e2eFlowCtGet',
			{ customerUid: 'cust-0010', recordUid: 'e2e-ct-1' },
			(items) => {
				assert.equal(items[0].lastName, 'Ås');
			},
		),
		step(
			'contact: Get Many',
			'customerContact-getAll',
			'e2eFlowCtGetAll',
			{ customerUid: 'cust-0010' },
			(items) => {
				assert.deepEqual(
					items.map((c) => c.id),
					['e2e-ct-1'],
				);
			},
		),
		step(
			'contact: Update',
			'customerContact-update',
			'e2eFlowCtUpdate',
			{ customerUid: 'cust-0010', recordUid: 'e2e-ct-1', email: 'new@example.no' },
			(items) => {
				assert.equal(items[0].email, 'new@example.no');
			},
		),
		step(
			'contact: Delete',
			'customerContact-delete',
			'e2eFlowCtDelete',
			{ customerUid: 'cust-0010', recordUid: 'e2e-ct-1' },
			(items) => {
				assert.equal(items[0].deleted, true);
				assert.equal(customer('cust-0010').contacts.length, 0);
			},
		),
		step(
			'address: Create an invoice address',
			'customerAddress-create',
			'e2eFlowAdCreate',
			{
				customerUid: 'cust-0011',
				type: 'INVOICE_ADDRESS',
				street: 'Storgata 1',
				city: 'Oslo',
				uid: 'e2e-ad-1',
			},
			(items) => {
				assert.equal(items[0].type, 'billing');
				assert.equal(customer('cust-0011').addresses[0].type, 'INVOICE_ADDRESS');
			},
		),
		step(
			'address: Get',
			'customerAddress-get',
			'e2eFlowAdGet',
			{ customerUid: 'cust-0011', recordUid: 'e2e-ad-1' },
			(items) => {
				assert.equal(items[0].street, 'Storgata 1');
			},
		),
		step(
			'address: Get Many',
			'customerAddress-getAll',
			'e2eFlowAdGetAll',
			{ customerUid: 'cust-0011' },
			(items) => {
				assert.equal(items.length, 1);
			},
		),
		step(
			'address: Update',
			'customerAddress-update',
			'e2eFlowAdUpdate',
			{ customerUid: 'cust-0011', recordUid: 'e2e-ad-1', city: 'Bergen' },
			(items) => {
				assert.equal(items[0].city, 'Bergen');
			},
		),
		step(
			'address: Delete',
			'customerAddress-delete',
			'e2eFlowAdDelete',
			{ customerUid: 'cust-0011', recordUid: 'e2e-ad-1' },
			(items) => {
				assert.equal(items[0].deleted, true);
				assert.equal(customer('cust-0011').addresses.length, 0);
			},
		),
		step(
			'customer group: Create (201)',
			'customerGroup-create',
			'e2eFlowGrCreate',
			{ name: 'E2E VIP', uid: 'e2e-group' },
			(items) => {
				assert.equal(items[0].customerGroupUid, 'e2e-group');
			},
		),
		step(
			'customer group: Get',
			'customerGroup-get',
			'e2eFlowGrGet',
			{ recordUid: 'e2e-group' },
			(items) => {
				assert.equal(items[0].name, 'E2E VIP');
			},
		),
		step('customer group: Get Many', 'customerGroup-getAll', 'e2eFlowGrGetAll', {}, (items) => {
			assert.ok(items.some((g) => g.customerGroupUid === 'e2e-group'));
		}),
		step(
			'customer group: Update',
			'customerGroup-update',
			'e2eFlowGrUpdate',
			{ recordUid: 'e2e-group', name: 'E2E VIP+' },
			(items) => {
				assert.equal(items[0].name, 'E2E VIP+');
			},
		),
		step(
			'price list: Create (200)',
			'priceList-create',
			'e2eFlowPlCreate',
			{ name: 'E2E Outlet', externalId: 'E2E-OUT', uid: 'e2e-pl' },
			(items) => {
				assert.equal(items[0].pricelistUid, 'e2e-pl');
			},
		),
		step('price list: Get', 'priceList-get', 'e2eFlowPlGet', { recordUid: 'e2e-pl' }, (items) => {
			assert.equal(items[0].externalId, 'E2E-OUT');
		}),
		step(
			'price list: Get Many by external ID',
			'priceList-getAll',
			'e2eFlowPlGetAll',
			{ externalId: 'E2E-OUT' },
			(items) => {
				assert.deepEqual(
					items.map((p) => p.pricelistUid),
					['e2e-pl'],
				);
			},
		),
		step(
			'price list: Update',
			'priceList-update',
			'e2eFlowPlUpdate',
			{ recordUid: 'e2e-pl', name: 'E2E Outlet 2' },
			(items) => {
				assert.equal(items[0].name, 'E2E Outlet 2');
			},
		),
		step(
			'price: Create',
			'price-create',
			'e2eFlowPrCreate',
			{ pricelistUid: 'e2e-pl', productUid: 'product-1', price: 12900, uid: 'e2e-pr' },
			(items) => {
				assert.equal(items[0].price, 12900);
			},
		),
		step(
			'price: Get',
			'price-get',
			'e2eFlowPrGet',
			{ pricelistUid: 'e2e-pl', recordUid: 'e2e-pr' },
			(items) => {
				assert.equal(items[0].productUid, 'product-1');
			},
		),
		step(
			'price: Get Many',
			'price-getAll',
			'e2eFlowPrGetAll',
			{ pricelistUid: 'e2e-pl' },
			(items) => {
				assert.equal(items.length, 1);
			},
		),
		step(
			'price: Update',
			'price-update',
			'e2eFlowPrUpdate',
			{ pricelistUid: 'e2e-pl', recordUid: 'e2e-pr', price: 9900 },
			(items) => {
				assert.equal(items[0].price, 9900);
			},
		),
	];
}

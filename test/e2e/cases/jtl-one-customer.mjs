// Real-n8n cases for "one customer, any ID, one output shape": a customer given by one ID works
// under every operation, and Simplify (on by default) returns camelCase everywhere.
import assert from 'node:assert/strict';

import { direct } from './jtl-seed.mjs';

/** Simplify back to its default (on): the test workflows turn it off to check vendor records. */
const simplified = (node) => {
	delete node.parameters.simplify;
};

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'jtl';

export function cases({ jtl, workflowWithInput }) {
	const customer = (id) => jtl.state.customers.find((c) => c.id === id);
	return [
		{
			name: 'JTL one customer: contacts of a customer given by its UUID',
			workflow: workflowWithInput(
				'JtlWawi/contact-getAll.workflow.json',
				'e2eJtlOneCustomerContacts',
				{ customerId: customer(4).uuid },
				simplified,
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const contacts = await direct(jtl, 'GET', '/customers/4/contacts');
				assert.deepEqual(
					items.map((c) => c.id),
					contacts.map((c) => String(c.Id)),
				);
				assert.deepEqual(Object.keys(items[0]), [
					'id',
					'customerId',
					'customerNumber',
					'salutation',
					'firstName',
					'lastName',
					'email',
					'phone',
					'mobilePhone',
					'fax',
					'department',
				]);
				// Each contact names its customer: the v1 ID and the number both APIs share.
				for (const c of items) {
					assert.equal(c.customerId, '4');
					assert.equal(c.customerNumber, customer(4).number);
				}
			},
		},
		{
			name: 'JTL one customer: Customer > Update by the v1 ID returns the customer read back',
			workflow: workflowWithInput(
				'JtlWawi/customer-update.workflow.json',
				'e2eJtlOneCustomerUpdate',
				{ customerUuid: 5, addressUuid: customer(5).addresses[0].uuid },
				simplified,
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 1);
				assert.equal(items[0].id, customer(5).uuid);
				assert.equal(items[0].legacyId, '5');
				assert.equal(items[0].city, 'Hamburg');
				assert.equal(items[0].source, 'jtlWawi');
			},
		},
		{
			name: 'JTL one customer: a price for a customer given by its UUID',
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-create.workflow.json',
				'e2eJtlOneCustomerPrice',
				{ itemId: 2, customerId: customer(6).uuid, fromQuantity: 33, netPrice: 4.5 },
				simplified,
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [
					{
						itemId: '2',
						customerId: '6',
						customerNumber: customer(6).number,
						fromQuantity: 33,
						netPrice: 4.5,
						percentReduction: null,
					},
				]);
			},
		},
		{
			name: 'JTL one customer: Create returns the common shape with both IDs',
			workflow: workflowWithInput(
				'JtlWawi/customer-create.workflow.json',
				'e2eJtlOneCustomerCreate',
				{ company: 'E2E Beide IDs GmbH' },
				simplified,
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items[0].company, 'E2E Beide IDs GmbH');
				assert.match(items[0].id, /^[0-9a-f-]{36}$/);
				assert.match(items[0].legacyId, /^\d+$/);
				const v1 = await direct(jtl, 'GET', `/customers/${items[0].legacyId}`);
				assert.equal(v1.Number, items[0].number);
			},
		},
		{
			name: 'JTL one customer: an unknown UUID fails naming the ID tried',
			workflow: workflowWithInput(
				'JtlWawi/contact-getAll.workflow.json',
				'e2eJtlOneCustomerUnknown',
				{ customerId: '0b0b0b0b-0000-4000-8000-00000000abcd' },
			),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(
					error.message,
					'Customer (item 0) was not found: JTL-Wawi has no customer with the UUID 0b0b0b0b-0000-4000-8000-00000000abcd',
				);
			},
		},
	];
}

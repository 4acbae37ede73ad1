// Real-n8n cases for JTL-Wawi customers and addresses.
import assert from 'node:assert/strict';

import { apiCalls, direct } from './jtl-seed.mjs';

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'jtl';

export function cases({ jtl, workflowWithInput }) {
	// The last seeded customer, taken before any case runs (a create adds another one).
	const last = jtl.state.customers[jtl.state.customers.length - 1];
	const v2Customer = () => last;
	return [
		{
			name: 'JTL customer > create writes a customer with its billing address',
			workflow: workflowWithInput('JtlWawi/customer-create.workflow.json', 'e2eJtlCustomerCreate', {
				company: 'E2E Nordlicht GmbH',
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 1);
				assert.equal(items[0].BillingAddress.Company, 'E2E Nordlicht GmbH');
				assert.deepEqual(await direct(jtl, 'GET', `/customers/${items[0].Id}`), items[0]);
			},
		},
		{
			name: 'JTL customer > create or update updates the customer with that number',
			workflow: workflowWithInput('JtlWawi/customer-upsert.workflow.json', 'e2eJtlCustomerUpsert', {
				number: 'K10020',
				city: 'Rostock',
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items[0].Number, 'K10020');
				assert.equal(items[0].BillingAddress.City, 'Rostock');
				const found = await direct(jtl, 'GET', '/customers?number=K10020');
				assert.equal(found.Items.length, 1);
			},
		},
		{
			name: 'JTL customer > get returns the simplified customer',
			workflow: workflowWithInput('JtlWawi/customer-get.workflow.json', 'e2eJtlCustomerGet', {
				customerId: 2,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const v1 = await direct(jtl, 'GET', '/customers/2');
				assert.equal(items.length, 1);
				// Both IDs, whichever was given: id is the v2 UUID, legacyId the v1 number.
				assert.equal(items[0].id, jtl.state.customers.find((c) => c.id === 2).uuid);
				assert.equal(items[0].legacyId, '2');
				assert.equal(items[0].number, v1.Number);
				assert.equal(items[0].city, v1.BillingAddress.City);
			},
		},
		{
			name: 'JTL customer > get many returns the first page up to the limit',
			before: async () => {
				jtl.requests.length = 0;
			},
			workflow: workflowWithInput('JtlWawi/customer-getAll.workflow.json', 'e2eJtlCustomerGetAll', {
				limit: 5,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 5);
				const lists = apiCalls(jtl).filter((r) => r.path === '/erp/v2/customers');
				assert.equal(lists.length, 1, 'one page request for a limit below the page size');
			},
		},
		{
			name: 'JTL address > get many lists the addresses of a customer with their type',
			workflow: workflowWithInput('JtlWawi/address-getAll.workflow.json', 'e2eJtlAddressGetAll', {
				customerId: 3,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const v1 = await direct(jtl, 'GET', '/customers/3');
				assert.deepEqual(items[0], { customerId: 3, type: 'billing', ...v1.BillingAddress });
			},
		},
		{
			name: 'JTL address > update changes one address',
			workflow: workflowWithInput('JtlWawi/address-update.workflow.json', 'e2eJtlAddressUpdate', {
				customerUuid: v2Customer().uuid,
				addressUuid: v2Customer().addresses[0].uuid,
				street: 'E2E-Weg 9',
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items[0].street, 'E2E-Weg 9');
				const after = await direct(jtl, 'GET', `/v2/customers/${v2Customer().uuid}`);
				const changed = after.addresses.find(
					(a) => a.customerAddressId === v2Customer().addresses[0].uuid,
				);
				assert.equal(changed.street, 'E2E-Weg 9');
			},
		},
		{
			name: 'JTL address > add adds an address to a customer',
			workflow: workflowWithInput('JtlWawi/address-add.workflow.json', 'e2eJtlAddressAdd', {
				customerUuid: v2Customer().uuid,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 1);
				assert.equal(items[0].companyName, 'Lager Nord');
				const after = await direct(jtl, 'GET', `/v2/customers/${v2Customer().uuid}`);
				assert.ok(after.addresses.some((a) => a.customerAddressId === items[0].customerAddressId));
			},
		},
		{
			name: 'JTL customer > create with an unknown group fails before writing',
			before: async () => {
				jtl.requests.length = 0;
			},
			workflow: workflowWithInput(
				'JtlWawi/customer-create.workflow.json',
				'e2eJtlCustomerBadGroup',
				{
					groupId: 99,
				},
			),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeOperationError');
				assert.equal(
					error.message,
					'Customer Group Name or ID (item 0) 99 does not exist in JTL-Wawi',
				);
				assert.equal(apiCalls(jtl).filter((r) => r.method !== 'GET').length, 0);
			},
		},
		{
			name: 'JTL customer > delete removes a customer',
			workflow: workflowWithInput('JtlWawi/customer-delete.workflow.json', 'e2eJtlCustomerDelete', {
				customerId: 24,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [{ deleted: true, customerId: '24' }]);
				assert.equal(
					jtl.state.customers.some((c) => c.id === 24),
					false,
				);
			},
		},
	];
}

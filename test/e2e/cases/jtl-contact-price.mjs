// Real-n8n cases for the contact and customer-price write operations of the JTL-Wawi node.
// The sandbox is shared with the other case files, so each case picks its own records and checks
// only those; nothing here depends on global counts.
import assert from 'node:assert/strict';

import { apiCalls, direct } from './jtl-seed.mjs';

/** Runs on its system package, in an n8n without the all-in-one (test/e2e/run.mjs). */
export const system = 'jtl';

export function cases({ jtl, workflowWithInput }) {
	const { state } = jtl;
	const clearLog = async () => {
		jtl.requests.length = 0;
	};
	const contactsOf = (customerId) => state.contacts.filter((c) => c.customerId === customerId);
	const pricesOf = (itemId) => state.prices.filter((p) => p.itemId === itemId);

	// Records chosen when the cases are built (the workflows are imported before any case runs).
	const createFor = state.customers[3].id;
	const getContact = contactsOf(state.customers[4].id)[0];
	const updateContact = contactsOf(state.customers[11].id)[0];
	const deleteContact = contactsOf(state.customers[12].id).at(-1);
	const newPriceItem = state.items[1].id;
	const taken = new Set(pricesOf(newPriceItem).map((p) => p.customerId));
	const [freeCustomer, otherFreeCustomer] = state.customers
		.map((c) => c.id)
		.filter((id) => !taken.has(id));
	const duplicate = state.prices.find((p) => p.netPrice !== null);
	const updatePrice = pricesOf(state.items[8].id).find((p) => p.netPrice !== null);
	const deletePrice = pricesOf(state.items[7].id).at(-1);
	for (const [what, value] of Object.entries({
		getContact,
		updateContact,
		deleteContact,
		freeCustomer,
		otherFreeCustomer,
		duplicate,
		updatePrice,
		deletePrice,
	})) {
		assert.ok(value, `the seeded sandbox has no record for ${what}`);
	}
	const priceKey = (p) => ({
		itemId: p.itemId,
		customerId: p.customerId,
		fromQuantity: p.fromQuantity,
	});

	return [
		{
			name: 'JTL contact > create adds a contact person and returns it',
			before: clearLog,
			workflow: workflowWithInput('JtlWawi/contact-create.workflow.json', 'e2eJtlContactCreate', {
				customerId: createFor,
				salutation: 'Frau',
				firstName: 'Lena',
				lastName: 'Vogel',
				email: 'lena.vogel@example.com',
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 1);
				const created = items[0];
				assert.equal(typeof created.Id, 'number');
				assert.deepEqual(
					created,
					await direct(jtl, 'GET', `/customers/${createFor}/contacts/${created.Id}`),
				);
				assert.equal(created.FirstName, 'Lena');
				const posts = apiCalls(jtl).filter((r) => r.method === 'POST');
				assert.equal(posts.length, 1);
				assert.equal(posts[0].path, `/erp/customers/${createFor}/contacts`);
				assert.deepEqual(posts[0].body, {
					Honorific: 'Frau',
					FirstName: 'Lena',
					LastName: 'Vogel',
					EmailAddress: 'lena.vogel@example.com',
				});
			},
		},
		{
			name: 'JTL contact > create without any field fails before sending',
			before: clearLog,
			workflow: workflowWithInput('JtlWawi/contact-create.workflow.json', 'e2eJtlContactNoField', {
				customerId: createFor,
			}),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeOperationError');
				assert.match(error.message, /^Nothing to create \(item 0\): add at least one field/);
				assert.equal(apiCalls(jtl).length, 0, 'no API request may be sent');
			},
		},
		{
			name: 'JTL contact > get returns one contact person',
			workflow: workflowWithInput('JtlWawi/contact-get.workflow.json', 'e2eJtlContactGet', {
				customerId: getContact.customerId,
				contactId: getContact.id,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [
					await direct(jtl, 'GET', `/customers/${getContact.customerId}/contacts/${getContact.id}`),
				]);
				assert.equal(items[0].Id, getContact.id);
			},
		},
		{
			name: 'JTL contact > update changes the set fields and returns the contact read back',
			before: clearLog,
			workflow: workflowWithInput('JtlWawi/contact-update.workflow.json', 'e2eJtlContactUpdate', {
				customerId: updateContact.customerId,
				contactId: updateContact.id,
				lastName: 'Neumann',
				phone: '+49 40 123456',
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const saved = await direct(
					jtl,
					'GET',
					`/customers/${updateContact.customerId}/contacts/${updateContact.id}`,
				);
				assert.deepEqual(items, [saved]);
				assert.equal(saved.LastName, 'Neumann');
				assert.equal(saved.PhoneNumber, '+49 40 123456');
				assert.equal(saved.FirstName, updateContact.firstName);
				const calls = apiCalls(jtl).filter((r) => r.headers['x-appid'] !== 'e2e/1.0');
				assert.deepEqual(
					calls.map((r) => `${r.method} ${r.status}`),
					['PATCH 204', 'GET 200'],
				);
				assert.deepEqual(calls[0].body, { LastName: 'Neumann', PhoneNumber: '+49 40 123456' });
			},
		},
		{
			name: 'JTL contact > delete removes the contact person',
			workflow: workflowWithInput('JtlWawi/contact-delete.workflow.json', 'e2eJtlContactDelete', {
				customerId: deleteContact.customerId,
				contactId: deleteContact.id,
			}),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [
					{ deleted: true, customerId: deleteContact.customerId, contactId: deleteContact.id },
				]);
				assert.ok(!state.contacts.some((c) => c.id === deleteContact.id));
			},
		},
		{
			name: 'JTL customer price > create adds a net price and returns it',
			before: clearLog,
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-create.workflow.json',
				'e2eJtlPriceCreate',
				{
					itemId: newPriceItem,
					customerId: freeCustomer,
					fromQuantity: 25,
					netPrice: 19.99,
				},
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				const expected = {
					ItemId: newPriceItem,
					CustomerId: freeCustomer,
					FromQuantity: 25,
					NetPrice: 19.99,
					// JTL's schema: both are required numbers; the unused one is 0.
					ReduceStandardPriceByPercent: 0,
				};
				assert.deepEqual(items, [expected]);
				const list = await direct(jtl, 'GET', `/items/${newPriceItem}/customerPrices`);
				assert.ok(list.some((p) => JSON.stringify(p) === JSON.stringify(expected)));
				const posts = apiCalls(jtl).filter((r) => r.method === 'POST');
				assert.deepEqual(
					posts.map((r) => r.body),
					[{ CustomerId: freeCustomer, FromQuantity: 25, NetPrice: 19.99 }],
				);
			},
		},
		{
			name: 'JTL customer price > create of a duplicate becomes a NodeApiError (409)',
			before: clearLog,
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-create.workflow.json',
				'e2eJtlPriceDuplicate',
				{ ...priceKey(duplicate), netPrice: 1 },
			),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeApiError');
				assert.equal(String(error.httpCode), '409');
				assert.match(error.message, /^JTL-Wawi: A customer price for customer .* already exists/);
				assert.equal(apiCalls(jtl).filter((r) => r.method === 'POST').length, 1);
			},
		},
		{
			name: 'JTL customer price > create that meets a 503 looks first and sends again only because it was not applied',
			before: async () => {
				jtl.requests.length = 0;
				jtl.addFault({
					method: 'POST',
					path: `/erp/items/${newPriceItem}/customerPrices`,
					status: 503,
					times: 1,
				});
			},
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-create.workflow.json',
				'e2eJtlPriceNoRetry',
				{
					itemId: newPriceItem,
					customerId: otherFreeCustomer,
					netPrice: 5,
				},
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.equal(items.length, 1);
				const calls = apiCalls(jtl).map((r) => `${r.method} ${r.status}`);
				assert.deepEqual(
					calls.filter((c) => c.startsWith('POST')),
					['POST 503', 'POST 201'],
				);
				// The look-up by item, customer and from-quantity comes between the two.
				const firstPost = calls.indexOf('POST 503');
				assert.ok(calls.slice(firstPost, calls.indexOf('POST 201')).includes('GET 200'));
				assert.equal(
					state.prices.filter(
						(p) => p.itemId === newPriceItem && p.customerId === otherFreeCustomer,
					).length,
					1,
				);
			},
		},
		{
			name: 'JTL customer price > update switches to a percent reduction and returns the price',
			before: clearLog,
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-update.workflow.json',
				'e2eJtlPriceUpdate',
				{
					...priceKey(updatePrice),
					priceType: 'percent',
					percent: 12,
				},
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [
					{
						ItemId: updatePrice.itemId,
						CustomerId: updatePrice.customerId,
						FromQuantity: updatePrice.fromQuantity,
						NetPrice: 0,
						ReduceStandardPriceByPercent: 12,
					},
				]);
				const calls = apiCalls(jtl);
				assert.deepEqual(
					calls.map((r) => `${r.method} ${r.status}`),
					['PATCH 204', 'GET 200'],
				);
				assert.deepEqual(calls[0].body, { ReduceStandardPriceByPercent: 12 });
			},
		},
		{
			name: 'JTL customer price > update with both values fails before sending',
			before: clearLog,
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-update.workflow.json',
				'e2eJtlPriceBothValues',
				{ ...priceKey(updatePrice), netPrice: 5, percent: 5 },
			),
			check: async ({ code, error }) => {
				assert.equal(code, 1);
				assert.equal(error.name, 'NodeOperationError');
				assert.equal(
					error.message,
					'Net Price and Percent Reduction (item 0) are both set; give exactly one of them',
				);
				assert.equal(apiCalls(jtl).length, 0, 'no API request may be sent');
			},
		},
		{
			name: 'JTL customer price > delete removes the price',
			workflow: workflowWithInput(
				'JtlWawi/customerPrice-delete.workflow.json',
				'e2eJtlPriceDelete',
				priceKey(deletePrice),
			),
			check: async ({ code, items }) => {
				assert.equal(code, 0);
				assert.deepEqual(items, [{ deleted: true, ...priceKey(deletePrice) }]);
				assert.ok(!state.prices.includes(deletePrice));
			},
		},
	];
}

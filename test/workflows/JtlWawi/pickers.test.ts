/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * Every "From List" search of the JTL-Wawi node finds a record by part of its name, wherever the
 * record is in JTL's lists: customers (for v1 and v2 operations), contacts, addresses and items.
 */
import type { INodeParameters } from 'n8n-workflow';

import * as listSearch from '../../../nodes/JtlWawi/methods/listSearch';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { loadOptionsContext } from '../../harness/loadOptions';

const jtl = useJtlSandbox(['--customers', '130', '--rate-limit', '0']);

const picker = (parameters: INodeParameters = { resource: 'customer', operation: 'update' }) =>
	loadOptionsContext({
		type: 'n8n-nodes-erp-customers.jtlWawi',
		parameters,
		credentials: jtl.credentials(),
	});

/** A business customer far down the lists (beyond the first page of 50). */
async function farCustomer() {
	for (let id = 120; id > 50; id--) {
		const c = await jtl.direct.get(`/customers/${id}`);
		if (c.BillingAddress.Company) return c;
	}
	throw new Error('no business customer beyond the first page');
}

describe('From List finds a record by part of its name', () => {
	it('customers for v1 operations: a part of the company name', async () => {
		const c = await farCustomer();
		const part = c.BillingAddress.Company.split(' ')[0].slice(2, 7);
		const result = await listSearch.searchCustomers.call(picker(), part);
		expect(result.results.map((r) => r.value)).toContain(String(c.Id));
	});

	it('customers for v2 operations: a part of the last name, beyond the first page of the v2 list', async () => {
		const c = await farCustomer();
		const part = c.BillingAddress.LastName.slice(1, 5);
		const result = await listSearch.searchCustomersV2.call(picker(), part);
		const hit = result.results.find((r) => r.value === String(c.Id));
		expect(hit?.name).toContain(c.Number);
		// Without a text, the list pages through the v2 customers with their UUIDs.
		const all = await listSearch.searchCustomersV2.call(picker());
		expect(all.results[0].value).toMatch(/^[0-9a-f]{8}-/);
		expect(all.paginationToken).toBe('2');
	});

	it('contacts of the chosen customer: a part of the last name', async () => {
		const contacts = (await jtl.direct.get('/customers/1/contacts')) as any[];
		const target = contacts[contacts.length - 1];
		const result = await listSearch.searchContacts.call(
			picker({
				resource: 'contact',
				operation: 'get',
				customerId: { __rl: true, mode: 'id', value: '1' },
			}),
			target.LastName.slice(1, 4).toUpperCase(),
		);
		expect(result.results.map((r) => r.value)).toContain(String(target.Id));
	});

	it('addresses of the chosen customer: a part of the street', async () => {
		const v1 = await jtl.direct.get('/customers/3');
		const result = await listSearch.searchAddresses.call(
			picker({
				resource: 'address',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: '3' },
			}),
			v1.BillingAddress.Street.slice(2, 6),
		);
		expect(result.results.length).toBeGreaterThan(0);
		for (const r of result.results)
			expect(r.name.toLowerCase()).toContain(v1.BillingAddress.Street.slice(2, 6).toLowerCase());
	});

	it('items: a part of the name', async () => {
		const items = (await jtl.direct.get('/items?pageSize=100')).Items as any[];
		const cup = items.find((i) => i.Name === 'Espressotasse');
		const result = await listSearch.searchItems.call(
			picker({ resource: 'customerPrice', operation: 'create' }),
			'tasse',
		);
		expect(result.results.map((r) => r.value)).toContain(String(cup.Id));
	});
});

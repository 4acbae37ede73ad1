/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import * as listSearch from '../../../nodes/JtlWawi/methods/listSearch';
import * as loadOptions from '../../../nodes/JtlWawi/methods/loadOptions';
import { useJtlSandbox } from '../../harness/jtlSuite';
import { loadOptionsContext } from '../../harness/loadOptions';

const jtl = useJtlSandbox();

const context = (): ILoadOptionsFunctions =>
	loadOptionsContext({
		type: 'n8n-nodes-erp-customers.jtlWawi',
		parameters: { resource: 'customer', operation: 'create' },
		credentials: jtl.credentials(),
	});

describe('dropdowns loaded from JTL', () => {
	it.each([
		['getCustomerGroups', '/customerGroups'],
		['getCustomerCategories', '/customerCategories'],
		['getPaymentMethods', '/paymentMethods'],
		['getCompanies', '/companies'],
	] as const)('%s lists every entry of %s by name with its numeric ID', async (method, path) => {
		const expected = (await jtl.direct.get(path)) as any[];
		const options = await loadOptions[method].call(context());
		expect(options.map((o) => o.value).sort()).toEqual(expected.map((e) => e.Id).sort());
		for (const entry of expected) {
			expect(options.find((o) => o.value === entry.Id)?.name).toContain(entry.Name);
		}
		expect(options.map((o) => o.name)).toEqual(
			[...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)),
		);
	});

	it('marks the default group and inactive payment methods', async () => {
		const groups = await loadOptions.getCustomerGroups.call(context());
		expect(groups.filter((g) => g.name.endsWith('(default)'))).toHaveLength(1);
		const methods = await loadOptions.getPaymentMethods.call(context());
		expect(methods.some((m) => m.name.includes('inactive'))).toBe(true);
	});

	it.each([
		['getCustomerGroupsV2', '/v2/customerGroups'],
		['getCompaniesV2', '/v2/companies'],
		['getPaymentMethodsV2', '/v2/paymentMethods'],
		['getCustomerCategoriesV2', '/v2/customerCategories'],
	] as const)('%s lists the UUIDs of %s', async (method, path) => {
		const body = await jtl.direct.get(`${path}?pageSize=100`);
		const expected = (Array.isArray(body) ? body : body.items) as any[];
		expect(expected.length).toBeGreaterThan(0);
		const options = await loadOptions[method].call(context());
		expect(options.map((o) => o.value).sort()).toEqual(expected.map((e) => e.id).sort());
	});
});

describe('customer search (From List)', () => {
	it('searches the v1 list by keyword and labels each hit with number and name', async () => {
		const customer = await jtl.direct.get('/customers/6');
		const result = await listSearch.searchCustomers.call(context(), customer.BillingAddress.City);
		const hit = result.results.find((r) => r.value === '6');
		expect(hit?.name).toContain(customer.Number);
		expect(hit?.name).toContain(customer.BillingAddress.City);
		const call = (await jtl.apiCalls()).find((c) => c.path === '/erp/customers');
		expect(call?.query).toMatchObject({
			searchKeyWord: customer.BillingAddress.City,
			pageNumber: '1',
		});
	});

	it('pages with a token until the list ends', async () => {
		for (let i = 0; i < 30; i++) {
			const created = await jtl.direct.call('POST', '/customers', {
				CustomerGroupId: 1,
				InternalCompanyId: 1,
				LanguageIso: 'DE',
				BillingAddress: { City: 'Kiel', CountryIso: 'DE', Company: `Paging ${i}` },
			});
			expect(created.status).toBe(201);
		}
		const first = await listSearch.searchCustomers.call(context());
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await listSearch.searchCustomers.call(
			context(),
			undefined,
			first.paginationToken,
		);
		expect(second.results).toHaveLength(5);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(55);
	});

	it('lists v2 customers with their UUIDs; a typed text goes to the keyword search', async () => {
		const page = (await jtl.direct.get('/v2/customers?pageSize=50&sortBy=customerNumber'))
			.items as any[];
		const all = await listSearch.searchCustomersV2.call(context());
		expect(all.results.map((r) => r.value)).toEqual(page.map((c) => c.id));
		await jtl.sandbox.clearRequests();
		const filtered = await listSearch.searchCustomersV2.call(context(), page[3].customerNumber);
		// The hit carries its v1 ID: every customer field takes either ID.
		const v1 = await jtl.direct.get(`/customers?number=${page[3].customerNumber}`);
		expect(filtered.results.map((r) => r.value)).toEqual([String(v1.Items[0].Id)]);
		expect((await jtl.apiCalls()).map((c) => [c.path, c.query.searchKeyWord])).toEqual([
			['/erp/customers', page[3].customerNumber],
		]);
	});
});

describe('contact, address and item pickers (From List)', () => {
	const pickerContext = (parameters: INodeParameters): ILoadOptionsFunctions =>
		loadOptionsContext({
			type: 'n8n-nodes-erp-customers.jtlWawi',
			parameters,
			credentials: jtl.credentials(),
		});
	const uuidOf = async (number: string) =>
		((await jtl.direct.get('/v2/customers?pageSize=100')).items as any[]).find(
			(c) => c.customerNumber === number,
		).id as string;

	it('lists the contact persons of the customer chosen above, given by UUID', async () => {
		const contacts = (await jtl.direct.get('/customers/3/contacts')) as any[];
		const uuid = await uuidOf((await jtl.direct.get('/customers/3')).Number);
		const ctx = pickerContext({
			resource: 'contact',
			operation: 'get',
			customerId: { __rl: true, mode: 'id', value: uuid },
		});
		const result = await listSearch.searchContacts.call(ctx);
		expect(result.results.map((r) => r.value)).toEqual(contacts.map((c) => String(c.Id)));
		expect(result.results[0].name).toContain(contacts[0].LastName);
		const narrowed = await listSearch.searchContacts.call(ctx, contacts[1].LastName);
		expect(narrowed.results.map((r) => r.value)).toContain(String(contacts[1].Id));
	});

	it('lists the addresses of the customer chosen above, given by its v1 ID', async () => {
		const uuid = await uuidOf((await jtl.direct.get('/customers/2')).Number);
		const customer = await jtl.direct.get(`/v2/customers/${uuid}`);
		const result = await listSearch.searchAddresses.call(
			pickerContext({
				resource: 'address',
				operation: 'update',
				customerId: { __rl: true, mode: 'list', value: '2' },
			}),
		);
		expect(result.results.map((r) => r.value)).toEqual(
			customer.addresses.map((a: any) => a.customerAddressId),
		);
		expect(result.results[0].name).toMatch(/^billing, /);
	});

	it('lists nothing while no customer is chosen', async () => {
		const ctx = pickerContext({ resource: 'contact', operation: 'get' });
		expect((await listSearch.searchContacts.call(ctx)).results).toEqual([]);
	});

	it('searches items by SKU or name and pages on', async () => {
		const items = (await jtl.direct.get('/items?pageSize=100')).Items as any[];
		const ctx = pickerContext({ resource: 'customerPrice', operation: 'create' });
		const all = await listSearch.searchItems.call(ctx);
		expect(all.results[0]).toEqual({
			name: `${items[0].SKU} – ${items[0].Name}`,
			value: String(items[0].Id),
		});
		const one = await listSearch.searchItems.call(ctx, items[2].SKU);
		expect(one.results.map((r) => r.value)).toEqual([String(items[2].Id)]);
	});
});

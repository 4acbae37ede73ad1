/**
 * The "From list" searches of the Flow Retail node, against the sandbox through n8n-core's
 * LoadOptionsContext as the editor calls them: a part of a name finds the record in each.
 */
import { flowRetailSandboxCredential, useFlowRetailSandbox } from '../../harness/flowRetailSuite';
import { loadOptionsContext } from '../../harness/loadOptions';
import {
	searchCustomerGroups,
	searchCustomers,
	searchPriceLists,
} from '../../../nodes/FlowRetail/methods/listSearch';

const flow = useFlowRetailSandbox(['--unknown-sort-by', 'refused']);
const context = () =>
	loadOptionsContext({
		type: 'n8n-nodes-erp-customers.flowRetail',
		parameters: { resource: 'customer', operation: 'get' },
		credentials: [flowRetailSandboxCredential(flow.sandbox)],
		nodeCredentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
	});
const names = (result: { results: Array<{ name: string }> }) => result.results.map((r) => r.name);

describe('Customer: From list', () => {
	it('finds a customer by part of its first name, last name or company, in any case', async () => {
		const c = await flow.direct.get('/customers/cust-0007');
		// "ANSE" of "Hansen": a part from inside the name, in the other case.
		const part = String(c.lastname).slice(1, -1).toUpperCase();
		const found = await searchCustomers.call(context(), part);
		expect(found.results.map((r) => r.value)).toContain('cust-0007');
		const company = await flow.direct.get('/customers/cust-0005');
		const word = String(company.companyName).split(' ')[0].slice(0, 4).toLowerCase();
		expect((await searchCustomers.call(context(), word)).results.map((r) => r.value)).toContain(
			'cust-0005',
		);
	});

	it('finds "First Last" typed whole, though no single field holds both', async () => {
		const c = await flow.direct.get('/customers/cust-0011');
		const typed = `${String(c.firstname).slice(0, 3)} ${String(c.lastname).slice(0, 4)}`;
		const found = await searchCustomers.call(context(), typed);
		expect(found.results.map((r) => r.value)).toContain('cust-0011');
		// Every customer listed holds both words.
		const [first, last] = typed.toLowerCase().split(' ');
		for (const { value } of found.results) {
			const r = await flow.direct.get(`/customers/${value}`);
			const text = JSON.stringify(r).toLowerCase();
			expect(text.includes(first) && text.includes(last)).toBe(true);
		}
	});

	it('lists every customer without a filter, page by page, on a tenant that refuses sortBy', async () => {
		const first = await searchCustomers.call(context());
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBeUndefined();
	});
});

describe('Customer Group: From list', () => {
	it('finds a group by part of its name, in any case', async () => {
		expect(names(await searchCustomerGroups.call(context(), 'holes'))).toEqual(['Wholesale']);
		expect(names(await searchCustomerGroups.call(context(), 'STA'))).toEqual(['Staff']);
	});
});

describe('Price List: From list', () => {
	it('finds a price list by part of its name, also one far down a long list', async () => {
		for (let i = 0; i < 120; i++)
			await flow.direct.send('POST', '/pricelists', {
				name: `Filler ${i}`,
				pricelistUid: `f-${i}`,
			});
		await flow.direct.send('POST', '/pricelists', {
			name: 'Sommerkampanje 2026',
			pricelistUid: 'summer',
		});
		const found = await searchPriceLists.call(context(), 'kampanje');
		expect(found.results).toEqual([{ name: 'Sommerkampanje 2026', value: 'summer' }]);
		expect(names(await searchPriceLists.call(context(), 'stand'))).toEqual(['Standard']);
	});
});

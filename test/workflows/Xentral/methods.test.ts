/* eslint-disable @typescript-eslint/no-explicit-any -- vendor JSON in assertions */
/**
 * The From List searches and dropdowns of the Xentral node against the sandbox: a part of a name
 * finds the customer (the v2 list has no "contains": the node searches the newest 1,000 itself),
 * whatever the case and whatever the instance's filters do with case.
 */
import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import {
	forgetCustomerSearchCache,
	SEARCH_LIMIT,
} from '../../../nodes/Xentral/helpers/customerSearch';
import * as listSearch from '../../../nodes/Xentral/methods/listSearch';
import * as loadOptions from '../../../nodes/Xentral/methods/loadOptions';
import { loadOptionsContext } from '../../harness/loadOptions';
import { useXentralSandbox } from '../../harness/xentralSuite';

const xentral = useXentralSandbox();
beforeEach(() => forgetCustomerSearchCache());

const context = (parameters: INodeParameters = {}): ILoadOptionsFunctions =>
	loadOptionsContext({
		type: 'n8n-nodes-erp-customers.xentral',
		parameters: { resource: 'contactPerson', operation: 'create', ...parameters },
		credentials: xentral.credentials(),
		nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
	});

async function allCustomers(): Promise<any[]> {
	const res = await xentral.direct('GET', '/api/v2/customers?page[number]=1&page[size]=50');
	return res.body.data;
}

const reading = async (change: Record<string, string>) =>
	await xentral.sandbox.control('POST', 'readings', change);

describe('Customer > From List', () => {
	it.each([['sensitive'], ['insensitive']])(
		'finds every customer by a part of the name, in any case (filters %s)',
		async (filterCase) => {
			await reading({ filterCase });
			const customers = await allCustomers();
			const alpenblick = customers.filter((c) => c.name.includes('Alpenblick')).map((c) => c.id);
			expect(alpenblick.length).toBeGreaterThan(1);
			for (const text of ['Alpenblick', 'alpenblick', 'ALPENBLICK']) {
				const found = await listSearch.searchCustomers.call(context(), text);
				expect(found.results.map((r) => r.value).sort()).toEqual([...alpenblick].sort());
			}
		},
	);

	it('finds "Handel Nordlicht"-style parts in any order, the number and the e-mail', async () => {
		const customers = await allCustomers();
		const target = customers.find((c) => c.customerType === 'company' && / /.test(c.name))!;
		const [first, ...rest] = target.name.split(' ');
		const reversed = `${rest[0]} ${first.slice(0, 5)}`;
		const byWords = await listSearch.searchCustomers.call(context(), reversed);
		expect(byWords.results.map((r) => r.value)).toContain(target.id);
		const byNumber = await listSearch.searchCustomers.call(context(), target.number.slice(1));
		expect(byNumber.results.map((r) => r.value)).toContain(target.id);
		const byMail = await listSearch.searchCustomers.call(context(), 'KUNDE4@');
		expect(byMail.results.map((r) => r.value)).toEqual(['4']);
		expect(byMail.results[0].name).toMatch(/^10004 – /);
	});

	it('reads the newest customers once and answers the next searches from them', async () => {
		await listSearch.searchCustomers.call(context(), 'Alpen');
		await xentral.sandbox.clearRequests();
		await listSearch.searchCustomers.call(context(), 'Alpenbl');
		// Only the exact lookup of the typed text goes to Xentral.
		const calls = await xentral.apiCalls();
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toMatchObject({ 'filter[0][key]': 'name', 'filter[0][op]': 'equals' });
	});

	it('lists the customers page by page without a search text', async () => {
		const first = await listSearch.searchCustomers.call(context());
		expect(first.results).toHaveLength(25);
		expect(first.paginationToken).toBeUndefined();
	});
});

describe('Contact Person > From List', () => {
	it.each([['sensitive'], ['insensitive']])(
		'finds a contact person by a part of the name in any case (filters %s)',
		async (filterCase) => {
			await reading({ filterCase });
			const people = (await xentral.direct('GET', '/api/v1/customers/1/contactPerson')).body.data;
			const target = people[0];
			const part = target.name.split(' ')[1].slice(0, 4).toLowerCase();
			const found = await listSearch.searchContactPersons.call(
				context({ customerId: { __rl: true, mode: 'id', value: '1' } }),
				part,
			);
			expect(found.results.map((r) => r.value)).toContain(target.id);
		},
	);

	it('asks for the customer first', async () => {
		const found = await listSearch.searchContactPersons.call(context(), 'x');
		expect(found.results).toEqual([
			{ name: 'Choose the customer first: its contact persons are listed here', value: '' },
		]);
	});
});

describe('Sales Price > From List', () => {
	it("finds the prices of customers by a part of the customer's name, and by product ID", async () => {
		const customers = await allCustomers();
		const withPrices = customers.filter((c) => Number(c.id) <= 5);
		const target = withPrices[0];
		const part = target.name.split(' ')[0].toLowerCase();
		const owners = withPrices
			.filter((c) => c.name.toLowerCase().includes(part))
			.map((c) => c.id)
			.sort();
		const found = await listSearch.searchSalesPrices.call(context(), part);
		const prices = (await xentral.direct('GET', '/api/v1/salesPrices')).body.data;
		const expected = prices
			.filter((p: any) => owners.includes(p.customer?.id))
			.map((p: any) => p.id)
			.sort();
		expect(found.results.map((r) => r.value).sort()).toEqual(expected);
		const byProduct = await listSearch.searchSalesPrices.call(context(), '11');
		expect(byProduct.results.map((r) => r.value).sort()).toEqual(['1', '6']);
		const nobody = await listSearch.searchSalesPrices.call(context(), 'Zzyzx');
		expect(nobody.results[0]).toEqual({
			name: 'No customer contains "Zzyzx": type a product ID, or part of a customer\'s name',
			value: '',
		});
	});
});

describe('dropdowns', () => {
	it.each([
		['getProjects', '/api/v1/projects', 'name'],
		['getShippingMethods', '/api/v1/shippingMethods', 'designation'],
		['getPaymentMethods', '/api/v1/paymentMethods', 'designation'],
	] as const)('%s lists every entry of %s by name', async (method, path, nameKey) => {
		const expected = (await xentral.direct('GET', `${path}?page[number]=1&page[size]=50`)).body
			.data;
		const options = await loadOptions[method].call(context());
		expect(options.map((o) => o.value).sort()).toEqual(expected.map((e: any) => e.id).sort());
		for (const entry of expected)
			expect(options.find((o) => o.value === entry.id)?.name).toBe(entry[nameKey]);
	});

	it('says how to give a project where the instance has no project list', async () => {
		await xentral.sandbox.fault({ method: 'GET', path: '/api/v1/projects', status: 404 });
		await expect(loadOptions.getProjects.call(context())).rejects.toThrow(
			'This Xentral instance does not offer the project list (HTTP 404): give the project ID by expression',
		);
	});
});

describe(`Customer > From List beyond the newest ${SEARCH_LIMIT}`, () => {
	const big = useXentralSandbox(['--customers', '1030', '--rate-limit', '0']);
	const bigContext = () =>
		loadOptionsContext({
			type: 'n8n-nodes-erp-customers.xentral',
			parameters: { resource: 'customer', operation: 'get' },
			credentials: big.credentials(),
			nodeCredentials: { xentralApi: { id: 'xentralSandbox', name: 'Xentral sandbox' } },
		});

	it('finds an old customer by its exact number or e-mail, and says what to type when a part finds none', async () => {
		await big.direct('PATCH', '/api/v2/customers/2', { name: 'Zeppelin Altbestand GmbH' });
		const part = await listSearch.searchCustomers.call(bigContext(), 'Zeppelin');
		expect(part.results).toEqual([
			{
				name: `No customer among the newest 1,000 contains "Zeppelin": type the exact name, customer number or e-mail to search them all`,
				value: '',
			},
		]);
		const exact = await listSearch.searchCustomers.call(bigContext(), 'Zeppelin Altbestand GmbH');
		expect(exact.results.map((r) => r.value)).toEqual(['2']);
		const byNumber = await listSearch.searchCustomers.call(bigContext(), '10002');
		expect(byNumber.results.map((r) => r.value)).toContain('2');
		// 20 pages of the newest customers, read once; each search adds one exact lookup.
		const pages = (await big.apiCalls()).filter((c) => c.query['order[0][dir]'] === 'desc');
		expect(pages).toHaveLength(20);
	});
});

import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { JtlPath } from '../transport';
import { jtlApiRequest, jtlPath, asArray, readV1Page, readV2Page } from '../transport';
import { customerIdsOf, parseAnyCustomerId } from '../helpers/customerId';
import { simplifyAddress } from '../helpers/simplify';
import { requestV2CustomerList } from '../helpers/v2Lists';

const PAGE_SIZE = 50;

function customerLabel(number: unknown, address: IDataObject | undefined): string {
	const name = address
		? [
				address.Company ?? address.companyName,
				[address.FirstName ?? address.firstName, address.LastName ?? address.lastName]
					.filter(Boolean)
					.join(' '),
				address.City ?? address.city,
			]
				.filter((part) => typeof part === 'string' && part.trim() !== '')
				.join(', ')
		: '';
	return name ? `${String(number)} – ${name}` : String(number);
}

/**
 * A v1 keyword search (`searchKeyWord`) as "From list": one page per call, the next page as the
 * pagination token.
 */
async function searchV1List(
	ctx: ILoadOptionsFunctions,
	path: JtlPath,
	filter: string | undefined,
	paginationToken: string | undefined,
	toResult: (record: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { pageNumber, pageSize: PAGE_SIZE };
	if (filter) qs.searchKeyWord = filter;
	const page = readV1Page((await jtlApiRequest(ctx, 'GET', path, { qs })).body);
	return {
		results: page.items.map(toResult),
		paginationToken: page.hasMore ? String(pageNumber + 1) : undefined,
	};
}

/** "From list" for v1 customers: JTL's keyword search over number, names, company and city. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchV1List(this, jtlPath`/customers`, filter, paginationToken, (c) => ({
		name: customerLabel(c.Number, c.BillingAddress as IDataObject | undefined),
		value: String(c.Id),
	}));
}

/**
 * "From list" for v2 operations. Without a search text it pages through the v2 list sorted by
 * number, with the UUIDs, so that a picked customer needs no lookup. The v2 list has no search, so
 * a search text goes to JTL's keyword search on the v1 list (number and the main billing address,
 * any part of them where JTL matches parts) and the hits carry their v1 IDs: every customer field
 * takes either ID, and the node finds the UUID once per run when the operation needs it.
 */
export async function searchCustomersV2(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (filter?.trim()) return await searchCustomers.call(this, filter.trim(), paginationToken);
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { pageNumber, pageSize: PAGE_SIZE, sortBy: 'customerNumber' };
	const page = readV2Page(await requestV2CustomerList(this, qs));
	const results = page.items.map((c) => {
		const addresses = Array.isArray(c.addresses) ? (c.addresses as IDataObject[]) : [];
		const main = addresses.find((a) => a.addressType === 0 && a.isDefaultAddress) ?? addresses[0];
		return { name: customerLabel(c.customerNumber, main), value: String(c.id) };
	});
	return { results, paginationToken: page.hasMore ? String(pageNumber + 1) : undefined };
}

/** The customer chosen above the field, as the ID this API takes; undefined while none is set. */
async function chosenCustomer(
	ctx: ILoadOptionsFunctions,
	api: 'v1' | 'v2',
): Promise<number | string | undefined> {
	const value = ctx.getCurrentNodeParameter('customerId', { extractValue: true });
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const customer = parseAnyCustomerId(ctx, value, 0);
	if (customer.surface === api) return customer.id;
	const ids = await customerIdsOf(ctx, customer, 0);
	return ids[api] ?? undefined;
}

const matches = (needle: string | undefined, name: string) =>
	!needle?.trim() || name.toLowerCase().includes(needle.trim().toLowerCase());

/** "From list" for Contact: the contact persons of the chosen customer (`GET /customers/{id}/contacts`). */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const customerId = await chosenCustomer(this, 'v1');
	if (customerId === undefined) return { results: [] };
	const contacts =
		asArray((await jtlApiRequest(this, 'GET', jtlPath`/customers/${customerId}/contacts`)).body) ??
		[];
	const results = contacts.map((c) => {
		const name = [[c.FirstName, c.LastName].filter(Boolean).join(' '), c.Department, c.EmailAddress]
			.filter((part) => typeof part === 'string' && part.trim() !== '')
			.join(' – ');
		return { name: name || `Contact ${String(c.Id)}`, value: String(c.Id) };
	});
	return { results: results.filter((r) => matches(filter, r.name)) };
}

/** "From list" for Address: the addresses of the chosen customer (`GET /v2/customers/{uuid}`). */
export async function searchAddresses(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const customerId = await chosenCustomer(this, 'v2');
	if (customerId === undefined) return { results: [] };
	const { body } = await jtlApiRequest<IDataObject>(
		this,
		'GET',
		jtlPath`/v2/customers/${customerId}`,
	);
	const addresses = Array.isArray(body?.addresses) ? (body.addresses as IDataObject[]) : [];
	const results = addresses.map((a) => {
		const shape = simplifyAddress(a, customerId);
		const name = [shape.type, shape.company, shape.street, shape.city]
			.filter((part) => part !== null && part !== '')
			.join(', ');
		return { name, value: String(a.customerAddressId) };
	});
	return { results: results.filter((r) => matches(filter, r.name)) };
}

/** "From list" for Item: JTL's item search (`GET /items?searchKeyWord=`) over SKU and name. */
export async function searchItems(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchV1List(this, jtlPath`/items`, filter, paginationToken, (i) => ({
		name: [i.SKU, i.Name].filter(Boolean).map(String).join(' – ') || `Item ${String(i.Id)}`,
		value: String(i.Id),
	}));
}

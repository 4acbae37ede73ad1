import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { jtlApiRequest, jtlPath } from '../transport';
import { readV1Page, readV2Page } from '../helpers/paging';
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

/** "From list" for v1 customers: JTL's keyword search over number, names, company and city. */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { pageNumber, pageSize: PAGE_SIZE };
	if (filter) qs.searchKeyWord = filter;
	const page = readV1Page((await jtlApiRequest(this, 'GET', jtlPath`/customers`, { qs })).body);
	return {
		results: page.items.map((c) => ({
			name: customerLabel(c.Number, c.BillingAddress as IDataObject | undefined),
			value: String(c.Id),
		})),
		paginationToken: page.hasMore ? String(pageNumber + 1) : undefined,
	};
}

/**
 * "From list" for v2 customers (UUIDs). The v2 list has no keyword search, so the text filter is
 * applied to each page here.
 */
export async function searchCustomersV2(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const qs: IDataObject = { pageNumber, pageSize: PAGE_SIZE, sortBy: 'customerNumber' };
	const page = readV2Page(await requestV2CustomerList(this, qs));
	const needle = (filter ?? '').trim().toLowerCase();
	const results = page.items
		.map((c) => {
			const addresses = Array.isArray(c.addresses) ? (c.addresses as IDataObject[]) : [];
			const main = addresses.find((a) => a.addressType === 0 && a.isDefaultAddress) ?? addresses[0];
			return { name: customerLabel(c.customerNumber, main), value: String(c.id) };
		})
		.filter((r) => !needle || r.name.toLowerCase().includes(needle));
	return { results, paginationToken: page.hasMore ? String(pageNumber + 1) : undefined };
}

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { readEnvelope } from '../helpers/records';
import type { FlowPath } from '../transport';
import { flowPath, flowRequest } from '../transport';

const PAGE_SIZE = 50;

/** One page of a list as "From list" results; the next page number is the pagination token. */
async function listPage(
	ctx: ILoadOptionsFunctions,
	path: FlowPath,
	paginationToken: string | undefined,
	request: { qs?: IDataObject; body?: IDataObject },
	toResult: (record: IDataObject) => { name: string; value: string },
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const response = await flowRequest(ctx, request.body ? 'POST' : 'GET', path, {
		qs: { ...request.qs, pageNumber, pageSize: PAGE_SIZE },
		body: request.body,
		idempotent: true,
	});
	const page = readEnvelope(ctx, response.body);
	return {
		results: page.items.map(toResult),
		paginationToken: pageNumber * PAGE_SIZE < page.total ? String(pageNumber + 1) : undefined,
	};
}

/** Customers by the API's search (names, city, postal code, company, mobile, email, VAT). */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toResult = (c: IDataObject) => ({
		name:
			[c.displayName || [c.firstname, c.lastname].filter(Boolean).join(' '), c.city]
				.filter(Boolean)
				.join(', ') || String(c.customerUid),
		value: String(c.customerUid),
	});
	return filter
		? await listPage(
				this,
				flowPath`/customers/search`,
				paginationToken,
				{ body: { query: filter } },
				toResult,
			)
		: await listPage(
				this,
				flowPath`/customers`,
				paginationToken,
				{ qs: { sortBy: 'displayName' } },
				toResult,
			);
}

export async function searchCustomerGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const result = await listPage(this, flowPath`/customer-groups`, paginationToken, {}, (g) => ({
		name: String(g.name ?? g.customerGroupUid),
		value: String(g.customerGroupUid),
	}));
	const wanted = filter?.toLowerCase();
	return wanted
		? { ...result, results: result.results.filter((r) => r.name.toLowerCase().includes(wanted)) }
		: result;
}

export async function searchPriceLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listPage(
		this,
		flowPath`/pricelists`,
		paginationToken,
		{ qs: filter ? { pricelistName: filter } : {} },
		(p) => ({ name: String(p.name ?? p.pricelistUid), value: String(p.pricelistUid) }),
	);
}

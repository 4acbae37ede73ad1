import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { httpStatusOf } from '../../shared/errors';
import { readList } from '../helpers/records';
import { readEnvelope, flowPath, flowApiRequest } from '../transport';
import type { FlowPath } from '../transport';

const PAGE_SIZE = 50;

/** Groups and price lists are few: a search reads at most this many and filters them here. */
const MAX_FILTERED = 1000;

/** The words of a search text, lower case. */
const wordsOf = (filter: string) => filter.toLowerCase().split(/\s+/).filter(Boolean);

/** Whether every word occurs somewhere in the texts (in part, ignoring case). */
function hasEveryWord(texts: unknown[], words: string[]): boolean {
	const haystack = texts
		.filter((t) => typeof t === 'string' || typeof t === 'number')
		.join(' ')
		.toLowerCase();
	return words.every((word) => haystack.includes(word));
}

/** One page of a list as "From list" results; the next page number is the pagination token. */
async function listPage(
	ctx: ILoadOptionsFunctions,
	path: FlowPath,
	paginationToken: string | undefined,
	request: { qs?: IDataObject; body?: IDataObject },
	toResult: (record: IDataObject) => { name: string; value: string },
	keep: (record: IDataObject) => boolean = () => true,
): Promise<INodeListSearchResult> {
	const pageNumber = paginationToken ? Number(paginationToken) : 1;
	const response = await flowApiRequest(ctx, request.body ? 'POST' : 'GET', path, {
		qs: { ...request.qs, pageNumber, pageSize: PAGE_SIZE },
		body: request.body,
		idempotent: true,
	});
	const page = readEnvelope(ctx, response.body);
	return {
		results: page.items.filter(keep).map(toResult),
		paginationToken: pageNumber * PAGE_SIZE < page.total ? String(pageNumber + 1) : undefined,
	};
}

const CUSTOMER_TEXTS = [
	'displayName',
	'firstname',
	'lastname',
	'companyName',
	'city',
	'postalCode',
	'email',
	'mobile',
	'vatNumber',
	'customerUid',
];

/**
 * Customers by the API's search: its `query` matches first and last name, company, city, postal
 * code, mobile, email and VAT number in part [verified: SEED]. Text of several words ("Ola
 * Hansen") is sent as its longest word, and the customers that hold every word are kept. Without
 * text, the list by display name (the API's order where it takes no sortBy).
 */
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
	const words = wordsOf(filter ?? '');
	if (words.length > 0) {
		const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
		return await listPage(
			this,
			flowPath`/customers/search`,
			paginationToken,
			{ body: { query: longest } },
			toResult,
			(c) =>
				hasEveryWord(
					CUSTOMER_TEXTS.map((key) => c[key]),
					words,
				),
		);
	}
	const list = (qs: IDataObject) =>
		listPage(this, flowPath`/customers`, paginationToken, { qs }, toResult);
	// Which sortBy values the API takes is not documented: refused, the list comes unsorted.
	return await list({ sortBy: 'displayName' }).catch(async (error: unknown) => {
		if (httpStatusOf(error) !== 400) throw error;
		return await list({});
	});
}

/** Records of a short list whose name or UID holds every word of the text, read whole. */
async function filteredList(
	ctx: ILoadOptionsFunctions,
	path: FlowPath,
	key: string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const toResult = (r: IDataObject) => ({ name: String(r.name ?? r[key]), value: String(r[key]) });
	const words = wordsOf(filter ?? '');
	if (words.length === 0) return await listPage(ctx, path, paginationToken, {}, toResult);
	const records = await readList(ctx, path, { max: MAX_FILTERED });
	return {
		results: records.filter((r) => hasEveryWord([r.name, r[key]], words)).map(toResult),
	};
}

/** Customer groups whose name holds the text in part (the API has no name filter). */
export async function searchCustomerGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await filteredList(
		this,
		flowPath`/customer-groups`,
		'customerGroupUid',
		filter,
		paginationToken,
	);
}

/**
 * Price lists whose name holds the text in part. The API's `pricelistName` filter does not say
 * whether it matches in part, so the lists are read and filtered here.
 */
export async function searchPriceLists(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await filteredList(this, flowPath`/pricelists`, 'pricelistUid', filter, paginationToken);
}

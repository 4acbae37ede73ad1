import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { CustomerEntry } from '../helpers/customerSearch';
import { customerEntry, SEARCH_LIMIT, searchCustomersFor } from '../helpers/customerSearch';
import type { XentralPath } from '../transport';
import { pageOf, xentralApiRequest, xentralPath, XENTRAL_PAGE_SIZE } from '../transport';

/** One page of a list for "From list"; the next page number is the pagination token. */
async function searchPage(
	ctx: ILoadOptionsFunctions,
	path: XentralPath,
	qs: IDataObject,
	paginationToken: string | undefined,
): Promise<{ items: IDataObject[]; next?: string }> {
	const pageNumber = paginationToken && /^\d+$/.test(paginationToken) ? Number(paginationToken) : 1;
	const page = pageOf(
		ctx,
		(
			await xentralApiRequest(ctx, 'GET', path, {
				qs: { ...qs, 'page[number]': pageNumber, 'page[size]': XENTRAL_PAGE_SIZE },
			})
		).body,
		'a list',
	);
	const more =
		page.items.length >= XENTRAL_PAGE_SIZE &&
		(page.total === undefined || pageNumber * XENTRAL_PAGE_SIZE < page.total);
	return { items: page.items, next: more ? String(pageNumber + 1) : undefined };
}

/** A result row that picks nothing and says what to type instead. */
const hint = (name: string): INodeListSearchItems => ({ name, value: '' });

const customerItem = (c: CustomerEntry): INodeListSearchItems => ({
	name: `${c.number || c.id} – ${c.name || c.email || c.id}`,
	value: c.id,
});

/** Search results in pages of 50, the offset as the pagination token. */
function pageOfResults(
	rows: INodeListSearchItems[],
	paginationToken: string | undefined,
): INodeListSearchResult {
	const offset = paginationToken && /^\d+$/.test(paginationToken) ? Number(paginationToken) : 0;
	const next = offset + XENTRAL_PAGE_SIZE;
	return {
		results: rows.slice(offset, next),
		paginationToken: next < rows.length ? String(next) : undefined,
	};
}

/**
 * Customers for "From list". Without a search text: the list, page by page. With one: customers
 * whose name, number or e-mail contains it (every word, in any case) among the newest 1,000, and
 * any customer whose name, number or e-mail is exactly the text (see helpers/customerSearch.ts).
 */
export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	if (!text) {
		const { items, next } = await searchPage(
			this,
			xentralPath`/api/v2/customers`,
			{},
			paginationToken,
		);
		return {
			results: items.map((c) => customerItem(customerEntry(c))),
			paginationToken: next,
		};
	}
	const { customers, complete } = await searchCustomersFor(this, text);
	if (customers.length === 0 && !complete)
		return {
			results: [
				hint(
					`No customer among the newest ${SEARCH_LIMIT.toLocaleString('en-US')} contains "${text}": type the exact name, customer number or e-mail to search them all`,
				),
			],
		};
	return pageOfResults(customers.map(customerItem), paginationToken);
}

/** The chosen customer of the node, when it is a plain ID; for the contact person list. */
function currentCustomerId(ctx: ILoadOptionsFunctions): string | undefined {
	const value = ctx.getCurrentNodeParameter('customerId', { extractValue: true });
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return /^\d{1,18}$/.test(text) ? text : undefined;
}

/** The most contact persons of one customer searched in the node when `contains` finds none. */
const CONTACT_SCAN_PAGES = 10;

/**
 * Contact persons of the chosen customer. A search text goes to Xentral as `name contains` (the
 * contact person list documents it); whether Xentral compares with case is not documented, so
 * when that finds nothing, the node looks through the customer's first 500 contact persons
 * itself, in any case.
 */
export async function searchContactPersons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const customerId = currentCustomerId(this);
	if (!customerId)
		return { results: [hint('Choose the customer first: its contact persons are listed here')] };
	const path = xentralPath`/api/v1/customers/${customerId}/contactPerson`;
	const text = filter?.trim() ?? '';
	const item = (p: IDataObject) => ({ name: String(p.name ?? p.id), value: String(p.id) });
	if (!text) {
		const { items, next } = await searchPage(this, path, {}, paginationToken);
		return { results: items.map(item), paginationToken: next };
	}
	const contains = {
		'filter[0][key]': 'name',
		'filter[0][op]': 'contains',
		'filter[0][value]': text,
	};
	const { items, next } = await searchPage(this, path, contains, paginationToken);
	if (items.length > 0 || paginationToken)
		return { results: items.map(item), paginationToken: next };
	const all: IDataObject[] = [];
	for (let page = 1, token: string | undefined = '1'; token && page <= CONTACT_SCAN_PAGES; page++) {
		const read = await searchPage(this, path, {}, token);
		all.push(...read.items);
		token = read.next;
	}
	const wanted = text.toLowerCase();
	return {
		results: all
			.filter((p) =>
				String(p.name ?? '')
					.toLowerCase()
					.includes(wanted),
			)
			.map(item),
	};
}

const idOf = (ref: unknown) =>
	ref && typeof ref === 'object' ? (ref as IDataObject).id : undefined;

function priceItem(p: IDataObject): INodeListSearchItems {
	const price = (p.price ?? {}) as IDataObject;
	const customerId = idOf(p.customer);
	const groupId = idOf(p.customerGroup);
	const who = customerId
		? `customer ${String(customerId)}`
		: groupId
			? `group ${String(groupId)}`
			: 'everyone';
	return {
		name: `Product ${String(idOf(p.product))} – ${who}, from ${String(p.amount)}: ${String(price.amount)} ${String(price.currency ?? '')}`.trim(),
		value: String(p.id),
	};
}

/**
 * Sales prices. Digits search the product ID; any other text the prices of the customers whose
 * name, number or e-mail contains it (found as the customer picker finds them, up to 50).
 */
export async function searchSalesPrices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const path = xentralPath`/api/v1/salesPrices`;
	let qs: IDataObject = {};
	if (/^\d+$/.test(text)) {
		qs = { 'filter[0][key]': 'productId', 'filter[0][op]': 'equals', 'filter[0][value]': text };
	} else if (text) {
		const { customers } = await searchCustomersFor(this, text);
		if (customers.length === 0)
			return {
				results: [
					hint(`No customer contains "${text}": type a product ID, or part of a customer's name`),
				],
			};
		qs = { 'filter[0][key]': 'customerId', 'filter[0][op]': 'in' };
		customers.slice(0, XENTRAL_PAGE_SIZE).forEach((c, i) => (qs[`filter[0][value][${i}]`] = c.id));
	}
	const { items, next } = await searchPage(this, path, qs, paginationToken);
	return { results: items.map(priceItem), paginationToken: next };
}

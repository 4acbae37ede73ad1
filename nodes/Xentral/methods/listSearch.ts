import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { customerSearchQuery } from '../helpers/customerMatch';
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

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { items, next } = await searchPage(
		this,
		xentralPath`/api/v2/customers`,
		customerSearchQuery(filter),
		paginationToken,
	);
	return {
		results: items.map((c) => ({
			name: `${String(c.number ?? c.id)} – ${String(c.name ?? [c.firstname, c.lastname].filter(Boolean).join(' '))}`,
			value: String(c.id),
		})),
		paginationToken: next,
	};
}

/** The chosen customer of the node, when it is a plain ID; for the contact person list. */
function currentCustomerId(ctx: ILoadOptionsFunctions): string | undefined {
	const value = ctx.getCurrentNodeParameter('customerId', { extractValue: true });
	const text =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return /^\d{1,18}$/.test(text) ? text : undefined;
}

export async function searchContactPersons(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const customerId = currentCustomerId(this);
	if (!customerId) return { results: [] };
	const qs = filter?.trim()
		? { 'filter[0][key]': 'name', 'filter[0][op]': 'contains', 'filter[0][value]': filter.trim() }
		: {};
	const { items, next } = await searchPage(
		this,
		xentralPath`/api/v1/customers/${customerId}/contactPerson`,
		qs,
		paginationToken,
	);
	return {
		results: items.map((p) => ({ name: String(p.name ?? p.id), value: String(p.id) })),
		paginationToken: next,
	};
}

export async function searchSalesPrices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const text = filter?.trim() ?? '';
	const qs = /^\d+$/.test(text)
		? { 'filter[0][key]': 'productId', 'filter[0][op]': 'equals', 'filter[0][value]': text }
		: {};
	const { items, next } = await searchPage(
		this,
		xentralPath`/api/v1/salesPrices`,
		qs,
		paginationToken,
	);
	return {
		results: items.map((p) => {
			const price = (p.price ?? {}) as IDataObject;
			const who = (p.customer as IDataObject | null)?.id
				? `customer ${String((p.customer as IDataObject).id)}`
				: (p.customerGroup as IDataObject | null)?.id
					? `group ${String((p.customerGroup as IDataObject).id)}`
					: 'everyone';
			return {
				name: `Product ${String((p.product as IDataObject)?.id)} – ${who}, from ${String(p.amount)}: ${String(price.amount)} ${String(price.currency ?? '')}`.trim(),
				value: String(p.id),
			};
		}),
		paginationToken: next,
	};
}

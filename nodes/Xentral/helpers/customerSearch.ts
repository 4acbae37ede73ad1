import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { paginateByPageNumber } from '../../shared/pagination';
import {
	pageOf,
	xentralConnection,
	XENTRAL_PAGE_CONCURRENCY,
	XENTRAL_PAGE_SIZE,
	xentralApiRequest,
	xentralPath,
} from '../transport';

/**
 * Xentral's v2 customer list has no "contains" filter, so a part of a name is searched in the
 * node: among the newest SEARCH_LIMIT customers (20 pages of 50), read once and kept for
 * SEARCH_CACHE_MS per instance. The exact name, number or e-mail is always also asked of Xentral,
 * so an exact value finds a customer beyond that bound too.
 */
export const SEARCH_LIMIT = 1000;
export const SEARCH_CACHE_MS = 5 * 60_000;

/** What the picker needs of a customer. */
export interface CustomerEntry {
	id: string;
	number: string;
	name: string;
	email: string;
}

interface CachedList {
	at: number;
	customers: CustomerEntry[];
	/** Whether the list holds every customer of the instance (it has no more than the bound). */
	complete: boolean;
}

const cache = new Map<string, Promise<CachedList>>();

/** Forgets every cached list (tests, and a user who wants to search again at once). */
export function forgetCustomerSearchCache(): void {
	cache.clear();
}

const textOf = (value: unknown) =>
	typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';

export function customerEntry(record: IDataObject): CustomerEntry {
	const person = [textOf(record.firstname), textOf(record.lastname)].filter(Boolean).join(' ');
	const contact = (record.contactDetails ?? {}) as IDataObject;
	return {
		id: textOf(record.id),
		number: textOf(record.number),
		name: textOf(record.name) || person,
		email: textOf(contact.email ?? record.email),
	};
}

/** The newest customers of the instance, from the cache while it is fresh. */
async function newestCustomers(ctx: ILoadOptionsFunctions): Promise<CachedList> {
	const key = (await xentralConnection(ctx)).baseUrl;
	const now = Date.now();
	const cached = cache.get(key);
	if (cached) {
		const list = await cached.catch(() => undefined);
		if (list && now - list.at < SEARCH_CACHE_MS) return list;
	}
	const loading = (async (): Promise<CachedList> => {
		let total: number | undefined;
		const records = await paginateByPageNumber(
			async (pageNumber, pageSize) => {
				const page = pageOf(
					ctx,
					(
						await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, {
							qs: {
								'order[0][field]': 'id',
								'order[0][dir]': 'desc',
								'page[number]': pageNumber,
								'page[size]': pageSize,
							},
						})
					).body,
					'a list of customers',
				);
				if (pageNumber === 1) total = page.total;
				return page;
			},
			{
				max: SEARCH_LIMIT,
				pageSizeMax: XENTRAL_PAGE_SIZE,
				concurrency: XENTRAL_PAGE_CONCURRENCY,
				keyOf: (c) => String((c as IDataObject).id),
			},
		);
		return {
			at: now,
			customers: records.map(customerEntry),
			complete: total !== undefined ? total <= records.length : records.length < SEARCH_LIMIT,
		};
	})();
	cache.set(key, loading);
	loading.catch(() => cache.delete(key));
	return await loading;
}

/** Whether every word of the search text is part of the customer's name, number, e-mail or ID. */
export function matchesSearch(customer: CustomerEntry, text: string): boolean {
	const haystack =
		`${customer.name} ${customer.number} ${customer.email} ${customer.id}`.toLowerCase();
	return text
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}

/** The v2 filter key an exact value is asked by: an e-mail, a number, else a name. */
export function exactKeyOf(text: string): 'email' | 'number' | 'name' {
	return text.includes('@') ? 'email' : /^\d+$/.test(text) ? 'number' : 'name';
}

export interface CustomerSearch {
	customers: CustomerEntry[];
	/** Whether the node could search every customer for a part of the text. */
	complete: boolean;
}

/**
 * The customers whose name, number or e-mail contains the text (every word of it, in any case),
 * the exact matches Xentral's `equals` filter finds first.
 */
export async function searchCustomersFor(
	ctx: ILoadOptionsFunctions,
	text: string,
): Promise<CustomerSearch> {
	const exact = pageOf(
		ctx,
		(
			await xentralApiRequest(ctx, 'GET', xentralPath`/api/v2/customers`, {
				qs: {
					'filter[0][key]': exactKeyOf(text),
					'filter[0][op]': 'equals',
					'filter[0][value]': text,
					'page[number]': 1,
					'page[size]': XENTRAL_PAGE_SIZE,
				},
			})
		).body,
		'a list of customers',
	).items.map(customerEntry);
	const newest = await newestCustomers(ctx);
	const seen = new Set(exact.map((c) => c.id));
	const partial = newest.customers.filter((c) => !seen.has(c.id) && matchesSearch(c, text));
	return { customers: [...exact, ...partial], complete: newest.complete };
}

import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { mapConcurrently } from '../../shared/pagination';
import { runCache } from '../../shared/runCache';
import { JTL_PAGE_CONCURRENCY, JTL_PAGE_SIZE_MAX, readV2Page } from '../transport';
import { knownCustomer, rememberCustomer } from './knownCustomers';
import { requestV2CustomerList } from './v2Lists';

/**
 * Finding a customer's v2 UUID by its customer number. JTL's v2 list documents no number filter,
 * only sorting, so the node reads `GET /v2/customers` sorted by customer number (then ID), 100 per
 * page, and searches it like a sorted book: page 1 tells how many pages there are, and each page
 * read halves the pages left to look at, so one number costs about log2(pages) + 1 requests (a
 * tenant of 20,000 customers: about 9). Every page read is kept for the run and serves every
 * further number. Where JTL's order of numbers is not the order the node compares them in (a
 * collation with other rules), the node notices that a page is out of its order and reads the
 * pages it has not read instead; so a customer is never missed, it only costs more requests.
 */

interface SortedPage {
	/** The lowest and highest customer number on the page, in the node's order; null when empty. */
	first: string | null;
	last: string | null;
	count: number;
	/** Whether the page's numbers are in the node's order. */
	ordered: boolean;
}

interface V2NumberIndex {
	pages: Map<number, Promise<SortedPage>>;
	/** Known once page 1 is read (from its total, or from the last page). */
	totalPages: number | undefined;
	/** The list failed (an older JTL-Wawi has none): not asked again in this run. */
	failed: boolean;
}

/** The node's order of customer numbers: JTL's collations ignore case. */
export function compareNumbers(a: string, b: string): number {
	const x = a.toLowerCase();
	const y = b.toLowerCase();
	return x < y ? -1 : x > y ? 1 : 0;
}

function indexOf(ctx: object): V2NumberIndex {
	const cache = runCache(ctx);
	let index = cache.get('jtl:v2NumberIndex') as V2NumberIndex | undefined;
	if (!index) {
		index = { pages: new Map(), totalPages: undefined, failed: false };
		cache.set('jtl:v2NumberIndex', index);
	}
	return index;
}

const numberOf = (record: IDataObject) =>
	typeof record.customerNumber === 'string' && record.customerNumber !== ''
		? record.customerNumber
		: null;

async function readSortedPage(
	ctx: RequestContext,
	index: V2NumberIndex,
	pageNumber: number,
	itemIndex?: number,
): Promise<SortedPage> {
	let pending = index.pages.get(pageNumber);
	if (!pending) {
		pending = (async () => {
			const page = readV2Page(
				await requestV2CustomerList(
					ctx,
					{
						pageNumber,
						pageSize: JTL_PAGE_SIZE_MAX,
						sortBy: 'customerNumber,id',
						sortDescending: false,
					},
					itemIndex,
				),
			);
			for (const record of page.items) rememberCustomer(ctx, record);
			const numbers = page.items.map(numberOf).filter((n): n is string => n !== null);
			const ordered = numbers.every((n, i) => i === 0 || compareNumbers(numbers[i - 1], n) <= 0);
			if (pageNumber === 1 && page.total !== undefined)
				index.totalPages = Math.max(1, Math.ceil(page.total / JTL_PAGE_SIZE_MAX));
			if (
				index.totalPages === undefined &&
				(page.hasMore === false || page.items.length < JTL_PAGE_SIZE_MAX)
			)
				index.totalPages = pageNumber;
			return {
				first: numbers.length ? numbers[0] : null,
				last: numbers.length ? numbers[numbers.length - 1] : null,
				count: page.items.length,
				ordered,
			};
		})();
		index.pages.set(pageNumber, pending);
		// A failed page is asked again by the next lookup (unless the whole list is missing).
		pending.catch(() => index.pages.delete(pageNumber));
	}
	return await pending;
}

const uuidOf = (ctx: object, number: string) => knownCustomer(ctx, { number })?.v2 ?? undefined;

/**
 * Searches by halves while the pages read are in the node's order. It stops when the number is
 * found, when a page is out of that order, or when the number would be on a page and is not: then
 * the caller reads the pages left, so a customer is never missed where JTL orders differently.
 */
async function searchByHalves(
	ctx: RequestContext,
	index: V2NumberIndex,
	number: string,
	itemIndex?: number,
): Promise<void> {
	let lo = 1;
	let hi = index.totalPages ?? 0;
	while (lo <= hi) {
		const mid = Math.floor((lo + hi) / 2);
		const page = await readSortedPage(ctx, index, mid, itemIndex);
		if (uuidOf(ctx, number) !== undefined || !page.ordered) return;
		if (page.first === null || page.last === null) hi = mid - 1;
		else if (compareNumbers(number, page.first) < 0) hi = mid - 1;
		else if (compareNumbers(number, page.last) > 0) lo = mid + 1;
		else return;
	}
}

/** Reads every page not read yet (4 at a time once the number of pages is known). */
export async function readWholeV2List(ctx: RequestContext, itemIndex?: number): Promise<void> {
	const index = indexOf(ctx);
	if (index.failed) return;
	await guarded(index, async () => {
		await readSortedPage(ctx, index, 1, itemIndex);
		if (index.totalPages !== undefined) {
			const unread = Array.from({ length: index.totalPages }, (_, i) => i + 1).filter(
				(p) => !index.pages.has(p),
			);
			await mapConcurrently(unread, JTL_PAGE_CONCURRENCY, async (p) => {
				await readSortedPage(ctx, index, p, itemIndex);
			});
			return;
		}
		// Without a total: page after page until a short one.
		for (let p = 2; index.totalPages === undefined; p++)
			await readSortedPage(ctx, index, p, itemIndex);
	});
}

/** The number of pages of the v2 list (reads page 1 if needed); undefined if JTL does not say. */
export async function v2ListPages(
	ctx: RequestContext,
	itemIndex?: number,
): Promise<number | undefined> {
	const index = indexOf(ctx);
	if (index.failed) return undefined;
	await guarded(index, async () => await readSortedPage(ctx, index, 1, itemIndex));
	return index.totalPages;
}

/**
 * A failing or missing v2 list (an older JTL-Wawi) ends the search for the run, so that it is not
 * asked again for every customer; the first failure reaches the caller.
 */
async function guarded(index: V2NumberIndex, work: () => Promise<unknown>): Promise<void> {
	const readBefore = index.pages.size > 0;
	await work().catch((error: unknown) => {
		if (!readBefore && index.pages.size === 0) index.failed = true;
		throw error;
	});
}

/**
 * The v2 UUID of the customer with this number, or null when the v2 list has none. What the run
 * has read serves first; then the sorted list is searched by halves; a customer created during the
 * run is looked for on the newest page (one request).
 */
export async function v2IdByNumber(
	ctx: RequestContext,
	number: string,
	itemIndex?: number,
): Promise<string | null> {
	const seen = uuidOf(ctx, number);
	if (seen !== undefined) return seen;
	const index = indexOf(ctx);
	if (index.failed) return null;
	const readBefore = index.pages.size;
	await guarded(index, async () => {
		await readSortedPage(ctx, index, 1, itemIndex);
		if (uuidOf(ctx, number) !== undefined) return;
		if (index.totalPages !== undefined) await searchByHalves(ctx, index, number, itemIndex);
		// Not found by halves (JTL orders differently, tells no total, or has no such customer):
		// the pages not read yet, one by one, until it turns up.
		for (let p = 2; uuidOf(ctx, number) === undefined; p++) {
			if (index.totalPages !== undefined && p > index.totalPages) break;
			await readSortedPage(ctx, index, p, itemIndex);
		}
	});
	if (uuidOf(ctx, number) === undefined && readBefore > 0) {
		// Pages read earlier in this run may predate the customer: it is among the newest.
		const newest = readV2Page(
			await requestV2CustomerList(
				ctx,
				{
					pageNumber: 1,
					pageSize: JTL_PAGE_SIZE_MAX,
					sortBy: 'createdDate,id',
					sortDescending: true,
				},
				itemIndex,
			),
		);
		for (const record of newest.items) rememberCustomer(ctx, record);
	}
	return uuidOf(ctx, number) ?? null;
}

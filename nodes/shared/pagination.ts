/** One page as a vendor transport reads it. */
export interface Page<T> {
	items: T[];
	/** The vendor's own "there is more" flag, when it sends one. */
	hasMore?: boolean;
	/** Total number of records across all pages, when the vendor sends it. */
	total?: number;
	/** Cursor for the next page (cursor APIs). */
	nextCursor?: string | null;
}

export interface PageNumberOptions {
	/** How many records to return at most; Infinity for "return all". */
	max: number;
	/** The vendor's largest page. Page size stays constant across pages so offsets line up. */
	pageSizeMax: number;
	firstPage?: number;
	/** Hard stop against servers that never say "no more". */
	maxPages?: number;
	/** A stable key per record, to detect a server that ignores the page parameter. */
	keyOf?: (item: unknown) => string;
}

function trimmed<T>(items: T[], max: number): T[] {
	return Number.isFinite(max) ? items.slice(0, max) : items;
}

/**
 * Reads page after page until `max` records are collected or the vendor has no more. Stops on an
 * empty page, a short page, the vendor's hasMore=false, the total reached, or a page that repeats
 * the previous one. Never requests a page it does not need.
 */
export async function paginateByPageNumber<T>(
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
	options: PageNumberOptions,
): Promise<T[]> {
	const { max, pageSizeMax } = options;
	if (max <= 0) return [];
	const pageSize = Math.max(1, Math.min(pageSizeMax, Number.isFinite(max) ? max : pageSizeMax));
	const maxPages = options.maxPages ?? 10_000;
	const keyOf = options.keyOf ?? ((item: unknown) => JSON.stringify(item));
	const collected: T[] = [];
	let previousFirstKey: string | undefined;
	let pageNumber = options.firstPage ?? 1;

	for (let pages = 0; pages < maxPages; pages++, pageNumber++) {
		const page = await fetchPage(pageNumber, pageSize);
		if (page.items.length === 0) break;
		const firstKey = keyOf(page.items[0]);
		if (previousFirstKey !== undefined && firstKey === previousFirstKey) break;
		previousFirstKey = firstKey;
		collected.push(...page.items);
		if (collected.length >= max) break;
		if (page.hasMore === false) break;
		if (page.items.length < pageSize) break;
		if (page.total !== undefined && pageNumber * pageSize >= page.total) break;
	}
	return trimmed(collected, max);
}

export interface CursorOptions {
	max: number;
	pageSizeMax: number;
	maxPages?: number;
}

/** Cursor paging: asks each page for min(remaining, pageMax); stops on no cursor or a repeated one. */
export async function paginateByCursor<T>(
	fetchPage: (cursor: string | undefined, pageSize: number) => Promise<Page<T>>,
	options: CursorOptions,
): Promise<T[]> {
	const { max, pageSizeMax } = options;
	const collected: T[] = [];
	const seen = new Set<string>();
	let cursor: string | undefined;
	const maxPages = options.maxPages ?? 10_000;
	for (let pages = 0; pages < maxPages && collected.length < max; pages++) {
		const remaining = max - collected.length;
		const size = Math.max(
			1,
			Math.min(pageSizeMax, Number.isFinite(remaining) ? remaining : pageSizeMax),
		);
		const page = await fetchPage(cursor, size);
		collected.push(...page.items);
		if (page.items.length === 0 || page.hasMore === false) break;
		const next = page.nextCursor ?? undefined;
		if (!next || seen.has(next)) break;
		seen.add(next);
		cursor = next;
	}
	return trimmed(collected, max);
}

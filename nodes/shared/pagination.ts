/** One page as a vendor transport reads it. */
export interface Page<T> {
	items: T[];
	/** The vendor's own "there is more" flag, when it sends one. */
	hasMore?: boolean;
	/** Total number of records across all pages, when the vendor sends it. */
	total?: number;
	/** Cursor for the next page (cursor APIs). */
	nextCursor?: string | null;
	/** The page size the vendor says it granted, when it tells one. */
	pageSize?: number;
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
	/**
	 * How many pages may be in flight at once once the first page has told the total. 1 (the
	 * default) reads page after page. The rate-limit gate still holds every request.
	 */
	concurrency?: number;
	/**
	 * The vendor may grant a smaller page than asked (its maximum is not known). The first page
	 * tells the size granted: by its `pageSize`, or, when it reports the size asked but comes back
	 * short while its total tells more, by its length. Every later page asks for that size, so the
	 * page numbers line up with the records already read.
	 */
	mayGrantLess?: boolean;
}

function trimmed<T>(items: T[], max: number): T[] {
	return Number.isFinite(max) ? items.slice(0, max) : items;
}

/**
 * The page size a vendor granted when asked for `asked`, read from the first page: the size it
 * reports when that is smaller than asked (never less than the records it sent); else the page's
 * length when the page is short of the size asked while the total tells more records (a vendor
 * that cuts the page without saying so); else the size asked.
 */
export function grantedPageSize(asked: number, first: Page<unknown>): number {
	const length = first.items.length;
	const reported = first.pageSize;
	if (reported !== undefined && Number.isInteger(reported) && reported >= 1 && reported < asked)
		return Math.max(reported, length);
	if (length > 0 && length < asked && first.total !== undefined && first.total > length)
		return length;
	return asked;
}

/**
 * Reads pages until `max` records are collected or the vendor has no more. When the first page
 * tells the total and `concurrency` allows, the remaining pages are read side by side; otherwise
 * page after page (see readOnwards). Never requests a page it does not need.
 */
export async function paginateByPageNumber<T>(
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
	options: PageNumberOptions,
): Promise<T[]> {
	const { max, pageSizeMax } = options;
	if (max <= 0) return [];
	const asked = Math.max(1, Math.min(pageSizeMax, Number.isFinite(max) ? max : pageSizeMax));
	const maxPages = options.maxPages ?? 10_000;
	const firstPage = options.firstPage ?? 1;
	const concurrency = Math.max(1, Math.floor(options.concurrency ?? 1));

	const first = await fetchPage(firstPage, asked);
	const pageSize = options.mayGrantLess ? grantedPageSize(asked, first) : asked;
	// The first page tells how many there are: read the rest side by side, in order.
	if (concurrency > 1 && Number.isFinite(first.total) && first.items.length === pageSize) {
		const wanted = Math.min(max, first.total as number);
		const pages = Math.min(maxPages, Math.ceil(wanted / pageSize));
		const rest = await mapConcurrently(
			Array.from({ length: pages - 1 }, (_, i) => firstPage + 1 + i),
			concurrency,
			async (pageNumber) => (await fetchPage(pageNumber, pageSize)).items,
		);
		return trimmed([...first.items, ...rest.flat()], max);
	}
	return trimmed(await readOnwards(fetchPage, first, firstPage, pageSize, options), max);
}

/**
 * Reads page after page from the one after `first` until `max` records are collected or the
 * vendor has no more. Stops on an empty page, a short page, the vendor's hasMore=false, the total
 * reached, or a page that repeats the previous one. Never requests a page it does not need.
 */
async function readOnwards<T>(
	fetchPage: (pageNumber: number, pageSize: number) => Promise<Page<T>>,
	first: Page<T>,
	firstPage: number,
	pageSize: number,
	options: PageNumberOptions,
): Promise<T[]> {
	const maxPages = options.maxPages ?? 10_000;
	const keyOf = options.keyOf ?? ((item: unknown) => JSON.stringify(item));
	const collected: T[] = [];
	let previousFirstKey: string | undefined;
	let page = first;
	for (let pages = 1, pageNumber = firstPage; ; pages++) {
		if (page.items.length === 0) break;
		const firstKey = keyOf(page.items[0]);
		if (previousFirstKey !== undefined && firstKey === previousFirstKey) break;
		previousFirstKey = firstKey;
		collected.push(...page.items);
		if (collected.length >= options.max) break;
		if (page.hasMore === false) break;
		if (page.items.length < pageSize) break;
		if (page.total !== undefined && (pageNumber - firstPage + 1) * pageSize >= page.total) break;
		if (pages >= maxPages) break;
		pageNumber++;
		page = await fetchPage(pageNumber, pageSize);
	}
	return collected;
}

/**
 * Runs `work` over `inputs` with at most `limit` at a time; results keep the inputs' order. The
 * first failure fails the whole run, and no further work starts after it.
 */
export async function mapConcurrently<I, O>(
	inputs: I[],
	limit: number,
	work: (input: I) => Promise<O>,
): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	let next = 0;
	let failed = false;
	const lane = async (): Promise<void> => {
		// After a failure no lane starts new work: the whole read fails anyway.
		while (next < inputs.length && !failed) {
			const index = next++;
			const done = work(inputs[index]);
			done.catch(() => (failed = true));
			results[index] = await done;
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, inputs.length) }, lane));
	return results;
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

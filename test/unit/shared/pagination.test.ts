import { paginateByCursor, paginateByPageNumber } from '../../../nodes/shared/pagination';

/** A fake page-numbered API over `total` records that logs what was asked. */
function pagedApi(
	total: number,
	opts: { hasMore?: boolean; reportTotal?: boolean; ignorePage?: boolean } = {},
) {
	const calls: Array<{ page: number; size: number }> = [];
	const records = Array.from({ length: total }, (_, i) => ({ id: i + 1 }));
	const fetchPage = async (page: number, size: number) => {
		calls.push({ page, size });
		const start = opts.ignorePage ? 0 : (page - 1) * size;
		const items = records.slice(start, start + size);
		return {
			items,
			hasMore: opts.hasMore === false ? undefined : start + size < total,
			total: opts.reportTotal ? total : undefined,
		};
	};
	return { calls, fetchPage };
}

describe('paginateByPageNumber', () => {
	it('returns everything across pages with Return All and stops on hasMore=false', async () => {
		const api = pagedApi(250);
		const out = await paginateByPageNumber(api.fetchPage, { max: Infinity, pageSizeMax: 100 });
		expect(out).toHaveLength(250);
		expect(out[249]).toEqual({ id: 250 });
		expect(api.calls).toEqual([
			{ page: 1, size: 100 },
			{ page: 2, size: 100 },
			{ page: 3, size: 100 },
		]);
	});

	it('asks for no more than the limit and fetches no extra page', async () => {
		const api = pagedApi(250);
		const out = await paginateByPageNumber(api.fetchPage, { max: 30, pageSizeMax: 100 });
		expect(out.map((r) => r.id)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
		expect(api.calls).toEqual([{ page: 1, size: 30 }]);
	});

	it('keeps the page size constant and trims the overshoot of the last page', async () => {
		const api = pagedApi(500);
		const out = await paginateByPageNumber(api.fetchPage, { max: 150, pageSizeMax: 100 });
		expect(out).toHaveLength(150);
		expect(out[149]).toEqual({ id: 150 });
		expect(api.calls).toEqual([
			{ page: 1, size: 100 },
			{ page: 2, size: 100 },
		]);
	});

	it('stops on a short page when the vendor sends no hasMore flag', async () => {
		const api = pagedApi(120, { hasMore: false });
		const out = await paginateByPageNumber(api.fetchPage, { max: Infinity, pageSizeMax: 50 });
		expect(out).toHaveLength(120);
		expect(api.calls.map((c) => c.page)).toEqual([1, 2, 3]);
	});

	it('stops when the reported total is reached, without asking for an empty page', async () => {
		const api = pagedApi(100, { hasMore: false, reportTotal: true });
		const out = await paginateByPageNumber(api.fetchPage, { max: Infinity, pageSizeMax: 50 });
		expect(out).toHaveLength(100);
		expect(api.calls.map((c) => c.page)).toEqual([1, 2]);
	});

	it('stops on an empty first page', async () => {
		const api = pagedApi(0);
		expect(await paginateByPageNumber(api.fetchPage, { max: Infinity, pageSizeMax: 50 })).toEqual(
			[],
		);
		expect(api.calls).toHaveLength(1);
	});

	it('detects a server that ignores the page number instead of looping forever', async () => {
		const api = pagedApi(500, { ignorePage: true });
		const out = await paginateByPageNumber(
			async (page, size) => ({ ...(await api.fetchPage(page, size)), hasMore: true }),
			{ max: Infinity, pageSizeMax: 100, keyOf: (r) => String((r as { id: number }).id) },
		);
		expect(out).toHaveLength(100);
		expect(api.calls).toHaveLength(2);
	});

	it('returns nothing and sends nothing for a limit of zero', async () => {
		const api = pagedApi(10);
		expect(await paginateByPageNumber(api.fetchPage, { max: 0, pageSizeMax: 50 })).toEqual([]);
		expect(api.calls).toHaveLength(0);
	});
});

describe('paginateByCursor', () => {
	const cursorApi = (total: number, repeatCursor = false) => {
		const calls: Array<{ cursor?: string; size: number }> = [];
		const fetchPage = async (cursor: string | undefined, size: number) => {
			calls.push({ cursor, size });
			const start = cursor ? Number(cursor) : 0;
			const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({
				id: start + i,
			}));
			const next = start + size < total ? String(repeatCursor ? size : start + size) : null;
			return { items, nextCursor: next };
		};
		return { calls, fetchPage };
	};

	it('asks each page for min(remaining, pageMax) and stops at the limit', async () => {
		const api = cursorApi(1000);
		const out = await paginateByCursor(api.fetchPage, { max: 130, pageSizeMax: 50 });
		expect(out).toHaveLength(130);
		expect(api.calls.map((c) => c.size)).toEqual([50, 50, 30]);
	});

	it('stops when the cursor is missing', async () => {
		const api = cursorApi(70);
		const out = await paginateByCursor(api.fetchPage, { max: Infinity, pageSizeMax: 50 });
		expect(out).toHaveLength(70);
		expect(api.calls).toHaveLength(2);
	});

	it('stops when the server repeats a cursor', async () => {
		const api = cursorApi(1000, true);
		const out = await paginateByCursor(api.fetchPage, { max: Infinity, pageSizeMax: 50 });
		expect(api.calls.map((c) => c.cursor)).toEqual([undefined, '50']);
		expect(out).toHaveLength(100);
	});
});

describe('paginateByPageNumber with concurrency', () => {
	/** A server of `total` numbered records that tracks how many requests are in flight. */
	function server(total: number, failPage?: number) {
		let inFlight = 0;
		let peak = 0;
		const asked: number[] = [];
		const fetchPage = async (pageNumber: number, pageSize: number) => {
			asked.push(pageNumber);
			inFlight++;
			peak = Math.max(peak, inFlight);
			await Promise.resolve();
			await Promise.resolve();
			inFlight--;
			if (pageNumber === failPage) throw new Error(`page ${pageNumber} failed`);
			const start = (pageNumber - 1) * pageSize;
			const items = Array.from(
				{ length: Math.max(0, Math.min(pageSize, total - start)) },
				(_, i) => start + i,
			);
			return { items, total };
		};
		return { fetchPage, asked, peak: () => peak };
	}

	it('reads the pages after the first side by side, at most `concurrency` at once, in order', async () => {
		const s = server(1050);
		const all = await paginateByPageNumber(s.fetchPage, {
			max: Infinity,
			pageSizeMax: 100,
			concurrency: 4,
		});
		expect(all).toEqual(Array.from({ length: 1050 }, (_, i) => i));
		expect([...s.asked].sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
		expect(s.peak()).toBe(4);
	});

	it('asks for no page beyond the limit', async () => {
		const s = server(1050);
		const some = await paginateByPageNumber(s.fetchPage, {
			max: 250,
			pageSizeMax: 100,
			concurrency: 4,
		});
		expect(some).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(s.asked.sort()).toEqual([1, 2, 3]);
	});

	it('reads page after page when the first page tells no total', async () => {
		const s = server(250);
		const withoutTotal = async (n: number, size: number) => ({
			items: (await s.fetchPage(n, size)).items,
		});
		const all = await paginateByPageNumber(withoutTotal, {
			max: Infinity,
			pageSizeMax: 100,
			concurrency: 4,
		});
		expect(all).toHaveLength(250);
		expect(s.peak()).toBe(1);
	});

	it('reads page after page when the total the first page tells is not a number', async () => {
		const s = server(250);
		const unknownTotal = async (n: number, size: number) => ({
			items: (await s.fetchPage(n, size)).items,
			total: Infinity,
		});
		const all = await paginateByPageNumber(unknownTotal, {
			max: Infinity,
			pageSizeMax: 100,
			concurrency: 4,
		});
		expect(all).toHaveLength(250);
		expect(s.asked).toEqual([1, 2, 3]);
		expect(s.peak()).toBe(1);
	});

	it('fails the read when one page fails, and starts no page after that', async () => {
		const s = server(3000, 3);
		await expect(
			paginateByPageNumber(s.fetchPage, { max: Infinity, pageSizeMax: 100, concurrency: 2 }),
		).rejects.toThrow('page 3 failed');
		expect(s.asked.length).toBeLessThan(30);
	});
});

describe('paginateByPageNumber when the vendor may grant a smaller page', () => {
	/**
	 * A vendor of `total` numbered records whose largest page is `largest`: a larger ask is cut to
	 * it, and reported as granted (`report`) or with the size asked.
	 */
	function tenant(total: number, largest: number, report: boolean) {
		const asked: Array<{ page: number; size: number }> = [];
		const fetchPage = async (page: number, size: number) => {
			asked.push({ page, size });
			const granted = Math.min(size, largest);
			const start = (page - 1) * granted;
			const items = Array.from(
				{ length: Math.max(0, Math.min(granted, total - start)) },
				(_, i) => start + i,
			);
			return { items, total, pageSize: report ? granted : size };
		};
		return { asked, fetchPage };
	}

	it.each([
		['reports the size it granted', true],
		['cuts the page without a word', false],
	])('reads every record once when the vendor %s', async (_, report) => {
		const t = tenant(2345, 100, report);
		const all = await paginateByPageNumber(t.fetchPage, {
			max: Infinity,
			pageSizeMax: 1000,
			mayGrantLess: true,
		});
		expect(all).toEqual(Array.from({ length: 2345 }, (_, i) => i));
		expect(t.asked).toHaveLength(Math.ceil(2345 / 100));
		expect(t.asked[0]).toEqual({ page: 1, size: 1000 });
		expect(t.asked.slice(1).every((a) => a.size === 100)).toBe(true);
	});

	it('reads a limit across granted pages and stops at it', async () => {
		const t = tenant(5000, 100, false);
		const some = await paginateByPageNumber(t.fetchPage, {
			max: 250,
			pageSizeMax: 1000,
			mayGrantLess: true,
		});
		expect(some).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(t.asked.map((a) => a.page)).toEqual([1, 2, 3]);
	});

	it('takes a short first page that holds the whole total as the last page', async () => {
		const t = tenant(40, 100, false);
		const all = await paginateByPageNumber(t.fetchPage, {
			max: Infinity,
			pageSizeMax: 1000,
			mayGrantLess: true,
		});
		expect(all).toHaveLength(40);
		expect(t.asked).toHaveLength(1);
	});

	it('costs ceil(N / size asked) requests when the vendor grants the size asked', async () => {
		const t = tenant(2345, 5000, true);
		const all = await paginateByPageNumber(t.fetchPage, {
			max: Infinity,
			pageSizeMax: 1000,
			mayGrantLess: true,
		});
		expect(all).toHaveLength(2345);
		expect(t.asked).toEqual([
			{ page: 1, size: 1000 },
			{ page: 2, size: 1000 },
			{ page: 3, size: 1000 },
		]);
	});

	it('without the option keeps the old reading: a short first page ends the read', async () => {
		const t = tenant(2345, 100, false);
		const all = await paginateByPageNumber(t.fetchPage, { max: Infinity, pageSizeMax: 1000 });
		expect(all).toHaveLength(100);
	});
});

import fc from 'fast-check';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/clock';
import type { PollSource } from '../../../nodes/shared/pollEngine';
import { eventKeyOf, pollEventOf } from '../../../nodes/shared/pollEvents';
import {
	MAX_PROCESSED_KEYS,
	OVERLAP_MS,
	readWindow,
	runPoll,
	serverTimeOf,
} from '../../../nodes/shared/pollEngine';

/** A vendor-free record: an ID and its event date (a change moves the date). */
interface Rec {
	id: string;
	at: number;
}

const T0 = Date.parse('2026-06-01T12:00:00Z');
const MIN = 60_000;
const PAGE_SIZE = 3;

/**
 * An in-memory list with the semantics of a vendor list such as JTL's `GET /v2/customers`:
 * `After` is strict, the order is (date, id), pages by number. `beforePage` runs before each
 * page is answered, so a test can change the list while a poll pages through it. The answer's
 * Date header is the API's clock, cut to whole seconds as HTTP dates are.
 */
function fakeList() {
	const list = {
		records: [] as Rec[],
		apiNow: T0,
		dateHeader: true,
		requests: [] as Array<{ after?: number; pageNumber?: number }>,
		beforePage: undefined as ((after: number, pageNumber: number) => void) | undefined,
	};
	const stamp = () =>
		list.dateHeader ? serverTimeOf({ date: new Date(list.apiNow).toUTCString() }) : undefined;
	const sorted = () =>
		[...list.records].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const source: PollSource<Rec> = {
		pageSize: PAGE_SIZE,
		readPage: async (after, pageNumber) => {
			list.requests.push({ after, pageNumber });
			list.beforePage?.(after, pageNumber);
			const window = sorted().filter((r) => r.at > after);
			const records = window.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE);
			return { records: records.map((r) => ({ ...r })), serverTime: stamp() };
		},
		readNewest: async () => {
			list.requests.push({});
			return { records: sorted().slice(-1), serverTime: stamp() };
		},
		dateOf: (r) => r.at,
		idOf: (r) => r.id,
		eventKey: (r) => (r.id.startsWith('skip') ? undefined : `${r.id}@${r.at}`),
	};
	return { list, source };
}

function harness(mode: 'trigger' | 'manual' = 'trigger') {
	const staticData: IDataObject = {};
	const ctx = {
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
	} as unknown as IPollFunctions;
	const { list, source } = fakeList();
	return {
		list,
		staticData,
		/** Polls with n8n's clock `skewMs` away from the API's. */
		poll: async (skewMs = 0) => {
			jest.spyOn(clock, 'now').mockReturnValue(list.apiNow + skewMs);
			return await runPoll(ctx, source);
		},
	};
}

afterEach(() => jest.restoreAllMocks());

describe('runPoll, the poll engine every polling trigger uses', () => {
	it("takes the first poll's start from the API's clock, not n8n's, and emits nothing", async () => {
		const h = harness();
		h.list.records = [{ id: 'a', at: T0 - 1000 }];
		expect(await h.poll(-10 * MIN)).toBeNull();
		expect(h.list.requests).toHaveLength(1);
		expect(h.staticData).toEqual({
			cursor: new Date(T0).toISOString(),
			startedAt: new Date(T0).toISOString(),
			processedKeys: [],
		});
	});

	it('never emits a record made in the second of the first answer before it, but one made after it', async () => {
		const h = harness();
		h.list.apiNow = T0 + 700;
		// Made 600 ms and 100 ms before activation: the Date header names T0, the window's start.
		h.list.records = [
			{ id: 'before1', at: T0 + 100 },
			{ id: 'before2', at: T0 + 600 },
			{ id: 'older', at: T0 - 2000 },
		];
		expect(await h.poll()).toBeNull();
		expect(h.list.requests).toHaveLength(2); // the newest, then the records of that second
		expect(h.staticData.processedKeys).toEqual([`before1@${T0 + 100}`, `before2@${T0 + 600}`]);
		h.list.records.push({ id: 'after', at: T0 + 800 });
		h.list.apiNow += MIN;
		expect(await h.poll()).toEqual([{ id: 'after', at: T0 + 800 }]);
	});

	it('reads no second page at activation when the newest record is older than that second', async () => {
		const h = harness();
		h.list.apiNow = T0 + 700;
		h.list.records = [{ id: 'older', at: T0 - 1 }];
		await h.poll();
		expect(h.list.requests).toHaveLength(1);
		expect(h.staticData.processedKeys).toEqual([]);
	});

	it('with a record dated ahead, counts the whole second of the first answer as before activation', async () => {
		const h = harness();
		h.list.apiNow = T0 + 700;
		h.list.records = [
			{ id: 'before', at: T0 + 300 },
			{ id: 'ahead', at: T0 + 60 * MIN },
		];
		await h.poll();
		expect(h.staticData.processedKeys).toEqual([`before@${T0 + 300}`]);
		h.list.apiNow = T0 + 61 * MIN;
		expect(await h.poll()).toEqual([{ id: 'ahead', at: T0 + 60 * MIN }]);
	});

	it('with n8n 2 minutes ahead of the API, still emits the changes of the first 2 minutes', async () => {
		const h = harness();
		await h.poll(2 * MIN);
		h.list.apiNow += MIN;
		h.list.records.push({ id: 'early', at: h.list.apiNow });
		h.list.apiNow += MIN;
		expect(await h.poll(2 * MIN)).toEqual([{ id: 'early', at: T0 + MIN }]);
	});

	it('without a Date header, starts after the newest record', async () => {
		const h = harness();
		h.list.dateHeader = false;
		h.list.records = [{ id: 'old', at: T0 - 5000 }];
		await h.poll(7 * MIN);
		expect(h.staticData.cursor).toBe(new Date(T0 - 4999).toISOString());
	});

	it('reads [cursor − overlap, …) by keyset and makes one request when nothing changed', async () => {
		const h = harness();
		await h.poll();
		h.list.apiNow += 10 * MIN;
		h.list.requests = [];
		expect(await h.poll()).toBeNull();
		expect(h.list.requests).toEqual([{ after: T0 - 1, pageNumber: 1 }]);
		h.list.apiNow += 10 * MIN;
		h.list.requests = [];
		await h.poll();
		expect(h.list.requests).toEqual([{ after: T0 + 10 * MIN - OVERLAP_MS - 1, pageNumber: 1 }]);
	});

	it('asks for the records after the last date read, not for page 2', async () => {
		const h = harness();
		await h.poll();
		h.list.records = [1, 2, 3, 4, 5].map((n) => ({ id: `r${n}`, at: T0 + n }));
		h.list.apiNow += MIN;
		h.list.requests = [];
		expect((await h.poll())?.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
		expect(h.list.requests).toEqual([
			{ after: T0 - 1, pageNumber: 1 },
			{ after: T0 + 2, pageNumber: 1 },
			{ after: T0 + 4, pageNumber: 1 }, // page 2 was full: one more to see the end
		]);
	});

	it('does not skip records when page 1 records change while page 2 is read', async () => {
		const h = harness();
		await h.poll();
		h.list.records = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `r${n}`, at: T0 + n }));
		h.list.apiNow += 20 * MIN; // a poll interval beyond the overlap
		h.list.beforePage = (after) => {
			if (after === T0 - 1) return;
			// r1 and r2 change, so r3 … r7 move two places towards the front
			for (const r of h.list.records) if (r.id === 'r1' || r.id === 'r2') r.at = h.list.apiNow;
			h.list.beforePage = undefined;
		};
		const ids = (await h.poll())?.map((r) => `${r.id}@${r.at - T0}`);
		expect(ids).toEqual(expect.arrayContaining(['r4@4', 'r5@5', 'r6@6', 'r7@7']));
		expect(ids).toHaveLength(9); // r1..r7 plus r1 and r2 changed
	});

	it('reads a date shared by more than a page by page number, then again until nothing is added', async () => {
		const h = harness();
		await h.poll();
		h.list.records = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ id: `r${n}`, at: T0 + 1 }));
		h.list.apiNow += MIN;
		h.list.beforePage = (after, pageNumber) => {
			if (pageNumber !== 2) return;
			h.list.records = h.list.records.filter((r) => r.id !== 'r1'); // r4 moves to page 1
			h.list.beforePage = undefined;
		};
		expect((await h.poll())?.map((r) => r.id).sort()).toEqual([
			'r1',
			'r2',
			'r3',
			'r4',
			'r5',
			'r6',
			'r7',
		]);
	});

	it('reads a shared date again when a record of it moves to a later date during the pass', async () => {
		const h = harness();
		await h.poll();
		h.list.apiNow += 1;
		h.list.records = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, at: T0 + 1 }));
		h.list.apiNow += MIN;
		let calls = 0;
		h.list.beforePage = () => {
			// Before page 2 of the shared date, r3 changes: r4 moves back to page 1.
			if (++calls === 3) h.list.records[2].at = h.list.apiNow;
		};
		const ids = (await h.poll())?.map((r) => r.id).sort();
		// r3 twice: read at its old date, then at its new one; r4 is not lost.
		expect(ids).toEqual(['r1', 'r2', 'r3', 'r3', 'r4']);
	});

	it('leaves the state alone when a read fails, so the next poll reads the same window', async () => {
		const h = harness();
		await h.poll();
		const before = JSON.stringify(h.staticData);
		h.list.records = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, at: T0 + n }));
		h.list.apiNow += MIN;
		h.list.beforePage = (_after, pageNumber) => {
			if (h.list.requests.length === 2) throw new Error('page 2 failed');
			return pageNumber;
		};
		await expect(h.poll()).rejects.toThrow('page 2 failed');
		expect(JSON.stringify(h.staticData)).toBe(before);
		h.list.beforePage = undefined;
		expect(await h.poll()).toHaveLength(4);
	});

	it('keeps at most MAX_PROCESSED_KEYS keys, the newest', async () => {
		const h = harness();
		await h.poll();
		h.staticData.processedKeys = Array.from({ length: MAX_PROCESSED_KEYS }, (_, i) => `old${i}`);
		h.list.records = [{ id: 'n', at: T0 + 1 }];
		h.list.apiNow += MIN;
		await h.poll();
		const keys = h.staticData.processedKeys as string[];
		expect(keys).toHaveLength(MAX_PROCESSED_KEYS);
		expect(keys.at(-1)).toBe(`n@${T0 + 1}`);
		expect(keys[0]).toBe('old1');
	});

	it('returns the newest records in the editor test step and leaves the state alone', async () => {
		const h = harness('manual');
		h.list.records = [{ id: 'x', at: T0 }];
		expect(await h.poll()).toEqual([{ id: 'x', at: T0 }]);
		expect(h.staticData).toEqual({});
	});

	it("emits a record dated ahead once, by the first poll after the API's clock reached it", async () => {
		const h = harness();
		await h.poll();
		h.list.records = [
			{ id: 'now', at: T0 + 1000 },
			{ id: 'ahead', at: T0 + 30 * MIN },
			{ id: 'far', at: T0 + 365 * 24 * 60 * MIN },
		];
		h.list.apiNow += MIN;
		expect((await h.poll())?.map((r) => r.id)).toEqual(['now']);
		h.list.apiNow += 20 * MIN;
		expect(await h.poll()).toBeNull();
		h.list.apiNow += 10 * MIN; // T0 + 31 min
		expect((await h.poll())?.map((r) => r.id)).toEqual(['ahead']);
		h.list.apiNow += MIN;
		expect(await h.poll()).toBeNull();
		expect(h.staticData.cursor).toBe(new Date(T0 + 32 * MIN).toISOString());
	});

	it('stops reading once a full page lies past the window end', async () => {
		const h = harness();
		await h.poll();
		h.list.apiNow += MIN;
		h.list.records = [
			{ id: 'a', at: T0 + 1 },
			...Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, at: T0 + 60 * MIN + i })),
		];
		h.list.requests.length = 0;
		expect((await h.poll())?.map((r) => r.id)).toEqual(['a']);
		expect(h.list.requests).toHaveLength(1); // page 1 (a, f0, f1) ends past the window
	});

	it('without a Date header, a newest record dated far ahead does not set the first cursor', async () => {
		const h = harness();
		h.list.dateHeader = false;
		h.list.records = [{ id: 'ahead', at: T0 + 24 * 60 * MIN }];
		await h.poll();
		expect(h.staticData.cursor).toBe(new Date(T0).toISOString());
		h.list.records.push({ id: 'new', at: T0 + 2 * MIN });
		h.list.apiNow += 3 * MIN;
		expect((await h.poll())?.map((r) => r.id)).toEqual(['new']);
	});

	it('never moves the cursor back when the API clock does', async () => {
		const h = harness();
		await h.poll();
		h.list.apiNow -= 10 * MIN;
		await h.poll();
		expect(h.staticData.cursor).toBe(new Date(T0).toISOString());
	});

	it('pages within one date stay bounded by the loop guard', async () => {
		const { source } = fakeList();
		const endless: PollSource<Rec> = {
			...source,
			readPage: async () => ({
				records: [0, 1, 2].map((n) => ({ id: `${Math.random()}${n}`, at: 5 })),
			}),
		};
		await expect(readWindow(endless, 5)).rejects.toThrow('pages without reaching the end');
	});
});

/**
 * Random histories against the list model: inserts (several in one millisecond), records dated up
 * to 30 minutes ahead of the API's clock, changes, deletes, late commits inside and beyond the
 * overlap, changes while a poll pages, failed polls, and n8n's clock minutes away from the API's.
 * Every event key that stayed in the list through a whole successful poll whose window reached its
 * date (the API's time of the poll's first answer), dated no earlier than the first poll and
 * committed at most the overlap late, must be emitted exactly once; nothing may be emitted twice,
 * before its date, or that never existed.
 */
describe('trigger histories (fast-check)', () => {
	type Step =
		| { kind: 'wait'; ms: number }
		| { kind: 'insert'; count: number }
		| { kind: 'change'; pick: number }
		| { kind: 'delete'; pick: number }
		| { kind: 'late'; delayMs: number }
		| { kind: 'ahead'; aheadMs: number }
		| { kind: 'poll'; skewMs: number; failAt: number; churnAt: number; churn: number };

	const step: fc.Arbitrary<Step> = fc.oneof(
		fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 12 * MIN }) }),
		fc.record({ kind: fc.constant('insert' as const), count: fc.integer({ min: 1, max: 30 }) }),
		fc.record({ kind: fc.constant('change' as const), pick: fc.nat() }),
		fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
		fc.record({
			kind: fc.constant('late' as const),
			delayMs: fc.integer({ min: 0, max: 2 * OVERLAP_MS }),
		}),
		fc.record({
			kind: fc.constant('ahead' as const),
			aheadMs: fc.integer({ min: 1, max: 30 * MIN }),
		}),
		fc.record({
			kind: fc.constant('poll' as const),
			skewMs: fc.integer({ min: -10 * MIN, max: 10 * MIN }),
			failAt: fc.integer({ min: 0, max: 6 }), // 0: no failure, n: page n fails
			churnAt: fc.integer({ min: 0, max: 4 }), // 0: no change while paging, n: before page n
			churn: fc.integer({ min: 1, max: 4 }),
		}),
	);

	let histories = 0;
	let events = 0;

	afterAll(() => {
		expect(histories).toBeGreaterThanOrEqual(450);
		expect(events).toBeGreaterThan(1000);
	});

	it('over 450 histories: 0 events missed, 0 doubled, 0 emitted before their date', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(step, { minLength: 5, maxLength: 60 }),
				fc.integer({ min: -10 * MIN, max: 10 * MIN }),
				fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 6 }),
				async (steps, firstSkew, madeBefore) => {
					jest.restoreAllMocks();
					const h = harness();
					const { list } = h;
					let next = 0;
					const committedAt = new Map<string, number>();
					const everSeen = new Set<string>();
					const emitted: string[] = [];
					let early = 0;
					const must = new Set<string>();
					const keyOf = (r: Rec) => `${r.id}@${r.at}`;
					const add = (r: Rec) => {
						list.records.push(r);
						committedAt.set(keyOf(r), list.apiNow);
						everSeen.add(keyOf(r));
					};
					const change = (pick: number) => {
						if (!list.records.length) return;
						const r = list.records[pick % list.records.length];
						if (r.at >= list.apiNow) list.apiNow = r.at + 1;
						r.at = list.apiNow;
						committedAt.set(keyOf(r), list.apiNow);
						everSeen.add(keyOf(r));
					};
					const churn = (n: number, seed: number) => {
						for (let i = 0; i < n; i++) {
							list.apiNow += 7;
							if ((seed + i) % 3 === 0)
								list.records.splice((seed + i) % (list.records.length || 1), 1);
							else if ((seed + i) % 3 === 1) change(seed * 7 + i);
							else add({ id: `c${next++}`, at: list.apiNow });
						}
					};

					// Records made up to 1.5 s before activation, some in the second the first answer
					// names: never to be emitted as they are.
					list.apiNow += 777;
					const before = madeBefore.map((ms) => ({ id: `b${next++}`, at: list.apiNow - ms }));
					for (const r of before) add(r);
					const beforeKeys = new Set(before.map(keyOf));
					// Activation, on the API's clock (an HTTP date has whole seconds)
					const startedAt = Math.floor(list.apiNow / 1000) * 1000;
					await h.poll(firstSkew);
					for (const s of steps) {
						if (s.kind === 'wait') list.apiNow += s.ms;
						else if (s.kind === 'insert')
							for (let i = 0; i < s.count; i++) add({ id: `r${next++}`, at: list.apiNow });
						else if (s.kind === 'change') change(s.pick);
						else if (s.kind === 'delete' && list.records.length)
							list.records.splice(s.pick % list.records.length, 1);
						else if (s.kind === 'late') {
							const r = { id: `l${next++}`, at: list.apiNow - s.delayMs };
							list.records.push(r);
							committedAt.set(keyOf(r), list.apiNow);
							everSeen.add(keyOf(r));
						} else if (s.kind === 'ahead') {
							add({ id: `a${next++}`, at: list.apiNow + s.aheadMs });
						} else if (s.kind === 'poll') {
							const atStart = new Set(list.records.map(keyOf));
							let page = 0;
							// The window's end: the end of the second of the API's first answer.
							let end = Infinity;
							list.beforePage = () => {
								page++;
								if (page === s.churnAt) churn(s.churn, page + next);
								if (page === s.failAt) throw new Error('HTTP 503');
								if (page === 1) end = Math.floor(list.apiNow / 1000) * 1000 + 999;
							};
							let out: Rec[] | null = null;
							let failed = false;
							try {
								out = await h.poll(s.skewMs);
							} catch {
								failed = true;
							}
							list.beforePage = undefined;
							for (const r of out ?? []) {
								emitted.push(keyOf(r));
								if (r.at > end) early++;
							}
							if (!failed) {
								const atEnd = new Set(list.records.map(keyOf));
								for (const key of atStart) {
									const at = Number(key.slice(key.lastIndexOf('@') + 1));
									const late = committedAt.get(key)! - at;
									const due = at >= startedAt && at <= end && late <= OVERLAP_MS;
									if (atEnd.has(key) && due && !beforeKeys.has(key)) must.add(key);
								}
							}
							list.apiNow += 1000;
						}
					}
					histories++;
					events += must.size;
					expect(new Set(emitted).size).toBe(emitted.length); // 0 doubled
					expect(emitted.filter((key) => beforeKeys.has(key))).toEqual([]); // 0 from before
					expect(early).toBe(0); // 0 emitted before their date
					for (const key of emitted) expect(everSeen.has(key)).toBe(true);
					const missed = [...must].filter((key) => !emitted.includes(key));
					expect(missed).toEqual([]); // 0 missed
				},
			),
			{ numRuns: 450, seed: 3 },
		);
	});
});

describe('a poll source that reads its window itself (a list without a date filter)', () => {
	function windowHarness() {
		const staticData: IDataObject = {};
		const ctx = {
			getMode: () => 'trigger',
			getWorkflowStaticData: () => staticData,
		} as unknown as IPollFunctions;
		const state = { records: [] as Rec[], apiNow: T0, starts: [] as number[] };
		const stamp = () => serverTimeOf({ date: new Date(state.apiNow).toUTCString() });
		const source: PollSource<Rec> = {
			readSince: async (start) => {
				state.starts.push(start);
				return { records: state.records.filter((r) => r.at >= start), serverTime: stamp() };
			},
			readNewest: async () => ({ records: state.records.slice(-1), serverTime: stamp() }),
			dateOf: (r) => r.at,
			idOf: (r) => r.id,
			eventKey: (r) => `${r.id}@${r.at}`,
		};
		return {
			state,
			poll: async () => {
				jest.spyOn(clock, 'now').mockReturnValue(state.apiNow);
				return await runPoll(ctx, source);
			},
		};
	}

	it('is asked once per poll for the window from the cursor minus the overlap, and each event is emitted once', async () => {
		const h = windowHarness();
		expect(await h.poll()).toBeNull();
		h.state.records.push({ id: 'a', at: T0 + 8 * MIN });
		h.state.apiNow = T0 + 10 * MIN;
		expect(await h.poll()).toEqual([{ id: 'a', at: T0 + 8 * MIN }]);
		h.state.apiNow = T0 + 20 * MIN;
		// Read again in the overlap, not emitted again.
		expect(await h.poll()).toBeNull();
		// Never before the first poll; then the cursor (the last poll's API time) minus the overlap.
		expect(h.state.starts).toEqual([T0, T0 + 10 * MIN - OVERLAP_MS]);
	});
});

describe('event tables of the poll triggers', () => {
	const table = {
		newThing: { field: 'createdAt', keyOf: (r: IDataObject) => String(r.id) },
		changedThing: {
			field: 'changedAt',
			keyOf: (r: IDataObject) => `${String(r.id)}@${String(r.changedAt)}`,
			skip: (r: IDataObject) => r.changedAt === r.createdAt,
		},
	};
	const ctx = { getNode: () => ({ name: 'Trigger' }) } as unknown as IPollFunctions;

	it('finds the chosen event and refuses one the table lacks, inherited names included', () => {
		expect(pollEventOf(ctx, table, 'changedThing').field).toBe('changedAt');
		expect(() => pollEventOf(ctx, table, 'deletedThing')).toThrow('Unknown event "deletedThing"');
		expect(() => pollEventOf(ctx, table, 'toString')).toThrow('Unknown event "toString"');
	});

	it("keys a record by the event's key, and drops the records that are no event of this kind", () => {
		const key = eventKeyOf(table.changedThing);
		expect(key({ id: 7, createdAt: 'x', changedAt: 'y' })).toBe('7@y');
		expect(key({ id: 7, createdAt: 'x', changedAt: 'x' })).toBeUndefined();
		expect(eventKeyOf(table.newThing)({ id: 7 })).toBe('7');
	});
});

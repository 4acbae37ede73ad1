import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/clock';
import type { PollSource } from '../../../nodes/shared/pollEngine';
import { MAX_PROCESSED_KEYS, OVERLAP_MS, runPoll } from '../../../nodes/shared/pollEngine';

/** A vendor-free source: records with an ID and an event time, read by window. */
interface Rec {
	id: string;
	at: number;
}

const T0 = Date.parse('2026-06-01T12:00:00Z');

function harness(mode: 'trigger' | 'manual' = 'trigger') {
	const staticData: IDataObject = {};
	const ctx = {
		getMode: () => mode,
		getWorkflowStaticData: () => staticData,
	} as unknown as IPollFunctions;
	let records: Rec[] = [];
	const windows: Array<[number, number]> = [];
	let failNext = false;
	const source: PollSource<Rec> = {
		readWindow: async (start, end) => {
			windows.push([start, end]);
			if (failNext) {
				failNext = false;
				throw new Error('page 2 failed');
			}
			return records.filter((r) => r.at >= start && r.at < end);
		},
		readSample: async () => records.slice(-1),
		eventKey: (r) => (r.id.startsWith('skip') ? undefined : `${r.id}@${r.at}`),
	};
	return {
		ctx,
		source,
		staticData,
		windows,
		set: (next: Rec[]) => (records = next),
		failNextRead: () => (failNext = true),
		poll: async (now: number) => {
			jest.spyOn(clock, 'now').mockReturnValue(now);
			return await runPoll(ctx, source);
		},
	};
}

afterEach(() => jest.restoreAllMocks());

describe('runPoll, the poll engine every polling trigger uses', () => {
	it('only records the time on the first poll, emitting nothing from before activation', async () => {
		const h = harness();
		h.set([{ id: 'a', at: T0 - 1000 }]);
		expect(await h.poll(T0)).toBeNull();
		expect(h.windows).toEqual([]);
		expect(h.staticData).toMatchObject({ cursor: new Date(T0).toISOString(), processedKeys: [] });
	});

	it('reads [cursor − overlap, now), never before the first poll, and emits each event once', async () => {
		const h = harness();
		await h.poll(T0);
		h.set([
			{ id: 'a', at: T0 + 1000 },
			{ id: 'skip-me', at: T0 + 2000 },
		]);
		expect(await h.poll(T0 + 60_000)).toEqual([{ id: 'a', at: T0 + 1000 }]);
		expect(h.windows[0]).toEqual([T0, T0 + 60_000]);
		// A late commit inside the overlap is caught; what was emitted is not emitted again.
		h.set([
			{ id: 'a', at: T0 + 1000 },
			{ id: 'late', at: T0 + 30_000 },
		]);
		expect(await h.poll(T0 + 11 * 60_000)).toEqual([{ id: 'late', at: T0 + 30_000 }]);
		expect(h.windows[1]).toEqual(
			[T0 + 60_000 - OVERLAP_MS, T0 + 11 * 60_000].map((t) => Math.max(t, T0)),
		);
		expect(await h.poll(T0 + 12 * 60_000)).toBeNull();
	});

	it('leaves the state alone when a read fails, so the next poll reads the same window', async () => {
		const h = harness();
		await h.poll(T0);
		const before = JSON.stringify(h.staticData);
		h.set([{ id: 'a', at: T0 + 1000 }]);
		h.failNextRead();
		await expect(h.poll(T0 + 60_000)).rejects.toThrow('page 2 failed');
		expect(JSON.stringify(h.staticData)).toBe(before);
		expect(await h.poll(T0 + 120_000)).toEqual([{ id: 'a', at: T0 + 1000 }]);
	});

	it('keeps at most MAX_PROCESSED_KEYS keys, the newest', async () => {
		const h = harness();
		await h.poll(T0);
		h.staticData.processedKeys = Array.from({ length: MAX_PROCESSED_KEYS }, (_, i) => `old-${i}`);
		h.set([{ id: 'n', at: T0 + 5 }]);
		await h.poll(T0 + 1000);
		const keys = h.staticData.processedKeys as string[];
		expect(keys).toHaveLength(MAX_PROCESSED_KEYS);
		expect(keys[keys.length - 1]).toBe(`n@${T0 + 5}`);
		expect(keys[0]).toBe('old-1');
	});

	it('returns the sample in the editor test step and leaves the state alone', async () => {
		const h = harness('manual');
		h.set([
			{ id: 'a', at: T0 },
			{ id: 'b', at: T0 + 1 },
		]);
		expect(await h.poll(T0)).toEqual([{ id: 'b', at: T0 + 1 }]);
		expect(h.staticData).toEqual({});
	});

	it('reads nothing while the clock stands behind the cursor', async () => {
		const h = harness();
		await h.poll(T0);
		h.staticData.startedAt = new Date(T0 + 10 * 60_000).toISOString();
		expect(await h.poll(T0 + 60_000)).toBeNull();
		expect(h.windows).toEqual([]);
	});
});

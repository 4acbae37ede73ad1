import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { clock } from './clock';

/** How far each window reaches back behind the previous one, to catch late commits. */
export const OVERLAP_MS = 5 * 60 * 1000;

/** How many emitted keys are remembered (the newest win). */
export const MAX_PROCESSED_KEYS = 10_000;

/**
 * What a vendor's polling trigger supplies; the engine does the rest. A window is the half-open
 * interval [start, end) in epoch milliseconds, on the record's own event date.
 */
export interface PollSource<R> {
	/** Every record whose event date lies in [start, end), all pages of it. */
	readWindow(start: number, end: number): Promise<R[]>;
	/** The newest record or records, for the editor's test step. */
	readSample(): Promise<R[]>;
	/**
	 * The key of one event of a record: the same key means the same event (for example `id` for a
	 * new record, `id@changedAt` for a change). Undefined drops a record that is no event of this kind.
	 */
	eventKey(record: R): string | undefined;
}

/** What the engine keeps in the node's static data between polls. */
export interface PollState extends IDataObject {
	/** ISO time: the (exclusive) end of the last window that was read completely. */
	cursor?: string;
	/** ISO time of the first poll after activation; windows never reach back before it. */
	startedAt?: string;
	/** Keys emitted recently, oldest first, at most MAX_PROCESSED_KEYS. */
	processedKeys?: string[];
}

/**
 * The window a poll reads: from the last cursor minus the overlap (but never before the first
 * poll) up to now.
 */
export function pollWindow(state: PollState, nowMs: number): { start: number; end: number } {
	const cursor = Date.parse(String(state.cursor));
	const startedAt = state.startedAt === undefined ? NaN : Date.parse(state.startedAt);
	const start = Math.max(cursor - OVERLAP_MS, Number.isNaN(startedAt) ? -Infinity : startedAt);
	return { start, end: nowMs };
}

/**
 * One poll of a trigger. In the editor's test step it returns the source's sample and leaves the
 * state alone. The first poll after activation only records the time. Later polls read the whole
 * window, emit the records whose event key was not emitted before, and move the cursor only after
 * the window was read completely: an error leaves the state as it was, so the next poll reads the
 * same window again. Returns null when there is nothing to emit.
 */
export async function runPoll<R>(ctx: IPollFunctions, source: PollSource<R>): Promise<R[] | null> {
	if (ctx.getMode() === 'manual') {
		const sample = await source.readSample();
		return sample.length ? sample : null;
	}

	const now = clock.now();
	const state = ctx.getWorkflowStaticData('node') as PollState;
	if (typeof state.cursor !== 'string' || Number.isNaN(Date.parse(state.cursor))) {
		const iso = new Date(now).toISOString();
		state.cursor = iso;
		state.startedAt = iso;
		state.processedKeys = [];
		return null;
	}

	const { start, end } = pollWindow(state, now);
	if (end <= start) return null; // the clock went backwards; nothing to read yet
	const records = await source.readWindow(start, end);

	const processed = Array.isArray(state.processedKeys) ? state.processedKeys : [];
	const seen = new Set(processed);
	const fresh: R[] = [];
	const freshKeys: string[] = [];
	for (const record of records) {
		const key = source.eventKey(record);
		if (key === undefined || seen.has(key)) continue;
		seen.add(key);
		fresh.push(record);
		freshKeys.push(key);
	}

	state.cursor = new Date(end).toISOString();
	if (freshKeys.length)
		state.processedKeys = [...processed, ...freshKeys].slice(-MAX_PROCESSED_KEYS);
	return fresh.length ? fresh : null;
}

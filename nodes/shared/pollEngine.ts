import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { clock } from './clock';

/** How far each window reaches back behind the previous poll, to catch late commits. */
export const OVERLAP_MS = 5 * 60 * 1000;

/** How many emitted keys are remembered (the newest win). */
export const MAX_PROCESSED_KEYS = 10_000;

/** Pages one poll reads at most: a loop guard, far above any real window. */
export const MAX_POLL_PAGES = 10_000;

/** One page of the vendor's list, with the API's clock when the answer told it. */
export interface PollPage<R> {
	records: R[];
	/** Epoch milliseconds of the API's clock at this answer (its `Date` header). */
	serverTime?: number;
}

/** What every vendor's polling trigger supplies. Dates are epoch milliseconds on the API's clock. */
interface PollSourceBase<R> {
	/** The newest record or records: the editor's test step, and the first poll's clock. */
	readNewest(): Promise<PollPage<R>>;
	/** The record's event date. */
	dateOf(record: R): number;
	/** The record's ID. */
	idOf(record: R): string;
	/**
	 * The key of one event of a record: the same key means the same event (for example `id` for a
	 * new record, `id@changedAt` for a change). Undefined drops a record that is no event of this kind.
	 */
	eventKey(record: R): string | undefined;
}

/** A list the API filters by date: the engine reads the window by keyset (readWindow). */
export interface KeysetPollSource<R> extends PollSourceBase<R> {
	/** How many records `readPage` asks for; a shorter page is the last one. */
	pageSize: number;
	/**
	 * Page `pageNumber` of the records whose event date is strictly after `after`, sorted by event
	 * date and then by ID, ascending.
	 */
	readPage(after: number, pageNumber: number): Promise<PollPage<R>>;
}

/**
 * A list the API cannot filter by date: the vendor's code reads the window itself, every record
 * dated `start` or later (more is harmless: the engine drops what lies outside or was emitted).
 */
export interface WindowPollSource<R> extends PollSourceBase<R> {
	readSince(start: number): Promise<PollPage<R>>;
}

/** What a vendor's polling trigger supplies; the engine does the rest. */
export type PollSource<R> = KeysetPollSource<R> | WindowPollSource<R>;

/** What the engine keeps in the node's static data between polls. */
export interface PollState extends IDataObject {
	/** ISO time on the API's clock at the first answer of the last complete poll. */
	cursor?: string;
	/** ISO time on the API's clock of the first poll after activation; never read before it. */
	startedAt?: string;
	/** Keys emitted recently, oldest first, at most MAX_PROCESSED_KEYS. */
	processedKeys?: string[];
}

/**
 * Where a poll's window ends: the end of the second the API's `Date` header names (an HTTP date
 * has whole seconds, and the API's clock was somewhere in that second when it answered), or
 * n8n's clock without one. A record dated later lies ahead and waits for a later poll.
 */
export function windowEnd(serverTime: number | undefined): number {
	return serverTime === undefined ? clock.now() : serverTime + 999;
}

/** Epoch milliseconds of an HTTP `Date` header, or undefined. */
export function serverTimeOf(headers: Record<string, string> | undefined): number | undefined {
	const value = headers?.date;
	const ms = value === undefined ? NaN : Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Where a poll's window starts: the cursor minus the overlap, never before the first poll. */
export function windowStart(state: PollState): number {
	const cursor = Date.parse(String(state.cursor));
	const startedAt = state.startedAt === undefined ? NaN : Date.parse(state.startedAt);
	return Math.max(cursor - OVERLAP_MS, Number.isNaN(startedAt) ? -Infinity : startedAt);
}

/**
 * Reads every record dated `start` or later by keyset: each next page asks for the records after
 * the last date read (minus 1 ms, so records sharing that date are read again and dropped by ID),
 * never for "page n" of a list that may shift while it is read. Only when a whole page shares one
 * date does it go on by page number within that date; such a date is then read again from its
 * first page until a pass adds nothing (at that date or after it), so a record that shifted back
 * a page is still caught.
 * The window ends at the API's time of the first answer (windowEnd): once a full page reaches
 * past it, the rest of the list lies ahead and is not read.
 */
export async function readWindow<R>(
	source: KeysetPollSource<R>,
	start: number,
): Promise<{ records: R[]; serverTime?: number }> {
	const read = new Set<string>();
	const records: R[] = [];
	let serverTime: number | undefined;
	let after = start - 1;
	let pageNumber = 1;
	let passAdded = false;
	for (let pages = 0; pages < MAX_POLL_PAGES; pages++) {
		const page = await source.readPage(after, pageNumber);
		serverTime ??= page.serverTime;
		const end = windowEnd(serverTime);
		let added = false;
		for (const record of page.records) {
			const date = source.dateOf(record);
			const key = `${source.idOf(record)}@${date}`;
			if (read.has(key)) continue;
			read.add(key);
			records.push(record);
			added = true;
		}
		const full = page.records.length >= source.pageSize;
		const last = full ? source.dateOf(page.records[page.records.length - 1]) : NaN;
		// Within one date read by page number, a record that changes or goes away pulls the records
		// behind it a page back: any record new to a pass means the date is read again.
		passAdded ||= added;
		if (full && last === after + 1) {
			pageNumber++; // the whole page shares the bound's date: on within that date
			continue;
		}
		if (pageNumber > 1 && passAdded) {
			pageNumber = 1; // a pass by page number added records: read that date again
			passAdded = false;
			continue;
		}
		passAdded = false;
		if (!full || last > end) return { records, serverTime };
		after = last - 1;
		pageNumber = 1;
	}
	throw new Error(`The poll read ${MAX_POLL_PAGES} pages without reaching the end of the list`);
}

/** The records dated `start` or later, read by keyset or by the vendor's own walk. */
async function recordsSince<R>(source: PollSource<R>, start: number): Promise<PollPage<R>> {
	return 'readSince' in source ? await source.readSince(start) : await readWindow(source, start);
}

/**
 * The event keys of the records that existed at the first poll and are dated in the second its
 * answer named (an HTTP date has whole seconds, so the window of the next poll starts at the
 * beginning of that second): without them, a record made a moment before activation would be
 * emitted as new. Costs a request only when the newest record lies in that second or ahead.
 * Records are taken up to the newest record's date; when that record lies ahead, up to the end
 * of the second (a record made in the moment between the two requests is then counted as before).
 */
async function keysOfFirstSecond<R>(source: PollSource<R>, start: number, newest: R[]) {
	if (!newest.length) return [];
	const newestDate = Math.max(...newest.map((r) => source.dateOf(r)));
	if (newestDate < start) return [];
	const upTo = Math.min(newestDate, windowEnd(start));
	const { records } = await recordsSince(source, start);
	const keys = new Set<string>();
	for (const record of records) {
		const key = source.dateOf(record) <= upTo ? source.eventKey(record) : undefined;
		if (key !== undefined) keys.add(key);
	}
	return [...keys];
}

/**
 * One poll of a trigger. In the editor's test step it returns the newest records and leaves the
 * state alone. The first poll after activation only records the API's time (and the records of
 * that second, see keysOfFirstSecond). Later polls read the window from the cursor minus the
 * overlap up to the API's time of the poll's first answer, by keyset, emit the records whose event
 * key was not emitted before, and move the cursor to that time only after the window was read
 * completely: an error leaves the state as it was, so the next poll reads the same window again. A
 * record dated after the window's end (dated ahead, or written while the poll read) is left for a
 * later poll, which emits it once its time has come.
 * The cursor never moves back. Without a `Date` header, n8n's clock stands in.
 * Returns null when there is nothing to emit.
 */
export async function runPoll<R>(ctx: IPollFunctions, source: PollSource<R>): Promise<R[] | null> {
	if (ctx.getMode() === 'manual') {
		const sample = (await source.readNewest()).records;
		return sample.length ? sample : null;
	}

	const state = ctx.getWorkflowStaticData('node') as PollState;
	if (typeof state.cursor !== 'string' || Number.isNaN(Date.parse(state.cursor))) {
		const newest = await source.readNewest();
		const newestDate = newest.records.length
			? Math.max(...newest.records.map((r) => source.dateOf(r))) + 1
			: undefined;
		// Without the API's time, just after the newest record; unless that record is dated ahead
		// of n8n's clock by more than the overlap, which is no clock difference but a future date.
		const local = clock.now();
		const start =
			newest.serverTime ??
			(newestDate !== undefined && newestDate <= local + OVERLAP_MS ? newestDate : local);
		const iso = new Date(start).toISOString();
		const known =
			newest.serverTime === undefined ? [] : await keysOfFirstSecond(source, start, newest.records);
		state.cursor = iso;
		state.startedAt = iso;
		state.processedKeys = known.slice(-MAX_PROCESSED_KEYS);
		return null;
	}

	const { records, serverTime } = await recordsSince(source, windowStart(state));
	const end = windowEnd(serverTime);

	const processed = Array.isArray(state.processedKeys) ? state.processedKeys : [];
	const seen = new Set(processed);
	const fresh: R[] = [];
	const freshKeys: string[] = [];
	for (const record of records) {
		// Dated after the window's end: emitted by the poll whose window reaches its date.
		if (source.dateOf(record) > end) continue;
		const key = source.eventKey(record);
		if (key === undefined || seen.has(key)) continue;
		seen.add(key);
		fresh.push(record);
		freshKeys.push(key);
	}

	const now = serverTime ?? clock.now();
	if (now > Date.parse(state.cursor)) state.cursor = new Date(now).toISOString();
	if (freshKeys.length)
		state.processedKeys = [...processed, ...freshKeys].slice(-MAX_PROCESSED_KEYS);
	return fresh.length ? fresh : null;
}

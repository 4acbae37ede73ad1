import { clock } from './clock';

/** How a vendor names its rate-limit headers (lower case). */
export interface RateLimitHeaderNames {
	/** Requests allowed per window. */
	limit?: string;
	remaining?: string;
	/** Seconds until the window resets, or an epoch time in seconds. */
	reset?: string;
	/** Length of the fixed window in seconds, used when no reset time is sent. */
	interval?: string;
	/**
	 * The window's length in seconds as the vendor documents it, for vendors that send no interval
	 * header: the gate then holds a request once the window is used up instead of meeting a 429.
	 */
	windowSeconds?: number;
}

interface GateState {
	/** No request through this gate before this time. */
	blockedUntil: number;
	/** When the current window began, by our own record: the send time of its first request. */
	windowStart?: number;
	/** The window's length, from the vendor's interval header. */
	windowMs?: number;
	/** Requests per window, from the vendor's limit header or the most ever seen remaining + 1. */
	limit?: number;
	/** Requests this gate may still send in the current window, counting those in flight. */
	left?: number;
	/** Requests let through and not answered yet. */
	pending: number;
	/** The smallest remaining the vendor reported in the current window. */
	lowest?: number;
	/**
	 * How many of this gate's own requests the vendor may have counted since it reported `lowest`:
	 * those in flight then and those sent since. A larger drop means another key spends the budget.
	 */
	ownSince: number;
}

const gates = new Map<string, GateState>();

/** Families (for example one path under every method) whose keys the vendor was seen to count together. */
const sharedFamilies = new Set<string>();

/** The gate a request goes through: its family's once the family is known to share one budget. */
function gateKeyOf(key: string, family: string | undefined): string {
	return family !== undefined && sharedFamilies.has(family) ? family : key;
}

const newGate = (blockedUntil = 0): GateState => ({ blockedUntil, pending: 0, ownSince: 0 });

/** Parses Retry-After: delta seconds or an HTTP date. Returns milliseconds to wait, or undefined. */
export function parseRetryAfter(value: string | undefined, now = clock.now()): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/** Reads a reset header that may be seconds-from-now or an epoch time in seconds. */
function parseReset(value: string | undefined, now: number): number | undefined {
	if (value === undefined || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
	const n = Number(value);
	// Values larger than ten years in seconds are epoch timestamps.
	if (n > 315_360_000) return Math.max(0, n * 1000 - now);
	return n * 1000;
}

/** Milliseconds until the vendor's reset header says the window resets, or undefined. */
function resetWait(
	headers: Record<string, string>,
	names: RateLimitHeaderNames | undefined,
	now: number,
): number | undefined {
	return parseReset(names?.reset ? headers[names.reset] : undefined, now);
}

/**
 * Milliseconds the vendor asks us to wait, from Retry-After first, then the rate-limit reset or
 * window headers. Undefined when the response says nothing.
 */
export function serverRequestedWait(
	headers: Record<string, string>,
	names: RateLimitHeaderNames | undefined,
	now = clock.now(),
): number | undefined {
	const retryAfter = parseRetryAfter(headers['retry-after'], now);
	if (retryAfter !== undefined) return retryAfter;
	if (!names) return undefined;
	const reset = parseReset(names.reset ? headers[names.reset] : undefined, now);
	if (reset !== undefined) return reset;
	const interval = parseReset(names.interval ? headers[names.interval] : undefined, now);
	return interval;
}

/** A whole number of a header, or undefined. */
function headerNumber(headers: Record<string, string>, name: string | undefined) {
	const raw = name ? headers[name] : undefined;
	if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
	return Number(raw);
}

/**
 * A gate per key (vendor + tenant + endpoint). It counts what the vendor says remains of the
 * window, minus the requests already on their way, and holds a request when nothing is left
 * until the window ends: by the vendor's reset or Retry-After header where it sends one, else by
 * its own record of when the window began (the send time of the window's first request) plus the
 * window's length. A 429 closes the gate for every request sharing it.
 *
 * A key may name a `family` of keys the vendor might count as one budget (JTL: one path under
 * every method). Each key keeps its own gate until the vendor's remaining drops by more than the
 * key's own requests explain; from then on the family's keys share one gate.
 */
export const rateLimitGate = {
	/** Waits until a request may go; returns when it may, counting it against the window. */
	async wait(key: string, maxWaitMs: number, family?: string): Promise<void> {
		for (let waited = 0; ; ) {
			const gate = gates.get(gateKeyOf(key, family));
			if (!gate) return;
			const now = clock.now();
			let until = gate.blockedUntil;
			const windowEnd =
				gate.windowStart !== undefined && gate.windowMs !== undefined
					? gate.windowStart + gate.windowMs
					: undefined;
			if (windowEnd !== undefined && windowEnd <= now && gate.blockedUntil <= now) {
				// The window we counted is over: the next answer tells the new one.
				gate.left = undefined;
				gate.windowStart = undefined;
			}
			if (gate.left !== undefined && gate.left <= 0 && windowEnd !== undefined)
				until = Math.max(until, windowEnd);
			const waitMs = Math.min(until - now, maxWaitMs - waited);
			if (waitMs <= 0) {
				if (gate.left !== undefined) gate.left--;
				gate.pending++;
				gate.ownSince++;
				return;
			}
			await clock.sleep(waitMs);
			waited += waitMs;
		}
	},

	/**
	 * Reads the rate-limit headers of an answer to a request sent at `sentAt`. A 429 is left to the
	 * retry loop, which closes the gate for as long as the vendor asks.
	 */
	observe(
		key: string,
		headers: Record<string, string>,
		names: RateLimitHeaderNames | undefined,
		status?: number,
		sentAt = clock.now(),
		family?: string,
	): void {
		let gateKey = gateKeyOf(key, family);
		const known = gates.get(gateKey);
		if (known) known.pending = Math.max(0, known.pending - 1);
		if (status === 429) return;
		const now = clock.now();
		const remaining = headerNumber(headers, names?.remaining);
		if (remaining === undefined) {
			gates.delete(gateKey);
			return;
		}
		let gate = known ?? newGate();
		const intervalSeconds = headerNumber(headers, names?.interval) ?? names?.windowSeconds;
		if (intervalSeconds !== undefined) gate.windowMs = intervalSeconds * 1000;
		gate.limit = Math.max(headerNumber(headers, names?.limit) ?? 0, gate.limit ?? 0, remaining + 1);
		const counted =
			gate.windowStart !== undefined &&
			(gate.windowMs === undefined || gate.windowStart + gate.windowMs > sentAt);
		if (remaining === gate.limit - 1 || !counted) {
			// The first request of a window, or one sent after the window we counted ended. Taking
			// its send time as the start is never early: the window began at or before it.
			gate.windowStart = sentAt;
			gate.left = remaining;
		} else {
			if (
				family !== undefined &&
				gateKey !== family &&
				gate.lowest !== undefined &&
				gate.lowest - remaining > gate.ownSince
			) {
				// Another key of the family spent this budget: the family shares one gate from now.
				sharedFamilies.add(family);
				const joined = gates.get(family);
				gateKey = family;
				gate = joined ? { ...joined, left: Math.min(joined.left ?? remaining, remaining) } : gate;
			}
			// Answers may arrive out of order; the smallest remaining is the latest word.
			gate.left = Math.min(gate.left ?? remaining, remaining);
		}
		if (gate.lowest === undefined || gate.windowStart === sentAt || remaining < gate.lowest) {
			gate.lowest = remaining;
			gate.ownSince = gate.pending;
		}
		if (remaining === 0) {
			const asked = parseRetryAfter(headers['retry-after'], now) ?? resetWait(headers, names, now);
			const windowEnd =
				gate.windowMs !== undefined ? (gate.windowStart ?? sentAt) + gate.windowMs : undefined;
			const until = asked !== undefined ? now + asked : (windowEnd ?? now + 1000);
			gate.blockedUntil = Math.max(gate.blockedUntil, until);
		}
		gates.set(gateKey, gate);
	},

	/** Closes the gate for `waitMs` (after a 429), so every request sharing the window waits. */
	block(key: string, waitMs: number, family?: string): void {
		const until = clock.now() + waitMs;
		const gateKey = gateKeyOf(key, family);
		const gate = gates.get(gateKey);
		if (!gate) gates.set(gateKey, newGate(until));
		else if (gate.blockedUntil < until) gate.blockedUntil = until;
	},

	/** Whether the vendor was seen to count the keys of this family as one budget. */
	isShared(family: string): boolean {
		return sharedFamilies.has(family);
	},

	/** For tests: forget every gate and what was learned of families. */
	reset(): void {
		gates.clear();
		sharedFamilies.clear();
	},
};

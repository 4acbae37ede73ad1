import { clock } from './clock';

/** How a vendor names its rate-limit headers (lower case). */
export interface RateLimitHeaderNames {
	remaining?: string;
	/** Seconds until the window resets, or an epoch time in seconds. */
	reset?: string;
	/** Length of the fixed window in seconds, used when no reset time is sent. */
	interval?: string;
}

interface GateState {
	blockedUntil: number;
}

const gates = new Map<string, GateState>();

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

/**
 * A gate per key (vendor + tenant + endpoint): when the vendor reports that no requests remain in
 * the window, or answers 429, later requests through the same gate wait until it opens again
 * instead of burning retries.
 */
export const rateLimitGate = {
	async wait(key: string, maxWaitMs: number): Promise<void> {
		const gate = gates.get(key);
		if (!gate) return;
		const waitMs = gate.blockedUntil - clock.now();
		if (waitMs > 0) await clock.sleep(Math.min(waitMs, maxWaitMs));
	},

	observe(
		key: string,
		headers: Record<string, string>,
		names: RateLimitHeaderNames | undefined,
		status?: number,
	): void {
		const now = clock.now();
		if (status === 429) return; // the retry loop decides how long a 429 closes the gate
		const remainingRaw = names?.remaining ? headers[names.remaining] : undefined;
		if (remainingRaw === undefined || Number(remainingRaw) > 0) {
			gates.delete(key);
			return;
		}
		const waitMs = serverRequestedWait(headers, names, now) ?? 1000;
		this.block(key, waitMs);
	},

	/** Closes the gate for `waitMs` (after a 429), so every request sharing the window waits. */
	block(key: string, waitMs: number): void {
		const until = clock.now() + waitMs;
		const gate = gates.get(key);
		if (!gate || gate.blockedUntil < until) gates.set(key, { blockedUntil: until });
	},

	/** For tests: forget every gate. */
	reset(): void {
		gates.clear();
	},
};

import { clock } from './clock';

// The rate-limit headers of an answer, as the gate (rateLimit.ts) and the retry loop read them.

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
export function resetWait(
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
export function headerNumber(headers: Record<string, string>, name: string | undefined) {
	const raw = name ? headers[name] : undefined;
	if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined;
	return Number(raw);
}

import { clock } from './clock';
import { inFlightLimit } from './inFlight';
import type { RateLimitHeaderNames } from './rateLimitHeaders';
import { headerNumber, parseRetryAfter, resetWait } from './rateLimitHeaders';

export type { RateLimitHeaderNames } from './rateLimitHeaders';
export { parseRetryAfter, serverRequestedWait } from './rateLimitHeaders';

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
	/** When the gate last forgot a window that had ended. */
	clearedAt?: number;
	/** The send times of the requests let through and not answered yet. */
	inFlight: number[];
	/** The smallest remaining the vendor reported in the current window, and its request's send time. */
	lowest?: number;
	lowestSentAt?: number;
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

const newGate = (blockedUntil = 0): GateState => ({ blockedUntil, inFlight: [], ownSince: 0 });

/** Takes the request sent at `sentAt` off the requests on their way. */
function landed(gate: GateState | undefined, sentAt: number): void {
	if (!gate || gate.inFlight.length === 0) return;
	let at = 0;
	gate.inFlight.forEach((time, i) => {
		if (time <= sentAt && time >= gate.inFlight[at]) at = i;
	});
	gate.inFlight.splice(at, 1);
}

/** The keys of each family that have sent requests. */
const familyKeys = new Map<string, Set<string>>();

/** Whether another key of the family has requests on their way or in a window not over yet. */
function othersActive(family: string, key: string, now: number): boolean {
	for (const other of familyKeys.get(family) ?? []) {
		const gate = other === key ? undefined : gates.get(other);
		if (!gate) continue;
		if (gate.inFlight.length > 0) return true;
		if (gate.windowStart !== undefined && gate.windowStart + (gate.windowMs ?? 0) > now)
			return true;
	}
	return false;
}

/** The family's one gate, from the gate that saw the drop; every key's requests on their way count. */
function join(family: string, gate: GateState): GateState {
	sharedFamilies.add(family);
	const inFlight = [...gate.inFlight];
	for (const key of familyKeys.get(family) ?? [])
		if (gates.get(key) !== gate) inFlight.push(...(gates.get(key)?.inFlight ?? []));
	const joined = { ...gate, inFlight: inFlight.sort((a, b) => a - b) };
	gates.set(family, joined);
	return joined;
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
			const gateKey = gateKeyOf(key, family);
			if (family !== undefined)
				familyKeys.set(family, (familyKeys.get(family) ?? new Set()).add(key));
			const gate = gates.get(gateKey) ?? newGate();
			// Known before any answer, so the first answers count the requests still on their way.
			gates.set(gateKey, gate);
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
				gate.clearedAt = now;
			}
			if (gate.left !== undefined && gate.left <= 0 && windowEnd !== undefined)
				until = Math.max(until, windowEnd);
			const waitMs = Math.min(until - now, maxWaitMs - waited);
			if (waitMs <= 0) {
				if (gate.left !== undefined) gate.left--;
				gate.inFlight.push(now);
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
		landed(known, sentAt);
		if (status === 429) return;
		const now = clock.now();
		const remaining = headerNumber(headers, names?.remaining);
		if (remaining === undefined) {
			// A vendor without rate-limit headers: nothing to count, but a 429's wait still holds
			// against the answers of requests sent before it.
			if ((known?.blockedUntil ?? 0) <= now) gates.delete(gateKey);
			return;
		}
		let gate = known ?? newGate();
		// An answer to a request sent before the current window tells of an older one; the window's
		// first answer already counted it as on its way.
		if (sentAt < (gate.windowStart ?? gate.clearedAt ?? -Infinity)) return;
		const intervalSeconds = headerNumber(headers, names?.interval) ?? names?.windowSeconds;
		if (intervalSeconds !== undefined) gate.windowMs = intervalSeconds * 1000;
		gate.limit = Math.max(headerNumber(headers, names?.limit) ?? 0, gate.limit ?? 0, remaining + 1);
		const counted =
			gate.windowStart !== undefined &&
			(gate.windowMs === undefined || gate.windowStart + gate.windowMs > sentAt);
		const fresh = remaining === gate.limit - 1 && sentAt > (gate.lowestSentAt ?? -Infinity);
		// A drop of remaining that this key's own requests do not explain: since its first answer
		// ever, or within its window since the lowest remaining it was told.
		const firstEver = gate.windowStart === undefined && gate.clearedAt === undefined;
		const drop = firstEver
			? gate.limit - 1 - remaining
			: counted && !fresh && gate.lowest !== undefined
				? gate.lowest - remaining
				: 0;
		if (
			family !== undefined &&
			gateKey !== family &&
			drop > (firstEver ? gate.inFlight.length : gate.ownSince) &&
			othersActive(family, key, now)
		) {
			// Another key of the family spent this budget: the family shares one gate from now.
			gate = join(family, gate);
			gateKey = family;
		}
		// The requests on their way that were sent after this one: the vendor may not have counted
		// them yet, so they come off what remains too.
		const others = gate.inFlight.filter((time) => time >= sentAt).length;
		if (fresh || !counted) {
			// The first request of a window, or one sent after the window we counted ended. Taking
			// its send time as the start is never early: the window began at or before it.
			gate.windowStart = sentAt;
			gate.left = remaining - others;
		} else {
			// Answers may arrive out of order; the smallest estimate is the latest word.
			gate.left = Math.min(gate.left ?? remaining, remaining - others);
		}
		if (gate.lowest === undefined || gate.windowStart === sentAt || remaining < gate.lowest) {
			gate.lowest = remaining;
			gate.lowestSentAt = sentAt;
			gate.ownSince = gate.inFlight.length;
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

	/** A request that got no answer (a lost connection, a timeout) is no longer on its way. */
	settle(key: string, sentAt: number, family?: string): void {
		landed(gates.get(gateKeyOf(key, family)), sentAt);
	},

	/** Whether the vendor was seen to count the keys of this family as one budget. */
	isShared(family: string): boolean {
		return sharedFamilies.has(family);
	},

	/** For tests: forget every gate, what was learned of families, every cap on requests in flight. */
	reset(): void {
		gates.clear();
		sharedFamilies.clear();
		familyKeys.clear();
		inFlightLimit.reset();
	},
};

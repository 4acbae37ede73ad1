/**
 * How many requests of one gate key (vendor + tenant) may be in flight at once. Unlimited until
 * the vendor answers 429; then about half as many as were in flight when it did, growing by one
 * per round of answers that are not 429 until the cap is gone again. A request that met the 429
 * keeps its place while it waits for its retry, so retries go before requests that never started.
 */
interface Lanes {
	active: number;
	cap?: number;
	waiting: Array<() => void>;
}

/** Above this the cap is lifted: the vendor has taken this many at once without a 429. */
const LIFT_CAP_AT = 64;

const lanesByKey = new Map<string, Lanes>();

function lanesOf(key: string): Lanes {
	let lanes = lanesByKey.get(key);
	if (!lanes) {
		lanes = { active: 0, waiting: [] };
		lanesByKey.set(key, lanes);
	}
	return lanes;
}

/** A request's place among those in flight: note each answer, leave when done. */
export interface Lane {
	/** Notes an answer: `rateLimited` for a 429, after which fewer requests start. */
	answered(rateLimited: boolean): void;
	leave(): void;
}

export const inFlightLimit = {
	/** Waits until a request of `key` may start, then counts it in flight until it leaves. */
	async enter(key: string): Promise<Lane> {
		const lanes = lanesOf(key);
		while (lanes.cap !== undefined && lanes.active >= Math.floor(lanes.cap)) {
			await new Promise<void>((wake) => lanes.waiting.push(wake));
		}
		lanes.active++;
		let ok = true;
		let left = false;
		return {
			answered(rateLimited) {
				ok = !rateLimited;
				if (!rateLimited) return;
				const half = Math.max(1, Math.floor(lanes.active / 2));
				lanes.cap = Math.min(lanes.cap ?? Infinity, half);
			},
			leave() {
				if (left) return;
				left = true;
				inFlightLimit.done(key, ok);
			},
		};
	},

	done(key: string, ok: boolean): void {
		const lanes = lanesByKey.get(key);
		if (!lanes) return;
		lanes.active = Math.max(0, lanes.active - 1);
		if (ok && lanes.cap !== undefined) {
			lanes.cap += 1 / lanes.cap;
			if (lanes.cap > LIFT_CAP_AT) lanes.cap = undefined;
		}
		for (const wake of lanes.waiting.splice(0)) wake();
		if (lanes.active === 0 && lanes.cap === undefined) lanesByKey.delete(key);
	},

	/** For tests: the cap of `key` (undefined: none), and forgetting every key. */
	capOf(key: string): number | undefined {
		const cap = lanesByKey.get(key)?.cap;
		return cap === undefined ? undefined : Math.floor(cap);
	},
	reset(): void {
		lanesByKey.clear();
	},
};

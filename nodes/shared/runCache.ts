/**
 * A cache that lives as long as one run of a node: n8n hands a node one context object per run
 * (all items of an execution, one poll of a trigger), so values kept per context are shared by the
 * items of a run and forgotten with it. Used for ID resolution: each customer costs its extra
 * lookups once per run, however many items name it.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

/** The run's cache of values by key; created on first use. */
export function runCache(ctx: object): Map<string, unknown> {
	let cache = caches.get(ctx);
	if (!cache) {
		cache = new Map();
		caches.set(ctx, cache);
	}
	return cache;
}

/**
 * The value of `key` for this run: computed once, then reused. Items that ask while the first
 * computation is still running wait for it. A failure is not kept, so the next item tries again.
 */
export async function oncePerRun<T>(
	ctx: object,
	key: string,
	compute: () => Promise<T>,
): Promise<T> {
	const cache = runCache(ctx);
	const known = cache.get(key) as Promise<T> | undefined;
	if (known) return await known;
	const pending = compute();
	cache.set(key, pending);
	pending.catch(() => cache.delete(key));
	return await pending;
}

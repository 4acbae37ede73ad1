// Fixed-window rate limiter keyed by tenant + endpoint (method and route template).
// config: { limit, intervalSeconds, retryAfter?, intervalHeader? (default true: send
// X-RateLimit-Interval-Length-Seconds), resetOnLimit? (a 429 also carries X-RateLimit-Reset as
// unix time) }.

export function createRateLimiter(config) {
	const windows = new Map();
	const enabled = Boolean(config) && config.limit > 0;
	const intervalMs = enabled ? config.intervalSeconds * 1000 : 0;

	function current(key, nowMs) {
		const start = Math.floor(nowMs / intervalMs) * intervalMs;
		let entry = windows.get(key);
		if (!entry || entry.start !== start) {
			entry = { start, count: 0 };
			windows.set(key, entry);
		}
		return entry;
	}

	function headersFor(entry, nowMs, limited) {
		const headers = {
			'X-RateLimit-Limit': String(config.limit),
			'X-RateLimit-Remaining': String(Math.max(0, config.limit - entry.count)),
		};
		if (config.intervalHeader !== false)
			headers['X-RateLimit-Interval-Length-Seconds'] = String(config.intervalSeconds);
		if (limited && config.retryAfter !== false) {
			headers['Retry-After'] = String(
				Math.max(1, Math.ceil((entry.start + intervalMs - nowMs) / 1000)),
			);
		}
		if (limited && config.resetOnLimit)
			headers['X-RateLimit-Reset'] = String(Math.ceil((entry.start + intervalMs) / 1000));
		return headers;
	}

	return {
		enabled,
		/** Headers describing the window without consuming a request. */
		peek(key, nowMs) {
			return enabled ? headersFor(current(key, nowMs), nowMs, false) : {};
		},
		/** Consume one request; limited=true when the window is exhausted. */
		hit(key, nowMs) {
			if (!enabled) return { limited: false, headers: {} };
			const entry = current(key, nowMs);
			if (entry.count >= config.limit)
				return { limited: true, headers: headersFor(entry, nowMs, true) };
			entry.count++;
			return { limited: false, headers: headersFor(entry, nowMs, false) };
		},
		reset() {
			windows.clear();
		},
	};
}

// Fault injection: { method?, path? | pathRegex?, status, times = 1, skip = 0, body?, headers?,
// delayMs = 0, drop = false, afterHandler = false, echo = false }.
// skip: the first `skip` matching requests pass untouched, the fault hits the ones after them.
// afterHandler: run the route handler first (the write happens), then drop or answer with the fault
// (with `drop`: the answer is lost; with a 5xx `status`: the write is applied, then answered 5xx).
// echo: the error body also carries the request as received (method, path, unmasked headers, body).
// random: { rate, seed, kinds?, delayMs?, retryAfterMax? }: each matching request draws from a seeded
// generator and, at `rate`, gets one fault of a kind picked from `kinds` (RANDOM_KINDS by default);
// `times` then counts the faults injected (default unlimited), `injected` the ones so far.

/**
 * The kinds a random fault picks from: server errors, 429 with Retry-After 0 or 1 s, a dropped
 * connection, an answer delayed by `delayMs` (beyond the client's timeout), "apply the write, then
 * lose the answer" and "apply the write, then answer 500, 502, 503 or 504" (both only for requests
 * other than GET; a GET gets a dropped connection or a plain server error).
 */
export const RANDOM_KINDS = [
	'500',
	'502',
	'503',
	'504',
	'429',
	'drop',
	'delay',
	'lostAnswer',
	'appliedThen5xx',
];

/** The statuses an "applied, then 5xx" fault answers with. */
export const APPLIED_THEN_STATUSES = [500, 502, 503, 504];

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function normaliseRandom(input) {
	const random = input.random;
	if (!random || typeof random !== 'object') throw new Error('random must be an object');
	const { rate, seed, kinds = RANDOM_KINDS, delayMs = 1000, retryAfterMax = 1 } = random;
	if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1))
		throw new Error('random.rate must be between 0 and 1');
	if (!Number.isInteger(seed)) throw new Error('random.seed must be an integer');
	if (!Array.isArray(kinds) || !kinds.length || kinds.some((k) => !RANDOM_KINDS.includes(k)))
		throw new Error(`random.kinds must list some of ${RANDOM_KINDS.join(', ')}`);
	return {
		method: input.method ? String(input.method).toUpperCase() : undefined,
		path: input.path,
		regex: input.pathRegex === undefined ? undefined : new RegExp(String(input.pathRegex)),
		pathRegex: input.pathRegex,
		times: input.times ?? Number.MAX_SAFE_INTEGER,
		random: { rate, seed, kinds, delayMs, retryAfterMax },
		next: seededRandom(seed),
		injected: 0,
		// Faults injected so far, by kind (an "appliedThen5xx" on a GET counts as its status).
		injectedByKind: {},
	};
}

/** The concrete fault a random fault gives one request, or undefined when it draws none. */
function drawFault(random, method) {
	if (random.next() >= random.random.rate) return undefined;
	const kind = random.random.kinds[Math.floor(random.next() * random.random.kinds.length)];
	const base = { headers: {}, delayMs: 0, drop: false, times: 0, kind };
	if (kind === 'drop' || (kind === 'lostAnswer' && method === 'GET'))
		return { ...base, drop: true };
	if (kind === 'lostAnswer') return { ...base, drop: true, afterHandler: true };
	if (kind === 'appliedThen5xx') {
		const status = APPLIED_THEN_STATUSES[Math.floor(random.next() * APPLIED_THEN_STATUSES.length)];
		if (method === 'GET') return { ...base, kind: String(status), status };
		return { ...base, status, afterHandler: true };
	}
	if (kind === 'delay') return { ...base, status: 504, delayMs: random.random.delayMs };
	if (kind === '429') {
		const seconds = Math.floor(random.next() * (random.random.retryAfterMax + 1));
		return { ...base, status: 429, headers: { 'Retry-After': String(seconds) } };
	}
	return { ...base, status: Number(kind) };
}

/** Validate and normalise one fault; throws an Error with a readable message when invalid. */
export function normaliseFault(input) {
	if (!input || typeof input !== 'object' || Array.isArray(input))
		throw new Error('a fault must be an object');
	if (input.random !== undefined) return normaliseRandom(input);
	const fault = {
		method: input.method ? String(input.method).toUpperCase() : undefined,
		path: input.path,
		pathRegex: input.pathRegex,
		status: input.status,
		times: input.times ?? 1,
		skip: input.skip ?? 0,
		body: input.body,
		headers: input.headers ?? {},
		delayMs: input.delayMs ?? 0,
		drop: input.drop ?? false,
	};
	for (const flag of ['afterHandler', 'echo']) {
		if (input[flag] === undefined) continue;
		if (typeof input[flag] !== 'boolean') throw new Error(`${flag} must be true or false`);
		if (input[flag]) fault[flag] = true;
	}
	if (fault.path !== undefined && typeof fault.path !== 'string')
		throw new Error('path must be a string');
	if (fault.pathRegex !== undefined) {
		if (typeof fault.pathRegex !== 'string') throw new Error('pathRegex must be a string');
		fault.regex = new RegExp(fault.pathRegex);
	}
	if (
		!fault.drop &&
		!(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)
	) {
		throw new Error('status must be an HTTP status code (or set drop: true)');
	}
	if (!(Number.isInteger(fault.times) && fault.times >= 0))
		throw new Error('times must be a non-negative integer');
	if (!(Number.isInteger(fault.skip) && fault.skip >= 0))
		throw new Error('skip must be a non-negative integer');
	if (!(Number.isFinite(fault.delayMs) && fault.delayMs >= 0))
		throw new Error('delayMs must be >= 0');
	if (typeof fault.headers !== 'object' || fault.headers === null)
		throw new Error('headers must be an object');
	return fault;
}

/** Find the first live fault matching method + path, decrement it and return it. */
export function takeFault(faults, method, path) {
	const fault = faults.find(
		(f) =>
			f.times > 0 &&
			(f.method === undefined || f.method === method) &&
			(f.path === undefined || f.path === path) &&
			(f.regex === undefined || f.regex.test(path)),
	);
	if (!fault) return undefined;
	if (!fault.random) {
		if (fault.skip > 0) {
			fault.skip--;
			return undefined;
		}
		fault.times--;
		return fault;
	}
	const drawn = drawFault(fault, method);
	if (!drawn) return undefined;
	fault.times--;
	fault.injected++;
	fault.injectedByKind[drawn.kind] = (fault.injectedByKind[drawn.kind] ?? 0) + 1;
	return drawn;
}

/** Public view of a fault (without the compiled regex). */
export function describeFault({ regex: _regex, next: _next, ...rest }) {
	return rest;
}

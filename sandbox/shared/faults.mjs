// Fault injection: { method?, path? | pathRegex?, status, times = 1, body?, headers?, delayMs = 0,
// drop = false, afterHandler = false, echo = false }.
// afterHandler: run the route handler first (the write happens), then drop or answer with the fault.
// echo: the error body also carries the request as received (method, path, unmasked headers, body).

/** Validate and normalise one fault; throws an Error with a readable message when invalid. */
export function normaliseFault(input) {
	if (!input || typeof input !== 'object' || Array.isArray(input))
		throw new Error('a fault must be an object');
	const fault = {
		method: input.method ? String(input.method).toUpperCase() : undefined,
		path: input.path,
		pathRegex: input.pathRegex,
		status: input.status,
		times: input.times ?? 1,
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
	if (fault) fault.times--;
	return fault;
}

/** Public view of a fault (without the compiled regex). */
export function describeFault({ regex: _regex, ...rest }) {
	return rest;
}

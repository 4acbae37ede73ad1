// Many customer changes at once, for tests of a poll trigger under a backlog: the control endpoint
// `POST /__sandbox/changes` creates and changes customers in one step, so that no poll reads half of
// them and no rate limit slows the test. Each change is dated as the API would date it, one after
// the other up to the sandbox clock (two changes share each millisecond, as busy tenants have ties).
// Nothing is delivered to webhooks. Each vendor supplies how a customer is made and changed.

const bad = (message) => ({ status: 400, body: { error: message } });

/** Body: { create?: n, update?: [key], twice?: [key of update], stepMs?: ms between changes }. */
function readBody(parsed) {
	if (parsed.kind !== 'json' || parsed.error || typeof parsed.value !== 'object' || !parsed.value)
		return 'body must be a JSON object such as {"create": 150, "update": ["12"], "twice": ["12"]}';
	const { create = 0, update = [], twice = [], stepMs = 3, ...rest } = parsed.value;
	const unknown = Object.keys(rest);
	if (unknown.length)
		return `unknown field ${unknown.join(', ')}; known: create, update, twice, stepMs`;
	if (!Number.isInteger(create) || create < 0) return 'create must be an integer >= 0';
	if (!Array.isArray(update) || !Array.isArray(twice))
		return 'update and twice must be lists of keys';
	if (new Set(update.map(String)).size !== update.length) return 'update names a key twice';
	const notUpdated = twice.map(String).filter((k) => !update.map(String).includes(k));
	if (notUpdated.length) return `twice names keys that are not in update: ${notUpdated.join(', ')}`;
	if (typeof stepMs !== 'number' || !(stepMs >= 0)) return 'stepMs must be a number >= 0';
	return { create, update: update.map(String), twice: twice.map(String), stepMs };
}

/**
 * The control endpoint `POST changes` for a vendor's customers.
 * @param vendor {
 *   list(state) => the customers,
 *   keyOf(customer) => the key the test names it by (the ID a trigger emits),
 *   changed: the change-date field,
 *   make(state, atIso) => a new customer, created at `atIso` and added to the state,
 *   touch(customer, n) => changes one field (n counts the customer's changes in this call)
 * }
 * Answers 200 { created: [{ key, at }], updated: [{ key, at, times }] } with each customer's last
 * change, or 400 naming what is wrong (nothing is changed then).
 */
export function customerChanges({ list, keyOf, changed, make, touch }) {
	return {
		'POST changes': (parsed, sandbox) => {
			const body = readBody(parsed);
			if (typeof body === 'string') return bad(body);
			const customers = list(sandbox.state);
			const byKey = new Map(customers.map((c) => [String(keyOf(c)), c]));
			const missing = body.update.filter((k) => !byKey.has(k));
			if (missing.length) return bad(`no customer ${missing.join(', ')}`);
			const total = body.create + body.update.length + body.twice.length;
			const now = sandbox.now();
			let index = 0;
			const nextAt = () =>
				new Date(now - Math.floor((total - 1 - index++) / 2) * body.stepMs).toISOString();
			const created = [];
			for (let i = 0; i < body.create; i++) {
				const at = nextAt();
				const customer = make(sandbox.state, at);
				created.push({ key: String(keyOf(customer)), at });
			}
			const updated = new Map();
			for (const key of [...body.update, ...body.twice]) {
				const customer = byKey.get(key);
				const times = (updated.get(key)?.times ?? 0) + 1;
				touch(customer, times);
				customer[changed] = nextAt();
				updated.set(key, { key, at: customer[changed], times });
			}
			return { status: 200, body: { created, updated: [...updated.values()] } };
		},
	};
}

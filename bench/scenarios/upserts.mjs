// Scenario "upserts", per system: Customer > Create or Update for N items, half of them existing
// customers, half new, under the vendor's documented rate limit (the system's `bench.rate`: per
// endpoint or per instance; none where no limit is documented). The HTTP Request flow is what a
// skilled user builds: a lookup by the key, an IF on "found", then an update or a create, each
// HTTP node batched to the documented limit (per endpoint: the limit per window; per instance: one
// request per limit's share of the window, so the chain as a whole stays under it) with Retry On
// Fail; without a documented limit it is not batched. A system whose sandbox can answer 429 without
// a documented limit (`bench.throttled`) gets a second run with that switch on, to show the
// slow-down. Afterwards the sandbox state is compared: every key exactly once, with this run's
// values. One existing customer in five already holds the values its item carries (a feed that
// sends a customer again): the package's Skip Unchanged sends no write for it, the HTTP Request
// flow writes it all the same; `writesSaved` counts the writes a run did not send, and
// `untouched` the unchanged customers whose change time no write moved.
import { httpNode, ifNode, input, noOpNode, packageNode, webhookWorkflow } from '../workflows.mjs';

/** Every how many existing customers one is sent with the values it already holds. */
const UNCHANGED_EVERY = 5;

const ids = (system) => ({
	package: `bench-${system.key}-upsert-package`,
	http: `bench-${system.key}-upsert-http`,
});

/** HTTP Request's Batching for a rate: per endpoint the limit per window, per instance one request per share. */
export function batchingFor(rate) {
	if (!rate) return {};
	const windowMs = rate.intervalSeconds * 1000;
	return rate.per === 'instance'
		? { batching: { batch: { batchSize: 1, batchInterval: Math.ceil(windowMs / rate.limit) } } }
		: { batching: { batch: { batchSize: rate.limit, batchInterval: windowMs } } };
}

/** The seconds a plan of requests per route needs at a rate: per endpoint the busiest route's. */
export function boundOf(plan, rate) {
	if (!rate) return undefined;
	const counts = Object.values(plan);
	const busiest = rate.per === 'instance' ? counts.reduce((a, b) => a + b, 0) : Math.max(...counts);
	return (busiest / rate.limit) * rate.intervalSeconds;
}

/** `rate`: the documented limit as the sandbox runs it (its window shortened in the smoke run). */
export function workflows(system, sandbox, rate) {
	const u = system.bench.upsert;
	const batching = batchingFor(rate);
	return [
		webhookWorkflow(
			ids(system).package,
			`Bench: create or update ${system.title} customers (package)`,
			[packageNode(system, u.parameters), noOpNode('Done')],
		),
		webhookWorkflow(
			ids(system).http,
			`Bench: create or update ${system.title} customers (HTTP Request + IF)`,
			[
				httpNode(system, sandbox, 'Find', { ...u.find(sandbox), options: batching }),
				ifNode('Found?', u.found),
				httpNode(system, sandbox, 'Update', { ...u.update(sandbox), options: batching }),
				httpNode(system, sandbox, 'Create', { ...u.create(sandbox), options: batching }),
				noOpNode('Done'),
			],
			{
				connections: {
					Find: [['Found?']],
					'Found?': [['Update'], ['Create']],
					Update: [['Done']],
					Create: [['Done']],
				},
			},
		),
	];
}

/** The job's items for `count` upserts (half existing, one existing in five unchanged) and the system's best plan for them. */
export function planOf(system, count) {
	const existing = Math.floor(count / 2);
	const unchanged = Math.ceil(existing / UNCHANGED_EVERY);
	return {
		existing,
		unchanged,
		plan: system.bench.upsert.bestPlan({ count, existing, unchanged }),
	};
}

/**
 * The upsert scenarios of a system: under its documented limit (`rate`, or none), and where it has
 * one, under its sandbox's 429 switch (`throttledRate(count)`). `align`: start every run at the
 * same point of the vendor's fixed window (the full run; the smoke run relies on the reseed, which
 * gives every run a fresh window count).
 */
export function scenarios(system, count, { rate, throttledRate, align }) {
	const { existing, unchanged, plan } = planOf(system, count);
	const make = (key, runRate, title) => ({
		system: system.key,
		job: key === 'upsert' ? 'upsert' : 'upsert429',
		key: `${system.key}.${key}`,
		title,
		variants: ids(system),
		rate: runRate,
		minimumRequests: Object.values(plan).reduce((a, b) => a + b, 0),
		boundSeconds: boundOf(plan, runRate),
		unchangedItems: unchanged,
		async prepare(bench, { round, variant }) {
			const u = system.bench.upsert;
			bench.configure({ limit: runRate?.limit ?? false, customers: existing, reseed: true });
			const sb = bench.sandbox;
			const marker = `Bench ${round}-${variant}`;
			const known = u.existingKeys(sb, existing);
			const fresh = Array.from(
				{ length: count - existing },
				(_, i) => `BN${String(i + 1).padStart(5, '0')}`,
			);
			// Existing and new keys alternate, as in a feed of changed and new customers.
			const keys = Array.from({ length: count }, (_, i) =>
				i % 2 === 0 && known.length ? known.shift() : (fresh.shift() ?? known.shift()),
			);
			const knownSet = new Set(u.existingKeys(sb, existing));
			const same = new Map();
			const changedAt = new Map();
			const changedField = system.sandbox.customers.changed;
			keys
				.filter((k) => knownSet.has(k))
				.forEach((k, n) => {
					if (n % UNCHANGED_EVERY !== 0) return;
					const customer = u.customersWithKey(sb, k)[0];
					same.set(k, u.makeUnchanged(customer, k));
					changedAt.set(k, customer[changedField]);
				});
			const items = keys.map((k, i) => same.get(k) ?? u.item(k, i, marker));
			this.expected = { items, changedAt };
			if (align && runRate) await bench.alignToWindow(runRate.intervalSeconds * 1000, 500);
			bench.clearRequests();
			return { body: { items } };
		},
		check(bench) {
			const u = system.bench.upsert;
			const sb = bench.sandbox;
			const { items, changedAt } = this.expected;
			let lost = 0;
			let duplicated = 0;
			for (const item of items) {
				const found = u.customersWithKey(sb, u.keyOfItem(item));
				if (found.length > 1) duplicated += found.length - 1;
				if (!found.some((c) => u.holds(c, item))) lost++;
			}
			const changedField = system.sandbox.customers.changed;
			let untouched = 0;
			for (const [k, at] of changedAt)
				if (u.customersWithKey(sb, k).every((c) => c[changedField] === at)) untouched++;
			// Writes the run sent (a 429 answer, which applied nothing, does not count).
			const writes = sb.requests.filter(
				(r) => system.bench.isApi(r) && r.method !== 'GET' && r.status !== 429,
			).length;
			return {
				records: items.length - lost,
				writesSaved: items.length - writes,
				untouched,
				lost,
				duplicated,
				correct: lost === 0 && duplicated === 0,
			};
		},
	});
	const rateText = (r) => `${r.limit} requests / ${r.intervalSeconds} s per ${r.per}`;
	const out = [
		make(
			'upsert',
			rate,
			`${system.title}: ${count} upserts (Create or Update) ${rate ? `at ${rateText(rate)}` : 'without a rate limit'}`,
		),
	];
	if (throttledRate)
		out.push(
			make(
				'upsert429',
				throttledRate,
				`${system.title}: ${count} upserts with the sandbox's 429 switch on (${rateText(throttledRate)})`,
			),
		);
	return out;
}

// Scenario "CPU per item", per system: the package node's Customer > Get of one customer (by its
// key) for N input items, against HTTP Request GET of the same customer with the same credential
// (the system's `bench.get`). The sandbox answers at once (no latency, no rate limit), so the run
// measures n8n's own work. A baseline workflow (Webhook → Split Out → Summarize without the request
// node, the same for every system) is measured too; CPU per item is the n8n process's CPU time of
// a run minus the baseline's median, divided by the items.
import { httpNode, input, packageNode, summarizeNode, webhookWorkflow } from '../workflows.mjs';

export const BASELINE = 'bench-cpu-baseline';
const CUSTOMERS = 25;

const ids = (system) => ({
	package: `bench-${system.key}-cpu-package`,
	http: `bench-${system.key}-cpu-http`,
	baseline: BASELINE,
});

export function workflows(system, sandbox) {
	const get = system.bench.get;
	return [
		webhookWorkflow(
			ids(system).package,
			`Bench: get one ${system.title} customer per item (package)`,
			[
				packageNode(system, get.parameters(`={{ ${input('id')} }}`)),
				summarizeNode(get.packageIdField, { list: false }),
			],
		),
		webhookWorkflow(
			ids(system).http,
			`Bench: get one ${system.title} customer per item (HTTP Request)`,
			[
				httpNode(system, sandbox, 'HTTP Request', {
					url: `=${get.url(sandbox)}{{ ${input('id')} }}`,
				}),
				summarizeNode(get.httpIdField, { list: false }),
			],
		),
	];
}

/** The workflow every system's CPU scenario subtracts: the same items without a request. */
export function baselineWorkflow() {
	return webhookWorkflow(BASELINE, 'Bench: the same items without a request (baseline)', [
		summarizeNode('id', { list: false }),
	]);
}

/** The first `count_…` and `unique_count_…` figures of a Summarize answer. */
function summarized(response) {
	const entries = Object.entries(response && typeof response === 'object' ? response : {});
	const pick = (prefix) => Number(entries.find(([k]) => k.startsWith(prefix))?.[1] ?? 0);
	return { count: pick('count_'), unique: pick('unique_count_') };
}

export function scenarios(system, items) {
	return [
		{
			system: system.key,
			job: 'cpu',
			key: `${system.key}.cpu`,
			title: `${system.title}: CPU per item, Customer > Get for ${items.toLocaleString('en')} items`,
			variants: ids(system),
			items,
			minimumRequests: items,
			async prepare(bench) {
				bench.configure({ latencyMs: 0, limit: false, customers: CUSTOMERS });
				const keys = bench.sandbox.state.customers.map(system.sandbox.customers.keyOf);
				return {
					body: { items: Array.from({ length: items }, (_, i) => ({ id: keys[i % keys.length] })) },
				};
			},
			check(bench, run) {
				const { count, unique } = summarized(run.response);
				return {
					records: count,
					lost: Math.max(0, items - count),
					duplicated: Math.max(0, count - items),
					correct: count === items && unique === Math.min(items, CUSTOMERS),
				};
			},
		},
	];
}

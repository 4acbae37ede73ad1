// Scenario "CPU per item": Customer > Get of one customer (by UUID) for N input items, against
// HTTP Request GET /v2/customers/{uuid} with the same OAuth2 client. The sandbox answers at once
// (no latency, no rate limit), so the run measures n8n's own work. A baseline workflow (the same
// Webhook → Split Out → Summarize without the request node) is measured too; CPU per item is the
// n8n process's CPU time of a run minus the baseline's median, divided by the items.
import { httpNode, jtlNode, summarizeNode, webhookWorkflow } from '../workflows.mjs';

export function workflows(jtl) {
	return [
		webhookWorkflow('bench-cpu-package', 'Bench: get one customer per item (package)', [
			jtlNode('JTL-Wawi', {
				resource: 'customer',
				operation: 'get',
				customerId: { __rl: true, mode: 'id', value: '={{ $json.uuid }}' },
				simplify: false,
			}),
			summarizeNode('id', { list: false }),
		]),
		webhookWorkflow('bench-cpu-http', 'Bench: get one customer per item (HTTP Request)', [
			httpNode('HTTP Request', jtl, { url: `=${jtl.apiBase}/v2/customers/{{ $json.uuid }}` }),
			summarizeNode('id', { list: false }),
		]),
		webhookWorkflow('bench-cpu-baseline', 'Bench: the same items without a request (baseline)', [
			summarizeNode('uuid', { list: false }),
		]),
	];
}

export function scenarios(items) {
	const customers = 25;
	return [
		{
			key: 'cpu',
			title: `CPU per item: Customer > Get for ${items.toLocaleString('en')} items`,
			variants: {
				package: 'bench-cpu-package',
				http: 'bench-cpu-http',
				baseline: 'bench-cpu-baseline',
			},
			items,
			minimumRequests: items,
			async prepare(bench) {
				bench.configure({ latencyMs: 0, rateLimit: false, customers });
				const uuids = bench.jtl.state.customers.map((c) => c.uuid);
				return {
					body: {
						items: Array.from({ length: items }, (_, i) => ({ uuid: uuids[i % uuids.length] })),
					},
				};
			},
			check(bench, run, variant) {
				const count = Number(run.response?.count_id ?? run.response?.count_uuid ?? 0);
				const unique = Number(
					run.response?.unique_count_id ?? run.response?.unique_count_uuid ?? 0,
				);
				const distinct = Math.min(items, customers);
				return {
					records: count,
					lost: Math.max(0, items - count),
					duplicated: Math.max(0, count - items),
					correct: count === items && unique === distinct,
					variant,
				};
			},
		},
	];
}

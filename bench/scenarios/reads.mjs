// Scenario "read all customers": JTL-Wawi > Customer > Get Many (Return All, v2 list, raw records)
// against HTTP Request with n8n's pagination (pageNumber = $pageCount + 1, complete when
// hasNextPage is false) followed by Split Out, as a user needs one item per customer. Both end in
// the same Summarize node, whose comma-joined ids are compared with the sandbox's list.
import { httpNode, jtlNode, splitOutNode, summarizeNode, webhookWorkflow } from '../workflows.mjs';

export const PAGE_SIZE = 100;

export function workflows(jtl) {
	return [
		webhookWorkflow(
			'bench-read-package',
			'Bench: read all customers (package)',
			[
				jtlNode('JTL-Wawi', {
					resource: 'customer',
					operation: 'getAll',
					returnAll: true,
					filters: {},
					sort: {},
					simplify: false,
				}),
				summarizeNode('id'),
			],
			{ split: false },
		),
		webhookWorkflow(
			'bench-read-http',
			'Bench: read all customers (HTTP Request)',
			[
				httpNode('HTTP Request', jtl, {
					url: `${jtl.apiBase}/v2/customers`,
					query: { pageSize: String(PAGE_SIZE) },
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [{ type: 'qs', name: 'pageNumber', value: '={{ $pageCount + 1 }}' }],
								},
								paginationCompleteWhen: 'other',
								completeExpression: '={{ $response.body.hasNextPage === false }}',
							},
						},
					},
				}),
				splitOutNode('Split Out Items', 'items'),
				summarizeNode('id'),
			],
			{ split: false },
		),
	];
}

/** One scenario per size; `bench` is the runner's toolbox (sandbox control, counting, checks). */
export function scenarios(sizes) {
	return sizes.map((customers) => ({
		key: `read${customers}`,
		title: `Read all ${customers.toLocaleString('en')} customers (pages of ${PAGE_SIZE})`,
		variants: { package: 'bench-read-package', http: 'bench-read-http' },
		minimumRequests: Math.ceil(customers / PAGE_SIZE),
		async prepare(bench) {
			bench.configure({ latencyMs: 20, rateLimit: false, customers });
			return { body: {} };
		},
		check(bench, run) {
			const expected = bench.jtl.state.customers.map((c) => c.uuid);
			const got = String(run.response?.concatenated_id ?? '')
				.split(',')
				.filter(Boolean);
			const gotSet = new Set(got);
			return {
				records: got.length,
				lost: expected.filter((id) => !gotSet.has(id)).length,
				duplicated: got.length - gotSet.size,
				correct: got.length === expected.length && got.every((id, i) => id === expected[i]),
			};
		},
	}));
}

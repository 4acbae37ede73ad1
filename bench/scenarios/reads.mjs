// Scenario "read all customers", per system: the package node's Customer > Get Many (Return All,
// raw records) against HTTP Request with n8n's pagination at the same page size as the node
// (the system's `bench.read`), followed by Split Out, as a user needs one item per customer. Both
// end in the same Summarize node, whose comma-joined keys are compared with the sandbox's customers.
import {
	httpNode,
	packageNode,
	splitOutNode,
	summarizeNode,
	webhookWorkflow,
} from '../workflows.mjs';

const ids = (system) => ({
	package: `bench-${system.key}-read-package`,
	http: `bench-${system.key}-read-http`,
});

export function workflows(system, sandbox) {
	const read = system.bench.read;
	return [
		webhookWorkflow(
			ids(system).package,
			`Bench: read all ${system.title} customers (package)`,
			[packageNode(system, read.parameters), summarizeNode(read.idField)],
			{ split: false },
		),
		webhookWorkflow(
			ids(system).http,
			`Bench: read all ${system.title} customers (HTTP Request)`,
			[
				httpNode(system, sandbox, 'HTTP Request', {
					url: read.url(sandbox),
					query: read.query,
					options: {
						pagination: {
							pagination: {
								paginationMode: 'updateAParameterInEachRequest',
								parameters: {
									parameters: [
										{ type: 'qs', name: read.pageParameter, value: '={{ $pageCount + 1 }}' },
									],
								},
								paginationCompleteWhen: 'other',
								completeExpression: read.complete,
							},
						},
					},
				}),
				splitOutNode('Split Out Items', read.itemsField),
				summarizeNode(read.idField),
			],
			{ split: false },
		),
	];
}

/** One scenario per size; `bench` is the runner's toolbox for the system (sandbox, counting). */
export function scenarios(system, sizes) {
	const { pageSize } = system.bench.read;
	return sizes.map((customers) => ({
		system: system.key,
		job: 'read',
		key: `${system.key}.read${customers}`,
		title: `${system.title}: read all ${customers.toLocaleString('en')} customers (pages of ${pageSize})`,
		variants: ids(system),
		size: customers,
		minimumRequests: Math.ceil(customers / pageSize),
		async prepare(bench) {
			bench.configure({ limit: false, customers });
			return { body: {} };
		},
		check(bench, run) {
			const expected = bench.sandbox.state.customers
				.map(system.sandbox.customers.keyOf)
				.map(String);
			const got = String(run.response?.[`concatenated_${system.bench.read.idField}`] ?? '')
				.split(',')
				.filter(Boolean);
			const gotSet = new Set(got);
			const lost = expected.filter((id) => !gotSet.has(id)).length;
			const duplicated = got.length - gotSet.size;
			return {
				records: got.length,
				lost,
				duplicated,
				correct: lost === 0 && duplicated === 0 && got.length === expected.length,
			};
		},
	}));
}

/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code that reads the repository's workflow files, not shipped */
/**
 * What n8n 3.0 removes stays out of the package, its demo, its tests and its benchmark
 * (docs/n8n-3.md): the `$getPairedItem` expression helper, the removed nodes, the Execute Workflow
 * node, and `$evaluateExpression()` in Code nodes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../harness/packageEntries';

/** Every file under the folders that hold nodes or workflows, with the given endings. */
function filesUnder(dir: string, endings: RegExp): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) out.push(...filesUnder(full, endings));
		else if (endings.test(name)) out.push(full);
	}
	return out;
}

const SCANNED = [
	'nodes',
	'credentials',
	'scripts',
	'bench',
	'test/workflows',
	'test/e2e',
	'test/queue',
]
	.flatMap((d) => filesUnder(path.join(REPO_ROOT, d), /\.(ts|mjs|json)$/))
	.map((file) => ({ file: path.relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }));

/** What n8n 3.0 removes, as it appears in a workflow or in node code. */
const REMOVED: Array<[string, RegExp]> = [
	['$getPairedItem', /\$getPairedItem\b/],
	['$evaluateExpression()', /\$evaluateExpression\s*\(/],
	['the Function node', /n8n-nodes-base\.function["'`]/],
	['the Function Item node', /n8n-nodes-base\.functionItem\b/],
	['the Item Lists node', /n8n-nodes-base\.itemLists\b/],
	['the AI Transform node', /n8n-nodes-base\.aiTransform\b/],
	['the LangChain Code node', /n8n-nodes-langchain\.code\b/],
	['the Execute Workflow node', /n8n-nodes-base\.executeWorkflow\b/],
];

/** Where a pattern is found, file by file. */
function findings(pattern: RegExp): string[] {
	return SCANNED.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
}

describe('n8n 3.0 readiness', () => {
	it('scans the node code and every workflow the demo, tests and benchmark use', () => {
		const files = SCANNED.map((s) => s.file);
		expect(files).toEqual(
			expect.arrayContaining(['scripts/demo-flows.mjs', 'nodes/shared/router.ts']),
		);
		expect(files.filter((f) => f.endsWith('.workflow.json')).length).toBeGreaterThan(40);
	});

	it.each(REMOVED)('uses nothing n8n 3.0 removes: %s', (_what, pattern) => {
		// This file names the patterns itself and is not scanned (it lives in test/unit).
		expect(findings(pattern)).toEqual([]);
	});

	it('each pattern finds what it stands for', () => {
		const samples: Record<string, string> = {
			$getPairedItem: '={{ $getPairedItem("A", "", 0) }}',
			'$evaluateExpression()': 'return $evaluateExpression("{{ 1 }}")',
			'the Function node': '"type": "n8n-nodes-base.function"',
			'the Function Item node': '"type": "n8n-nodes-base.functionItem"',
			'the Item Lists node': '"type": "n8n-nodes-base.itemLists"',
			'the AI Transform node': '"type": "n8n-nodes-base.aiTransform"',
			'the LangChain Code node': '"type": "@n8n/n8n-nodes-langchain.code"',
			'the Execute Workflow node': '"type": "n8n-nodes-base.executeWorkflow"',
		};
		for (const [what, pattern] of REMOVED) expect(pattern.test(samples[what])).toBe(true);
		// The Function pattern does not take the Filter or Function Item node for the Function node.
		expect(REMOVED[2][1].test('"type": "n8n-nodes-base.filter"')).toBe(false);
		expect(REMOVED[2][1].test('"type": "n8n-nodes-base.functionItem"')).toBe(false);
	});
});

// Workflow builders the system entries (systems/<system>.mjs) and the real-n8n tools share: a test
// workflow fed by an input item, and a polling trigger into a No Operation node. Never shipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A workflow from test/workflows with an Edit Fields (Set) node in front that feeds `input` as the
 * item, so the same workflow files serve the in-process tests, the real-n8n run and the demo.
 */
export function workflowWithInput(file, id, input, changeNode) {
	const workflow = JSON.parse(readFileSync(path.join(REPO, 'test', 'workflows', file), 'utf8'));
	workflow.id = id;
	workflow.name = workflow.name ?? id;
	const target = workflow.nodes.find((n) => n.name !== 'Manual Trigger');
	changeNode?.(target);
	workflow.nodes.push({
		id: 'input-item',
		name: 'Input',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [120, 0],
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(input, null, 2), options: {} },
	});
	workflow.connections = {
		'Manual Trigger': { main: [[{ node: 'Input', type: 'main', index: 0 }]] },
		Input: { main: [[{ node: target.name, type: 'main', index: 0 }]] },
	};
	return workflow;
}

/**
 * A polling trigger of the package (polled every minute, into a No Operation node, every
 * execution's data kept), as n8n imports it: the demo's and the live trigger runs' workflows.
 */
export function pollTriggerWorkflow({ id, name, nodeId, triggerName, type, event, credentials }) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: nodeId,
				name: triggerName,
				type,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					event,
					options: {},
				},
				credentials,
			},
			noOperationNode(),
		],
		connections: {
			[triggerName]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
	};
}

/** The No Operation node a demo trigger workflow ends in. */
export function noOperationNode() {
	return {
		id: 'no-op',
		name: 'No Operation',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [240, 0],
		parameters: {},
	};
}

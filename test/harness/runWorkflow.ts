/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IRun,
	IWorkflowBase,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';

export interface TestCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export interface WorkflowResult {
	run: IRun;
	/** JSON of each output item of a node, first run, first output. */
	output(nodeName: string): IDataObject[];
	/** pairedItem indexes of a node's output items. */
	pairedItems(nodeName: string): number[];
	/** The error of the run, if a node failed. */
	error?: {
		name?: string;
		message: string;
		description?: string | null;
		itemIndex?: number;
		httpCode?: string | null;
	};
	credentials: TestCredentialsHelper;
}

/** Reads a workflow file from test/workflows. */
export function loadWorkflow(relativePath: string): IWorkflowBase {
	return JSON.parse(
		readFileSync(path.join(__dirname, '..', 'workflows', relativePath), 'utf8'),
	) as IWorkflowBase;
}

/**
 * Runs a workflow in process on n8n-core's WorkflowExecute, as `n8n execute` would, and returns
 * the run. `credentials` may be a helper reused across runs, so OAuth2 tokens persist like in n8n.
 */
export async function runWorkflow(
	workflowData: IWorkflowBase,
	credentials: TestCredential[] | TestCredentialsHelper,
	options: { items?: IDataObject[] } = {},
): Promise<WorkflowResult> {
	const credentialsHelper =
		credentials instanceof TestCredentialsHelper
			? credentials
			: new TestCredentialsHelper(credentials);
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
		settings: workflowData.settings,
	});

	let resolveRun: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
	const hooks = new ExecutionLifecycleHooks('manual', '1', workflowData);
	hooks.addHandler('workflowExecuteAfter', (fullRunData: IRun) => resolveRun(fullRunData));

	const additionalData = testAdditionalData(credentialsHelper, { hooks, executionId: '1' });

	const startNode = workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const runExecutionData = createRunExecutionData({
		startData: {},
		resultData: { runData: {} },
		executionData: {
			nodeExecutionStack: [
				{
					node: startNode,
					data: { main: [(options.items ?? [{}]).map((json) => ({ json }))] },
					source: null,
				},
			],
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execution.processRunExecutionData(workflow);
	const run = await done;

	const output = (nodeName: string) =>
		(run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	const pairedItems = (nodeName: string) =>
		(run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((item) => {
			const paired = item.pairedItem;
			if (typeof paired === 'number') return paired;
			if (Array.isArray(paired)) return paired[0]?.item ?? -1;
			return paired?.item ?? -1;
		});
	const rawError = run.data.resultData.error as
		| (Error & { description?: string | null; context?: IDataObject; httpCode?: string | null })
		| undefined;
	return {
		run,
		output,
		pairedItems,
		credentials: credentialsHelper,
		error: rawError
			? {
					name: rawError.name,
					message: rawError.message,
					description: rawError.description,
					itemIndex: rawError.context?.itemIndex as number | undefined,
					httpCode: rawError.httpCode,
				}
			: undefined,
	};
}

/**
 * A fault run whose read used up its retries (five faults in a row on one request, each at 20 %)
 * must fail loudly: a NodeApiError with the vendor's message, and no partial list from the node.
 */
export function expectLoudFailure(result: WorkflowResult, nodeName: string): void {
	expect(result.error?.name).toBe('NodeApiError');
	expect(result.error?.message).toMatch(/\S/);
	expect(result.output(nodeName)).toHaveLength(0);
}

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { PollContext } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { TestCredential } from './runWorkflow';

export interface Poller {
	/** Runs the node's poll() once, as n8n's poll scheduler would, in the given mode. */
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	/** The node's static data (what n8n persists between polls). */
	staticData(): IDataObject;
	workflow: Workflow;
	node: INode;
	credentials: TestCredentialsHelper;
}

/**
 * A polling trigger node in a one-node workflow, polled in process through n8n-core's real
 * PollContext (parameters with defaults, credentials incl. OAuth2 tokens, static data).
 */
export function createPoller(options: {
	type: string;
	parameters: INodeParameters;
	credentials: TestCredential[] | TestCredentialsHelper;
	nodeCredentials?: INode['credentials'];
	name?: string;
}): Poller {
	const credentialsHelper =
		options.credentials instanceof TestCredentialsHelper
			? options.credentials
			: new TestCredentialsHelper(options.credentials);
	const node: INode = {
		id: 'poll-trigger',
		name: options.name ?? 'Trigger',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.nodeCredentials ?? {
			jtlWawiOAuth2Api: { id: 'jtlSandbox', name: 'JTL-Wawi sandbox' },
		},
	};
	const workflow = new Workflow({
		id: 'pollTest',
		name: 'poll test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: {},
	});
	const workflowNode = workflow.getNode(node.name)!;
	const additionalData = testAdditionalData(credentialsHelper);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;
	if (typeof nodeType.poll !== 'function') throw new Error(`${node.type} is not a polling node`);

	return {
		workflow,
		node: workflowNode,
		credentials: credentialsHelper,
		staticData: () => workflow.getStaticData('node', workflowNode),
		async poll(mode: WorkflowExecuteMode = 'trigger') {
			const context = new PollContext(
				workflow,
				workflowNode,
				additionalData,
				mode,
				mode === 'manual' ? 'manual' : 'activate',
			);
			return await nodeType.poll!.call(context);
		},
	};
}

/**
 * Polls a trigger through a schedule: for each step, moves the API's clock by `seconds`, polls,
 * and expects the IDs emitted (`idOf` of each item), none for an empty list. The first poll after
 * activation comes before the schedule and must emit nothing.
 */
export async function pollThrough(
	trigger: Poller,
	advanceClock: (seconds: number) => Promise<void>,
	idOf: (json: IDataObject) => unknown,
	steps: Array<[seconds: number, ids: unknown[]]>,
): Promise<void> {
	expect(await trigger.poll()).toBeNull();
	for (const [seconds, ids] of steps) {
		await advanceClock(seconds);
		const out = await trigger.poll();
		expect({ after: seconds, ids: out ? out[0].map((item) => idOf(item.json)) : [] }).toEqual({
			after: seconds,
			ids,
		});
	}
}

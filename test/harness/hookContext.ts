/* eslint-disable @typescript-eslint/no-explicit-any -- n8n-core internals */
import type { IDataObject, IHookFunctions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { TestCredential } from './runWorkflow';

/**
 * n8n-core's real hook context (the one n8n runs a webhook trigger's checkExists / create / delete
 * in) for one trigger node, with test credentials, the node's static data held by the caller and
 * deliveries addressed to `webhookBaseUrl`.
 */
export function createHookContext(options: {
	type: string;
	parameters: IDataObject;
	credentials: TestCredential[];
	nodeCredentials: INode['credentials'];
	staticData: IDataObject;
	webhookBaseUrl: string;
	workflowName?: string;
}): IHookFunctions {
	const node: INode = {
		id: 'hook',
		name: 'Trigger',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		webhookId: 'abc',
		parameters: options.parameters as INode['parameters'],
		credentials: options.nodeCredentials,
	};
	const workflow = new Workflow({
		id: 'hookTest',
		name: options.workflowName ?? 'price sync',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
	});
	const additionalData = testAdditionalData(new TestCredentialsHelper(options.credentials), {
		webhookBaseUrl: options.webhookBaseUrl,
	});
	const context = new HookContext(
		workflow,
		workflow.getNode(node.name)!,
		additionalData,
		'trigger',
		'activate',
	);
	// The node's static data, as n8n keeps it between activation and deliveries.
	(context as any).getWorkflowStaticData = () => options.staticData;
	return context;
}

import type { ILoadOptionsFunctions, INode, INodeCredentials, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { LoadOptionsContext } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { TestCredential } from './runWorkflow';

/**
 * An n8n-core LoadOptionsContext for a node, as the editor uses to fill dropdowns and resource
 * locator lists, with the test credentials.
 */
export function loadOptionsContext(options: {
	type: string;
	parameters: INodeParameters;
	credentials: TestCredential[];
	/** The node's credential references; JTL-Wawi's sandbox credential unless given. */
	nodeCredentials?: INodeCredentials;
}): ILoadOptionsFunctions {
	const node: INode = {
		id: 'load-options',
		name: 'Node',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.nodeCredentials ?? {
			jtlWawiOAuth2Api: { id: 'jtlSandbox', name: 'JTL-Wawi sandbox' },
		},
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = testAdditionalData(new TestCredentialsHelper(options.credentials));
	// The editor sends the node's current parameters along; getCurrentNodeParameter reads them.
	additionalData.currentNodeParameters = options.parameters;
	return new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalData, '');
}

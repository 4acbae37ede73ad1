import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { TestCredentialsHelper } from './credentialsHelper';

/**
 * The IWorkflowExecuteAdditionalData n8n-core's execution contexts need, for tests: the test
 * credentials helper, local URLs, and stubs for what the nodes here never call.
 */
export function testAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	const unsupported = async () => {
		throw new Error('not supported in tests');
	};
	return {
		credentialsHelper,
		executionId: undefined,
		currentNodeParameters: undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		executeWorkflow: unsupported,
		startRunnerTask: unsupported,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

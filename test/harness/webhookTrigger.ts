/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
import { createServer, type Server } from 'node:http';

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';
import { HookContext, WebhookContext } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { TestCredential } from './runWorkflow';

type HookName = 'checkExists' | 'create' | 'delete';

export interface WebhookTrigger {
	/** Runs one of n8n's webhook hooks as activation / deactivation would. */
	hook(name: HookName): Promise<boolean>;
	/** The node's static data. */
	staticData(): IDataObject;
	/** The URL n8n would register: a local server that runs the node's webhook() per request. */
	url: string;
	/** What each delivery gave: the answer's status and the workflow data it would start. */
	received: Array<{ status: number; workflowData?: INodeExecutionData[][] }>;
	/** Each delivery as it arrived: its raw body and headers (what an eavesdropper would capture). */
	requests: Array<{ body: string; headers: Record<string, string> }>;
	/** Sends delivery `index` again, byte for byte with its headers; the answer's status. */
	replay(index: number): Promise<number>;
	stop(): Promise<void>;
}

/**
 * A webhook trigger node in a one-node active workflow, its hooks run through n8n-core's real
 * HookContext and each HTTP request to `url` through a real WebhookContext, as n8n's webhook server
 * would (answer 200 once the workflow would start, or the node's own refusal).
 */
export async function createWebhookTrigger(options: {
	type: string;
	parameters: INodeParameters;
	credentials: TestCredential[];
	nodeCredentials: INode['credentials'];
}): Promise<WebhookTrigger> {
	const credentialsHelper = new TestCredentialsHelper(options.credentials);
	const received: WebhookTrigger['received'] = [];
	const requests: WebhookTrigger['requests'] = [];
	const node: INode = {
		id: 'webhook-trigger',
		name: 'Trigger',
		type: options.type,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.nodeCredentials,
		webhookId: 'c0ffee00-0000-4000-8000-000000000001',
	};
	const workflow = new Workflow({
		id: 'webhookTest',
		name: 'webhook test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes,
		staticData: {},
		settings: {},
	});
	const workflowNode = workflow.getNode(node.name)!;
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;

	let server: Server;
	const base = await new Promise<string>((resolve) => {
		server = createServer((req, res) => {
			let raw = '';
			req.on('data', (chunk) => (raw += chunk));
			req.on('end', () => {
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(req.headers))
					if (typeof value === 'string') headers[name] = value;
				requests.push({ body: raw, headers });
				void (async () => {
					let status = 200;
					let answered: unknown;
					const fakeRes = {
						status(code: number) {
							status = code;
							return fakeRes;
						},
						json(body: unknown) {
							answered = body;
							return fakeRes;
						},
						end() {
							return fakeRes;
						},
					};
					const httpRequest = {
						body: raw ? JSON.parse(raw) : {},
						headers: req.headers,
						query: {},
						params: {},
						rawBody: Buffer.from(raw),
					};
					const additionalData = testAdditionalData(credentialsHelper, {
						webhookBaseUrl: `${base}`,
						httpRequest,
						httpResponse: fakeRes,
					});
					const webhookData = {
						httpMethod: 'POST',
						node: node.name,
						path: 'webhook',
						webhookDescription: nodeType.description.webhooks![0],
						workflowId: workflow.id,
						workflowExecuteAdditionalData: additionalData,
					} as unknown as IWebhookData;
					try {
						const context = new WebhookContext(
							workflow,
							workflowNode,
							additionalData,
							'trigger',
							webhookData,
							[],
							null,
						);
						const result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
						received.push({ status, workflowData: result.workflowData });
						res.writeHead(status, { 'content-type': 'application/json' });
						res.end(JSON.stringify(answered ?? { message: 'Workflow was started' }));
					} catch (error) {
						received.push({ status: 500 });
						res.writeHead(500).end(String((error as Error).message));
					}
				})();
			});
		});
		server.listen(0, '127.0.0.1', () => {
			const address = server.address() as { port: number };
			resolve(`http://127.0.0.1:${address.port}/webhook`);
		});
	});

	const hookData = testAdditionalData(credentialsHelper, { webhookBaseUrl: base });
	const url = `${base}/${node.webhookId}/webhook`;
	return {
		url,
		received,
		requests,
		async replay(index) {
			const { body, headers } = requests[index];
			const hopByHop = new Set(['host', 'content-length', 'connection']);
			const sent = Object.fromEntries(
				Object.entries(headers).filter(([name]) => !hopByHop.has(name)),
			);
			return (await fetch(url, { method: 'POST', headers: sent, body })).status;
		},
		staticData: () => workflow.getStaticData('node', workflowNode),
		async hook(name) {
			const context = new HookContext(workflow, workflowNode, hookData, 'trigger', 'activate');
			const methods = nodeType.webhookMethods!.default as Record<
				HookName,
				(this: unknown) => Promise<boolean>
			>;
			return await methods[name].call(context);
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

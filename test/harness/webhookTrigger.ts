/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test infrastructure, not shipped */
import { createServer, type Server } from 'node:http';

import type {
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';

import { testAdditionalData } from './additionalData';
import { TestCredentialsHelper } from './credentialsHelper';
import { nodeTypes } from './nodeTypes';
import type { TestCredential } from './runWorkflow';

type HookName = 'checkExists' | 'create' | 'delete';

export interface WebhookTrigger {
	/** Runs one of n8n's webhook hooks as activation / deactivation would. */
	hook(name: HookName): Promise<boolean>;
	/** The node's static data as n8n's database holds it. */
	staticData(): IDataObject;
	/** The URL n8n would register: a local server that runs the node's webhook() per request. */
	url: string;
	/**
	 * What each delivery gave: the answer's status and, when it started an execution, the items
	 * the trigger node gave the workflow in it.
	 */
	received: Array<{ status: number; workflowData?: INodeExecutionData[][] }>;
	/** Each delivery as it arrived: its raw body and headers (what an eavesdropper would capture). */
	requests: Array<{ body: string; headers: Record<string, string> }>;
	/** Sends delivery `index` again, byte for byte with its headers; the answer's status. */
	replay(index: number): Promise<number>;
	stop(): Promise<void>;
}

const clone = (data: IDataObject): IDataObject => JSON.parse(JSON.stringify(data)) as IDataObject;

/**
 * A webhook trigger node in a one-node active workflow, its hooks run through n8n-core's real
 * HookContext and each HTTP request to `url` through a real WebhookContext, as n8n's webhook server
 * would (answer 200 once the workflow would start, or the node's own refusal). A delivery that
 * starts an execution runs it on n8n-core's WorkflowExecute in webhook mode.
 *
 * Static data lives as n8n 2.41 keeps it: a copy in the "database", loaded for every hook and
 * webhook call. What a hook changes is saved. What a webhook call changes is saved when the call
 * answers the request itself (`noWebhookResponse`: n8n's response callback saves it before the
 * execution starts) or starts no execution; otherwise it is lost (n8n builds the execution's
 * workflow on the same object first, which marks it unchanged). An execution runs on static data
 * loaded anew (`n8n start`), or with `queueMode` as a queue-mode worker runs it: on the copy of the
 * workflow stored with the execution, which holds no static data. What it changes is saved, in
 * place of all the stored static data, when it ends.
 */
export async function createWebhookTrigger(options: {
	type: string;
	parameters: INodeParameters;
	credentials: TestCredential[];
	nodeCredentials: INode['credentials'];
	/** Run executions as n8n 2.41's queue-mode worker does (see above). */
	queueMode?: boolean;
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
	const workflowBase = {
		id: 'webhookTest',
		name: 'webhook test',
		nodes: [node],
		connections: {},
		active: true,
		settings: {},
	};
	/** The workflow's static data as n8n's database holds it. */
	let saved: IDataObject = {};
	const loaded = () => new Workflow({ ...workflowBase, nodeTypes, staticData: clone(saved) });
	const saveIfChanged = (workflow: Workflow) => {
		if (workflow.staticData.__dataChanged === true) saved = clone(workflow.staticData);
	};
	const nodeType = nodeTypes.getByNameAndVersion(node.type, 1) as INodeType;

	/** The execution a delivery starts, as n8n's workflow runner would run it. */
	async function execute(items: INodeExecutionData[][]): Promise<INodeExecutionData[][]> {
		const workflow = options.queueMode
			? new Workflow({ ...workflowBase, nodeTypes, staticData: undefined })
			: loaded();
		let resolveRun: (run: IRun) => void = () => {};
		const done = new Promise<IRun>((resolve) => (resolveRun = resolve));
		const hooks = new ExecutionLifecycleHooks('webhook', '1', {
			...workflowBase,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			activeVersionId: null,
		});
		hooks.addHandler('workflowExecuteAfter', (run: IRun, newStaticData?: IDataObject) => {
			if (newStaticData) saved = clone(newStaticData);
			resolveRun(run);
		});
		const additionalData = testAdditionalData(credentialsHelper, { hooks, executionId: '1' });
		const runExecutionData = createRunExecutionData({
			startData: {},
			resultData: { runData: {} },
			executionData: {
				nodeExecutionStack: [
					{ node: workflow.getNode(node.name)!, data: { main: items }, source: null },
				],
			},
		});
		await new WorkflowExecute(additionalData, 'webhook', runExecutionData).processRunExecutionData(
			workflow,
		);
		const run = await done;
		if (run.data.resultData.error) throw run.data.resultData.error;
		return run.data.resultData.runData[node.name][0].data!.main as INodeExecutionData[][];
	}

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
						workflowId: workflowBase.id,
						workflowExecuteAdditionalData: additionalData,
					} as unknown as IWebhookData;
					try {
						const workflow = loaded();
						const context = new WebhookContext(
							workflow,
							workflow.getNode(node.name)!,
							additionalData,
							'webhook',
							webhookData,
							[],
							null,
						);
						const result = (await nodeType.webhook!.call(context)) as IWebhookResponseData;
						if (result.noWebhookResponse === true) saveIfChanged(workflow);
						if (result.workflowData) {
							received.push({ status, workflowData: await execute(result.workflowData) });
						} else {
							saveIfChanged(workflow);
							received.push({ status, workflowData: undefined });
						}
						res.writeHead(status, { 'content-type': 'application/json' });
						res.end(
							JSON.stringify(
								answered ?? result.webhookResponse ?? { message: 'Workflow was started' },
							),
						);
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
		staticData: () => (saved[`node:${node.name}`] as IDataObject | undefined) ?? {},
		async hook(name) {
			const workflow = loaded();
			const context = new HookContext(
				workflow,
				workflow.getNode(node.name)!,
				hookData,
				'trigger',
				'activate',
			);
			const methods = nodeType.webhookMethods!.default as Record<
				HookName,
				(this: unknown) => Promise<boolean>
			>;
			const outcome = await methods[name].call(context);
			saveIfChanged(workflow);
			return outcome;
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters and vendor JSON are free-form */
import type { IDataObject } from 'n8n-workflow';

import { rateLimitGate } from '../../nodes/shared/rateLimit';
import { createPoller } from './poll';
import { loadWorkflow, runWorkflow } from './runWorkflow';
import type { RunningSandbox } from './sandbox';
import { sandboxCredential, startSandbox } from './sandbox';
import type { NodeChange } from './jtlSuite';

export { continueOnFail } from './jtlSuite';

/** A Flow Retail credential pointing at the sandbox (its default tenant and token). */
export const flowRetailSandboxCredential = (
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) => sandboxCredential('flow', sandbox, overrides);

/** The User-Agent of direct calls, so request logs can tell them from the node's. */
export const FLOW_DIRECT_AGENT = 'flow-tests/1.0';

export const FLOW_TENANT = 'sandbox-tenant';
const TOKEN = 'flow-sandbox-integration-token';

/** Talks to the Flow Retail sandbox outside the node under test: `/customers/...` below the tenant. */
export function flowDirect(sandbox: RunningSandbox) {
	const send = async (method: string, path: string, body?: unknown) => {
		const res = await fetch(`${sandbox.apiBase}/tenants/${FLOW_TENANT}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${TOKEN}`,
				'user-agent': FLOW_DIRECT_AGENT,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
	};
	return {
		send,
		get: async (path: string) => {
			const res = await send('GET', path);
			if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
			return res.body;
		},
		/** Every record of a paged list. */
		all: async (path: string) => {
			const out: any[] = [];
			for (let page = 1; ; page++) {
				const sep = path.includes('?') ? '&' : '?';
				const res = await send('GET', `${path}${sep}pageNumber=${page}&pageSize=1000`);
				out.push(...res.body.items);
				if (out.length >= res.body.paging.totalCount || res.body.items.length === 0) return out;
			}
		},
	};
}

/**
 * The jest hooks of a suite against the Flow Retail sandbox: started once, reset before each
 * test, stopped afterwards. `args` are sandbox CLI flags.
 */
export function useFlowRetailSandbox(args: string[] = []) {
	let running: RunningSandbox | undefined;

	beforeAll(async () => {
		running = await startSandbox('flowRetail', ['--rate-limit', '0', ...args]);
	});
	afterAll(async () => await running?.stop());
	beforeEach(async () => {
		// The core's rate-limit gates and in-flight caps outlive a run: each test starts afresh.
		rateLimitGate.reset();
		await flow.sandbox.reset();
	});

	const started = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('The Flow Retail sandbox is not running');
		return value;
	};

	const flow = {
		get sandbox() {
			return started(running);
		},
		get direct() {
			return flowDirect(flow.sandbox);
		},
		credentials: (overrides: Record<string, unknown> = {}) => [
			flowRetailSandboxCredential(flow.sandbox, overrides),
		],
		/** Runs a workflow file from test/workflows with these input items. */
		run: async (
			file: string,
			items: object[],
			change?: NodeChange,
			overrides: Record<string, unknown> = {},
		) => {
			const workflow = loadWorkflow(file);
			if (change) {
				const node = workflow.nodes.find((n) => n.name === 'Flow Retail')!;
				change(node.parameters as Record<string, any>, node as unknown as Record<string, any>);
			}
			return await runWorkflow(workflow, flow.credentials(overrides), {
				items: items as IDataObject[],
			});
		},
		/** The API requests the node sent (direct calls left out). */
		apiCalls: async () =>
			(await flow.sandbox.requests()).filter(
				(r) => r.path.startsWith('/v2/') && r.headers['user-agent'] !== FLOW_DIRECT_AGENT,
			),
		writes: async () => (await flow.apiCalls()).filter((r) => r.method !== 'GET'),
	};
	return flow;
}

/** The suite `useFlowRetailSandbox` returns. */
export type FlowSuite = ReturnType<typeof useFlowRetailSandbox>;

/** A Flow Retail Poll Trigger on the sandbox's credential, for `event`. */
export function flowPoller(
	sandbox: RunningSandbox,
	event: string,
	options: Record<string, string | boolean> = {},
) {
	return createPoller({
		type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
		parameters: { event, options },
		credentials: [flowRetailSandboxCredential(sandbox)],
		nodeCredentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
	});
}

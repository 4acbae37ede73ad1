/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
import type { IDataObject } from 'n8n-workflow';

import { clock } from '../../nodes/shared/clock';
import { DIRECT_APP_ID, jtlDirect } from './jtlDirect';
import { createPoller } from './poll';
import { loadWorkflow, runWorkflow } from './runWorkflow';
import type { RunningSandbox } from './sandbox';
import { sandboxCredential, startSandbox } from './sandbox';

/** A JTL credential pointing at the sandbox (its entry in systems/). */
export const jtlSandboxCredential = (
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) => sandboxCredential('jtl', sandbox, overrides);

/** Changes the JTL-Wawi node of a workflow before it runs: its parameters, or the node itself. */
export type NodeChange = (parameters: Record<string, any>, node: Record<string, any>) => void;

/** A NodeChange that sets the node to continue on fail (errors become output items). */
export const continueOnFail: NodeChange = (_parameters, node) => {
	node.onError = 'continueRegularOutput';
};

/**
 * Registers the jest hooks of a suite against the JTL sandbox: started once (beforeAll), reset
 * before each test, stopped afterwards. Returns the sandbox, a direct client and run helpers.
 * `args` are sandbox CLI flags, e.g. `['--without-v2-customer-list']`.
 */
export function useJtlSandbox(args: string[] = []) {
	let running: RunningSandbox | undefined;
	let client: Awaited<ReturnType<typeof jtlDirect>> | undefined;

	beforeAll(async () => {
		running = await startSandbox('jtl', args);
		client = await jtlDirect(running);
	});
	afterAll(async () => await running?.stop());
	beforeEach(async () => await jtl.sandbox.reset());

	const started = <T>(value: T | undefined): T => {
		if (value === undefined) throw new Error('The JTL sandbox is not running (beforeAll failed)');
		return value;
	};

	const jtl = {
		get sandbox() {
			return started(running);
		},
		/** Talks to the sandbox outside the node under test. */
		get direct() {
			return started(client);
		},
		credentials: (overrides: Record<string, unknown> = {}) => [
			jtlSandboxCredential(jtl.sandbox, overrides),
		],
		/** Runs a workflow file from test/workflows with these input items. */
		run: async (file: string, items: object[], change?: NodeChange) => {
			const workflow = loadWorkflow(file);
			if (change) {
				const node = workflow.nodes.find((n) => n.name === 'JTL-Wawi')!;
				change(node.parameters as Record<string, any>, node as unknown as Record<string, any>);
			}
			return await runWorkflow(workflow, jtl.credentials(), { items: items as IDataObject[] });
		},
		/** The API requests the node sent (the token call and direct calls left out). */
		apiCalls: async () =>
			(await jtl.sandbox.requests()).filter(
				(r) => r.path.startsWith('/erp/') && r.headers['x-appid'] !== DIRECT_APP_ID,
			),
		/** The node's API requests that are not reads. */
		writes: async () => (await jtl.apiCalls()).filter((r) => r.method !== 'GET'),
	};
	return jtl;
}

/**
 * Registers the hooks of tests of the JTL-Wawi Trigger against a sandbox suite: n8n's clock (the
 * package's `clock`) and the sandbox's are moved together by `advance`, and put back after the
 * suite. `poller(event)` is a trigger on the suite's credential.
 */
export function useJtlTrigger(jtl: ReturnType<typeof useJtlSandbox>) {
	let offsetMs = 0;
	beforeEach(() => {
		offsetMs = 0;
		clock.now = () => Date.now() + offsetMs;
	});
	afterAll(() => {
		clock.now = () => Date.now();
	});
	return {
		poller: (event: 'newCustomer' | 'updatedCustomer') =>
			createPoller({
				type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
				parameters: { event, options: {} },
				credentials: jtl.credentials(),
			}),
		advance: async (seconds: number) => {
			await jtl.sandbox.advanceClock(seconds);
			offsetMs += seconds * 1000;
		},
	};
}

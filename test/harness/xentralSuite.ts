/* eslint-disable @typescript-eslint/no-explicit-any -- node parameters are free-form JSON */
import type { IDataObject } from 'n8n-workflow';

import { rateLimitGate } from '../../nodes/shared/rateLimit';
import type { NodeChange } from './jtlSuite';
import { loadWorkflow, runWorkflow } from './runWorkflow';
import type { RunningSandbox } from './sandbox';
import { sandboxCredential, startSandbox } from './sandbox';
import { systemOf } from './systems';

/** A Xentral credential pointing at the sandbox (its URL as the instance). */
export const xentralSandboxCredential = (
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) => sandboxCredential('xentral', sandbox, overrides);

/** The personal access token the Xentral sandbox accepts by default. */
export const XENTRAL_SANDBOX_TOKEN = String(systemOf('xentral').credential.sandboxToken);

/** The header that marks a test's own calls to the sandbox, so they are told from the node's. */
const DIRECT_MARK = 'x-test-direct';

/**
 * Registers the jest hooks of a suite against the Xentral sandbox: started once (beforeAll),
 * reset before each test (and the core's rate-limit gates forgotten), stopped afterwards.
 * `args` are sandbox CLI flags, e.g. `['--customers', '300']`.
 */
export function useXentralSandbox(args: string[] = []) {
	let running: RunningSandbox | undefined;

	beforeAll(async () => {
		running = await startSandbox('xentral', args);
	});
	afterAll(async () => await running?.stop());
	beforeEach(async () => {
		rateLimitGate.reset();
		await xentral.sandbox.reset();
	});

	const started = <T>(value: T | undefined): T => {
		if (value === undefined)
			throw new Error('The Xentral sandbox is not running (beforeAll failed)');
		return value;
	};

	/** A call to the sandbox's API outside the node under test. */
	async function direct(method: string, path: string, body?: unknown) {
		const res = await fetch(`${xentral.sandbox.url}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${XENTRAL_SANDBOX_TOKEN}`,
				[DIRECT_MARK]: '1',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return {
			status: res.status,
			location: res.headers.get('location'),
			body: text ? (JSON.parse(text) as any) : undefined,
		};
	}

	const xentral = {
		get sandbox() {
			return started(running);
		},
		direct,
		/** The `data` of a GET, failing the test on any other status. */
		get: async (path: string) => {
			const res = await direct('GET', path);
			if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
			return res.body.data;
		},
		credentials: (overrides: Record<string, unknown> = {}) => [
			xentralSandboxCredential(xentral.sandbox, overrides),
		],
		/** Runs a workflow file from test/workflows with these input items. */
		run: async (
			file: string,
			items: object[],
			change?: NodeChange,
			credentialOverrides: Record<string, unknown> = {},
		) => {
			const workflow = loadWorkflow(file);
			if (change) {
				const node = workflow.nodes.find((n) => n.name === 'Xentral')!;
				change(node.parameters as Record<string, any>, node as unknown as Record<string, any>);
			}
			return await runWorkflow(workflow, xentral.credentials(credentialOverrides), {
				items: items as IDataObject[],
			});
		},
		/** The API requests the node sent (the test's direct calls left out). */
		apiCalls: async () =>
			(await xentral.sandbox.requests()).filter(
				(r) => r.path.startsWith('/api/') && r.headers[DIRECT_MARK] !== '1',
			),
		writes: async () => (await xentral.apiCalls()).filter((r) => r.method !== 'GET'),
	};
	return xentral;
}

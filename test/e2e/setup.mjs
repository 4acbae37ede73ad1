// What every real-n8n run of the end-to-end cases shares: the sandboxes with their n8n
// credentials, the cases of test/e2e/cases, and how a case runs in an n8n that is already up (its
// workflow started by a Webhook node). The e2e run (run.mjs) and queue mode (test/queue/run.mjs)
// both run the same case files through this module; each system's sandbox and credential come from
// its entry in systems/. Never shipped.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { workflowWithInput } from '../../systems/workflows.mjs';
import { SYSTEMS, SYSTEM_KEYS, startSandboxes, systemOf } from '../../systems/index.mjs';

const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/**
 * Starts every system's sandbox (systems/). Returns { context, credentials, close() }: `context` is
 * what each case file's `cases(context)` receives (each sandbox under its system key),
 * `credentials` is n8n's import file for all of them.
 */
export async function startE2ESandboxes() {
	const shared = await startSandboxes((system) => system.e2e.sandboxOptions);
	const bySystem = Object.fromEntries(
		SYSTEMS.map((s) => [s.key, s.credential.n8n(shared.sandboxes[s.key])]),
	);
	const credentials = Object.values(bySystem);
	const tenants = new Map();
	/**
	 * A sandbox of `system` for one case alone (`name` tells it apart), so that what its triggers see
	 * is only what the case does: started on the first call with `options`, reset on a later one
	 * (queue mode builds the trigger cases twice). Returns the sandbox with `credentials` (its node
	 * credentials reference); its n8n credential joins `credentials`, which a run imports after
	 * building its cases.
	 */
	const tenant = async (name, system, options = {}) => {
		const key = `${system}/${name}`;
		if (tenants.has(key)) {
			const known = tenants.get(key);
			known.reset();
			return known;
		}
		const entry = systemOf(system);
		const sandbox = await entry.sandbox.start({
			port: 0,
			...entry.e2e.sandboxOptions,
			...options,
		});
		const file = entry.credential.n8n(sandbox);
		const suffix = name.replace(/(^|[^a-z0-9])([a-z0-9])/gi, (_, _sep, c) => c.toUpperCase());
		const credential = { ...file, id: `${file.id}${suffix}`, name: `${file.name} (${name})` };
		credentials.push(credential);
		sandbox.credentialRef = { [file.type]: { id: credential.id, name: credential.name } };
		tenants.set(key, sandbox);
		return sandbox;
	};
	return {
		context: { ...shared.sandboxes, workflowWithInput, tenant },
		credentials,
		/** Copies of the credentials on a blocked address (see blockedCredential). */
		blockedCredentials: Object.values(bySystem).map(blockedCredential),
		/** n8n's import file for one system's sandbox (`all`: every one). */
		credentialsFor: (system) => (system === 'all' ? Object.values(bySystem) : [bySystem[system]]),
		async close() {
			for (const sandbox of tenants.values()) await sandbox.close();
			await shared.close();
		},
	};
}

/**
 * Calls (and awaits) `exportName(context)` of every .mjs file in `dir`, in name order, and returns the cases
 * whose name contains one of `only` (all when `only` is empty). Each case gets the `system` its
 * file exports (`jtl`, `xentral`, `flow`: the case runs on that system's package, never beside
 * the all-in-one; `all`: the all-in-one package, for cases across systems). A file of end-to-end
 * cases must export it; a trigger case file without it runs on the all-in-one.
 */
export async function loadCaseFiles(dir, exportName, context, only = []) {
	const cases = [];
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.mjs'))
		.sort()) {
		const mod = await import(pathToFileURL(path.join(dir, file)).href);
		const made = await mod[exportName](context);
		// A case file (test/e2e/cases) names the package it runs on; the trigger cases run on the
		// all-in-one unless their file names a system.
		const system = mod.system ?? (exportName === 'cases' ? undefined : 'all');
		if (![...SYSTEM_KEYS, 'all'].includes(system))
			throw new Error(
				`${file} must export system: ${SYSTEM_KEYS.map((k) => `'${k}'`).join(', ')} or 'all'`,
			);
		cases.push(...made.map((c) => ({ system, ...c })));
	}
	if (exportName === 'triggers') cases.forEach(assertStaticDataKept);
	return cases.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
}

/** The workflows of trigger cases: a case has one `workflow` or several `workflows`. */
export const workflowsOf = (cases) => cases.flatMap((c) => c.workflows ?? [c.workflow]);

/**
 * n8n 2.41 saves a workflow's static data only when its ID has at most 21 characters
 * (`isWorkflowIdValid`, dist/utils.js; the IDs n8n makes have 16). A trigger case keeps its state
 * there (cursor, webhook registration, delivery memory), so a longer ID would test nothing.
 */
function assertStaticDataKept(c) {
	for (const workflow of workflowsOf([c])) {
		const id = workflow?.id;
		if (typeof id !== 'string' || id.length < 1 || id.length > 21)
			throw new Error(
				`${c.name}: workflow ID ${JSON.stringify(id)} is not 1 to 21 characters long, and n8n would not save its static data`,
			);
	}
}

/** Every case of every file in cases/ (each exports `cases(context)`), filtered by name. */
export const loadCases = (context, only = []) => loadCaseFiles(CASES_DIR, 'cases', context, only);

/**
 * The loopback address the sandboxes listen on, the one address an e2e n8n with SSRF protection on
 * allows (N8N_SSRF_ALLOWED_IP_RANGES); the rest of 127.0.0.0/8 stays blocked, as n8n's defaults say.
 */
export const SANDBOX_ADDRESS = '127.0.0.1';
export const BLOCKED_ADDRESS = '127.0.0.2';

/** The id of a credential's copy on the blocked address (`jtlSandbox` -> `jtlSandboxBlocked`). */
export const blockedId = (id) => `${id}Blocked`;

/**
 * A sandbox credential pointing at https://BLOCKED_ADDRESS instead of the sandbox's plain-http
 * loopback URL: a tenant on a private address (https, as the credentials require for anything but
 * localhost), which an n8n with SSRF protection on refuses before a connection is made.
 */
export function blockedCredential(credential) {
	const data = JSON.parse(
		JSON.stringify(credential.data).replaceAll(
			`http://${SANDBOX_ADDRESS}:`,
			`https://${BLOCKED_ADDRESS}:`,
		),
	);
	assert.notDeepEqual(data, credential.data, `${credential.id} names no ${SANDBOX_ADDRESS} URL`);
	return {
		...credential,
		id: blockedId(credential.id),
		name: `${credential.name} (blocked)`,
		data,
	};
}

/** A case's workflow with every node's credential swapped for its copy on the blocked address. */
export function onBlockedAddress(workflow) {
	return {
		...workflow,
		nodes: workflow.nodes.map((n) =>
			n.credentials
				? {
						...n,
						credentials: Object.fromEntries(
							Object.entries(n.credentials).map(([type, c]) => [
								type,
								{ ...c, id: blockedId(c.id), name: `${c.name} (blocked)` },
							]),
						),
					}
				: n,
		),
	};
}

/**
 * The same workflow, started by a Webhook node ("respond when the last node finishes") where it had
 * the Manual Trigger, at POST /webhook/<prefix>-<workflow id>: a workflow that an n8n already
 * running executes on a call, once activated.
 */
export function asWebhookWorkflow(workflow, prefix) {
	const manual = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	assert.ok(manual, `${workflow.id} has no Manual Trigger`);
	const webhook = {
		id: manual.id,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual.position,
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path: `${prefix}-${workflow.id}`,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
	const connections = { ...workflow.connections };
	connections.Webhook = connections[manual.name];
	delete connections[manual.name];
	return {
		...workflow,
		active: false,
		nodes: workflow.nodes.map((n) => (n === manual ? webhook : n)),
		connections,
		settings: { executionOrder: 'v1', ...workflow.settings },
	};
}

/** Calls a workflow's webhook (asWebhookWorkflow); resolves with the HTTP status and body. */
export async function callWebhook(url, prefix, workflow) {
	const res = await fetch(`${url}/webhook/${prefix}-${workflow.id}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{}',
		signal: AbortSignal.timeout(180_000),
	});
	return { status: res.status, body: await res.text() };
}

/**
 * What a case's check gets from a stored execution: the exit code `n8n execute` would give, the
 * run, the items of the case's node and the workflow's error.
 */
export function caseResult(c, execution) {
	const resultData = execution.data.resultData;
	const nodeName = c.node ?? 'JTL-Wawi';
	const items = (resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json);
	const error = resultData.error;
	return { code: error ? 1 : 0, run: { data: execution.data }, items, error };
}

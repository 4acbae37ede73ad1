// What every real-n8n run of the end-to-end cases shares: the sandboxes with their n8n
// credentials, and the cases of test/e2e/cases. `n8n execute` (run.mjs) and queue mode
// (test/queue/run.mjs) both run the same case files through this module; a new system adds its
// sandbox and credential here once. Never shipped.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { startFlowRetailSandbox } from '../../sandbox/flowRetail/server.mjs';
import { startJtlSandbox } from '../../sandbox/jtl/server.mjs';
import { startXentralSandbox } from '../../sandbox/xentral/server.mjs';
import {
	flowRetailSandboxCredentialFile,
	jtlSandboxCredentialFile,
	workflowWithInput,
	xentralSandboxCredentialFile,
} from '../../scripts/n8n-runtime.mjs';

const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/**
 * Starts the sandboxes. Returns { context, credentials, close() }: `context` is what each case
 * file's `cases(context)` receives, `credentials` is n8n's import file for all of them.
 */
export async function startE2ESandboxes() {
	const jtl = await startJtlSandbox({ port: 0 });
	const flow = await startFlowRetailSandbox({ port: 0, webhookBackoffMs: 200 });
	const xentral = await startXentralSandbox({ port: 0 });
	const bySystem = {
		jtl: jtlSandboxCredentialFile(jtl),
		flow: flowRetailSandboxCredentialFile(flow),
		xentral: xentralSandboxCredentialFile(xentral),
	};
	return {
		context: { jtl, flow, xentral, workflowWithInput },
		credentials: [bySystem.jtl, bySystem.flow, bySystem.xentral],
		/** n8n's import file for one system's sandbox (`all`: every one). */
		credentialsFor: (system) =>
			system === 'all' ? [bySystem.jtl, bySystem.flow, bySystem.xentral] : [bySystem[system]],
		async close() {
			await xentral.close();
			await flow.close();
			await jtl.close();
		},
	};
}

/**
 * Calls `exportName(context)` of every .mjs file in `dir`, in name order, and returns the cases
 * whose name contains one of `only` (all when `only` is empty). Each case gets the `system` its
 * file exports (`jtl`, `xentral`, `flow`: the system package that runs it alone; `all`, the
 * default: the all-in-one package, for cases across systems).
 */
export async function loadCaseFiles(dir, exportName, context, only = []) {
	const cases = [];
	for (const file of readdirSync(dir)
		.filter((f) => f.endsWith('.mjs'))
		.sort()) {
		const mod = await import(pathToFileURL(path.join(dir, file)).href);
		cases.push(...mod[exportName](context).map((c) => ({ system: mod.system ?? 'all', ...c })));
	}
	return cases.filter((c) => only.length === 0 || only.some((o) => c.name.includes(o)));
}

/** Every case of every file in cases/ (each exports `cases(context)`), filtered by name. */
export const loadCases = (context, only = []) => loadCaseFiles(CASES_DIR, 'cases', context, only);

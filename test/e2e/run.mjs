// End-to-end: the packed package inside a real n8n 2.41.1 (Node 24), against the JTL sandbox.
// Every case imports a workflow, runs it with `n8n execute`, and checks the output or the error.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
	CACHE,
	ensureN8n,
	installPackageInto,
	n8nCli,
	parseRawRun,
} from '../../scripts/n8n-runtime.mjs';
import { loadCases, startE2ESandboxes } from './setup.mjs';
import { runTriggerE2E } from './trigger.mjs';
import { runFlowTriggerE2E } from './flowTrigger.mjs';
import { runXentralTriggerE2E } from './xentralTrigger.mjs';

const only = process.argv.slice(2);
// One user folder per run, so two runs on one machine never share n8n's database.
const HOME = path.join(CACHE, `e2e-home-${process.pid}`);
const WORK = path.join(CACHE, `e2e-work-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

async function main() {
	const started = Date.now();
	const runtime = ensureN8n();
	rmSync(HOME, { recursive: true, force: true });
	rmSync(WORK, { recursive: true, force: true });
	mkdirSync(WORK, { recursive: true });
	installPackageInto(HOME);

	const sandboxes = await startE2ESandboxes();
	const { jtl, flow, xentral } = sandboxes.context;
	// Every file in cases/ exports `cases(context)`; one file per node or resource group.
	const selected = await loadCases(sandboxes.context, only);

	const credentials = sandboxes.credentials;
	const credFile = path.join(WORK, 'credentials.json');
	writeFileSync(credFile, JSON.stringify(credentials, null, 2));
	let res = await n8nCli(runtime, HOME, ['import:credentials', `--input=${credFile}`]);
	assert.equal(res.code, 0, `import:credentials failed:\n${res.stdout}\n${res.stderr}`);

	// One import for all workflows keeps the run short.
	const workflows = selected.map((c) => c.workflow);
	const wfDir = path.join(WORK, 'workflows');
	mkdirSync(wfDir, { recursive: true });
	for (const wf of workflows)
		writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
	res = await n8nCli(runtime, HOME, ['import:workflow', '--separate', `--input=${wfDir}`]);
	assert.equal(res.code, 0, `import:workflow failed:\n${res.stdout}\n${res.stderr}`);

	let passed = 0;
	let failed = 0;
	for (const c of selected) {
		const t0 = Date.now();
		try {
			await c.before?.();
			const out = await n8nCli(runtime, HOME, ['execute', `--id=${c.workflow.id}`, '--rawOutput']);
			const run = parseRawRun(out.stdout);
			if (!run)
				throw new Error(`n8n printed no run (exit ${out.code}):\n${out.stdout}\n${out.stderr}`);
			const nodeName = c.node ?? 'JTL-Wawi';
			const items = (run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map(
				(i) => i.json,
			);
			// n8n 2.41 on Node 24 now and then dies of SIGSEGV while it shuts down, after it printed
			// the complete run. The run itself is what the case checks; the exit code then follows
			// from it, and the crash is reported so that it is never silent.
			let code = out.code;
			if (code === null && out.signal === 'SIGSEGV') {
				code = run.data.resultData.error ? 1 : 0;
				log(
					`     (n8n crashed with SIGSEGV while exiting, after a complete run; exit code taken as ${code})`,
				);
			}
			await c.check({
				code,
				run,
				items,
				error: run.data.resultData.error,
				stdout: out.stdout,
			});
			passed++;
			log(`ok   ${c.name} (${Date.now() - t0} ms)`);
		} catch (error) {
			failed++;
			log(
				`FAIL ${c.name}\n     ${String(error?.stack ?? error)
					.split('\n')
					.join('\n     ')}`,
			);
		}
	}
	// The trigger runs in `n8n start` (an active, scheduled workflow), not through `n8n execute`.
	const triggerStep =
		'JTL trigger > n8n polls an active workflow and emits a changed customer once';
	if (only.length === 0 || only.some((o) => triggerStep.includes(o))) {
		const t0 = Date.now();
		try {
			// Fresh sandbox state and clock: earlier cases moved the sandbox clock and changed records.
			jtl.reset();
			await runTriggerE2E({ runtime, home: HOME, jtl });
			passed++;
			log(`ok   ${triggerStep} (${Date.now() - t0} ms)`);
		} catch (error) {
			failed++;
			log(
				`FAIL ${triggerStep}\n     ${String(error?.stack ?? error)
					.split('\n')
					.join('\n     ')}`,
			);
		}
	}
	const flowTriggerStep =
		'flow trigger > activation registers a transport, a sandbox delivery runs the workflow, a forged one is refused';
	if (only.length === 0 || only.some((o) => flowTriggerStep.includes(o))) {
		const t0 = Date.now();
		try {
			flow.reset();
			await runFlowTriggerE2E({ runtime, home: HOME, flow });
			passed++;
			log(`ok   ${flowTriggerStep} (${Date.now() - t0} ms)`);
		} catch (error) {
			failed++;
			log(
				`FAIL ${flowTriggerStep}\n     ${String(error?.stack ?? error)
					.split('\n')
					.join('\n     ')}`,
			);
		}
	}
	const xentralTriggerStep =
		'xentral trigger > n8n polls New Customer, runs signed sales-price webhooks and refuses a forged one';
	if (only.length === 0 || only.some((o) => xentralTriggerStep.includes(o))) {
		const t0 = Date.now();
		try {
			xentral.reset();
			await runXentralTriggerE2E({ runtime, home: HOME, xentral });
			passed++;
			log(`ok   ${xentralTriggerStep} (${Date.now() - t0} ms)`);
		} catch (error) {
			failed++;
			log(
				`FAIL ${xentralTriggerStep}\n     ${String(error?.stack ?? error)
					.split('\n')
					.join('\n     ')}`,
			);
		}
	}
	await sandboxes.close();
	rmSync(HOME, { recursive: true, force: true });
	rmSync(WORK, { recursive: true, force: true });
	log(`\nreal n8n ${'2.41.1'} end-to-end: ${Math.round((Date.now() - started) / 1000)} s`);
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

// End-to-end: the packed packages inside a real n8n (2.41.1 on Node 24, or the version chosen with
// ERP_N8N_VERSION), against the vendor sandboxes. Every case imports a workflow, runs it with
// `n8n execute`, and checks the output or the error. Each system's cases run in an n8n user folder
// that holds only that system's package (n8n-nodes-jtl-wawi, n8n-nodes-xentral,
// n8n-nodes-flow-retail); the cases across systems run with the all-in-one n8n-nodes-erp-customers.
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
import { ALL_IN_ONE, forPackage, systemPackage } from '../../scripts/packages.mjs';
import { loadCases, startE2ESandboxes } from './setup.mjs';
import { runTriggerE2E } from './trigger.mjs';
import { runFlowTriggerE2E } from './flowTrigger.mjs';
import { runXentralTriggerE2E } from './xentralTrigger.mjs';

const only = process.argv.slice(2);
// One set of user folders per run, so two runs on one machine never share n8n's database.
const RUN = path.join(CACHE, `e2e-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/** The package a case of `system` runs with. */
const packageOf = (system) => (system === 'all' ? ALL_IN_ONE : systemPackage(system).name);

/** The steps that run in `n8n start` (an active, scheduled workflow), not through `n8n execute`. */
const TRIGGER_STEPS = [
	{
		name: 'JTL trigger > n8n polls an active workflow and emits a changed customer once',
		system: 'jtl',
		run: ({ context, ...rest }) => {
			// Fresh sandbox state and clock: earlier cases moved the sandbox clock and changed records.
			context.jtl.reset();
			return runTriggerE2E({ ...rest, jtl: context.jtl });
		},
	},
	{
		name: 'flow trigger > activation registers a transport, a sandbox delivery runs the workflow, a forged one is refused',
		system: 'flow',
		run: ({ context, ...rest }) => {
			context.flow.reset();
			return runFlowTriggerE2E({ ...rest, flow: context.flow });
		},
	},
	{
		name: 'xentral trigger > n8n polls New Customer, runs signed sales-price webhooks and refuses a forged one',
		system: 'xentral',
		run: ({ context, ...rest }) => {
			context.xentral.reset();
			return runXentralTriggerE2E({ ...rest, xentral: context.xentral });
		},
	},
];

/**
 * One n8n user folder per package: the package alone, the credentials of its system's sandbox and
 * the workflows of its cases (node types named after the package).
 */
async function preparePackageHome(runtime, system, cases, sandboxes) {
	const packageName = packageOf(system);
	const home = path.join(RUN, `home-${system}`);
	const work = path.join(RUN, `work-${system}`);
	mkdirSync(work, { recursive: true });
	installPackageInto(home, { packageName });

	const credFile = path.join(work, 'credentials.json');
	writeFileSync(credFile, JSON.stringify(sandboxes.credentialsFor(system), null, 2));
	let res = await n8nCli(runtime, home, ['import:credentials', `--input=${credFile}`]);
	assert.equal(res.code, 0, `import:credentials failed:\n${res.stdout}\n${res.stderr}`);

	if (cases.length > 0) {
		// One import for all workflows of the package keeps the run short.
		const wfDir = path.join(work, 'workflows');
		mkdirSync(wfDir, { recursive: true });
		for (const c of cases) {
			const wf = forPackage(c.workflow, packageName);
			writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf, null, 2));
		}
		res = await n8nCli(runtime, home, ['import:workflow', '--separate', `--input=${wfDir}`]);
		assert.equal(res.code, 0, `import:workflow failed:\n${res.stdout}\n${res.stderr}`);
	}
	return { home, packageName };
}

async function main() {
	const started = Date.now();
	const runtime = ensureN8n();
	rmSync(RUN, { recursive: true, force: true });
	mkdirSync(RUN, { recursive: true });

	const sandboxes = await startE2ESandboxes();
	const { context } = sandboxes;
	// Every file in cases/ exports `cases(context)` and the `system` whose package runs them.
	const selected = await loadCases(context, only);
	const steps = TRIGGER_STEPS.filter(
		(s) => only.length === 0 || only.some((o) => s.name.includes(o)),
	);

	const homes = {};
	for (const system of ['jtl', 'xentral', 'flow', 'all']) {
		const cases = selected.filter((c) => c.system === system);
		if (cases.length === 0 && !steps.some((s) => s.system === system)) continue;
		homes[system] = await preparePackageHome(runtime, system, cases, sandboxes);
	}

	const tally = {};
	const count = (packageName, ok) => {
		tally[packageName] ??= { passed: 0, failed: 0 };
		tally[packageName][ok ? 'passed' : 'failed']++;
	};
	const fail = (name, error) =>
		log(
			`FAIL ${name}\n     ${String(error?.stack ?? error)
				.split('\n')
				.join('\n     ')}`,
		);

	// The cases run in file order, whatever their package: later files expect the records
	// earlier ones changed in the shared sandboxes.
	for (const c of selected) {
		const { home, packageName } = homes[c.system];
		const label = `${c.name} [${packageName}]`;
		const t0 = Date.now();
		try {
			await c.before?.();
			// A case may set n8n environment variables of its own (e.g. SSRF protection on).
			const out = await n8nCli(
				runtime,
				home,
				['execute', `--id=${c.workflow.id}`, '--rawOutput'],
				c.env ?? {},
			);
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
			count(packageName, true);
			log(`ok   ${label} (${Date.now() - t0} ms)`);
		} catch (error) {
			count(packageName, false);
			fail(label, error);
		}
	}
	for (const step of steps) {
		const { home, packageName } = homes[step.system];
		const label = `${step.name} [${packageName}]`;
		const t0 = Date.now();
		try {
			await step.run({ runtime, home, context, packageName });
			count(packageName, true);
			log(`ok   ${label} (${Date.now() - t0} ms)`);
		} catch (error) {
			count(packageName, false);
			fail(label, error);
		}
	}
	await sandboxes.close();
	rmSync(RUN, { recursive: true, force: true });
	const passed = Object.values(tally).reduce((n, t) => n + t.passed, 0);
	const failed = Object.values(tally).reduce((n, t) => n + t.failed, 0);
	log(`\nreal n8n ${runtime.version} end-to-end: ${Math.round((Date.now() - started) / 1000)} s`);
	for (const [name, t] of Object.entries(tally))
		log(`  ${name}: ${t.passed} passed, ${t.failed} failed`);
	log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

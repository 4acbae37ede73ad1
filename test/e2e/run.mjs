// End-to-end: the packed packages inside a real n8n (2.41.1 on Node 24, or the version chosen with
// ERP_N8N_VERSION), against the vendor sandboxes. The cases run in two `n8n start`s, up side by
// side: one with the three system packages (n8n-nodes-jtl-wawi, n8n-nodes-xentral,
// n8n-nodes-flow-retail) and no all-in-one, where each system's cases run on the node types and the
// credential of its own package; and one with the all-in-one n8n-nodes-erp-customers alone, for the
// cases across systems. The system packages share no node type (each is named after its package)
// and no credential type (checked before the start), and every system case is checked to name only
// its own package's node and credential types: a system's cases pass with nothing of the other
// packages in reach, as with that package alone. Every case's workflow is started by a Webhook node
// instead of its Manual Trigger, and its check reads the execution n8n stored. Both n8n run with
// SSRF protection on and only the sandboxes' address allowed; the SSRF cases use credentials on
// another loopback address. After the cases, each system's triggers run in the n8n of the system
// packages, the three systems side by side (test/e2e/systemTrigger.mjs, with the facts of each
// system's entry in systems/, `e2e.trigger`): their workflows are imported with the cases' ones,
// inactive, on the node types and the sandbox credential of the system's package, and activated
// there as the editor does. Two `n8n start`s per run.
// `node test/e2e/run.mjs [name filter…]` (npm run test:e2e), a node:test file.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { CACHE, ensureN8n, installPackagesInto } from '../../scripts/n8n/install.mjs';
import { n8nCli, startN8n, until } from '../../scripts/n8n/driver.mjs';
import { ALL_IN_ONE, SYSTEM_PACKAGES, forPackage, systemPackage } from '../../scripts/packages.mjs';
import { SYSTEMS } from '../../systems/index.mjs';
import {
	SANDBOX_ADDRESS,
	asWebhookWorkflow,
	callWebhook,
	caseResult,
	loadCases,
	onBlockedAddress,
	startE2ESandboxes,
} from './setup.mjs';
import { OWNER, systemTrigger } from './systemTrigger.mjs';

const only = process.argv.slice(2);
// One set of user folders per run, so two runs on one machine never share n8n's database.
const RUN = path.join(CACHE, `e2e-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/** The package a case of `system` runs with. */
const packageOf = (system) => (system === 'all' ? ALL_IN_ONE : systemPackage(system).name);

const PREFIX = 'e2e';

/** A case's workflow as its n8n runs it: its package's node types, a Webhook start. */
function caseWorkflow(c) {
	const wf = forPackage(c.workflow, packageOf(c.system));
	return asWebhookWorkflow(c.ssrfBlocked ? onBlockedAddress(wf) : wf, PREFIX);
}

/**
 * The `n8n start`s of the cases, up side by side so that the cases still run in file order: the
 * three system packages without the all-in-one (each system's cases), and the all-in-one alone
 * (the cases across systems). The all-in-one defines the same credential types as the system
 * packages, so it never shares an n8n with them here: n8n would keep one of each and a system's
 * case could run on the all-in-one's credential.
 */
const CASE_STARTS = [
	{ key: 'systems', packages: SYSTEM_PACKAGES.map((p) => p.name), blocked: true },
	{ key: 'all-in-one', packages: [ALL_IN_ONE], blocked: false },
];
const startOf = (c) => CASE_STARTS.find((s) => s.packages.includes(packageOf(c.system)));

/** The credential types an installed package defines (the `name` of each credential class). */
function credentialTypesOf(pkgDir) {
	const pj = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	return pj.n8n.credentials.map((file) => {
		const names = [
			...readFileSync(path.join(pkgDir, file), 'utf8').matchAll(/this\.name = '([^']+)';/g),
		];
		assert.equal(names.length, 1, `${pj.name}/${file}: expected one credential name`);
		return names[0][1];
	});
}

/**
 * Why a workflow could not run with `packageName` alone: every node type outside n8n's own must be
 * the package's, every credential type (also an HTTP Request's predefined one) the package's.
 */
function foreignTypes(workflow, packageName, credentialTypes) {
	const found = [];
	for (const n of workflow.nodes) {
		if (!n.type.startsWith('n8n-nodes-base.') && !n.type.startsWith(`${packageName}.`))
			found.push(`node "${n.name}" is a ${n.type}`);
		const creds = new Set([...Object.keys(n.credentials ?? {}), n.parameters?.nodeCredentialType]);
		for (const type of [...creds].filter(Boolean))
			if (!credentialTypes.includes(type))
				found.push(`node "${n.name}" uses the credential type ${type}`);
	}
	return found;
}

/**
 * One n8n for the cases of `start` (CASE_STARTS): its packages, every sandbox credential (and, for
 * the SSRF cases, its copy on the blocked address), the cases' workflows, active, and the trigger
 * workflows of `triggers` (systemTrigger), inactive. Returns the driver's handle (startN8n).
 */
async function startCasesN8n(runtime, start, selected, triggers, sandboxes) {
	const t0 = Date.now();
	const home = path.join(RUN, `home-cases-${start.key}`);
	const work = path.join(RUN, `work-cases-${start.key}`);
	mkdirSync(path.join(work, 'workflows'), { recursive: true });
	// Built here (the system packages staged and compiled), packed and extracted.
	const dirs = installPackagesInto(home, start.packages);

	// No credential type defined twice in this n8n, and no case reaching outside its package.
	const credentialTypes = Object.fromEntries(
		start.packages.map((name, i) => [name, credentialTypesOf(dirs[i])]),
	);
	const all = Object.values(credentialTypes).flat();
	assert.deepEqual(
		all.filter((t, i) => all.indexOf(t) !== i),
		[],
		`credential types defined by more than one of ${start.packages.join(', ')}`,
	);
	const workflows = selected.map(caseWorkflow);
	const owned = [
		...selected.map((c, i) => ({ name: c.name, system: c.system, workflow: workflows[i] })),
		...triggers.flatMap((t) => t.workflows.map((workflow) => ({ ...t, workflow }))),
	];
	const foreign = owned.flatMap(({ name, system, workflow }) =>
		foreignTypes(workflow, packageOf(system), credentialTypes[packageOf(system)]).map(
			(f) => `${name} [${packageOf(system)}]: ${f}`,
		),
	);
	assert.deepEqual(foreign, [], 'cases or triggers that need more than their own package');

	const credFile = path.join(work, 'credentials.json');
	writeFileSync(
		credFile,
		JSON.stringify(
			[...sandboxes.credentials, ...(start.blocked ? sandboxes.blockedCredentials : [])],
			null,
			2,
		),
	);
	let res = await n8nCli(runtime, home, ['import:credentials', `--input=${credFile}`]);
	assert.equal(res.code, 0, `import:credentials failed:\n${res.stdout}\n${res.stderr}`);
	for (const wf of owned.map((o) => o.workflow))
		writeFileSync(path.join(work, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
	res = await n8nCli(runtime, home, [
		'import:workflow',
		'--separate',
		`--input=${path.join(work, 'workflows')}`,
	]);
	assert.equal(res.code, 0, `import:workflow failed:\n${res.stdout}\n${res.stderr}`);

	const n8n = await startN8n(runtime, home, {
		owner: OWNER,
		browserId: 'erp-customers-e2e',
		env: {
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			// As n8n 3 will have it: SSRF protection on, the sandboxes' address allowed by the
			// administrator (docs/n8n-3.md); the rest of 127.0.0.0/8 stays blocked.
			N8N_SSRF_PROTECTION_ENABLED: 'true',
			N8N_SSRF_ALLOWED_IP_RANGES: `${SANDBOX_ADDRESS}/32`,
		},
	});
	try {
		const up = Date.now();
		// A few at a time: each activation waits until n8n reports the webhook registered.
		const waiting = [...workflows];
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				for (let wf = waiting.shift(); wf; wf = waiting.shift()) await n8n.activate(wf.id);
			}),
		);
		log(
			`     ${start.packages.join(' + ')}: up after ${Math.round((up - t0) / 1000)} s, ${workflows.length} workflows activated in ${Math.round((Date.now() - up) / 1000)} s`,
		);
		return n8n;
	} catch (error) {
		error.message += `\n--- n8n output (tail) ---\n${n8n.output().split('\n').slice(-40).join('\n')}`;
		await n8n.stop();
		throw error;
	}
}

/** One case: its webhook called, its execution awaited and read, its check run. */
async function runCase(n8n, c) {
	await c.before?.();
	const workflow = caseWorkflow(c);
	const call = await callWebhook(n8n.url, PREFIX, workflow);
	const summary = await until(`the execution of ${workflow.id}`, 60_000, async () => {
		const list = await n8n.executions(workflow.id);
		return list.find((e) => ['success', 'error', 'crashed'].includes(e.status));
	});
	const result = caseResult(c, await n8n.execution(summary.id));
	await c.check(result);
	// The webhook answered from the run: 200 with the items, or 500 on an error.
	assert.equal(call.status, result.error ? 500 : 200, `webhook: ${call.status} ${call.body}`);
}

// The run, on node:test: both n8n start in `before`; one test per case, in file order (later files
// expect the records earlier ones changed in the shared sandboxes); then each system's triggers,
// side by side; every test names its package, and the end counts the results per package.
const started = Date.now();
const runtime = ensureN8n();
rmSync(RUN, { recursive: true, force: true });
mkdirSync(RUN, { recursive: true });
const sandboxes = await startE2ESandboxes();
const { context } = sandboxes;
// Every file in cases/ exports `cases(context)` and the `system` whose package runs them.
const selected = await loadCases(context, only);
// Each system's triggers, for the n8n of the system packages.
const triggers = SYSTEMS.filter(
	(s) => only.length === 0 || only.some((o) => s.e2e.trigger.name.includes(o)),
).map((s) => ({ system: s.key, ...systemTrigger(s, context[s.key], packageOf(s.key)) }));
const starts = CASE_STARTS.map((start) => ({
	start,
	cases: selected.filter((c) => startOf(c) === start),
	triggers: triggers.filter((t) => start.packages.includes(packageOf(t.system))),
})).filter((s) => s.cases.length > 0 || s.triggers.length > 0);
if (starts.length === 0) throw new Error(`no case or trigger matches ${only.join(', ')}`);

const tally = {};
/** A test of `packageName`, counted in the per-package summary. */
const counted = (packageName, fn) => async (t) => {
	tally[packageName] ??= { passed: 0, failed: 0 };
	try {
		await fn(t);
		tally[packageName].passed++;
	} catch (error) {
		tally[packageName].failed++;
		throw error;
	}
};
const n8nOf = (start) => {
	const one = starts.find((s) => s.start === start);
	if (!one?.n8n) throw new Error(`the n8n of ${start.packages.join(' + ')} is not up`);
	return one.n8n;
};

describe(`real n8n ${runtime.version} end-to-end`, () => {
	before(async () => {
		const up = await Promise.allSettled(
			starts.map((s) => startCasesN8n(runtime, s.start, s.cases, s.triggers, sandboxes)),
		);
		up.forEach((r, i) => {
			if (r.status === 'fulfilled') starts[i].n8n = r.value;
		});
		const failed = up.find((r) => r.status === 'rejected');
		if (failed) throw failed.reason;
		log(
			`n8n ${runtime.version}: ${starts.length} starts up with ${selected.length} active case workflows after ${Math.round((Date.now() - started) / 1000)} s`,
		);
	});

	after(async () => {
		await Promise.all(starts.map((s) => s.n8n?.stop()));
		await sandboxes.close();
		rmSync(RUN, { recursive: true, force: true });
		log(`real n8n ${runtime.version} end-to-end: ${Math.round((Date.now() - started) / 1000)} s`);
		for (const [name, t] of Object.entries(tally))
			log(`  ${name}: ${t.passed} passed, ${t.failed} failed`);
	});

	describe('every case, in file order', () => {
		for (const c of selected) {
			const packageName = packageOf(c.system);
			test(
				`${c.name} [${packageName}]`,
				counted(packageName, () => runCase(n8nOf(startOf(c)), c)),
			);
		}
	});

	// After every case (they change the sandboxes' records), side by side: the triggers spend most
	// of their time waiting for n8n's minute polls and the sandboxes' deliveries. The n8n of the
	// all-in-one is done by then.
	describe("each system's triggers, side by side", { concurrency: true }, () => {
		before(async () => {
			await Promise.all(starts.filter((s) => s.triggers.length === 0).map((s) => s.n8n?.stop()));
		});
		for (const s of starts)
			for (const t of s.triggers) {
				const packageName = packageOf(t.system);
				test(
					`${t.name} [${packageName}]`,
					counted(packageName, async (tt) => {
						const n8n = n8nOf(s.start);
						try {
							tt.diagnostic(`${Math.round((await t.run(n8n)) / 1000)} s`);
						} catch (error) {
							error.message += `\n--- n8n output (tail) ---\n${n8n.output().split('\n').slice(-40).join('\n')}`;
							throw error;
						}
					}),
				);
			}
	});
});

// Queue mode end-to-end: the packed package in a real n8n 2.41.1 with PostgreSQL, Redis, one main
// process and two workers (test/queue/cluster.mjs). It runs
// 1. every case of test/e2e/cases, its workflow started by a Webhook node instead of the Manual
//    Trigger, checked with the case's own check on the execution the worker stored;
// 2. every trigger case of test/e2e/triggers, active in queue mode, live and across a restart of
//    the main process: the main process polls or receives, a worker runs the execution;
// 3. a worker killed (SIGKILL) in the middle of a slow write, and what n8n then does.
// `node test/queue/run.mjs [name filter…]` (npm run test:queue), a node:test file; `--no-kill` /
// `--no-trigger` skip parts 2 and 3.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
	asWebhookWorkflow,
	callWebhook,
	caseResult,
	loadCaseFiles,
	loadCases,
	startE2ESandboxes,
	workflowsOf,
} from '../e2e/setup.mjs';
import { REPO, ensureN8n } from '../../scripts/n8n/install.mjs';
import { sleep, until } from '../../scripts/n8n/driver.mjs';
import {
	LOCK_DURATION_MS,
	STALLED_INTERVAL_MS,
	removeRoot,
	startQueueCluster,
} from './cluster.mjs';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const TRIGGERS_DIR = path.join(REPO, 'test', 'e2e', 'triggers');
const ROOT = path.join(os.tmpdir(), `queue-e2e-${process.pid}`);
const KILL_ID = 'queueKillWrite';
const TRIGGER_STEP =
	'queue > live triggers across a restart of the main process: it polls or receives, a worker runs';
const KILL_STEP = 'queue > a worker killed mid-execution: no write repeated';

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

const PREFIX = 'queue';

/** Part 1, one case: through the queue, run by a worker; returns the process that ran it. */
async function runCase(cluster, c) {
	await c.before?.();
	const call = await callWebhook(cluster.url, PREFIX, c.workflow);
	const summary = await cluster.finished(c.workflow.id);
	const result = caseResult(c, await cluster.execution(summary.id));
	const { error } = result;
	await c.check(result);
	// The webhook answered from the worker's result: 200 with the items, or 500 on an error.
	assert.equal(call.status, error ? 500 : 200, `webhook answer: ${call.status} ${call.body}`);
	const ranBy = cluster.ranBy(summary.id);
	assert.equal(ranBy.length, 1, `execution ${summary.id} ran on ${JSON.stringify(ranBy)}`);
	assert.match(ranBy[0], /^worker-/, `execution ${summary.id} ran on ${ranBy[0]}`);
	return `${ranBy[0]}, execution ${summary.id}`;
}

/**
 * Part 2: every trigger case of test/e2e/triggers (the JTL-Wawi Trigger polls; webhook triggers
 * register and receive deliveries), active in queue mode: live, then across a restart of the main
 * process (the workers keep running). The cases are built again on a freshly reset sandbox, since
 * the e2e cases changed its records. Every execution of a trigger workflow must have been enqueued
 * by the main process, which holds the active workflows, and run by a worker; the workers never
 * activate a workflow. Deactivated at the end, each case's `afterDeactivate` checks that its
 * trigger stopped (no more polls, its webhook registration removed).
 */
async function runTriggers(cluster, sandboxes) {
	sandboxes.context.jtl.reset();
	const cases = await loadCaseFiles(TRIGGERS_DIR, 'triggers', sandboxes.context);
	const n8n = {
		url: cluster.url,
		rest: cluster.rest,
		executions: cluster.executions,
		execution: cluster.execution,
		output: cluster.mainOutput,
	};
	const notes = [];
	for (const c of cases) {
		for (const w of workflowsOf([c])) await cluster.activate(w.id);
		notes.push(`${c.name}: ${await c.live(n8n)}`);
	}
	for (const c of cases) if (c.beforeStop) notes.push(`${c.name}: ${await c.beforeStop(n8n)}`);
	// The main process restarted while the workers keep running.
	await cluster.restartMain(async () => {
		for (const c of cases) await c.whileDown?.();
	});
	for (const c of cases) if (c.afterRestart) notes.push(`${c.name}: ${await c.afterRestart(n8n)}`);
	for (const c of cases) {
		const list = (await Promise.all(workflowsOf([c]).map((w) => cluster.executions(w.id)))).flat();
		assert.ok(list.length > 0, `${c.name}: no execution`);
		for (const e of list) {
			const ranBy = cluster.ranBy(e.id);
			assert.equal(ranBy.length, 1, `execution ${e.id} ran on ${JSON.stringify(ranBy)}`);
			assert.match(ranBy[0], /^worker-/);
			assert.match(cluster.mainOutput(), new RegExp(`Enqueued execution ${e.id} \\(job`));
		}
		notes.push(`${c.name}: executions on ${list.map((e) => cluster.ranBy(e.id)[0]).join(', ')}`);
	}
	for (const w of cluster.workers)
		assert.ok(!/Activated workflow|Start Active Workflows/.test(w.output()), `${w.name} activated`);
	// Deactivated on the main process: pollers stop and webhook registrations are removed.
	for (const w of workflowsOf(cases)) {
		const res = await cluster.rest.call('POST', `/workflows/${w.id}/deactivate`);
		assert.equal(res.status, 200, `deactivate ${w.id}: ${JSON.stringify(res.body)}`);
	}
	for (const c of cases) await c.afterDeactivate?.(n8n);
	notes.push('all deactivated: pollers stopped, webhook registrations removed');
	return notes.join('; ');
}

/**
 * Part 3: a slow write (every JTL API answer delayed) starts on a worker, which is then killed with
 * SIGKILL while its POST is in flight. Measures what the webhook caller, the execution list, the
 * other worker and the sandbox see.
 */
async function runKill(cluster, jtl) {
	const customerId = jtl.state.customers[2].id;
	const contactsBefore = jtl.state.contacts.filter((c) => c.customerId === customerId).length;
	const postsOf = () =>
		jtl.requests.filter(
			(r) => r.method === 'POST' && r.path === `/erp/customers/${customerId}/contacts`,
		);
	const postsBefore = postsOf().length;
	const latency = 8000;
	jtl.options.latencyMs = latency;
	const t0 = Date.now();
	const answer = callWebhook(cluster.url, PREFIX, { id: KILL_ID }).catch((error) => ({
		error: String(error),
	}));
	try {
		const started = await until(
			'a worker starting the slow execution',
			60_000,
			async () => {
				const list = await cluster.executions(KILL_ID);
				const e = list[0];
				if (!e) return undefined;
				const ranBy = cluster.ranBy(e.id);
				return ranBy.length ? { id: e.id, worker: ranBy[0] } : undefined;
			},
			200,
		);
		// The contact POST reaches the sandbox after the token and is answered `latency` ms later.
		await sleep(latency / 2);
		const victim = cluster.workers.find((w) => w.name === started.worker);
		const other = cluster.workers.find((w) => w !== victim);
		const killedAt = Date.now();
		await victim.kill('SIGKILL');
		log(
			`     killed ${victim.name} (pid ${victim.pid}) ${killedAt - t0} ms into execution ${started.id}`,
		);

		const final = await until(
			'the killed execution to settle',
			LOCK_DURATION_MS + STALLED_INTERVAL_MS * 4 + 60_000,
			async () => {
				const e = (await cluster.executions(KILL_ID)).find((x) => x.id === started.id);
				return e && !['new', 'running', 'waiting'].includes(e.status) ? e : undefined;
			},
			1000,
		);
		const settledMs = Date.now() - killedAt;
		const call = await answer;
		await sleep(latency + 2000);
		const retriedByOther = new RegExp(`Worker started execution ${started.id} \\(`).test(
			other.output(),
		);
		const list = await cluster.executions(KILL_ID);
		const contactsAfter = jtl.state.contacts.filter((c) => c.customerId === customerId).length;
		const facts = {
			execution: started.id,
			killedWorker: victim.name,
			statusInList: final.status,
			settledAfterKillMs: settledMs,
			executionsInList: list.map((e) => `${e.id}:${e.status}`),
			pickedUpByOtherWorker: retriedByOther,
			webhookAnswer: call.error ?? `${call.status} ${call.body.slice(0, 200)}`,
			contactPostsSent: postsOf().length - postsBefore,
			contactsCreated: contactsAfter - contactsBefore,
			mainLog: cluster
				.mainOutput()
				.split('\n')
				.filter((l) => l.includes(`${started.id}`) || /stalled|crashed/i.test(l))
				.slice(-6),
		};
		log(`     measured: ${JSON.stringify(facts, null, 2).split('\n').join('\n     ')}`);
		// What must hold whatever n8n does: the write was not repeated, nothing is left running, and
		// the execution is not reported as a success it never finished.
		assert.ok(facts.contactPostsSent <= 1, 'the contact POST was sent more than once');
		assert.equal(facts.contactsCreated, facts.contactPostsSent, 'contacts created = POSTs sent');
		assert.notEqual(final.status, 'success', 'a killed execution must not show as a success');
		assert.equal(list.length, 1, 'no second execution of the workflow');
		return facts;
	} finally {
		jtl.options.latencyMs = 0;
		await answer;
	}
}

// The run, on node:test: the cluster starts in `before`; one test per case, then the trigger
// step and the worker kill; everything stops in `after`.
const started = Date.now();
const runtime = ensureN8n();
removeRoot(ROOT);
mkdirSync(ROOT, { recursive: true });
const sandboxes = await startE2ESandboxes();
const { jtl } = sandboxes.context;
// The cases of n8n's SSRF protection (`ssrfBlocked`) need it on; the queue-mode cluster runs
// with n8n's default (off), so those cases run in test:e2e only.
const selected = (await loadCases(sandboxes.context, only)).filter((c) => !c.ssrfBlocked);
const wanted = (name, flag) =>
	!args.includes(flag) && (only.length === 0 || only.some((o) => name.includes(o)));
const withTrigger = wanted(TRIGGER_STEP, '--no-trigger');
const withKill = wanted(KILL_STEP, '--no-kill');

const workflows = selected.map((c) => asWebhookWorkflow(c.workflow, PREFIX));
const triggerCases = withTrigger
	? await loadCaseFiles(TRIGGERS_DIR, 'triggers', sandboxes.context)
	: [];
workflows.push(...workflowsOf(triggerCases).map((w) => ({ ...w, active: false })));
if (withKill) {
	const { workflowWithInput } = sandboxes.context;
	workflows.push(
		asWebhookWorkflow(
			workflowWithInput('JtlWawi/contact-create.workflow.json', KILL_ID, {
				customerId: jtl.state.customers[2].id,
				firstName: 'Killed',
				lastName: 'Worker',
			}),
			PREFIX,
		),
	);
}

describe(`real n8n ${runtime.version} in queue mode`, () => {
	let cluster;
	let stopAll = async () => undefined;
	const perProcess = {};
	// Ctrl-C or a CI timeout: stop every process the run started before leaving.
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => {
			log(`${signal}: stopping n8n, Redis and PostgreSQL`);
			void stopAll().finally(() => {
				removeRoot(ROOT);
				process.exit(130);
			});
		});

	before(async () => {
		try {
			cluster = await startQueueCluster({
				onStop: (stop) => (stopAll = stop),
				runtime,
				root: ROOT,
				credentials: sandboxes.credentials,
				workflows,
				log: (m) => log(`     ${m}`),
			});
			log(`queue mode up: main + 2 workers after ${Math.round((Date.now() - started) / 1000)} s`);
			const triggerIds = new Set(workflowsOf(triggerCases).map((w) => w.id));
			const toActivate = workflows.filter((w) => !triggerIds.has(w.id)).map((w) => w.id);
			for (const id of toActivate) await cluster.activate(id);
			log(`${toActivate.length} webhook workflows active`);
		} catch (error) {
			if (cluster) for (const p of [cluster.main, ...cluster.workers]) log(p.output().slice(-3000));
			throw error;
		}
	});

	after(async () => {
		await cluster?.stop();
		await sandboxes.close();
		removeRoot(ROOT);
		log(
			`real n8n ${runtime.version} in queue mode: ${Math.round((Date.now() - started) / 1000)} s`,
		);
	});

	describe('every e2e case through the queue, run by a worker', () => {
		for (const c of selected)
			test(c.name, async (t) => {
				const ran = await runCase(cluster, c);
				const worker = ran.split(',')[0];
				perProcess[worker] = (perProcess[worker] ?? 0) + 1;
				t.diagnostic(ran);
			});
	});

	if (new Set(selected.map((c) => c.workflow.id)).size >= 4)
		test('queue > both workers took executions, the main process none', (t) => {
			t.diagnostic(`executions per process: ${JSON.stringify(perProcess)}`);
			assert.ok(!perProcess.main, 'the main process ran an execution itself');
			assert.ok(
				perProcess['worker-1'] > 0 && perProcess['worker-2'] > 0,
				JSON.stringify(perProcess),
			);
		});

	if (withTrigger)
		test(TRIGGER_STEP, async (t) => {
			t.diagnostic(await runTriggers(cluster, sandboxes));
		});

	if (withKill)
		test(KILL_STEP, async () => {
			await runKill(cluster, jtl);
		});
});

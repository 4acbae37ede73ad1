// Live triggers across a restart of n8n: active workflows in `n8n start`, driven by n8n's own
// scheduler and webhooks, against the sandboxes. Never shipped.
//
// Every file in test/e2e/triggers/ exports `triggers(context)` (context as for the e2e cases)
// returning trigger cases (or a promise of them): { name, workflow | workflows, live(n8n),
// beforeStop?(n8n), whileDown?(), afterRestart?(n8n), afterDeactivate?(n8n) }. The run imports all
// workflows, starts n8n and activates them, runs each `live`, then each `beforeStop` (a case whose
// `live` started something that runs beside the other cases awaits it there), stops n8n, runs each
// `whileDown` (changes made while n8n is down), starts n8n again on
// the same port and user folder, runs each `afterRestart`, then deactivates every workflow and
// runs each `afterDeactivate` (a webhook trigger's registration must be gone). `n8n` is
// { url, rest, executions(workflowId), execution(id), output() }; the webhook URL n8n registers is
// `${url}/webhook/...` (WEBHOOK_URL is set to it).
// `node test/e2e/triggers.mjs [name filter…]` (npm run test:triggers), a node:test file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	activateWorkflow,
	freePort,
	n8nCli,
	startN8n as startN8nProcess,
} from '../../scripts/n8n/driver.mjs';
import { CACHE, ensureN8n, installPackageInto } from '../../scripts/n8n/install.mjs';
import { loadCaseFiles, startE2ESandboxes, workflowsOf } from './setup.mjs';

const OWNER = {
	email: 'triggers-owner@example.com',
	password: 'Triggers-Password-1',
	firstName: 'Triggers',
	lastName: 'Owner',
};
const TRIGGERS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'triggers');
const HOME = path.join(CACHE, `triggers-home-${process.pid}`);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/** Starts `n8n start` on a fixed port and logs in; returns the handle the cases get. */
async function startN8n(runtime, port) {
	const n8n = await startN8nProcess(runtime, HOME, {
		owner: OWNER,
		browserId: 'erp-customers-triggers',
		port,
	});
	return { ...n8n, staticData: (workflowId) => storedStaticData(workflowId) };
}

/**
 * The static data n8n holds for a workflow, read from its database (n8n's REST API does not return
 * it), for a failure message; undefined where the sqlite3 command is missing.
 */
function storedStaticData(workflowId) {
	try {
		return execFileSync(
			'sqlite3',
			[
				path.join(HOME, '.n8n', 'database.sqlite'),
				`SELECT staticData FROM workflow_entity WHERE id = '${workflowId.replace(/'/g, "''")}'`,
			],
			{ encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
		).trim();
	} catch {
		return undefined;
	}
}

// The run, on node:test: set-up in `before`, one test per case and phase, in the order above; a
// case that failed a phase skips its later phases. Each phase's note is the test's diagnostic.
const only = process.argv.slice(2);
const started = Date.now();
const runtime = ensureN8n();
rmSync(HOME, { recursive: true, force: true });
mkdirSync(HOME, { recursive: true });
installPackageInto(HOME);
const sandboxes = await startE2ESandboxes();
const selected = await loadCaseFiles(TRIGGERS_DIR, 'triggers', sandboxes.context, only);
if (selected.length === 0) throw new Error(`no trigger case matches ${only.join(', ')}`);

describe('live triggers across a restart of n8n', () => {
	let n8n;
	let port;
	const failed = new Set();
	// Ctrl-C or a CI timeout: stop n8n before leaving.
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => {
			void Promise.resolve(n8n?.proc.stop()).finally(() => process.exit(130));
		});

	before(async () => {
		const files = [
			['credentials.json', sandboxes.credentials, 'import:credentials'],
			[
				'workflows.json',
				workflowsOf(selected).map((w) => ({ ...w, active: false })),
				'import:workflow',
			],
		];
		for (const [file, content, command] of files) {
			writeFileSync(path.join(HOME, file), JSON.stringify(content, null, 2));
			const res = await n8nCli(runtime, HOME, [command, `--input=${path.join(HOME, file)}`]);
			if (res.code !== 0) throw new Error(`${command} failed:\n${res.stdout}\n${res.stderr}`);
		}
		port = await freePort();
		n8n = await startN8n(runtime, port);
		for (const w of workflowsOf(selected)) await activateWorkflow(n8n.rest, w.id);
		log(
			`n8n up, ${selected.length} trigger workflows active after ${Math.round((Date.now() - started) / 1000)} s`,
		);
	});

	after(async () => {
		await n8n?.proc.stop();
		await sandboxes.close();
		rmSync(HOME, { recursive: true, force: true });
		log(`live triggers across a restart: ${Math.round((Date.now() - started) / 1000)} s`);
	});

	/** One test per case that has `step`, run against the n8n of the moment. */
	const phase = (title, step) =>
		describe(title, () => {
			for (const c of selected.filter((one) => one[step]))
				test(c.name, async (t) => {
					if (failed.has(c.name)) return t.skip('failed in an earlier phase');
					try {
						const note = await c[step](n8n);
						if (note) t.diagnostic(note);
					} catch (error) {
						failed.add(c.name);
						if (n8n)
							error.message += `\n--- n8n output (tail) ---\n${n8n.output().split('\n').slice(-40).join('\n')}`;
						throw error;
					}
				});
		});

	phase('fires live', 'live');
	phase('before n8n stops', 'beforeStop');
	test('n8n stops', async () => {
		await n8n.proc.stop();
	});
	phase('changes while n8n is down', 'whileDown');
	test('n8n starts again on the same port and user folder', async () => {
		n8n = await startN8n(runtime, port);
	});
	phase('after the restart', 'afterRestart');
	test('every trigger workflow is deactivated', async () => {
		for (const w of workflowsOf(selected)) {
			const res = await n8n.rest.call('POST', `/workflows/${w.id}/deactivate`);
			if (res.status !== 200) throw new Error(`deactivate ${w.id}: ${JSON.stringify(res.body)}`);
		}
	});
	phase('after deactivation', 'afterDeactivate');
});

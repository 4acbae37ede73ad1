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
// `node test/e2e/triggers.mjs [name filter…]`
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

async function main() {
	const only = process.argv.slice(2);
	const started = Date.now();
	const runtime = ensureN8n();
	rmSync(HOME, { recursive: true, force: true });
	mkdirSync(HOME, { recursive: true });
	installPackageInto(HOME);
	const sandboxes = await startE2ESandboxes();
	const selected = await loadCaseFiles(TRIGGERS_DIR, 'triggers', sandboxes.context, only);
	const failures = new Map();
	const phase = async (name, step, n8n) => {
		for (const c of selected) {
			if (!c[step] || failures.has(c.name)) continue;
			const t0 = Date.now();
			try {
				const note = await c[step](n8n);
				log(`ok   ${c.name} > ${name} (${Date.now() - t0} ms)${note ? `: ${note}` : ''}`);
			} catch (error) {
				failures.set(c.name, error);
				log(
					`FAIL ${c.name} > ${name}\n     ${String(error?.stack ?? error)
						.split('\n')
						.join('\n     ')}`,
				);
			}
		}
	};

	let n8n;
	// Ctrl-C or a CI timeout: stop n8n before leaving.
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.once(signal, () => {
			void Promise.resolve(n8n?.proc.stop()).finally(() => process.exit(130));
		});
	try {
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
		const port = await freePort();
		n8n = await startN8n(runtime, port);
		for (const w of workflowsOf(selected)) await activateWorkflow(n8n.rest, w.id);
		log(
			`n8n up, ${selected.length} trigger workflows active after ${Math.round((Date.now() - started) / 1000)} s`,
		);
		await phase('fires live', 'live', n8n);
		await phase('before n8n stops', 'beforeStop', n8n);

		await n8n.proc.stop();
		log('n8n stopped');
		await phase('changes while n8n is down', 'whileDown', undefined);
		n8n = await startN8n(runtime, port);
		log('n8n started again');
		await phase('after the restart', 'afterRestart', n8n);

		for (const w of workflowsOf(selected)) {
			const res = await n8n.rest.call('POST', `/workflows/${w.id}/deactivate`);
			if (res.status !== 200) throw new Error(`deactivate ${w.id}: ${JSON.stringify(res.body)}`);
		}
		await phase('after deactivation', 'afterDeactivate', n8n);
	} catch (error) {
		failures.set('set-up', error);
		log(`FAIL set-up\n     ${String(error?.stack ?? error)}`);
		if (n8n) log(n8n.output().split('\n').slice(-40).join('\n'));
	} finally {
		await n8n?.proc.stop();
		await sandboxes.close();
		rmSync(HOME, { recursive: true, force: true });
	}
	const passed = failures.has('set-up') ? 0 : selected.filter((c) => !failures.has(c.name)).length;
	log(`\nlive triggers across a restart: ${Math.round((Date.now() - started) / 1000)} s`);
	log(`${passed} passed, ${failures.size} failed`);
	process.exitCode = failures.size === 0 && passed > 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

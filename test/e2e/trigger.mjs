// Real-n8n end-to-end for the JTL-Wawi Trigger: an active workflow in `n8n start`, polled by n8n's
// own scheduler against the JTL sandbox. Never shipped.
//
// How n8n 2.41 polls (n8n-core active-workflow-triggers + poll-trigger-executor): activating a
// workflow runs poll() once right away, then on the cron of "Poll Times" (everyMinute = one random
// second of every minute). Activation goes through the publication outbox, asynchronously after
// the REST call returns; the trigger status "activated" (GET /rest/workflows/:id/publication-status)
// is written once that first poll has returned. Our first poll asks only for JTL's newest customer
// (one GET /v2/customers with pageSize 1) and stores JTL's time from its Date header as the cursor;
// the second GET /v2/customers in the sandbox log is the second poll.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import {
	freePort,
	loginOwner,
	n8nCli,
	n8nEnv,
	n8nRestClient,
	sleep,
	until,
} from '../../scripts/n8n-runtime.mjs';
import { ALL_IN_ONE, forPackage } from '../../scripts/packages.mjs';
import { jtlSandboxCredentialFile, jtlTriggerWorkflow } from '../../systems/jtl.mjs';
import { directCall } from './cases/jtl-seed.mjs';

const WORKFLOW_ID = 'e2eJtlTrigger';
const TRIGGER = 'JTL-Wawi Trigger';
const OWNER = {
	email: 'e2e-owner@example.com',
	password: 'E2e-Password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};
const BROWSER_ID = 'erp-customers-e2e';
const WAIT_FOR_EXECUTION_MS = 150_000;

function log(msg) {
	process.stdout.write(`     [trigger] ${msg}\n`);
}

export function triggerWorkflow(packageName = ALL_IN_ONE) {
	return forPackage({ ...jtlTriggerWorkflow(TRIGGER), id: WORKFLOW_ID, active: true }, packageName);
}

/** A small n8n REST client with the owner's session cookie, and the owner's login. */
export function restClient(url) {
	const rest = n8nRestClient(url, BROWSER_ID);
	return { call: rest.call, login: () => loginOwner(rest, OWNER) };
}

/**
 * Imports the trigger workflow, starts `n8n start`, activates it over REST, changes a customer once the
 * first poll stored its cursor, and waits for n8n's own scheduler to emit exactly that change.
 */
export async function runTriggerE2E({ runtime, home, jtl, packageName = ALL_IN_ONE }) {
	const started = Date.now();
	const work = path.join(home, 'trigger-e2e');
	mkdirSync(work, { recursive: true });
	const file = path.join(work, `${WORKFLOW_ID}.json`);
	writeFileSync(file, JSON.stringify(triggerWorkflow(packageName), null, 2));
	const imported = await n8nCli(runtime, home, ['import:workflow', `--input=${file}`]);
	assert.equal(
		imported.code,
		0,
		`n8n import:workflow failed:\n${imported.stdout}\n${imported.stderr}`,
	);

	const firstRequest = jtl.requests.length;
	const pollsSoFar = () =>
		jtl.requests
			.slice(firstRequest)
			.filter((r) => r.method === 'GET' && r.path === '/erp/v2/customers');

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(runtime.node, [runtime.n8nBin, 'start'], {
		env: n8nEnv(runtime, home, {
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((resolve) => child.once('exit', resolve));

	try {
		await until('n8n /healthz', 120_000, async () => {
			if (child.exitCode !== null) throw new Error(`n8n exited with ${child.exitCode}`);
			try {
				return (await fetch(`${url}/healthz`)).ok;
			} catch {
				return false;
			}
		});
		const rest = restClient(url);
		await rest.login();

		// The credential's "Test" button in the editor: a token from the sandbox, then GET /info.
		const credential = jtlSandboxCredentialFile(jtl);
		// Right after start-up n8n may still be mounting routes; ask until it answers with a verdict.
		let tested;
		await until('the credential test answer', 30_000, async () => {
			tested = await rest.call('POST', '/credentials/test', { credentials: credential });
			return tested.status === 200 && tested.body?.data?.status;
		});
		assert.deepEqual(
			tested.body.data,
			{ status: 'OK', message: 'Connection successful!' },
			`credential test: HTTP ${tested.status} ${JSON.stringify(tested.body)}`,
		);
		const wrong = await rest.call('POST', '/credentials/test', {
			credentials: { ...credential, data: { ...credential.data, clientSecret: 'not-the-secret' } },
		});
		assert.equal(wrong.body?.data?.status, 'Error', `wrong secret: ${JSON.stringify(wrong.body)}`);
		assert.ok(
			!JSON.stringify(wrong.body).includes('not-the-secret'),
			'the secret must not be echoed',
		);
		assert.ok(
			jtl.requests.some((r) => r.method === 'GET' && r.path === '/erp/info'),
			'the credential test reads /info',
		);

		// The editor loads the output schemas of the package before the first run.
		for (const [route, key] of [
			[`/schemas/${packageName}.jtlWawi/1.0.0/customer/get.json`, 'legacyId'],
			[`/schemas/${packageName}.jtlWawi/1.0.0/contact/getAll.json`, 'department'],
			[`/schemas/${packageName}.jtlWawiTrigger/1.0.0.json`, 'legacyId'],
		]) {
			const res = await fetch(`${url}${route}`);
			assert.equal(res.status, 200, `GET ${route}: HTTP ${res.status}`);
			assert.ok(key in (await res.json()).properties, `${route} lists ${key}`);
		}

		// Activate (publish) the workflow the way the editor does.
		const workflow = await rest.call('GET', `/workflows/${WORKFLOW_ID}`);
		assert.equal(workflow.status, 200, `GET workflow: ${JSON.stringify(workflow.body)}`);
		const activated = await rest.call('POST', `/workflows/${WORKFLOW_ID}/activate`, {
			versionId: workflow.body.data.versionId,
		});
		assert.equal(activated.status, 200, `activate: ${JSON.stringify(activated.body)}`);
		const status = await until('the trigger activation', 60_000, async () => {
			const res = await rest.call('GET', `/workflows/${WORKFLOW_ID}/publication-status`);
			const trigger = res.body?.data?.triggers?.find((t) => t.nodeId === 'jtl-trigger');
			if (trigger?.status === 'failed')
				throw new Error(`activation failed: ${trigger.errorMessage}`);
			return trigger?.status === 'activated' ? res.body.data : undefined;
		});
		const activatedAt = Date.now();
		log(
			`n8n up and workflow active (${status.status}) after ${Math.round((activatedAt - started) / 1000)} s`,
		);
		// The first poll (at activation) asked for JTL's time and stored it as the cursor.
		assert.equal(pollsSoFar().length, 1, 'the first poll must make one request');
		assert.equal(pollsSoFar()[0].query.pageSize, '1', 'the first poll reads the newest customer');

		const target = jtl.state.customers[9];
		const patched = await directCall(jtl, 'PATCH', `/customers/${target.id}`, {
			Website: 'https://trigger-e2e.example.com',
		});
		assert.equal(patched.status, 201, `PATCH customer: ${JSON.stringify(patched.body)}`);
		const changedAt = Date.now();

		const executions = async () => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
			const res = await rest.call('GET', `/executions?filter=${filter}`);
			assert.equal(res.status, 200, `GET /rest/executions: ${JSON.stringify(res.body)}`);
			return res.body.data.results;
		};
		const done = await until(
			'a trigger poll and a successful execution',
			WAIT_FOR_EXECUTION_MS,
			async () => {
				if (pollsSoFar().length < 2) return undefined;
				const list = await executions();
				return list.find((e) => e.status === 'success');
			},
			1000,
		);
		log(
			`execution ${done.id} (${done.mode}) ${Math.round((Date.now() - changedAt) / 1000)} s after the change`,
		);

		const one = await rest.call('GET', `/executions/${done.id}`);
		assert.equal(one.status, 200);
		const flatted = createRequire(path.join(runtime.n8nDir, 'package.json'))('flatted');
		const runData = flatted.parse(one.body.data.data).resultData.runData;
		const emitted = runData[TRIGGER][0].data.main[0].map((i) => i.json);
		assert.deepEqual(
			emitted.map((j) => j.id),
			[target.uuid],
			`trigger output: ${JSON.stringify(emitted)}`,
		);
		assert.equal(emitted[0].updatedAt, new Date(target.lastChanged).toISOString());
		assert.equal(emitted[0].number, target.number);
		assert.equal(emitted[0].source, 'jtlWawi');
		assert.equal(runData['No Operation'][0].data.main[0].length, 1);

		// One more scheduled poll: one request, and nothing emitted twice.
		const pollsBefore = pollsSoFar().length;
		await until('the next scheduled poll', 75_000, () => pollsSoFar().length > pollsBefore, 1000);
		await sleep(3000);
		assert.equal(pollsSoFar().length, pollsBefore + 1, 'one request per poll when nothing changed');
		const all = await executions();
		assert.equal(all.length, 1, `executions: ${JSON.stringify(all.map((e) => e.id))}`);
		log(`next poll emitted nothing; ${pollsSoFar().length} polls with a request in total`);
	} catch (error) {
		error.message += `\n--- n8n output (tail) ---\n${output.split('\n').slice(-40).join('\n')}`;
		throw error;
	} finally {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	}
	return { seconds: Math.round((Date.now() - started) / 1000) };
}

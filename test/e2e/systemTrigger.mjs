// The trigger part of the real-n8n end-to-end run: one system's triggers in an n8n that is already
// up with the system's package (the e2e run's n8n of the three system packages, after the cases),
// driven by n8n's own scheduler and webhooks against the system's sandbox. What differs between
// the systems is in their entries of systems/ (`e2e.trigger`, fields described in
// systems/index.mjs); this module does the same for each:
// - the credential's "Test" button: the sandbox credential passes, a spoiled secret is refused
//   without being echoed;
// - the editor's output schemas of the package answer and list their key;
// - each trigger workflow, imported inactive before n8n started, is activated as the editor does
//   (POST activate, then publication-status until its trigger is "activated");
// - a polling trigger: its poll at activation makes one request; a change made in the sandbox
//   afterwards is emitted exactly once by n8n's next scheduled poll; the poll after that makes one
//   request and emits nothing;
// - a webhook trigger: activation registers one webhook at the sandbox; a change in the sandbox is
//   delivered and runs the workflow once; forged deliveries are refused with 401 and run nothing;
//   deactivation removes the registration.
// How n8n 2.41 polls (n8n-core active-workflow-triggers + poll-trigger-executor): activating a
// workflow runs poll() once right away, then on the cron of "Poll Times" (everyMinute = one random
// second of every minute); the trigger status "activated" is written once that first poll returned.
// Never shipped.
import assert from 'node:assert/strict';

import { sleep, until } from '../../scripts/n8n/driver.mjs';
import { forPackage } from '../../scripts/packages.mjs';
import { emittedBy } from './triggerSteps.mjs';

/** The owner of the e2e run's n8n. */
export const OWNER = {
	email: 'e2e-owner@example.com',
	password: 'E2e-Password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

/**
 * One credential test at a time, as a user clicks one Test button at a time: n8n 2.41 runs a test
 * request on a mock node type that concurrent tests share (credentials-tester: keyed by the node it
 * borrows, n8n-nodes-base.noOp here, and deleted when a test ends), so a test running beside
 * another may fail with n8n's "Node not found" instead of the credential's own verdict.
 */
let credentialTests = Promise.resolve();
function oneAtATime(test) {
	const run = credentialTests.then(test);
	credentialTests = run.catch(() => {});
	return run;
}

/**
 * The trigger part of `system` (its entry of systems/) against its shared `sandbox`, on the node
 * types of `packageName`: `workflows` to import (inactive) before n8n starts, and `run(n8n)` once
 * the cases are done, with the driver's handle of that n8n (startN8n).
 */
export function systemTrigger(system, sandbox, packageName) {
	const spec = system.e2e.trigger;
	const checks = spec.checks(sandbox);
	const say = (msg) => process.stdout.write(`     [${system.key} trigger] ${msg}\n`);
	return {
		name: spec.name,
		workflows: checks.map((c) => forPackage({ ...c.workflow, active: false }, packageName)),
		async run(n8n) {
			const { url, rest } = n8n;
			const started = Date.now();
			// The cases moved the sandbox's clock and changed its records.
			(spec.reset ?? ((sb) => sb.reset()))(sandbox);
			try {
				await oneAtATime(() =>
					credentialTest(rest, system.credential.n8n(sandbox), spec.credentialTest, sandbox),
				);
				say('credential test: OK; a spoiled secret refused, not echoed');
				for (const [route, key] of spec.schemas) {
					const res = await fetch(`${url}/schemas/${packageName}.${route}`);
					assert.equal(res.status, 200, `GET /schemas/…${route}: HTTP ${res.status}`);
					assert.ok(key in (await res.json()).properties, `${route} lists ${key}`);
				}
				const notes = await Promise.all(
					checks.map((c) => (c.poll ? pollCheck : webhookCheck)(n8n, c)),
				);
				for (const note of notes) say(note);
			} catch (error) {
				const deliveries = sandbox.deliveries?.();
				if (deliveries)
					error.message += `\n--- webhook deliveries ---\n${JSON.stringify(deliveries).slice(0, 2000)}`;
				throw error;
			}
			return Date.now() - started;
		},
	};
}

/** The credential's "Test" button in the editor, with the sandbox credential and a spoiled one. */
async function credentialTest(rest, credential, { spoil, refusal, reads }, sandbox) {
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
	assert.ok(
		sandbox.requests.some((r) => reads(r, sandbox)),
		'the credential test reached its endpoint',
	);
	const wrong = await rest.call('POST', '/credentials/test', {
		credentials: { ...credential, data: { ...credential.data, ...spoil } },
	});
	assert.equal(wrong.body?.data?.status, 'Error', `spoiled: ${JSON.stringify(wrong.body)}`);
	if (refusal) assert.match(String(wrong.body.data.message), refusal);
	for (const value of Object.values(spoil))
		assert.ok(!JSON.stringify(wrong.body).includes(value), 'the secret must not be echoed');
}

/**
 * A polling trigger (`c.poll`: `polls()` lists the sandbox requests of its polls, `firstPoll(r)`
 * checks the one at activation, `change()` makes a change and resolves with the check of the
 * emitted items).
 */
async function pollCheck(n8n, c) {
	const id = c.workflow.id;
	const from = c.polls().length;
	const polls = () => c.polls().slice(from);
	const status = await n8n.activate(id);
	assert.equal(polls().length, 1, `${id}: the first poll must make one request`);
	c.firstPoll?.(polls()[0]);
	const check = await c.change();
	const changedAt = Date.now();
	const done = await until(
		`a scheduled poll of ${id} and a successful execution`,
		150_000,
		async () => {
			if (polls().length < 2) return undefined;
			return (await n8n.executions(id)).find((e) => e.status === 'success');
		},
		1000,
	);
	const emitted = await emittedBy(n8n, done.id, c.trigger);
	check(emitted);
	const runData = (await n8n.execution(done.id)).data.resultData.runData;
	assert.equal(runData['No Operation'][0].data.main[0].length, emitted.length);
	const after = Math.round((Date.now() - changedAt) / 1000);

	// One more scheduled poll: one request, and nothing emitted twice.
	const before = polls().length;
	await until(`the next scheduled poll of ${id}`, 75_000, () => polls().length > before, 1000);
	await sleep(3000);
	assert.equal(polls().length, before + 1, `${id}: one request per poll when nothing changed`);
	const all = await n8n.executions(id);
	assert.equal(all.length, 1, `${id} executions: ${JSON.stringify(all.map((e) => e.id))}`);
	return `${id}: active (${status.status}); execution ${done.id} emitted the change once, ${after} s after it; the next poll made one request and emitted nothing`;
}

/**
 * A webhook trigger (`registrations()` lists the sandbox's registrations, `checkRegistration(r,
 * url)` checks one, `deliver()` makes a change the sandbox delivers and resolves with the check of
 * the emitted items, `delivered()` checks the sandbox's record of it, `forgeries` are deliveries
 * ({ headers, body }) n8n must refuse).
 */
async function webhookCheck(n8n, c) {
	const id = c.workflow.id;
	await n8n.activate(id);
	const registered = c.registrations();
	assert.equal(registered.length, 1, `${id}: activation registers one webhook`);
	c.checkRegistration(registered[0], n8n.url);

	const check = await c.deliver();
	const done = await until(
		`the delivered execution of ${id}`,
		60_000,
		async () => (await n8n.executions(id)).find((e) => e.status === 'success'),
		1000,
	);
	check(await emittedBy(n8n, done.id, c.trigger));
	await c.delivered?.();

	for (const { headers, body } of c.forgeries) {
		const res = await fetch(registered[0].url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(body),
		});
		assert.equal(res.status, 401, `${id}: a forged delivery answered ${res.status}`);
	}
	await sleep(1500);
	assert.equal((await n8n.executions(id)).length, 1, `${id}: a forged delivery ran the workflow`);

	const wf = await n8n.rest.call('GET', `/workflows/${id}`);
	const off = await n8n.rest.call('POST', `/workflows/${id}/deactivate`, {
		versionId: wf.body.data.versionId,
	});
	assert.equal(off.status, 200, `deactivate ${id}: ${JSON.stringify(off.body)}`);
	await until(`the registration of ${id} removed`, 30_000, () => c.registrations().length === 0);
	return `${id}: registered at activation; execution ${done.id} ran the delivery once; ${c.forgeries.length} forged refused (401); deactivation removed the registration`;
}

// The steps the live trigger cases of test/e2e/triggers/ share (this file is not a case file):
// a polling trigger across a restart, and a webhook trigger across a restart. Never shipped.
import assert from 'node:assert/strict';

import { sleep, until } from '../../scripts/n8n-runtime.mjs';

const POLL_WAIT_MS = 150_000;

/** The items the trigger node emitted in an execution. */
export async function emittedBy(n8n, executionId, trigger) {
	const run = (await n8n.execution(executionId)).data.resultData.runData;
	return run[trigger][0].data.main[0].map((i) => i.json);
}

/** Waits until the workflow's trigger is active in n8n (after a start or restart). */
export async function triggerActive(n8n, workflowId, nodeId) {
	await until(`activation of ${workflowId}`, 90_000, async () => {
		const res = await n8n.rest.call('GET', `/workflows/${workflowId}/publication-status`);
		const trigger = res.body?.data?.triggers?.find((t) => t.nodeId === nodeId);
		if (trigger?.status === 'failed') throw new Error(`activation failed: ${trigger.errorMessage}`);
		return trigger?.status === 'activated';
	});
}

/**
 * A polling trigger (every minute) across a restart: `change()` makes one change and resolves with
 * the key the trigger must emit for it; `polls()` lists the vendor requests of the trigger's polls;
 * `firstPolls(polls)` and `checkLive(emitted)` add a trigger's own checks.
 * A live change is emitted by the next poll; the changes made while n8n is down are emitted once,
 * by the first poll after the restart; the next poll emits nothing; deactivated, it stops polling.
 */
export function pollTriggerCase({
	name,
	workflow,
	trigger,
	polls,
	firstPolls,
	change,
	keyOf,
	checkLive,
}) {
	const id = workflow.id;
	const seen = new Set();
	let pollsWhileDown;
	let downKeys = [];
	const nextExecution = async (n8n) => {
		const done = await until(
			'a new successful trigger execution',
			POLL_WAIT_MS,
			async () => (await n8n.executions(id)).find((e) => e.status === 'success' && !seen.has(e.id)),
			1000,
		);
		seen.add(done.id);
		return {
			id: done.id,
			startedAt: new Date(done.startedAt).getTime(),
			emitted: await emittedBy(n8n, done.id, trigger),
		};
	};
	return {
		name,
		workflow,
		async live(n8n) {
			assert.ok(polls().length >= 1, 'no poll at activation');
			firstPolls?.(polls());
			const key = await change('live');
			const t0 = Date.now();
			const { id: execution, emitted } = await nextExecution(n8n);
			assert.deepEqual(emitted.map(keyOf), [key]);
			checkLive?.(emitted);
			return `execution ${execution} emitted the change ${Math.round((Date.now() - t0) / 1000)} s after it`;
		},
		async whileDown() {
			pollsWhileDown = polls().length;
			downKeys = [await change('down-a'), await change('down-b')];
		},
		async afterRestart(n8n) {
			const t0 = Date.now();
			const { id: execution, startedAt, emitted } = await nextExecution(n8n);
			const [firstAfter, secondAfter] = polls()
				.slice(pollsWhileDown)
				.map((r) => new Date(r.at).getTime());
			assert.ok(firstAfter, 'no poll after the restart');
			assert.ok(startedAt >= firstAfter - 1000, 'the execution started before the first poll');
			if (secondAfter)
				assert.ok(startedAt < secondAfter, 'the changes were not emitted by the first poll');
			assert.deepEqual(emitted.map(keyOf).sort(), [...downKeys].sort());
			// One more scheduled poll, which emits nothing.
			const before = polls().length;
			await until('the next scheduled poll', 75_000, () => polls().length > before, 1000);
			await sleep(3000);
			const all = await n8n.executions(id);
			assert.deepEqual(
				all.map((e) => e.id).filter((e) => !seen.has(e)),
				[],
				'a poll without changes emitted something',
			);
			assert.equal(all.length, 2, `executions: ${JSON.stringify(all.map((e) => e.id))}`);
			return `execution ${execution} emitted the ${emitted.length} changes made while down, ${Math.round((Date.now() - t0) / 1000)} s after the restart; the next poll emitted nothing`;
		},
		async afterDeactivate() {
			const before = polls().length;
			await sleep(2000);
			assert.equal(polls().length, before, 'a deactivated trigger still polls');
		},
	};
}

/**
 * A webhook trigger across a restart: `registrations()` lists the vendor's registrations for this
 * workflow; `deliver(tag)` makes a change the vendor delivers and resolves with a check of the
 * emitted items; `forge(url)` sends a forged delivery and resolves with the HTTP status.
 */
export function webhookTriggerCase({
	name,
	workflow,
	nodeId,
	trigger,
	registrations,
	checkRegistration,
	deliver,
	forge,
}) {
	const id = workflow.id;
	const seen = new Set();
	let registered;
	const delivered = async (n8n, tag) => {
		const check = await deliver(tag);
		const t0 = Date.now();
		const done = await until(
			`the execution of the ${tag} delivery`,
			60_000,
			async () => (await n8n.executions(id)).find((e) => !seen.has(e.id)),
			500,
		);
		seen.add(done.id);
		await until('the execution to finish', 30_000, async () =>
			(await n8n.executions(id)).find((e) => e.id === done.id && e.status !== 'running'),
		);
		const finished = (await n8n.executions(id)).find((e) => e.id === done.id);
		assert.equal(finished.status, 'success', `execution ${done.id}: ${finished.status}`);
		check(await emittedBy(n8n, done.id, trigger));
		return `execution ${done.id} ${Date.now() - t0} ms after the change`;
	};
	const forged = async (n8n) => {
		const [reg] = registrations();
		const before = (await n8n.executions(id)).length;
		assert.equal(await forge(reg.url), 401, 'a forged delivery was not refused');
		await sleep(1500);
		assert.equal((await n8n.executions(id)).length, before, 'the forged delivery ran a workflow');
	};
	return {
		name,
		workflow,
		async live(n8n) {
			await triggerActive(n8n, id, nodeId);
			assert.equal(registrations().length, 1, 'activation registers one webhook');
			[registered] = registrations();
			checkRegistration(registered, n8n);
			const note = await delivered(n8n, 'live');
			await forged(n8n);
			return `registered; ${note}; a forged delivery was refused (401)`;
		},
		async afterRestart(n8n) {
			const t0 = Date.now();
			await triggerActive(n8n, id, nodeId);
			assert.equal(registrations().length, 1, 'registrations after the restart');
			const [now] = registrations();
			checkRegistration(now, n8n);
			const kept = now === registered ? 'the same registration kept' : 'registered again';
			const note = await delivered(n8n, 'after-restart');
			await forged(n8n);
			return `active ${Math.round((Date.now() - t0) / 1000)} s after the restart, ${kept}; ${note}; forged refused`;
		},
		async afterDeactivate() {
			await until('the registration removed', 30_000, () => registrations().length === 0);
		},
	};
}

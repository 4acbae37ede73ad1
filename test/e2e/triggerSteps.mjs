// The steps the live trigger cases of test/e2e/triggers/ share (this file is not a case file):
// a polling trigger across a restart, and a webhook trigger across a restart. Never shipped.
import assert from 'node:assert/strict';

import { sleep, until } from '../../scripts/n8n/driver.mjs';

const POLL_WAIT_MS = 150_000;

/** The items the trigger node emitted in an execution. */
export async function emittedBy(n8n, executionId, trigger) {
	const run = (await n8n.execution(executionId)).data.resultData.runData;
	return run[trigger][0].data.main[0].map((i) => i.json);
}

/** Executions of a workflow, newest first, however many (the list answers 10 by default). */
export async function allExecutions(n8n, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await n8n.rest.call('GET', `/executions?filter=${filter}&limit=100`);
	assert.equal(res.status, 200, `GET /rest/executions: ${JSON.stringify(res.body)}`);
	return res.body.data.results;
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
 * `firstPolls(polls)` and `checkLive(emitted)` add a trigger's own checks; `quietChange()`, when
 * given, makes a change the trigger must not emit, just before the poll that must emit nothing.
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
	quietChange,
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
			const quiet = quietChange ? await quietChange() : undefined;
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
			return `execution ${execution} emitted the ${emitted.length} changes made while down, ${Math.round((Date.now() - t0) / 1000)} s after the restart; the next poll emitted nothing${quiet ? ` (${quiet})` : ''}`;
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
 * With `retriesWhileDown` (the vendor's retry rule, for the message) a change is also made while n8n
 * is down: its delivery fails, and one of the vendor's retries must run the workflow after the
 * restart; `deliveryOf(tag)` then returns the vendor's delivery record ({ attempts, outcome }).
 * `sentOf(tag)` gives the request the vendor sent for a delivery ({ url, body, headers }): the
 * live delivery, captured so, is sent again byte for byte while n8n runs and again after the
 * restart; each time it must be answered 200 and run nothing (the trigger remembers it in the
 * workflow's static data, which n8n saves after the webhook call).
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
	retriesWhileDown,
	deliveryOf,
	sentOf,
}) {
	const id = workflow.id;
	const seen = new Set();
	let registered;
	let whileDown;
	const executionOf = async (n8n, tag, check, timeoutMs) => {
		const t0 = Date.now();
		let done;
		try {
			done = await until(
				`the execution of the ${tag} delivery`,
				timeoutMs,
				async () => (await n8n.executions(id)).find((e) => !seen.has(e.id)),
				500,
			);
		} catch (error) {
			const record = deliveryOf?.(tag);
			if (record)
				error.message += `; the vendor's delivery: ${record.outcome}, attempts ${JSON.stringify(record.attempts)}`;
			throw error;
		}
		seen.add(done.id);
		await until('the execution to finish', 30_000, async () =>
			(await n8n.executions(id)).find((e) => e.id === done.id && e.status !== 'running'),
		);
		const finished = (await n8n.executions(id)).find((e) => e.id === done.id);
		assert.equal(finished.status, 'success', `execution ${done.id}: ${finished.status}`);
		check(await emittedBy(n8n, done.id, trigger));
		return { id: done.id, ms: Date.now() - t0 };
	};
	// The delivery that failed while n8n was down: one of the vendor's retries must run the workflow
	// once. n8n answers 404 to webhooks for a while during its start-up, and a vendor that never
	// retries a 4xx drops the delivery then; that outcome is reported (docs/live-triggers.md), and
	// nothing may have run for it.
	const ranOrDropped = async (n8n) => {
		const outcome = await until(
			'the while-down delivery to run or be dropped',
			240_000,
			async () => {
				if ((await n8n.executions(id)).some((e) => !seen.has(e.id))) return 'ran';
				const { outcome: o } = deliveryOf('while-down');
				return o === 'refused' || o === 'failed' ? o : undefined;
			},
		);
		const after = Math.round((Date.now() - whileDown.at) / 1000);
		const { attempts } = deliveryOf('while-down');
		assert.ok(attempts[0].error, `the first attempt reached n8n: ${JSON.stringify(attempts[0])}`);
		if (outcome === 'ran') {
			const run = await executionOf(n8n, 'while-down', whileDown.check, 30_000);
			assert.ok(attempts.length > 1, 'the delivery made while n8n was down was not retried');
			return `; the change made while down ran once (execution ${run.id}) on attempt ${attempts.length}, ${after} s after it (${retriesWhileDown})`;
		}
		const last = attempts.at(-1);
		assert.equal(outcome, 'refused', `the vendor gave up: ${JSON.stringify(attempts)}`);
		assert.ok(last.status >= 400 && last.status <= 499, JSON.stringify(last));
		await sleep(1500);
		assert.equal(
			(await n8n.executions(id)).filter((e) => !seen.has(e.id)).length,
			0,
			'a refused delivery ran the workflow',
		);
		return `; the change made while down was DROPPED: n8n answered ${last.status} to attempt ${attempts.length} while starting up, and the vendor does not retry a 4xx (docs/live-triggers.md)`;
	};
	const delivered = async (n8n, tag) => {
		const run = await executionOf(n8n, tag, await deliver(tag), 60_000);
		return `execution ${run.id} ${run.ms} ms after the change`;
	};
	const replayed = async (n8n) => {
		const sent = sentOf('live');
		assert.ok(sent, 'the live delivery was not captured');
		const before = (await n8n.executions(id)).length;
		const res = await fetch(sent.url, { method: 'POST', headers: sent.headers, body: sent.body });
		assert.equal(
			res.status,
			200,
			`a genuine delivery sent again: ${res.status} ${await res.text()}`,
		);
		await sleep(2500);
		const after = await n8n.executions(id);
		if (after.length !== before) {
			// What n8n holds of the trigger's memory, for the message.
			const memory = (await n8n.staticData?.(id)) ?? 'not readable here';
			assert.fail(`a genuine delivery sent again ran the workflow again; static data: ${memory}`);
		}
		return 'the live delivery sent again was answered 200 and ran nothing';
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
			const replay = sentOf ? `; ${await replayed(n8n)}` : '';
			return `registered; ${note}; a forged delivery was refused (401)${replay}`;
		},
		...(retriesWhileDown && {
			async whileDown() {
				whileDown = { check: await deliver('while-down'), at: Date.now() };
			},
		}),
		async afterRestart(n8n) {
			const t0 = Date.now();
			await triggerActive(n8n, id, nodeId);
			assert.equal(registrations().length, 1, 'registrations after the restart');
			const [now] = registrations();
			checkRegistration(now, n8n);
			const kept = now === registered ? 'the same registration kept' : 'registered again';
			let downNote = '';
			if (whileDown) downNote = await ranOrDropped(n8n);
			const note = await delivered(n8n, 'after-restart');
			await forged(n8n);
			// The memory of accepted deliveries outlived the restart.
			if (sentOf) downNote += `; after the restart, ${await replayed(n8n)}`;
			if (whileDown) {
				const again = (await n8n.executions(id)).filter((e) => !seen.has(e.id));
				assert.equal(again.length, 0, 'a delivery ran the workflow twice');
			}
			return `active ${Math.round((Date.now() - t0) / 1000)} s after the restart, ${kept}${downNote}; ${note}; forged refused`;
		},
		async afterDeactivate() {
			await until('the registration removed', 30_000, () => registrations().length === 0);
		},
	};
}

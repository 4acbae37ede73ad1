// The poll triggers under a backlog, in a real n8n: each system's sandbox of its own holds 1,000
// customers at activation (the newest 50 dated ahead of the clock, 20 changed just before
// activation, inside the overlap of the first window). Then, between two polls, 150 customers are
// created and 40 changed; after the poll that emitted them, 150 more are created and 150 changed
// (30 changed again, 20 of the new ones changed, 30 changed twice in the round), so each list runs
// over more than one page. Activation emits nothing (README: each trigger's first poll only records
// the time or ID), and every change is emitted exactly once, never the backlog: the run the issue
// reported (1,101 "new" customers at the first execution, 951 of them older than the activation),
// whose cause was a seed dated up to 2044 and a window without an end. The rounds run beside the
// other trigger cases (`live` starts them, `beforeStop` awaits them); the checks after the restart
// and at the end count every execution: nothing came again.
import assert from 'node:assert/strict';

import { sleep, until } from '../../../scripts/n8n/driver.mjs';
import { pollTriggerWorkflow } from '../../../systems/workflows.mjs';
import { allExecutions, emittedBy } from '../triggerSteps.mjs';

const EXISTING = 1000;
const DATED_AHEAD = 50;
/** The rounds of changes, by index into the seeded customers (never one dated ahead). */
const range = (from, count) => Array.from({ length: count }, (_, i) => from + i);
const BEFORE_ACTIVATION = { create: 20, update: range(100, 20) };
const ROUND_1 = { create: 150, update: range(200, 40) };
/** Round 2 changes 30 of round 1's changed customers again and 20 of its new ones. */
const ROUND_2 = {
	create: 150,
	again: range(200, 30),
	newOnes: 20,
	update: range(300, 100),
	twice: range(300, 30),
};

/** How long a round may take to be emitted: n8n polls every minute, at a random second. */
const ROUND_WAIT_MS = 150_000;

/** One system's sandbox and the triggers that watch it. */
async function system({ tenant, name, sandboxName, keyOf, triggers }) {
	const sandbox = await tenant('backlog', sandboxName, {
		customers: EXISTING,
		futureCustomers: DATED_AHEAD,
	});
	const changes = async (round) => {
		const res = await fetch(`${sandbox.url}/__sandbox/changes`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(round),
		});
		const body = await res.json();
		assert.equal(res.status, 200, `${name} changes: ${JSON.stringify(body)}`);
		return body;
	};
	const keyAt = (index) => String(keyOf(sandbox.state.customers[index]));
	const roundOf = (spec, made = []) => ({
		create: spec.create,
		update: [...(spec.again ?? []), ...spec.update]
			.map(keyAt)
			.concat(made.slice(0, spec.newOnes ?? 0)),
		twice: (spec.twice ?? []).map(keyAt),
	});
	// Made before n8n activates the trigger: inside the first window's overlap, never to be emitted.
	await changes(roundOf(BEFORE_ACTIVATION));
	return {
		name,
		sandbox,
		triggers: triggers.map((t) => ({
			...t,
			polls: () => sandbox.requests.filter((r) => r.method === 'GET' && t.isPoll(r)),
		})),
		async round(spec, made) {
			return await changes(roundOf(spec, made));
		},
	};
}

/** Short names of the events in workflow IDs. */
const EVENT_ID = { newCustomer: 'New', updatedCustomer: 'Upd', newOrUpdatedCustomer: 'NewUpd' };

function triggerWorkflow(vendor, t) {
	const workflow = pollTriggerWorkflow({
		// At most 21 characters: n8n 2.41 keeps no static data for a longer workflow ID.
		id: `backlog${vendor.id}${EVENT_ID[t.event]}`,
		name: `Backlog: ${vendor.trigger} (${t.event}, poll every minute)`,
		nodeId: `backlog-${vendor.id}-${t.event}`,
		triggerName: vendor.trigger,
		type: vendor.type,
		event: t.event,
		credentials: vendor.credentials,
	});
	workflow.nodes[0].parameters.options = t.options ?? {};
	return workflow;
}

export async function triggers({ tenant }) {
	const systems = [
		{
			id: 'Jtl',
			trigger: 'JTL-Wawi Trigger',
			type: 'n8n-nodes-erp-customers.jtlWawiTrigger',
			name: 'JTL-Wawi',
			sandboxName: 'jtl',
			keyOf: (c) => c.uuid,
			triggers: [
				{
					event: 'newCustomer',
					isPoll: (r) => r.path === '/erp/v2/customers' && /^createdDate/.test(r.query.sortBy),
				},
				{
					event: 'updatedCustomer',
					isPoll: (r) => r.path === '/erp/v2/customers' && /^lastChanged/.test(r.query.sortBy),
				},
			],
		},
		{
			id: 'Xentral',
			trigger: 'Xentral Trigger',
			type: 'n8n-nodes-erp-customers.xentralTrigger',
			name: 'Xentral',
			sandboxName: 'xentral',
			keyOf: (c) => c.id,
			triggers: [
				// Simplify off: with it, each new customer costs one read of its address, and 150 of
				// them would wait on Xentral's rate limit (100 a minute), which is not under test here.
				{
					event: 'newCustomer',
					options: { simplify: false },
					isPoll: (r) => r.path === '/api/v2/customers',
				},
				{ event: 'newOrUpdatedCustomer', isPoll: (r) => r.path === '/api/v3/customers' },
			],
		},
		{
			id: 'Flow',
			trigger: 'Flow Retail Poll Trigger',
			type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
			name: 'Flow Retail',
			sandboxName: 'flow',
			keyOf: (c) => c.customerUid,
			triggers: [
				{
					event: 'newCustomer',
					isPoll: (r) => r.path.endsWith('/customers') && r.query.sortBy === 'createdAt',
				},
				{
					event: 'updatedCustomer',
					isPoll: (r) => r.path.endsWith('/customers') && r.query.sortBy === 'lastModifiedAt',
				},
			],
		},
	];
	const vendors = [];
	for (const s of systems) {
		const vendor = await system({ tenant, ...s });
		vendor.credentials = vendor.sandbox.credentialRef;
		Object.assign(vendor, { id: s.id, trigger: s.trigger, type: s.type });
		for (const t of vendor.triggers) t.workflow = triggerWorkflow(vendor, t);
		vendors.push(vendor);
	}
	const all = vendors.flatMap((v) => v.triggers.map((t) => ({ ...t, vendor: v })));
	const label = (t) => `${t.vendor.name} ${t.event}`;

	/** The IDs a trigger must emit for one round of changes. */
	const expected = (t, made) => {
		const created = made.created.map((c) => c.key);
		const updated = made.updated.map((u) => u.key);
		if (t.event === 'newCustomer') return created;
		if (t.event === 'updatedCustomer') return updated;
		return [...new Set([...created, ...updated])]; // Xentral's New or Updated Customer
	};

	const seen = new Map(all.map((t) => [t.workflow.id, new Set()]));
	/** Waits until each trigger emitted its round; returns { label: [emitted per execution] }. */
	const emittedRound = async (n8n, made) => {
		const perTrigger = {};
		for (const t of all) {
			const want = expected(t, made.get(t.vendor));
			const got = [];
			const counts = [];
			const waited = until(
				`${label(t)}: the ${want.length} changes emitted`,
				ROUND_WAIT_MS,
				async () => {
					for (const e of (await allExecutions(n8n, t.workflow.id)).reverse()) {
						if (seen.get(t.workflow.id).has(e.id) || e.status === 'running' || e.status === 'new')
							continue;
						assert.equal(e.status, 'success', `${label(t)}: execution ${e.id} ${e.status}`);
						seen.get(t.workflow.id).add(e.id);
						const items = await emittedBy(n8n, e.id, t.vendor.trigger);
						got.push(...items.map((json) => String(json.id)));
						counts.push(items.length);
					}
					return got.length >= want.length;
				},
				2000,
			);
			await waited.catch((error) => {
				const missing = want.filter((k) => !got.includes(k));
				error.message += `; emitted ${got.length} of ${want.length}, missing ${missing.slice(0, 5).join(', ')}…`;
				throw error;
			});
			// A poll that emits more comes at once; give one that is under way time to finish.
			await sleep(1500);
			for (const e of await allExecutions(n8n, t.workflow.id))
				assert.ok(
					seen.get(t.workflow.id).has(e.id) || e.status === 'running',
					`${label(t)}: execution ${e.id} after the round`,
				);
			assert.equal(new Set(got).size, got.length, `${label(t)}: a change emitted twice`);
			assert.deepEqual(
				[...got].sort(),
				[...want].sort(),
				`${label(t)}: emitted ${got.length} (${counts.join(' + ')} per execution), changed ${want.length}`,
			);
			perTrigger[label(t)] = counts;
		}
		return perTrigger;
	};

	let scenario;
	const notes = [];
	const run = async (n8n) => {
		await until('the activation poll of every backlog trigger', 90_000, () =>
			all.every((t) => t.polls().length > 0),
		);
		for (const t of all)
			assert.deepEqual(
				await allExecutions(n8n, t.workflow.id),
				[],
				`${label(t)}: activation emitted the backlog`,
			);
		const round1 = new Map();
		for (const v of vendors) round1.set(v, await v.round(ROUND_1));
		const t1 = Date.now();
		const first = await emittedRound(n8n, round1);
		notes.push(
			`round 1 (150 new, 40 changed) emitted within ${Math.round((Date.now() - t1) / 1000)} s: ${JSON.stringify(first)}`,
		);
		const round2 = new Map();
		for (const v of vendors)
			round2.set(
				v,
				await v.round(
					ROUND_2,
					round1.get(v).created.map((c) => c.key),
				),
			);
		const t2 = Date.now();
		const second = await emittedRound(n8n, round2);
		notes.push(
			`round 2 (150 new, 150 changed, 30 of them twice) within ${Math.round((Date.now() - t2) / 1000)} s: ${JSON.stringify(second)}`,
		);
	};
	/** No execution beyond those of the two rounds, and how many polls since then emitted nothing. */
	const nothingMore = async (n8n) => {
		const quiet = {};
		for (const t of all) {
			const list = await allExecutions(n8n, t.workflow.id);
			const extra = list.filter((e) => !seen.get(t.workflow.id).has(e.id));
			assert.deepEqual(
				extra.map((e) => e.id),
				[],
				`${label(t)}: emitted again`,
			);
			quiet[label(t)] = t.polls().length - t.pollsAtEnd;
		}
		return quiet;
	};

	return [
		{
			name: 'Backlog: 1,000 customers at activation, 300 and 450 changes between two polls, each emitted once (JTL-Wawi, Xentral, Flow Retail poll triggers)',
			workflows: all.map((t) => t.workflow),
			async live(n8n) {
				scenario = run(n8n).then(
					() => undefined,
					(error) => error,
				);
				return 'the rounds run beside the other cases';
			},
			async beforeStop() {
				const t0 = Date.now();
				const error = await scenario;
				if (error) throw error;
				for (const t of all) t.pollsAtEnd = t.polls().length;
				return `${notes.join('; ')}; waited ${Math.round((Date.now() - t0) / 1000)} s for them after the other cases`;
			},
			async afterRestart(n8n) {
				const quiet = await nothingMore(n8n);
				return `nothing emitted again so far; polls since round 2: ${JSON.stringify(quiet)}`;
			},
			async afterDeactivate(n8n) {
				const quiet = await nothingMore(n8n);
				const polled = Object.values(quiet).filter((n) => n > 0).length;
				return `no execution beyond the two rounds; ${polled} of ${all.length} triggers polled again after round 2 (${JSON.stringify(quiet)})`;
			},
		},
	];
}

// The JTL-Wawi Trigger (Updated Customer, polled every minute) across a restart of n8n: a change
// is emitted by the next scheduled poll; changes made while n8n is down are emitted once, by the
// first poll after the restart, and nothing emitted before the restart comes again.
import assert from 'node:assert/strict';

import { jtlTriggerWorkflow, sleep, until } from '../../../scripts/n8n-runtime.mjs';
import { directCall } from '../cases/jtl-seed.mjs';

const ID = 'liveJtlTrigger';
const TRIGGER = 'JTL-Wawi Trigger';
const POLL_WAIT_MS = 150_000;

export function triggers({ jtl }) {
	const first = jtl.requests.length;
	const polls = () =>
		jtl.requests.slice(first).filter((r) => r.method === 'GET' && r.path === '/erp/v2/customers');
	const [live, downA, downB] = [9, 5, 6].map((i) => jtl.state.customers[i]);
	const seen = new Set();
	let pollsWhileDown;
	const change = async (customer, site) => {
		const res = await directCall(jtl, 'PATCH', `/customers/${customer.id}`, { Website: site });
		assert.equal(res.status, 201, `PATCH customer: ${JSON.stringify(res.body)}`);
	};
	/** The next successful execution not seen yet, and the customer IDs its trigger emitted. */
	const nextExecution = async (n8n) => {
		const done = await until(
			'a new successful trigger execution',
			POLL_WAIT_MS,
			async () => (await n8n.executions(ID)).find((e) => e.status === 'success' && !seen.has(e.id)),
			1000,
		);
		seen.add(done.id);
		const run = (await n8n.execution(done.id)).data.resultData.runData;
		return {
			id: done.id,
			startedAt: new Date(done.startedAt).getTime(),
			emitted: run[TRIGGER][0].data.main[0].map((i) => i.json),
		};
	};
	/** Waits for one more scheduled poll and checks that it emitted nothing. */
	const quietPoll = async (n8n) => {
		const before = polls().length;
		await until('the next scheduled poll', 75_000, () => polls().length > before, 1000);
		await sleep(3000);
		const all = await n8n.executions(ID);
		assert.deepEqual(
			all.map((e) => e.id).filter((id) => !seen.has(id)),
			[],
			'a poll without changes emitted something',
		);
	};

	return [
		{
			name: 'JTL trigger (poll) across a restart',
			workflow: { ...jtlTriggerWorkflow(TRIGGER), id: ID },
			async live(n8n) {
				// The poll at activation stored JTL's time as the cursor: it reads only the newest
				// customer. (n8n polls once at activation; in queue mode twice, both alike.)
				assert.ok(polls().length >= 1, 'no poll at activation');
				for (const p of polls()) assert.equal(p.query.pageSize, '1', 'a poll before any change');
				await change(live, 'https://live-before-restart.example.com');
				const t0 = Date.now();
				const { id, emitted } = await nextExecution(n8n);
				assert.deepEqual(
					emitted.map((j) => j.id),
					[live.uuid],
				);
				assert.equal(emitted[0].updatedAt, new Date(live.lastChanged).toISOString());
				return `execution ${id} emitted the change ${Math.round((Date.now() - t0) / 1000)} s after it`;
			},
			async whileDown() {
				pollsWhileDown = polls().length;
				await change(downA, 'https://changed-while-down.example.com');
				await change(downB, 'https://changed-while-down-too.example.com');
			},
			async afterRestart(n8n) {
				const t0 = Date.now();
				const { id, startedAt, emitted } = await nextExecution(n8n);
				// The execution came from the first poll after the restart: it started after that
				// poll's request and before the second one's.
				const [firstAfter, secondAfter] = polls()
					.slice(pollsWhileDown)
					.map((r) => new Date(r.at).getTime());
				assert.ok(firstAfter, 'no poll after the restart');
				assert.ok(startedAt >= firstAfter - 1000, 'the execution started before the first poll');
				if (secondAfter)
					assert.ok(startedAt < secondAfter, 'the changes were not emitted by the first poll');
				assert.deepEqual(
					emitted.map((j) => j.id).sort(),
					[downA.uuid, downB.uuid].sort(),
					`emitted after the restart: ${JSON.stringify(emitted.map((j) => j.number))}`,
				);
				await quietPoll(n8n);
				const all = await n8n.executions(ID);
				assert.equal(all.length, 2, `executions: ${JSON.stringify(all.map((e) => e.id))}`);
				return `execution ${id} emitted the ${emitted.length} changes made while down, ${Math.round((Date.now() - t0) / 1000)} s after the restart; the next poll emitted nothing`;
			},
			async afterDeactivate() {
				const before = polls().length;
				await sleep(2000);
				assert.equal(polls().length, before, 'a deactivated trigger still polls');
			},
		},
	];
}

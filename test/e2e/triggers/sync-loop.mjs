// A two-way customer sync between JTL-Wawi and Flow Retail in a real n8n, both directions active:
// JTL-Wawi Trigger (Updated Customer) → Flow Retail Create or Update (by external ID = the JTL
// customer number), and Flow Retail Poll Trigger (Updated Customer) → JTL-Wawi Create or Update (by
// customer number = the Flow Retail external ID), each on a sandbox pair of its own.
// One change in Flow Retail, and the writes are counted from the sandboxes' request logs.
// - "loops" (today's nodes): every write changes the record's date, so the other side's trigger
//   emits it and writes it back, one write pair per poll interval for as long as both are active.
//   The case asserts that loop (more than one write pair).
// - "quiet" (Skip Unchanged on both Create or Update nodes, Only When These Fields Change on both
//   triggers): exactly one write in JTL-Wawi, none back in Flow Retail, and nothing more for at
//   least three further poll intervals of each trigger; and, on a pair of its own at the same time,
//   one change in JTL-Wawi: exactly one write in Flow Retail, none back, and nothing more for three
//   further polls of each trigger.
// Each variant runs beside the other trigger cases (`live` starts it, `beforeStop` awaits it).
import assert from 'node:assert/strict';

import { until } from '../../../scripts/n8n/driver.mjs';
import { twoWaySyncWorkflows } from '../../../scripts/demo-flows.mjs';
import { directCall } from '../cases/jtl-seed.mjs';
import { allExecutions } from '../triggerSteps.mjs';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A poll of the JTL-Wawi Trigger (Updated Customer): the v2 list by change date. */
const isJtlPoll = (r) =>
	r.path === '/erp/v2/customers' && /^lastChanged/.test(String(r.query?.sortBy ?? ''));

async function syncCase(variant, from, tenant) {
	const pairName = `sync-${variant}${from === 'jtl' ? '-jtl' : ''}`;
	const jtl = await tenant(pairName, 'jtl');
	const flow = await tenant(pairName, 'flow');
	const flows = twoWaySyncWorkflows(variant, {
		jtl: jtl.credentialRef,
		flow: flow.credentialRef,
		idSuffix: from === 'jtl' ? 'J' : '',
	});
	const customers = `/tenants/${flow.credentials.tenantUid}/customers`;
	const flowCall = async (method, path, body) => {
		const res = await fetch(`${flow.apiBase}${path}`, {
			method,
			headers: {
				authorization: `Bearer ${flow.credentials.token}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.text()}`);
	};
	// The pair: JTL-Wawi customer 1 and a Flow Retail person that carries its number as external ID.
	const jtlCustomer = jtl.state.customers[0];
	const flowCustomer = flow.state.customers[0];
	await flowCall('PUT', `${customers}/${flowCustomer.customerUid}`, {
		externalId: jtlCustomer.number,
	});

	let startedAt;
	let marks = { jtl: 0, flow: 0 };
	const writesSince = (sandbox, from, test) =>
		sandbox.requests.slice(from).filter((r) => WRITES.has(r.method) && test(r.path));
	const count = () => ({
		jtlWrites: writesSince(jtl, marks.jtl, (p) => p.startsWith('/erp/')).length,
		flowWrites: writesSince(flow, marks.flow, (p) => p.startsWith(`/v2${customers}`)).length,
		jtlPolls: jtl.requests.slice(marks.jtl).filter((r) => r.method === 'GET' && isJtlPoll(r))
			.length,
		flowPolls: flow.requests
			.slice(marks.flow)
			.filter((r) => r.method === 'GET' && r.path === `/v2${customers}` && r.query.sortBy).length,
	});
	/** For a failure message: the counts and each workflow's last execution with its error. */
	const explain = async (n8n, error) => {
		const last = {};
		for (const w of [flows.flowToJtl, flows.jtlToFlow]) {
			const [e] = await allExecutions(n8n, w.id);
			const failed =
				e && e.status !== 'success' ? (await n8n.execution(e.id)).data.resultData.error : undefined;
			last[w.id] = e ? `${e.id} ${e.status}${failed ? `: ${failed.message}` : ''}` : 'none';
		}
		error.message += `; ${JSON.stringify({ ...count(), ...(await executionCounts(n8n)), last })}`;
		throw error;
	};
	const executionCounts = async (n8n) => ({
		flowToJtlRuns: (await allExecutions(n8n, flows.flowToJtl.id)).length,
		jtlToFlowRuns: (await allExecutions(n8n, flows.jtlToFlow.id)).length,
	});

	/** The one change a user makes in Flow Retail, after both triggers' first polls. */
	const activated = async () =>
		await until(
			'both triggers activated (their first polls)',
			90_000,
			() =>
				jtl.requests.some(isJtlPoll) &&
				flow.requests.some((r) => r.method === 'GET' && r.query?.sortBy),
		);
	const change = async () => {
		await activated();
		await flowCall('PUT', `${customers}/${flowCustomer.customerUid}`, { city: 'Changed in Flow' });
		marks = { jtl: jtl.requests.length, flow: flow.requests.length };
		startedAt = Date.now();
	};

	const loops = async (n8n) => {
		await change();
		// Each hop waits for the other trigger's next poll: up to a minute each.
		await until(
			'more than one write pair',
			330_000,
			() => {
				const c = count();
				return c.jtlWrites >= 2 && c.flowWrites >= 2;
			},
			2000,
		);
		const c = { ...count(), ...(await executionCounts(n8n)) };
		assert.ok(c.flowToJtlRuns >= 2 && c.jtlToFlowRuns >= 2, JSON.stringify(c));
		assert.equal(
			flow.state.customers.filter((x) => x.externalId === jtlCustomer.number).length,
			1,
			'one Flow Retail customer for the JTL-Wawi customer',
		);
		return `one change in Flow Retail made ${c.jtlWrites} JTL-Wawi writes and ${c.flowWrites} Flow Retail writes back in ${Math.round((Date.now() - startedAt) / 1000)} s (${c.flowToJtlRuns} + ${c.jtlToFlowRuns} executions, ${c.jtlPolls} JTL-Wawi and ${c.flowPolls} Flow Retail polls): the sync loops`;
	};

	/** The one change a user makes in JTL-Wawi, after both triggers' first polls. */
	const changeInJtl = async () => {
		await activated();
		const res = await directCall(jtl, 'PATCH', `/customers/${jtlCustomer.id}`, {
			BillingAddress: { City: 'Changed in JTL-Wawi' },
		});
		assert.equal(res.status, 201, `PATCH customer: ${JSON.stringify(res.body)}`);
		marks = { jtl: jtl.requests.length, flow: flow.requests.length };
		startedAt = Date.now();
	};

	/** One change on one side: one write on the other, none back, for three more polls of each. */
	const quiet = async (n8n) => {
		const fromJtl = from === 'jtl';
		await (fromJtl ? changeInJtl() : change());
		const [there, back] = fromJtl ? ['flowWrites', 'jtlWrites'] : ['jtlWrites', 'flowWrites'];
		const [runs, runsBack] = fromJtl
			? ['jtlToFlowRuns', 'flowToJtlRuns']
			: ['flowToJtlRuns', 'jtlToFlowRuns'];
		const [side, other] = fromJtl ? ['JTL-Wawi', 'Flow Retail'] : ['Flow Retail', 'JTL-Wawi'];
		await until(`the write in ${other}`, 150_000, () => count()[there] >= 1, 2000);
		const at = count();
		// Three more poll intervals of each trigger after the write.
		await until(
			'three more polls of each trigger',
			240_000,
			() => {
				const c = count();
				return c.jtlPolls - at.jtlPolls >= 3 && c.flowPolls - at.flowPolls >= 3;
			},
			2000,
		);
		const c = { ...count(), ...(await executionCounts(n8n)) };
		assert.equal(c[there], 1, `${other} writes: ${JSON.stringify(c)}`);
		assert.equal(c[back], 0, `${side} writes back: ${JSON.stringify(c)}`);
		assert.equal(c[runs], 1, JSON.stringify(c));
		assert.ok(c[runsBack] <= 1, JSON.stringify(c));
		return `one change in ${side} made one ${other} write and nothing back for ${c.jtlPolls - at.jtlPolls} JTL-Wawi and ${c.flowPolls - at.flowPolls} Flow Retail polls (${JSON.stringify(c)})`;
	};

	let running;
	return {
		name: `Two-way sync JTL-Wawi ↔ Flow Retail (${variant}): one change in ${from === 'jtl' ? 'JTL-Wawi' : 'Flow Retail'}, ${variant === 'loops' ? 'written back and forth (today, without the options)' : 'one write, then nothing'}`,
		workflows: [flows.jtlToFlow, flows.flowToJtl],
		async live(n8n) {
			running = (variant === 'loops' ? loops : quiet)(n8n)
				.catch((error) => explain(n8n, error))
				.then(
					(note) => ({ note }),
					(error) => ({ error }),
				);
			return 'runs beside the other cases';
		},
		async beforeStop() {
			const t0 = Date.now();
			const { note, error } = await running;
			if (error) throw error;
			return `${note}; waited ${Math.round((Date.now() - t0) / 1000)} s for it after the other cases`;
		},
		async afterDeactivate(n8n) {
			const c = { ...count(), ...(await executionCounts(n8n)) };
			return `until deactivation, across the restart: ${JSON.stringify(c)}`;
		},
	};
}

export async function triggers({ tenant }) {
	return [
		await syncCase('loops', 'flow', tenant),
		await syncCase('quiet', 'flow', tenant),
		await syncCase('quiet', 'jtl', tenant),
	];
}

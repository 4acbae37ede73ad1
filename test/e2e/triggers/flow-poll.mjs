// The Flow Retail Poll Trigger (Updated Customer, by lastModifiedAt, polled every minute) across a
// restart of n8n: a change is emitted by the next scheduled poll; changes made while n8n is down
// are emitted once, by the first poll after the restart, and nothing comes twice.
import assert from 'node:assert/strict';

import { pollTriggerCase } from '../triggerSteps.mjs';

const ID = 'liveFlowPollTrigger';
const TRIGGER = 'Flow Retail Poll Trigger';

const workflow = () => ({
	id: ID,
	name: 'Flow Retail Poll Trigger (Updated Customer, poll every minute)',
	active: false,
	nodes: [
		{
			id: 'flow-poll-trigger',
			name: TRIGGER,
			type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				event: 'updatedCustomer',
				options: {},
			},
			credentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
		},
		{
			id: 'no-op',
			name: 'No Operation',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [240, 0],
			parameters: {},
		},
	],
	connections: { [TRIGGER]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
});

export function triggers({ flow }) {
	const first = flow.requests.length;
	const list = `/tenants/${flow.credentials.tenantUid}/customers`;
	const customers = { live: 9, 'down-a': 5, 'down-b': 6 };
	return [
		pollTriggerCase({
			name: 'Flow Retail poll trigger (updated customer) across a restart',
			workflow: workflow(),
			trigger: TRIGGER,
			polls: () =>
				flow.requests.slice(first).filter((r) => r.method === 'GET' && r.path.endsWith(list)),
			async change(tag) {
				const uid = flow.state.customers[customers[tag]].customerUid;
				const res = await fetch(`${flow.apiBase}${list}/${uid}`, {
					method: 'PUT',
					headers: {
						authorization: `Bearer ${flow.credentials.token}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify({ city: `Changed ${tag}` }),
				});
				assert.equal(res.status, 200, `PUT customer: ${await res.text()}`);
				return uid;
			},
			keyOf: (json) => String(json.id),
		}),
	];
}

// The Flow Retail Poll Trigger (Updated Customer, by lastModifiedAt, polled every minute) across a
// restart of n8n: a change is emitted by the next scheduled poll; changes made while n8n is down
// are emitted once, by the first poll after the restart, and nothing comes twice.
import assert from 'node:assert/strict';

import { pollTriggerWorkflow } from '../../../systems/workflows.mjs';
import { pollTriggerCase } from '../triggerSteps.mjs';

const ID = 'liveFlowPollTrigger';
const TRIGGER = 'Flow Retail Poll Trigger';

const workflow = () =>
	pollTriggerWorkflow({
		id: ID,
		name: 'Flow Retail Poll Trigger (Updated Customer, poll every minute)',
		nodeId: 'flow-poll-trigger',
		triggerName: TRIGGER,
		type: 'n8n-nodes-erp-customers.flowRetailPollTrigger',
		event: 'updatedCustomer',
		credentials: { flowRetailApi: { id: 'flowRetailSandbox', name: 'Flow Retail sandbox' } },
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

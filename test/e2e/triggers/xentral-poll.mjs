// The Xentral Trigger (New Customer, ID watermark, polled every minute) across a restart of n8n: a
// customer created in the sandbox is emitted by the next scheduled poll; customers created while
// n8n is down are emitted once, by the first poll after the restart, and nothing comes twice.
import assert from 'node:assert/strict';

import { xentralTriggerWorkflow } from '../../../systems/xentral.mjs';
import { pollTriggerCase } from '../triggerSteps.mjs';

const TRIGGER = 'Xentral Trigger';

export function triggers({ xentral }) {
	const first = xentral.requests.length;
	return [
		pollTriggerCase({
			name: 'Xentral trigger (poll, new customer) across a restart',
			workflow: { ...xentralTriggerWorkflow(TRIGGER), id: 'liveXentralTrigger' },
			trigger: TRIGGER,
			polls: () =>
				xentral.requests
					.slice(first)
					.filter((r) => r.method === 'GET' && r.path === '/api/v2/customers'),
			async change(tag) {
				const res = await fetch(`${xentral.url}/api/v2/customers`, {
					method: 'POST',
					headers: {
						authorization: `Bearer ${xentral.credentials.token}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify({
						customerType: 'company',
						name: `Live trigger ${tag} GmbH`,
						project: { id: '1' },
					}),
				});
				assert.equal(res.status, 201, `create customer: ${await res.text()}`);
				return String(xentral.state.nextIds.customer);
			},
			keyOf: (json) => String(json.id),
		}),
	];
}

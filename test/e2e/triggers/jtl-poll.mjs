// The JTL-Wawi Trigger (Updated Customer, polled every minute) across a restart of n8n: a change
// is emitted by the next scheduled poll; changes made while n8n is down are emitted once, by the
// first poll after the restart, and nothing emitted before the restart comes again. The trigger
// watches the e-mail only (Only When These Fields Change): each change below is a customer's first
// since activation and is emitted once; a later change of another field of the customer emitted
// live is not emitted, also after the restart (the memory is kept in n8n's database).
import assert from 'node:assert/strict';

import { jtlTriggerWorkflow } from '../../../systems/jtl.mjs';
import { directCall } from '../cases/jtl-seed.mjs';
import { pollTriggerCase } from '../triggerSteps.mjs';

const TRIGGER = 'JTL-Wawi Trigger';

export function triggers({ jtl }) {
	const first = jtl.requests.length;
	const customers = { live: 9, 'down-a': 5, 'down-b': 6 };
	const sites = {
		live: 'https://live-before-restart.example.com',
		'down-a': 'https://changed-while-down.example.com',
		'down-b': 'https://changed-while-down-too.example.com',
	};
	const live = jtl.state.customers[customers.live];
	const workflow = { ...jtlTriggerWorkflow(TRIGGER), id: 'liveJtlTrigger' };
	workflow.nodes = workflow.nodes.map((node) =>
		node.name === TRIGGER
			? { ...node, parameters: { ...node.parameters, options: { changeFields: ['email'] } } }
			: node,
	);
	return [
		pollTriggerCase({
			name: 'JTL trigger (poll) across a restart',
			workflow,
			trigger: TRIGGER,
			polls: () =>
				jtl.requests
					.slice(first)
					.filter((r) => r.method === 'GET' && r.path === '/erp/v2/customers'),
			// The poll at activation stored JTL's time as the cursor: it reads only the newest
			// customer. (n8n polls once at activation, in queue mode twice; a scheduled poll may
			// follow before the change is made, and reads the window as usual.)
			firstPolls: (polls) => {
				assert.ok(polls.length > 0, 'no poll at activation');
				assert.equal(polls[0].query.pageSize, '1', 'the poll at activation');
			},
			async change(tag) {
				const customer = jtl.state.customers[customers[tag]];
				const res = await directCall(jtl, 'PATCH', `/customers/${customer.id}`, {
					Website: sites[tag],
				});
				assert.equal(res.status, 201, `PATCH customer: ${JSON.stringify(res.body)}`);
				return customer.uuid;
			},
			// The customer emitted live, changed again in a field not watched: no execution.
			async quietChange() {
				const res = await directCall(jtl, 'PATCH', `/customers/${live.id}`, {
					Website: 'https://not-watched.example.com',
				});
				assert.equal(res.status, 201, `PATCH customer: ${JSON.stringify(res.body)}`);
				return 'after a change of a field not watched';
			},
			keyOf: (json) => json.id,
			checkLive: ([emitted]) =>
				assert.equal(emitted.updatedAt, new Date(live.lastChanged).toISOString()),
		}),
	];
}

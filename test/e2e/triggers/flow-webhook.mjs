// The Flow Retail Trigger (webhook, customer created) across a restart of n8n: activation registers
// an HTTP transport with a bearer secret; a customer created in the sandbox is delivered and runs
// the workflow; a delivery without the secret is refused with 401 and runs nothing; after the
// restart one transport still works; a customer created while n8n is down is delivered by one of
// Flow Retail's retries (network errors and 5xx, exponential backoff) after the restart; the live
// delivery sent again byte for byte (its bearer secret is valid for the whole activation) is
// answered 200 and runs nothing, before and after the restart; deactivation removes it.
import assert from 'node:assert/strict';

import { flowRetailTriggerWorkflow } from '../../../systems/flowRetail.mjs';
import { webhookTriggerCase } from '../triggerSteps.mjs';

export function triggers({ flow }) {
	const workflow = flowRetailTriggerWorkflow('liveFlowTrigger');
	// Only creations: the Flow Retail poll case changes customers at the same time.
	workflow.nodes[0].parameters.events = ['CUSTOMER_CREATE'];
	const deliveries = new Map();
	return [
		webhookTriggerCase({
			name: 'Flow Retail trigger (webhook) across a restart',
			workflow,
			nodeId: 'flow-trigger',
			trigger: 'Flow Retail Trigger',
			registrations: () => flow.state.transports,
			retriesWhileDown: 'Flow Retail retries up to 10 times with exponential backoff',
			deliveryOf: (tag) => deliveries.get(tag),
			sentOf: (tag) => deliveries.get(tag)?.sent,
			checkRegistration(transport, n8n) {
				assert.equal(transport.securityType, 'BEARER_TOKEN');
				assert.match(transport.url, new RegExp(`^${n8n.url}/webhook/`));
				assert.deepEqual(transport.actions, ['CUSTOMER_CREATE']);
			},
			async deliver(tag) {
				const customerUid = `live-webhook-${tag}`;
				const res = await fetch(`${flow.apiBase}/tenants/${flow.credentials.tenantUid}/customers`, {
					method: 'POST',
					headers: {
						authorization: `Bearer ${flow.credentials.token}`,
						'content-type': 'application/json',
					},
					body: JSON.stringify({
						customerUid,
						firstname: 'Live',
						lastname: tag,
						countryCode: 'NO',
					}),
				});
				assert.equal(res.status, 201, `create customer: ${await res.text()}`);
				// The sandbox logs the delivery before it answers; this case alone subscribes to creations.
				deliveries.set(
					tag,
					flow.deliveries().findLast((d) => d.event === 'CUSTOMER_CREATE'),
				);
				return (emitted) => {
					assert.deepEqual(
						emitted.map((e) => [e.action, e.customerUid]),
						[['CUSTOMER_CREATE', customerUid]],
					);
				};
			},
			async forge(url) {
				const res = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', authorization: 'Bearer forged' },
					body: JSON.stringify({
						action: 'CUSTOMER_CREATE',
						customer: { Id: 1, Uid: 'cust-0001' },
					}),
				});
				return res.status;
			},
		}),
	];
}

// The Xentral Sales Price Trigger (webhook) across a restart of n8n: activation registers a webhook
// with a derived signature key; a sales price created, and after the restart one changed, in the
// sandbox is delivered signed and runs the workflow; a forged delivery is refused with 401 and runs
// nothing; the live delivery sent again byte for byte (its signature covers only the body) is
// answered 200 and runs nothing, before and after the restart; after the restart one registration
// still works; deactivation removes it.
import assert from 'node:assert/strict';

import { xentralSalesPriceTriggerWorkflow } from '../../../systems/xentral.mjs';
import { webhookTriggerCase } from '../triggerSteps.mjs';

export function triggers({ xentral }) {
	const api = async (method, apiPath, body) => {
		const res = await fetch(`${xentral.url}${apiPath}`, {
			method,
			headers: {
				authorization: `Bearer ${xentral.credentials.token}`,
				'content-type': 'application/json',
			},
			body: JSON.stringify(body),
		});
		return { status: res.status, location: res.headers.get('location') };
	};
	let priceId;
	const sent = new Map();
	/** The request the sandbox sent for the sales-price event just announced. */
	const captured = (tag) => sent.set(tag, xentral.deliveries().at(-1));
	return [
		webhookTriggerCase({
			name: 'Xentral sales price trigger (webhook) across a restart',
			workflow: { ...xentralSalesPriceTriggerWorkflow(), id: 'liveXentralPriceHook' },
			nodeId: 'price-trigger',
			trigger: 'Xentral Sales Price Trigger',
			registrations: () => xentral.state.webhooks,
			sentOf: (tag) => sent.get(tag)?.sent,
			checkRegistration(hook, n8n) {
				assert.equal(hook.url, `${n8n.url}/webhook/xentral-sales-prices/webhook`);
				assert.match(hook.signatureKey, /^[0-9a-f]{64}$/);
			},
			async deliver(tag) {
				if (!priceId) {
					const res = await api('POST', '/api/v1/salesPrices', {
						product: { id: '14' },
						customer: { id: '3' },
						amount: 71,
						price: { amount: '5.00', currency: 'EUR' },
					});
					assert.equal(res.status, 201, `create sales price (${tag})`);
					captured(tag);
					priceId = res.location.split('/').pop();
					return ([event]) => {
						assert.equal(event.event, 'created');
						assert.equal(event.price, 5);
					};
				}
				const res = await api('PATCH', `/api/v1/salesPrices/${priceId}`, {
					price: { amount: '6.50', currency: 'EUR' },
				});
				assert.equal(res.status, 204, `change sales price (${tag})`);
				captured(tag);
				return ([event]) => {
					assert.equal(event.event, 'updated');
					assert.equal(event.price, 6.5);
				};
			},
			async forge(url) {
				const res = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-xentral-signature': '0'.repeat(64) },
					body: JSON.stringify({ type: 'com.xentral.salesPrice.deleted.v1', body: { id: 1 } }),
				});
				return res.status;
			},
		}),
	];
}

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { createWebhookDeliverer, deliveryControl } from './webhooks.mjs';

/** A receiver that answers each request with the next status of `statuses` (then the last one). */
async function receiver(statuses, { hangMs = 0 } = {}) {
	const received = [];
	const server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			const status = statuses[Math.min(received.length - 1, statuses.length - 1)];
			if (hangMs) setTimeout(() => res.writeHead(status).end(), hangMs).unref();
			else res.writeHead(status).end();
		});
	});
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	return {
		url: `http://127.0.0.1:${server.address().port}/hook`,
		received,
		close: () => new Promise((r) => server.close(r)),
	};
}

test('delivers with the vendor headers and logs one attempt', async () => {
	const target = await receiver([200]);
	const deliverer = createWebhookDeliverer({
		headersFor: (sub, bodyText) => ({ 'x-token': sub.secret, 'x-length': String(bodyText.length) }),
	});
	deliverer.deliver({ id: 's1', url: target.url, secret: 'k' }, { type: 'price.created', id: 7 });
	await deliverer.settled();
	assert.equal(target.received.length, 1);
	assert.equal(target.received[0].headers['x-token'], 'k');
	assert.deepEqual(JSON.parse(target.received[0].body), { type: 'price.created', id: 7 });
	const [record] = deliverer.deliveries();
	assert.equal(record.outcome, 'delivered');
	assert.equal(record.event, 'price.created');
	assert.equal(record.attempts.length, 1);
	await target.close();
});

test("keeps what it sent for a replay in process, out of the control endpoint's JSON", async () => {
	const target = await receiver([200]);
	const deliverer = createWebhookDeliverer({ headersFor: (sub) => ({ 'x-token': sub.secret }) });
	deliverer.deliver({ id: 's1', url: target.url, secret: 'k' }, { type: 'price.updated', id: 8 });
	await deliverer.settled();
	const [record] = deliverer.deliveries();
	assert.deepEqual(record.sent, {
		url: target.url,
		body: target.received[0].body,
		headers: { 'content-type': 'application/json', 'x-token': 'k' },
	});
	assert.equal('sent' in JSON.parse(JSON.stringify(record)), false);
	await target.close();
});

test('retries a 5xx up to maxRetries and gives up as failed', async () => {
	const target = await receiver([503]);
	const deliverer = createWebhookDeliverer({ maxRetries: 3, retryDelayMs: () => 1 });
	deliverer.deliver({ id: 's', url: target.url }, { type: 'x' });
	await deliverer.settled();
	assert.equal(target.received.length, 4);
	assert.equal(deliverer.deliveries()[0].outcome, 'failed');
	await target.close();
});

test('stops retrying once the receiver accepts', async () => {
	const target = await receiver([500, 502, 204]);
	const deliverer = createWebhookDeliverer({ retryDelayMs: () => 1 });
	deliverer.deliver({ id: 's', url: target.url }, { type: 'x' });
	await deliverer.settled();
	assert.equal(target.received.length, 3);
	assert.equal(deliverer.deliveries()[0].outcome, 'delivered');
	await target.close();
});

test('never retries a 4xx', async () => {
	const target = await receiver([401]);
	const deliverer = createWebhookDeliverer({ retryDelayMs: () => 1 });
	deliverer.deliver({ id: 's', url: target.url }, { type: 'x' });
	await deliverer.settled();
	assert.equal(target.received.length, 1);
	assert.equal(deliverer.deliveries()[0].outcome, 'refused');
	await target.close();
});

test('an attempt that outlasts the timeout counts as an error and is retried', async () => {
	const target = await receiver([200], { hangMs: 300 });
	const deliverer = createWebhookDeliverer({ timeoutMs: 50, maxRetries: 1, retryDelayMs: () => 1 });
	deliverer.deliver({ id: 's', url: target.url }, { type: 'x' });
	await deliverer.settled();
	const [record] = deliverer.deliveries();
	assert.deepEqual(
		record.attempts.map((a) => a.error),
		['timeout', 'timeout'],
	);
	assert.equal(record.outcome, 'failed');
	await target.close();
});

test('the control endpoints list deliveries after they settle, and clear them', async () => {
	const target = await receiver([200]);
	const deliverer = createWebhookDeliverer();
	const control = deliveryControl(deliverer);
	deliverer.deliver({ id: 's', url: target.url }, { type: 'x' });
	const listed = await control['GET deliveries']();
	assert.equal(listed.body.length, 1);
	assert.equal(listed.body[0].outcome, 'delivered');
	assert.equal(control['DELETE deliveries']().status, 204);
	assert.equal(deliverer.deliveries().length, 0);
	await target.close();
});

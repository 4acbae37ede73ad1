// Outbound webhook deliveries: `{type, body}` posted to every webhook registered for the event,
// signed with its key (signature.mjs), retried on failure, every attempt recorded in
// state.deliveries.
import { setTimeout as delay } from 'node:timers/promises';

import { SIGNATURE_HEADER, signBody } from './signature.mjs';

const EVENT_VERSION = 'v1';

/** The event body as the Events spec describes it: integer IDs; `deleted` carries only the ID. */
export function eventBody(kind, price) {
	const int = (v) => (v === null || v === undefined ? null : Number(v));
	if (kind.endsWith('.deleted')) return { id: int(price.id) };
	return {
		id: int(price.id),
		product: { id: int(price.product.id) },
		customer: price.customer ? { id: int(price.customer.id) } : null,
		customerGroup: price.customerGroup ? { id: int(price.customerGroup.id) } : null,
		amount: price.amount,
		price: { amount: price.price.amount, currency: price.price.currency },
		validFrom: price.validFrom,
		expiresAt: price.expiresAt,
	};
}

/**
 * @param options { retries = 3, retryDelayMs = 200 }
 * @returns announce(state, kind, record): queues the deliveries and returns at once
 */
export function createAnnouncer(options = {}) {
	const retries = options.retries ?? 3;
	const retryDelayMs = options.retryDelayMs ?? 200;

	async function deliver(state, hook, type, raw) {
		for (let attempt = 1; attempt <= retries + 1; attempt++) {
			const record = { webhookId: hook.id, type, url: hook.url, attempt, status: null };
			state.deliveries.push(record);
			try {
				const res = await fetch(hook.url, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						[SIGNATURE_HEADER]: signBody(raw, hook.signatureKey),
					},
					body: raw,
					signal: AbortSignal.timeout(5000),
				});
				record.status = res.status;
				await res.arrayBuffer().catch(() => undefined);
				if (res.ok) return;
			} catch (err) {
				record.error = String(err?.message ?? err);
			}
			if (attempt <= retries) await delay(retryDelayMs * attempt, undefined, { ref: false });
		}
	}

	return function announce(state, kind, record) {
		const type = `com.xentral.${kind}.${EVENT_VERSION}`;
		const raw = JSON.stringify({ type, body: eventBody(kind, record) });
		for (const hook of state.webhooks) {
			if (hook.events.some((e) => e.id === type)) void deliver(state, hook, type, raw);
		}
	};
}

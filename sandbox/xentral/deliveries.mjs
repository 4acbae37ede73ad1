// Outbound webhook deliveries of sales-price events, on the shared deliverer: `{type, body}`
// posted to every webhook registered for the event, signed with its key (signature.mjs).
import { createWebhookDeliverer } from '../shared/webhooks.mjs';
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
 * @returns { deliverer, announce(state, kind, record) }: announce queues the deliveries and
 *   returns at once
 */
export function createAnnouncer(options = {}) {
	const retryDelayMs = options.retryDelayMs ?? 200;
	const deliverer = createWebhookDeliverer({
		timeoutMs: 5000,
		maxRetries: options.retries ?? 3,
		retryDelayMs: (n) => retryDelayMs * n,
		headersFor: (hook, bodyText) => ({ [SIGNATURE_HEADER]: signBody(bodyText, hook.signatureKey) }),
	});
	function announce(state, kind, record) {
		const type = `com.xentral.${kind}.${EVENT_VERSION}`;
		const event = { type, body: eventBody(kind, record) };
		for (const hook of state.webhooks)
			if (hook.events.some((e) => e.id === type)) deliverer.deliver(hook, event);
	}
	return { deliverer, announce };
}

// Webhook delivery as Flow Retail documents it [verified: API introduction/webhooks], on the shared
// deliverer: an HTTP POST of a thin payload (PascalCase `Id`/`Uid`), sent at once; a 10 s timeout;
// up to 10 retries with exponential backoff on a timeout, a network error or 5xx; no retry on any
// 4xx (429 included). The transport's security settings give the headers.
import { createWebhookDeliverer } from '../shared/webhooks.mjs';

/** The headers a transport's security settings give a delivery. */
export function securityHeaders(transport) {
	const headers = {};
	if (transport.securityType === 'BEARER_TOKEN')
		headers.authorization = `Bearer ${transport.token}`;
	if (transport.securityType === 'BASIC_AUTH')
		headers.authorization = `Basic ${Buffer.from(`${transport.username}:${transport.password}`).toString('base64')}`;
	for (const { key, value } of transport.headers ?? []) headers[key] = value;
	return headers;
}

/** The deliverer of one sandbox, with Flow Retail's timeout and retry rule. */
export function flowDeliverer(options) {
	return createWebhookDeliverer({
		timeoutMs: options.webhookTimeoutMs,
		maxRetries: 10,
		retryDelayMs: (n) => options.webhookBackoffMs * 2 ** (n - 1),
		headersFor: (transport) => securityHeaders(transport),
	});
}

/**
 * Sends `action` about `entity` (`{customer: {Id, Uid}}` or `{price: ...}`) to every transport bound
 * to that action. How an action is bound to a transport is undocumented; here a transport lists
 * its `actions` [assumption, README].
 */
export function emitEvent(state, deliverer, options, action, entity) {
	const payload = {
		action,
		tenant: { Id: 7, Uid: options.tenantUid },
		...entity,
		tenantUser: { Id: 14, Uid: 'integration-user' },
	};
	return state.transports
		.filter((t) => (t.actions ?? []).includes(action))
		.map((t) => deliverer.deliver({ ...t, id: t.httpTransportUid }, payload));
}

/** A numeric `Id` for the thin payload, stable per UID. */
export function numericId(uid) {
	let h = 0;
	for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return h % 1_000_000;
}

// Webhook delivery as Flow Retail documents it [verified: API introduction/webhooks]: an HTTP POST
// of a thin payload (PascalCase `Id`/`Uid`), sent at once; a 10 s timeout; up to 10 retries with
// exponential backoff on a timeout, a network error or 5xx; no retry on any 4xx (429 included);
// < 300 is success. Every attempt is logged in `state.deliveries`.
import { setTimeout as delay } from 'node:timers/promises';

export const DELIVERY_TIMEOUT_MS = 10_000;
export const DELIVERY_MAX_RETRIES = 10;

/** The headers a transport's security settings give a delivery. */
function securityHeaders(transport) {
	const headers = {};
	if (transport.securityType === 'BEARER_TOKEN')
		headers.authorization = `Bearer ${transport.token}`;
	if (transport.securityType === 'BASIC_AUTH')
		headers.authorization = `Basic ${Buffer.from(`${transport.username}:${transport.password}`).toString('base64')}`;
	for (const { key, value } of transport.headers ?? []) headers[key] = value;
	return headers;
}

/** One POST with the timeout; resolves to { status } or { error }. */
async function attempt(url, headers, payload, timeoutMs) {
	try {
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body: JSON.stringify(payload),
			signal: AbortSignal.timeout(timeoutMs),
		});
		await res.arrayBuffer().catch(() => undefined);
		return { status: res.status };
	} catch (err) {
		return {
			error: err?.name === 'TimeoutError' ? 'timeout' : String(err?.cause?.code ?? err?.message),
		};
	}
}

/**
 * Delivers one event to one transport with the documented retry rules. `backoffMs` is the first
 * wait (doubling each retry); the sandbox option `webhookBackoffMs` makes it short for tests.
 */
export async function deliver(state, transport, payload, options) {
	const record = {
		httpTransportUid: transport.httpTransportUid,
		action: payload.action,
		url: transport.url,
		attempts: [],
		outcome: 'pending',
	};
	state.deliveries.push(record);
	const headers = securityHeaders(transport);
	for (let retry = 0; ; retry++) {
		const result = await attempt(transport.url, headers, payload, options.webhookTimeoutMs);
		record.attempts.push(result);
		if (result.status !== undefined && result.status < 300) {
			record.outcome = 'delivered';
			return record;
		}
		const retryable = result.error !== undefined || result.status >= 500;
		if (!retryable || retry >= DELIVERY_MAX_RETRIES) {
			record.outcome = 'failed';
			return record;
		}
		await delay(options.webhookBackoffMs * 2 ** retry, undefined, { ref: false });
	}
}

/**
 * Sends `action` about `entity` (`{customer: {Id, Uid}}` or `{price: ...}`) to every transport bound
 * to that action. How an action is bound to a transport is undocumented; here a transport lists
 * its `actions` [assumption, README]. Returns the delivery promises (tests may await them).
 */
export function emitEvent(state, options, action, entity) {
	const payload = {
		action,
		tenant: { Id: 7, Uid: options.tenantUid },
		...entity,
		tenantUser: { Id: 14, Uid: 'integration-user' },
	};
	const pending = state.transports
		.filter((t) => (t.actions ?? []).includes(action))
		.map((t) => deliver(state, t, payload, options));
	state.pendingDeliveries = (state.pendingDeliveries ?? []).concat(pending);
	return pending;
}

/** A numeric `Id` for the thin payload, stable per UID. */
export function numericId(uid) {
	let h = 0;
	for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return h % 1_000_000;
}

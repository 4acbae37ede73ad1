// Outbound webhook deliveries of a sandbox: each event is POSTed to every subscription that wants
// it, with the vendor's own headers (signature, token), a timeout per attempt, and the vendor's retry
// rule. Every attempt is logged, so a test can see what was sent, what the receiver answered and
// whether the sandbox gave up; in process, a delivery's `sent` request can be replayed. Deliveries run in the background; `settled()` waits for them.
import { setTimeout as delay } from 'node:timers/promises';

/**
 * @param options
 *   timeoutMs      per attempt (default 10 s)
 *   maxRetries     retries after the first attempt when `retryOn` says so (default 10)
 *   retryDelayMs   (retryNumber) => ms to wait before that retry (default 1 s, doubling, at most 60 s)
 *   retryOn        ({ status, error }) => boolean; default: a network error, a timeout or a 5xx
 *   headersFor     (subscription, bodyText, event) => extra headers (signature, token)
 *   bodyFor        (event, subscription) => the JSON body to send (default: the event)
 */
export function createWebhookDeliverer(options = {}) {
	const {
		timeoutMs = 10_000,
		maxRetries = 10,
		retryDelayMs = (n) => Math.min(60_000, 1000 * 2 ** (n - 1)),
		retryOn = ({ status, error }) => Boolean(error) || (status >= 500 && status <= 599),
		headersFor = () => ({}),
		bodyFor = (event) => event,
	} = options;
	const log = [];
	const running = new Set();
	let nextId = 1;

	async function attempt(subscription, bodyText, event) {
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), timeoutMs);
		timer.unref?.();
		try {
			const res = await fetch(subscription.url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					...headersFor(subscription, bodyText, event),
				},
				body: bodyText,
				signal: controller.signal,
			});
			await res.text().catch(() => '');
			return { status: res.status };
		} catch (err) {
			return { error: controller.signal.aborted ? 'timeout' : String(err?.message ?? err) };
		} finally {
			clearTimeout(timer);
		}
	}

	async function run(record, subscription, event) {
		const bodyText = JSON.stringify(bodyFor(event, subscription));
		// What was sent, byte for byte, for a test that replays a genuine delivery. Kept out of the
		// control endpoint's JSON (not enumerable): it holds the receiver's secret or signature.
		Object.defineProperty(record, 'sent', {
			value: {
				url: subscription.url,
				body: bodyText,
				headers: {
					'content-type': 'application/json',
					...headersFor(subscription, bodyText, event),
				},
			},
			enumerable: false,
		});
		for (let n = 0; ; n++) {
			if (n > 0) await delay(retryDelayMs(n), undefined, { ref: false });
			const result = await attempt(subscription, bodyText, event);
			record.attempts.push({ at: new Date().toISOString(), ...result });
			if (result.status >= 200 && result.status <= 299) {
				record.outcome = 'delivered';
				return;
			}
			if (!retryOn(result) || n >= maxRetries) {
				record.outcome = result.status >= 400 && result.status <= 499 ? 'refused' : 'failed';
				return;
			}
		}
	}

	return {
		/** Sends one event to one subscription in the background; returns the delivery's log record. */
		deliver(subscription, event) {
			const record = {
				id: nextId++,
				subscriptionId: subscription.id,
				url: subscription.url,
				event: event?.type ?? event?.action ?? event?.event,
				attempts: [],
				outcome: 'pending',
			};
			log.push(record);
			const job = run(record, subscription, event).finally(() => running.delete(job));
			running.add(job);
			return record;
		},
		/** Every delivery so far, oldest first. */
		deliveries: () => log,
		/** Resolves when no delivery is in flight. */
		async settled() {
			while (running.size) await Promise.allSettled([...running]);
		},
		reset() {
			log.length = 0;
		},
	};
}

/** Control endpoints for a deliverer: GET/DELETE /__sandbox/deliveries (GET waits for in-flight ones). */
export function deliveryControl(deliverer) {
	return {
		'GET deliveries': async () => {
			await deliverer.settled();
			return { status: 200, body: deliverer.deliveries() };
		},
		'DELETE deliveries': () => {
			deliverer.reset();
			return { status: 204 };
		},
	};
}

// Control endpoints under /__sandbox/ (no auth, never logged): reset, requests, faults, state,
// clock, plus any a vendor adds as { 'METHOD action': (parsed, sandbox) => ({ status, body? }) }.
import { describeFault } from './faults.mjs';

const bad = (message) => ({ status: 400, body: { error: message } });

/**
 * @param sandbox handle: { requests, faults, addFault, reset, advanceClock, summary }
 * @param extra the vendor's own control endpoints
 * @returns {{ status, body? }}
 */
export function controlResponse(sandbox, method, action, parsed, extra = {}) {
	const route = `${method} ${action}`;
	if (Object.hasOwn(extra, route)) return extra[route](parsed, sandbox);
	switch (route) {
		case 'POST reset':
			sandbox.reset();
			return { status: 200, body: { ok: true } };
		case 'GET requests':
			return { status: 200, body: sandbox.requests };
		case 'DELETE requests':
			sandbox.requests.length = 0;
			return { status: 204 };
		case 'GET faults':
			return { status: 200, body: sandbox.faults.map(describeFault) };
		case 'DELETE faults':
			sandbox.faults.length = 0;
			return { status: 204 };
		case 'POST faults': {
			if (parsed.kind !== 'json' || parsed.error)
				return bad('body must be a JSON fault or array of faults');
			try {
				const added = [].concat(parsed.value).map((f) => sandbox.addFault(f));
				return { status: 201, body: added.map(describeFault) };
			} catch (err) {
				return bad(err.message);
			}
		}
		case 'GET state':
			return { status: 200, body: sandbox.summary() };
		case 'POST clock': {
			const seconds = parsed.kind === 'json' ? parsed.value?.offsetSeconds : undefined;
			if (typeof seconds !== 'number' || !Number.isFinite(seconds))
				return bad('body must be {"offsetSeconds": <number>}');
			sandbox.advanceClock(seconds);
			const { clockOffsetSeconds, now } = sandbox.summary();
			return { status: 200, body: { clockOffsetSeconds, now } };
		}
		default:
			return { status: 404, body: { error: `unknown control endpoint ${route}` } };
	}
}

// Scenario "idle trigger poll": the package's JTL-Wawi Trigger (Updated Customer, every minute) is
// active on a second, idle JTL sandbox for the whole benchmark, polled by n8n's own scheduler.
// Nothing changes there, so every poll should cost one request. n8n polls at most once a minute
// (a shorter interval is refused), so the polls are counted over the whole run: requests to
// GET /v2/customers, grouped into polls by a gap of more than 5 s (a poll's requests follow each
// other within milliseconds; polls are a minute apart). n8n runs one poll when it activates the
// workflow, to see that the trigger works; the trigger's first poll reads only the API's clock.
import { triggerWorkflow } from '../workflows.mjs';

export const TRIGGER_WORKFLOW = 'bench-idle-trigger';

export function workflows() {
	return [triggerWorkflow(TRIGGER_WORKFLOW)];
}

/** Polls seen so far on the idle sandbox: [{ at, api, token }] one entry per poll. */
export function pollsOf(idle) {
	const polls = [];
	let last = -Infinity;
	for (const r of idle.requests) {
		const at = Date.parse(r.at) || 0;
		const isApi = r.path.startsWith('/erp/');
		if (isApi && at - last > 5_000) polls.push({ at, api: 0, token: 0, other: 0 });
		const poll = polls.at(-1);
		if (isApi) last = at;
		if (!poll) continue;
		if (r.method === 'GET' && r.path === '/erp/v2/customers') poll.api++;
		else if (r.path === '/oauth2/token') poll.token++;
		else poll.other++;
	}
	return polls;
}

export function summary(idle, activatedAt) {
	const polls = pollsOf(idle);
	const tokens = idle.requests.filter((r) => r.path === '/oauth2/token').length;
	const api = polls.reduce((n, p) => n + p.api + p.other, 0);
	return {
		key: 'poll',
		title: 'Idle trigger poll (package trigger, every minute, idle tenant)',
		minutesObserved: Math.round((Date.now() - activatedAt) / 600) / 100,
		polls: polls.length,
		requestsPerPoll: polls.map((p) => p.api + p.other),
		tokenRequests: tokens,
		apiRequests: api,
		meanRequestsPerPoll: polls.length ? api / polls.length : null,
		minimumRequests: 1,
		emitted: 0,
	};
}

// Scenario "idle trigger poll", per system: the package's poll trigger (the system's
// `bench.pollTrigger`, every minute) is active on a second, idle sandbox of the system for the
// whole benchmark, polled by n8n's own scheduler. Nothing changes there, so every poll should cost
// one request. n8n polls at most once a minute (a shorter interval is refused), so the polls are
// counted over the whole run: API requests (the system's `bench.isApi`), grouped into polls by a
// gap of more than 5 s (a poll's requests follow each other within milliseconds; polls are a
// minute apart). Token requests (`bench.isToken`) are counted apart. n8n runs one poll when it
// activates the workflow, to see that the trigger works.
import { triggerWorkflow } from '../workflows.mjs';

export const triggerWorkflowId = (system) => `bench-${system.key}-idle-trigger`;

export function workflows(system) {
	return [triggerWorkflow(system, triggerWorkflowId(system))];
}

/** One request as a line for the report: method, path and query, with the sandbox's time. */
const lineOf = (r) =>
	`${r.at} ${r.method} ${r.path}${Object.keys(r.query ?? {}).length ? `?${new URLSearchParams(r.query)}` : ''}`;

/** Polls seen so far on the idle sandbox: [{ at, api, lines }] one entry per poll. */
export function pollsOf(system, idle) {
	const polls = [];
	let last = -Infinity;
	for (const r of idle.requests) {
		if (!system.bench.isApi(r)) continue;
		const at = Date.parse(r.at) || 0;
		if (at - last > 5_000) polls.push({ at, api: 0, lines: [] });
		last = at;
		polls.at(-1).api++;
		polls.at(-1).lines.push(lineOf(r));
	}
	return polls;
}

export function summary(system, idle, activatedAt) {
	const polls = pollsOf(system, idle);
	const api = polls.reduce((n, p) => n + p.api, 0);
	return {
		system: system.key,
		key: `${system.key}.poll`,
		title: `${system.title}: idle poll (${system.bench.pollTrigger.title}, every minute, idle tenant)`,
		minutesObserved: Math.round((Date.now() - activatedAt) / 600) / 100,
		polls: polls.length,
		requestsPerPoll: polls.map((p) => p.api),
		// What each of the first two polls asked, so that a poll of more than one request can be read.
		firstPolls: polls.slice(0, 2).map((p) => p.lines),
		tokenRequests: idle.requests.filter((r) => system.bench.isToken?.(r)).length,
		apiRequests: api,
		meanRequestsPerPoll: polls.length ? api / polls.length : null,
		minimumRequests: 1,
		emitted: 0,
	};
}

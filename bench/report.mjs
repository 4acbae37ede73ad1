// The benchmark's report: medians and ranges per scenario and variant, ratios, targets, and three
// files: results.json (everything, including each run), RESULTS.md (tables, targets and what closes
// a missed one) and chart.svg (a hand-made SVG bar chart, no dependency).
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const median = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	if (s.length === 0) return NaN;
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const fix = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');

/** Per scenario and variant: the figures RESULTS.md shows. */
function aggregate(runs, scenarios) {
	const stats = {};
	for (const s of scenarios) {
		stats[s.key] = {
			title: s.title,
			minimumRequests: s.minimumRequests,
			boundSeconds: s.boundSeconds,
		};
		for (const variant of Object.keys(s.variants)) {
			const rs = runs.filter((r) => r.scenario === s.key && r.variant === variant);
			if (rs.length === 0) continue;
			const wall = rs.map((r) => r.wallSeconds);
			stats[s.key][variant] = {
				runs: rs.length,
				failedRuns: rs.filter((r) => !r.ok).length,
				wallMedian: median(wall),
				wallMin: min(wall),
				wallMax: max(wall),
				cpuMedian: median(rs.map((r) => r.cpuSeconds)),
				peakRssMiB: max(rs.map((r) => r.peakRssMiB)),
				rssGrowthMiB: max(rs.map((r) => r.rssGrowthMiB)),
				apiRequestsMedian: median(rs.map((r) => r.apiRequests)),
				apiRequestsMax: max(rs.map((r) => r.apiRequests)),
				tokenRequests: sum(rs.map((r) => r.tokenRequests)),
				answered429: sum(rs.map((r) => r.answered429)),
				surfaced429: sum(rs.map((r) => r.surfaced429)),
				lost: max(rs.map((r) => r.lost)),
				duplicated: max(rs.map((r) => r.duplicated)),
				writesSavedMedian: median(rs.map((r) => r.writesSaved ?? 0)),
				allCorrect: rs.every((r) => r.correct),
				errors: [...new Set(rs.map((r) => r.error).filter(Boolean))],
			};
		}
		const p = stats[s.key].package;
		const h = stats[s.key].http;
		if (p && h) stats[s.key].ratio = p.wallMedian / h.wallMedian;
		if (s.key === 'cpu' && stats.cpu.baseline) {
			const base = stats.cpu.baseline.cpuMedian;
			for (const v of ['package', 'http']) {
				const rs = runs.filter((r) => r.scenario === 'cpu' && r.variant === v);
				const perItem = rs.map((r) => ((r.cpuSeconds - base) / s.items) * 1000);
				if (stats.cpu[v])
					Object.assign(stats.cpu[v], {
						cpuMsPerItemMedian: median(perItem),
						cpuMsPerItemMin: min(perItem),
						cpuMsPerItemMax: max(perItem),
					});
			}
			if (p && h) stats.cpu.cpuRatio = p.cpuMsPerItemMedian / h.cpuMsPerItemMedian;
		}
	}
	return stats;
}

/** The issue's targets, each with met/missed and, when missed, why and what would close the gap. */
function targets(stats, poll) {
	const out = [];
	for (const key of Object.keys(stats).filter((k) => k.startsWith('read'))) {
		const s = stats[key];
		if (!s.package || !s.http) continue;
		const minimal = s.package.apiRequestsMax === s.minimumRequests;
		const fast = s.ratio <= 0.6;
		out.push({
			target: `${s.title}: minimum requests (${s.minimumRequests}) and ≤ 0.6× HTTP Request with pagination`,
			measured: `${s.package.apiRequestsMax} requests; ${fix(s.ratio)}× (${fix(s.package.wallMedian)} s vs ${fix(s.http.wallMedian)} s)`,
			met: minimal && fast,
			why:
				minimal && fast
					? ''
					: !minimal
						? 'More requests than pages: see the run log in results.json.'
						: 'Pages 2..n are read 4 at a time (JTL_PAGE_CONCURRENCY) after page 1, so the request time is about a quarter of sequential; what is left is n8n and the node turning pages into items (CPU-bound on this 2-core machine, shared with the sandbox). Closing it: a higher page concurrency where the vendor allows it, and less work per record (no copy per record between the page and the output).',
		});
	}
	const u = stats.upsert;
	if (u?.package) {
		const limit = 1.2 * u.boundSeconds;
		const fast = u.package.wallMedian <= limit;
		const clean = u.package.surfaced429 === 0 && u.package.lost === 0 && u.package.duplicated === 0;
		out.push({
			target: `Upserts: ≤ 1.2× the rate-limit bound (${fix(u.boundSeconds, 0)} s → ${fix(limit, 0)} s), 0 429s surfaced, 0 lost, 0 duplicated`,
			measured: `${fix(u.package.wallMedian, 1)} s (${fix(u.package.wallMedian / u.boundSeconds)}× bound), ${u.package.surfaced429} surfaced, ${u.package.answered429} answered 429 in all runs, lost ${u.package.lost}, duplicated ${u.package.duplicated}; ${u.package.writesSavedMedian} writes saved by Skip Unchanged (HTTP Request: ${u.http?.writesSavedMedian ?? 0})`,
			met: fast && clean,
			why:
				fast && clean
					? ''
					: 'See results.json for the runs. The bound is the busiest write route (PATCH for the existing half, POST for the new half, 60 per 10 s each); the existing customers are found with one read of the whole list, not a lookup per item. Items run one after another, so a run only reaches the bound when the two kinds of write alternate.',
		});
	}
	if (poll) {
		const one = poll.polls > 0 && poll.requestsPerPoll.every((n) => n === 1);
		out.push({
			target: 'Idle poll: 1 request',
			measured:
				poll.polls > 0
					? `${poll.polls} polls: ${poll.requestsPerPoll.join(', ')} request(s) each, ${poll.emitted ?? 0} executions`
					: `no poll with a request in ${poll.minutesObserved} min (the first poll after activation sends none)`,
			met: poll.polls > 0 ? one : null,
			why: poll.polls > 0 && !one ? 'A poll sent more than one request: see results.json.' : '',
		});
	}
	const c = stats.cpu;
	if (c?.package && c?.http && c.package.cpuMsPerItemMedian !== undefined) {
		const ok = c.package.cpuMsPerItemMedian <= c.http.cpuMsPerItemMedian;
		out.push({
			target: 'CPU per item: ≤ HTTP Request with the same credential, same request',
			measured: `${fix(c.package.cpuMsPerItemMedian, 3)} ms vs ${fix(c.http.cpuMsPerItemMedian, 3)} ms per item (${fix(c.cpuRatio)}×)`,
			met: ok,
			why: ok
				? ''
				: "The package sends through n8n's httpRequestWithAuthentication like HTTP Request does, and adds its own per-item work: parameter validation (zod), the rate-limit gate, error mapping and a per-request timeout. Closing it: profile one item (node --cpu-prof on n8n) and cache per-run work (schemas, headers) instead of per item.",
		});
	}
	return out;
}

/** A bar chart: per scenario, package vs HTTP Request median wall time (whiskers: range). */
function chart(stats) {
	const rows = [];
	for (const [key, s] of Object.entries(stats)) {
		if (!s.package || !s.http) continue;
		if (key === 'cpu') {
			rows.push({
				label: 'CPU per item (ms)',
				unit: 'ms',
				bars: [
					[
						'package',
						s.package.cpuMsPerItemMedian,
						s.package.cpuMsPerItemMin,
						s.package.cpuMsPerItemMax,
					],
					[
						'HTTP Request',
						s.http.cpuMsPerItemMedian,
						s.http.cpuMsPerItemMin,
						s.http.cpuMsPerItemMax,
					],
				],
			});
			continue;
		}
		rows.push({
			label: s.title.replace(/ \(.*\)$/, '').replace(/Create or Update by number/, 'by number'),
			unit: 's',
			bars: [
				['package', s.package.wallMedian, s.package.wallMin, s.package.wallMax],
				['HTTP Request', s.http.wallMedian, s.http.wallMin, s.http.wallMax],
			],
			bound: s.boundSeconds,
		});
	}
	const W = 760;
	const left = 250;
	const barW = W - left - 90;
	const rowH = 70;
	const H = 50 + rows.length * rowH + 30;
	const colors = { package: '#2f6fdb', 'HTTP Request': '#9aa3ad' };
	const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
		`<rect width="${W}" height="${H}" fill="#fff"/>`,
		`<text x="10" y="22" font-size="15" font-weight="bold">n8n-nodes-erp-customers vs HTTP Request (median; whiskers: min–max)</text>`,
	];
	rows.forEach((row, i) => {
		const y = 45 + i * rowH;
		const scale = Math.max(...row.bars.map((b) => b[3]), row.bound ?? 0) || 1;
		parts.push(`<text x="10" y="${y + 24}">${esc(row.label)}</text>`);
		row.bars.forEach(([name, med, lo, hi], j) => {
			const by = y + j * 26;
			const w = (med / scale) * barW;
			parts.push(
				`<rect x="${left}" y="${by}" width="${Math.max(1, w).toFixed(1)}" height="20" fill="${colors[name]}"/>`,
				`<line x1="${(left + (lo / scale) * barW).toFixed(1)}" x2="${(left + (hi / scale) * barW).toFixed(1)}" y1="${by + 10}" y2="${by + 10}" stroke="#222" stroke-width="1.5"/>`,
				`<text x="${left + 4}" y="${by + 14}" fill="#fff">${esc(name)}</text>`,
				`<text x="${(left + Math.max(w, (hi / scale) * barW) + 6).toFixed(1)}" y="${by + 14}">${fix(med, row.unit === 'ms' ? 3 : 2)} ${row.unit}</text>`,
			);
		});
		if (row.bound) {
			const x = left + (row.bound / scale) * barW;
			parts.push(
				`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y - 4}" y2="${y + 50}" stroke="#d33" stroke-dasharray="4 3"/>`,
				`<text x="${(x + 3).toFixed(1)}" y="${y - 6}" fill="#d33" font-size="10">rate-limit bound ${fix(row.bound, 0)} s</text>`,
			);
		}
	});
	parts.push(`</svg>`);
	return parts.join('\n') + '\n';
}

function markdown({ meta, stats, poll, goals }) {
	const lines = [];
	const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
	lines.push(
		'# Benchmark: JTL-Wawi node vs HTTP Request',
		'',
		`Written by \`npm run bench\` (bench/run.mjs) on ${meta.startedAt}; ${meta.smoke ? '**smoke run** (tiny sizes, 1 round)' : `${meta.rounds} rounds, variants alternated`}; ${meta.durationSeconds} s in all.`,
		`One real n8n ${meta.n8n} (\`n8n start\`, Node 24), ${meta.cpus} CPUs (${meta.cpuModel}); load average (1/5/15 min) before ${la(meta.loadavg.before)}, after ${la(meta.loadavg.after)}. The machine was shared with other test runs, so wall times are noisy; the request counts are exact.`,
		`JTL sandbox in the runner's process: 20 ms latency per API answer; reads without a rate limit, upserts at ${meta.sandbox.rateLimit.limit} requests / ${meta.sandbox.rateLimit.intervalSeconds} s per route (fixed windows, as JTL), CPU items without latency or limit. Peak memory: ${meta.peakRssMethod}; the table shows the n8n process's peak RSS during the run and, in brackets, how far it rose above the RSS at the start of the run (the process runs every scenario, so RSS left over from earlier runs is in the peak). Raw figures: [results.json](results.json).`,
		'',
		'![chart](chart.svg)',
		'',
		'| Job | Variant | Wall median (range) | Ratio pkg/HTTP | Requests (min) | 429 answered / surfaced | Lost / dup | Peak RSS | CPU |',
		'|---|---|---|---|---|---|---|---|---|',
	);
	for (const [key, s] of Object.entries(stats)) {
		for (const variant of ['package', 'http', 'baseline']) {
			const v = s[variant];
			if (!v) continue;
			const name = {
				package: 'package node',
				http: 'HTTP Request',
				baseline: 'baseline (no request)',
			}[variant];
			const cpu =
				key === 'cpu' && v.cpuMsPerItemMedian !== undefined
					? `${fix(v.cpuMsPerItemMedian, 3)} ms/item (${fix(v.cpuMsPerItemMin, 3)}–${fix(v.cpuMsPerItemMax, 3)})`
					: `${fix(v.cpuMedian)} s`;
			lines.push(
				`| ${variant === 'package' ? s.title : ''} | ${name}${v.failedRuns ? ` (${v.failedRuns} of ${v.runs} runs failed)` : ''} | ${fix(v.wallMedian)} s (${fix(v.wallMin)}–${fix(v.wallMax)}) | ${variant === 'package' && s.ratio ? `${fix(s.ratio)}×` : ''} | ${variant === 'baseline' ? '0' : `${v.apiRequestsMedian} (${s.minimumRequests})`}${v.tokenRequests ? ` + ${v.tokenRequests} token` : ''} | ${v.answered429} / ${v.surfaced429} | ${v.lost} / ${v.duplicated} | ${fix(v.peakRssMiB, 0)} MiB (+${fix(v.rssGrowthMiB, 0)}) | ${cpu} |`,
			);
		}
	}
	if (poll) {
		lines.push(
			`| ${poll.title} | package trigger | – | – | ${poll.polls ? fix(poll.meanRequestsPerPoll) : '–'} per poll (1) | – | – | – | – |`,
		);
	}
	const errors = Object.entries(stats).flatMap(([key, s]) =>
		['package', 'http'].flatMap((v) => (s[v]?.errors ?? []).map((e) => `- ${key} / ${v}: ${e}`)),
	);
	if (errors.length)
		lines.push('', 'Errors that reached the user (n8n execution error):', '', ...errors);
	lines.push(
		'',
		'## Targets (from the issue)',
		'',
		'| Target | Measured | Met | Why / what would close the gap |',
		'|---|---|---|---|',
	);
	for (const g of goals) {
		lines.push(
			`| ${g.target} | ${g.measured} | ${g.met === null ? 'not observed' : g.met ? 'yes' : '**no**'} | ${g.why} |`,
		);
	}
	lines.push(
		'',
		'## How each job is built',
		'',
		'- Every workflow starts with a Webhook (respond when the last node finishes); the runner calls it and measures the n8n process: wall time of the call, CPU time from /proc/<pid>/stat, peak RSS.',
		"- **HTTP Request** (V4.2) uses n8n's generic OAuth2 credential (client credentials, the sandbox's token URL, client in the Basic header) with the JTL tenant and app headers under Send Headers (the node takes one credential, so a second Header Auth credential is not possible), and Retry On Fail (5 tries, 5 s apart).",
		'- **Reads**: package Customer > Get Many (Return All, not simplified) vs HTTP Request GET /v2/customers?pageSize=100 with pagination (pageNumber = `$pageCount + 1`, complete when `$response.body.hasNextPage === false`) and Split Out on `items`. Both end in the same Summarize node; its id list is compared with the sandbox, in order.',
		"- **Upserts**: half of the numbers exist, half are new. Package Customer > Create or Update; HTTP: GET /customers?number= → IF found → PATCH /customers/{Id} or POST /customers, each HTTP node batched 60 items per 10 s. Every run starts 0.5 s into the vendor's 10 s window. The bound is the busiest route (GET /customers, one lookup per item) at 60 per 10 s. Lost = a number without this run's values afterwards; duplicated = a number held by more than one customer.",
		'- **CPU per item**: Customer > Get by UUID vs HTTP Request GET /v2/customers/{uuid}, same OAuth2 client; CPU of the run minus the median of a baseline run (same workflow without the request node), per item.',
		'- **Idle poll**: the package trigger (Updated Customer, every minute) active on a second, unchanged sandbox during the whole run; n8n refuses poll intervals under a minute. A Schedule + HTTP Request "poll" was not built: it would send one GET with a lastChanged filter per tick too, but has to keep its own cursor.',
		'',
	);
	return lines.join('\n');
}

/** The project's Prettier style for a written file, so `prettier --check bench` stays clean. */
async function formatted(file, text) {
	try {
		const prettier = await import('prettier');
		const options = (await prettier.resolveConfig(file)) ?? {};
		return await prettier.format(text, { ...options, filepath: file });
	} catch {
		return text; // Prettier is a devDependency; without it the files are written as they are
	}
}

/** Writes results.json, RESULTS.md and chart.svg into `dir`; returns the results. */
export async function writeReport(dir, { meta, runs, scenarios, poll }) {
	const stats = aggregate(runs, scenarios);
	const goals = targets(stats, poll);
	const table = Object.entries(stats).map(([key, s]) => ({ key, ...s }));
	const results = { meta, stats, targets: goals, poll, runs, table };
	const write = async (name, text) => {
		const file = path.join(dir, name);
		writeFileSync(file, await formatted(file, text));
	};
	await write('results.json', JSON.stringify(results, null, 2) + '\n');
	writeFileSync(path.join(dir, 'chart.svg'), chart(stats));
	await write('RESULTS.md', markdown({ meta, stats, poll, goals }));
	return results;
}

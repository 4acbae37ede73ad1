// The benchmark's report: medians and ranges per system, scenario and variant, ratios, each
// system's targets met or not, and three files: results.json (everything, including each run),
// RESULTS.md (a table per system, the targets) and chart.svg (a hand-made SVG bar chart, no
// dependency).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { SYSTEMS } from '../systems/index.mjs';
import { boundOf, planOf } from './scenarios/upserts.mjs';

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
		const st = (stats[s.key] = {
			key: s.key,
			system: s.system,
			job: s.job,
			title: s.title,
			size: s.size,
			minimumRequests: s.minimumRequests,
			boundSeconds: s.boundSeconds,
			unchangedItems: s.unchangedItems,
			items: s.items,
		});
		for (const variant of Object.keys(s.variants)) {
			const rs = runs.filter((r) => r.scenario === s.key && r.variant === variant);
			if (rs.length === 0) continue;
			const wall = rs.map((r) => r.wallSeconds);
			st[variant] = {
				runs: rs.length,
				failedRuns: rs.filter((r) => !r.ok).length,
				wallMedian: median(wall),
				wallMin: min(wall),
				wallMax: max(wall),
				cpuMedian: median(rs.map((r) => r.cpuSeconds)),
				peakRssMiB: max(rs.map((r) => r.peakRssMiB)),
				rssGrowthMiB: max(rs.map((r) => r.rssGrowthMiB)),
				apiRequestsMedian: median(rs.map((r) => r.apiRequests)),
				apiRequestsMin: min(rs.map((r) => r.apiRequests)),
				apiRequestsMax: max(rs.map((r) => r.apiRequests)),
				tokenRequests: sum(rs.map((r) => r.tokenRequests)),
				answered429: sum(rs.map((r) => r.answered429)),
				surfaced429: sum(rs.map((r) => r.surfaced429)),
				lost: max(rs.map((r) => r.lost)),
				duplicated: max(rs.map((r) => r.duplicated)),
				writesSavedMedian: median(rs.map((r) => r.writesSaved ?? 0)),
				untouchedMin: min(rs.map((r) => r.untouched ?? 0)),
				allCorrect: rs.every((r) => r.correct),
				errors: [...new Set(rs.map((r) => r.error).filter(Boolean))],
			};
		}
		const p = st.package;
		const h = st.http;
		if (p && h) st.ratio = p.wallMedian / h.wallMedian;
		if (s.job === 'cpu' && st.baseline) {
			const base = st.baseline.cpuMedian;
			for (const v of ['package', 'http']) {
				const rs = runs.filter((r) => r.scenario === s.key && r.variant === v);
				const perItem = rs.map((r) => ((r.cpuSeconds - base) / s.items) * 1000);
				if (st[v])
					Object.assign(st[v], {
						cpuMsPerItemMedian: median(perItem),
						cpuMsPerItemMin: min(perItem),
						cpuMsPerItemMax: max(perItem),
					});
			}
			if (p && h) st.cpuRatio = p.cpuMsPerItemMedian / h.cpuMsPerItemMedian;
		}
	}
	return stats;
}

const clean = (v) =>
	v.surfaced429 === 0 && v.lost === 0 && v.duplicated === 0 && v.failedRuns === 0;
const cleanText = (v) =>
	`${v.surfaced429} 429s surfaced (${v.answered429} answered), lost ${v.lost}, duplicated ${v.duplicated}${v.failedRuns ? `, ${v.failedRuns} runs failed` : ''}`;

/**
 * Why a read with the fewest requests is slower than half of HTTP Request, from the run's own
 * figures: when the CPU the n8n process spent on the node's run (items, the Summarize node, the
 * webhook answer) already exceeds half of HTTP Request's wall time, no request plan can reach it.
 */
function readWhy(p, h) {
	const half = h.wallMedian / 2;
	const figures = `the node's run ${fix(p.wallMedian)} s wall with ${fix(p.cpuMedian)} s of n8n CPU; HTTP Request's ${fix(h.wallMedian)} s wall with ${fix(h.cpuMedian)} s of CPU`;
	if (p.cpuMedian >= half)
		return `CPU-bound: ${figures}. Half of HTTP Request's time (${fix(half)} s) is less than the CPU n8n spends on these items in the node's run, so fewer or faster requests cannot reach it; what is left is the work on the records in n8n itself (parsing the pages, the items, the workflow's Summarize).`;
	return `Slower than half of HTTP Request: ${figures}. The gap beyond the CPU is waiting on requests: see byRoute and the page concurrency in results.json.`;
}

/** The targets per system, each met or not, and when not, where to look. */
function targets(stats, polls, systems) {
	const out = [];
	const add = (system, target, measured, met, why = '') =>
		out.push({ system, target, measured, met, why: met ? '' : why });
	for (const s of Object.values(stats)) {
		const p = s.package;
		const h = s.http;
		if (!p || !h) continue;
		if (s.job === 'read') {
			const fewest = p.apiRequestsMax <= s.minimumRequests && p.apiRequestsMax <= h.apiRequestsMin;
			const fast = s.ratio <= 0.5;
			add(
				s.system,
				`${s.title}: fewest requests (${s.minimumRequests}) and ≤ 0.5× HTTP Request's time`,
				`${p.apiRequestsMax} requests (HTTP Request ${h.apiRequestsMax}); ${fix(s.ratio)}× (${fix(p.wallMedian)} s vs ${fix(h.wallMedian)} s); peak RSS ${fix(p.peakRssMiB, 0)} MiB (HTTP Request ${fix(h.peakRssMiB, 0)} MiB)`,
				fewest && fast && clean(p),
				!fewest
					? 'More requests than pages of the page size: see byRoute in results.json.'
					: !clean(p)
						? 'A run failed or lost records: see results.json.'
						: readWhy(p, h),
			);
		} else if (s.job === 'upsert' && s.boundSeconds !== undefined) {
			const limit = 1.1 * s.boundSeconds;
			const fast = p.wallMedian <= limit;
			add(
				s.system,
				`${s.title}: ≤ 1.1× the best plan's bound (${s.minimumRequests} requests, ${fix(s.boundSeconds, 0)} s → ${fix(limit, 0)} s), 0 429s surfaced, 0 lost, 0 duplicated`,
				`${fix(p.wallMedian, 1)} s (${fix(p.wallMedian / s.boundSeconds)}× bound), ${p.apiRequestsMedian} requests, ${cleanText(p)}; ${p.writesSavedMedian} writes saved by Skip Unchanged; HTTP Request ${fix(h.wallMedian, 1)} s, ${h.apiRequestsMedian} requests`,
				fast && clean(p),
				'See results.json (byRoute): the bound is the best plan (fewest lookups, one write per change) at the documented rate.',
			);
		} else if (s.job === 'upsert') {
			// No documented limit: the HTTP chain runs unbatched; the node must not be slower.
			const comparable = h.answered429 === 0;
			const fast = !comparable || p.wallMedian <= h.wallMedian;
			add(
				s.system,
				`${s.title}: never slower than the HTTP chain without batching (when it meets no 429), 0 429s surfaced, 0 lost, 0 duplicated`,
				`${fix(p.wallMedian, 2)} s vs ${fix(h.wallMedian, 2)} s (${fix(s.ratio)}×), ${p.apiRequestsMedian} vs ${h.apiRequestsMedian} requests, ${cleanText(p)}; ${p.writesSavedMedian} writes saved by Skip Unchanged`,
				fast && clean(p),
				'See results.json: slower than the unbatched HTTP chain, which sends its requests all at once.',
			);
		} else if (s.job === 'upsert429') {
			const free = Object.values(stats).find((x) => x.system === s.system && x.job === 'upsert');
			const slowdown = free?.package ? p.wallMedian / free.package.wallMedian : NaN;
			add(
				s.system,
				`${s.title}: 0 429s surfaced, 0 lost, 0 duplicated`,
				`${fix(p.wallMedian, 1)} s (${fix(slowdown, 1)}× the run without a limit; best plan at this rate ${fix(s.boundSeconds, 1)} s), ${cleanText(p)}; HTTP Request ${fix(h.wallMedian, 1)} s, ${cleanText(h)}`,
				clean(p),
				'A 429 reached the user, or records were lost or duplicated: see results.json.',
			);
		} else if (s.job === 'cpu' && p.cpuMsPerItemMedian !== undefined) {
			const ok = s.cpuRatio <= 0.9;
			add(
				s.system,
				`${s.title}: CPU per item ≤ 0.9× HTTP Request with the same credential and request`,
				`${fix(p.cpuMsPerItemMedian, 3)} ms vs ${fix(h.cpuMsPerItemMedian, 3)} ms per item (${fix(s.cpuRatio)}×)`,
				ok && clean(p),
				"The package sends through n8n's httpRequestWithAuthentication as HTTP Request does, and adds its own per-item work (validation, the rate-limit gate, error mapping, output shaping): profile one item (node --cpu-prof on n8n).",
			);
		}
	}
	for (const poll of polls) {
		const one = poll.polls > 0 && poll.requestsPerPoll.every((n) => n === 1);
		add(
			poll.system,
			`${poll.title}: 1 request per poll`,
			poll.polls > 0
				? `${poll.polls} polls: ${poll.requestsPerPoll.join(', ')} request(s) each, ${poll.emitted ?? 0} executions`
				: `no poll with a request in ${poll.minutesObserved} min`,
			poll.polls > 0 ? one : null,
			'A poll sent more than one request: see results.json.',
		);
	}
	const order = systems.map((s) => s.key);
	return out.sort((a, b) => order.indexOf(a.system) - order.indexOf(b.system));
}

/** A bar chart: per scenario, package vs HTTP Request median wall time (whiskers: range). */
function chart(stats, systems) {
	const titleOf = Object.fromEntries(systems.map((s) => [s.key, s.title]));
	const rows = [];
	for (const s of Object.values(stats)) {
		if (!s.package || !s.http) continue;
		const label = (text) => `${titleOf[s.system] ?? s.system}: ${text}`;
		if (s.job === 'cpu') {
			rows.push({
				label: label('CPU per item (ms)'),
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
		const text =
			s.job === 'read'
				? `read ${s.size.toLocaleString('en')}`
				: s.job === 'upsert'
					? 'upserts'
					: 'upserts, 429 switch on';
		rows.push({
			label: label(text),
			unit: 's',
			bars: [
				['package', s.package.wallMedian, s.package.wallMin, s.package.wallMax],
				['HTTP Request', s.http.wallMedian, s.http.wallMin, s.http.wallMax],
			],
			bound: s.boundSeconds,
		});
	}
	const W = 800;
	const left = 290;
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
				`<text x="${(x + 3).toFixed(1)}" y="${y - 6}" fill="#d33" font-size="10">best plan's bound ${fix(row.bound, 0)} s</text>`,
			);
		}
	});
	parts.push(`</svg>`);
	return parts.join('\n') + '\n';
}

const rateText = (r) =>
	r ? `${r.limit} requests / ${r.intervalSeconds} s per ${r.per}` : 'none documented';

function markdown({ meta, stats, polls, goals, systems }) {
	const lines = [];
	const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
	lines.push(
		`# Benchmark: the package's nodes vs HTTP Request (${systems.map((s) => s.title).join(', ')})`,
		'',
		`Written by \`npm run bench\` (bench/run.mjs) on ${meta.startedAt}; ${meta.smoke ? '**smoke run** (tiny sizes, 1 round, rate windows a tenth as long)' : `${meta.rounds} rounds after a warm-up, variants alternated`}; ${meta.durationSeconds} s in all.`,
		`One real n8n ${meta.n8n} (\`n8n start\`, Node 24) for every system, ${meta.cpus} CPUs (${meta.cpuModel}); load average (1/5/15 min) before ${la(meta.loadavg.before)}, after ${la(meta.loadavg.after)}; at the start of each round: ${(meta.loadavg.rounds ?? []).map((r) => la(r.loadavg)).join('; ')}. The machine was shared with other runs, so wall times are noisy; the request counts are exact.`,
		`Every system's sandbox runs in the runner's process with ${meta.latencyMs} ms latency per API answer: reads and CPU items without a rate limit (CPU items also without latency), upserts at the vendor's documented limit (${meta.systems.map((s) => `${s.title}: ${rateText(s.rate)}${s.throttledRate ? `, and a second run with the sandbox's 429 switch at ${rateText(s.throttledRate)}` : ''}`).join('; ')}). Peak memory: ${meta.peakRssMethod}; the tables show the n8n process's peak RSS during the run and, in brackets, how far it rose above the RSS at the start of the run. Raw figures: [results.json](results.json).`,
		'',
		'![chart](chart.svg)',
		'',
	);
	for (const system of systems) {
		const rows = Object.values(stats).filter((s) => s.system === system.key);
		if (rows.length === 0) continue;
		lines.push(
			`## ${system.title}`,
			'',
			'| Job | Variant | Wall median (range) | Ratio pkg/HTTP | Requests median (fewest) | 429 answered / surfaced | Lost / dup | Peak RSS | CPU |',
			'|---|---|---|---|---|---|---|---|---|',
		);
		for (const s of rows) {
			for (const variant of ['package', 'http', 'baseline']) {
				const v = s[variant];
				if (!v) continue;
				const name = {
					package: 'package node',
					http: 'HTTP Request',
					baseline: 'baseline (no request)',
				}[variant];
				const cpu =
					s.job === 'cpu' && v.cpuMsPerItemMedian !== undefined
						? `${fix(v.cpuMsPerItemMedian, 3)} ms/item (${fix(v.cpuMsPerItemMin, 3)}–${fix(v.cpuMsPerItemMax, 3)})`
						: `${fix(v.cpuMedian)} s`;
				const requests =
					variant === 'baseline'
						? '0'
						: `${v.apiRequestsMedian}${v.apiRequestsMin !== v.apiRequestsMax ? ` (${v.apiRequestsMin}–${v.apiRequestsMax})` : ''} (${s.minimumRequests})`;
				lines.push(
					`| ${variant === 'package' ? s.title.replace(`${system.title}: `, '') : ''} | ${name}${v.failedRuns ? ` (${v.failedRuns} of ${v.runs} runs failed)` : ''} | ${fix(v.wallMedian)} s (${fix(v.wallMin)}–${fix(v.wallMax)}) | ${variant === 'package' && s.ratio ? `${fix(s.ratio)}×` : ''} | ${requests}${v.tokenRequests ? ` + ${v.tokenRequests} token` : ''} | ${v.answered429} / ${v.surfaced429} | ${v.lost} / ${v.duplicated} | ${fix(v.peakRssMiB, 0)} MiB (+${fix(v.rssGrowthMiB, 0)}) | ${cpu} |`,
				);
			}
		}
		for (const poll of polls.filter((p) => p.system === system.key)) {
			lines.push(
				`| ${poll.title.replace(`${system.title}: `, '')} | package trigger | – | – | ${poll.polls ? fix(poll.meanRequestsPerPoll) : '–'} per poll (1) | – | – | – | – |`,
			);
		}
		const errors = rows.flatMap((s) =>
			['package', 'http'].flatMap((v) =>
				(s[v]?.errors ?? []).map((e) => `- ${s.key} / ${v}: ${e}`),
			),
		);
		if (errors.length)
			lines.push('', 'Errors that reached the user (n8n execution error):', '', ...errors);
		lines.push('');
	}
	lines.push(
		'## Targets',
		'',
		'| System | Target | Measured | Met | Why / where to look |',
		'|---|---|---|---|---|',
	);
	const titleOf = Object.fromEntries(systems.map((s) => [s.key, s.title]));
	for (const g of goals) {
		lines.push(
			`| ${titleOf[g.system] ?? g.system} | ${g.target} | ${g.measured} | ${g.met === null ? 'not observed' : g.met ? 'yes' : '**no**'} | ${g.why} |`,
		);
	}
	lines.push(
		'',
		'## How each job is built',
		'',
		'See [docs/benchmark.md](../docs/benchmark.md) for the method, the per-system set-up and the targets.',
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
export async function writeReport(dir, { meta, runs, scenarios, polls, systems }) {
	const stats = aggregate(runs, scenarios);
	const goals = targets(stats, polls, systems);
	const table = Object.entries(stats).map(([key, s]) => ({ key, ...s }));
	const results = { meta, stats, targets: goals, polls, runs, table };
	const write = async (name, text) => {
		const file = path.join(dir, name);
		writeFileSync(file, await formatted(file, text));
	};
	await write('results.json', JSON.stringify(results, null, 2) + '\n');
	writeFileSync(path.join(dir, 'chart.svg'), chart(stats, systems));
	await write('RESULTS.md', markdown({ meta, stats, polls, goals, systems }));
	return results;
}

/**
 * Writes the report again from the runs in `dir`'s results.json (after a change to the report's
 * text, without measuring again): `node bench/report.mjs [dir]`, bench/ by default.
 */
export async function rewriteReport(dir) {
	const saved = JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8'));
	const scenarios = Object.values(saved.stats).map((st) => ({
		...st,
		items: st.items ?? (st.job === 'cpu' ? st.minimumRequests : undefined),
		variants: Object.fromEntries(
			[...new Set(saved.runs.filter((r) => r.scenario === st.key).map((r) => r.variant))].map(
				(v) => [v, true],
			),
		),
	}));
	const keys = new Set(scenarios.map((s) => s.system));
	const systems = SYSTEMS.filter((s) => keys.has(s.key));
	// The upserts' best plan and bound from the registry as it is now (a plan may have been
	// corrected since the run), at the run's own sizes and rates.
	for (const sc of scenarios) {
		if (sc.job !== 'upsert' && sc.job !== 'upsert429') continue;
		const system = systems.find((s) => s.key === sc.system);
		const rates = saved.meta.systems?.find((s) => s.key === sc.system);
		if (!system || !rates) continue;
		const { plan } = planOf(system, saved.meta.sizes.upserts);
		const rate = sc.job === 'upsert' ? rates.rate : rates.throttledRate;
		sc.minimumRequests = Object.values(plan).reduce((a, b) => a + b, 0);
		sc.boundSeconds = boundOf(plan, rate ?? undefined);
	}
	return await writeReport(dir, { ...saved, scenarios, systems });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await rewriteReport(
		path.resolve(process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url))),
	);
}

// `npm run bench` / `npm run bench:smoke`: this package's JTL-Wawi node against n8n's HTTP Request
// node in one real n8n 2.41.1 (`n8n start`, see n8n.mjs) against the JTL sandbox (20 ms latency).
// Every scenario (scenarios/*.mjs) runs both variants alternated, round after round; the runner
// counts the sandbox's requests, 429s and records, and measures the n8n process (wall, CPU, peak
// RSS). The full run writes bench/results.json, bench/RESULTS.md and bench/chart.svg (report.mjs);
// the smoke run (tiny sizes, one round) asserts that every scenario ran and that the package's
// node returned correct results, and writes its report to a temporary folder. No timing assertions.
//
// Options: --smoke, --rounds N, --only read|upsert|cpu|poll (repeatable), --out DIR, and sizes:
// --reads 5000,10000 --upserts 300 --cpu-items 10000.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startJtlSandbox } from '../sandbox/jtl/server.mjs';
import { CACHE, N8N_VERSION, ensureN8n, installPackageInto } from '../scripts/n8n/install.mjs';
import { importAll, sleep, startN8n, until } from './n8n.mjs';
import { writeReport } from './report.mjs';
import * as cpu from './scenarios/cpu.mjs';
import * as poll from './scenarios/poll.mjs';
import * as reads from './scenarios/reads.mjs';
import * as upserts from './scenarios/upserts.mjs';
import { credentialFiles } from './workflows.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
	const args = { smoke: false, rounds: undefined, only: [], out: undefined };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--smoke') args.smoke = true;
		else if (a === '--rounds') args.rounds = Number(argv[++i]);
		else if (a === '--only') args.only.push(argv[++i]);
		else if (a === '--out') args.out = argv[++i];
		else if (a === '--reads') args.reads = argv[++i].split(',').map(Number);
		else if (a === '--upserts') args.upserts = Number(argv[++i]);
		else if (a === '--cpu-items') args.cpuItems = Number(argv[++i]);
		else throw new Error(`unknown option ${a}`);
	}
	return args;
}

const args = parseArgs(process.argv.slice(2));
const SIZES = args.smoke
	? { reads: [300], upserts: 30, cpuItems: 200, rounds: 1 }
	: // 10,000 CPU items take about 65 s per run here (n8n spends ~6 ms per item in either variant),
		// which with 3 rounds would push the run past 15 minutes: 5,000 items per run instead.
		{ reads: [5000, 10000], upserts: 300, cpuItems: 5000, rounds: 3 };
for (const key of ['reads', 'upserts', 'cpuItems'])
	if (args[key] !== undefined) SIZES[key] = args[key];
const ROUNDS = args.rounds ?? SIZES.rounds;
const OUT =
	args.out ?? (args.smoke ? path.join(os.tmpdir(), `erp-bench-smoke-${process.pid}`) : BENCH_DIR);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/** Requests per method and route, ids replaced: { 'GET /erp/customers': 300, ... }. */
function byRoute(requests) {
	const out = {};
	for (const r of requests) {
		const route = r.path.replace(/\/(\d+|[0-9a-f-]{36})(?=\/|$)/gi, '/{id}');
		const key = `${r.method} ${route} ${r.status}`;
		out[key] = (out[key] ?? 0) + 1;
	}
	return out;
}

/** The runner's toolbox for scenarios: sandbox settings, window alignment, request counting. */
function toolbox(jtl) {
	return {
		jtl,
		/** Sets latency, rate limit and size on the running sandbox; reseeds when asked or when the size changes. */
		configure({ latencyMs, rateLimit, customers, reseed = false }) {
			jtl.options.latencyMs = latencyMs;
			// The limiter reads the limit on every request; "off" is a limit nobody reaches.
			jtl.options.rateLimit.limit = rateLimit ? rateLimit.limit : 1e9;
			jtl.options.rateLimit.intervalSeconds = rateLimit ? rateLimit.intervalSeconds : 10;
			if (
				reseed ||
				jtl.state.customers.length !== customers ||
				jtl.options.customers !== customers
			) {
				jtl.options.customers = customers;
				// reset() also forgets the issued tokens; n8n keeps its token, so keep them valid.
				const tokens = new Map(jtl.state.tokens);
				const issued = jtl.state.tokensIssued;
				jtl.reset();
				for (const [token, expires] of tokens) jtl.state.tokens.set(token, expires);
				jtl.state.tokensIssued = issued;
			}
			jtl.requests.length = 0;
		},
		/** Waits until `offsetMs` into the vendor's fixed window (windows start at multiples of `windowMs`). */
		async alignToWindow(windowMs, offsetMs) {
			const now = Date.now();
			const wait = (offsetMs - (now % windowMs) + windowMs) % windowMs;
			await sleep(wait);
		},
		/** Requests in the sandbox log since the last configure(). */
		counts() {
			const api = jtl.requests.filter((r) => r.path.startsWith('/erp/'));
			return {
				apiRequests: api.length,
				tokenRequests: jtl.requests.filter((r) => r.path === '/oauth2/token').length,
				answered429: api.filter((r) => r.status === 429).length,
				answered401: api.filter((r) => r.status === 401).length,
				byRoute: byRoute(api),
			};
		},
	};
}

async function runVariant(n8n, bench, scenario, variant, round) {
	const workflowId = scenario.variants[variant];
	const { body } = await scenario.prepare(bench, { round, variant });
	const m = await n8n.measure(workflowId, body);
	const counts = bench.counts();
	const error =
		m.status === 200 ? undefined : ((await n8n.lastError(workflowId)) ?? `HTTP ${m.status}`);
	const check = scenario.check(bench, m, variant);
	const surfaced429 = error && /429|too many|rate limit/i.test(error) ? 1 : 0;
	const run = {
		scenario: scenario.key,
		variant,
		round,
		ok: m.status === 200,
		error,
		wallSeconds: m.wallMs / 1000,
		cpuSeconds: m.cpuSeconds,
		peakRssMiB: m.peakRssMiB,
		rssGrowthMiB: m.peakRssMiB - m.rssStartMiB,
		...counts,
		surfaced429,
		...check,
	};
	log(
		`  ${scenario.key.padEnd(9)} ${variant.padEnd(8)} r${round}: ${run.wallSeconds.toFixed(2)} s wall, ` +
			`${run.cpuSeconds.toFixed(2)} s CPU, ${run.peakRssMiB.toFixed(0)} MiB (+${run.rssGrowthMiB.toFixed(0)}), ${run.apiRequests} requests ` +
			`(+${run.tokenRequests} token), ${run.answered429}×429, lost ${run.lost}, dup ${run.duplicated}` +
			`${run.writesSaved === undefined ? '' : `, ${run.writesSaved} writes saved`}` +
			`${run.correct ? '' : ' INCORRECT'}${error ? ` ERROR: ${error}` : ''}`,
	);
	return run;
}

async function main() {
	const started = Date.now();
	const load = { before: os.loadavg() };
	const runtime = ensureN8n();
	const home = path.join(CACHE, `bench-home-${process.pid}`);
	const work = path.join(home, 'bench-work');
	rmSync(home, { recursive: true, force: true });
	mkdirSync(work, { recursive: true });
	installPackageInto(home);

	const jtl = await startJtlSandbox({
		latencyMs: 20,
		customers: 25,
		rateLimit: { ...upserts.RATE },
	});
	const idle = await startJtlSandbox({ latencyMs: 20, customers: 25 });
	const bench = toolbox(jtl);

	const want = (key) => args.only.length === 0 || args.only.some((o) => key.startsWith(o));
	const scenarios = [
		...reads.scenarios(SIZES.reads),
		...upserts.scenarios(SIZES.upserts),
		...cpu.scenarios(SIZES.cpuItems),
	].filter((s) => want(s.key));
	const workflows = [
		...reads.workflows(jtl),
		...upserts.workflows(jtl),
		...cpu.workflows(jtl),
		...poll.workflows(),
	];
	await importAll(runtime, home, work, credentialFiles(jtl, idle), workflows);

	const n8n = await startN8n(runtime, home);
	const runs = [];
	let pollResult;
	try {
		log(
			`n8n ${N8N_VERSION} up (pid ${n8n.pid}) after ${Math.round((Date.now() - started) / 1000)} s`,
		);
		for (const wf of workflows) await n8n.activate(wf.id);
		const activatedAt = Date.now();

		// Warm-up: one untimed call of every variant (first-call compilation, token fetch).
		for (const s of scenarios) {
			for (const variant of Object.keys(s.variants)) {
				if (s.key === 'upsert') continue; // an upsert run takes a minute; its first round warms it
				const { body } = await s.prepare(bench, { round: 0, variant });
				await n8n.measure(
					s.variants[variant],
					s.key === 'cpu' ? { items: body.items.slice(0, 50) } : body,
				);
			}
		}

		for (let round = 1; round <= ROUNDS; round++) {
			log(`round ${round}/${ROUNDS}`);
			for (const s of scenarios) {
				// Alternate which variant goes first, so drift in machine load hits both alike.
				const order = Object.keys(s.variants);
				if (round % 2 === 0) order.reverse();
				for (const variant of order) runs.push(await runVariant(n8n, bench, s, variant, round));
			}
		}

		// The idle trigger: at least two polls with a request in a full run (n8n polls once a minute).
		if (!args.smoke && want('poll')) {
			await until('two idle polls', 150_000, () => poll.pollsOf(idle).length >= 2, 2000);
			await sleep(3000);
		}
		pollResult = poll.summary(idle, activatedAt);
		const filter = encodeURIComponent(JSON.stringify({ workflowId: poll.TRIGGER_WORKFLOW }));
		const executions = await n8n.rest.call('GET', `/executions?filter=${filter}`);
		pollResult.emitted = executions.body?.data?.results?.length ?? null;
		log(
			`  poll: ${pollResult.polls} polls with requests in ${pollResult.minutesObserved} min, ` +
				`requests per poll ${JSON.stringify(pollResult.requestsPerPoll)}, ${pollResult.emitted} executions`,
		);
	} finally {
		await n8n.stop();
		await jtl.close();
		await idle.close();
		rmSync(home, { recursive: true, force: true });
	}

	load.after = os.loadavg();
	const meta = {
		n8n: N8N_VERSION,
		node: '24 (n8n), ' + process.version + ' (runner)',
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model,
		loadavg: load,
		startedAt: new Date(started).toISOString(),
		durationSeconds: Math.round((Date.now() - started) / 1000),
		rounds: ROUNDS,
		smoke: args.smoke,
		sizes: SIZES,
		sandbox: { latencyMs: 20, rateLimit: upserts.RATE },
		peakRssMethod: n8n.peakResettable
			? 'VmHWM reset before each run via /proc/<pid>/clear_refs'
			: 'VmRSS sampled every 100 ms',
	};
	mkdirSync(OUT, { recursive: true });
	const results = await writeReport(OUT, { meta, runs, scenarios, poll: pollResult });
	log(`\nbench: ${meta.durationSeconds} s; report in ${OUT}`);

	if (args.smoke) {
		// The smoke run asserts that everything ran and that the package node's results are right.
		for (const s of scenarios) {
			for (const variant of Object.keys(s.variants)) {
				assert.ok(
					runs.some((r) => r.scenario === s.key && r.variant === variant),
					`${s.key} ${variant} did not run`,
				);
			}
		}
		for (const r of runs.filter((x) => x.variant === 'package' || x.variant === 'baseline')) {
			assert.ok(r.ok, `${r.scenario} ${r.variant}: ${r.error}`);
			assert.ok(r.correct, `${r.scenario} ${r.variant}: wrong result ${JSON.stringify(r)}`);
			assert.equal(r.surfaced429, 0, `${r.scenario} ${r.variant}: a 429 reached the user`);
		}
		for (const s of scenarios.filter((x) => x.unchangedItems !== undefined)) {
			for (const r of runs.filter((x) => x.scenario === s.key && x.variant === 'package'))
				assert.equal(r.writesSaved, s.unchangedItems, `${s.key}: writes saved by Skip Unchanged`);
		}
		for (const r of runs.filter((x) => x.variant === 'http')) {
			assert.ok(Number.isFinite(r.wallSeconds), `${r.scenario} http did not finish`);
		}
		assert.ok(pollResult, 'the idle trigger was not summarised');
		assert.ok(results.table.length > 0);
		log('bench smoke: ok');
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

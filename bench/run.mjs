// `npm run bench` / `npm run bench:smoke`: this package's nodes against n8n's HTTP Request node with
// the package's own credentials, for every system of the registry (systems/index.mjs, each entry's
// `bench` section), in one real n8n 2.41.1 (`n8n start`, see n8n.mjs) against every system's
// sandbox at once (20 ms latency). Every scenario (scenarios/*.mjs) runs its variants alternated,
// round after round; the runner counts each sandbox's requests, 429s and records, and measures the
// n8n process (wall, CPU, peak RSS). The full run writes bench/results.json, bench/RESULTS.md and
// bench/chart.svg (report.mjs); the smoke run (tiny sizes, one round, the vendors' rate windows a
// tenth as long) asserts that every scenario ran and that the package's nodes returned correct
// results, and writes its report to a temporary folder. No timing assertions.
//
// Options: --smoke, --rounds N, --only JOB (repeatable: read, upsert, cpu, poll, or a system key
// such as xentral, or both as xentral.upsert), --out DIR, and sizes: --reads 5000,20000
// --upserts 300 --cpu-items 2000.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CACHE, N8N_VERSION, ensureN8n, installPackageInto } from '../scripts/n8n/install.mjs';
import { SYSTEMS } from '../systems/index.mjs';
import { importAll, sleep, startN8n, until } from './n8n.mjs';
import { writeReport } from './report.mjs';
import * as cpu from './scenarios/cpu.mjs';
import * as poll from './scenarios/poll.mjs';
import * as reads from './scenarios/reads.mjs';
import * as upserts from './scenarios/upserts.mjs';
import { credentialFiles } from './workflows.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const LATENCY_MS = 20;

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
	: { reads: [5000, 20000], upserts: 300, cpuItems: 2000, rounds: 3 };
for (const key of ['reads', 'upserts', 'cpuItems'])
	if (args[key] !== undefined) SIZES[key] = args[key];
const ROUNDS = args.rounds ?? SIZES.rounds;
// The smoke run shortens every rate window tenfold: it checks correctness, not timing.
const WINDOW_SCALE = args.smoke ? 0.1 : 1;
const OUT =
	args.out ?? (args.smoke ? path.join(os.tmpdir(), `erp-bench-smoke-${process.pid}`) : BENCH_DIR);

function log(msg) {
	process.stdout.write(`${msg}\n`);
}

/** `--only` filters: a job (read, upsert, cpu, poll), a system key, or `system.job`. */
function wanted(systemKey, job) {
	if (args.only.length === 0) return true;
	return args.only.some((o) => {
		const [a, b] = o.split('.');
		if (b !== undefined) return a === systemKey && job.startsWith(b);
		return a === systemKey || job.startsWith(a);
	});
}

/** A rate with its window scaled for this run. */
const scaled = (rate) => rate && { ...rate, intervalSeconds: rate.intervalSeconds * WINDOW_SCALE };

/** The documented rate of a system and, where it has one, its sandbox's 429 switch for `count` upserts. */
function ratesOf(system, count) {
	const b = system.bench;
	return {
		rate: scaled(b.rate),
		throttledRate: b.throttled && scaled({ ...b.throttled, limit: b.throttled.limit(count) }),
	};
}

/** Requests per method and route, ids replaced: { 'GET /erp/customers 200': 300, ... }. */
function byRoute(requests) {
	const out = {};
	for (const r of requests) {
		const route = r.path.replace(/\/(\d+|[0-9a-f-]{36}|[A-Za-z]+-[0-9A-Za-z-]+)(?=\/|$)/g, '/{id}');
		const key = `${r.method} ${route} ${r.status}`;
		out[key] = (out[key] ?? 0) + 1;
	}
	return out;
}

/** The runner's toolbox for a system's scenarios: sandbox settings, window alignment, request counting. */
function toolbox(system, sandbox) {
	const keep = system.bench.keepOnReseed ?? [];
	return {
		sandbox,
		/** Sets latency and rate limit on the running sandbox; reseeds when asked or when the size changes. */
		configure({ latencyMs = LATENCY_MS, limit, customers, reseed = false }) {
			sandbox.options.latencyMs = latencyMs;
			// The limiter reads the limit on every request; "off" is a limit nobody reaches.
			if (sandbox.options.rateLimit) sandbox.options.rateLimit.limit = limit || 1e9;
			if (
				reseed ||
				sandbox.state.customers.length !== customers ||
				sandbox.options.customers !== customers
			) {
				sandbox.options.customers = customers;
				const kept = keep.map((k) => [k, sandbox.state[k]]);
				sandbox.reset();
				for (const [k, v] of kept) sandbox.state[k] = v;
			}
			sandbox.requests.length = 0;
		},
		clearRequests() {
			sandbox.requests.length = 0;
		},
		/** Waits until `offsetMs` into the vendor's fixed window (windows start at multiples of `windowMs`). */
		async alignToWindow(windowMs, offsetMs) {
			const now = Date.now();
			await sleep((offsetMs - (now % windowMs) + windowMs) % windowMs);
		},
		/** Requests in the sandbox log since the last configure(). */
		counts() {
			const api = sandbox.requests.filter(system.bench.isApi);
			return {
				apiRequests: api.length,
				tokenRequests: sandbox.requests.filter((r) => system.bench.isToken?.(r)).length,
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
		system: scenario.system,
		job: scenario.job,
		scenario: scenario.key,
		variant,
		round,
		loadavg1: os.loadavg()[0],
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
		`  ${scenario.key.padEnd(18)} ${variant.padEnd(8)} r${round}: ${run.wallSeconds.toFixed(2)} s wall, ` +
			`${run.cpuSeconds.toFixed(2)} s CPU, ${run.peakRssMiB.toFixed(0)} MiB (+${run.rssGrowthMiB.toFixed(0)}), ${run.apiRequests} requests ` +
			`(+${run.tokenRequests} token), ${run.answered429}×429, lost ${run.lost}, dup ${run.duplicated}` +
			`${run.writesSaved === undefined ? '' : `, ${run.writesSaved} writes saved, ${run.untouched} unchanged untouched`}` +
			`${run.correct ? '' : ' INCORRECT'}${error ? ` ERROR: ${error}` : ''}`,
	);
	return run;
}

/** Starts the measured sandbox and the idle one of every system; the measured one with its rate window. */
async function startSandboxes(systems, count) {
	const started = [];
	try {
		for (const system of systems) {
			const { rate, throttledRate } = ratesOf(system, count);
			const window = rate ?? throttledRate;
			const sandbox = await system.sandbox.start({
				port: 0,
				latencyMs: LATENCY_MS,
				customers: 25,
				// The limiter's window is fixed at the start; the runs switch the limit on and off.
				rateLimit: window ? { limit: 1e9, intervalSeconds: window.intervalSeconds } : false,
			});
			started.push({ system, sandbox });
			const idle = await system.sandbox.start({
				port: 0,
				latencyMs: LATENCY_MS,
				customers: 25,
				rateLimit: false,
			});
			started.at(-1).idle = idle;
		}
	} catch (error) {
		await closeAll(started);
		throw error;
	}
	return started;
}

async function closeAll(started) {
	for (const s of started) {
		await s.sandbox?.close();
		await s.idle?.close();
	}
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

	const JOBS = ['read', 'upsert', 'cpu', 'poll'];
	const keys = SYSTEMS.filter((s) => s.bench).map((s) => s.key);
	for (const o of args.only) {
		const [a, b] = o.split('.');
		const known =
			b === undefined ? keys.includes(a) || JOBS.includes(a) : keys.includes(a) && JOBS.includes(b);
		if (!known)
			throw new Error(
				`--only ${o}: not a job (${JOBS.join(', ')}), a system (${keys.join(', ')}) or system.job`,
			);
	}
	const systems = SYSTEMS.filter((s) => s.bench && JOBS.some((j) => wanted(s.key, j)));
	const sandboxes = await startSandboxes(systems, SIZES.upserts);
	const scenarios = [];
	const workflows = [cpu.baselineWorkflow()];
	const credentials = [];
	const benches = {};
	for (const { system, sandbox, idle } of sandboxes) {
		const { rate, throttledRate } = ratesOf(system, SIZES.upserts);
		benches[system.key] = toolbox(system, sandbox);
		scenarios.push(
			...reads.scenarios(system, SIZES.reads),
			...upserts.scenarios(system, SIZES.upserts, { rate, throttledRate, align: !args.smoke }),
			...cpu.scenarios(system, SIZES.cpuItems),
		);
		workflows.push(
			...reads.workflows(system, sandbox),
			...upserts.workflows(system, sandbox, rate),
			...cpu.workflows(system, sandbox),
			...poll.workflows(system),
		);
		credentials.push(...credentialFiles(system, sandbox, idle));
	}
	const chosen = scenarios.filter((s) => wanted(s.system, s.job));
	await importAll(runtime, home, work, credentials, workflows);

	const n8n = await startN8n(runtime, home);
	const runs = [];
	const polls = [];
	const roundLoads = [];
	try {
		log(
			`n8n ${N8N_VERSION} up (pid ${n8n.pid}) after ${Math.round((Date.now() - started) / 1000)} s; ` +
				`systems: ${systems.map((s) => s.key).join(', ')}`,
		);
		for (const wf of workflows) await n8n.activate(wf.id);
		const activatedAt = Date.now();

		// Warm-up: one untimed call of every variant (first-call compilation, token fetch).
		for (const s of chosen) {
			if (s.job.startsWith('upsert')) continue; // an upsert run takes minutes; its first round warms it
			for (const variant of Object.keys(s.variants)) {
				const { body } = await s.prepare(benches[s.system], { round: 0, variant });
				await n8n.measure(
					s.variants[variant],
					s.job === 'cpu' ? { items: body.items.slice(0, 50) } : body,
				);
			}
		}

		for (let round = 1; round <= ROUNDS; round++) {
			roundLoads.push({ round, loadavg: os.loadavg() });
			log(
				`round ${round}/${ROUNDS} (load ${os
					.loadavg()
					.map((x) => x.toFixed(2))
					.join(' / ')})`,
			);
			for (const s of chosen) {
				// Alternate which variant goes first, so drift in machine load hits both alike.
				const order = Object.keys(s.variants);
				if (round % 2 === 0) order.reverse();
				for (const variant of order)
					runs.push(await runVariant(n8n, benches[s.system], s, variant, round));
			}
		}

		const pollSystems = sandboxes.filter(({ system }) => wanted(system.key, 'poll'));
		// The idle triggers: at least two polls with a request each in a full run (n8n polls once a minute).
		if (!args.smoke && pollSystems.length > 0) {
			await until(
				'two idle polls per trigger',
				150_000,
				() => pollSystems.every(({ system, idle }) => poll.pollsOf(system, idle).length >= 2),
				2000,
			);
			await sleep(3000);
		}
		for (const { system, idle } of pollSystems) {
			const result = poll.summary(system, idle, activatedAt);
			const filter = encodeURIComponent(
				JSON.stringify({ workflowId: poll.triggerWorkflowId(system) }),
			);
			const executions = await n8n.rest.call('GET', `/executions?filter=${filter}`);
			result.emitted = executions.body?.data?.results?.length ?? null;
			polls.push(result);
			log(
				`  ${result.key}: ${result.polls} polls with requests in ${result.minutesObserved} min, ` +
					`requests per poll ${JSON.stringify(result.requestsPerPoll)}, ${result.emitted} executions`,
			);
			for (const [i, lines] of result.firstPolls.entries())
				log(`    poll ${i + 1}: ${lines.join(' | ')}`);
		}
	} finally {
		await n8n.stop();
		await closeAll(sandboxes);
		rmSync(home, { recursive: true, force: true });
	}

	load.after = os.loadavg();
	load.rounds = roundLoads;
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
		windowScale: WINDOW_SCALE,
		systems: systems.map((s) => ({ key: s.key, title: s.title, ...ratesOf(s, SIZES.upserts) })),
		latencyMs: LATENCY_MS,
		peakRssMethod: n8n.peakResettable
			? 'VmHWM reset before each run via /proc/<pid>/clear_refs'
			: 'VmRSS sampled every 100 ms',
	};
	mkdirSync(OUT, { recursive: true });
	const results = await writeReport(OUT, { meta, runs, scenarios: chosen, polls, systems });
	log(`\nbench: ${meta.durationSeconds} s; report in ${OUT}`);

	if (args.smoke) assertSmoke({ runs, chosen, polls, results, systems });
}

/** The smoke run's assertions: everything ran, and the package nodes' results are right. */
function assertSmoke({ runs, chosen, polls, results, systems }) {
	for (const s of chosen) {
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
		assert.equal(r.lost, 0, `${r.scenario} ${r.variant}: lost records`);
		assert.equal(r.duplicated, 0, `${r.scenario} ${r.variant}: duplicated records`);
		assert.equal(r.surfaced429, 0, `${r.scenario} ${r.variant}: a 429 reached the user`);
	}
	// Skip Unchanged: no write moved the change time of a customer that already held its values.
	for (const s of chosen.filter((x) => x.unchangedItems !== undefined)) {
		for (const r of runs.filter((x) => x.scenario === s.key && x.variant === 'package'))
			assert.equal(r.untouched, s.unchangedItems, `${s.key}: unchanged customers written`);
	}
	for (const r of runs.filter((x) => x.variant === 'http')) {
		assert.ok(Number.isFinite(r.wallSeconds), `${r.scenario} http did not finish`);
	}
	const pollKeys = polls.map((p) => p.system);
	for (const system of systems)
		if (wanted(system.key, 'poll'))
			assert.ok(
				pollKeys.includes(system.key),
				`${system.key}: the idle trigger was not summarised`,
			);
	assert.ok(results.table.length > 0);
	log('bench smoke: ok');
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

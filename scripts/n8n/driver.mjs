// Starts and drives a real n8n for the tests, the benchmark and the demo: its environment, the CLI
// (imports), long-running processes (`n8n start`, `n8n worker`) and their stop, the REST API with
// the owner's sign-in, activation and executions. `startN8n` is the one way the suites start
// `n8n start`. Installing n8n and the packages: ./install.mjs. Never shipped.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';

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
 * output (in memory, or in `logFile` when given, for a process watched by a person), and returns
 * { child, pid, exited, output(), stop(), kill() }. `healthUrl` is polled until it answers.
 */
export async function spawnN8n(runtime, home, args, extraEnv = {}, { healthUrl, logFile } = {}) {
	const logFd = logFile ? openSync(logFile, 'w') : undefined;
	const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
		env: n8nEnv(runtime, home, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			...extraEnv,
		}),
		stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
	});
	let kept = '';
	if (logFd === undefined) {
		const keep = (d) => (kept = (kept + d).slice(-400_000));
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
	} else closeSync(logFd);
	const output = () => (logFile ? readFileSync(logFile, 'utf8').slice(-400_000) : kept);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const handle = {
		child,
		pid: child.pid,
		/** Resolves when the process has exited. */
		exited,
		output,
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
			error.message += `\n--- n8n output (tail) ---\n${output().split('\n').slice(-40).join('\n')}`;
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

/**
 * Starts `n8n start` in the user folder `home` (packages and imports already in place), waits until
 * it answers, sets up and signs in the owner, and returns the handle the suites share:
 * { url, port, rest, proc, pid, output(), stop(), activate(id), executions(workflowId),
 * execution(id) }. `port` defaults to a free one; `env` adds to or overrides n8nEnv's settings
 * (WEBHOOK_URL points at this n8n unless `env` sets it).
 */
export async function startN8n(runtime, home, { owner, browserId, port, env = {} }) {
	const listenPort = port ?? (await freePort());
	const url = `http://127.0.0.1:${listenPort}`;
	const proc = await spawnN8n(
		runtime,
		home,
		['start'],
		{ N8N_PORT: String(listenPort), N8N_HOST: '127.0.0.1', WEBHOOK_URL: `${url}/`, ...env },
		{ healthUrl: `${url}/healthz` },
	);
	const rest = n8nRestClient(url, browserId);
	try {
		await loginOwner(rest, owner);
	} catch (error) {
		error.message += `\n--- n8n output (tail) ---\n${proc.output().split('\n').slice(-40).join('\n')}`;
		await proc.stop();
		throw error;
	}
	return {
		url,
		port: listenPort,
		rest,
		proc,
		pid: proc.pid,
		output: proc.output,
		stop: () => proc.stop(),
		activate: (id, timeoutMs) => activateWorkflow(rest, id, timeoutMs),
		executions: (workflowId) => executionsOf(rest, workflowId),
		execution: (id) => readExecution(runtime, rest, id),
	};
}

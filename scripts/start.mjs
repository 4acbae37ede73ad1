// `npm start`: the demo. Starts the vendor sandboxes and a real n8n on http://127.0.0.1:5678 with
// this package loaded, a credential pointing at each sandbox, one demo workflow per operation and
// trigger workflows ready to activate. Each start begins from a clean demo state (a fresh n8n user
// folder and freshly seeded sandboxes); ERP_DEMO_KEEP=1 keeps the n8n folder of the last start.
// n8n and the sandboxes listen on 127.0.0.1 unless ERP_DEMO_LISTEN_ADDRESS says otherwise; one demo
// runs per cache folder; the build is skipped when dist/ is up to date with the sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SYSTEMS } from '../systems/index.mjs';
import { buildIfNeeded } from './build-stamp.mjs';
import { acquireDemoLock } from './demo-lock.mjs';
import {
	LISTEN_ENV,
	demoListenAddress,
	isLoopback,
	n8nListenEnv,
	networkAddresses,
	reachableFromNetwork,
	urlHost,
} from './demo-listen.mjs';
import { CACHE, REPO, ensureN8n, installPackageInto, N8N_VERSION } from './n8n/install.mjs';
import { loginOwner, n8nCli, n8nRestClient, spawnN8n } from './n8n/driver.mjs';
import {
	jtlToFlowWorkflow,
	nightlyExportWorkflow,
	twoWaySyncWorkflows,
	xentralPriceToJtlWorkflow,
} from './demo-flows.mjs';

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
/** Each system's sandbox port: its entry's default, or the variable its entry names. */
const SANDBOX_PORTS = Object.fromEntries(
	SYSTEMS.map((s) => [
		s.key,
		Number(process.env[s.sandbox.demoPort.env] || s.sandbox.demoPort.port),
	]),
);
const HOME = path.join(CACHE, 'demo-home');
const WORK = path.join(CACHE, 'demo-work');
const LISTEN = demoListenAddress();
const N8N_URL = `http://${urlHost(LISTEN)}:${N8N_PORT}`;
const OWNER = {
	email: 'demo@example.com',
	password: 'Demo-Password-1',
	firstName: 'Demo',
	lastName: 'User',
};

function say(msg) {
	process.stdout.write(`${msg}\n`);
}

/**
 * Every system's sandbox as the demo starts it: listening on `address` (the demo's listen address
 * unless given), at `ports` by system key (the demo's ports unless given; 0 picks free ones).
 * Returns the sandboxes by system key and `close()`.
 */
export async function startDemoSandboxes(address = LISTEN, ports = SANDBOX_PORTS) {
	const started = [];
	const bySystem = {};
	try {
		for (const system of SYSTEMS) {
			const sandbox = await system.sandbox.start({ port: ports[system.key], host: address });
			started.push(sandbox);
			bySystem[system.key] = sandbox;
		}
		return { ...bySystem, close: () => Promise.all(started.map((sb) => sb.close())) };
	} catch (error) {
		await Promise.all(started.map((sb) => sb.close()));
		throw error;
	}
}

/** The workflows a system's demo imports: one per operation, then its trigger workflows. */
const demoWorkflowsOf = (system, sandboxes) => [
	...system.demo.workflows(sandboxes[system.key]),
	...system.demo.triggers.map((t) => t.workflow()),
];

/** The environment of the demo's n8n: its port, and the address it listens on and is named by. */
export function demoN8nEnv(address = LISTEN, port = N8N_PORT) {
	return { N8N_PORT: String(port), ...n8nListenEnv(address) };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The demo's steps: `step(label, fn)` runs `fn(note)` and prints one line for the step with its
 * time, and what `note(text)` said about it. On a terminal the line shows while the step runs.
 */
function progress(total) {
	let n = 0;
	const tty = Boolean(process.stdout.isTTY);
	return async (label, fn) => {
		n++;
		const prefix = `[${n}/${total}] ${label}`;
		if (tty) process.stdout.write(`${prefix} ...`);
		const t0 = Date.now();
		let detail = '';
		const line = (text) =>
			process.stdout.write(
				`${tty ? '\r\x1b[K' : ''}${prefix}${text} (${seconds(Date.now() - t0)})\n`,
			);
		try {
			const value = await fn((text) => (detail = text));
			line(detail ? `: ${detail}` : '');
			return value;
		} catch (error) {
			line(': failed');
			throw error;
		}
	};
}

/** Runs a command with its output kept; a failure shows that output. */
function runQuiet(cmd, args) {
	const res = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8' });
	if (res.status !== 0)
		throw new Error(`${cmd} ${args.join(' ')} failed:\n${res.stdout ?? ''}${res.stderr ?? ''}`);
}

/** The workflows that connect the systems (scripts/demo-flows.mjs). */
const acrossSystems = () => [
	jtlToFlowWorkflow(),
	xentralPriceToJtlWorkflow(),
	nightlyExportWorkflow(),
];

/** One trigger workflow per system starts active, as a merchant's would run. */
const ACTIVE_AT_START = () => [
	...SYSTEMS.flatMap((s) => s.demo.triggers.filter((t) => t.active).map((t) => t.workflow())),
	...twoWaySync(),
];

/** The two-way JTL-Wawi ↔ Flow Retail sync with Skip Unchanged and Only When These Fields Change. */
const twoWaySync = () => Object.values(twoWaySyncWorkflows('quiet'));

/**
 * Sets up the demo owner on the fresh n8n (or, with ERP_DEMO_KEEP=1, logs in to the one there) and
 * returns the signed-in REST client; undefined when the folder holds another owner.
 */
async function signIn(url) {
	const rest = n8nRestClient(url, 'erp-customers-demo');
	try {
		await loginOwner(rest, OWNER);
		return rest;
	} catch {
		return undefined;
	}
}

/** Activates the workflows as the signed-in owner; a failure is shown, not fatal. */
async function activate(rest, workflows) {
	const done = [];
	for (const wf of workflows) {
		const current = await rest.call('GET', `/workflows/${wf.id}`);
		const res =
			current.status === 200
				? await rest.call('POST', `/workflows/${wf.id}/activate`, {
						versionId: current.body.data.versionId,
					})
				: current;
		done.push({ wf, ok: res.status === 200, why: JSON.stringify(res.body).slice(0, 200) });
	}
	return done;
}

async function main() {
	const started = Date.now();
	const step = progress(9);
	say(
		`Starting the demo in 9 steps (the first start installs n8n ${N8N_VERSION} on Node 24, which takes a few minutes).`,
	);
	await step(`One demo per cache folder (${CACHE})`, async (note) => {
		const lock = acquireDemoLock(CACHE, { url: N8N_URL });
		process.once('exit', () => lock.release());
		note('no other demo runs from it');
	});
	const runtime = await step(`n8n ${N8N_VERSION} on Node 24`, async (note) => {
		const rt = ensureN8n();
		note('ready');
		return rt;
	});
	await step('Build the package', async (note) => {
		const decision = buildIfNeeded(REPO, () => runQuiet('npm', ['run', 'build', '--silent']));
		note(decision.build ? `built (${decision.reason})` : `skipped: ${decision.reason}`);
	});
	await step("Pack it into a fresh n8n folder, as n8n's installer would", async (note) => {
		// A clean demo: the last user's workflows, credentials and executions go with the folder.
		const keep = process.env.ERP_DEMO_KEEP === '1';
		if (!keep) rmSync(HOME, { recursive: true, force: true });
		mkdirSync(HOME, { recursive: true });
		installPackageInto(HOME, { build: false });
		note(keep ? `${HOME} (kept, ERP_DEMO_KEEP=1)` : HOME);
	});
	const sandboxes = await step(`Sandboxes on ${LISTEN}`, async (note) => {
		const sb = await startDemoSandboxes();
		note(SYSTEMS.map((s) => `${s.title} :${sb[s.key].port}`).join(', '));
		return sb;
	});
	await step('Import the credentials and the demo workflows', async (note) => {
		mkdirSync(path.join(WORK, 'workflows'), { recursive: true });
		writeFileSync(
			path.join(WORK, 'credentials.json'),
			JSON.stringify(
				SYSTEMS.map((s) => s.credential.n8n(sandboxes[s.key])),
				null,
				2,
			),
		);
		const workflows = [
			...SYSTEMS.flatMap((s) => demoWorkflowsOf(s, sandboxes)),
			...acrossSystems(),
			...twoWaySync(),
		];
		for (const wf of workflows) {
			writeFileSync(path.join(WORK, 'workflows', `${wf.id}.json`), JSON.stringify(wf, null, 2));
		}
		for (const args of [
			['import:credentials', `--input=${path.join(WORK, 'credentials.json')}`],
			['import:workflow', '--separate', `--input=${path.join(WORK, 'workflows')}`],
		]) {
			const res = await n8nCli(runtime, HOME, args);
			if (res.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${res.stdout}\n${res.stderr}`);
		}
		note(`${SYSTEMS.length} credentials, ${workflows.length} workflows`);
	});

	const logFile = path.join(WORK, 'n8n.log');
	let n8n;
	const stop = async () => {
		await n8n?.stop();
		await sandboxes.close();
	};
	process.on('SIGINT', () => stop().then(() => process.exit(0)));
	process.on('SIGTERM', () => stop().then(() => process.exit(0)));
	try {
		await step(`Start n8n on ${LISTEN}, port ${N8N_PORT}`, async (note) => {
			n8n = await spawnN8n(runtime, HOME, ['start'], demoN8nEnv(), {
				healthUrl: `${N8N_URL}/healthz`,
				logFile,
			});
			note(N8N_URL);
		});
	} catch (error) {
		await stop();
		throw error;
	}
	const { rest, activated } = await step(
		'Sign in and activate one trigger workflow per system',
		async (note) => {
			const client = await signIn(N8N_URL);
			const done = client ? await activate(client, ACTIVE_AT_START()) : [];
			note(
				client
					? `${done.filter((a) => a.ok).length} of ${done.length} active`
					: 'the kept folder has another owner',
			);
			return { rest: client, activated: done };
		},
	);
	await step('Check who can connect', async (note) => {
		const ports = [N8N_PORT, ...SYSTEMS.map((s) => sandboxes[s.key].port)];
		if (!isLoopback(LISTEN)) {
			note(
				`${LISTEN_ENV}=${LISTEN}: others on the network can reach the demo and sign in with its published password`,
			);
			return;
		}
		const open = await reachableFromNetwork(ports);
		if (open.length > 0) {
			await stop();
			throw new Error(
				`The demo should be reachable from this machine only, but ${open.join(', ')} accepted a connection from the network. Stopped.`,
			);
		}
		const addresses = networkAddresses();
		note(
			addresses.length > 0
				? `this machine only (${addresses.join(', ')} refuse ports ${ports.join(', ')})`
				: 'this machine only (it has no network address)',
		);
	});
	const url = N8N_URL;
	const created = rest !== undefined;
	say('');
	say('==================================================================');
	say(` n8n is running at ${url} (ready in ${seconds(Date.now() - started)}; log: ${logFile})`);
	say(
		created
			? ` Sign in as ${OWNER.email} / ${OWNER.password}`
			: ` Sign in with the owner account you created in ${HOME}`,
	);
	say(
		isLoopback(LISTEN)
			? ` Only this machine can connect (${LISTEN_ENV}=0.0.0.0 opens the demo to the network)`
			: ` Listening on ${LISTEN}: anyone who can reach this machine can sign in with the password above`,
	);
	for (const system of SYSTEMS) {
		const sandbox = sandboxes[system.key];
		say(` ${system.title} demo workflows (open one and click "Execute workflow"):`);
		for (const wf of system.demo.workflows(sandbox))
			say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
		for (const trigger of system.demo.triggers) {
			const wf = trigger.workflow();
			say(` ${wf.name} (${trigger.hint}): ${url}/workflow/${wf.id}`);
		}
		say(` Credential "${system.credential.name}" points at ${system.credential.target(sandbox)}`);
	}
	say(' Across systems (activate the first two; run the export by hand or let it run at 02:00):');
	for (const wf of acrossSystems()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	say(
		' Two-way sync, active (change a Flow Retail customer whose external ID is a JTL-Wawi customer number, or that JTL-Wawi customer: one write on the other side, no echo):',
	);
	for (const wf of twoWaySync()) say(`   ${url}/workflow/${wf.id}   ${wf.name}`);
	for (const { wf, ok, why } of activated)
		say(ok ? ` Active: ${wf.name}` : ` Could not activate ${wf.name}: ${why}`);
	say(' Each start begins from a clean demo (ERP_DEMO_KEEP=1 keeps the last n8n folder).');
	say(' Stop with Ctrl+C.');
	say('==================================================================');
	await n8n.exited;
	await sandboxes.close();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	main().catch((error) => {
		// Another demo from the same cache: its message says everything, without a stack trace.
		console.error(error.code === 'DEMO_RUNNING' ? `\n${error.message}` : error);
		process.exit(1);
	});
}

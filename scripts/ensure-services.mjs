// Throwaway Redis and PostgreSQL servers for tests that run n8n in queue mode. Debian's
// redis-server and postgresql are installed with apt-get when missing (as root, or through
// `sudo -n`); every server gets a free port and a fresh temporary folder, and stop() removes it.
// Never shipped: lives outside nodes/ and credentials/.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort } from './n8n/driver.mjs';

function log(msg) {
	process.stderr.write(`[services] ${msg}\n`);
}

const isRoot = () => process.getuid?.() === 0;

function asRoot(cmd, args) {
	const [c, a] = isRoot() ? [cmd, args] : ['sudo', ['-n', cmd, ...args]];
	return spawnSync(c, a, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** The folder of PostgreSQL's server binaries (initdb, postgres), newest version first. */
function postgresBinDir() {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const versions = readdirSync(base)
		.filter((v) => existsSync(path.join(base, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

/** Another suite may be installing its own packages at the same moment: wait for dpkg's lock. */
const APT_WAIT = ['-o', 'DPkg::Lock::Timeout=900'];

/** Installs redis-server and postgresql from Debian's packages when they are missing. */
export function ensureServicePackages() {
	const missing = [];
	if (!existsSync('/usr/bin/redis-server')) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (missing.length === 0) return;
	log(`installing ${missing.join(' and ')} with apt-get (first run only, about a minute)`);
	const install = () =>
		asRoot('apt-get', [...APT_WAIT, 'install', '-y', '-q', '--no-install-recommends', ...missing]);
	let res = install();
	if (res.status !== 0) {
		log('apt-get install failed; running apt-get update and trying again');
		asRoot('apt-get', [...APT_WAIT, 'update', '-q']);
		res = install();
	}
	if (res.status !== 0 || !existsSync('/usr/bin/redis-server') || !postgresBinDir()) {
		throw new Error(
			`could not install ${missing.join(', ')} (apt-get exit ${res.status}); run as root or allow sudo -n`,
		);
	}
}

/** Waits until `port` accepts, at most `timeoutMs` (generous: a loaded machine starts slowly). */
function waitForPort(port, what, child, output, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	return new Promise((resolve, reject) => {
		const attempt = () => {
			if (child.exitCode !== null) {
				reject(new Error(`${what} exited with ${child.exitCode}:\n${output()}`));
				return;
			}
			const socket = net.connect(port, '127.0.0.1');
			socket.once('connect', () => {
				socket.destroy();
				resolve();
			});
			socket.once('error', () => {
				socket.destroy();
				if (Date.now() > deadline)
					reject(new Error(`${what} did not listen on ${port}:\n${output()}`));
				else setTimeout(attempt, 200);
			});
		};
		attempt();
	});
}

/** Starts a child, keeps the tail of its output, and returns a handle whose stop() ends it. */
function startProcess(cmd, args, what) {
	const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (d) => (output = (output + d).slice(-8000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	return {
		child,
		output: () => output,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(timer);
		},
		what,
	};
}

/** A Redis server on a free port, without persistence. */
export async function startRedis() {
	const port = await freePort();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'queue-redis-'));
	const proc = startProcess(
		'/usr/bin/redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		'redis-server',
	);
	await waitForPort(port, 'redis-server', proc.child, proc.output);
	return {
		host: '127.0.0.1',
		port,
		pid: proc.child.pid,
		output: proc.output,
		async stop() {
			await proc.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * A PostgreSQL server in a fresh data folder on a free port, trust authentication on 127.0.0.1.
 * PostgreSQL refuses to run as root, so as root initdb and postgres run as the `postgres` user.
 */
export async function startPostgres() {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed (run ensureServicePackages first)');
	const port = await freePort();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'queue-pg-'));
	chmodSync(dir, 0o700);
	const asPostgres = isRoot()
		? (cmd, args) => ['runuser', ['-u', 'postgres', '--', cmd, ...args]]
		: (cmd, args) => [cmd, args];
	if (isRoot()) spawnSync('chown', ['postgres:postgres', dir]);
	const [initCmd, initArgs] = asPostgres(path.join(bin, 'initdb'), [
		'-D',
		dir,
		'-U',
		'postgres',
		'--auth=trust',
		'--encoding=UTF8',
		'--no-sync',
	]);
	const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
	if (init.status !== 0) throw new Error(`initdb failed:\n${init.stdout}\n${init.stderr}`);
	writeFileSync(
		path.join(dir, 'pg_hba.conf'),
		'host all all 127.0.0.1/32 trust\nlocal all all trust\n',
	);
	const [cmd, args] = asPostgres(path.join(bin, 'postgres'), [
		'-D',
		dir,
		'-p',
		String(port),
		'-h',
		'127.0.0.1',
		'-k',
		dir,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	]);
	const proc = startProcess(cmd, args, 'postgres');
	await waitForPort(port, 'postgres', proc.child, proc.output);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'postgres',
		pid: proc.child.pid,
		output: proc.output,
		async stop() {
			await proc.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Installs what is missing, then starts Redis and PostgreSQL; stop() ends both. */
export async function startServices() {
	ensureServicePackages();
	const redis = await startRedis();
	let postgres;
	try {
		postgres = await startPostgres();
	} catch (error) {
		await redis.stop();
		throw error;
	}
	return {
		redis,
		postgres,
		async stop() {
			await Promise.allSettled([redis.stop(), postgres.stop()]);
		},
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	ensureServicePackages();
	if (process.argv[2] === 'check') {
		const services = await startServices();
		log(`redis on ${services.redis.port}, postgres on ${services.postgres.port}`);
		await services.stop();
		log('both stopped');
	}
}

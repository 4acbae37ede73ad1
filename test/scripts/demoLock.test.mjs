// One demo per cache folder (scripts/demo-lock.mjs, used by scripts/start.mjs): a second start
// from the same ERP_N8N_CACHE is refused while the first runs, and leaves the first demo's n8n
// folder alone; a lock whose process is gone is taken over.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, it } from 'node:test';

import {
	acquireDemoLock,
	demoLockPath,
	holderRunning,
	processStartTime,
} from '../../scripts/demo-lock.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK_MODULE = path.join(REPO, 'scripts', 'demo-lock.mjs');

let cache;
const children = [];

/** A separate process that takes the lock of `cache` and holds it until it is killed. */
async function otherDemo() {
	const child = spawn(
		process.execPath,
		[
			'--input-type=module',
			'-e',
			`const m = await import(${JSON.stringify(LOCK_MODULE)});
			m.acquireDemoLock(${JSON.stringify(cache)}, { url: 'http://127.0.0.1:5678' });
			console.log('locked');
			setInterval(() => {}, 1000);`,
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	children.push(child);
	await new Promise((resolve, reject) => {
		child.stdout.on('data', (d) => String(d).includes('locked') && resolve());
		child.once('exit', (code) => reject(new Error(`the other demo exited with ${code}`)));
	});
	return child;
}

const killed = (child) =>
	new Promise((resolve) => {
		child.once('exit', resolve);
		child.kill('SIGKILL');
	});

/** Runs `node scripts/start.mjs` with ERP_N8N_CACHE=cache; resolves with its exit code and output. */
function startDemo(timeoutMs = 30_000) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [path.join(REPO, 'scripts', 'start.mjs')], {
			env: { ...process.env, ERP_N8N_CACHE: cache },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		children.push(child);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`npm start did not stop within ${timeoutMs} ms:\n${output}`));
		}, timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			resolve({ code, output });
		});
	});
}

beforeEach(() => {
	cache = mkdtempSync(path.join(os.tmpdir(), 'demo-lock-'));
});

afterEach(async () => {
	await Promise.all(
		children
			.splice(0)
			.map((c) => (c.exitCode === null && c.signalCode === null ? killed(c) : null)),
	);
	rmSync(cache, { recursive: true, force: true });
});

describe('one demo per cache folder', () => {
	it('refuses a second demo while the first runs, naming its process, the folder and the ways out', async () => {
		const first = await otherDemo();
		assert.throws(
			() => acquireDemoLock(cache),
			(error) => {
				assert.equal(error.code, 'DEMO_RUNNING');
				assert.match(error.message, new RegExp(`process ${first.pid}`));
				assert.ok(error.message.includes(cache), error.message);
				assert.ok(error.message.includes(path.join(cache, 'demo-home')), error.message);
				assert.match(error.message, /n8n at http:\/\/127\.0\.0\.1:5678/);
				assert.match(error.message, new RegExp(`kill ${first.pid}`));
				assert.match(error.message, /ERP_N8N_CACHE=/);
				return true;
			},
		);
		// Still the first demo's lock.
		assert.equal(JSON.parse(readFileSync(demoLockPath(cache), 'utf8')).pid, first.pid);
	});

	it('takes over the lock of a demo that was killed without cleaning up', async () => {
		const first = await otherDemo();
		await killed(first);
		assert.ok(existsSync(demoLockPath(cache)), 'a killed demo leaves its lock behind');
		const lock = acquireDemoLock(cache);
		assert.equal(JSON.parse(readFileSync(demoLockPath(cache), 'utf8')).pid, process.pid);
		lock.release();
		assert.equal(existsSync(demoLockPath(cache)), false);
	});

	it('lets the next demo start once the first released its lock', () => {
		const first = acquireDemoLock(cache);
		first.release();
		const second = acquireDemoLock(cache);
		assert.equal(second.holder.pid, process.pid);
		second.release();
	});

	it('takes over a lock that is unreadable, or whose process ID now belongs to another program', () => {
		writeFileSync(demoLockPath(cache), '{ half written');
		acquireDemoLock(cache).release();
		if (processStartTime(process.pid) !== undefined) {
			// This process is alive, but it is not the process that wrote the lock.
			const reused = { pid: process.pid, startTime: 'another start', startedAt: 'then' };
			assert.equal(holderRunning(reused), false);
			writeFileSync(demoLockPath(cache), JSON.stringify(reused));
			acquireDemoLock(cache).release();
		}
	});

	it('release() removes only its own lock', () => {
		const lock = acquireDemoLock(cache);
		const other = { pid: 1, startedAt: 'later' };
		writeFileSync(demoLockPath(cache), JSON.stringify(other));
		lock.release();
		assert.deepEqual(JSON.parse(readFileSync(demoLockPath(cache), 'utf8')), other);
	});

	it('npm start refuses at once and leaves the running demo’s n8n folder alone', async () => {
		await otherDemo();
		const home = path.join(cache, 'demo-home');
		mkdirSync(home, { recursive: true });
		writeFileSync(path.join(home, 'marker'), 'the first demo’s n8n folder');
		const { code, output } = await startDemo();
		assert.equal(code, 1, output);
		assert.match(output, /Another demo is running from the same cache folder/);
		assert.doesNotMatch(output, /at .*start\.mjs/, 'a clear message, not a stack trace');
		assert.equal(readFileSync(path.join(home, 'marker'), 'utf8'), 'the first demo’s n8n folder');
		// Nothing else was started or installed in the cache.
		assert.equal(existsSync(path.join(cache, 'node24')), false);
	});
});

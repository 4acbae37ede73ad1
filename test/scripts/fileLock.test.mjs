// The lock between processes that lets test suites run side by side (scripts/file-lock.mjs).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { withLock } from '../../scripts/file-lock.mjs';

const LOCK_MODULE = pathToFileURL(
	path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'scripts', 'file-lock.mjs'),
).href;

/** A child process that holds the lock for `holdMs`, noting when it entered and left. */
function holder(lock, journal, name, holdMs) {
	const code = `
		import { appendFileSync } from 'node:fs';
		import { withLock } from ${JSON.stringify(LOCK_MODULE)};
		const pause = new Int32Array(new SharedArrayBuffer(4));
		withLock(${JSON.stringify(lock)}, () => {
			appendFileSync(${JSON.stringify(journal)}, 'in ${name}\\n');
			Atomics.wait(pause, 0, 0, ${holdMs});
			appendFileSync(${JSON.stringify(journal)}, 'out ${name}\\n');
		});`;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(stderr) : reject(new Error(stderr))));
	});
}

test('processes that take the same lock run one after the other, never overlapping', async () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'file-lock-'));
	try {
		const lock = path.join(dir, 'build.lock');
		const journal = path.join(dir, 'journal');
		writeFileSync(journal, '');
		await Promise.all(['a', 'b', 'c'].map((name) => holder(lock, journal, name, 300)));
		const lines = readFileSync(journal, 'utf8').trim().split('\n');
		assert.equal(lines.length, 6);
		for (let i = 0; i < lines.length; i += 2) {
			const name = lines[i].slice(3);
			assert.deepEqual([lines[i], lines[i + 1]], [`in ${name}`, `out ${name}`], lines.join(' | '));
		}
		assert.equal(existsSync(lock), false, 'the last holder removes the lock');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a lock left by a process that is gone is taken over; nested use in one process runs at once', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'file-lock-'));
	try {
		const lock = path.join(dir, 'n8n.lock');
		mkdirSync(lock);
		// A process ID above the kernel's limit names no process.
		writeFileSync(path.join(lock, 'owner'), '4194305\n');
		const seen = withLock(lock, () => withLock(lock, () => 'inner'), { limitMs: 5000 });
		assert.equal(seen, 'inner');
		assert.equal(existsSync(lock), false);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a lock folder without an owner is waited for while fresh, taken over once old', () => {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'file-lock-'));
	try {
		const lock = path.join(dir, 'pack.lock');
		mkdirSync(lock);
		assert.throws(() => withLock(lock, () => 'never', { limitMs: 600 }), /still locked/);
		const old = (Date.now() - 60_000) / 1000;
		utimesSync(lock, old, old);
		assert.equal(
			withLock(lock, () => 'taken', { limitMs: 5000 }),
			'taken',
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

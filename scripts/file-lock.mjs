// A lock between processes on this machine, for the steps that must not run twice at once when
// test suites run side by side (`.ci/run` runs them in lanes): building and packing the package in
// the repository, and installing Node 24 or n8n into the shared cache. A lock is a folder (mkdir is
// atomic) holding the owner's process ID; a lock whose owner is gone is taken over. Never shipped.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether a process with this ID still runs. */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

function ownerOf(dir) {
	try {
		return Number(readFileSync(path.join(dir, 'owner'), 'utf8').trim());
	} catch {
		return undefined;
	}
}

/**
 * Runs `fn` (synchronous) while holding the lock `dir`, waiting for another holder at most
 * `limitMs`. Calls from the process that already holds it run at once (nested use).
 */
export function withLock(dir, fn, { limitMs = 30 * 60_000, what = path.basename(dir) } = {}) {
	if (ownerOf(dir) === process.pid) return fn();
	const started = Date.now();
	let told = false;
	mkdirSync(path.dirname(dir), { recursive: true });
	for (;;) {
		try {
			mkdirSync(dir);
			writeFileSync(path.join(dir, 'owner'), `${process.pid}\n`);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const owner = ownerOf(dir);
			// No owner file yet: a holder between mkdir and write, or one that died there (old folder).
			const gone =
				owner === undefined || Number.isNaN(owner)
					? Date.now() - (statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000
					: !alive(owner);
			if (gone) {
				rmSync(dir, { recursive: true, force: true });
				continue;
			}
			if (Date.now() - started > limitMs) {
				throw new Error(
					`${what}: still locked by process ${owner} after ${limitMs / 1000} s (${dir})`,
				);
			}
			if (!told) {
				process.stderr.write(`[lock] waiting for ${what} (held by process ${owner})\n`);
				told = true;
			}
			Atomics.wait(pause, 0, 0, 250);
		}
	}
	try {
		return fn();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

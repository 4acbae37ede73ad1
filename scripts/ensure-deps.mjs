// Installs the project's devDependencies when they are missing or were installed from another
// package-lock.json, so that `npm test` and `npm start` work on a fresh clone. Uses the lockfile
// (npm ci). "Another lock" is decided by content, never by file times: a checkout or a second
// working tree gives the lock a new time without changing what it pins.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(repo, 'package-lock.json');
const modules = path.join(repo, 'node_modules');
const stamp = path.join(modules, '.erp-lock-sha256');

const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');
const installed = existsSync(path.join(modules, '.bin', 'jest'));
const stamped = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : undefined;

// Without a record (packages installed before this script kept one), npm's own record of the
// install must be at least as new as the lock.
const npmRecord = path.join(modules, '.package-lock.json');
const stale =
	stamped !== undefined
		? stamped !== lockHash
		: !existsSync(npmRecord) || statSync(npmRecord).mtimeMs < statSync(lock).mtimeMs;

if (!installed || stale) {
	process.stderr.write('Installing the project dependencies (npm ci) ...\n');
	const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}
// Records which lock the installed packages came from (a first `npm ci` by hand included).
if (stamped !== lockHash) writeFileSync(stamp, `${lockHash}\n`);

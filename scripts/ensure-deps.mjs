// Installs the project's devDependencies when they are missing or older than package-lock.json,
// so that `npm test` and `npm start` work on a fresh clone. Uses the lockfile (npm ci).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = path.join(repo, 'package-lock.json');
const installed = path.join(repo, 'node_modules', '.package-lock.json');

const fresh =
	existsSync(installed) &&
	existsSync(path.join(repo, 'node_modules', '.bin', 'jest')) &&
	statSync(installed).mtimeMs >= statSync(lock).mtimeMs;

if (!fresh) {
	process.stderr.write('Installing the project dependencies (npm ci) ...\n');
	const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
	if (res.status !== 0) process.exit(res.status ?? 1);
}

// The npm registry this project is built against serves only the Linux builds of
// unrs-resolver's platform bindings, so `npm install` leaves the others out of package-lock.json
// and `npm ci` then refuses the lock. This script adds lock entries for the missing optional
// bindings, marked with their os/cpu, which npm ci skips on other platforms without fetching.
// Run it after any `npm install` that rewrites the lock: node scripts/lockfile-platform-stubs.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const PLATFORM = {
	'android-arm-eabi': ['android', 'arm'],
	'android-arm64': ['android', 'arm64'],
	'darwin-arm64': ['darwin', 'arm64'],
	'darwin-x64': ['darwin', 'x64'],
	'freebsd-x64': ['freebsd', 'x64'],
	'linux-arm-gnueabihf': ['linux', 'arm'],
	'linux-arm-musleabihf': ['linux', 'arm'],
	'linux-loong64-gnu': ['linux', 'loong64'],
	'linux-loong64-musl': ['linux', 'loong64'],
	'linux-ppc64-gnu': ['linux', 'ppc64'],
	'linux-riscv64-gnu': ['linux', 'riscv64'],
	'linux-riscv64-musl': ['linux', 'riscv64'],
	'linux-s390x-gnu': ['linux', 's390x'],
	'openharmony-arm64': ['openharmony', 'arm64'],
	'win32-arm64-msvc': ['win32', 'arm64'],
	'win32-ia32-msvc': ['win32', 'ia32'],
	'win32-x64-msvc': ['win32', 'x64'],
	'wasm32-wasi': [undefined, 'wasm32'],
};

const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
	if (!key.endsWith('node_modules/unrs-resolver')) continue;
	const prefix = key.slice(0, -'unrs-resolver'.length);
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const stubKey = `${prefix}${name}`;
		if (lock.packages[stubKey]) continue;
		const [os, cpu] = PLATFORM[name.split('resolver-binding-')[1]] ?? [];
		if (!cpu) continue;
		lock.packages[stubKey] = {
			version,
			cpu: [cpu],
			...(os ? { os: [os] } : {}),
			dev: true,
			license: 'MIT',
			optional: true,
		};
		added.push(name);
	}
}
const sorted = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b),
	),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lock stubs added: ${added.length}\n`);

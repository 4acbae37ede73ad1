// Debian's Chromium for the editor tests, installed by the project itself on a fresh machine
// (apt-get, as root or through sudo). Prints what it does; fails with the command to run by hand
// when it cannot install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.ERP_CHROMIUM || '/usr/bin/chromium';

function apt(args) {
	const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	// Another suite may be installing its own packages at the same moment: wait for dpkg's lock.
	const waiting = ['-o', 'DPkg::Lock::Timeout=900', ...args];
	const [cmd, argv] = asRoot ? ['apt-get', waiting] : ['sudo', ['-n', 'apt-get', ...waiting]];
	return spawnSync(cmd, argv, {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** Returns the Chromium executable, installing Debian's package first when it is missing. */
export function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	process.stdout.write(
		"Installing Debian's chromium for the editor tests (apt-get, about a minute) ...\n",
	);
	let res = apt(['install', '-y', '--no-install-recommends', 'chromium']);
	if (res.status !== 0) {
		apt(['update']);
		res = apt(['install', '-y', '--no-install-recommends', 'chromium']);
	}
	if (res.status !== 0 || !existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is missing at ${CHROMIUM} and could not be installed; run "apt-get install -y chromium" as root`,
		);
	}
	return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.stdout.write(`${ensureChromium()}\n`);
}

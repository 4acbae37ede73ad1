// Runs the tests of vendor times (`*.zones.test.ts`) with the process in two more time zones than
// the machine's own, so that a time read in the n8n server's zone instead of the vendor's fails.
import { spawnSync } from 'node:child_process';

const ZONES = ['Europe/Berlin', 'America/New_York'];

for (const zone of ZONES) {
	process.stdout.write(`Vendor-time tests with TZ=${zone}\n`);
	const res = spawnSync('npx', ['jest', '--testPathPattern', '\\.zones\\.test\\.ts$'], {
		stdio: 'inherit',
		env: { ...process.env, TZ: zone },
	});
	if (res.status !== 0) process.exit(res.status ?? 1);
}

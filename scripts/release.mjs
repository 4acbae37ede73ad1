// The release workflow's steps that are not plain npm commands (.github/workflows/release.yml,
// docs/releasing.md). Never shipped.
//
//   node scripts/release.mjs check-tag <tag>   the tag is v<version of package.json>
//   node scripts/release.mjs prepare <name>    builds the package <name> and prints the folder to
//                                              publish from (the repository for the all-in-one)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ALL_IN_ONE, REPO, SYSTEM_PACKAGES, buildPackage, systemPackage } from './packages.mjs';

/** Every package a release publishes, the all-in-one first. */
export const RELEASED_PACKAGES = [ALL_IN_ONE, ...SYSTEM_PACKAGES.map((p) => p.name)];

/** Why a tag cannot release this version, or undefined when it can. */
export function tagProblem(tag, version) {
	if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag ?? ''))
		return `the tag "${tag}" is not v<major>.<minor>.<patch>`;
	if (tag !== `v${version}`)
		return `the tag ${tag} does not match package.json's version ${version}`;
	return undefined;
}

function fail(message) {
	process.stderr.write(`release: ${message}\n`);
	process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [command, arg] = process.argv.slice(2);
	const { version } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));
	if (command === 'check-tag') {
		const problem = tagProblem(arg, version);
		if (problem) fail(problem);
		process.stdout.write(
			`tag ${arg} releases version ${version} of ${RELEASED_PACKAGES.join(', ')}\n`,
		);
	} else if (command === 'prepare') {
		if (arg === ALL_IN_ONE) {
			const res = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 2, 2] });
			if (res.status !== 0) fail('npm run build failed');
			process.stdout.write(`${REPO}\n`);
		} else {
			const spec = systemPackage(arg);
			if (!spec) fail(`unknown package ${arg}; one of ${RELEASED_PACKAGES.join(', ')}`);
			process.stdout.write(`${buildPackage(spec)}\n`);
		}
	} else {
		fail('usage: node scripts/release.mjs check-tag <tag> | prepare <package name>');
	}
}

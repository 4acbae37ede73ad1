// One npm package per system (n8n-nodes-jtl-wawi, n8n-nodes-xentral, n8n-nodes-flow-retail) from
// this repository's one source, beside the all-in-one n8n-nodes-erp-customers. Each system package
// is staged in its own folder (PACKAGES_DIR/<name>, outside the repository) with only its nodes,
// its credential and the shared core (nodes/shared), compiled there on its own: tsc fails when a
// node of the system imports anything outside that tree, so a package that builds is
// self-contained. Never shipped.
//
//   node scripts/packages.mjs build [name...]   stage and compile (all packages without a name)
//   node scripts/packages.mjs lint [name...]    build, then `n8n-node lint` inside each package
//   node scripts/packages.mjs pack [name...]    build, then `npm pack` each into PACKAGES_DIR
//   node scripts/packages.mjs dir <name>         print the folder of a package (after build)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SYSTEMS } from '../systems/index.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Where the system packages are staged: outside the repository, so that `n8n-node lint` and the
 * type check of the repository never read the staged copies (ERP_PACKAGES_DIR to choose).
 */
export const PACKAGES_DIR = path.resolve(
	process.env.ERP_PACKAGES_DIR ||
		path.join(
			os.tmpdir(),
			`erp-customers-packages-${createHash('sha256').update(REPO).digest('hex').slice(0, 8)}`,
		),
);

/** The all-in-one package: the repository's own package.json (the demo and cross-system runs). */
export const ALL_IN_ONE = 'n8n-nodes-erp-customers';

/**
 * The system packages, one per entry of systems/ (its `package`). `system` is the key the e2e
 * cases and sandboxes use; `docsPage` is the page in docs/ that becomes the body of the package's
 * README.
 */
export const SYSTEM_PACKAGES = SYSTEMS.map(({ key, title, package: pkg }) => ({
	name: pkg.name,
	system: key,
	title,
	docsPage: pkg.docsPage,
	description: pkg.description,
	keywords: pkg.keywords,
	nodes: pkg.nodes,
	credentials: pkg.credentials,
}));

/** The system package of a name or of a system key; undefined for the all-in-one. */
export function systemPackage(nameOrSystem) {
	return SYSTEM_PACKAGES.find((p) => p.name === nameOrSystem || p.system === nameOrSystem);
}

export const packageDir = (name) => path.join(PACKAGES_DIR, name);

const rootPackageJson = () => JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8'));

function run(cmd, args, opts = {}) {
	const res = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
	if (res.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${res.status}`);
	}
	return res;
}

/** The package.json of a system package: the all-in-one's fields, narrowed to the system. */
export function systemPackageJson(spec, root = rootPackageJson()) {
	const pick = (list, folders, suffix) =>
		list.filter((p) => folders.some((f) => p === `dist/${f}${suffix}`));
	const nodes = root.n8n.nodes.filter((p) =>
		spec.nodes.some((n) => p === `dist/nodes/${n}/${n}.node.js`),
	);
	const credentials = pick(
		root.n8n.credentials,
		spec.credentials.map((c) => `credentials/${c}`),
		'.credentials.js',
	);
	return {
		name: spec.name,
		version: root.version,
		description: spec.description,
		license: root.license,
		author: root.author,
		homepage: root.homepage,
		repository: { ...root.repository },
		bugs: root.bugs,
		keywords: ['n8n-community-node-package', ...spec.keywords],
		files: ['dist'],
		engines: root.engines,
		scripts: { build: 'tsc -p tsconfig.json', lint: 'n8n-node lint' },
		n8n: { ...root.n8n, credentials, nodes },
		peerDependencies: root.peerDependencies,
		devDependencies: root.devDependencies,
	};
}

/** Links that leave the text: a URL with a scheme (https:, mailto:, ...). */
const ABSOLUTE_LINK = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A page of docs/ as the body of a README outside the repository (npm shows no other file of it):
 * without its `# ` title line, each heading one level lower (under the README's `## <title>`), and
 * every relative link made absolute: images to the raw file, documents and anchors to the
 * repository's page. Code blocks and inline code stay as they are.
 */
export function packagedPage(page, docsPage, homepage) {
	const absolute = (target) => {
		if (ABSOLUTE_LINK.test(target)) return target;
		const [file, anchor] = target.split('#', 2);
		const repoPath = file
			? path.posix.normalize(path.posix.join('docs', file))
			: `docs/${docsPage}`;
		if (repoPath.startsWith('..'))
			throw new Error(`docs/${docsPage} links outside the repository: ${target}`);
		const kind = /\.(png|svg|jpe?g|gif)$/i.test(repoPath) ? 'raw' : 'blob';
		return `${homepage}/${kind}/HEAD/${repoPath}${anchor === undefined ? '' : `#${anchor}`}`;
	};
	const lines = page.split('\n');
	const title = lines.findIndex((l) => l.startsWith('# '));
	if (title === -1) throw new Error(`docs/${docsPage} has no "# " title`);
	let fenced = false;
	return lines
		.slice(title + 1)
		.map((line) => {
			if (/^\s*```/.test(line)) fenced = !fenced;
			if (fenced || /^\s*```/.test(line)) return line;
			const demoted = /^#{2,5} /.test(line) ? `#${line}` : line;
			// Inline code is left alone; links are rewritten in the text between code spans.
			return demoted
				.split(/(`[^`]*`)/)
				.map((part, i) =>
					i % 2 === 1
						? part
						: part.replace(/\]\(([^)\s]+)\)/g, (_m, target) => `](${absolute(target)})`),
				)
				.join('');
		})
		.join('\n')
		.trim();
}

/** "three systems (JTL-Wawi, Xentral, Flow Retail)": every system of the registry, by title. */
function everySystem() {
	const count =
		['one', 'two', 'three', 'four', 'five', 'six'][SYSTEMS.length - 1] ?? SYSTEMS.length;
	return `${count} systems (${SYSTEMS.map((s) => s.title).join(', ')})`;
}

/** The README of a system package: how to install it, then its system's page of docs/. */
export function systemReadme(spec, root = rootPackageJson()) {
	// The page's way back to the repository's README means nothing on npm.
	const page = readFileSync(path.join(REPO, 'docs', spec.docsPage), 'utf8')
		.replace(/ ?Back to the \[README\]\(\.\.\/README\.md\)\./g, '')
		.replace(/\n{3,}/g, '\n\n');
	return [
		`# ${spec.name}`,
		'',
		spec.description,
		'',
		`This is the ${spec.title} part of [${ALL_IN_ONE}](${root.homepage}), built from the same`,
		`source: install this package when you work with ${spec.title} only, or ${ALL_IN_ONE} for`,
		`all ${everySystem()} in one package. Do not install both: n8n`,
		'would show every node and credential twice. In n8n: Settings > Community Nodes > Install,',
		`then enter \`${spec.name}\`.`,
		'',
		`## ${spec.title}`,
		'',
		packagedPage(page, spec.docsPage, root.homepage),
		'',
		'## Licence',
		'',
		'MIT',
		'',
	].join('\n');
}

/** Copies the system's source into PACKAGES_DIR/<name>/ and writes its package files. */
export function stagePackage(spec) {
	const root = rootPackageJson();
	const dir = packageDir(spec.name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(path.join(dir, 'credentials'), { recursive: true });
	for (const folder of ['shared', ...spec.nodes]) {
		cpSync(path.join(REPO, 'nodes', folder), path.join(dir, 'nodes', folder), { recursive: true });
	}
	for (const cred of spec.credentials) {
		copyFileSync(
			path.join(REPO, 'credentials', `${cred}.credentials.ts`),
			path.join(dir, 'credentials', `${cred}.credentials.ts`),
		);
	}
	// The package's own name where the source names the package: its "sent by" header and
	// app ID, and the node types in the codex files.
	const pkgFile = path.join(dir, 'nodes', 'shared', 'package.ts');
	const pkgSource = readFileSync(pkgFile, 'utf8');
	const renamed = pkgSource.replace(
		`export const PACKAGE_NAME = '${ALL_IN_ONE}';`,
		`export const PACKAGE_NAME = '${spec.name}';`,
	);
	if (renamed === pkgSource)
		throw new Error(`${pkgFile} does not declare PACKAGE_NAME as expected`);
	writeFileSync(pkgFile, renamed);
	for (const node of spec.nodes) {
		const codex = path.join(dir, 'nodes', node, `${node}.node.json`);
		if (!existsSync(codex)) continue;
		const json = JSON.parse(readFileSync(codex, 'utf8'));
		json.node = json.node.replace(`${ALL_IN_ONE}.`, `${spec.name}.`);
		writeFileSync(codex, JSON.stringify(json, null, '\t') + '\n');
	}
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(systemPackageJson(spec, root), null, '\t') + '\n',
	);
	const tsconfig = JSON.parse(readFileSync(path.join(REPO, 'tsconfig.json'), 'utf8'));
	writeFileSync(
		path.join(dir, 'tsconfig.json'),
		JSON.stringify(
			{
				compilerOptions: { ...tsconfig.compilerOptions, types: ['node'] },
				include: ['credentials/**/*', 'nodes/**/*', 'nodes/**/*.json'],
			},
			null,
			'\t',
		) + '\n',
	);
	copyFileSync(path.join(REPO, 'eslint.config.mjs'), path.join(dir, 'eslint.config.mjs'));
	copyFileSync(path.join(REPO, 'LICENSE'), path.join(dir, 'LICENSE'));
	writeFileSync(path.join(dir, 'README.md'), systemReadme(spec, root));
	// Types and lint tooling come from the repository's own install.
	symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return dir;
}

/** Every file under `dir` (relative paths). */
function filesUnder(dir, base = dir) {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...filesUnder(full, base));
		else out.push(path.relative(base, full));
	}
	return out;
}

/** Stages and compiles one system package; the assets go into dist/ as `npm run build` puts them. */
export function buildPackage(spec) {
	const dir = stagePackage(spec);
	// tsc's messages go to stderr, so that stdout carries only what a caller prints.
	run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
		stdio: ['ignore', 2, 2],
	});
	for (const top of ['nodes', 'credentials']) {
		for (const file of filesUnder(path.join(dir, top))) {
			const keep =
				/\.(png|svg)$/.test(file) ||
				file.endsWith('.node.json') ||
				(file.includes('__schema__') && file.endsWith('.json'));
			if (!keep) continue;
			const target = path.join(dir, 'dist', top, file);
			mkdirSync(path.dirname(target), { recursive: true });
			copyFileSync(path.join(dir, top, file), target);
		}
	}
	return dir;
}

/** `n8n-node lint` inside a built system package (strict mode, the package's own files only). */
export function lintPackage(spec) {
	const dir = packageDir(spec.name);
	run(path.join(REPO, 'node_modules', '.bin', 'n8n-node'), ['lint'], { cwd: dir });
}

/** Packs a built system package; returns the tarball's path (inside PACKAGES_DIR). */
export function packPackage(spec) {
	const dir = packageDir(spec.name);
	for (const f of readdirSync(PACKAGES_DIR)) {
		if (f.startsWith(`${spec.name}-`) && f.endsWith('.tgz')) rmSync(path.join(PACKAGES_DIR, f));
	}
	const res = spawnSync('npm', ['pack', '--silent', '--pack-destination', PACKAGES_DIR], {
		cwd: dir,
		encoding: 'utf8',
		env: { ...process.env, npm_config_ignore_scripts: 'true' },
	});
	if (res.status !== 0) throw new Error(`npm pack in ${dir} failed:\n${res.stderr}`);
	const tgz = res.stdout.trim().split('\n').pop();
	return path.join(PACKAGES_DIR, tgz);
}

/**
 * A workflow for a system package: its nodes' types named after that package
 * (`n8n-nodes-jtl-wawi.jtlWawi` for `n8n-nodes-erp-customers.jtlWawi`). Other nodes are unchanged.
 */
export function forPackage(workflow, packageName) {
	if (packageName === ALL_IN_ONE) return workflow;
	return {
		...workflow,
		nodes: workflow.nodes.map((n) =>
			n.type.startsWith(`${ALL_IN_ONE}.`)
				? { ...n, type: `${packageName}.${n.type.slice(ALL_IN_ONE.length + 1)}` }
				: n,
		),
	};
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const [command, ...names] = process.argv.slice(2);
	if (command === 'dir') {
		const spec = systemPackage(names[0]);
		if (!spec) throw new Error(`unknown package ${names[0]}`);
		process.stdout.write(`${packageDir(spec.name)}\n`);
		process.exit(0);
	}
	const specs = names.length ? names.map(systemPackage) : SYSTEM_PACKAGES;
	if (specs.some((s) => !s)) throw new Error(`unknown package in: ${names.join(' ')}`);
	if (!['build', 'lint', 'pack'].includes(command)) {
		console.error('usage: node scripts/packages.mjs build|lint|pack [package name or system...]');
		process.exit(2);
	}
	mkdirSync(PACKAGES_DIR, { recursive: true });
	for (const spec of specs) {
		process.stdout.write(`== ${spec.name}: build\n`);
		buildPackage(spec);
		if (command === 'lint') {
			process.stdout.write(`== ${spec.name}: n8n-node lint\n`);
			lintPackage(spec);
		}
		if (command === 'pack') process.stdout.write(`${packPackage(spec)}\n`);
	}
}

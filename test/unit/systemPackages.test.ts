/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code that stages packages on disk, not shipped */
/**
 * The system packages (scripts/packages.mjs): together they hold every node and credential of the
 * all-in-one, each exactly once; each package.json is the all-in-one's, narrowed to its system; a
 * staged package holds its system's source and the shared core only, and names itself where the
 * source names the package. (That each compiles on its own and passes `n8n-node lint` is
 * `npm run lint`; that each loads in real n8n alone is `npm run test:e2e`.)
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { withModule } from '../harness/nodeScripts';
import { REPO_ROOT } from '../harness/packageEntries';

interface PackageJson {
	name: string;
	version: string;
	license: string;
	keywords: string[];
	files: string[];
	repository: { type: string; url: string; directory?: string };
	dependencies?: unknown;
	peerDependencies: Record<string, string>;
	n8n: { n8nNodesApiVersion: number; strict: boolean; nodes: string[]; credentials: string[] };
}

const root = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Runs `body` with `m`, the scripts/packages.mjs module (see withModule). */
const withPackagesModule = (body: string, env: Record<string, string> = {}) =>
	withModule('scripts/packages.mjs', body, env);

const packages = withPackagesModule(
	'return m.SYSTEM_PACKAGES.map((s) => ({ spec: s, json: m.systemPackageJson(s) }));',
) as Array<{ spec: { name: string; system: string; nodes: string[] }; json: PackageJson }>;

describe('system packages', () => {
	it('are one per system, with every node and credential of the all-in-one exactly once', () => {
		expect(packages.map((p) => p.json.name)).toEqual([
			'n8n-nodes-jtl-wawi',
			'n8n-nodes-xentral',
			'n8n-nodes-flow-retail',
		]);
		const nodes = packages.flatMap((p) => p.json.n8n.nodes);
		const credentials = packages.flatMap((p) => p.json.n8n.credentials);
		expect([...nodes].sort()).toEqual([...root.n8n.nodes].sort());
		expect([...credentials].sort()).toEqual([...root.n8n.credentials].sort());
		for (const { json } of packages) expect(json.n8n.credentials).toHaveLength(1);
	});

	it.each(packages.map((p) => [p.json.name, p.json] as const))(
		'%s: the all-in-one package.json narrowed to the system',
		(_name, json) => {
			expect(json.version).toBe(root.version);
			expect(json.license).toBe('MIT');
			expect(json.repository).toEqual(root.repository);
			expect(json.repository.directory).toBeUndefined();
			expect(json.keywords[0]).toBe('n8n-community-node-package');
			expect(json.files).toEqual(['dist']);
			expect(json.dependencies).toBeUndefined();
			expect(json.peerDependencies).toEqual({ 'n8n-workflow': '*' });
			expect(json.n8n.strict).toBe(true);
			expect(json.n8n.n8nNodesApiVersion).toBe(root.n8n.n8nNodesApiVersion);
			expect(json).not.toHaveProperty('scripts.prepublishOnly');
		},
	);

	it('a workflow for a system package names its nodes after it, other nodes unchanged', () => {
		const out = withPackagesModule(`
			const wf = { id: 'x', nodes: [
				{ name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger' },
				{ name: 'JTL-Wawi', type: 'n8n-nodes-erp-customers.jtlWawi' },
			] };
			return [m.forPackage(wf, 'n8n-nodes-jtl-wawi').nodes.map((n) => n.type), m.forPackage(wf, m.ALL_IN_ONE) === wf];
		`);
		expect(out).toEqual([['n8n-nodes-base.manualTrigger', 'n8n-nodes-jtl-wawi.jtlWawi'], true]);
	});

	describe('staged', () => {
		let dir: string;
		beforeAll(() => {
			dir = mkdtempSync(path.join(os.tmpdir(), 'erp-packages-test-'));
			withPackagesModule('for (const s of m.SYSTEM_PACKAGES) m.stagePackage(s);', {
				ERP_PACKAGES_DIR: dir,
			});
		});
		afterAll(() => rmSync(dir, { recursive: true, force: true }));

		it.each(packages.map((p) => [p.json.name, p.spec.nodes] as const))(
			'%s holds its nodes, its credential and the shared core, nothing of another system',
			(name, nodes) => {
				const pkg = path.join(dir, name);
				expect(readdirSync(path.join(pkg, 'nodes')).sort()).toEqual([...nodes, 'shared'].sort());
				const json = packages.find((p) => p.json.name === name)!.json;
				expect(readdirSync(path.join(pkg, 'credentials'))).toEqual(
					json.n8n.credentials.map((c) => path.basename(c).replace(/\.js$/, '.ts')),
				);
				expect(JSON.parse(readFileSync(path.join(pkg, 'package.json'), 'utf8'))).toEqual(json);
				// The package names itself: the "sent by" header and app ID, the codex node types.
				expect(readFileSync(path.join(pkg, 'nodes/shared/package.ts'), 'utf8')).toContain(
					`export const PACKAGE_NAME = '${name}';`,
				);
				for (const node of nodes) {
					const codex = JSON.parse(
						readFileSync(path.join(pkg, 'nodes', node, `${node}.node.json`), 'utf8'),
					);
					expect(codex.node).toMatch(new RegExp(`^${name}\\.[a-z][A-Za-z]+$`));
				}
				// Strict mode: n8n's default two-line lint config, and a README and licence for npm.
				expect(readFileSync(path.join(pkg, 'eslint.config.mjs'), 'utf8')).toBe(
					readFileSync(path.join(REPO_ROOT, 'eslint.config.mjs'), 'utf8'),
				);
				expect(existsSync(path.join(pkg, 'LICENSE'))).toBe(true);
				const readme = readFileSync(path.join(pkg, 'README.md'), 'utf8');
				expect(readme.startsWith(`# ${name}\n`)).toBe(true);
				expect(readme).toContain('### Operations');
				expect(readme).not.toMatch(/\]\(#|\]\(docs\//);
			},
		);
	});
});

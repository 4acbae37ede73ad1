/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test infrastructure that runs the project's own Node scripts (ES modules jest cannot load), not shipped */
import { spawnSync } from 'node:child_process';

import { REPO_ROOT } from './packageEntries';

export interface ScriptRun {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `node <script> <args>` in the repository and returns its exit status and output. */
export function runScript(
	script: string,
	args: string[] = [],
	env: Record<string, string> = {},
): ScriptRun {
	const res = spawnSync(process.execPath, [script, ...args], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

/**
 * Imports a script of the repository (an ES module) in Node, runs `body` (an async function body
 * that sees the module as `m`) and returns what it returns, through JSON.
 */
export function withModule(
	script: string,
	body: string,
	env: Record<string, string> = {},
): unknown {
	const code = `import('./${script}').then(async (m) => { const out = await (async () => { ${body} })(); process.stdout.write(JSON.stringify(out ?? null)); })`;
	const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
	});
	if (res.status !== 0) throw new Error(`node ${script} failed (${res.status}):\n${res.stderr}`);
	return JSON.parse(res.stdout);
}

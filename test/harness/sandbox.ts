/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test infrastructure, not shipped */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { systemOf, type SandboxCredential } from './systems';

export interface SandboxRequestLog {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
}

export interface RunningSandbox {
	url: string;
	apiBase: string;
	tokenUrl: string;
	control(method: string, route: string, body?: unknown): Promise<unknown>;
	reset(): Promise<void>;
	requests(): Promise<SandboxRequestLog[]>;
	clearRequests(): Promise<void>;
	fault(fault: Record<string, unknown> | Array<Record<string, unknown>>): Promise<void>;
	advanceClock(seconds: number): Promise<void>;
	stop(): Promise<void>;
}

/**
 * Starts a vendor sandbox as its own process (the same server `npm start` and the end-to-end run
 * use) and returns its addresses and control calls.
 */
export async function startSandbox(vendor: string, args: string[] = []): Promise<RunningSandbox> {
	const script = path.join(__dirname, '..', '..', 'sandbox', vendor, 'server.mjs');
	const child: ChildProcess = spawn(process.execPath, [script, '--port', '0', ...args], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const info = await new Promise<{ url: string; apiBase: string; tokenUrl: string }>(
		(resolve, reject) => {
			const lines = readline.createInterface({ input: child.stdout! });
			lines.once('line', (line) => {
				try {
					resolve(JSON.parse(line));
				} catch {
					reject(new Error(`Sandbox printed an unexpected first line: ${line}`));
				}
			});
			child.once('exit', (code) => reject(new Error(`Sandbox exited early with code ${code}`)));
		},
	);

	const control = async (method: string, route: string, body?: unknown) => {
		const res = await fetch(`${info.url}/__sandbox/${route}`, {
			method,
			headers: body === undefined ? undefined : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok)
			throw new Error(`Sandbox control ${method} ${route} failed: ${res.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};

	return {
		...info,
		control,
		reset: async () => {
			await control('POST', 'reset');
		},
		requests: async () => (await control('GET', 'requests')) as SandboxRequestLog[],
		clearRequests: async () => {
			await control('DELETE', 'requests');
		},
		fault: async (fault) => {
			await control('POST', 'faults', fault);
		},
		advanceClock: async (seconds) => {
			await control('POST', 'clock', { offsetSeconds: seconds });
		},
		stop: async () =>
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/**
 * The credential of a system (its key in systems/: `jtl`, `xentral`, `flow`) pointing at a sandbox
 * process, with `overrides` in its data: its entry's `credential.jest`.
 */
export function sandboxCredential(
	system: string,
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
): SandboxCredential {
	return systemOf(system).credential.jest(sandbox, overrides);
}

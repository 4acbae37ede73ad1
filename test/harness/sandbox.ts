/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test infrastructure, not shipped */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

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

/** A JTL credential pointing at the sandbox. */
export function jtlSandboxCredential(
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) {
	return {
		id: 'jtlSandbox',
		name: 'JTL-Wawi sandbox',
		type: 'jtlWawiOAuth2Api',
		data: {
			environment: 'custom',
			baseUrl: sandbox.apiBase,
			customTokenUrl: sandbox.tokenUrl,
			clientId: 'sandbox-client',
			clientSecret: 'sandbox-secret',
			tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
			...overrides,
		},
	};
}

/** A Flow Retail credential pointing at the sandbox (its default tenant and token). */
export function flowRetailSandboxCredential(
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) {
	return {
		id: 'flowRetailSandbox',
		name: 'Flow Retail sandbox',
		type: 'flowRetailApi',
		data: {
			environment: 'custom',
			baseUrl: sandbox.apiBase,
			tenantUid: 'sandbox-tenant',
			token: 'flow-sandbox-integration-token',
			...overrides,
		},
	};
}

/** The personal access token the Xentral sandbox accepts by default. */
export const XENTRAL_SANDBOX_TOKEN = 'sandbox-personal-access-token';

/** A Xentral credential pointing at the sandbox (its URL as the instance). */
export function xentralSandboxCredential(
	sandbox: RunningSandbox,
	overrides: Record<string, unknown> = {},
) {
	return {
		id: 'xentralSandbox',
		name: 'Xentral sandbox',
		type: 'xentralApi',
		data: { instance: sandbox.url, token: XENTRAL_SANDBOX_TOKEN, ...overrides },
	};
}

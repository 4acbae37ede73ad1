/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test infrastructure, not shipped */
/**
 * Replaying logged requests to Stoplight Prism: the shared part of the contract tests
 * (jtlReads.contract.test.ts for reads, jtlWrites.contract.test.ts for writes).
 *
 * The sandbox logs every request it received; each logged API request is sent again, unchanged
 * apart from the headers listed in `replayHeaders`, to Prism running as a mock of the spec with
 * `--errors`. Prism lists the problems it finds in the `sl-violations` response header, or (422
 * answers) in the problem body's `validation` array; a request passes only with a 2xx and no
 * problem in either place.
 *
 * See shared/specs/README.md, "Validating requests with Stoplight Prism", for how Prism behaves
 * with this spec and its known false positives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import type { RunningSandbox, SandboxRequestLog } from '../harness/sandbox';
import { jtlSandboxCredential } from '../harness/jtlSuite';
import { startSandbox } from '../harness/sandbox';
import { assertSpecsPresent, jtlSpec } from './specs';

/** The JTL spec, in the folder ERP_SPECS_DIR names (see ./specs.ts). */
export const SPEC = jtlSpec();
export const PRISM_BIN = path.resolve(__dirname, '../../node_modules/.bin/prism');
export const PRISM_START_TIMEOUT_MS = 60_000;
/** The sandbox serves the API under this prefix; Prism serves the spec's paths at the root. */
export const API_PREFIX = '/erp';
/**
 * Any UUID. The v1.0 spec requires the headers `tenant-id` and `x-api-key` on every operation (and
 * the `Wawi` api-key security scheme together with OAuth2). The real JTL Cloud API needs neither:
 * it takes the tenant from `x-tenant-id`, which the node sends, and `x-api-key` is an OnPrem
 * registration key. shared/specs/README.md lists both as known false positives of this spec, so
 * the replay adds exactly these two headers and nothing else that the node did not send.
 */
const SPEC_ONLY_UUID = '0f8e6a2c-3b4d-4e5f-8a9b-1c2d3e4f5a6b';

export interface Violation {
	location?: string[];
	severity?: string;
	code?: string | number;
	message?: string;
}

export interface PrismAnswer {
	status: number;
	violations: Violation[];
	body: string;
}

export interface Prism {
	url: string;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Starts `prism mock --errors <spec>` and resolves once it prints "Prism is listening". */
export async function startPrism(spec: string = SPEC): Promise<Prism> {
	if (!existsSync(PRISM_BIN)) {
		throw new Error(
			`Prism is not installed at ${PRISM_BIN}: run npm ci (devDependency @stoplight/prism-cli)`,
		);
	}
	const port = await freePort();
	const child: ChildProcess = spawn(
		PRISM_BIN,
		['mock', '-h', '127.0.0.1', '-p', String(port), '--errors', spec],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	// Prism logs every route and every request; keep reading both streams so its pipes never
	// fill up, and keep the tail for the error message if it does not come up.
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGTERM');
			reject(
				new Error(
					`Prism did not print "Prism is listening" within ${PRISM_START_TIMEOUT_MS / 1000} s. Output:\n${output.slice(-4000)}`,
				),
			);
		}, PRISM_START_TIMEOUT_MS);
		const onData = (chunk: Buffer) => {
			output = (output + chunk.toString()).slice(-20_000);
			if (output.includes('Prism is listening')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`Prism exited early with code ${code}. Output:\n${output.slice(-4000)}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		stop: async () =>
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/**
 * Registers the jest hooks of a contract suite: fails clearly when the spec is missing (it is
 * deliberately not skipped), starts the JTL sandbox and Prism together, stops both afterwards and
 * resets the sandbox before each test. Returns getters for both and the sandbox credentials.
 */
export function useSandboxAndPrism() {
	let sandbox: RunningSandbox | undefined;
	let prism: Prism | undefined;

	jest.setTimeout(120_000);
	beforeAll(async () => {
		assertSpecsPresent();
		const started = await Promise.allSettled([startSandbox('jtl'), startPrism()]);
		if (started[0].status === 'fulfilled') sandbox = started[0].value;
		if (started[1].status === 'fulfilled') prism = started[1].value;
		for (const result of started) if (result.status === 'rejected') throw result.reason;
	}, PRISM_START_TIMEOUT_MS + 30_000);
	afterAll(async () => {
		await Promise.all([sandbox?.stop(), prism?.stop()]);
	});
	beforeEach(async () => await suite.sandbox.reset());

	const started = <T>(value: T | undefined, what: string): T => {
		if (value === undefined) throw new Error(`${what} is not running (beforeAll failed)`);
		return value;
	};
	const suite = {
		get sandbox() {
			return started(sandbox, 'The JTL sandbox');
		},
		get prism() {
			return started(prism, 'Prism');
		},
		credentials: () => [jtlSandboxCredential(suite.sandbox)],
	};
	return suite;
}

/** The headers of a logged request that are sent on to Prism (see SPEC_ONLY_UUID). */
export function replayHeaders(logged: SandboxRequestLog): Record<string, string> {
	const headers: Record<string, string> = {};
	// The optional headers the node sends when they are set (x-runas and api-version are in the
	// spec; x-companyid and X-SessionId are documented only in the seeds, and Prism ignores them).
	for (const name of [
		'x-tenant-id',
		'x-appid',
		'x-appversion',
		'x-runas',
		'x-companyid',
		'x-sessionid',
		'api-version',
		'content-type',
		'accept',
	]) {
		if (logged.headers[name] !== undefined) headers[name] = logged.headers[name];
	}
	// The sandbox log masks the token ("Bearer ***"); Prism only checks the scheme.
	if (logged.headers.authorization !== undefined) headers.authorization = 'Bearer test';
	headers['tenant-id'] = SPEC_ONLY_UUID;
	headers['x-api-key'] = SPEC_ONLY_UUID;
	return headers;
}

export interface Replay {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
}

export function toReplay(logged: SandboxRequestLog): Replay {
	if (!logged.path.startsWith(`${API_PREFIX}/`)) {
		throw new Error(`Not an API request: ${logged.method} ${logged.path}`);
	}
	return {
		method: logged.method,
		path: logged.path.slice(API_PREFIX.length),
		query: logged.query ?? {},
		headers: replayHeaders(logged),
		body: logged.body,
	};
}

export async function sendToPrism(prism: Prism, request: Replay): Promise<PrismAnswer> {
	const query = new URLSearchParams(request.query).toString();
	const hasBody = request.body !== undefined && request.body !== null && request.body !== '';
	const res = await fetch(`${prism.url}${request.path}${query ? `?${query}` : ''}`, {
		method: request.method,
		headers: request.headers,
		body: hasBody
			? typeof request.body === 'string'
				? request.body
				: JSON.stringify(request.body)
			: undefined,
	});
	const violations: Violation[] = [];
	const raw = res.headers.get('sl-violations');
	if (raw) {
		try {
			violations.push(...(JSON.parse(raw) as Violation[]));
		} catch {
			violations.push({ message: `unparseable sl-violations header: ${raw}` });
		}
	}
	const body = await res.text();
	// When the spec declares no 400-type response for the operation, Prism 5.16.0 answers 422
	// application/problem+json WITHOUT an sl-violations header: the problems are only in the
	// body's `validation` array. Collect both so no rejection goes unexplained.
	if ((res.headers.get('content-type') ?? '').includes('application/problem+json')) {
		try {
			const problem = JSON.parse(body) as { validation?: Violation[] };
			for (const v of problem.validation ?? []) {
				if (!violations.some((known) => JSON.stringify(known) === JSON.stringify(v))) {
					violations.push(v);
				}
			}
		} catch {
			// not JSON: the raw body is printed by expectValid
		}
	}
	return { status: res.status, violations, body };
}

export function describeRequest(request: Replay): string {
	const query = new URLSearchParams(request.query).toString();
	return `${request.method} ${request.path}${query ? `?${query}` : ''}`;
}

/** Violations of the request itself, as opposed to Prism's own generated response. */
export function requestViolations(answer: PrismAnswer): Violation[] {
	return answer.violations.filter(
		(v) => !Array.isArray(v.location) || v.location[0] !== 'response',
	);
}

/**
 * Fails with the request and the full violations JSON unless Prism accepted the request. With
 * --errors, Prism answers 500 when the response IT generated from the spec breaks the spec's own
 * schema (the JTL spec's examples do for Customer); that says nothing about our request.
 */
export function expectValid(request: Replay, answer: PrismAnswer) {
	const ownResponseOnly =
		answer.status === 500 && answer.violations.length > 0 && requestViolations(answer).length === 0;
	const accepted = (answer.status >= 200 && answer.status < 300) || ownResponseOnly;
	if (requestViolations(answer).length > 0 || !accepted) {
		throw new Error(
			[
				`Prism (spec ${path.basename(SPEC)}) rejected ${describeRequest(request)}: HTTP ${answer.status}`,
				`violations (sl-violations header + problem body): ${JSON.stringify(answer.violations, null, 2)}`,
				`request headers: ${JSON.stringify(request.headers)}`,
				`request body: ${JSON.stringify(request.body)}`,
				`response body: ${answer.body.slice(0, 2000)}`,
			].join('\n'),
		);
	}
}

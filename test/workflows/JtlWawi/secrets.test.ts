/**
 * Secrets never leave the core: failing runs against servers whose error bodies echo the request
 * (headers unmasked), on API routes and on the token route, with the secret, the Basic value and
 * the bearer token searched in the output items, the stored run, the error (cause chain included)
 * and n8n's log.
 */
import { LoggerProxy } from 'n8n-workflow';

import { clock } from '../../../nodes/shared/clock';
import { TestCredentialsHelper } from '../../harness/credentialsHelper';
import { continueOnFail, useJtlSandbox } from '../../harness/jtlSuite';
import { loadWorkflow, runWorkflow } from '../../harness/runWorkflow';

/** n8n-core's own copies of the DI container and its Logger class (ctx.logger comes from there). */
const fromCore = (name: string) =>
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	require(require.resolve(name, { paths: [require.resolve('n8n-core')] }));
const { Container } = fromCore('@n8n/di') as {
	Container: { set(token: unknown, v: unknown): void };
};
const { Logger } = fromCore('@n8n/backend-common') as { Logger: unknown };

const jtl = useJtlSandbox(['--rate-limit', '0']);

const CLIENT_ID = 'sandbox-client';
const CLIENT_SECRET = 'sandbox-secret';
const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

const logged: string[] = [];
const capture =
	(level: string) =>
	(message: string, meta?: object): void => {
		logged.push(`${level} ${message} ${safeJson(meta)}`);
	};

function safeJson(value: unknown): string {
	const seen = new WeakSet();
	return (
		JSON.stringify(value, (_key, v: unknown) => {
			if (v && typeof v === 'object') {
				if (seen.has(v)) return '[circular]';
				seen.add(v);
			}
			return v;
		}) ?? ''
	);
}

/** Every field of an error and its causes, enumerable or not. */
function errorText(error: unknown, depth = 0): string {
	if (!error || typeof error !== 'object' || depth > 6) return safeJson(error);
	const e = error as Record<string, unknown>;
	const fields = Object.fromEntries(
		[...new Set([...Object.getOwnPropertyNames(e), 'message', 'stack', 'description'])].map(
			(key) => [key, key === 'cause' ? errorText(e.cause, depth + 1) : e[key]],
		),
	);
	return safeJson(fields);
}

beforeAll(() => {
	// n8n's logger, as node contexts (ctx.logger) and the workflow engine (LoggerProxy) reach it.
	const logger = {
		error: capture('error'),
		warn: capture('warn'),
		info: capture('info'),
		debug: capture('debug'),
		scoped: () => logger,
	};
	Container.set(Logger, logger);
	LoggerProxy.init(logger as never);
	jest.spyOn(clock, 'sleep').mockResolvedValue();
});
afterAll(() => jest.restoreAllMocks());

const WORKFLOW = 'JtlWawi/contact-getAll.workflow.json';
let runs = 0;
let failed = 0;
let logLines = 0;

async function failingRun(helper: TestCredentialsHelper, fault: Record<string, unknown>) {
	await jtl.sandbox.control('DELETE', 'faults');
	await jtl.sandbox.fault({ times: 20, echo: true, ...fault });
	logged.length = 0;
	const results = [];
	for (const keepGoing of [false, true]) {
		const workflow = loadWorkflow(WORKFLOW);
		if (keepGoing) continueOnFail({}, workflow.nodes.find((n) => n.name === 'JTL-Wawi')!);
		results.push(await runWorkflow(workflow, helper, { items: [{ customerId: 1 }] }));
	}
	await jtl.sandbox.control('DELETE', 'faults');
	const tokens = [...helper.store.values()]
		.map((data) => (data.oauthTokenData as { access_token?: string } | undefined)?.access_token)
		.filter((t): t is string => !!t);
	const secrets = [CLIENT_SECRET, BASIC, ...tokens];
	for (const result of results) {
		runs++;
		const output = result.output('JTL-Wawi');
		const error = result.run.data.resultData.error;
		if (error || output.some((item) => item.error)) failed++;
		const places = {
			output: safeJson(output),
			storedRun: safeJson(result.run),
			error: errorText(error),
			log: logged.join('\n'),
		};
		logLines += logged.length;
		for (const [place, text] of Object.entries(places)) {
			for (const secret of secrets) {
				if (text.includes(secret)) throw new Error(`secret leaked into ${place}: ${text}`);
			}
		}
	}
	return results;
}

describe('No secret leaves the node through an error', () => {
	const apiStatuses = [400, 403, 404, 409, 422, 500, 502, 503];

	it('hides the bearer token that API error bodies echo', async () => {
		const helper = new TestCredentialsHelper(jtl.credentials());
		await runWorkflow(loadWorkflow(WORKFLOW), helper, { items: [{ customerId: 1 }] });
		const data = [...helper.store.values()][0].oauthTokenData as { access_token: string };
		const token = data.access_token;
		expect(token).toBeTruthy();
		const bodies = [
			undefined,
			{ ErrorCode: 'Echo', ErrorMessage: `Rejected Authorization: Bearer ${token}` },
			`Unauthorised request with token ${token} and client ${BASIC}`,
			{
				title: 'Bad request',
				detail: `header was Bearer ${token}`,
				errors: [{ name: 'Authorization', reason: `Bearer ${token}` }],
			},
		];
		for (const status of apiStatuses) {
			for (const body of bodies) {
				const [thrown, kept] = await failingRun(helper, {
					pathRegex: '^/erp/',
					status,
					...(body === undefined ? {} : { body }),
				});
				expect(thrown.error?.httpCode).toBe(String(status));
				expect(kept.output('JTL-Wawi')[0].error).toBeDefined();
			}
		}
	});

	it('never copies the token endpoint body, which echoes the Basic value', async () => {
		const bodies = [
			undefined,
			{ error: 'invalid_client', error_description: `client secret ${CLIENT_SECRET} is wrong` },
			`token request failed: Authorization: Basic ${BASIC}`,
		];
		for (const status of [400, 401, 403, 500, 502, 503]) {
			for (const body of bodies) {
				const helper = new TestCredentialsHelper(jtl.credentials());
				const [thrown] = await failingRun(helper, {
					path: '/oauth2/token',
					status,
					...(body === undefined ? {} : { body }),
				});
				expect(thrown.error?.message).toMatch(
					/^JTL-Wawi (did not issue an access token|refused the credential: the token endpoint did not accept it) \((HTTP \d+|invalid_client)/,
				);
			}
		}
	});

	it('counted at least 50 failing runs', () => {
		expect(runs).toBeGreaterThanOrEqual(50);
		expect(failed).toBe(runs);
		expect(logLines).toBeGreaterThan(0);
	});
});

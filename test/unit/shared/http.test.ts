import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { backoffDelay, coreRequest, DEFAULT_RETRY_POLICY } from '../../../nodes/shared/http';
import type { VendorProfile } from '../../../nodes/shared/http';
import { rateLimitGate } from '../../../nodes/shared/rateLimit';
import { clock } from '../../../nodes/shared/clock';

const node: INode = {
	id: '1',
	name: 'Vendor',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const vendor: VendorProfile = {
	name: 'Vendor',
	credentialType: 'vendorApi',
	rateLimitHeaders: {
		remaining: 'x-ratelimit-remaining',
		interval: 'x-ratelimit-interval-length-seconds',
	},
	parseError: (body) =>
		body && typeof body === 'object' && 'ErrorMessage' in body
			? {
					message: `Vendor: ${(body as { ErrorMessage: string }).ErrorMessage}`,
					description: 'Field errors: Name: required.',
				}
			: undefined,
};

/** An HTTP failure the way n8n's httpRequestWithAuthentication throws it: NodeApiError around an AxiosError. */
function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const axiosError = Object.assign(new Error(`Request failed with status code ${status}`), {
		name: 'AxiosError',
		isAxiosError: true,
		response: { status, headers, data },
		config: { headers: { Authorization: 'Bearer secret-token-value' } },
	});
	return new NodeApiError(node, axiosError as never);
}

function networkError(code: string) {
	const err = Object.assign(new Error(`connect ${code}`), { code });
	return new NodeApiError(node, err as never);
}

function ok(body: unknown, headers: Record<string, string> = {}) {
	return { statusCode: 200, headers, body };
}

function makeCtx(responses: Array<() => unknown>) {
	const calls: Array<{ credentialType: string; options: Record<string, unknown> }> = [];
	const httpRequestWithAuthentication = jest.fn(
		async (credentialType: string, options: Record<string, unknown>) => {
			calls.push({ credentialType, options });
			const next = responses.shift();
			if (!next) throw new Error('unexpected extra request');
			return next();
		},
	);
	const ctx = {
		getNode: () => node,
		logger: { debug: jest.fn() },
		helpers: { httpRequestWithAuthentication },
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

const thrower = (error: unknown) => () => {
	throw error;
};

describe('coreRequest', () => {
	let slept: number[];
	let fakeNow: number;

	beforeEach(() => {
		rateLimitGate.reset();
		slept = [];
		fakeNow = 1_700_000_000_000;
		jest.spyOn(clock, 'now').mockImplementation(() => fakeNow);
		jest.spyOn(clock, 'sleep').mockImplementation(async (ms) => {
			slept.push(ms);
			fakeNow += ms;
		});
		jest.spyOn(clock, 'random').mockReturnValue(1);
	});

	afterEach(() => jest.restoreAllMocks());

	it('sends through the credential with JSON and full response, and returns status, headers, body', async () => {
		const { ctx, calls } = makeCtx([() => ok([{ Id: 1 }], { 'X-RateLimit-Remaining': '9' })]);
		const res = await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/x',
			qs: { a: 1 },
			headers: { 'x-tenant-id': 't' },
		});
		expect(res).toEqual({
			statusCode: 200,
			headers: { 'x-ratelimit-remaining': '9' },
			body: [{ Id: 1 }],
		});
		expect(calls).toHaveLength(1);
		expect(calls[0].credentialType).toBe('vendorApi');
		expect(calls[0].options).toMatchObject({
			method: 'GET',
			url: 'https://api.test/x',
			qs: { a: 1 },
			json: true,
			returnFullResponse: true,
			headers: { Accept: 'application/json', 'x-tenant-id': 't' },
		});
		expect(calls[0].options.ignoreHttpStatusErrors).toBeUndefined();
		expect(calls[0].options.timeout).toBe(30_000);
	});

	it.each([429, 500, 502, 503, 504])(
		'retries a GET after HTTP %i with exponential backoff',
		async (status) => {
			const { ctx, calls } = makeCtx([
				thrower(httpError(status, {})),
				thrower(httpError(status, {})),
				() => ok({ fine: true }),
			]);
			const res = await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x' });
			expect(res.body).toEqual({ fine: true });
			expect(calls).toHaveLength(3);
			expect(slept).toEqual([
				DEFAULT_RETRY_POLICY.baseDelayMs,
				DEFAULT_RETRY_POLICY.baseDelayMs * 2,
			]);
		},
	);

	it('retries PATCH, PUT and DELETE after a dropped connection', async () => {
		for (const method of ['PATCH', 'PUT', 'DELETE'] as const) {
			const { ctx, calls } = makeCtx([thrower(networkError('ECONNRESET')), () => ok('done')]);
			await coreRequest(ctx, vendor, { method, url: 'https://api.test/x', body: { a: 1 } });
			expect(calls).toHaveLength(2);
		}
	});

	it('takes a 404 on a repeated DELETE as done: the lost first answer had deleted it', async () => {
		const { ctx, calls } = makeCtx([
			thrower(networkError('ECONNRESET')),
			thrower(httpError(404, { ErrorMessage: 'gone' })),
		]);
		const res = await coreRequest(ctx, vendor, { method: 'DELETE', url: 'https://api.test/x/1' });
		expect(res.statusCode).toBe(204);
		expect(calls).toHaveLength(2);
	});

	it('still reports a 404 on the first DELETE attempt', async () => {
		const { ctx } = makeCtx([thrower(httpError(404, { ErrorMessage: 'No such customer' }))]);
		const error = await coreRequest(ctx, vendor, {
			method: 'DELETE',
			url: 'https://api.test/x/1',
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('404');
	});

	it('never retries a POST that may have reached the server (5xx or dropped connection)', async () => {
		for (const failure of [
			httpError(500, {}),
			httpError(503, {}),
			networkError('ECONNRESET'),
			networkError('ETIMEDOUT'),
		]) {
			const { ctx, calls } = makeCtx([thrower(failure), () => ok('second')]);
			await expect(
				coreRequest(ctx, vendor, { method: 'POST', url: 'https://api.test/x', body: {} }),
			).rejects.toBeInstanceOf(NodeApiError);
			expect(calls).toHaveLength(1);
		}
	});

	it('retries a POST the server certainly did not process: 429 or a refused connection', async () => {
		for (const failure of [
			httpError(429, {}, { 'retry-after': '1' }),
			networkError('ECONNREFUSED'),
		]) {
			const { ctx, calls } = makeCtx([thrower(failure), () => ok('created')]);
			const res = await coreRequest(ctx, vendor, {
				method: 'POST',
				url: 'https://api.test/x',
				body: {},
			});
			expect(res.body).toBe('created');
			expect(calls).toHaveLength(2);
		}
	});

	it('closes the window for other requests sharing it after a 429', async () => {
		const { ctx } = makeCtx([
			thrower(httpError(429, {}, { 'retry-after': '4' })),
			() => ok(1),
			() => ok(2),
		]);
		await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/x',
			rateLimitKey: 'shared',
		});
		expect(slept).toEqual([4000]);
		await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/y',
			rateLimitKey: 'shared',
		});
		expect(slept).toEqual([4000]);
	});

	it('waits exactly what Retry-After asks (seconds)', async () => {
		const { ctx } = makeCtx([thrower(httpError(429, {}, { 'Retry-After': '3' })), () => ok(1)]);
		await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x' });
		expect(slept).toEqual([3000]);
	});

	it('uses the rate-limit window length when a 429 carries no Retry-After', async () => {
		const { ctx } = makeCtx([
			thrower(
				httpError(
					429,
					{},
					{ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Interval-Length-Seconds': '2' },
				),
			),
			() => ok(1),
		]);
		await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x' });
		expect(slept).toEqual([2000]);
	});

	it('on a 503 honours Retry-After but not the rate-limit window length', async () => {
		const { ctx } = makeCtx([
			thrower(
				httpError(
					503,
					{},
					{ 'x-ratelimit-remaining': '50', 'x-ratelimit-interval-length-seconds': '10' },
				),
			),
			thrower(httpError(503, {}, { 'retry-after': '2' })),
			() => ok(1),
		]);
		await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x' });
		expect(slept).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs, 2000]);
	});

	it('gives up with a NodeApiError when the server asks for a wait longer than the cap', async () => {
		const { ctx, calls } = makeCtx([
			thrower(httpError(429, { ErrorMessage: 'Rate limit exceeded' }, { 'retry-after': '3600' })),
		]);
		const error = await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/x',
			itemIndex: 2,
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe('Vendor: Rate limit exceeded');
		expect(calls).toHaveLength(1);
	});

	it('stops after maxRetries and reports the last failure', async () => {
		const failures = Array.from({ length: DEFAULT_RETRY_POLICY.maxRetries + 1 }, () =>
			thrower(httpError(503, {})),
		);
		const { ctx, calls } = makeCtx(failures);
		const error = await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/x',
		}).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('503');
		expect(calls).toHaveLength(DEFAULT_RETRY_POLICY.maxRetries + 1);
	});

	it('does not retry a 400 and maps the vendor message, description and item index', async () => {
		const { ctx, calls } = makeCtx([
			thrower(httpError(400, { ErrorCode: 'Validation', ErrorMessage: 'Invalid customer' })),
		]);
		const error = await coreRequest(ctx, vendor, {
			method: 'PATCH',
			url: 'https://api.test/x',
			itemIndex: 3,
		}).catch((e) => e);
		expect(calls).toHaveLength(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Vendor: Invalid customer');
		expect(error.description).toContain('Field errors: Name: required.');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(3);
	});

	it('keeps secrets from the request out of the error', async () => {
		const { ctx } = makeCtx([thrower(httpError(401, ''))]);
		const error = await coreRequest(ctx, vendor, {
			method: 'GET',
			url: 'https://api.test/x',
		}).catch((e) => e);
		expect(error.httpCode).toBe('401');
		expect(
			JSON.stringify({
				m: error.message,
				d: error.description,
				c: error.context,
				e: error.errorResponse,
			}),
		).not.toContain('secret-token-value');
	});

	it("reports n8n's SSRF block as such, once, without a retry and without blaming the network", async () => {
		// n8n 2.41 (@n8n/backend-network) throws a UserError named SsrfBlockedIpError; the
		// request helper wraps it in a NodeApiError.
		const blocked = Object.assign(
			new Error('The request was blocked because it resolves to a restricted IP address'),
			{
				name: 'SsrfBlockedIpError',
				description: "The target 'erp.internal' (10.1.2.3) is not allowed.",
			},
		);
		for (const method of ['GET', 'POST'] as const) {
			const { ctx, calls } = makeCtx([thrower(new NodeApiError(node, blocked as never))]);
			const error = await coreRequest(ctx, vendor, {
				method,
				url: 'https://erp.internal/x',
				itemIndex: 2,
			}).catch((e) => e);
			expect(calls).toHaveLength(1);
			expect(slept).toEqual([]);
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.message).toBe(
				'n8n blocked the request to Vendor: The request was blocked because it resolves to a restricted IP address',
			);
			expect(error.description).toContain("'erp.internal' (10.1.2.3) is not allowed");
			expect(error.description).toContain('N8N_SSRF_ALLOWED_HOSTNAMES');
			expect(error.description).toContain('100.64.0.0/10');
			expect(error.httpCode).toBeNull();
			expect(error.context.itemIndex).toBe(2);
		}
	});

	it("recognises a blocked host name by n8n's message alone", async () => {
		const blocked = new Error(
			'The request was blocked because the destination hostname is restricted',
		);
		const { ctx } = makeCtx([thrower(blocked)]);
		const error = await coreRequest(ctx, vendor, { method: 'GET', url: 'https://x/y' }).catch(
			(e) => e,
		);
		expect(error.message).toMatch(/^n8n blocked the request to Vendor: /);
	});

	it('holds later requests while the vendor reports an exhausted window', async () => {
		const { ctx } = makeCtx([
			() => ok(1, { 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-length-seconds': '5' }),
			() => ok(2, { 'x-ratelimit-remaining': '59' }),
		]);
		await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x', rateLimitKey: 'k' });
		expect(slept).toEqual([]);
		await coreRequest(ctx, vendor, { method: 'GET', url: 'https://api.test/x', rateLimitKey: 'k' });
		expect(slept).toEqual([5000]);
	});
});

describe('backoffDelay', () => {
	it('doubles per attempt, jitters within 50-100 %, and is capped', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
		expect(backoffDelay(0, policy, 1)).toBe(100);
		expect(backoffDelay(0, policy, 0)).toBe(50);
		expect(backoffDelay(3, policy, 1)).toBe(800);
		expect(backoffDelay(10, policy, 1)).toBe(1000);
		expect(backoffDelay(10, policy, 0)).toBe(500);
	});
});

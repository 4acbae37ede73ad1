// The shared sandbox server. It owns the HTTP server (listen, url, close), the /__sandbox/ control
// endpoints, the request log, the clock, faults, the rate limiter and latency; a vendor sandbox
// supplies its routes, seed state, auth check, error-body formatter and extra summary/control.
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { createClock } from './clock.mjs';
import { controlResponse } from './control.mjs';
import { ApiError } from './errors.mjs';
import { normaliseFault, takeFault } from './faults.mjs';
import { parseBody, readBody, send } from './http.mjs';
import { createRateLimiter } from './rateLimit.mjs';
import { logRequest } from './requestLog.mjs';

const pause = (ms) => delay(ms, undefined, { ref: false });

/** Default echo fault body: the error body with the request as received beside it. */
const defaultEchoBody = (body, request) =>
	body && typeof body === 'object' && !Array.isArray(body)
		? { ...body, request }
		: { body, request };

/**
 * A vendor's options over its defaults. `rateLimit: false` or `null` turns rate limiting off; an
 * object is laid over `defaults.rateLimit`, and `fixedRateLimit` (settings a vendor always has, e.g.
 * which headers it sends) over that.
 */
export function resolveOptions(defaults, options, fixedRateLimit) {
	const merged = { ...defaults, ...options };
	merged.rateLimit =
		options.rateLimit === false || options.rateLimit === null
			? false
			: { ...defaults.rateLimit, ...(options.rateLimit ?? {}), ...fixedRateLimit };
	return merged;
}

/**
 * The library handle every vendor sandbox returns, from a started server and its resolved options;
 * a vendor spreads it and adds its own addresses and calls.
 */
export function sandboxHandle(sb, options) {
	return {
		url: sb.url,
		port: sb.port,
		options,
		state: sb.state,
		requests: sb.requests,
		faults: sb.faults,
		now: sb.now,
		addFault: sb.addFault,
		clearFaults: sb.clearFaults,
		advanceClock: sb.advanceClock,
		summary: sb.summary,
		reset: sb.reset,
		close: sb.close,
	};
}

/**
 * @param config
 *  options       resolved vendor options; reads port, host, latencyMs, rateLimit ({limit,
 *                intervalSeconds, retryAfter} or false), seed
 *  seed          (options, nowMs) => fresh state; called at start and on reset, with the clock
 *  api           { prefix, router, pathOf?(pathname), context?(ctx) => extra ctx fields,
 *                  authenticate?(ctx) => undefined | answer (or throw ApiError),
 *                  rateKey?(ctx), checkParams?(ctx) => {param: message}, rateLimitError?() }
 *  endpoints     { '/exact/path': { handle(ctx) => answer, maskBody?(body) } }, outside the API
 *                (logged, faults apply before the handler, no auth or rate limit)
 *  errorBody     (apiError, ctx) => JSON body in the vendor's shape
 *  errorHeaders  (apiError, ctx) => extra headers of an error answer (e.g. its Content-Type)
 *  summary       (state, nowMs) => counters for GET /__sandbox/state
 *  control       extra control endpoints, see control.mjs
 *  onReset       (state) => void, after the state was reseeded
 *  echoBody      (body, request, ctx) => body of an `echo` fault
 *  notFoundBody  (path) => body for paths outside the API and the endpoints
 * An answer is { status, body?, headers? }. Handlers get ctx: { req, res, method, url, path, query,
 * headers, parsed, body, state, options, now, nowIso, entry, apiPath, route, params, ...context }.
 */
export async function startSandboxServer(config) {
	const {
		options,
		seed,
		api,
		endpoints = {},
		errorBody,
		errorHeaders = () => undefined,
		summary: vendorSummary = () => ({}),
		control = {},
		onReset,
		echoBody = defaultEchoBody,
		notFoundBody = (path) => ({
			error: 'not_found',
			message: `Nothing at ${path}; the API lives under ${api?.prefix}`,
		}),
	} = config;
	const clock = createClock();
	// The seed may date records relative to the sandbox clock (see futureDated.mjs).
	const state = seed(options, clock.now());
	const limiter = createRateLimiter(options.rateLimit);
	const requests = [];
	const faults = [];
	let inFlight = 0;

	const sandbox = {
		state,
		requests,
		faults,
		now: clock.now,
		nowIso: clock.nowIso,
		addFault(fault) {
			const normalised = normaliseFault(fault);
			faults.push(normalised);
			return normalised;
		},
		clearFaults() {
			faults.length = 0;
		},
		advanceClock: clock.advance,
		reset() {
			clock.reset();
			const fresh = seed(options, clock.now());
			for (const key of Object.keys(state)) delete state[key];
			Object.assign(state, fresh);
			requests.length = 0;
			faults.length = 0;
			limiter.reset();
			onReset?.(state);
		},
		summary() {
			return {
				seed: state.seed ?? options.seed,
				now: clock.nowIso(),
				clockOffsetSeconds: clock.offsetSeconds(),
				...vendorSummary(state, clock.now()),
				requests: requests.length,
				pendingFaults: faults.filter((f) => f.times > 0).length,
			};
		},
	};

	const errorAnswer = (err, ctx) => ({
		status: err.status,
		body: errorBody(err, ctx),
		headers: errorHeaders(err, ctx),
	});

	/** Run a handler; an ApiError it throws becomes an error answer. */
	async function answerOf(fn, ctx) {
		try {
			return await fn();
		} catch (err) {
			if (err instanceof ApiError) return errorAnswer(err, ctx);
			throw err;
		}
	}

	/** The fault's answer after its delay, or undefined when it drops the connection. */
	async function faultAnswer(fault, ctx) {
		if (fault.delayMs > 0) await pause(fault.delayMs);
		if (fault.drop) {
			ctx.entry.dropped = true;
			ctx.res.socket?.destroy();
			return undefined;
		}
		let body = fault.body;
		let headers = fault.headers;
		if (body === undefined && fault.status >= 400) {
			const err = new ApiError(fault.status, 'SandboxFault', 'Injected fault');
			body = errorBody(err, ctx);
			headers = { ...errorHeaders(err, ctx), ...headers };
		}
		if (fault.echo) {
			const { method, path, headers, parsed } = ctx;
			body = echoBody(body, { method, path, headers, body: parsed.value }, ctx);
		}
		return { status: fault.status, body, headers };
	}

	/** Answer with a fault before the handler, or run the handler and then apply an afterHandler fault. */
	async function withFaults(ctx, handler) {
		const fault = takeFault(faults, ctx.method, ctx.path);
		if (fault && !fault.afterHandler) return faultAnswer(fault, ctx);
		const answer = await answerOf(handler, ctx);
		return fault ? faultAnswer(fault, ctx) : answer;
	}

	function checkJsonBody(parsed) {
		if (parsed.kind === 'empty')
			throw new ApiError(400, 'ValidationError', 'A non-empty request body is required.');
		if (parsed.kind !== 'json')
			throw new ApiError(415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
		if (parsed.error)
			throw new ApiError(400, 'InvalidJson', `The request body is not valid JSON: ${parsed.error}`);
	}

	/** Routing, path parameters and body, then the route's handler. */
	function routeAnswer(ctx) {
		const { match, method, path } = ctx;
		if (!match) throw new ApiError(404, 'NotFound', `No endpoint ${method} ${path}`);
		if (!match.route) {
			const err = new ApiError(
				405,
				'MethodNotAllowed',
				`Method ${method} is not allowed on ${path}`,
			);
			return { ...errorAnswer(err, ctx), headers: { Allow: match.allowed.join(', ') } };
		}
		ctx.route = match.route;
		ctx.params = match.params;
		const badParams = api.checkParams?.(ctx) ?? {};
		if (Object.keys(badParams).length > 0) {
			const message = 'One or more path parameters are invalid.';
			throw new ApiError(400, 'ValidationError', message, badParams);
		}
		if (ctx.route.body) checkJsonBody(ctx.parsed);
		return ctx.route.handler(ctx);
	}

	/** auth, rate limit, latency, faults, routing; every answer carries the rate-limit headers. */
	async function apiAnswer(ctx) {
		ctx.apiPath = api.pathOf ? api.pathOf(ctx.path) : ctx.path.slice(api.prefix.length) || '/';
		Object.assign(ctx, api.context?.(ctx));
		ctx.match = api.router.match(ctx.method, ctx.apiPath);
		const template = ctx.match?.route?.template ?? ctx.apiPath;
		const rateKey = api.rateKey ? api.rateKey(ctx) : `${ctx.method} ${template}`;
		let rateHeaders = limiter.peek(rateKey, clock.now());
		const withRateHeaders = (answer) =>
			answer && { ...answer, headers: { ...rateHeaders, ...answer.headers } };

		const denied = await answerOf(() => api.authenticate?.(ctx), ctx);
		if (denied) return withRateHeaders(denied);
		const hit = limiter.hit(rateKey, clock.now());
		rateHeaders = hit.headers;
		if (hit.limited) {
			const err =
				api.rateLimitError?.() ?? new ApiError(429, 'TooManyRequests', 'Rate limit exceeded');
			return withRateHeaders(errorAnswer(err, ctx));
		}
		if (options.latencyMs > 0) await pause(options.latencyMs);
		return withRateHeaders(await withFaults(ctx, () => routeAnswer(ctx)));
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://sandbox.invalid');
		const parsed = parseBody(await readBody(req), req.headers['content-type']);
		const path = url.pathname;

		if (path.startsWith('/__sandbox/')) {
			const action = path.slice('/__sandbox/'.length).replace(/\/+$/, '');
			const result = await controlResponse(sandbox, req.method, action, parsed, control);
			return send(res, result.status, result.body);
		}
		const endpoint = Object.hasOwn(endpoints, path) ? endpoints[path] : undefined;
		const inApi = api && (path === api.prefix || path.startsWith(`${api.prefix}/`));
		if (!endpoint && !inApi) return send(res, 404, notFoundBody(path));

		const ctx = {
			req,
			res,
			method: req.method,
			url,
			path,
			query: url.searchParams,
			headers: req.headers,
			parsed,
			body: parsed.value,
			state,
			options,
			now: clock.now,
			nowIso: clock.nowIso,
		};
		const at = clock.nowIso();
		ctx.entry = logRequest(requests, { req, res, url, parsed, at, maskBody: endpoint?.maskBody });
		// How many requests the sandbox was serving when this one arrived, itself included.
		ctx.entry.inFlight = ++inFlight;
		res.once('close', () => inFlight--);
		const answer = endpoint
			? await withFaults(ctx, () => endpoint.handle(ctx))
			: await apiAnswer(ctx);
		// The answer's Date is the sandbox clock's, as a vendor's own clock would stamp it.
		const date = { Date: new Date(clock.now()).toUTCString() };
		if (answer) send(res, answer.status, answer.body, { ...date, ...answer.headers });
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((err) => {
			const crash = new ApiError(500, 'InternalServerError', String(err?.stack ?? err));
			send(res, 500, errorBody(crash, {}));
		});
	});
	server.keepAliveTimeout = 1000;

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const port = server.address().port;
	const publicHost = ['0.0.0.0', '::', ''].includes(options.host) ? '127.0.0.1' : options.host;
	const url = `http://${publicHost.includes(':') ? `[${publicHost}]` : publicHost}:${port}`;
	let closing;

	return {
		...sandbox,
		url,
		port,
		server,
		close() {
			closing ??= new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

// JTL Cloud ERP API sandbox: a stateful, seeded fake of the vendor API (never published).
// Library: `await startJtlSandbox(options)`. CLI: `node sandbox/jtl/server.mjs --port 4100`.
import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { bearerIsValid, issueToken, maskHeaders, maskTokenBody, tokenResponse } from './auth.mjs';
import { controlResponse } from './control.mjs';
import { seedState } from './data.mjs';
import { normaliseFault, takeFault } from './faults.mjs';
import { parseBody, queryObject, readBody, Router, send } from './http.mjs';
import { createRateLimiter } from './ratelimit.mjs';
import * as contacts from './routes/contacts.mjs';
import * as customersV1 from './routes/customers-v1.mjs';
import * as customersV2 from './routes/customers-v2.mjs';
import * as prices from './routes/prices.mjs';
import * as reference from './routes/reference.mjs';
import { ApiError, errorBody, isUuid, parseInt32 } from './validate.mjs';

export const DEFAULTS = Object.freeze({
	port: 0,
	host: '127.0.0.1',
	seed: 1,
	customers: 25,
	items: 10,
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	tenantId: '6c9f3d0e-2b1a-4c8e-9f7d-5a4b3c2d1e0f',
	tokenTtlSeconds: 3600,
	rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
	latencyMs: 0,
	requireAppHeaders: true,
	maxPageSize: 100,
});

function resolveOptions(options) {
	const merged = { ...DEFAULTS, ...options };
	merged.rateLimit =
		options.rateLimit === false || options.rateLimit === null
			? false
			: { ...DEFAULTS.rateLimit, ...(options.rateLimit ?? {}) };
	return merged;
}

function buildRouter() {
	const router = new Router();
	for (const module of [reference, customersV1, customersV2, contacts, prices])
		module.register(router);
	for (const route of router.routes)
		route.surface = route.template.startsWith('/v2/') ? 'v2' : 'v1';
	return router;
}

/** '/erp/v1/customers' and '/erp/customers' share one handler; returns the path below /erp. */
function apiPathOf(pathname) {
	let path = pathname.slice('/erp'.length).replace(/\/+$/, '') || '/';
	if (/^\/v1(\/|$)/i.test(path) && !/^\/v1\/v2(\/|$)/i.test(path)) path = path.slice(3) || '/';
	return path;
}

/** Path parameters: int32 on v1 routes, UUID on v2 routes. */
function paramErrors(route, params) {
	const errors = {};
	for (const [name, value] of Object.entries(params)) {
		if (route.surface === 'v1' && parseInt32(value) === undefined) {
			errors[name] = `The value '${value}' is not valid for ${name}: expected an int32.`;
		} else if (route.surface === 'v2' && !isUuid(value)) {
			errors[name] = `The value '${value}' is not valid for ${name}: expected a UUID.`;
		}
	}
	return errors;
}

export async function startJtlSandbox(userOptions = {}) {
	const options = resolveOptions(userOptions);
	const router = buildRouter();
	const limiter = createRateLimiter(options.rateLimit);
	const state = seedState(options);
	const requests = [];
	const faults = [];
	let clockOffsetMs = 0;
	const now = () => Date.now() + clockOffsetMs;
	const nowIso = () => new Date(now()).toISOString();

	const sandbox = {
		state,
		requests,
		faults,
		now,
		addFault(fault) {
			const normalised = normaliseFault(fault);
			faults.push(normalised);
			return normalised;
		},
		clearFaults() {
			faults.length = 0;
		},
		advanceClock(seconds) {
			clockOffsetMs += seconds * 1000;
			return clockOffsetMs / 1000;
		},
		reset() {
			const fresh = seedState(options);
			for (const key of Object.keys(state)) delete state[key];
			Object.assign(state, fresh);
			requests.length = 0;
			faults.length = 0;
			clockOffsetMs = 0;
			limiter.reset();
		},
		issueToken() {
			return issueToken(state, options, now());
		},
		summary() {
			return {
				seed: state.seed,
				now: nowIso(),
				clockOffsetSeconds: clockOffsetMs / 1000,
				tokensIssued: state.tokensIssued,
				activeTokens: [...state.tokens.values()].filter((exp) => exp > now()).length,
				customers: state.customers.length,
				contacts: state.contacts.length,
				prices: state.prices.length,
				items: state.items.length,
				requests: requests.length,
				pendingFaults: faults.filter((f) => f.times > 0).length,
			};
		},
	};

	function logRequest(req, res, url, parsed) {
		const entry = {
			method: req.method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: maskHeaders(req.headers),
			body: url.pathname === '/oauth2/token' ? maskTokenBody(parsed.value) : parsed.value,
			status: null,
			at: nowIso(),
		};
		requests.push(entry);
		res.on('finish', () => {
			entry.status = res.statusCode;
		});
		return entry;
	}

	/** Apply a fault: optional delay, then drop the socket or answer with the fault's response. */
	async function applyFault(fault, res, entry, surface, extraHeaders = {}) {
		if (fault.delayMs > 0) await delay(fault.delayMs, undefined, { ref: false });
		if (fault.drop) {
			entry.dropped = true;
			res.socket?.destroy();
			return;
		}
		let body = fault.body;
		if (body === undefined && fault.status >= 400) {
			body = errorBody(surface, new ApiError(fault.status, 'SandboxFault', 'Injected fault'));
		}
		send(res, fault.status, body, { ...extraHeaders, ...fault.headers });
	}

	async function handleApi(req, res, url, parsed, entry) {
		const method = req.method;
		const apiPath = apiPathOf(url.pathname);
		const surface = /^\/v2(\/|$)/i.test(apiPath) ? 'v2' : 'v1';
		const match = router.match(method, apiPath);
		const tenant = req.headers['x-tenant-id'];
		const rateKey = `${tenant ?? '-'}|${method} ${match?.route?.template ?? apiPath}`;
		let rlHeaders = limiter.peek(rateKey, now());
		const fail = (err) => send(res, err.status, errorBody(surface, err), rlHeaders);

		// 1. bearer token
		if (!bearerIsValid(state, req.headers.authorization, now())) {
			return send(res, 401, undefined, {
				...rlHeaders,
				'WWW-Authenticate': 'Bearer error="invalid_token"',
			});
		}
		// 2. tenant
		if (!tenant) {
			return send(
				res,
				401,
				{ ErrorCode: 'TenantIdMissing', ErrorMessage: 'Missing X-Tenant-ID header' },
				rlHeaders,
			);
		}
		if (tenant.toLowerCase() !== options.tenantId.toLowerCase()) {
			const message = 'No licence available or the app has not been authorised by JTL.';
			return send(res, 402, { ErrorCode: 'NoLicence', ErrorMessage: message }, rlHeaders);
		}
		// 3. app headers
		if (options.requireAppHeaders) {
			for (const name of ['x-appid', 'x-appversion']) {
				if (!req.headers[name]) {
					return fail(
						new ApiError(400, 'MissingHeader', `Missing ${name} header`, {
							[name]: `The ${name} header is required.`,
						}),
					);
				}
			}
		}
		// 4. rate limit
		const hit = limiter.hit(rateKey, now());
		rlHeaders = hit.headers;
		if (hit.limited) return fail(new ApiError(429, 'TooManyRequests', 'Rate limit exceeded'));
		// 5. latency, 6. faults
		if (options.latencyMs > 0) await delay(options.latencyMs, undefined, { ref: false });
		const fault = takeFault(faults, method, url.pathname);
		if (fault) return applyFault(fault, res, entry, surface, rlHeaders);

		// routing, path parameters, body
		if (!match) return fail(new ApiError(404, 'NotFound', `No endpoint ${method} ${url.pathname}`));
		if (!match.route) {
			const err = new ApiError(
				405,
				'MethodNotAllowed',
				`Method ${method} is not allowed on ${url.pathname}`,
			);
			return send(res, 405, errorBody(surface, err), {
				...rlHeaders,
				Allow: match.allowed.join(', '),
			});
		}
		const { route, params } = match;
		const badParams = paramErrors(route, params);
		if (Object.keys(badParams).length > 0) {
			return fail(
				new ApiError(400, 'ValidationError', 'One or more path parameters are invalid.', badParams),
			);
		}
		if (route.body) {
			if (parsed.kind === 'empty')
				return fail(new ApiError(400, 'ValidationError', 'A non-empty request body is required.'));
			if (parsed.kind !== 'json') {
				return fail(
					new ApiError(415, 'UnsupportedMediaType', 'Content-Type must be application/json.'),
				);
			}
			if (parsed.error)
				return fail(
					new ApiError(400, 'InvalidJson', `The request body is not valid JSON: ${parsed.error}`),
				);
		}
		try {
			const result = route.handler({
				state,
				options,
				params,
				query: url.searchParams,
				body: parsed.value,
				surface,
				now,
				nowIso,
			});
			send(res, result.status, result.body, { ...rlHeaders, ...result.headers });
		} catch (err) {
			if (err instanceof ApiError) return fail(err);
			throw err;
		}
	}

	async function handle(req, res) {
		const url = new URL(req.url, 'http://sandbox.invalid');
		const raw = await readBody(req);
		const parsed = parseBody(raw, req.headers['content-type']);
		const path = url.pathname;

		if (path.startsWith('/__sandbox/')) {
			const result = controlResponse(
				sandbox,
				req.method,
				path.slice('/__sandbox/'.length).replace(/\/+$/, ''),
				parsed,
			);
			return send(res, result.status, result.body);
		}
		if (path === '/oauth2/token') {
			const entry = logRequest(req, res, url, parsed);
			const fault = takeFault(faults, req.method, path);
			if (fault) return applyFault(fault, res, entry, 'v1');
			const result = tokenResponse({
				method: req.method,
				headers: req.headers,
				parsed,
				state,
				options,
				nowMs: now(),
			});
			return send(res, result.status, result.body, result.headers);
		}
		if (path === '/erp' || path.startsWith('/erp/')) {
			const entry = logRequest(req, res, url, parsed);
			return handleApi(req, res, url, parsed, entry);
		}
		send(res, 404, { error: 'not_found', message: `Nothing at ${path}; the API lives under /erp` });
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((err) => {
			send(res, 500, { ErrorCode: 'InternalServerError', ErrorMessage: String(err?.stack ?? err) });
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
		url,
		port,
		apiBase: `${url}/erp`,
		tokenUrl: `${url}/oauth2/token`,
		options,
		credentials: {
			clientId: options.clientId,
			clientSecret: options.clientSecret,
			tenantId: options.tenantId,
		},
		state,
		requests,
		faults,
		now,
		addFault: sandbox.addFault,
		clearFaults: sandbox.clearFaults,
		advanceClock: sandbox.advanceClock,
		issueToken: sandbox.issueToken,
		summary: sandbox.summary,
		reset: sandbox.reset,
		close() {
			closing ??= new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

// ---- CLI -------------------------------------------------------------------------------------

const CLI_FLAGS = {
	'--port': ['port', Number],
	'--host': ['host', String],
	'--seed': ['seed', Number],
	'--customers': ['customers', Number],
	'--items': ['items', Number],
	'--client-id': ['clientId', String],
	'--client-secret': ['clientSecret', String],
	'--tenant-id': ['tenantId', String],
	'--token-ttl': ['tokenTtlSeconds', Number],
	'--latency': ['latencyMs', Number],
	'--max-page-size': ['maxPageSize', Number],
};

export function parseCliArgs(argv) {
	const options = {};
	const rateLimit = { ...DEFAULTS.rateLimit };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = () => inline ?? argv[++i];
		if (flag === '--rate-limit') rateLimit.limit = Number(value());
		else if (flag === '--rate-interval') rateLimit.intervalSeconds = Number(value());
		else if (flag === '--no-retry-after') rateLimit.retryAfter = false;
		else if (flag === '--no-app-headers') options.requireAppHeaders = false;
		else if (CLI_FLAGS[flag]) {
			const [key, cast] = CLI_FLAGS[flag];
			options[key] = cast(value());
			if (cast === Number && !Number.isFinite(options[key]))
				throw new Error(`${flag} needs a number`);
		} else throw new Error(`unknown option ${argv[i]}`);
	}
	options.rateLimit = rateLimit.limit > 0 ? rateLimit : false;
	return options;
}

function isMain() {
	if (!process.argv[1]) return false;
	try {
		return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
	} catch {
		return false;
	}
}

if (isMain()) {
	let options;
	try {
		options = parseCliArgs(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`jtl-sandbox: ${err.message}\n`);
		process.exit(2);
	}
	const sandbox = await startJtlSandbox(options);
	process.stdout.write(
		`${JSON.stringify({ url: sandbox.url, apiBase: sandbox.apiBase, tokenUrl: sandbox.tokenUrl })}\n`,
	);
	const stop = () => sandbox.close().then(() => process.exit(0));
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

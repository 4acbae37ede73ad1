// The shared server with a tiny vendor: routes, auth, error bodies, endpoints, faults, control.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { ApiError, notFound } from './errors.mjs';
import { Router } from './router.mjs';
import { resolveOptions, sandboxHandle, startSandboxServer } from './server.mjs';
import { maskFields } from './requestLog.mjs';

const router = new Router()
	.add('GET', '/notes', ({ state }) => ({ status: 200, body: state.notes }))
	.add('GET', '/notes/:id', ({ state, params }) => {
		const note = state.notes.find((n) => n.id === Number(params.id));
		if (!note) throw notFound(`Note ${params.id}`);
		return { status: 200, body: note };
	})
	.add(
		'POST',
		'/notes',
		({ state, body }) => {
			state.notes.push({ id: state.notes.length + 1, text: body.text });
			return { status: 201, body: state.notes.at(-1) };
		},
		{ body: true },
	)
	.add('GET', '/crash', () => {
		throw new Error('boom');
	});

describe('startSandboxServer', () => {
	let sb;
	const call = (path, init = {}) =>
		fetch(`${sb.url}${path}`, {
			...init,
			headers: { authorization: 'Key good', 'content-type': 'application/json', ...init.headers },
		});

	before(async () => {
		sb = await startSandboxServer({
			options: {
				port: 0,
				host: '127.0.0.1',
				seed: 4,
				rateLimit: { limit: 100, intervalSeconds: 60 },
			},
			seed: () => ({ notes: [{ id: 1, text: 'first' }] }),
			api: {
				prefix: '/api',
				router,
				authenticate: ({ headers }) => {
					if (headers.authorization !== 'Key good')
						throw new ApiError(401, 'Unauthorized', 'Bad key');
				},
			},
			endpoints: {
				'/login': {
					maskBody: (body) => maskFields(body, ['password']),
					handle: ({ state }) => ({ status: 200, body: { notes: state.notes.length } }),
				},
			},
			errorBody: (err) => ({ code: err.code, message: err.message, fields: err.validationErrors }),
			summary: (state) => ({ notes: state.notes.length }),
			control: { 'GET hello': () => ({ status: 200, body: { hello: 'world' } }) },
		});
	});
	after(() => sb.close());

	it('routes, authenticates and formats errors with the vendor formatter', async () => {
		let r = await call('/api/notes/1');
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('x-ratelimit-limit'), '100');
		assert.deepEqual(await r.json(), { id: 1, text: 'first' });
		r = await call('/api/notes/9');
		assert.deepEqual(await r.json(), { code: 'NotFound', message: 'Note 9 was not found.' });
		r = await call('/api/notes', { headers: { authorization: 'Key bad' } });
		assert.equal(r.status, 401);
		r = await call('/api/notes', { method: 'POST', body: '{' });
		assert.equal((await r.json()).code, 'InvalidJson');
		r = await call('/api/notes', {
			method: 'POST',
			headers: { 'content-type': 'text/plain' },
			body: 'x',
		});
		assert.equal(r.status, 415);
		r = await call('/api/notes/1', { method: 'DELETE' });
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'GET');
	});

	it('answers paths outside the API with 404 and crashes with 500', async () => {
		let r = await call('/elsewhere');
		assert.deepEqual(await r.json(), {
			error: 'not_found',
			message: 'Nothing at /elsewhere; the API lives under /api',
		});
		r = await call('/api/crash');
		assert.equal(r.status, 500);
		assert.match((await r.json()).message, /boom/);
	});

	it('logs endpoint requests with masked bodies and the vendor summary', async () => {
		const r = await call('/login', {
			method: 'POST',
			body: JSON.stringify({ user: 'a', password: 'pw' }),
		});
		assert.deepEqual(await r.json(), { notes: 1 });
		assert.deepEqual(sb.requests.at(-1).body, { user: 'a', password: '***' });
		assert.equal(sb.requests.at(-1).headers.authorization, 'Key ***');
		const state = await (await fetch(`${sb.url}/__sandbox/state`)).json();
		assert.equal(state.seed, 4);
		assert.equal(state.notes, 1);
		assert.deepEqual(await (await fetch(`${sb.url}/__sandbox/hello`)).json(), { hello: 'world' });
	});

	it('afterHandler with a status applies the write and answers with the fault', async () => {
		sb.addFault({ method: 'POST', path: '/api/notes', status: 502, afterHandler: true });
		const r = await call('/api/notes', { method: 'POST', body: '{"text":"second"}' });
		assert.equal(r.status, 502);
		assert.deepEqual(await r.json(), { code: 'SandboxFault', message: 'Injected fault' });
		assert.equal(sb.state.notes.at(-1).text, 'second');
	});

	it('a random appliedThen5xx fault applies the write, then answers 500/502/503/504', async () => {
		sb.addFault({
			method: 'POST',
			path: '/api/notes',
			random: { rate: 1, seed: 3, kinds: ['appliedThen5xx'] },
			times: 1,
		});
		const before = sb.state.notes.length;
		const r = await call('/api/notes', { method: 'POST', body: '{"text":"third"}' });
		assert.ok([500, 502, 503, 504].includes(r.status), `status ${r.status}`);
		assert.equal(sb.state.notes.length, before + 1);
		assert.equal(sb.state.notes.at(-1).text, 'third');
		assert.deepEqual(sb.faults.at(-1).injectedByKind, { appliedThen5xx: 1 });
	});

	it('echo returns the request with unmasked headers and body; faults also hit endpoints', async () => {
		sb.addFault({ path: '/login', status: 400, body: { oops: true }, echo: true });
		const r = await call('/login', { method: 'POST', body: '{"password":"pw"}' });
		const body = await r.json();
		assert.equal(r.status, 400);
		assert.equal(body.oops, true);
		assert.equal(body.request.method, 'POST');
		assert.equal(body.request.path, '/login');
		assert.equal(body.request.headers.authorization, 'Key good');
		assert.deepEqual(body.request.body, { password: 'pw' });
	});

	it("stamps every answer's Date header with the sandbox clock, not the host's", async () => {
		sb.advanceClock(-3600);
		const date = Date.parse((await call('/api/notes')).headers.get('date'));
		sb.advanceClock(3600);
		assert.ok(Math.abs(date - (Date.now() - 3_600_000)) < 5000, `Date ${new Date(date)}`);
	});

	it('resets state, log, faults and clock', async () => {
		sb.addFault({ path: '/x', status: 500 });
		sb.advanceClock(60);
		const r = await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
		assert.equal(r.status, 200);
		assert.equal(sb.state.notes.length, 1);
		assert.equal(sb.requests.length, 0);
		assert.equal(sb.faults.length, 0);
		assert.equal(sb.summary().clockOffsetSeconds, 0);
	});
});

describe('resolveOptions', () => {
	const defaults = Object.freeze({
		port: 0,
		seed: 1,
		rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
	});

	it('lays the options over the defaults and the rate limit over the default one', () => {
		assert.deepEqual(resolveOptions(defaults, {}), defaults);
		assert.deepEqual(resolveOptions(defaults, { seed: 4, rateLimit: { limit: 3 } }), {
			port: 0,
			seed: 4,
			rateLimit: { limit: 3, intervalSeconds: 10, retryAfter: true },
		});
		const resolved = resolveOptions(defaults, {});
		assert.notEqual(resolved.rateLimit, defaults.rateLimit);
	});

	it('turns rate limiting off with false or null', () => {
		assert.equal(resolveOptions(defaults, { rateLimit: false }).rateLimit, false);
		assert.equal(resolveOptions(defaults, { rateLimit: null }).rateLimit, false);
		assert.equal(
			resolveOptions(defaults, { rateLimit: false }, { resetOnLimit: true }).rateLimit,
			false,
		);
	});

	it('puts the fixed rate-limit settings over the given ones', () => {
		const fixed = { intervalHeader: false, resetOnLimit: true };
		assert.deepEqual(
			resolveOptions(defaults, { rateLimit: { limit: 5, resetOnLimit: false } }, fixed).rateLimit,
			{
				limit: 5,
				intervalSeconds: 10,
				retryAfter: true,
				intervalHeader: false,
				resetOnLimit: true,
			},
		);
	});
});

describe('sandboxHandle', () => {
	it('exposes the server, state and calls of a started sandbox', async (t) => {
		const options = { port: 0, host: '127.0.0.1', latencyMs: 0, rateLimit: false, seed: 2 };
		const sb = await startSandboxServer({
			options,
			seed: () => ({ notes: [] }),
			api: { prefix: '/api', router },
			errorBody: (err) => ({ error: err.code }),
		});
		const handle = sandboxHandle(sb, options);
		t.after(() => handle.close());
		assert.deepEqual(Object.keys(handle), [
			'url',
			'port',
			'options',
			'state',
			'requests',
			'faults',
			'now',
			'addFault',
			'clearFaults',
			'advanceClock',
			'summary',
			'reset',
			'close',
		]);
		assert.equal(handle.url, `http://127.0.0.1:${handle.port}`);
		assert.equal(handle.options, options);
		handle.state.notes.push({ id: 1, text: 'a' });
		assert.equal((await (await fetch(`${handle.url}/api/notes`)).json()).length, 1);
		assert.equal(handle.requests.length, 1);
		handle.addFault({ path: '/api/notes', status: 503 });
		assert.equal(handle.faults.length, 1);
		handle.clearFaults();
		assert.equal(handle.faults.length, 0);
		const t0 = handle.now();
		handle.advanceClock(60);
		assert.ok(handle.now() - t0 >= 60_000);
		assert.equal(handle.summary().seed, 2);
		handle.reset();
		assert.deepEqual(handle.state.notes, []);
		assert.equal(handle.requests.length, 0);
	});
});

describe('the request log', () => {
	it('records how many requests were being served when each arrived', async (t) => {
		const options = { port: 0, host: '127.0.0.1', latencyMs: 100, rateLimit: false, seed: 1 };
		const sb = await startSandboxServer({
			options,
			seed: () => ({ notes: [] }),
			api: { prefix: '/api', router },
			errorBody: (err) => ({ error: err.code }),
		});
		t.after(() => sb.close());
		// Three at once: each is held 100 ms, so the third arrives while the first two are served.
		await Promise.all([1, 2, 3].map(() => fetch(`${sb.url}/api/notes`).then((r) => r.text())));
		assert.deepEqual(sb.requests.map((r) => r.inFlight).sort(), [1, 2, 3]);
		// One after another: never more than itself.
		for (let i = 0; i < 2; i++) await (await fetch(`${sb.url}/api/notes`)).text();
		assert.deepEqual(
			sb.requests.slice(3).map((r) => r.inFlight),
			[1, 1],
		);
	});
});

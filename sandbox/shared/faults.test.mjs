// Faults: validation, matching by method/path/pathRegex, times, public view.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { describeFault, normaliseFault, takeFault } from './faults.mjs';

describe('normaliseFault', () => {
	it('fills the defaults and upper-cases the method', () => {
		assert.deepEqual(describeFault(normaliseFault({ method: 'get', status: 503 })), {
			method: 'GET',
			path: undefined,
			pathRegex: undefined,
			status: 503,
			times: 1,
			skip: 0,
			body: undefined,
			headers: {},
			delayMs: 0,
			drop: false,
		});
	});

	it('keeps afterHandler and echo only when set', () => {
		const f = normaliseFault({ drop: true, afterHandler: true, echo: false });
		assert.equal(f.afterHandler, true);
		assert.equal('echo' in f, false);
		assert.throws(() => normaliseFault({ status: 500, echo: 'yes' }), /echo must be true or false/);
	});

	it('refuses bad faults with a readable message', () => {
		for (const [input, message] of [
			[null, /must be an object/],
			[[], /must be an object/],
			[{ status: 99 }, /status must be an HTTP status code/],
			[{ drop: false }, /status must be/],
			[{ status: 500, times: -1 }, /times must be/],
			[{ status: 500, skip: 1.5 }, /skip must be/],
			[{ status: 500, delayMs: -5 }, /delayMs must be/],
			[{ status: 500, path: 3 }, /path must be a string/],
			[{ status: 500, pathRegex: 3 }, /pathRegex must be a string/],
			[{ status: 500, headers: 'x' }, /headers must be an object/],
		])
			assert.throws(() => normaliseFault(input), message);
	});

	it('needs no status when it drops the connection', () => {
		assert.equal(normaliseFault({ drop: true }).drop, true);
	});
});

describe('takeFault', () => {
	it('takes the first live match and counts it down', () => {
		const faults = [
			normaliseFault({ method: 'POST', path: '/a', status: 500 }),
			normaliseFault({ pathRegex: '^/a', status: 502, times: 2 }),
		];
		assert.equal(takeFault(faults, 'GET', '/a').status, 502);
		assert.equal(takeFault(faults, 'POST', '/a').status, 500);
		assert.equal(takeFault(faults, 'POST', '/a').status, 502);
		assert.equal(takeFault(faults, 'POST', '/a'), undefined);
		assert.equal(takeFault(faults, 'GET', '/b'), undefined);
	});

	it('lets the first `skip` matches pass, then hits the next', () => {
		const faults = [normaliseFault({ path: '/a', status: 503, skip: 2 })];
		assert.equal(takeFault(faults, 'POST', '/a'), undefined);
		assert.equal(takeFault(faults, 'GET', '/b'), undefined);
		assert.equal(takeFault(faults, 'POST', '/a'), undefined);
		assert.equal(takeFault(faults, 'POST', '/a').status, 503);
		assert.equal(takeFault(faults, 'POST', '/a'), undefined);
	});

	it('describes a fault without its compiled regex', () => {
		const view = describeFault(normaliseFault({ pathRegex: 'x', status: 500 }));
		assert.equal('regex' in view, false);
		assert.equal(view.pathRegex, 'x');
	});
});

describe('random faults at a rate with a seed', () => {
	const draws = (fault, n, method = 'GET') =>
		Array.from({ length: n }, () => takeFault([fault], method, '/erp/customers'));

	it('injects about `rate` of the matching requests, the same ones for the same seed', () => {
		const a = draws(normaliseFault({ random: { rate: 0.2, seed: 7 }, pathRegex: '^/erp/' }), 2000);
		const b = draws(normaliseFault({ random: { rate: 0.2, seed: 7 }, pathRegex: '^/erp/' }), 2000);
		const hits = a.filter(Boolean).length;
		assert.ok(hits > 340 && hits < 460, `${hits} of 2000`);
		assert.deepEqual(
			a.map((f) => f?.kind),
			b.map((f) => f?.kind),
		);
		const c = draws(normaliseFault({ random: { rate: 0.2, seed: 8 } }), 2000);
		assert.notDeepEqual(
			a.map((f) => f?.kind),
			c.map((f) => f?.kind),
		);
	});

	it('gives every kind: 5xx, 429 with Retry-After 0 or 1, drops, delays, lost answers and applied-then-5xx on writes', () => {
		const fault = normaliseFault({ random: { rate: 1, seed: 1, delayMs: 300 } });
		const got = draws(fault, 400, 'POST');
		const kinds = new Set(got.map((f) => f.kind));
		assert.deepEqual([...kinds].sort(), [
			'429',
			'500',
			'502',
			'503',
			'504',
			'appliedThen5xx',
			'delay',
			'drop',
			'lostAnswer',
		]);
		for (const f of got.filter((x) => x.kind === '429'))
			assert.ok(['0', '1'].includes(f.headers['Retry-After']));
		assert.ok(got.filter((x) => x.kind === 'lostAnswer').every((x) => x.afterHandler && x.drop));
		assert.ok(got.filter((x) => x.kind === 'delay').every((x) => x.delayMs === 300));
		assert.equal(fault.injected, 400);
		const applied = got.filter((x) => x.kind === 'appliedThen5xx');
		assert.ok(applied.every((x) => x.afterHandler && !x.drop));
		assert.deepEqual([...new Set(applied.map((x) => x.status))].sort(), [500, 502, 503, 504]);
		assert.equal(
			Object.values(fault.injectedByKind).reduce((a, b) => a + b, 0),
			400,
		);
		assert.equal(fault.injectedByKind.appliedThen5xx, applied.length);
		// a GET never "applies a write": its lost answer is a plain drop
		const reads = draws(normaliseFault({ random: { rate: 1, seed: 1, kinds: ['lostAnswer'] } }), 5);
		assert.ok(reads.every((x) => x.drop && !x.afterHandler));
		// nor does it apply, then answer 5xx: a GET gets the plain server error
		const gets = draws(
			normaliseFault({ random: { rate: 1, seed: 1, kinds: ['appliedThen5xx'] } }),
			20,
		);
		assert.ok(gets.every((x) => !x.afterHandler && [500, 502, 503, 504].includes(x.status)));
	});

	it('matches by method and path, stops after `times` faults, and refuses bad settings', () => {
		const fault = normaliseFault({ random: { rate: 1, seed: 2 }, method: 'post', times: 2 });
		assert.equal(takeFault([fault], 'GET', '/x'), undefined);
		assert.ok(takeFault([fault], 'POST', '/x'));
		assert.ok(takeFault([fault], 'POST', '/x'));
		assert.equal(takeFault([fault], 'POST', '/x'), undefined);
		assert.throws(() => normaliseFault({ random: { rate: 2, seed: 1 } }), /rate/);
		assert.throws(() => normaliseFault({ random: { rate: 0.1 } }), /seed/);
		assert.throws(() => normaliseFault({ random: { rate: 0.1, seed: 1, kinds: ['x'] } }), /kinds/);
		assert.equal(describeFault(fault).next, undefined);
	});
});

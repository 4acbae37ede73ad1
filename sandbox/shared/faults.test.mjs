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

	it('describes a fault without its compiled regex', () => {
		const view = describeFault(normaliseFault({ pathRegex: 'x', status: 500 }));
		assert.equal('regex' in view, false);
		assert.equal(view.pathRegex, 'x');
	});
});

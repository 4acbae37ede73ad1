// Rate limiter: fixed windows per key, headers, Retry-After, off switch.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { createRateLimiter } from './rateLimit.mjs';

describe('createRateLimiter', () => {
	const config = { limit: 2, intervalSeconds: 10, retryAfter: true };

	it('allows `limit` requests per window and key, then limits with Retry-After', () => {
		const limiter = createRateLimiter(config);
		const t = 1_000_000; // window start
		assert.equal(limiter.hit('a', t).limited, false);
		const second = limiter.hit('a', t + 1000);
		assert.deepEqual(second.headers, {
			'X-RateLimit-Limit': '2',
			'X-RateLimit-Remaining': '0',
			'X-RateLimit-Interval-Length-Seconds': '10',
		});
		const third = limiter.hit('a', t + 2500);
		assert.equal(third.limited, true);
		assert.equal(third.headers['Retry-After'], '8');
		assert.equal(limiter.hit('b', t).limited, false, 'another key has its own window');
		assert.equal(limiter.hit('a', t + 10_000).limited, false, 'the next window starts fresh');
	});

	it('peeks without consuming', () => {
		const limiter = createRateLimiter(config);
		assert.equal(limiter.peek('a', 0)['X-RateLimit-Remaining'], '2');
		limiter.hit('a', 0);
		assert.equal(limiter.peek('a', 0)['X-RateLimit-Remaining'], '1');
		limiter.reset();
		assert.equal(limiter.peek('a', 0)['X-RateLimit-Remaining'], '2');
	});

	it('omits Retry-After when told, and is off for false or limit 0', () => {
		const limiter = createRateLimiter({ ...config, limit: 1, retryAfter: false });
		limiter.hit('a', 0);
		assert.equal('Retry-After' in limiter.hit('a', 0).headers, false);
		for (const off of [false, { ...config, limit: 0 }]) {
			const none = createRateLimiter(off);
			assert.equal(none.enabled, false);
			assert.deepEqual(none.hit('a', 0), { limited: false, headers: {} });
			assert.deepEqual(none.peek('a', 0), {});
		}
	});
});

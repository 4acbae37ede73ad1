// Local times: the wall-clock time of an instant in a zone, without an offset, across DST.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { localWallTime, withLocalTimes } from './localTimes.mjs';

describe('localWallTime', () => {
	it('gives the wall-clock time in the zone, summer and winter, with milliseconds when set', () => {
		assert.equal(localWallTime('2026-01-15T12:00:00.000Z', 'Europe/Oslo'), '2026-01-15T13:00:00');
		assert.equal(localWallTime('2026-07-15T12:00:00.000Z', 'Europe/Oslo'), '2026-07-15T14:00:00');
		assert.equal(
			localWallTime('2026-07-15T12:00:00.250Z', 'America/New_York'),
			'2026-07-15T08:00:00.250',
		);
		assert.equal(localWallTime('2026-01-01T00:30:00Z', 'Europe/Oslo'), '2026-01-01T01:30:00');
	});
});

describe('withLocalTimes', () => {
	it('renders the named keys at any depth and leaves everything else alone', () => {
		const body = {
			items: [{ createdAt: '2026-01-15T12:00:00.000Z', note: '2026-01-15T12:00:00.000Z' }],
			paging: { totalCount: 1 },
			lastModifiedAt: 'not a date',
		};
		assert.deepEqual(withLocalTimes(body, 'Europe/Oslo', ['createdAt', 'lastModifiedAt']), {
			items: [{ createdAt: '2026-01-15T13:00:00', note: '2026-01-15T12:00:00.000Z' }],
			paging: { totalCount: 1 },
			lastModifiedAt: 'not a date',
		});
	});
});

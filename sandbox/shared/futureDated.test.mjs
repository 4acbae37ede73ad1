// Future-dated records: realistic seeds have none after the sandbox clock; the switch
// --future-customers dates the last n customers of each sandbox ahead of it, an hour apart.
// Run: node --test sandbox/
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { SYSTEMS, systemOf } from '../../systems/index.mjs';
import { FUTURE_CHANGE_MS, FUTURE_STEP_MS, dateAhead } from './futureDated.mjs';

const HOUR = 3600_000;
const start = (system, options) => systemOf(system).sandbox.start({ port: 0, ...options });

/** Every ISO date-time of a value, however deep. */
function datesOf(value, out = []) {
	if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(value)) out.push(value);
	else if (Array.isArray(value)) for (const v of value) datesOf(v, out);
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) if (k !== 'rng') datesOf(v, out);
	return out;
}

describe('seeds', () => {
	for (const [name, seed] of SYSTEMS.map((s) => [s.title, s.sandbox.seed])) {
		it(`${name}: no date after the sandbox clock, even with 5,000 customers`, () => {
			const now = Date.now();
			for (const customers of [25, 1000, 5000]) {
				const dates = datesOf(seed({ seed: 1, customers })).map(Date.parse);
				assert.ok(dates.length > customers, `${name} ${customers}: dates found`);
				const latest = Math.max(...dates);
				assert.ok(latest <= now, `${name} ${customers}: ${new Date(latest).toISOString()}`);
			}
		});
	}
});

describe('dateAhead', () => {
	it('dates the last n records ahead, an hour apart, each changed 30 minutes after', () => {
		const records = [1, 2, 3, 4].map((id) => ({ id, a: 'x', b: 'y' }));
		dateAhead(records, 2, Date.UTC(2030, 0, 1), { created: 'a', changed: 'b' });
		assert.deepEqual(
			records.map((r) => [r.id, r.a, r.b]),
			[
				[1, 'x', 'y'],
				[2, 'x', 'y'],
				[3, '2030-01-01T01:00:00.000Z', '2030-01-01T01:30:00.000Z'],
				[4, '2030-01-01T02:00:00.000Z', '2030-01-01T02:30:00.000Z'],
			],
		);
		assert.equal(FUTURE_STEP_MS, HOUR);
		assert.equal(FUTURE_CHANGE_MS, HOUR / 2);
	});
});

describe('--future-customers in each sandbox', () => {
	it('JTL: the v2 list shows the last customers created and changed ahead of the clock', async () => {
		const sb = await start('jtl', { futureCustomers: 2 });
		try {
			const ahead = sb.state.customers.filter((c) => Date.parse(c.createdAt) > Date.now());
			assert.deepEqual(
				ahead.map((c) => c.id),
				[24, 25],
			);
			assert.ok(Date.parse(ahead[1].lastChanged) - Date.parse(ahead[1].createdAt) === HOUR / 2);
			await sb.reset();
			assert.equal(
				sb.state.customers.filter((c) => Date.parse(c.createdAt) > Date.now()).length,
				2,
			);
		} finally {
			await sb.close();
		}
	});

	it('Xentral and Flow Retail: the same switch', async () => {
		const x = await start('xentral', { futureCustomers: 1 });
		const f = await start('flow', { futureCustomers: 3 });
		try {
			const ahead = (list, field) => list.filter((c) => Date.parse(c[field]) > Date.now()).length;
			assert.equal(ahead(x.state.customers, 'updatedAt'), 1);
			assert.equal(ahead(f.state.customers, 'lastModifiedAt'), 3);
			assert.equal(ahead(f.state.customers, 'createdAt'), 3);
		} finally {
			await x.close();
			await f.close();
		}
	});
});

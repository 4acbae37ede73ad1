// POST /__sandbox/changes: many customers created and changed in one step, dated one after the
// other up to the sandbox clock, in every vendor sandbox; what the vendor's API then lists.
// Run: node --test sandbox/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { SYSTEMS } from '../../systems/index.mjs';

const control = async (sandbox, body) => {
	const res = await fetch(`${sandbox.url}/__sandbox/changes`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: res.status, body: await res.json() };
};

/** Every system's sandbox (systems/) with its customers' key and times. */
const VENDORS = SYSTEMS.map(({ title, sandbox }) => ({
	name: title,
	start: () => sandbox.start({ port: 0, customers: 40 }),
	...sandbox.customers,
}));

for (const vendor of VENDORS) {
	describe(`${vendor.name}: POST /__sandbox/changes`, () => {
		let sandbox;
		before(async () => {
			sandbox = await vendor.start();
		});
		after(async () => await sandbox.close());

		it('creates and changes customers in one step, each dated up to the clock, ties in pairs', async () => {
			sandbox.reset();
			const customers = sandbox.state.customers;
			const [a, b, c] = [customers[3], customers[7], customers[11]].map(vendor.keyOf);
			const before = sandbox.now();
			const res = await control(sandbox, { create: 5, update: [a, b, c], twice: [b], stepMs: 10 });
			const afterCall = sandbox.now();
			assert.equal(res.status, 200, JSON.stringify(res.body));
			assert.equal(customers.length, 45);
			const made = customers.slice(40);
			assert.deepEqual(
				res.body.created.map((x) => x.key),
				made.map(vendor.keyOf),
			);
			assert.equal(new Set(customers.map(vendor.keyOf)).size, 45, 'keys are unique');
			for (const m of made) assert.equal(m[vendor.created], m[vendor.changed]);
			assert.deepEqual(
				res.body.updated.map((x) => [x.key, x.times]),
				[
					[a, 1],
					[b, 2],
					[c, 1],
				],
			);
			const byKey = new Map(customers.map((x) => [vendor.keyOf(x), x]));
			for (const u of res.body.updated) assert.equal(byKey.get(u.key)[vendor.changed], u.at);
			// Nine changes: created 1-5, a, b, c, b again; two share each millisecond, 10 ms apart.
			const times = [
				...res.body.created.map((x) => x.at),
				...[a, c, b].map((k) => byKey.get(k)[vendor.changed]),
			].map(Date.parse);
			const last = Math.max(...times);
			assert.ok(last >= before && last <= afterCall, 'the last change is dated at the clock');
			assert.equal(new Set(times).size, 5, 'nine changes over five milliseconds');
			assert.equal(Math.min(...times), last - 40);
			const second = Date.parse(byKey.get(b)[vendor.changed]);
			assert.equal(second, last, "b's second change is the last one");
		});

		it('refuses an unknown customer, an unknown field and `twice` outside `update`, changing nothing', async () => {
			sandbox.reset();
			const key = vendor.keyOf(sandbox.state.customers[0]);
			const stamp = sandbox.state.customers[0][vendor.changed];
			for (const [body, words] of [
				[{ update: ['no-such-customer'] }, /no customer no-such-customer/],
				[{ create: 1, updates: [key] }, /unknown field updates/],
				[{ update: [], twice: [key] }, /not in update/],
				[{ create: -1 }, /create must be/],
			]) {
				const res = await control(sandbox, body);
				assert.equal(res.status, 400);
				assert.match(res.body.error, words);
			}
			assert.equal(sandbox.state.customers.length, 40);
			assert.equal(sandbox.state.customers[0][vendor.changed], stamp);
		});
	});
}

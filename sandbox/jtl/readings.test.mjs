// The JTL sandbox where JTL's documents decide (it refuses what they refuse) and where they do not
// (one switch per reading, readings.mjs). Run: node --test sandbox/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { parseCliArgs, startJtlSandbox } from './server.mjs';
import { instantOf, wireTime } from './readings.mjs';

/** Starts a sandbox with these options and gives a small API client for it. */
function sandboxWith(options = {}) {
	const ctx = {};
	before(async () => {
		ctx.sb = await startJtlSandbox({ rateLimit: false, ...options });
		ctx.token = ctx.sb.issueToken();
	});
	after(() => ctx.sb.close());
	ctx.api = async (method, path, { body, headers } = {}) => {
		const res = await fetch(ctx.sb.apiBase + path, {
			method,
			headers: {
				authorization: `Bearer ${ctx.token}`,
				'x-tenant-id': ctx.sb.credentials.tenantId,
				'x-appid': 'SelfTest/1.0.0',
				'x-appversion': '1.0.0',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		const isJson = /json/.test(res.headers.get('content-type') ?? '');
		return { status: res.status, json: text && isJson ? JSON.parse(text) : undefined, text };
	};
	ctx.price = async (itemId, customerId, fromQuantity) =>
		(await ctx.api('GET', `/items/${itemId}/customerPrices`)).json.find(
			(p) => p.CustomerId === customerId && p.FromQuantity === fromQuantity,
		);
	return ctx;
}

describe('optional request headers, as the seeds document them', () => {
	const s = sandboxWith();

	it('accepts x-runas and x-companyid as int or uuid, X-SessionId as uuid', async () => {
		const uuid = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
		for (const headers of [
			{ 'x-runas': '7', 'x-companyid': uuid, 'x-sessionid': uuid },
			{ 'x-runas': uuid, 'x-companyid': '1', 'api-version': '1.0' },
		]) {
			assert.equal((await s.api('GET', '/info', { headers })).status, 200);
		}
	});

	it('refuses other forms with 400 naming the header', async () => {
		for (const [name, value] of [
			['x-runas', 'admin'],
			['x-companyid', '1; drop'],
			['x-sessionid', '42'],
		]) {
			const r = await s.api('GET', '/info', { headers: { [name]: value } });
			assert.equal(r.status, 400, name);
			assert.ok(r.json.ValidationErrors[name], JSON.stringify(r.json));
		}
	});
});

describe('customer prices: what the schema decides', () => {
	const s = sandboxWith();

	it('reports both values as numbers: the unused one is 0', async () => {
		const all = [];
		for (let id = 1; id <= 10; id++)
			all.push(...(await s.api('GET', `/items/${id}/customerPrices`)).json);
		assert.ok(all.length > 0);
		for (const p of all) {
			assert.equal(typeof p.NetPrice, 'number');
			assert.equal(typeof p.ReduceStandardPriceByPercent, 'number');
		}
		assert.ok(all.some((p) => p.NetPrice === 0 && p.ReduceStandardPriceByPercent > 0));
	});

	it('refuses null for either value (a number, not nullable) and both in one body', async () => {
		const post = (body) => s.api('POST', '/items/2/customerPrices', { body });
		let r = await post({
			CustomerId: 3,
			FromQuantity: 7,
			NetPrice: 5,
			ReduceStandardPriceByPercent: null,
		});
		assert.equal(r.status, 400);
		assert.ok(r.json.ValidationErrors.ReduceStandardPriceByPercent);
		r = await post({
			CustomerId: 3,
			FromQuantity: 7,
			NetPrice: 5,
			ReduceStandardPriceByPercent: 0,
		});
		assert.equal(r.status, 400);
		r = await post({ CustomerId: 3, FromQuantity: 7, NetPrice: 5 });
		assert.equal(r.status, 201);
		r = await s.api('PATCH', '/items/2/customerPrices/3/7', { body: { NetPrice: null } });
		assert.equal(r.status, 400);
		r = await s.api('PATCH', '/items/2/customerPrices/3/7', {
			body: { NetPrice: 4, ReduceStandardPriceByPercent: 0 },
		});
		assert.equal(r.status, 400);
		r = await s.api('PATCH', '/items/2/customerPrices/3/7', { body: {} });
		assert.equal(r.status, 400);
	});

	it('by default a PATCH with one value clears the other', async () => {
		await s.api('POST', '/items/2/customerPrices', {
			body: { CustomerId: 4, FromQuantity: 9, NetPrice: 8 },
		});
		await s.api('PATCH', '/items/2/customerPrices/4/9', {
			body: { ReduceStandardPriceByPercent: 10 },
		});
		assert.deepEqual(
			[(await s.price(2, 4, 9)).NetPrice, (await s.price(2, 4, 9)).ReduceStandardPriceByPercent],
			[0, 10],
		);
	});
});

describe('customer prices: the other readings', () => {
	const s = sandboxWith({ priceUnusedNull: true, priceUpdateKeepsOther: true });

	it('--price-unused-null reports the unused value as null', async () => {
		await s.api('POST', '/items/2/customerPrices', {
			body: { CustomerId: 4, FromQuantity: 9, NetPrice: 8 },
		});
		assert.equal((await s.price(2, 4, 9)).ReduceStandardPriceByPercent, null);
	});

	it('--price-update-keeps keeps the other value', async () => {
		await s.api('PATCH', '/items/2/customerPrices/4/9', {
			body: { ReduceStandardPriceByPercent: 10 },
		});
		const p = await s.price(2, 4, 9);
		assert.deepEqual([p.NetPrice, p.ReduceStandardPriceByPercent], [8, 10]);
	});

	it('the flags parse', () => {
		assert.deepEqual(
			parseCliArgs([
				'--price-unused-null',
				'--price-update-keeps',
				'--customer-since-separate',
				'--address-types-enum-order',
				'--offset-less-times',
				'--v2-list-ignores-date-fields',
				'--time-zone',
				'America/New_York',
			]),
			{
				priceUnusedNull: true,
				priceUpdateKeepsOther: true,
				customerSinceSeparate: true,
				addressTypesEnumOrder: true,
				offsetLessTimes: true,
				v2ListIgnoresDateFields: true,
				timeZone: 'America/New_York',
				rateLimit: { limit: 60, intervalSeconds: 10, retryAfter: true },
			},
		);
	});
});

describe('times without an offset', () => {
	const zoned = { offsetLessTimes: true, timeZone: 'Europe/Berlin' };

	it('are wall-clock times of the zone, whatever the zone of the process', () => {
		assert.equal(wireTime(zoned, '2026-01-05T10:31:56.120Z'), '2026-01-05T11:31:56.120');
		assert.equal(wireTime(zoned, '2026-07-05T10:31:56.000Z'), '2026-07-05T12:31:56.000');
		assert.equal(
			wireTime({ offsetLessTimes: false }, '2026-07-05T10:31:56.000Z'),
			'2026-07-05T10:31:56.000Z',
		);
	});

	it('are read back in the zone; times with an offset keep it', () => {
		assert.equal(instantOf(zoned, '2026-07-05T12:31:56.000'), '2026-07-05T10:31:56.000Z');
		assert.equal(instantOf(zoned, '2026-01-05T11:31:56'), '2026-01-05T10:31:56.000Z');
		assert.equal(instantOf(zoned, '2026-01-05T11:31:56+01:00'), '2026-01-05T10:31:56.000Z');
		assert.equal(
			instantOf({ offsetLessTimes: false }, '2026-01-05T11:31:56'),
			'2026-01-05T11:31:56.000Z',
		);
		assert.equal(instantOf(zoned, 'soon'), undefined);
	});
});

describe('CustomerSince and createdDate', () => {
	const shared = sandboxWith();
	const separate = sandboxWith({ customerSinceSeparate: true });
	const twin = async (s, id) => {
		const v1 = (await s.api('GET', `/customers/${id}`)).json;
		const list = (await s.api('GET', '/v2/customers?pageSize=100')).json.items;
		return { v1, v2: list.find((c) => c.customerNumber === v1.Number) };
	};

	it('by default are one date: a change through either API shows in both', async () => {
		let { v1, v2 } = await twin(shared, 2);
		assert.equal(v1.CustomerSince, v2.createdDate);
		await shared.api('PATCH', '/customers/2', { body: { CustomerSince: '2019-03-01T00:00:00Z' } });
		({ v1, v2 } = await twin(shared, 2));
		assert.equal(v2.createdDate, '2019-03-01T00:00:00.000Z');
	});

	it('under --customer-since-separate are two: each API changes only its own', async () => {
		let { v1, v2 } = await twin(separate, 2);
		assert.notEqual(v1.CustomerSince, v2.createdDate);
		await separate.api('PATCH', '/customers/2', {
			body: { CustomerSince: '2019-03-01T00:00:00Z' },
		});
		const r = await separate.api('PATCH', '/v2/customer/update', {
			body: { customerId: v2.id, createdDate: '2020-05-05T10:00:00Z' },
		});
		assert.equal(r.status, 200);
		({ v1, v2 } = await twin(separate, 2));
		assert.equal(v1.CustomerSince, '2019-03-01T00:00:00.000Z');
		assert.equal(v2.createdDate, '2020-05-05T10:00:00.000Z');
	});
});

describe('v2 times under --offset-less-times', () => {
	const s = sandboxWith({ offsetLessTimes: true });

	it('come without an offset, as Berlin wall-clock times, and filter as such', async () => {
		const list = (await s.api('GET', '/v2/customers?pageSize=100&sortBy=lastChanged')).json.items;
		for (const c of list) {
			assert.match(c.lastChanged, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
			assert.match(c.createdDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
		}
		const pivot = list[10].lastChanged;
		const after = (await s.api('GET', `/v2/customers?pageSize=100&lastChangedAfter=${pivot}`)).json;
		assert.ok(after.items.every((c) => c.lastChanged > pivot));
		const asInstant = instantOf({ offsetLessTimes: true, timeZone: 'Europe/Berlin' }, pivot);
		const same = (await s.api('GET', `/v2/customers?pageSize=100&lastChangedAfter=${asInstant}`))
			.json;
		assert.deepEqual(
			same.items.map((c) => c.id),
			after.items.map((c) => c.id),
		);
	});
});

describe('the v2 list date fields', () => {
	const known = sandboxWith();
	const ignored = sandboxWith({ v2ListIgnoresDateFields: true });
	const ids = async (s, query) =>
		(await s.api('GET', `/v2/customers?pageSize=100&${query}`)).json.items.map((c) => c.id);

	it('by default: filter and sort by createdDate and lastChanged', async () => {
		const all = (await known.api('GET', '/v2/customers?pageSize=100&sortBy=lastChanged')).json
			.items;
		const dates = all.map((c) => c.lastChanged);
		assert.deepEqual(dates, [...dates].sort());
		const pivot = all[10].lastChanged;
		const after = await ids(known, `lastChangedAfter=${pivot}`);
		assert.ok(after.length > 0 && after.length < all.length);
		const bad = await known.api('GET', '/v2/customers?sortBy=nosuchfield');
		assert.equal(bad.status, 400);
	});

	it('under --v2-list-ignores-date-fields: the whole list, in its own order', async () => {
		const all = await ids(ignored, '');
		const pivot = '2100-01-01T00:00:00.000Z';
		assert.deepEqual(await ids(ignored, `lastChangedAfter=${pivot}`), all);
		assert.deepEqual(await ids(ignored, `createdDateAfter=${pivot}`), all);
		assert.deepEqual(await ids(ignored, 'sortBy=lastChanged'), all);
		assert.deepEqual(await ids(ignored, 'sortBy=createdDate'), all);
		// Other sort fields stay.
		const byNumber = (
			await ignored.api('GET', '/v2/customers?pageSize=100&sortBy=customerNumber')
		).json.items.map((c) => c.customerNumber);
		assert.deepEqual(byNumber, [...byNumber].sort());
	});
});

describe('v2 addressType numbers', () => {
	const pkg = sandboxWith();
	const enumOrder = sandboxWith({ addressTypesEnumOrder: true });
	const firstV2 = async (s) => (await s.api('GET', '/v2/customers?pageSize=1')).json.items[0];

	it('by default: 0 billing, 1 shipping, up to 4', async () => {
		const c = await firstV2(pkg);
		assert.deepEqual(
			c.addresses.map((a) => a.addressType),
			[0, 1],
		);
		const r = await pkg.api('PATCH', '/v2/customer/update', {
			body: { customerId: c.id, addresses: [{ addressType: 4, city: 'Kiel' }] },
		});
		assert.equal(r.status, 200);
		assert.equal((await pkg.api('GET', '/customers/1')).json.CustomAddress.City, 'Kiel');
	});

	it('under --address-types-enum-order: 0 shipping, 1 billing, 2 other; 3 and 4 refused', async () => {
		const c = await firstV2(enumOrder);
		assert.deepEqual(
			c.addresses.map((a) => a.addressType),
			[1, 0],
		);
		let r = await enumOrder.api('PATCH', '/v2/customer/update', {
			body: { customerId: c.id, addresses: [{ addressType: 4, city: 'Kiel' }] },
		});
		assert.equal(r.status, 400);
		assert.ok(r.json.validationErrors['addresses[0].addressType']);
		r = await enumOrder.api('PATCH', '/v2/customer/update', {
			body: { customerId: c.id, addresses: [{ addressType: 0, city: 'Kiel' }] },
		});
		assert.equal(r.status, 200);
		const v1 = (await enumOrder.api('GET', '/customers/1')).json;
		assert.deepEqual(
			v1.OtherAddresses.OtherShippingAddresses.map((a) => a.City),
			['Kiel'],
		);
	});
});

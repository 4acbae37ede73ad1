// The Flow Retail sandbox end to end: started on a random port and exercised with fetch.
// Run: node --test sandbox/
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';

import { seedState } from './data.mjs';
import { localWallTime } from '../shared/localTimes.mjs';
import { DEFAULTS, parseCliArgs, startFlowRetailSandbox } from './server.mjs';
import { readingsOf } from './unknowns.mjs';

let sb;
let base;
const auth = () => ({
	authorization: `Bearer ${sb.options.token}`,
	'content-type': 'application/json',
});
async function call(method, path, body, headers = auth()) {
	const res = await fetch(`${base}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const person = (extra = {}) => ({
	firstname: 'Kari',
	lastname: 'Nordmann',
	countryCode: 'NO',
	...extra,
});

before(async () => {
	sb = await startFlowRetailSandbox({
		webhookBackoffMs: 1,
		webhookTimeoutMs: 300,
		rateLimit: false,
	});
	base = `${sb.apiBase}/tenants/${sb.options.tenantUid}`;
});
after(async () => await sb.close());
beforeEach(() => sb.reset());

describe('seed', () => {
	it('is the same for the same seed and differs for another', () => {
		const strip = (s) => JSON.stringify({ ...s, rng: undefined });
		assert.equal(strip(seedState({ seed: 3 })), strip(seedState({ seed: 3 })));
		assert.notEqual(strip(seedState({ seed: 3 })), strip(seedState({ seed: 4 })));
	});
});

describe('auth and tenants', () => {
	it('refuses a missing or wrong token with 401', async () => {
		assert.equal((await call('GET', '/customers', undefined, {})).status, 401);
		assert.equal(
			(await call('GET', '/customers', undefined, { authorization: 'Bearer nope' })).status,
			401,
		);
	});
	it('refuses another tenant with 403 and a bad UID in the path with 400', async () => {
		const other = await fetch(`${sb.apiBase}/tenants/other/customers`, { headers: auth() });
		assert.equal(other.status, 403);
		const bad = await call('GET', '/customers/a.b');
		assert.equal(bad.status, 400);
		assert.match(bad.body.errors.customerUid, /not a valid UID/);
	});
});

describe('customers', () => {
	it('lists in the {items, paging} envelope, sorted, filtered by external ID', async () => {
		const page = await call(
			'GET',
			'/customers?pageNumber=2&pageSize=10&sortBy=createdAt&sortDirection=DESC',
		);
		assert.equal(page.status, 200);
		assert.deepEqual(page.body.paging, { pageNumber: 2, pageSize: 10, totalCount: 25 });
		assert.equal(page.body.items.length, 10);
		const dates = page.body.items.map((c) => c.createdAt);
		assert.deepEqual(dates, [...dates].sort().reverse());
		const ext = await call('GET', '/customers?customerExternalId=EXT-3');
		assert.deepEqual(
			ext.body.items.map((c) => c.customerUid),
			['cust-0003'],
		);
		assert.equal((await call('GET', '/customers?sortBy=password')).status, 400);
		// Above the largest page the tenant grants the largest and says so (the lenient reading).
		const big = await call('GET', '/customers?pageSize=5000');
		assert.equal(big.status, 200);
		assert.deepEqual(big.body.paging, { pageNumber: 1, pageSize: 1000, totalCount: 25 });
	});
	it('plays each reading of a pageSize above the largest: granted, silent, refused', async () => {
		const ask = async (box, q) => {
			const res = await fetch(`${box.apiBase}/tenants/${box.credentials.tenantUid}/customers${q}`, {
				headers: auth(),
			});
			return { status: res.status, body: await res.json() };
		};
		const readings = {};
		for (const pageSize of ['granted', 'silent', 'refused']) {
			const box = await startFlowRetailSandbox({
				maxPageSize: 10,
				rateLimit: false,
				unknowns: { pageSize },
			});
			try {
				readings[pageSize] = await ask(box, '?pageNumber=2&pageSize=1000');
				// A size within the largest is served as asked under every reading.
				const small = await ask(box, '?pageNumber=3&pageSize=10');
				assert.deepEqual(small.body.paging, { pageNumber: 3, pageSize: 10, totalCount: 25 });
				assert.equal(small.body.items.length, 5);
			} finally {
				await box.close();
			}
		}
		const uids = (r) => r.body.items.map((c) => c.customerUid);
		assert.deepEqual(readings.granted.body.paging, { pageNumber: 2, pageSize: 10, totalCount: 25 });
		assert.deepEqual(
			uids(readings.granted),
			Array.from({ length: 10 }, (_, i) => `cust-${String(i + 11).padStart(4, '0')}`),
		);
		assert.deepEqual(readings.silent.body.paging, {
			pageNumber: 2,
			pageSize: 1000,
			totalCount: 25,
		});
		assert.deepEqual(uids(readings.silent), uids(readings.granted));
		assert.equal(readings.refused.status, 400);
		assert.match(readings.refused.body.errors.pageSize, /between 1 and 10/);
	});
	it('creates with 201, refuses a second create with the same UID (409) and never duplicates', async () => {
		const first = await call('POST', '/customers', person({ customerUid: 'my-uid-1' }));
		assert.equal(first.status, 201);
		assert.equal(first.body.customerUid, 'my-uid-1');
		assert.equal(first.body.displayName, 'Kari Nordmann');
		const again = await call('POST', '/customers', person({ customerUid: 'my-uid-1' }));
		assert.equal(again.status, 409);
		assert.equal(sb.state.customers.filter((c) => c.customerUid === 'my-uid-1').length, 1);
	});
	it('applies the backoffice rules and refuses unknown fields and references', async () => {
		const bad = await call('POST', '/customers', {
			firstname: 'A',
			countryCode: 'NO',
			mobile: 'abc',
			shoeSize: 4,
		});
		assert.equal(bad.status, 400);
		assert.equal(bad.body.errors.shoeSize, 'Unknown field.');
		const rules = await call('POST', '/customers', { firstname: 'A', mobile: 'abc' });
		assert.deepEqual(Object.keys(rules.body.errors).sort(), ['countryCode', 'lastname', 'mobile']);
		const ref = await call('POST', '/customers', person({ customerGroupUids: ['nope'] }));
		assert.equal(ref.status, 400);
		assert.match(ref.body.errors.customerGroupUids, /nope/);
	});
	it('updates partially with PUT: the ehf object and defaultStoreUid', async () => {
		const put = await call('PUT', '/customers/cust-0001', {
			ehf: { enabled: true, address: '9908:123' },
			defaultStoreUid: 'store-tromso',
		});
		assert.equal(put.status, 200);
		assert.deepEqual(put.body.ehf, { enabled: true, address: '9908:123' });
		assert.equal(put.body.ehfEnabled, true);
		assert.equal(put.body.defaultStore.storeUid, 'store-tromso');
		assert.equal(put.body.email, 'customer1@example.no');
	});
	it('deletes with 204, and 403 without backoffice rights', async () => {
		assert.equal((await call('DELETE', '/customers/cust-0001')).status, 204);
		assert.equal((await call('GET', '/customers/cust-0001')).status, 404);
		const strict = await startFlowRetailSandbox({ backoffice: false, rateLimit: false });
		const res = await fetch(`${strict.apiBase}/tenants/sandbox-tenant/customers/cust-0001`, {
			method: 'DELETE',
			headers: auth(),
		});
		assert.equal(res.status, 403);
		await strict.close();
	});
	it('searches by query, field criteria, store and created after', async () => {
		const email = await call('POST', '/customers/search', {
			email: 'customer7@example.no',
			exactMatch: true,
		});
		assert.deepEqual(
			email.body.items.map((c) => c.customerUid),
			['cust-0007'],
		);
		const store = await call('POST', '/customers/search?pageSize=100', { storeUid: 'store-oslo' });
		assert.ok(
			store.body.items.length > 0 &&
				store.body.items.every((c) => c.defaultStore.storeUid === 'store-oslo'),
		);
		const after = await call('POST', '/customers/search?pageSize=100', {
			createdAt: '2026-01-01T20:00:00Z',
		});
		assert.ok(after.body.items.every((c) => c.createdAt >= '2026-01-01T20:00:00.000Z'));
		assert.equal((await call('POST', '/customers/search', { scope: 'x' })).status, 400);
		// The search's storeUid has the documented UID pattern.
		const badStore = await call('POST', '/customers/search', { storeUid: 'store oslo/../x' });
		assert.equal(badStore.status, 400);
		assert.match(badStore.body.errors.storeUid, /Expected a UID/);
	});
	it('refuses a B2B customer unless the tenant has the B2B extension', async () => {
		const b2b = { companyName: 'Avtale AS', customerType: 'B2B', countryCode: 'NO' };
		const refused = await call('POST', '/customers', b2b);
		assert.equal(refused.status, 400);
		assert.match(refused.body.errors.customerType, /tenant extension B2B/);
		assert.equal((await call('PUT', '/customers/cust-0005', { customerType: 'B2B' })).status, 400);
		const tenant = await call('GET', '');
		assert.deepEqual(
			tenant.body.extensions.map((e) => [e.extensionCode, e.active]),
			[
				['EXTERNAL_CUSTOMER_SEARCH', true],
				['B2B', false],
			],
		);
		assert.equal(tenant.body.timezone, 'Europe/Oslo');
		const withB2b = await startFlowRetailSandbox({ b2b: true, rateLimit: false });
		const res = await fetch(`${withB2b.apiBase}/tenants/sandbox-tenant/customers`, {
			method: 'POST',
			headers: auth(),
			body: JSON.stringify(b2b),
		});
		assert.equal(res.status, 201);
		await withB2b.close();
	});
	it('searches the external CRM only with the tenant extension', async () => {
		const found = await call('POST', '/customers/search/external', { query: 'VOY-1001' });
		assert.equal(found.status, 200);
		assert.equal(found.body.items[0].externalId, 'VOY-1001');
		// `query` is optional: without it the whole list, sortable.
		const all = await call(
			'POST',
			'/customers/search/external?sortBy=externalId&sortDirection=DESC',
			{},
		);
		assert.deepEqual(
			all.body.items.map((e) => e.externalId),
			['VOY-1003', 'VOY-1002', 'VOY-1001'],
		);
		const off = await startFlowRetailSandbox({ externalCustomerSearch: false, rateLimit: false });
		const res = await fetch(`${off.apiBase}/tenants/sandbox-tenant/customers/search/external`, {
			method: 'POST',
			headers: auth(),
			body: '{"query":"x"}',
		});
		assert.equal(res.status, 403);
		await off.close();
	});
	it('exports, adds and removes TWO_INVOICE with its store, and shows the store view', async () => {
		const exp = await call('GET', '/customers/cust-0001/export');
		assert.equal(exp.body.customer.customerUid, 'cust-0001');
		assert.ok(Array.isArray(exp.body.orders));
		const add = await call('POST', '/customers/cust-0001/extensions/TWO_INVOICE', {
			storeUid: 'store-tromso',
		});
		assert.equal(add.status, 200);
		assert.deepEqual(add.body.extensions, [
			{ extensionCode: 'TWO_INVOICE', organizationUid: 'org-2' },
		]);
		assert.equal(
			(await call('POST', '/customers/cust-0001/extensions/NOPE', { storeUid: 'store-oslo' }))
				.status,
			400,
		);
		const view = await call('GET', '/stores/store-oslo/customers/cust-0001');
		assert.equal(view.body.store.storeUid, 'store-oslo');
		assert.deepEqual(view.body.extensions, []);
		// The remove takes `storeUid*` in its body, as the add does: without it, a 400.
		const bare = await call('DELETE', '/customers/cust-0001/extensions/TWO_INVOICE');
		assert.equal(bare.status, 400);
		const noStore = await call('DELETE', '/customers/cust-0001/extensions/TWO_INVOICE', {});
		assert.equal(noStore.status, 400);
		assert.equal(noStore.body.errors.storeUid, 'The field is required.');
		assert.equal(
			(
				await call('DELETE', '/customers/cust-0001/extensions/TWO_INVOICE', {
					storeUid: 'store-tromso',
				})
			).status,
			204,
		);
		assert.equal(
			(
				await call('DELETE', '/customers/cust-0001/extensions/TWO_INVOICE', {
					storeUid: 'store-tromso',
				})
			).status,
			404,
		);
	});
	it('runs a batch: 200 when all succeed, 207 with one result per entry otherwise', async () => {
		const ok = await call('POST', '/customers/batch', {
			create: [person({ customerUid: 'b-1' })],
			delete: [{ customerUid: 'cust-0002' }],
		});
		assert.equal(ok.status, 200);
		const mixed = await call('POST', '/customers/batch', {
			create: [person(), { firstname: 'only' }],
			update: [
				{ customerUid: 'cust-0001', city: 'Bodø' },
				{ customerUid: 'missing', city: 'x' },
			],
			upsert: [person({ customerUid: 'b-1', city: 'Molde' }), person({ customerUid: 'b-2' })],
		});
		assert.equal(mixed.status, 207);
		assert.deepEqual(
			mixed.body.results.create.map((r) => r.status),
			[201, 400],
		);
		assert.deepEqual(
			mixed.body.results.update.map((r) => r.status),
			[200, 404],
		);
		assert.deepEqual(
			mixed.body.results.upsert.map((r) => r.status),
			[200, 201],
		);
		assert.equal(
			mixed.body.results.create[1].errors.lastname,
			'The field is required.'.replace('The field is required.', 'A person needs a last name.'),
		);
		const tooMany = await call('POST', '/customers/batch', {
			create: Array.from({ length: 101 }, () => person()),
		});
		assert.equal(tooMany.status, 400);
	});
});

describe('contacts, addresses, groups, price lists, stores', () => {
	it('creates, reads, updates and deletes contacts and addresses with client UIDs', async () => {
		const contact = await call('POST', '/customers/cust-0001/contacts', {
			firstname: 'Per',
			lastname: 'Ås',
			customerContactUid: 'ct-1',
		});
		assert.equal(contact.status, 200);
		assert.equal(
			(
				await call('POST', '/customers/cust-0001/contacts', {
					firstname: 'Per',
					lastname: 'Ås',
					customerContactUid: 'ct-1',
				})
			).status,
			409,
		);
		assert.equal(
			(await call('POST', '/customers/cust-0001/contacts', { firstname: 'Per' })).status,
			400,
		);
		assert.equal(
			(await call('PUT', '/customers/cust-0001/contacts/ct-1', { email: 'per@example.no' })).body
				.email,
			'per@example.no',
		);
		assert.equal((await call('GET', '/customers/cust-0001/contacts')).body.paging.totalCount, 1);
		assert.equal((await call('DELETE', '/customers/cust-0001/contacts/ct-1')).status, 204);
		const address = await call('POST', '/customers/cust-0001/addresses', {
			type: 'INVOICE_ADDRESS',
			city: 'Oslo',
			customerAddressUid: 'ad-1',
		});
		assert.equal(address.body.type, 'INVOICE_ADDRESS');
		assert.equal(address.body.phone, '');
		assert.equal(
			(await call('POST', '/customers/cust-0001/addresses', { type: 'HOME' })).status,
			400,
		);
		assert.equal((await call('GET', '/customers/cust-0001/addresses/ad-1')).body.city, 'Oslo');
	});
	it('creates groups with 201 and price lists with 200; prices below their list', async () => {
		const group = await call('POST', '/customer-groups', {
			name: 'VIP',
			customerGroupUid: 'g-vip',
		});
		assert.equal(group.status, 201);
		assert.equal((await call('PUT', '/customer-groups/g-vip', { name: 'VIP+' })).body.name, 'VIP+');
		const list = await call('POST', '/pricelists', {
			name: 'Outlet',
			externalId: 'OUT',
			pricelistUid: 'pl-out',
		});
		assert.equal(list.status, 200);
		assert.deepEqual(
			(await call('GET', '/pricelists?pricelistExternalId=OUT')).body.items.map(
				(p) => p.pricelistUid,
			),
			['pl-out'],
		);
		const price = await call('POST', '/pricelists/pl-out/prices', {
			productUid: 'product-9',
			price: 12900,
			priceUid: 'pr-1',
		});
		assert.equal(price.status, 200);
		assert.equal(
			(await call('PUT', '/pricelists/pl-out/prices/pr-1', { price: 9900 })).body.price,
			9900,
		);
		assert.equal(
			(await call('POST', '/pricelists/pl-out/prices', { productUid: 'product-9', price: 1.5 }))
				.status,
			400,
		);
		assert.equal((await call('GET', '/stores')).body.paging.totalCount, 3);
	});
});

describe('http transports and webhook delivery', () => {
	let receiver;
	let received;
	let answers;
	before(async () => {
		receiver = createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(raw) });
				const status = answers.shift() ?? 200;
				if (status === 'hang') return;
				res.writeHead(status).end();
			});
		});
		await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
	});
	after(() => receiver.closeAllConnections() || receiver.close());
	beforeEach(() => {
		received = [];
		answers = [];
	});
	const hook = () => `http://127.0.0.1:${receiver.address().port}/hook`;

	it('registers with 200, hides the token, and delivers the thin payload with the bearer token', async () => {
		const tr = await call('POST', '/httptransports', {
			name: 'n8n',
			url: hook(),
			securityType: 'BEARER_TOKEN',
			token: 's3cret',
			actions: ['CUSTOMER_CREATE'],
		});
		assert.equal(tr.status, 200);
		assert.equal(tr.body.token, '***');
		await call('POST', '/customers', person({ customerUid: 'wh-1' }));
		await call('PUT', '/customers/wh-1', { city: 'Oslo' });
		await sb.settleDeliveries();
		assert.equal(received.length, 1);
		assert.equal(received[0].headers.authorization, 'Bearer s3cret');
		assert.equal(received[0].body.action, 'CUSTOMER_CREATE');
		assert.equal(received[0].body.customer.Uid, 'wh-1');
		assert.equal((await call('DELETE', `/httptransports/${tr.body.httpTransportUid}`)).status, 204);
	});
	it('retries 5xx and timeouts up to 10 times, and never a 4xx', async () => {
		await call('POST', '/httptransports', {
			name: 'n8n',
			url: hook(),
			actions: ['CUSTOMER_UPDATE', 'CUSTOMER_DELETE'],
		});
		answers = [503, 'hang', 200];
		await call('PUT', '/customers/cust-0001', { city: 'Oslo' });
		await sb.settleDeliveries();
		assert.deepEqual(
			sb
				.deliveries()
				.at(-1)
				.attempts.map((a) => a.status ?? a.error),
			[503, 'timeout', 200],
		);
		answers = [401];
		await call('DELETE', '/customers/cust-0002');
		await sb.settleDeliveries();
		assert.equal(sb.deliveries().at(-1).outcome, 'refused');
		assert.equal(sb.deliveries().at(-1).attempts.length, 1);
		answers = Array(20).fill(500);
		await call('PUT', '/customers/cust-0003', { city: 'Oslo' });
		await sb.settleDeliveries();
		assert.equal(sb.deliveries().at(-1).attempts.length, 11);
	});
	it('refuses transports without Tenant.Admin', async () => {
		const off = await startFlowRetailSandbox({ tenantAdmin: false, rateLimit: false });
		const res = await fetch(`${off.apiBase}/tenants/sandbox-tenant/httptransports`, {
			headers: auth(),
		});
		assert.equal(res.status, 403);
		await off.close();
	});
});

describe('cli', () => {
	it('parses flags', () => {
		assert.deepEqual(parseCliArgs(['--port', '4300', '--no-backoffice', '--rate-limit', '0']), {
			port: 4300,
			backoffice: false,
			rateLimit: false,
		});
		assert.deepEqual(
			parseCliArgs([
				'--vendor-unknowns',
				'strict',
				'--unknown-sort-by',
				'refused',
				'--local-times',
				'--timezone',
				'America/New_York',
				'--b2b',
			]),
			{
				vendorUnknowns: 'strict',
				unknowns: { sortBy: 'refused' },
				localTimes: true,
				timezone: 'America/New_York',
				b2b: true,
				rateLimit: DEFAULTS.rateLimit,
			},
		);
		assert.throws(() => parseCliArgs(['--vendor-unknowns', 'loose']), /must be one of/);
		assert.throws(() => parseCliArgs(['--unknown-prices', 'maybe']), /offered, absent/);
	});
});

describe('what no document decides: lenient and strict readings', () => {
	let strict;
	let sbase;
	const scall = async (method, path, body) => {
		const res = await fetch(`${sbase}${path}`, {
			method,
			headers: auth(),
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
	};
	before(async () => {
		strict = await startFlowRetailSandbox({ vendorUnknowns: 'strict', rateLimit: false });
		sbase = `${strict.apiBase}/tenants/${strict.options.tenantUid}`;
	});
	after(async () => await strict.close());
	beforeEach(() => strict.reset());

	it('reads every behaviour from the mode, a flag overriding it', () => {
		assert.deepEqual(readingsOf('lenient'), {
			customerUid: 'honoured',
			childWrites: 'offered',
			prices: 'offered',
			sortBy: 'accepted',
			pageSize: 'granted',
			batchResult: 'results',
			transportActions: 'accepted',
			transportWrites: 'offered',
		});
		assert.equal(readingsOf('strict', { sortBy: 'refused' }).sortBy, 'refused');
		assert.equal(readingsOf('strict').customerUid, 'ignored');
		assert.throws(() => readingsOf('strict', { prices: 'maybe' }), /offered, absent/);
	});
	it('client-made customerUid: honoured (409 on a repeat) or ignored', async () => {
		const body = person({ customerUid: 'mine-1' });
		assert.equal((await call('POST', '/customers', body)).body.customerUid, 'mine-1');
		assert.equal((await call('POST', '/customers', body)).status, 409);
		const first = await scall('POST', '/customers', body);
		const second = await scall('POST', '/customers', body);
		assert.equal(first.status, 201);
		assert.equal(second.status, 201);
		assert.notEqual(first.body.customerUid, 'mine-1');
		assert.notEqual(first.body.customerUid, second.body.customerUid);
	});
	it('contact and address PUT/DELETE and the prices of a price list: absent (404)', async () => {
		const put = await scall('PUT', '/customers/cust-0020/contacts/contact-0020-1', {
			email: 'x@y.no',
		});
		assert.equal(put.status, 404);
		assert.equal(
			(await scall('DELETE', '/customers/cust-0020/addresses/address-0020-i')).status,
			404,
		);
		assert.equal((await scall('GET', '/customers/cust-0020/contacts/contact-0020-1')).status, 200);
		assert.equal((await scall('GET', '/pricelists/pricelist-1/prices')).status, 404);
		assert.equal((await scall('GET', '/pricelists/pricelist-1')).status, 200);
		assert.equal((await call('GET', '/pricelists/pricelist-1/prices')).status, 200);
	});
	it('sortBy: accepted, ignored (the default order) or refused', async () => {
		const q = '/customers?pageSize=5&sortBy=createdAt&sortDirection=DESC';
		const uids = (page) => page.body.items.map((c) => c.customerUid);
		assert.deepEqual(uids(await call('GET', q)), [
			'cust-0025',
			'cust-0024',
			'cust-0023',
			'cust-0022',
			'cust-0021',
		]);
		assert.deepEqual(uids(await scall('GET', q)), [
			'cust-0001',
			'cust-0002',
			'cust-0003',
			'cust-0004',
			'cust-0005',
		]);
		const refused = await startFlowRetailSandbox({
			unknowns: { sortBy: 'refused' },
			rateLimit: false,
		});
		const res = await fetch(`${refused.apiBase}/tenants/sandbox-tenant${q}`, { headers: auth() });
		assert.equal(res.status, 400);
		await refused.close();
	});
	it('batch result: another shape with no customerUid', async () => {
		const res = await scall('POST', '/customers/batch', {
			create: [person(), { firstname: 'only' }],
		});
		assert.equal(res.status, 207);
		assert.deepEqual(
			res.body.map((r) => [r.type, r.position, r.succeeded]),
			[
				['CREATE', 0, true],
				['CREATE', 1, false],
			],
		);
	});
	it('HTTP transports: `actions` refused as an unknown field, PUT and DELETE absent (405)', async () => {
		const transport = { name: 'n8n', url: 'https://n8n.example/hook', securityType: 'NONE' };
		const refused = await scall('POST', '/httptransports', {
			...transport,
			actions: ['CUSTOMER_CREATE'],
		});
		assert.equal(refused.status, 400);
		assert.equal(refused.body.errors.actions, 'Unknown field.');
		const made = await scall('POST', '/httptransports', { ...transport, httpTransportUid: 't-1' });
		assert.equal(made.status, 200);
		assert.equal('actions' in made.body, false);
		const del = await scall('DELETE', '/httptransports/t-1');
		assert.equal(del.status, 405);
		assert.equal(del.headers.get('allow'), 'GET');
	});
	it('local times: createdAt and lastModifiedAt in the tenant zone, without an offset', async () => {
		const local = await startFlowRetailSandbox({ localTimes: true, rateLimit: false });
		const res = await fetch(`${local.apiBase}/tenants/sandbox-tenant/customers/cust-0001`, {
			headers: auth(),
		});
		const body = await res.json();
		const stored = local.state.customers[0].createdAt;
		assert.match(stored, /Z$/);
		// Europe/Oslo is one hour ahead of UTC in January.
		assert.equal(body.createdAt, localWallTime(Date.parse(stored) + 0, 'Europe/Oslo'));
		assert.equal(body.createdAt.length, 19);
		assert.equal(Date.parse(`${body.createdAt}Z`) - Date.parse(stored), 3600 * 1000);
		await local.close();
	});
});

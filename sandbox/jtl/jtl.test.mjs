// The JTL sandbox end to end: starts it on a random port and exercises every endpoint with fetch.
// Run: node --test sandbox/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { seedState } from './data.mjs';
import { parseCliArgs, startJtlSandbox } from './server.mjs';

const FORM = 'application/x-www-form-urlencoded';
const isPascal = (o) => Object.keys(o).every((k) => /^[A-Z]/.test(k));
const isCamel = (o) => Object.keys(o).every((k) => /^[a-z]/.test(k));
const strip = (s) => JSON.stringify({ ...s, rng: undefined, tokens: undefined });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Headers for /erp/** with a token issued directly by the sandbox. */
const gatewayHeaders = (sandbox, token = sandbox.issueToken()) => ({
	authorization: `Bearer ${token}`,
	'x-tenant-id': sandbox.credentials.tenantId,
	'x-appid': 'SelfTest/1.0.0',
	'x-appversion': '1.0.0',
});

describe('seed data', () => {
	const a = seedState({ seed: 7 });

	it('is the same for the same seed and differs for another', () => {
		assert.equal(strip(a), strip(seedState({ seed: 7 })));
		assert.notEqual(strip(a), strip(seedState({ seed: 8 })));
	});

	it('has 25 customers, 10 items, 3 groups, 2 categories, 3 payment methods, 2 companies', () => {
		const counts = ['customers', 'items', 'groups', 'categories', 'paymentMethods', 'companies'];
		assert.deepEqual(
			counts.map((key) => a[key].length),
			[25, 10, 3, 2, 3, 2],
		);
	});

	it('lets some customers share lastChanged', () => {
		const changed = a.customers.map((c) => c.lastChanged);
		assert.ok(new Set(changed).size < changed.length);
	});

	it('gives every price exactly one of NetPrice / percent', () => {
		assert.ok(a.prices.every((p) => (p.netPrice === null) !== (p.reducePercent === null)));
	});
});

describe('JTL sandbox over HTTP', () => {
	let sb;
	let bearer;
	let basic;
	let clientSecret;
	let tenantId;

	before(async () => {
		sb = await startJtlSandbox({ rateLimit: { limit: 1000, intervalSeconds: 10 } });
		({ clientSecret, tenantId } = sb.credentials);
		const { clientId } = sb.credentials;
		basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
	});
	after(() => sb.close());

	async function token(
		body = 'grant_type=client_credentials',
		headers = { authorization: basic, 'content-type': FORM },
	) {
		const res = await fetch(sb.tokenUrl, { method: 'POST', headers, body });
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : null };
	}

	async function api(method, path, { body, headers, raw, base = sb.apiBase } = {}) {
		const h = { ...gatewayHeaders(sb, bearer), ...headers };
		let payload;
		if (raw !== undefined) payload = raw;
		else if (body !== undefined) {
			payload = JSON.stringify(body);
			h['content-type'] ??= 'application/json';
		}
		const res = await fetch(base + path, { method, headers: h, body: payload });
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: res.status, json, text, headers: res.headers };
	}

	const control = (route, init) => fetch(`${sb.url}/__sandbox/${route}`, init);
	const postJson = (route, body) =>
		control(route, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});

	describe('token endpoint', () => {
		it('issues a Bearer token for Basic client credentials', async () => {
			const r = await token();
			assert.equal(r.status, 200);
			assert.equal(r.body.token_type, 'Bearer');
			assert.equal(r.body.expires_in, 3600);
			assert.equal(typeof r.body.access_token, 'string');
			bearer = r.body.access_token;
		});

		it('refuses credentials in the body with 400 invalid_request', async () => {
			const { clientId } = sb.credentials;
			const r = await token(
				`grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
				{ 'content-type': FORM },
			);
			assert.equal(r.status, 400);
			assert.equal(r.body.error, 'invalid_request');
		});

		it('answers a wrong secret with 401 invalid_client', async () => {
			const wrong = Buffer.from(`${sb.credentials.clientId}:nope`).toString('base64');
			const r = await token(undefined, { authorization: `Basic ${wrong}`, 'content-type': FORM });
			assert.equal(r.status, 401);
			assert.equal(r.body.error, 'invalid_client');
		});

		it('answers another grant with 400 unsupported_grant_type', async () => {
			const r = await token('grant_type=password');
			assert.equal(r.status, 400);
			assert.equal(r.body.error, 'unsupported_grant_type');
		});

		it('refuses a JSON body with 400 and counts only issued tokens', async () => {
			const r = await token('{"grant_type":"client_credentials"}', {
				authorization: basic,
				'content-type': 'application/json',
			});
			assert.equal(r.status, 400);
			assert.equal(sb.state.tokensIssued, 1);
		});
	});

	describe('gateway checks', () => {
		it('answers an unknown token with an empty 401 and WWW-Authenticate', async () => {
			const r = await api('GET', '/info', { headers: { authorization: 'Bearer bogus' } });
			assert.equal(r.status, 401);
			assert.equal(r.text, '');
			assert.match(r.headers.get('www-authenticate'), /invalid_token/);
		});

		it('answers a missing tenant with 401 TenantIdMissing', async () => {
			const r = await api('GET', '/info', { headers: { 'x-tenant-id': '' } });
			assert.equal(r.status, 401);
			assert.equal(r.json?.ErrorCode, 'TenantIdMissing');
		});

		it('answers another tenant with 402 NoLicence', async () => {
			const other = '00000000-0000-4000-8000-000000000000';
			const r = await api('GET', '/info', { headers: { 'x-tenant-id': other } });
			assert.equal(r.status, 402);
			assert.equal(r.json?.ErrorCode, 'NoLicence');
		});

		it('answers a missing x-appid with 400 naming the header', async () => {
			const r = await api('GET', '/info', { headers: { 'x-appid': '' } });
			assert.equal(r.status, 400);
			assert.ok(r.json?.ValidationErrors?.['x-appid'], JSON.stringify(r.json));
		});

		it('answers a missing x-appversion on v2 with a camelCase 400', async () => {
			const r = await api('GET', '/v2/customers', { headers: { 'x-appversion': '' } });
			assert.equal(r.status, 400);
			assert.ok(r.json?.validationErrors?.['x-appversion'], JSON.stringify(r.json));
		});
	});

	describe('info, contacts and prices', () => {
		it('GET /info with the rate-limit headers', async () => {
			const r = await api('GET', '/info');
			assert.equal(r.status, 200);
			assert.equal(r.json.Version, '1.10.12');
			assert.equal(r.json.Tenant, tenantId);
			assert.equal(r.json.Type, 'Cloud');
			assert.equal(r.headers.get('x-ratelimit-limit'), '1000');
			assert.equal(r.headers.get('x-ratelimit-interval-length-seconds'), '10');
			assert.notEqual(r.headers.get('x-ratelimit-remaining'), null);
		});

		it('GET /items: the v1 paged item list, searched by SKU or name', async () => {
			const all = await api('GET', '/items?pageSize=3');
			assert.equal(all.status, 200);
			assert.equal(all.json.Items.length, 3);
			assert.equal(all.json.HasNextPage, true);
			assert.ok(isPascal(all.json.Items[0]));
			const sku = all.json.Items[1].SKU;
			const found = await api('GET', `/items?searchKeyWord=${sku.toLowerCase()}`);
			assert.deepEqual(
				found.json.Items.map((i) => i.SKU),
				[sku],
			);
			assert.equal((await api('GET', '/items?pageSize=0')).status, 400);
		});

		it('GET /customers/1/contacts: a bare array with all fields', async () => {
			const r = await api('GET', '/customers/1/contacts');
			const keys = [
				'Id',
				'Department',
				'Honorific',
				'FirstName',
				'LastName',
				'PhoneNumber',
				'MobilePhoneNumber',
				'EmailAddress',
				'Fax',
			];
			assert.equal(r.status, 200);
			assert.ok(Array.isArray(r.json) && r.json.length >= 2);
			for (const contact of r.json) assert.deepEqual(Object.keys(contact), keys);
		});

		it('serves /erp/v1/... as an alias', async () => {
			const r = await api('GET', '/customers/1/contacts', { base: `${sb.url}/erp/v1` });
			assert.equal(r.status, 200);
			assert.ok(Array.isArray(r.json));
		});

		it('answers an unknown customer with a 404 ErrorResponse', async () => {
			const r = await api('GET', '/customers/9999/contacts');
			assert.equal(r.status, 404);
			assert.equal(r.json?.ErrorCode, 'NotFound');
		});

		it('answers a non-int or beyond-int32 id with 400 naming customerId', async () => {
			let r = await api('GET', '/customers/abc/contacts');
			assert.equal(r.status, 400);
			assert.ok(r.json?.ValidationErrors?.customerId);
			r = await api('GET', '/customers/99999999999/contacts');
			assert.equal(r.status, 400);
		});

		it('GET /items/1/customerPrices: a bare array; unknown item => 404', async () => {
			let r = await api('GET', '/items/1/customerPrices');
			const keys = [
				'ItemId',
				'CustomerId',
				'FromQuantity',
				'NetPrice',
				'ReduceStandardPriceByPercent',
			];
			assert.equal(r.status, 200);
			assert.ok(Array.isArray(r.json));
			for (const p of r.json) {
				assert.ok(keys.every((k) => k in p));
				assert.equal(p.ItemId, 1);
			}
			r = await api('GET', '/items/999/customerPrices');
			assert.equal(r.status, 404);
		});
	});

	describe('PATCH /v2/customer/update', () => {
		let cust;
		let groupUuid;
		let billingUuid;
		before(() => {
			cust = sb.state.customers[2];
			groupUuid = sb.state.groups[2].uuid;
			billingUuid = cust.addresses.find((x) => x.type === 0).uuid;
		});

		it('changes fields and addresses, answers 200 text/plain and bumps lastChanged', async () => {
			const before = cust.lastChanged;
			await sleep(5);
			const r = await api('PATCH', '/v2/customer/update', {
				body: {
					customerId: cust.uuid,
					customerGroupId: groupUuid,
					homepage: 'https://example.test',
					birthday: null,
					isLocked: true,
					paymentSettings: { paymentDueDateInDays: 21 },
					addresses: [
						{ customerAddressId: billingUuid, city: 'Innsbruck' },
						{ addressType: 3, street: 'Neue Gasse 1', city: 'Graz', countryIso: 'AT' },
					],
				},
			});
			assert.equal(r.status, 200);
			assert.equal(r.text, 'Customer changed successfully');
			assert.ok(r.headers.get('content-type').startsWith('text/plain'));
			assert.equal(cust.groupId, 3);
			assert.equal(cust.website, 'https://example.test');
			assert.equal(cust.isLocked, true);
			assert.equal(cust.birthday, null);
			assert.equal(cust.paymentTarget, 21);
			const billing = cust.addresses.find((x) => x.uuid === billingUuid);
			assert.equal(billing.city, 'Innsbruck');
			assert.notEqual(billing.street, '');
			assert.ok(cust.addresses.some((x) => x.type === 3 && x.street === 'Neue Gasse 1'));
			assert.ok(cust.lastChanged > before, `${before} -> ${cust.lastChanged}`);
		});

		const refused = [
			['a missing customerId', () => ({ homepage: 'x' }), ['customerId']],
			[
				'unknown fields',
				() => ({ customerId: cust.uuid, foo: 1, paymentSettings: { bar: 2 } }),
				['foo', 'paymentSettings.bar'],
			],
			[
				'wrong types',
				() => ({ customerId: cust.uuid, isLocked: 'yes', accountsReceivableNumber: 1.5 }),
				['isLocked', 'accountsReceivableNumber'],
			],
			[
				'an unknown reference',
				() => ({ customerId: cust.uuid, paymentMethodId: '11111111-1111-4111-8111-111111111111' }),
				['paymentMethodId'],
			],
			[
				'a new address without addressType',
				() => ({ customerId: cust.uuid, addresses: [{ city: 'X' }] }),
				['addresses[0].addressType'],
			],
			[
				'a foreign customerAddressId',
				() => ({
					customerId: cust.uuid,
					addresses: [{ customerAddressId: '11111111-1111-4111-8111-111111111111', city: 'X' }],
				}),
				['addresses[0].customerAddressId'],
			],
		];
		for (const [label, body, fields] of refused) {
			it(`refuses ${label} with 400 naming ${fields.join(', ')}`, async () => {
				const r = await api('PATCH', '/v2/customer/update', { body: body() });
				assert.equal(r.status, 400);
				for (const field of fields)
					assert.ok(r.json.validationErrors[field], JSON.stringify(r.json));
			});
		}

		it('answers an unknown customer with 404 and invalid JSON with 400 InvalidJson', async () => {
			let r = await api('PATCH', '/v2/customer/update', {
				body: { customerId: '11111111-1111-4111-8111-111111111111' },
			});
			assert.equal(r.status, 404);
			assert.equal(r.json?.errorCode, 'NotFound');
			r = await api('PATCH', '/v2/customer/update', {
				raw: '{"customerId":',
				headers: { 'content-type': 'application/json' },
			});
			assert.equal(r.status, 400);
			assert.equal(r.json?.errorCode, 'InvalidJson');
		});
	});

	describe('v1 customers', () => {
		it('GET /customers pages in a PascalCase envelope', async () => {
			const r = await api('GET', '/customers?pageSize=10&pageNumber=3');
			assert.equal(r.status, 200);
			const { Items, ...env } = r.json;
			assert.deepEqual(
				[env.TotalItems, env.TotalPages, env.HasNextPage, env.NextPageNumber, Items.length],
				[25, 3, false, 3, 5],
			);
			assert.equal(Items[0].Id, 21);
			assert.ok(isPascal(Items[0]));
			assert.ok('Shipmentaddress' in Items[0] && 'OtherAddresses' in Items[0]);
		});

		it('refuses a pageSize above the maximum', async () => {
			const r = await api('GET', '/customers?pageSize=101');
			assert.equal(r.status, 400);
			assert.ok(r.json.ValidationErrors.pageSize);
		});

		it('filters by searchKeyWord (case-insensitive), number and groupId', async () => {
			const name = sb.state.customers[4].addresses[0].lastName.toUpperCase();
			let r = await api('GET', `/customers?searchKeyWord=${encodeURIComponent(name)}`);
			assert.equal(r.status, 200);
			assert.ok(r.json.Items.some((c) => c.Id === 5));
			r = await api('GET', '/customers?number=K10007');
			assert.equal(r.json.TotalItems, 1);
			assert.equal(r.json.Items[0].Id, 7);
			r = await api('GET', '/customers?groupId=3');
			assert.ok(r.json.TotalItems > 0);
			assert.ok(r.json.Items.every((c) => c.CustomerGroupId === 3));
		});

		it('keeps lastChangeFrom inclusive and lastChangeTo exclusive (ties)', async () => {
			const tie = sb.state.customers[6].lastChanged;
			const to = new Date(Date.parse(tie) + 1).toISOString();
			const r = await api('GET', `/customers?lastChangeFrom=${tie}&lastChangeTo=${to}`);
			assert.ok(r.json.TotalItems >= 2);
			const lastChanged = (id) => sb.state.customers.find((x) => x.id === id).lastChanged;
			assert.ok(r.json.Items.every((c) => lastChanged(c.Id) === tie));
		});

		it('GET /customers/7', async () => {
			const r = await api('GET', '/customers/7');
			assert.equal(r.status, 200);
			assert.equal(r.json.Id, 7);
			assert.equal(r.json.Number, 'K10007');
		});

		it('POST /customers => 201 with Id 26 and Number K10026', async () => {
			const r = await api('POST', '/customers', {
				body: {
					CustomerGroupId: 1,
					LanguageIso: 'de',
					InternalCompanyId: 1,
					BillingAddress: { City: 'Wien', CountryIso: 'AT', LastName: 'Neumann' },
				},
			});
			assert.equal(r.status, 201);
			assert.equal(r.json.Id, 26);
			assert.equal(r.json.Number, 'K10026');
			assert.equal(r.json.BillingAddress.City, 'Wien');
		});

		it('refuses missing fields, an unknown group and a text body', async () => {
			let r = await api('POST', '/customers?disableAutomaticWorkflows=true', {
				body: { CustomerGroupId: 1, BillingAddress: { City: 'Wien' } },
			});
			assert.equal(r.status, 400);
			for (const k of ['LanguageIso', 'InternalCompanyId', 'BillingAddress.CountryIso'])
				assert.ok(r.json.ValidationErrors[k], k);
			r = await api('POST', '/customers', {
				body: {
					CustomerGroupId: 99,
					LanguageIso: 'de',
					InternalCompanyId: 1,
					BillingAddress: { City: 'Wien', CountryIso: 'AT' },
				},
			});
			assert.equal(r.status, 400);
			assert.ok(r.json.ValidationErrors.CustomerGroupId);
			r = await api('POST', '/customers', {
				raw: 'hello',
				headers: { 'content-type': 'text/plain' },
			});
			assert.equal(r.status, 415);
		});

		it('PATCH /customers/26 => 201 with the customer; a camelCase field is unknown', async () => {
			let r = await api('PATCH', '/customers/26?disableAutomaticWorkflows=true', {
				body: {
					Website: 'https://neu.example',
					BillingAddress: { Street: 'Ring 1' },
					PaymentSettings: { CreditLimit: 500 },
				},
			});
			assert.equal(r.status, 201);
			assert.equal(r.json.Website, 'https://neu.example');
			assert.equal(r.json.BillingAddress.Street, 'Ring 1');
			assert.equal(r.json.BillingAddress.City, 'Wien');
			assert.equal(r.json.PaymentSettings.CreditLimit, 500);
			r = await api('PATCH', '/customers/26', { body: { website: 'camel' } });
			assert.equal(r.status, 400);
			assert.equal(r.json.ValidationErrors.website, 'Unknown field.');
		});
	});

	describe('contacts', () => {
		let contactId;

		it('POST => 201 with all fields', async () => {
			const r = await api('POST', '/customers/26/contacts', {
				body: { FirstName: 'Eva', LastName: 'Kern', Department: 'Einkauf' },
			});
			assert.equal(r.status, 201);
			assert.equal(r.json.FirstName, 'Eva');
			assert.equal(r.json.Fax, '');
			assert.ok(Number.isInteger(r.json.Id));
			contactId = r.json.Id;
		});

		it('GET, PATCH (204, persisted), and 404 under another customer', async () => {
			let r = await api('GET', `/customers/26/contacts/${contactId}`);
			assert.equal(r.status, 200);
			assert.equal(r.json.LastName, 'Kern');
			r = await api('PATCH', `/customers/26/contacts/${contactId}`, {
				body: { PhoneNumber: '+43 1 234' },
			});
			assert.equal(r.status, 204);
			assert.equal(r.text, '');
			r = await api('GET', `/customers/26/contacts/${contactId}`);
			assert.equal(r.json.PhoneNumber, '+43 1 234');
			assert.equal(r.json.FirstName, 'Eva');
			r = await api('GET', `/customers/1/contacts/${contactId}`);
			assert.equal(r.status, 404);
		});

		it('DELETE => 204, then 404', async () => {
			let r = await api('DELETE', `/customers/26/contacts/${contactId}`);
			assert.equal(r.status, 204);
			r = await api('GET', `/customers/26/contacts/${contactId}`);
			assert.equal(r.status, 404);
		});
	});

	describe('customer prices', () => {
		const post = (body) => api('POST', '/items/2/customerPrices', { body });

		it('POST => 201; a duplicate => 409', async () => {
			let r = await post({ CustomerId: 26, FromQuantity: 5, NetPrice: 9.99 });
			assert.equal(r.status, 201);
			assert.equal(r.json.NetPrice, 9.99);
			// SPEC1: both are required numbers; the unused one is 0.
			assert.equal(r.json.ReduceStandardPriceByPercent, 0);
			r = await post({ CustomerId: 26, FromQuantity: 5, NetPrice: 1 });
			assert.equal(r.status, 409);
			assert.ok(r.json.ErrorCode);
		});

		it('refuses both values and a missing CustomerId', async () => {
			let r = await post({
				CustomerId: 26,
				FromQuantity: 6,
				NetPrice: 1,
				ReduceStandardPriceByPercent: 5,
			});
			assert.equal(r.status, 400);
			assert.ok(r.json.ValidationErrors.NetPrice);
			r = await post({ FromQuantity: 6, NetPrice: 1 });
			assert.equal(r.status, 400);
			assert.equal(r.json.ValidationErrors.CustomerId, 'The field is required.');
		});

		it('PATCH switches the price mode; an absent price => 404', async () => {
			let r = await api('PATCH', '/items/2/customerPrices/26/5', {
				body: { ReduceStandardPriceByPercent: 12.5 },
			});
			assert.equal(r.status, 204);
			r = await api('GET', '/items/2/customerPrices');
			const patched = r.json.find((p) => p.CustomerId === 26 && p.FromQuantity === 5);
			assert.equal(patched?.NetPrice, 0);
			assert.equal(patched?.ReduceStandardPriceByPercent, 12.5);
			r = await api('PATCH', '/items/2/customerPrices/26/77', { body: { NetPrice: 1 } });
			assert.equal(r.status, 404);
		});

		it('DELETE => 204, again => 404', async () => {
			assert.equal((await api('DELETE', '/items/2/customerPrices/26/5')).status, 204);
			assert.equal((await api('DELETE', '/items/2/customerPrices/26/5')).status, 404);
		});
	});

	describe('reference data', () => {
		for (const [path, keys] of [
			['/customerGroups', ['Id', 'Name', 'IsDefault', 'Discount', 'IsNetPrice']],
			['/customerCategories', ['Id', 'Name']],
			['/paymentMethods', ['Id', 'Name', 'IsStandard', 'IsActive']],
			['/companies', ['Id', 'Name']],
		]) {
			// The 2.0 spec documents v2 groups and categories as bare arrays; the others are paged.
			const bare = ['/customerGroups', '/customerCategories'].includes(path);
			it(`GET ${path} (bare array) and /v2${path} (${bare ? 'bare array' : 'paged'}, uuid ids)`, async () => {
				let r = await api('GET', path);
				assert.equal(r.status, 200);
				assert.ok(Array.isArray(r.json) && r.json.length > 0);
				assert.ok(r.json.every((x) => keys.every((k) => k in x)));
				r = await api('GET', `/v2${path}`);
				assert.equal(r.status, 200);
				const v2 = bare ? r.json : r.json.items;
				if (!bare) assert.equal(r.json.totalItems, r.json.items.length);
				assert.ok(Array.isArray(v2) && v2.length > 0);
				for (const x of v2) {
					assert.match(x.id, /^[0-9a-f-]{36}$/);
					assert.equal(typeof x.name, 'string');
				}
			});
		}

		it('has exactly one default customer group', () => {
			assert.equal(sb.state.groups.filter((g) => g.isDefault).length, 1);
		});
	});

	describe('v2 customers', () => {
		let cust;
		let billingUuid;
		before(() => {
			cust = sb.state.customers[2];
			billingUuid = cust.addresses.find((x) => x.type === 0).uuid;
		});

		it('GET /v2/customers: camelCase envelope sorted by lastChanged', async () => {
			const r = await api(
				'GET',
				'/v2/customers?pageSize=5&sortBy=lastChanged,id&sortDescending=false',
			);
			assert.equal(r.status, 200);
			assert.equal(r.json.totalItems, 26);
			assert.equal(r.json.items.length, 5);
			assert.equal(r.json.hasNextPage, true);
			assert.ok(isCamel(r.json) && isCamel(r.json.items[0]));
			const sorted = r.json.items.map((c) => c.lastChanged);
			assert.ok(
				sorted.every((v, i) => i === 0 || sorted[i - 1] <= v),
				sorted.join(),
			);
		});

		it('filters with strict lastChangedAfter and createdDateBefore', async () => {
			const cutoff = sb.state.customers[6].lastChanged;
			let r = await api('GET', `/v2/customers?lastChangedAfter=${cutoff}&pageSize=100`);
			assert.ok(r.json.items.every((c) => c.lastChanged > cutoff));
			assert.ok(!r.json.items.some((c) => c.customerNumber === 'K10007'));
			r = await api('GET', '/v2/customers?createdDateBefore=2026-02-01T00:00:00Z');
			assert.ok(r.json.items.length > 0);
			assert.ok(r.json.items.every((c) => c.createdDate < '2026-02-01T00:00:00.000Z'));
		});

		it('refuses a bad sortBy and a non-UUID id', async () => {
			let r = await api('GET', '/v2/customers?sortBy=nope');
			assert.equal(r.status, 400);
			assert.ok(r.json.validationErrors.sortBy);
			r = await api('GET', '/v2/customers/42');
			assert.equal(r.status, 400);
			assert.ok(r.json.validationErrors.customerId);
		});

		it('GET /v2/customers/{uuid} with every field and camelCase addresses', async () => {
			const r = await api('GET', `/v2/customers/${cust.uuid}`);
			const keys = [
				'id',
				'customerNumber',
				'customerGroupId',
				'customerCategoryId',
				'companyId',
				'languageIso',
				'createdDate',
				'lastChanged',
				'homepage',
				'ebayName',
				'initialContact',
				'taxIdentificationNumber',
				'accountsReceivableNumber',
				'commercialRegisterNumber',
				'birthday',
				'isLocked',
				'isCashRegisterBased',
				'paymentMethodId',
				'paymentSettings',
				'addresses',
			];
			assert.equal(r.status, 200);
			assert.ok(keys.every((k) => k in r.json));
			assert.equal(r.json.customerGroupId, sb.state.groups[2].uuid);
			assert.equal(r.json.homepage, 'https://example.test');
			for (const x of r.json.addresses) {
				assert.ok(isCamel(x));
				assert.ok('customerAddressId' in x && 'addressType' in x && 'isDefaultAddress' in x);
			}
		});

		it('PATCH an address => 200 with its id, seen in v1; an unknown address => 404', async () => {
			let r = await api('PATCH', `/v2/customers/${cust.uuid}/addresses/${billingUuid}`, {
				body: { Address: { Street: 'Maria-Theresien-Straße 3' } },
			});
			assert.equal(r.status, 200);
			assert.equal(r.json.customerAddressId, billingUuid);
			r = await api('GET', `/customers/${cust.id}`);
			assert.equal(r.json.BillingAddress.Street, 'Maria-Theresien-Straße 3');
			assert.equal(r.json.BillingAddress.City, 'Innsbruck');
			r = await api(
				'PATCH',
				`/v2/customers/${cust.uuid}/addresses/11111111-1111-4111-8111-111111111111`,
				{ body: { Address: { Street: 'x' } } },
			);
			assert.equal(r.status, 404);
		});

		it('DELETE /v2/customers/{uuid} => 204, gone from v1', async () => {
			assert.equal((await api('DELETE', `/v2/customers/${cust.uuid}`)).status, 204);
			assert.equal((await api('GET', `/customers/${cust.id}`)).status, 404);
		});

		it('DELETE /customers/{id} => 204 and cascades to contacts and prices', async () => {
			const id = sb.state.contacts[0].customerId;
			assert.equal((await api('DELETE', `/customers/${id}`)).status, 204);
			assert.ok(!sb.state.contacts.some((c) => c.customerId === id));
			assert.ok(!sb.state.prices.some((p) => p.customerId === id));
		});
	});

	describe('routing', () => {
		it('answers an unknown route with 404 and a wrong method with 405 + Allow', async () => {
			let r = await api('GET', '/nope');
			assert.equal(r.status, 404);
			assert.equal(r.json.ErrorCode, 'NotFound');
			r = await api('PUT', '/customers/1');
			assert.equal(r.status, 405);
			assert.match(r.headers.get('allow'), /GET/);
		});
	});

	describe('faults and the request log', () => {
		it('injects a 503 once with headers, and drops a socket', async () => {
			const r = await postJson('faults', [
				{
					method: 'GET',
					path: '/erp/customers/2/contacts',
					status: 503,
					times: 1,
					headers: { 'Retry-After': '1' },
				},
				{ pathRegex: '^/erp/items/', drop: true },
			]);
			assert.equal(r.status, 201);
			let res = await api('GET', '/customers/2/contacts');
			assert.equal(res.status, 503);
			assert.equal(res.headers.get('retry-after'), '1');
			assert.equal(res.json.ErrorCode, 'SandboxFault');
			res = await api('GET', '/customers/2/contacts');
			assert.equal(res.status, 200, 'consumed after one use');
			await assert.rejects(api('GET', '/items/1/customerPrices'));
		});

		it('logs faulted requests, masks secrets, keeps parsed body and query', async () => {
			const log = await (await control('requests')).json();
			assert.ok(Array.isArray(log));
			assert.equal(log.find((e) => e.status === 503)?.path, '/erp/customers/2/contacts');
			for (const e of log)
				if (e.headers.authorization) assert.match(e.headers.authorization, /^\w+ \*\*\*$/);
			const text = JSON.stringify(log);
			assert.ok(!text.includes(clientSecret) && !text.includes(bearer));
			assert.ok(log.some((e) => e.body?.customerId));
			assert.ok(log.some((e) => e.query.pageSize === '10'));
		});

		it('DELETE /__sandbox/requests empties the log', async () => {
			const r = await control('requests', { method: 'DELETE' });
			assert.equal(r.status, 204);
			assert.equal(sb.requests.length, 0);
		});

		it('afterHandler + drop applies the write, then loses the answer', async () => {
			const before = sb.state.contacts.length;
			sb.addFault({
				method: 'POST',
				path: '/erp/customers/2/contacts',
				drop: true,
				afterHandler: true,
			});
			await assert.rejects(api('POST', '/customers/2/contacts', { body: { FirstName: 'Lost' } }));
			assert.equal(sb.state.contacts.length, before + 1);
			assert.equal(sb.requests.at(-1).dropped, true);
		});

		it('echo puts the request with its unmasked headers into the error body', async () => {
			sb.addFault({ path: '/erp/info', status: 500, echo: true });
			const r = await api('GET', '/info');
			assert.equal(r.status, 500);
			assert.equal(r.json.ErrorCode, 'SandboxFault');
			assert.equal(r.json.request.method, 'GET');
			assert.equal(r.json.request.path, '/erp/info');
			assert.equal(r.json.request.headers.authorization, `Bearer ${bearer}`);
		});
	});

	describe('clock, state and reset', () => {
		it('POST /__sandbox/clock expires the token on the sandbox clock', async () => {
			const r = await postJson('clock', { offsetSeconds: 3601 });
			assert.equal(r.status, 200);
			assert.equal((await r.json()).clockOffsetSeconds, 3601);
			assert.equal((await api('GET', '/info')).status, 401);
		});

		it('GET /__sandbox/state counts tokens and customers', async () => {
			const r = await control('state');
			const st = await r.json();
			assert.equal(r.status, 200);
			assert.equal(st.tokensIssued, 1);
			assert.equal(st.customers, 24);
		});

		it('POST /__sandbox/reset reseeds and clears tokens, log and clock', async () => {
			const r = await control('reset', { method: 'POST' });
			assert.equal(r.status, 200);
			assert.equal(sb.state.customers.length, 25);
			assert.equal(sb.state.tokensIssued, 0);
			assert.equal(sb.requests.length, 0);
			assert.equal(sb.summary().clockOffsetSeconds, 0);
			assert.equal(strip({ ...sb.state, readings: undefined }), strip(seedState({ seed: 1 })));
		});
	});
});

describe('rate limit and latency', () => {
	const hit = (sandbox, headers, path = '/info') => fetch(`${sandbox.apiBase}${path}`, { headers });

	it('answers the third call in a window with 429 and Retry-After, per endpoint, reset by the clock', async (t) => {
		const sb = await startJtlSandbox({ rateLimit: { limit: 2, intervalSeconds: 30 } });
		t.after(() => sb.close());
		const h = gatewayHeaders(sb);
		const codes = [];
		let last;
		for (let i = 0; i < 3; i++) {
			last = await hit(sb, h);
			codes.push(last.status);
		}
		assert.deepEqual(codes, [200, 200, 429]);
		assert.ok(Number(last.headers.get('retry-after')) > 0);
		assert.equal((await last.json()).ErrorCode, 'TooManyRequests');
		assert.equal((await hit(sb, h, '/customers/1/contacts')).status, 200);
		sb.advanceClock(30);
		assert.equal((await hit(sb, h)).status, 200);
	});

	for (const [reading, options, sharedStatus] of [
		['per method and path template (default)', {}, 400],
		['per path template (rateLimitPerPath)', { rateLimitPerPath: true }, 429],
	]) {
		it(`counts GET and POST /customers ${reading}`, async (t) => {
			const sb = await startJtlSandbox({
				...options,
				rateLimit: { limit: 2, intervalSeconds: 30 },
			});
			t.after(() => sb.close());
			const h = gatewayHeaders(sb);
			const get = await hit(sb, h, '/customers');
			assert.equal(get.status, 200);
			assert.equal(get.headers.get('x-ratelimit-remaining'), '1');
			// Also /v1/customers: the same endpoint.
			assert.equal((await hit(sb, h, '/v1/customers')).status, 200);
			// A third GET is one too many either way; a POST (an empty body: 400) only where the
			// methods of a path share one window.
			assert.equal((await hit(sb, h, '/customers')).status, 429);
			const post = await fetch(`${sb.apiBase}/customers`, {
				method: 'POST',
				headers: { ...h, 'content-type': 'application/json' },
				body: '{}',
			});
			assert.equal(post.status, sharedStatus);
			assert.equal((await hit(sb, h, '/customers/1')).status, 200);
		});
	}

	it('omits Retry-After with retryAfter: false', async (t) => {
		const sb = await startJtlSandbox({
			rateLimit: { limit: 1, intervalSeconds: 5, retryAfter: false },
		});
		t.after(() => sb.close());
		const h = gatewayHeaders(sb);
		await hit(sb, h);
		const r = await hit(sb, h);
		assert.equal(r.status, 429);
		assert.equal(r.headers.get('retry-after'), null);
	});

	it('delays answers by latencyMs', async (t) => {
		const sb = await startJtlSandbox({ latencyMs: 120 });
		t.after(() => sb.close());
		const t0 = Date.now();
		await hit(sb, gatewayHeaders(sb));
		assert.ok(Date.now() - t0 >= 110, `${Date.now() - t0} ms`);
	});
});

describe('CLI', () => {
	const script = fileURLToPath(new URL('./server.mjs', import.meta.url));

	it('parses the flags into options', () => {
		assert.deepEqual(parseCliArgs(['--port=4100', '--no-app-headers', '--rate-limit', '5']), {
			port: 4100,
			requireAppHeaders: false,
			rateLimit: { limit: 5, intervalSeconds: 10, retryAfter: true },
		});
		assert.deepEqual(parseCliArgs(['--rate-limit', '0', '--no-retry-after']), { rateLimit: false });
		assert.deepEqual(parseCliArgs(['--help']), { help: true });
		assert.throws(() => parseCliArgs(['--port', 'x']), /--port needs an integer/);
		assert.throws(() => parseCliArgs(['--bogus']), /--bogus/);
	});

	it('prints {url, apiBase, tokenUrl}, honours --customers and stops on SIGTERM', async () => {
		const args = [
			'--port',
			'0',
			'--seed',
			'3',
			'--customers',
			'5',
			'--rate-limit',
			'5',
			'--rate-interval',
			'2',
		];
		const cli = spawn(process.execPath, [script, ...args], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		const exited = new Promise((resolve) => cli.once('exit', (code) => resolve(code)));
		const line = await new Promise((resolve, reject) => {
			let buf = '';
			cli.stdout.on('data', (d) => {
				buf += d;
				if (buf.includes('\n')) resolve(buf.split('\n')[0]);
			});
			cli.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
		});
		try {
			const info = JSON.parse(line);
			assert.ok(info.url);
			assert.equal(info.apiBase, `${info.url}/erp`);
			assert.equal(info.tokenUrl, `${info.url}/oauth2/token`);
			const state = await (await fetch(`${info.url}/__sandbox/state`)).json();
			assert.equal(state.customers, 5);
		} finally {
			cli.kill('SIGTERM');
		}
		assert.equal(await exited, 0);
	});

	it('exits 2 with a message on a bad flag', async () => {
		const cli = spawn(process.execPath, [script, '--port', 'nope'], {
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let err = '';
		cli.stderr.on('data', (d) => (err += d));
		const code = await new Promise((resolve) => cli.once('exit', resolve));
		assert.equal(code, 2);
		assert.match(err, /--port needs an integer/);
	});
});

// Self-test: starts the JTL sandbox on a random port and exercises every endpoint with fetch.
// Usage: node sandbox/jtl/selftest.mjs   (exit code 1 when any check fails)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { seedState } from './data.mjs';
import { startJtlSandbox } from './server.mjs';

let failures = 0;
let passes = 0;
function check(name, condition, detail) {
	if (condition) {
		passes++;
		console.log(`PASS ${name}`);
	} else {
		failures++;
		console.log(
			`FAIL ${name}${detail !== undefined ? ` :: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : ''}`,
		);
	}
}

const sb = await startJtlSandbox({ rateLimit: { limit: 1000, intervalSeconds: 10 } });
const { clientId, clientSecret, tenantId } = sb.credentials;
const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
const FORM = 'application/x-www-form-urlencoded';

async function token(
	body = 'grant_type=client_credentials',
	headers = { authorization: basic, 'content-type': FORM },
) {
	const res = await fetch(sb.tokenUrl, { method: 'POST', headers, body });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

let bearer;
const appHeaders = () => ({
	authorization: `Bearer ${bearer}`,
	'x-tenant-id': tenantId,
	'x-appid': 'SelfTest/1.0.0',
	'x-appversion': '1.0.0',
});

async function api(method, path, { body, headers, raw, base = sb.apiBase } = {}) {
	const h = { ...appHeaders(), ...headers };
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

const isPascal = (o) => Object.keys(o).every((k) => /^[A-Z]/.test(k));
const isCamel = (o) => Object.keys(o).every((k) => /^[a-z]/.test(k));

try {
	// ---- determinism
	const a = seedState({ seed: 7 });
	const b = seedState({ seed: 7 });
	const strip = (s) => JSON.stringify({ ...s, rng: undefined, tokens: undefined });
	check('seed: same seed gives identical data', strip(a) === strip(b));
	check('seed: different seed gives different data', strip(a) !== strip(seedState({ seed: 8 })));
	check(
		'seed: 25 customers, 10 items, 3 groups, 2 categories, 3 payment methods, 2 companies',
		a.customers.length === 25 &&
			a.items.length === 10 &&
			a.groups.length === 3 &&
			a.categories.length === 2 &&
			a.paymentMethods.length === 3 &&
			a.companies.length === 2,
	);
	const changed = a.customers.map((c) => c.lastChanged);
	check('seed: some customers share lastChanged', new Set(changed).size < changed.length);
	check(
		'seed: prices have exactly one of NetPrice/percent',
		a.prices.every((p) => (p.netPrice === null) !== (p.reducePercent === null)),
	);

	// ---- token endpoint
	let r = await token();
	check(
		'token: 200 with Bearer token',
		r.status === 200 &&
			r.body.token_type === 'Bearer' &&
			r.body.expires_in === 3600 &&
			typeof r.body.access_token === 'string',
		r,
	);
	bearer = r.body.access_token;
	r = await token(
		`grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
		{ 'content-type': FORM },
	);
	check(
		'token: credentials in body => 400 invalid_request',
		r.status === 400 && r.body.error === 'invalid_request',
		r,
	);
	r = await token(undefined, {
		authorization: `Basic ${Buffer.from(`${clientId}:nope`).toString('base64')}`,
		'content-type': FORM,
	});
	check(
		'token: wrong secret => 401 invalid_client',
		r.status === 401 && r.body.error === 'invalid_client',
		r,
	);
	r = await token('grant_type=password');
	check(
		'token: other grant => 400 unsupported_grant_type',
		r.status === 400 && r.body.error === 'unsupported_grant_type',
		r,
	);
	r = await token('{"grant_type":"client_credentials"}', {
		authorization: basic,
		'content-type': 'application/json',
	});
	check('token: JSON body => 400', r.status === 400, r);
	check('token: tokensIssued counted', sb.state.tokensIssued === 1, sb.state.tokensIssued);

	// ---- gateway checks
	r = await api('GET', '/info', { headers: { authorization: 'Bearer bogus' } });
	check(
		'auth: unknown token => 401 empty + WWW-Authenticate',
		r.status === 401 && r.text === '' && /invalid_token/.test(r.headers.get('www-authenticate')),
		r.status,
	);
	r = await api('GET', '/info', { headers: { 'x-tenant-id': '' } });
	check(
		'auth: missing tenant => 401 TenantIdMissing',
		r.status === 401 && r.json?.ErrorCode === 'TenantIdMissing',
		r.json,
	);
	r = await api('GET', '/info', {
		headers: { 'x-tenant-id': '00000000-0000-4000-8000-000000000000' },
	});
	check(
		'auth: other tenant => 402 NoLicence',
		r.status === 402 && r.json?.ErrorCode === 'NoLicence',
		r.json,
	);
	r = await api('GET', '/info', { headers: { 'x-appid': '' } });
	check(
		'auth: missing x-appid => 400 naming header',
		r.status === 400 && r.json?.ValidationErrors?.['x-appid'],
		r.json,
	);
	r = await api('GET', '/v2/customers', { headers: { 'x-appversion': '' } });
	check(
		'auth: missing x-appversion on v2 => camelCase 400',
		r.status === 400 && r.json?.validationErrors?.['x-appversion'],
		r.json,
	);

	// ---- issue-2 endpoints
	r = await api('GET', '/info');
	check(
		'GET /info',
		r.status === 200 &&
			r.json.Version === '1.10.12' &&
			r.json.Tenant === tenantId &&
			r.json.Type === 'Cloud',
		r.json,
	);
	check(
		'rate-limit headers present',
		r.headers.get('x-ratelimit-limit') === '1000' &&
			r.headers.get('x-ratelimit-interval-length-seconds') === '10' &&
			r.headers.get('x-ratelimit-remaining') !== null,
	);
	r = await api('GET', '/customers/1/contacts');
	const contactKeys = [
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
	check(
		'GET /customers/1/contacts: bare array, all fields',
		r.status === 200 &&
			Array.isArray(r.json) &&
			r.json.length >= 2 &&
			r.json.every(
				(c) => contactKeys.every((k) => k in c) && Object.keys(c).length === contactKeys.length,
			),
		r.json,
	);
	r = await api('GET', '/contacts/1/contacts'.replace('/contacts/1', '/customers/1'), {
		base: `${sb.url}/erp/v1`,
	});
	check('GET /erp/v1/customers/1/contacts alias', r.status === 200 && Array.isArray(r.json));
	r = await api('GET', '/customers/9999/contacts');
	check(
		'contacts: unknown customer => 404 ErrorResponse',
		r.status === 404 && r.json?.ErrorCode === 'NotFound',
		r.json,
	);
	r = await api('GET', '/customers/abc/contacts');
	check(
		'contacts: non-int id => 400 naming customerId',
		r.status === 400 && r.json?.ValidationErrors?.customerId,
		r.json,
	);
	r = await api('GET', '/customers/99999999999/contacts');
	check('contacts: id beyond int32 => 400', r.status === 400, r.json);

	r = await api('GET', '/items/1/customerPrices');
	const priceKeys = [
		'ItemId',
		'CustomerId',
		'FromQuantity',
		'NetPrice',
		'ReduceStandardPriceByPercent',
	];
	check(
		'GET /items/1/customerPrices: bare array',
		r.status === 200 &&
			Array.isArray(r.json) &&
			r.json.every((p) => priceKeys.every((k) => k in p) && p.ItemId === 1),
		r.json,
	);
	r = await api('GET', '/items/999/customerPrices');
	check('prices: unknown item => 404', r.status === 404, r.status);

	const cust = sb.state.customers[2];
	const groupUuid = sb.state.groups[2].uuid;
	const billingUuid = cust.addresses.find((x) => x.type === 0).uuid;
	const before = cust.lastChanged;
	await new Promise((res) => setTimeout(res, 5));
	r = await api('PATCH', '/v2/customer/update', {
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
	check(
		'PATCH /v2/customer/update => 200 text/plain',
		r.status === 200 &&
			r.text === 'Customer changed successfully' &&
			r.headers.get('content-type').startsWith('text/plain'),
		r.text,
	);
	check(
		'update: fields changed',
		cust.groupId === 3 &&
			cust.website === 'https://example.test' &&
			cust.isLocked === true &&
			cust.birthday === null &&
			cust.paymentTarget === 21,
	);
	check(
		'update: only the given address field changed',
		cust.addresses.find((x) => x.uuid === billingUuid).city === 'Innsbruck' &&
			cust.addresses.find((x) => x.uuid === billingUuid).street !== '',
	);
	check(
		'update: new address added',
		cust.addresses.some((x) => x.type === 3 && x.street === 'Neue Gasse 1'),
	);
	check('update: lastChanged bumped', cust.lastChanged > before, [before, cust.lastChanged]);
	r = await api('PATCH', '/v2/customer/update', { body: { homepage: 'x' } });
	check(
		'update: missing customerId => 400 validationErrors.customerId',
		r.status === 400 && r.json?.validationErrors?.customerId,
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: { customerId: cust.uuid, foo: 1, paymentSettings: { bar: 2 } },
	});
	check(
		'update: unknown fields => 400 naming them',
		r.status === 400 &&
			r.json.validationErrors.foo &&
			r.json.validationErrors['paymentSettings.bar'],
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: { customerId: cust.uuid, isLocked: 'yes', accountsReceivableNumber: 1.5 },
	});
	check(
		'update: wrong types => 400 naming fields',
		r.status === 400 &&
			r.json.validationErrors.isLocked &&
			r.json.validationErrors.accountsReceivableNumber,
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: { customerId: '11111111-1111-4111-8111-111111111111' },
	});
	check(
		'update: unknown customer => 404',
		r.status === 404 && r.json?.errorCode === 'NotFound',
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: { customerId: cust.uuid, paymentMethodId: '11111111-1111-4111-8111-111111111111' },
	});
	check(
		'update: unknown reference => 400 naming field',
		r.status === 400 && r.json.validationErrors.paymentMethodId,
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: { customerId: cust.uuid, addresses: [{ city: 'X' }] },
	});
	check(
		'update: new address without addressType => 400',
		r.status === 400 && r.json.validationErrors['addresses[0].addressType'],
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		body: {
			customerId: cust.uuid,
			addresses: [{ customerAddressId: '11111111-1111-4111-8111-111111111111', city: 'X' }],
		},
	});
	check(
		'update: foreign customerAddressId => 400',
		r.status === 400 && r.json.validationErrors['addresses[0].customerAddressId'],
		r.json,
	);
	r = await api('PATCH', '/v2/customer/update', {
		raw: '{"customerId":',
		headers: { 'content-type': 'application/json' },
	});
	check(
		'update: invalid JSON => 400',
		r.status === 400 && r.json?.errorCode === 'InvalidJson',
		r.json,
	);

	// ---- v1 customers
	r = await api('GET', '/customers?pageSize=10&pageNumber=3');
	check(
		'GET /customers paged envelope',
		r.status === 200 &&
			r.json.TotalItems === 25 &&
			r.json.TotalPages === 3 &&
			r.json.HasNextPage === false &&
			r.json.NextPageNumber === 3 &&
			r.json.Items.length === 5 &&
			r.json.Items[0].Id === 21,
		r.json && { ...r.json, Items: r.json.Items?.length },
	);
	check(
		'v1 customer is PascalCase with all fields',
		isPascal(r.json.Items[0]) &&
			'Shipmentaddress' in r.json.Items[0] &&
			'OtherAddresses' in r.json.Items[0],
	);
	r = await api('GET', '/customers?pageSize=101');
	check(
		'GET /customers pageSize above max => 400',
		r.status === 400 && r.json.ValidationErrors.pageSize,
		r.json,
	);
	r = await api(
		'GET',
		`/customers?searchKeyWord=${encodeURIComponent(sb.state.customers[4].addresses[0].lastName.toUpperCase())}`,
	);
	check(
		'GET /customers searchKeyWord (case-insensitive)',
		r.status === 200 && r.json.Items.some((c) => c.Id === 5),
		r.json?.TotalItems,
	);
	r = await api('GET', '/customers?number=K10007');
	check('GET /customers number exact', r.json.TotalItems === 1 && r.json.Items[0].Id === 7);
	r = await api('GET', '/customers?groupId=3');
	check(
		'GET /customers groupId',
		r.json.Items.every((c) => c.CustomerGroupId === 3) && r.json.TotalItems > 0,
	);
	const tie = sb.state.customers[6].lastChanged;
	r = await api(
		'GET',
		`/customers?lastChangeFrom=${tie}&lastChangeTo=${new Date(Date.parse(tie) + 1).toISOString()}`,
	);
	check(
		'GET /customers lastChangeFrom/To window (ties)',
		r.json.TotalItems >= 2 &&
			r.json.Items.every((c) => sb.state.customers.find((x) => x.id === c.Id).lastChanged === tie),
		r.json?.TotalItems,
	);
	r = await api('GET', '/customers/7');
	check('GET /customers/7', r.status === 200 && r.json.Id === 7 && r.json.Number === 'K10007');
	r = await api('POST', '/customers', {
		body: {
			CustomerGroupId: 1,
			LanguageIso: 'de',
			InternalCompanyId: 1,
			BillingAddress: { City: 'Wien', CountryIso: 'AT', LastName: 'Neumann' },
		},
	});
	check(
		'POST /customers => 201 with Id 26 and Number K10026',
		r.status === 201 &&
			r.json.Id === 26 &&
			r.json.Number === 'K10026' &&
			r.json.BillingAddress.City === 'Wien',
		r.json,
	);
	r = await api('POST', '/customers?disableAutomaticWorkflows=true', {
		body: { CustomerGroupId: 1, BillingAddress: { City: 'Wien' } },
	});
	check(
		'POST /customers missing fields => 400 naming them',
		r.status === 400 &&
			['LanguageIso', 'InternalCompanyId', 'BillingAddress.CountryIso'].every(
				(k) => r.json.ValidationErrors[k],
			),
		r.json,
	);
	r = await api('POST', '/customers', {
		body: {
			CustomerGroupId: 99,
			LanguageIso: 'de',
			InternalCompanyId: 1,
			BillingAddress: { City: 'Wien', CountryIso: 'AT' },
		},
	});
	check(
		'POST /customers unknown group => 400',
		r.status === 400 && r.json.ValidationErrors.CustomerGroupId,
		r.json,
	);
	r = await api('POST', '/customers', { raw: 'hello', headers: { 'content-type': 'text/plain' } });
	check('POST /customers text body => 415', r.status === 415, r.status);
	r = await api('PATCH', '/customers/26?disableAutomaticWorkflows=true', {
		body: {
			Website: 'https://neu.example',
			BillingAddress: { Street: 'Ring 1' },
			PaymentSettings: { CreditLimit: 500 },
		},
	});
	check(
		'PATCH /customers/26 => 201 with customer',
		r.status === 201 &&
			r.json.Website === 'https://neu.example' &&
			r.json.BillingAddress.Street === 'Ring 1' &&
			r.json.BillingAddress.City === 'Wien' &&
			r.json.PaymentSettings.CreditLimit === 500,
		r.json,
	);
	r = await api('PATCH', '/customers/26', { body: { website: 'camel' } });
	check(
		'PATCH /customers camelCase field => 400 unknown',
		r.status === 400 && r.json.ValidationErrors.website,
		r.json,
	);

	// ---- contacts
	r = await api('POST', '/customers/26/contacts', {
		body: { FirstName: 'Eva', LastName: 'Kern', Department: 'Einkauf' },
	});
	check(
		'POST contact => 201 with all fields',
		r.status === 201 &&
			r.json.FirstName === 'Eva' &&
			r.json.Fax === '' &&
			Number.isInteger(r.json.Id),
		r.json,
	);
	const contactId = r.json.Id;
	r = await api('GET', `/customers/26/contacts/${contactId}`);
	check('GET contact', r.status === 200 && r.json.LastName === 'Kern');
	r = await api('PATCH', `/customers/26/contacts/${contactId}`, {
		body: { PhoneNumber: '+43 1 234' },
	});
	check('PATCH contact => 204 empty', r.status === 204 && r.text === '');
	r = await api('GET', `/customers/26/contacts/${contactId}`);
	check(
		'PATCH contact persisted',
		r.json.PhoneNumber === '+43 1 234' && r.json.FirstName === 'Eva',
	);
	r = await api('GET', `/customers/1/contacts/${contactId}`);
	check('GET contact of other customer => 404', r.status === 404);
	r = await api('DELETE', `/customers/26/contacts/${contactId}`);
	check('DELETE contact => 204', r.status === 204);
	r = await api('GET', `/customers/26/contacts/${contactId}`);
	check('deleted contact => 404', r.status === 404);

	// ---- prices
	r = await api('POST', '/items/2/customerPrices', {
		body: { CustomerId: 26, FromQuantity: 5, NetPrice: 9.99 },
	});
	check(
		'POST price => 201',
		r.status === 201 && r.json.NetPrice === 9.99 && r.json.ReduceStandardPriceByPercent === null,
		r.json,
	);
	r = await api('POST', '/items/2/customerPrices', {
		body: { CustomerId: 26, FromQuantity: 5, NetPrice: 1 },
	});
	check('POST duplicate price => 409', r.status === 409 && r.json.ErrorCode, r.json);
	r = await api('POST', '/items/2/customerPrices', {
		body: { CustomerId: 26, FromQuantity: 6, NetPrice: 1, ReduceStandardPriceByPercent: 5 },
	});
	check(
		'POST price with both values => 400',
		r.status === 400 && r.json.ValidationErrors.NetPrice,
		r.json,
	);
	r = await api('POST', '/items/2/customerPrices', { body: { FromQuantity: 6, NetPrice: 1 } });
	check(
		'POST price without CustomerId => 400',
		r.status === 400 && r.json.ValidationErrors.CustomerId,
		r.json,
	);
	r = await api('PATCH', '/items/2/customerPrices/26/5', {
		body: { ReduceStandardPriceByPercent: 12.5 },
	});
	check('PATCH price => 204', r.status === 204, r.json);
	r = await api('GET', '/items/2/customerPrices');
	const patched = r.json.find((p) => p.CustomerId === 26 && p.FromQuantity === 5);
	check(
		'PATCH price switched mode',
		patched?.NetPrice === null && patched?.ReduceStandardPriceByPercent === 12.5,
		patched,
	);
	r = await api('PATCH', '/items/2/customerPrices/26/77', { body: { NetPrice: 1 } });
	check('PATCH absent price => 404', r.status === 404);
	r = await api('DELETE', '/items/2/customerPrices/26/5');
	check('DELETE price => 204', r.status === 204);
	r = await api('DELETE', '/items/2/customerPrices/26/5');
	check('DELETE absent price => 404', r.status === 404);

	// ---- reference data
	for (const [path, keys] of [
		['/customerGroups', ['Id', 'Name', 'IsDefault', 'Discount', 'IsNetPrice']],
		['/customerCategories', ['Id', 'Name']],
		['/paymentMethods', ['Id', 'Name', 'IsStandard', 'IsActive']],
		['/companies', ['Id', 'Name']],
	]) {
		r = await api('GET', path);
		check(
			`GET ${path}`,
			r.status === 200 &&
				Array.isArray(r.json) &&
				r.json.length > 0 &&
				r.json.every((x) => keys.every((k) => k in x)),
			r.json,
		);
		r = await api('GET', `/v2${path}`);
		check(
			`GET /v2${path}`,
			r.status === 200 &&
				r.json.totalItems === r.json.items.length &&
				r.json.items.every((x) => /^[0-9a-f-]{36}$/.test(x.id) && typeof x.name === 'string'),
			r.json,
		);
	}
	check(
		'exactly one default customer group',
		sb.state.groups.filter((g) => g.isDefault).length === 1,
	);

	// ---- v2 customers
	r = await api('GET', '/v2/customers?pageSize=5&sortBy=lastChanged,id&sortDescending=false');
	check(
		'GET /v2/customers camelCase envelope',
		r.status === 200 &&
			r.json.totalItems === 26 &&
			r.json.items.length === 5 &&
			r.json.hasNextPage === true &&
			isCamel(r.json) &&
			isCamel(r.json.items[0]),
		r.json && Object.keys(r.json),
	);
	const sorted = r.json.items.map((c) => c.lastChanged);
	check(
		'GET /v2/customers sorted by lastChanged',
		sorted.every((v, i) => i === 0 || sorted[i - 1] <= v),
		sorted,
	);
	const cutoff = sb.state.customers[6].lastChanged;
	r = await api('GET', `/v2/customers?lastChangedAfter=${cutoff}&pageSize=100`);
	check(
		'GET /v2/customers lastChangedAfter is strict',
		r.json.items.every((c) => c.lastChanged > cutoff) &&
			!r.json.items.some((c) => c.customerNumber === 'K10007'),
		r.json?.totalItems,
	);
	r = await api('GET', `/v2/customers?createdDateBefore=2026-02-01T00:00:00Z`);
	check(
		'GET /v2/customers createdDateBefore',
		r.json.items.length > 0 &&
			r.json.items.every((c) => c.createdDate < '2026-02-01T00:00:00.000Z'),
	);
	r = await api('GET', '/v2/customers?sortBy=nope');
	check(
		'GET /v2/customers bad sortBy => 400',
		r.status === 400 && r.json.validationErrors.sortBy,
		r.json,
	);
	r = await api('GET', `/v2/customers/${cust.uuid}`);
	const v2keys = [
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
	check(
		'GET /v2/customers/{uuid}',
		r.status === 200 &&
			v2keys.every((k) => k in r.json) &&
			r.json.customerGroupId === groupUuid &&
			r.json.homepage === 'https://example.test',
		r.json,
	);
	check(
		'v2 addresses shape',
		r.json.addresses.every(
			(x) =>
				isCamel(x) && 'customerAddressId' in x && 'addressType' in x && 'isDefaultAddress' in x,
		),
	);
	r = await api('GET', '/v2/customers/42');
	check(
		'GET /v2/customers/42 => 400 (not a uuid)',
		r.status === 400 && r.json.validationErrors.customerId,
		r.json,
	);
	r = await api('PATCH', `/v2/customers/${cust.uuid}/addresses/${billingUuid}`, {
		body: { street: 'Maria-Theresien-Straße 3' },
	});
	check(
		'PATCH /v2/customers/{id}/addresses/{id} => 200 ref',
		r.status === 200 && r.json.customerAddressId === billingUuid,
		r.json,
	);
	r = await api('GET', `/customers/${cust.id}`);
	check(
		'v1 view reflects v2 address change',
		r.json.BillingAddress.Street === 'Maria-Theresien-Straße 3' &&
			r.json.BillingAddress.City === 'Innsbruck',
		r.json.BillingAddress,
	);
	r = await api(
		'PATCH',
		`/v2/customers/${cust.uuid}/addresses/11111111-1111-4111-8111-111111111111`,
		{ body: { street: 'x' } },
	);
	check('PATCH unknown address => 404', r.status === 404);
	r = await api('DELETE', `/v2/customers/${cust.uuid}`);
	check('DELETE /v2/customers/{uuid} => 204', r.status === 204);
	r = await api('GET', `/customers/${cust.id}`);
	check('deleted v2 customer gone from v1', r.status === 404);
	const withContacts = sb.state.contacts[0].customerId;
	r = await api('DELETE', `/customers/${withContacts}`);
	check(
		'DELETE /customers/{id} => 204 and cascades',
		r.status === 204 &&
			!sb.state.contacts.some((c) => c.customerId === withContacts) &&
			!sb.state.prices.some((p) => p.customerId === withContacts),
	);

	// ---- routing
	r = await api('GET', '/nope');
	check('unknown route => 404', r.status === 404 && r.json.ErrorCode === 'NotFound');
	r = await api('PUT', '/customers/1');
	check('wrong method => 405 with Allow', r.status === 405 && /GET/.test(r.headers.get('allow')));

	// ---- faults and request log
	r = await fetch(`${sb.url}/__sandbox/faults`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify([
			{
				method: 'GET',
				path: '/erp/customers/2/contacts',
				status: 503,
				times: 1,
				headers: { 'Retry-After': '1' },
			},
			{ pathRegex: '^/erp/items/', drop: true },
		]),
	});
	check('POST /__sandbox/faults => 201', r.status === 201);
	r = await api('GET', '/customers/2/contacts');
	check(
		'fault: 503 injected once with headers',
		r.status === 503 && r.headers.get('retry-after') === '1' && r.json.ErrorCode === 'SandboxFault',
		r.status,
	);
	r = await api('GET', '/customers/2/contacts');
	check('fault: consumed after one use', r.status === 200, r.status);
	let dropped = false;
	try {
		await api('GET', '/items/1/customerPrices');
	} catch {
		dropped = true;
	}
	check('fault: drop destroys the socket', dropped);
	r = await fetch(`${sb.url}/__sandbox/requests`);
	const log = await r.json();
	const last503 = log.find((e) => e.status === 503);
	check(
		'GET /__sandbox/requests logs faulted requests',
		Array.isArray(log) && last503?.path === '/erp/customers/2/contacts',
	);
	check(
		'request log masks Authorization',
		log.every((e) => !e.headers.authorization || /^\w+ \*\*\*$/.test(e.headers.authorization)) &&
			!JSON.stringify(log).includes(clientSecret) &&
			!JSON.stringify(log).includes(bearer),
	);
	check(
		'request log has parsed body and query',
		log.some((e) => e.body?.customerId) && log.some((e) => e.query.pageSize === '10'),
	);
	r = await fetch(`${sb.url}/__sandbox/requests`, { method: 'DELETE' });
	check('DELETE /__sandbox/requests', r.status === 204 && sb.requests.length === 0);

	// ---- rate limit
	const limited = await startJtlSandbox({ rateLimit: { limit: 2, intervalSeconds: 30 } });
	const lt = limited.issueToken();
	const lh = {
		authorization: `Bearer ${lt}`,
		'x-tenant-id': tenantId,
		'x-appid': 'a',
		'x-appversion': '1',
	};
	const codes = [];
	let lastRes;
	for (let i = 0; i < 3; i++) {
		lastRes = await fetch(`${limited.apiBase}/info`, { headers: lh });
		codes.push(lastRes.status);
	}
	const body429 = await lastRes.json();
	check(
		'rate limit: third call => 429 with Retry-After',
		codes.join() === '200,200,429' &&
			Number(lastRes.headers.get('retry-after')) > 0 &&
			body429.ErrorCode === 'TooManyRequests',
		codes,
	);
	check(
		'rate limit: per endpoint',
		(await fetch(`${limited.apiBase}/customers/1/contacts`, { headers: lh })).status === 200,
	);
	limited.advanceClock(30);
	check(
		'rate limit: window resets with the clock',
		(await fetch(`${limited.apiBase}/info`, { headers: lh })).status === 200,
	);
	await limited.close();
	const noRetry = await startJtlSandbox({
		rateLimit: { limit: 1, intervalSeconds: 5, retryAfter: false },
	});
	const nh = {
		authorization: `Bearer ${noRetry.issueToken()}`,
		'x-tenant-id': tenantId,
		'x-appid': 'a',
		'x-appversion': '1',
	};
	await fetch(`${noRetry.apiBase}/info`, { headers: nh });
	const nr = await fetch(`${noRetry.apiBase}/info`, { headers: nh });
	check(
		'rate limit: retryAfter=false omits Retry-After',
		nr.status === 429 && nr.headers.get('retry-after') === null,
	);
	await noRetry.close();

	// ---- clock, latency, state, reset
	r = await fetch(`${sb.url}/__sandbox/clock`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: '{"offsetSeconds":3601}',
	});
	check('POST /__sandbox/clock', r.status === 200 && (await r.json()).clockOffsetSeconds === 3601);
	r = await api('GET', '/info');
	check('token expires on the sandbox clock => 401', r.status === 401);
	r = await fetch(`${sb.url}/__sandbox/state`);
	const st = await r.json();
	check(
		'GET /__sandbox/state counters',
		r.status === 200 && st.tokensIssued === 1 && st.customers === 24,
		st,
	);
	r = await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
	check(
		'POST /__sandbox/reset',
		r.status === 200 &&
			sb.state.customers.length === 25 &&
			sb.state.tokensIssued === 0 &&
			sb.requests.length === 0 &&
			sb.summary().clockOffsetSeconds === 0,
	);
	check('reset: same seed => same data', strip(sb.state) === strip(seedState({ seed: 1 })));
	const slow = await startJtlSandbox({ latencyMs: 120 });
	const t0 = Date.now();
	await fetch(`${slow.apiBase}/info`, {
		headers: {
			authorization: `Bearer ${slow.issueToken()}`,
			'x-tenant-id': tenantId,
			'x-appid': 'a',
			'x-appversion': '1',
		},
	});
	check('latency option delays answers', Date.now() - t0 >= 110, Date.now() - t0);
	await slow.close();

	// ---- CLI mode
	const cli = spawn(
		process.execPath,
		[
			fileURLToPath(new URL('./server.mjs', import.meta.url)),
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
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const line = await new Promise((resolve, reject) => {
		let buf = '';
		cli.stdout.on('data', (d) => {
			buf += d;
			if (buf.includes('\n')) resolve(buf.split('\n')[0]);
		});
		cli.once('exit', (code) => reject(new Error(`cli exited ${code}`)));
	});
	const info = JSON.parse(line);
	check(
		'CLI prints {url, apiBase, tokenUrl}',
		info.url && info.apiBase === `${info.url}/erp` && info.tokenUrl === `${info.url}/oauth2/token`,
		line,
	);
	const cs = await (await fetch(`${info.url}/__sandbox/state`)).json();
	check('CLI honours --customers', cs.customers === 5, cs);
	const exit = new Promise((resolve) =>
		cli.once('exit', (code, signal) => resolve({ code, signal })),
	);
	cli.kill('SIGTERM');
	const ex = await exit;
	check('CLI stops cleanly on SIGTERM', ex.code === 0, ex);
} catch (err) {
	failures++;
	console.log(`FAIL unexpected error :: ${err.stack}`);
} finally {
	await sb.close();
}

console.log(`\n${passes} passed, ${failures} failed`);
process.exit(failures > 0 ? 1 : 0);

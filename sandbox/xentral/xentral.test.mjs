// The Xentral sandbox end to end: starts it on a random port and checks the documented rules with
// fetch. Run: node --test sandbox/
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';

import { seedState } from './data.mjs';
import { parseCliArgs, startXentralSandbox } from './server.mjs';
import { signBody } from './signature.mjs';

let sb;
const auth = () => ({ authorization: `Bearer ${sb.options.token}` });
const call = async (method, path, body, headers = {}) => {
	const res = await fetch(`${sb.url}${path}`, {
		method,
		headers: { ...auth(), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return { status: res.status, headers: res.headers, body: json };
};

before(async () => {
	sb = await startXentralSandbox({ rateLimit: { limit: 100, intervalSeconds: 60 } });
});
after(async () => await sb.close());

describe('seed and CLI', () => {
	it('is deterministic per seed', () => {
		assert.deepEqual(seedState({ seed: 3 }), seedState({ seed: 3 }));
		assert.notDeepEqual(seedState({ seed: 3 }).customers, seedState({ seed: 4 }).customers);
	});
	it('parses flags and turns the rate limit off with 0', () => {
		assert.equal(parseCliArgs(['--rate-limit', '0']).rateLimit, false);
		assert.equal(parseCliArgs(['--customers', '300']).customers, 300);
	});
});

describe('auth, paging, filters', () => {
	it('refuses a missing or unknown token with a text/html 401', async () => {
		const res = await call('GET', '/api/v2/customers', undefined, { authorization: 'Bearer nope' });
		assert.equal(res.status, 401);
		assert.match(res.headers.get('content-type'), /text\/html/);
	});

	it('pages with page[number]/page[size] and the documented envelope', async () => {
		const res = await call('GET', '/api/v2/customers?page[number]=2&page[size]=10');
		assert.equal(res.status, 200);
		assert.deepEqual(res.body.extra, { totalCount: 25, page: { number: 2, size: 10 } });
		assert.deepEqual(
			res.body.data.map((c) => c.id),
			['11', '12', '13', '14', '15', '16', '17', '18', '19', '20'],
		);
		assert.equal(res.headers.get('x-ratelimit-limit'), '100');
	});

	it('refuses a page size over 50, an unknown filter key or operator, and the non-indexed form', async () => {
		for (const query of [
			'page[number]=1&page[size]=51',
			'filter[0][key]=createdAt&filter[0][op]=equals&filter[0][value]=1',
			'filter[0][key]=name&filter[0][op]=contains&filter[0][value]=x',
			'filter[name][contains]=x',
			'order[0][field]=name&order[0][dir]=asc',
			'page[number]=1&page[size]=10&cursor[size]=10',
		]) {
			const res = await call('GET', `/api/v2/customers?${query}`);
			assert.equal(res.status, 400, query);
			assert.match(res.headers.get('content-type'), /application\/problem\+json/);
			assert.equal(res.body.type, 'https://api.xentral.biz/problems/request-validation');
		}
	});

	it('filters with indexed triples, in-lists and id order, and follows the cursor', async () => {
		const res = await call(
			'GET',
			'/api/v2/customers?filter[0][key]=id&filter[0][op]=in&filter[0][value][0]=3&filter[0][value][1]=5&order[0][field]=id&order[0][dir]=desc',
		);
		assert.deepEqual(
			res.body.data.map((c) => c.id),
			['5', '3'],
		);
		// The schema types a filter value `string | string[]`: a single value is a list of one.
		const single = await call(
			'GET',
			'/api/v2/customers?filter[0][key]=id&filter[0][op]=in&filter[0][value]=13',
		);
		assert.equal(single.status, 200);
		assert.deepEqual(
			single.body.data.map((c) => c.id),
			['13'],
		);
		const notIn = await call(
			'GET',
			'/api/v2/customers?filter[0][key]=id&filter[0][op]=notIn&filter[0][value]=13&page[number]=1&page[size]=50',
		);
		assert.equal(notIn.body.data.length, 24);
		assert.ok(!notIn.body.data.some((c) => c.id === '13'));
		const first = await call('GET', '/api/v2/customers?cursor[size]=20');
		assert.equal(first.body.data.length, 20);
		const next = first.body.extra.cursor.nextCursor;
		const second = await call(
			'GET',
			`/api/v2/customers?cursor[size]=20&cursor[nextCursor]=${next}`,
		);
		assert.equal(second.body.data.length, 5);
		assert.equal(second.body.extra.cursor.nextCursor, null);
	});
});

describe('writes', () => {
	it('creates with 201, an empty body and Location; enforces the name rule', async () => {
		const res = await call('POST', '/api/v2/customers', {
			customerType: 'company',
			name: 'Test GmbH',
			project: { id: '1' },
		});
		assert.equal(res.status, 201);
		assert.equal(res.body, undefined);
		const location = res.headers.get('location');
		assert.match(location, /\/api\/v2\/customers\/\d+$/);
		const view = await call('GET', new URL(location).pathname);
		assert.equal(view.body.data.name, 'Test GmbH');
		const bad = await call('POST', '/api/v2/customers', {
			customerType: 'company',
			project: { id: '1' },
		});
		assert.equal(bad.status, 400);
		assert.deepEqual(bad.body.violations, { name: ['This value should not be blank.'] });
		const unknown = await call('POST', '/api/v2/customers', {
			customerType: 'company',
			name: 'X',
			project: { id: '1' },
			nope: 1,
		});
		assert.equal(unknown.status, 400);
		assert.ok(unknown.body.violations.nope);
	});

	it('deletes customers through v1 only', async () => {
		assert.equal((await call('DELETE', '/api/v2/customers/2')).status, 405);
		assert.equal((await call('DELETE', '/api/v1/customers/2')).status, 204);
		assert.equal((await call('GET', '/api/v2/customers/2')).status, 404);
	});

	it('keeps addresses by type: masterdata, billing, delivery', async () => {
		const billing = await call('POST', '/api/v2/customers/3/addresses', {
			type: 'billingaddress',
			name: 'Rechnung GmbH',
			street: 'Weg 1',
			city: 'Bonn',
			country: 'DE',
		});
		assert.equal(billing.status, 201);
		assert.match(billing.headers.get('location'), /addresses\/billingaddress$/);
		const noName = await call('POST', '/api/v2/customers/3/addresses', {
			type: 'deliveryaddress',
			street: 'Weg 2',
			city: 'Bonn',
			country: 'DE',
		});
		assert.equal(noName.status, 400);
		const list = await call(
			'GET',
			'/api/v2/customers/3/addresses?filter[0][key]=type&filter[0][op]=equals&filter[0][value]=billingaddress',
		);
		assert.deepEqual(
			list.body.data.map((a) => a.id),
			['billingaddress'],
		);
		assert.equal((await call('DELETE', '/api/v2/customers/3/addresses/masterdata')).status, 400);
	});

	it('answers 409 to a second sales price with the same natural key', async () => {
		const body = {
			product: { id: '40' },
			customer: { id: '4' },
			amount: 5,
			price: { amount: '3.10', currency: 'EUR' },
		};
		assert.equal((await call('POST', '/api/v1/salesPrices', body)).status, 201);
		const again = await call('POST', '/api/v1/salesPrices', body);
		assert.equal(again.status, 409);
		assert.equal(again.body.type, 'https://api.xentral.biz/problems/conflict');
	});
});

describe('readings where the documents are silent', () => {
	const readings = async (change) => {
		const res = await fetch(`${sb.url}/__sandbox/readings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(change),
		});
		return { status: res.status, body: await res.json() };
	};
	const reset = () => fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });

	it('start strict: project required, filters case-sensitive, no address in the view, offsets', () => {
		assert.deepEqual(sb.options.readings, {
			project: 'required',
			filterCase: 'sensitive',
			viewAddress: 'without',
			times: 'offset',
		});
		const flags = parseCliArgs([
			'--project-optional',
			'--case-insensitive-filters',
			'--view-address',
			'--offsetless-times',
		]);
		assert.deepEqual(flags.readings, {
			project: 'optional',
			filterCase: 'insensitive',
			viewAddress: 'with',
			times: 'offsetless',
		});
	});

	it('project: a new customer without project.id is refused, unless the reading is optional', async () => {
		const body = { customerType: 'company', name: 'Ohne Projekt GmbH' };
		const strict = await call('POST', '/api/v2/customers', body);
		assert.equal(strict.status, 400);
		assert.deepEqual(strict.body.violations, {
			project: { id: ['This value should not be blank.'] },
		});
		assert.equal((await readings({ project: 'optional' })).status, 200);
		assert.equal((await call('POST', '/api/v2/customers', body)).status, 201);
		await reset();
		assert.equal(sb.options.readings.project, 'required');
	});

	it('filterCase: equals finds another case only when the reading is insensitive', async () => {
		const q =
			'/api/v2/customers?filter[0][key]=email&filter[0][op]=equals&filter[0][value]=KUNDE3@Example.com';
		assert.deepEqual((await call('GET', q)).body.data, []);
		await readings({ filterCase: 'insensitive' });
		assert.deepEqual(
			(await call('GET', q)).body.data.map((c) => c.id),
			['3'],
		);
		await reset();
	});

	it('filterCase: in-lists of numbers and e-mails follow the reading as equals does', async () => {
		const numbers =
			'/api/v2/customers?filter[0][key]=number&filter[0][op]=in&filter[0][value][0]=10002&filter[0][value][1]=99999&filter[0][value][2]=10004&page[number]=1&page[size]=50';
		assert.deepEqual(
			(await call('GET', numbers)).body.data.map((c) => c.id),
			['2', '4'],
		);
		const emails =
			'/api/v2/customers?filter[0][key]=email&filter[0][op]=in&filter[0][value][0]=KUNDE3@Example.com&filter[0][value][1]=kunde5@example.com';
		assert.deepEqual(
			(await call('GET', emails)).body.data.map((c) => c.id),
			['5'],
		);
		await readings({ filterCase: 'insensitive' });
		assert.deepEqual(
			(await call('GET', emails)).body.data.map((c) => c.id),
			['3', '5'],
		);
		await reset();
	});

	it('viewAddress: the master-data address is embedded only with the reading', async () => {
		assert.equal('address' in (await call('GET', '/api/v2/customers/4')).body.data, false);
		await readings({ viewAddress: 'with' });
		const view = (await call('GET', '/api/v2/customers/4')).body.data;
		const master = (await call('GET', '/api/v2/customers/4/addresses/masterdata')).body.data;
		assert.equal(view.address.street, master.street);
		await reset();
	});

	it('times: offset-less Berlin wall-clock times with the reading', async () => {
		const withOffset = (await call('GET', '/api/v2/customers/1')).body.data.createdAt;
		assert.equal(withOffset, '2026-01-01T01:00:00.000Z');
		await readings({ times: 'offsetless' });
		assert.equal(
			(await call('GET', '/api/v2/customers/1')).body.data.createdAt,
			'2026-01-01 02:00:00',
		);
		await reset();
	});

	it('refuses an unknown reading or value', async () => {
		assert.equal((await readings({ filterCase: 'sometimes' })).status, 400);
		assert.equal((await readings({ nope: 'x' })).status, 400);
	});
});

describe('webhooks', () => {
	it('delivers signed sales-price events to registered webhooks', async () => {
		const received = [];
		const server = createServer((req, res) => {
			let raw = '';
			req.on('data', (c) => (raw += c));
			req.on('end', () => {
				received.push({ raw, signature: req.headers['x-xentral-signature'] });
				res.end('ok');
			});
		});
		await new Promise((r) => server.listen(0, '127.0.0.1', r));
		const url = `http://127.0.0.1:${server.address().port}/hook`;
		const key = 'k'.repeat(32);
		const reg = await call('POST', '/api/v1/webhooks', {
			name: 'test',
			url,
			signatureKey: key,
			events: [{ id: 'com.xentral.salesPrice.deleted.v1' }],
		});
		assert.equal(reg.status, 201);
		const short = await call('POST', '/api/v1/webhooks', {
			name: 't',
			url,
			signatureKey: 'short',
			events: [{ id: 'com.xentral.salesPrice.deleted.v1' }],
		});
		assert.equal(short.status, 400);
		assert.equal((await call('DELETE', '/api/v1/salesPrices/1')).status, 204);
		for (let i = 0; i < 50 && received.length === 0; i++)
			await new Promise((r) => setTimeout(r, 20));
		server.close();
		assert.equal(received.length, 1);
		assert.deepEqual(JSON.parse(received[0].raw), {
			type: 'com.xentral.salesPrice.deleted.v1',
			body: { id: 1 },
		});
		assert.equal(received[0].signature, signBody(received[0].raw, key));
	});
});

describe('the documented v2 customer body', () => {
	it('accepts bank account, SEPA, shipping, document delivery, groups, tax and payment terms', async () => {
		const res = await call('POST', '/api/v2/customers', {
			customerType: 'company',
			name: 'Voll GmbH',
			project: { id: '1' },
			groups: [1, 2],
			customFields: [{ id: 3, value: 'x' }],
			financials: {
				tax: { taxation: 'eu-delivery', taxDisplay: 'always-net', useDeliveryThreshold: true },
				paymentTerms: {
					fixedPaymentTerms: true,
					paymentTargetDiscount: 2,
					paymentTargetDiscountDays: 7,
				},
			},
			primaryBankAccount: {
				iban: 'DE89370400440532013000',
				bic: 'COBADEFFXXX',
				sepa: { mandateReference: 'M-1', mandateReferenceDate: '2026-03-01', usage: 'recurring' },
			},
			shipping: { freeShippingFrom: 50, deliveryBan: false, shippingMethod: { id: '2' } },
			documentDelivery: { autoCreateDocuments: 'both', amountInvoicePrints: 2 },
		});
		assert.equal(res.status, 201);
		const view = await call('GET', new URL(res.headers.get('location')).pathname);
		assert.deepEqual(view.body.data.groups, [1, 2]);
		assert.equal(view.body.data.primaryBankAccount.sepa.usage, 'recurring');
	});

	it('refuses an enum value outside the document and update-only fields on create', async () => {
		const res = await call('POST', '/api/v2/customers', {
			customerType: 'company',
			name: 'X',
			project: { id: '1' },
			financials: { tax: { taxation: 'eu' } },
			shipping: { deliveryBan: 'yes' },
			language: 'de',
		});
		assert.equal(res.status, 400);
		assert.ok(res.body.violations.financials.tax.taxation);
		assert.ok(res.body.violations.shipping.deliveryBan);
		assert.ok(res.body.violations.language);
	});

	it('PATCH takes no project but mainProject, marketing and the rest', async () => {
		const bad = await call('PATCH', '/api/v2/customers/5', { project: { id: '1' } });
		assert.equal(bad.status, 400);
		const ok = await call('PATCH', '/api/v2/customers/5', {
			mainProject: { id: '2' },
			marketing: { marketingBan: true },
			commission: 5.5,
			primaryBankAccount: { iban: null },
		});
		assert.equal(ok.status, 204);
	});

	it('lists projects and shipping methods', async () => {
		const projects = await call('GET', '/api/v1/projects?page[number]=1&page[size]=10');
		assert.deepEqual(
			projects.body.data.map((p) => p.name),
			['Standard', 'Onlineshop'],
		);
		const methods = await call('GET', '/api/v1/shippingMethods?page[number]=1&page[size]=10');
		assert.equal(methods.body.extra.totalCount, 3);
	});
});

describe('rate limit', () => {
	it('answers 429 with Retry-After and X-RateLimit-Reset after 100 requests a minute', async () => {
		const small = await startXentralSandbox({ rateLimit: { limit: 3, intervalSeconds: 60 } });
		try {
			const get = () =>
				fetch(`${small.url}/api/v1/paymentMethods`, {
					headers: { authorization: `Bearer ${small.options.token}` },
				});
			for (let i = 0; i < 3; i++) assert.equal((await get()).status, 200);
			const limited = await get();
			assert.equal(limited.status, 429);
			assert.ok(Number(limited.headers.get('retry-after')) >= 1);
			assert.match(limited.headers.get('x-ratelimit-reset'), /^\d+$/);
			assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
		} finally {
			await small.close();
		}
	});
});

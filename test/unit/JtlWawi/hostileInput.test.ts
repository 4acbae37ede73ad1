/* eslint-disable @typescript-eslint/no-explicit-any -- editor descriptions and vendor JSON */
/**
 * Every parameter of every JTL-Wawi operation, fuzzed with hostile values while the others stay
 * valid. Each run ends in one of two ways:
 * - a NodeOperationError that names the field's label and `(item N)`, with no request sent; or
 * - requests whose paths match the operation's route templates and whose query and body carry no
 *   control or bidi character, no `[object Object]`, no text longer than 255 characters and no
 *   number beyond the vendor's types (non-finite, or 1e12 and more).
 * Anything else (a TypeError, a request to another path, a silently mangled value) fails.
 */
import { NodeOperationError } from 'n8n-workflow';

import { resources } from '../../../nodes/JtlWawi/actions/router';
import { jtlApiRequest } from '../../../nodes/JtlWawi/transport';
import {
	expectRefusedOrSent,
	fuzzOperation,
	fuzzSuite,
	HUGE_TEXT as HUGE,
	hostileValues,
} from '../../harness/hostileValues';
import { answer, locator, mockExecuteContext } from '../../harness/mockContext';
import type { Params } from '../../harness/mockContext';

jest.mock('../../../nodes/JtlWawi/transport', () => ({
	...jest.requireActual('../../../nodes/JtlWawi/transport'),
	jtlApiRequest: jest.fn(),
	// The credential's Time Zone (a mocked context has no credentials).
	jtlTimeZone: jest.fn(async () => 'Europe/Berlin'),
}));

const request = jtlApiRequest as jest.MockedFunction<typeof jtlApiRequest>;

const CUSTOMER_UUID = 'b45f6432-2462-4c6f-b00f-1d9d01000000';
const ADDRESS_UUID = 'c56f6432-2462-4c6f-b00f-1d9d01000001';

/** Valid parameters of Customer > Create, which Create or Update shares. */
const CUSTOMER_WRITE: Params = {
	customerGroupId: 1,
	companyId: 1,
	languageIso: 'de',
	billingAddress: { City: 'Berlin', CountryIso: 'DE' },
	additionalFields: {},
	shippingAddress: {},
	paymentSettings: {},
	options: {},
};

/** Valid parameters of each operation, as the editor stores them. */
const VALID: Record<string, Params> = {
	'address.add': {
		customerId: locator(CUSTOMER_UUID),
		addressType: 1,
		fields: { city: 'Berlin', countryIso: 'DE' },
	},
	'address.getAll': { customerId: locator('12') },
	'address.update': {
		customerId: locator(CUSTOMER_UUID),
		addressId: ADDRESS_UUID,
		updateFields: { city: 'Köln' },
	},
	'contact.create': { customerId: locator('12'), fields: { firstName: 'Ada' } },
	'contact.delete': { customerId: locator('12'), contactId: '5' },
	'contact.get': { customerId: locator('12'), contactId: '5' },
	'contact.getAll': { customerId: locator('12'), returnAll: false, limit: 10 },
	'contact.update': { customerId: locator('12'), contactId: '5', updateFields: { lastName: 'Lo' } },
	'customer.create': {
		...CUSTOMER_WRITE,
		billingCity: 'Berlin',
		billingCountryIso: 'DE',
		billingAddress: {},
		paymentSettings: { CreditLimit: 100 },
	},
	'customer.upsert': { ...CUSTOMER_WRITE, customerNumber: 'K10001' },
	'customer.delete': { customerId: locator('12') },
	'customer.get': { customerId: locator('12'), simplify: true },
	'customer.getAll': {
		returnAll: false,
		limit: 10,
		filters: {},
		sort: {},
		simplify: true,
	},
	'customer.update': {
		customerId: locator(CUSTOMER_UUID),
		updateFields: { customerNumber: 'K1' },
		paymentSettings: {},
		addresses: {},
	},
	'customerPrice.create': {
		itemId: '3',
		customerId: locator('4'),
		fromQuantity: 0,
		priceType: 'netPrice',
		netPrice: 9.5,
	},
	'customerPrice.delete': { itemId: '3', customerId: locator('4'), fromQuantity: 0 },
	'customerPrice.getAll': { itemId: '3', returnAll: true, filters: {} },
	'customerPrice.update': {
		itemId: '3',
		customerId: locator('4'),
		fromQuantity: 0,
		priceType: 'percent',
		reduceStandardPriceByPercent: 5,
	},
};

const ID = '[1-9][0-9]{0,9}';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const REFERENCES = 'GET /(customerGroups|companies|customerCategories|paymentMethods)';

/** Finding a customer's other ID through its number (either ID works in every customer field). */
const RESOLVE = [
	`GET /v2/customers/${UUID}`,
	'GET /customers',
	`GET /customers/${ID}`,
	'GET /v2/customers',
];

/** The routes each operation may call: `METHOD path` as a regular expression. */
const OWN_ROUTES: Record<string, string[]> = {
	'address.add': [`GET /v2/customers/${UUID}`, 'PATCH /v2/customer/update', `GET /customers/${ID}`],
	'address.getAll': [`GET /customers/${ID}`, `GET /v2/customers/${UUID}`],
	'address.update': [`GET /v2/customers/${UUID}`, 'PATCH /v2/customer/update'],
	'contact.create': [`POST /customers/${ID}/contacts`, `GET /customers/${ID}/contacts`],
	'contact.delete': [`DELETE /customers/${ID}/contacts/${ID}`],
	'contact.get': [`GET /customers/${ID}/contacts/${ID}`],
	'contact.getAll': [`GET /customers/${ID}/contacts`],
	'contact.update': [`(PATCH|GET) /customers/${ID}/contacts/${ID}`],
	'customer.create': [REFERENCES, 'POST /customers', 'GET /customers'],
	'customer.upsert': [REFERENCES, '(GET|POST) /customers', `PATCH /customers/${ID}`],
	'customer.delete': [`DELETE /customers/${ID}`, `DELETE /v2/customers/${UUID}`],
	'customer.get': [`GET /customers/${ID}`, `GET /v2/customers/${UUID}`],
	'customer.getAll': ['GET /customers', 'GET /v2/customers'],
	'customer.update': ['PATCH /v2/customer/update'],
	'customerPrice.create': [`(POST|GET) /items/${ID}/customerPrices`],
	'customerPrice.delete': [`DELETE /items/${ID}/customerPrices/${ID}/(0|${ID})`],
	'customerPrice.getAll': [`GET /items/${ID}/customerPrices`],
	'customerPrice.update': [
		`PATCH /items/${ID}/customerPrices/${ID}/(0|${ID})`,
		`GET /items/${ID}/customerPrices`,
	],
};

const ROUTES: Record<string, string[]> = Object.fromEntries(
	Object.entries(OWN_ROUTES).map(([key, routes]) => [key, [...routes, ...RESOLVE]]),
);

/** Addresses the fake API holds beyond the billing address: what update commands added. */
const added: Array<Record<string, unknown>> = [];
const V1_SLOT: Record<number, string> = {
	0: 'OtherBillingAddresses',
	1: 'OtherShippingAddresses',
	2: 'OtherBillingAddresses',
	3: 'OtherShippingAddresses',
	4: 'OtherCustomerAddresses',
};

/** The v1 record of customer 12 with what was added, each in the slot of its assumed kind. */
function v1Customer() {
	const others: Record<string, unknown[]> = {};
	for (const a of added) (others[V1_SLOT[a.addressType as number]] ??= []).push({ City: a.city });
	return { Id: 12, Number: 'K1', BillingAddress: { City: 'Berlin' }, OtherAddresses: others };
}

/** The price the fake API holds: what the last price PATCH set (JTL reads it back after a PATCH). */
let price: Record<string, unknown> = { NetPrice: 9.5, ReduceStandardPriceByPercent: 0 };

/** Plausible answers, so that an accepted value runs the operation to its end. */
function respond(method: string, path: string, body?: unknown) {
	if (/^\/(customerGroups|companies|customerCategories|paymentMethods)$/.test(path))
		return answer([{ Id: 1 }, { Id: 2 }, { Id: 3 }]);
	if (method === 'PATCH' && /customerPrices\//.test(path)) {
		price = { NetPrice: 0, ReduceStandardPriceByPercent: 0, ...(body as object) };
		return answer('', 204);
	}
	if (method === 'PATCH' && path === '/v2/customer/update') {
		for (const a of (body as { addresses?: Array<Record<string, unknown>> }).addresses ?? [])
			if (a.customerAddressId === undefined)
				added.push({
					...a,
					customerAddressId: `${ADDRESS_UUID.slice(0, -4)}${String(1000 + added.length).slice(-4)}`,
				});
		return answer('', 204);
	}
	if (method === 'DELETE' || (method === 'PATCH' && !path.startsWith('/customers/')))
		return answer('', 204);
	if (/customerPrices$/.test(path))
		return method === 'POST'
			? answer({ ItemId: 3, CustomerId: 4, FromQuantity: 0, NetPrice: 9.5 }, 201)
			: answer([{ ItemId: 3, CustomerId: 4, FromQuantity: 0, ...price }]);
	if (/^\/v2\/customers\//.test(path))
		return answer({
			id: CUSTOMER_UUID,
			customerNumber: 'K1',
			addresses: [{ customerAddressId: ADDRESS_UUID, addressType: 0, city: 'Berlin' }, ...added],
		});
	if (/contacts\/\d+$/.test(path)) return answer({ Id: 5, FirstName: 'Ada' });
	if (/contacts$/.test(path))
		return method === 'POST' ? answer({ Id: 6 }, 201) : answer({ Items: [], HasNextPage: false });
	if (path === '/customers' && method === 'GET')
		return answer({ Items: [{ Id: 12, Number: 'K1' }], HasNextPage: false, TotalItems: 1 });
	if (path === '/v2/customers')
		return answer({
			items: [{ id: CUSTOMER_UUID, customerNumber: 'K1', addresses: [] }],
			hasNextPage: false,
			totalItems: 1,
		});
	if (path === '/customers/12') return answer(v1Customer(), 200);
	return answer({ Id: 12, Number: 'K1', BillingAddress: { City: 'Berlin' } }, 200);
}

/** Control and bidi characters put inside short text. */
const injected = [
	'\u0000',
	'\r\n',
	'\n',
	'\t',
	'\u001b',
	'\u007f',
	'\u0085',
	'\u202e',
	'\u202a',
	'\u2066',
	'\u200f',
	'\u2028',
	'\ufeff',
];

/** Values an expression could hand a parameter. */
const hostile = hostileValues(
	[
		HUGE,
		`${HUGE}1`,
		'',
		' ',
		'../x',
		'..',
		'1/contacts',
		'1?x=2',
		'1#frag',
		'%2e%2e',
		'1%2F2',
		' 12 ',
		'K1/../../admin',
		NaN,
		Infinity,
		-Infinity,
		1e308,
		-1e308,
		-1,
		1.5,
		2 ** 31,
		-0,
		0,
		null,
		true,
		false,
		{},
		[],
		{ __rl: true, mode: 'id', value: '../1' },
		{ toString: 'x' },
	],
	injected,
	{ uuids: true },
);

const suite = fuzzSuite(resources, VALID, request, respond, {
	routes: (key) => ROUTES[key],
	values: hostile,
	seed: 8,
	numRuns: 40,
	validFirst: true,
});
const { operations, tally } = suite;

describe('hostile parameter values', () => {
	it('covers every operation of the router', () => {
		expect(operations).toHaveLength(18);
		for (const { resource, operation } of operations)
			expect(VALID[`${resource}.${operation}`]).toBeDefined();
	});

	it.each(operations)('$resource > $operation', ({ resource, operation }) =>
		fuzzOperation(suite, resource, operation),
	);

	// 10,680 values at numRuns 40: 8,597 refused naming field and item, 2,083 sent on valid routes.
	it('tried over 10,000 values, each refused naming field and item or sent on a valid route', () => {
		expect(tally.tried).toBeGreaterThanOrEqual(10_000);
		expectRefusedOrSent(tally);
	});
});

describe('the hostile values the issue found', () => {
	const refusal = async (key: string, params: Params, itemIndex = 2) => {
		const [resource, operation] = key.split('.');
		request.mockReset();
		request.mockImplementation(async (_ctx, method, path) => respond(method, path) as any);
		const ctx = mockExecuteContext([params, params, params]);
		const error = await resources[resource].operations[operation].execute.call(ctx, itemIndex).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(request).not.toHaveBeenCalled();
		return (error as Error).message;
	};
	const getAll = (filters: object, sort: object = {}) => ({
		...VALID['customer.getAll'],
		filters,
		sort,
	});

	it.each([
		[
			'Search Keyword as an object',
			getAll({ searchKeyWord: { a: 1 } }),
			/^Filters > Search Keyword \(item 2\) must be text/,
		],
		[
			'Customer Number filter as an object',
			getAll({ number: {} }),
			/^Filters > Customer Number \(item 2\) must be text/,
		],
		[
			'a 100 KB Search Keyword',
			getAll({ searchKeyWord: HUGE }),
			/^Filters > Search Keyword \(item 2\) must be at most 255 characters/,
		],
		['a 100 KB Sort By', getAll({}, { sortBy: HUGE }), /^Sort > Sort By \(item 2\) must be one of/],
		[
			'Sort By not among its options',
			getAll({}, { sortBy: 'password' }),
			/^Sort > Sort By \(item 2\) must be one of/,
		],
		[
			'Descending as text',
			getAll({}, { descending: 'yes' }),
			/^Sort > Descending \(item 2\) must be true or false/,
		],
		[
			'Sort as a list',
			getAll({}, [] as unknown as object),
			/^Sort \(item 2\) must be a collection of fields/,
		],
	])('Customer > Get Many refuses %s', async (_name, params, message) => {
		expect(await refusal('customer.getAll', params)).toMatch(message);
	});

	it.each([
		['NUL', 'K1\u0000', 'U+0000 at position 3'],
		['CR/LF', 'K1\r\nX-Injected: 1', 'U+000D at position 3'],
		['U+202E', '\u202eK1', 'U+202E at position 1'],
	])('Customer > Create or Update refuses %s in the customer number', async (_n, number, found) => {
		const message = await refusal('customer.upsert', {
			...VALID['customer.upsert'],
			customerNumber: number,
		});
		expect(message).toBe(
			`Customer Number (item 2) must not contain control or bidirectional formatting characters (found ${found})`,
		);
	});

	it.each([
		['1.5', 1.5, 'must be a whole number'],
		['1e308', 1e308, 'must fit a 32-bit integer'],
		['-1', -1, 'must be 0 or greater'],
	])('Customer > Create refuses a Credit Limit of %s', async (_n, value, reason) => {
		const message = await refusal('customer.create', {
			...VALID['customer.create'],
			paymentSettings: { CreditLimit: value },
		});
		expect(message).toBe(`Payment Settings > Credit Limit (item 2) ${reason}`);
	});

	it('Customer Price > Create refuses a Net Price of 1e308', async () => {
		expect(
			await refusal('customerPrice.create', { ...VALID['customerPrice.create'], netPrice: 1e308 }),
		).toBe('Net Price (item 2) must be less than 1e12 (1,000,000,000,000)');
	});

	it.each([
		['text', 'abc'],
		['a number', 5],
		['a list', [{ lastName: 'x' }]],
	])('Customer > Update refuses Update Fields given as %s, naming it', async (_n, value) => {
		expect(
			await refusal('customer.update', { ...VALID['customer.update'], updateFields: value }),
		).toMatch(/^Update Fields \(item 2\) must be a collection of fields \(an object\)/);
	});

	it('shows at most 100 characters of a huge value in the error description', async () => {
		request.mockReset();
		const ctx = mockExecuteContext(getAll({ searchKeyWord: HUGE }));
		const error = (await resources.customer.operations.getAll.execute
			.call(ctx, 0)
			.catch((e: unknown) => e)) as NodeOperationError;
		expect(error.description!.length).toBeLessThan(300);
		expect(error.description).toContain('(100002 characters)');
	});
});
